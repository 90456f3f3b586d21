package org.redteam4j.spark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.redteam4j.core.attempt.PreferencePair;
import org.redteam4j.core.format.Datasets;
import org.redteam4j.core.format.RecordReader;
import org.redteam4j.core.testing.SharedData;
import org.redteam4j.models.pm.BradleyTerryTrainer;
import org.redteam4j.models.pm.FeatureSpec;
import org.redteam4j.models.pm.PreferenceTraining;

/**
 * A preference head on the lexical signals only, trained on the shared harmless-base pairs: a real
 * head that scores without ONNX, so 40,000 attempts (about 140,000 distinct replies) can be scored
 * twice within a test; the embedded default model is compared on the sample.
 */
final class LexicalHead {

    private static Path file;

    private LexicalHead() {
    }

    static synchronized Path file() throws IOException {
        if (file == null) {
            List<PreferencePair> pairs = new ArrayList<>();
            try (RecordReader<PreferencePair> reader = Datasets.preferencePairs(SharedData.harmlessBaseDev())) {
                for (PreferencePair pair = reader.read(); pair != null; pair = reader.read()) {
                    pairs.add(pair);
                }
            }
            var outcome = PreferenceTraining.train(pairs, List.of(), PreferenceTraining.DEFAULT_TEST_FRACTION,
                    FeatureSpec.lexicalOnly(), BradleyTerryTrainer.Settings.DEFAULT, Map.of(), Map.of("made_by", "spark tests"));
            file = Files.createTempFile("lexical-head", ".json");
            file.toFile().deleteOnExit();
            outcome.head().write(file);
        }
        return file;
    }
}
