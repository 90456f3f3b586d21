package org.redteam4j.config;

import java.util.List;
import org.redteam4j.core.scoring.HarmlessnessScorer;
import org.redteam4j.core.scoring.RefusalDetector;
import org.redteam4j.core.transcript.Turn;

/**
 * Stand-ins for the shipped preference model and refusal detector, for a dry run: judges and
 * interventions are built around them as a run builds them, and loading the real models (seconds,
 * hundreds of MB) is skipped. Using one is a bug: a dry run calls nothing.
 */
final class NotLoaded implements HarmlessnessScorer, RefusalDetector {

    static final NotLoaded PREFERENCE_MODEL = new NotLoaded("pm");
    static final NotLoaded REFUSAL_DETECTOR = new NotLoaded("refusal-detector");

    private final String id;

    private NotLoaded(String id) {
        this.id = id;
    }

    @Override
    public double score(List<Turn> context, String reply) {
        throw new IllegalStateException(id + " is not loaded in a dry run, which calls nothing");
    }

    @Override
    public RefusalVerdict detect(List<Turn> context, String reply) {
        throw new IllegalStateException(id + " is not loaded in a dry run, which calls nothing");
    }

    /** Both interfaces give an empty default; a stand-in has no model, so no provenance. */
    @Override
    public java.util.Map<String, String> provenance() {
        return java.util.Map.of();
    }

    @Override
    public String id() {
        return id;
    }
}
