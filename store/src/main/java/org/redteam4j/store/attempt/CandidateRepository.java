package org.redteam4j.store.attempt;

import org.jdbi.v3.core.Handle;

/** The candidate replies shown for an assistant turn (A and B in the workbench) and which one was picked. */
public final class CandidateRepository {

    private final Handle handle;

    public CandidateRepository(Handle handle) {
        this.handle = handle;
    }

    public void insert(long turnId, String label, String text, Double harmlessnessScore, boolean picked) {
        handle.createUpdate("""
                        INSERT INTO turn_candidates (turn_id, label, text, harmlessness_score, picked)
                        VALUES (:turn, :label, :text, :score, :picked)""")
                .bind("turn", turnId).bind("label", label).bind("text", text)
                .bind("score", harmlessnessScore).bind("picked", picked)
                .execute();
    }
}
