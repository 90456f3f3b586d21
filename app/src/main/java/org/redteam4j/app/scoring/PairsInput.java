package org.redteam4j.app.scoring;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.redteam4j.app.cli.DatabaseOption;
import org.redteam4j.core.attempt.PreferencePair;
import org.redteam4j.core.format.Datasets;
import org.redteam4j.core.format.RecordReader;
import org.redteam4j.store.Database;
import org.redteam4j.store.pair.PreferencePairRepository;

/** Preference pairs from a file, or from the workbench choices in the database. */
final class PairsInput {

    private PairsInput() {
    }

    static List<PreferencePair> fromFile(Path file) {
        List<PreferencePair> pairs = new ArrayList<>();
        try (RecordReader<PreferencePair> reader = Datasets.preferencePairs(file)) {
            for (PreferencePair pair = reader.read(); pair != null; pair = reader.read()) {
                pairs.add(pair);
            }
        }
        return pairs;
    }

    static List<PreferencePair> fromWorkbench(DatabaseOption database) {
        Database db = database.open();
        List<PreferencePair> pairs = new ArrayList<>();
        db.inTransaction(handle -> {
            new PreferencePairRepository(handle).forEachTrainableWorkbenchChoice(pairs::add);
            return null;
        });
        return pairs;
    }
}
