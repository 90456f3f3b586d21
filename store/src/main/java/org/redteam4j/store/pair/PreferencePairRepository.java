package org.redteam4j.store.pair;

import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.result.ResultIterator;
import org.redteam4j.core.attempt.PreferencePair;
import org.redteam4j.store.attempt.AttemptSelection;

/** Imported preference pairs. */
public final class PreferencePairRepository {

    private final Handle handle;

    public PreferencePairRepository(Handle handle) {
        this.handle = handle;
    }

    /** @return true when stored, false when a pair with this key was already there */
    public boolean insert(String recordKey, Long importId, PreferencePair pair) {
        return handle.createUpdate("""
                        INSERT INTO preference_pairs (record_key, import_id, chosen, rejected)
                        VALUES (:key, :import, :chosen, :rejected)
                        ON CONFLICT (record_key) DO NOTHING""")
                .bind("key", recordKey)
                .bind("import", importId)
                .bind("chosen", pair.chosen())
                .bind("rejected", pair.rejected())
                .execute() == 1;
    }

    /** Streams every imported pair in the order it was imported. */
    public void forEach(Consumer<PreferencePair> sink) {
        try (ResultIterator<PreferencePair> pairs = handle.createQuery(
                        "SELECT chosen, rejected FROM preference_pairs ORDER BY id")
                .setFetchSize(1000)
                .map((rs, ctx) -> new PreferencePair(rs.getString("chosen"), rs.getString("rejected")))
                .iterator()) {
            pairs.forEachRemaining(sink);
        }
    }

    /**
     * Streams one pair per candidate a member passed over in the workbench (the picked reply is the
     * rejected side), except candidates with the picked one's text and turns marked identical.
     */
    public void forEachWorkbenchChoice(Consumer<PreferencePair> sink) {
        new WorkbenchChoices(handle, false).forEach(sink);
    }

    /**
     * The selected attempts' choices (one campaign's, or all), each with whether its attempt was
     * abandoned; the methods above leave abandoned attempts' choices out.
     */
    public void forEachWorkbenchChoice(AttemptSelection selection, BiConsumer<PreferencePair, Boolean> sink) {
        new WorkbenchChoices(handle, false, selection).forEach(sink);
    }

    /** A workbench choice's pair, whether its attempt was abandoned, and whether its target is simulated. */
    public record MarkedChoice(PreferencePair pair, boolean abandoned, boolean simulated) {
    }

    /** {@link #forEachWorkbenchChoice(AttemptSelection, BiConsumer)}, also saying which pairs a simulated target's replies made. */
    public void forEachMarkedWorkbenchChoice(AttemptSelection selection, Consumer<MarkedChoice> sink) {
        new WorkbenchChoices(handle, false, selection).forEachMarked(sink);
    }

    /**
     * The choices a preference model may learn from: not those made over simulated targets (their
     * replies say nothing about harm), nor, as in every export, between candidates with the same text
     * (no choice at all).
     */
    public void forEachTrainableWorkbenchChoice(Consumer<PreferencePair> sink) {
        new WorkbenchChoices(handle, true).forEach(sink);
    }

    public long count() {
        return handle.createQuery("SELECT COUNT(*) FROM preference_pairs").mapTo(Long.class).one();
    }
}
