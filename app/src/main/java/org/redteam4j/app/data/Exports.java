package org.redteam4j.app.data;

import java.io.OutputStream;
import java.util.function.LongConsumer;
import org.redteam4j.core.attempt.PreferencePair;
import org.redteam4j.core.format.JsonRecordWriter;
import org.redteam4j.core.format.PreferencePairJson;
import org.redteam4j.core.format.RedTeamAttemptJson;
import org.redteam4j.store.Database;
import org.redteam4j.store.attempt.AttemptRepository;
import org.redteam4j.store.attempt.AttemptSelection;
import org.redteam4j.store.attempt.ExportedAttempt;
import org.redteam4j.store.pair.PreferencePairRepository;

/**
 * The one writer of exports, for {@code redteam4j export} and the workbench's export link: red-team
 * attempts as an hh-rlhf JSON array or JSON Lines, and preference pairs as JSON Lines, of the
 * {@link AttemptSelection}'s attempts. Abandoned ones, when selected, carry {@code "abandoned": true}.
 */
public final class Exports {

    private Exports() {
    }

    /** The number of attempts {@link #attempts} will write, for progress. */
    public static long countAttempts(Database db, AttemptSelection selection) {
        return db.read(handle -> new AttemptRepository(handle).countExported(selection));
    }

    /** Writes the selected attempts; {@code written} is told the running count. Returns how many were written. */
    public static long attempts(Database db, AttemptSelection selection, JsonRecordWriter.Layout layout, OutputStream stream,
                                LongConsumer written) {
        return db.read(handle -> {
            try (JsonRecordWriter<ExportedAttempt> writer = new JsonRecordWriter<>(stream, layout,
                    (exported, out) -> RedTeamAttemptJson.write(exported.attempt(), exported.rated(), out))) {
                new AttemptRepository(handle).forEachExported(selection, attempt -> {
                    writer.write(attempt);
                    written.accept(writer.written());
                });
                return writer.written();
            }
        });
    }

    /** The number of imported pairs {@link #pairs} writes first (none when a campaign is selected). */
    public static long countImportedPairs(Database db, AttemptSelection selection) {
        return selection.campaignId() != null ? 0 : db.read(handle -> new PreferencePairRepository(handle).count());
    }

    /**
     * Writes imported pairs (only when no campaign is selected: they belong to none), then one pair
     * per workbench choice in the selected attempts. Returns how many were written.
     */
    public static long pairs(Database db, AttemptSelection selection, OutputStream stream, LongConsumer written) {
        record Marked(PreferencePair pair, boolean abandoned, boolean simulated) {
        }
        return db.read(handle -> {
            PreferencePairRepository repository = new PreferencePairRepository(handle);
            try (JsonRecordWriter<Marked> writer = new JsonRecordWriter<>(stream, JsonRecordWriter.Layout.LINES,
                    (marked, out) -> PreferencePairJson.write(marked.pair(), marked.abandoned(), marked.simulated(), out))) {
                if (selection.campaignId() == null) {
                    repository.forEach(pair -> {
                        writer.write(new Marked(pair, false, false));
                        written.accept(writer.written());
                    });
                }
                repository.forEachMarkedWorkbenchChoice(selection, choice -> {
                    writer.write(new Marked(choice.pair(), choice.abandoned(), choice.simulated()));
                    written.accept(writer.written());
                });
                return writer.written();
            }
        });
    }
}
