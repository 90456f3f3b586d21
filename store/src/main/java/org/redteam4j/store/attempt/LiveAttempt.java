package org.redteam4j.store.attempt;

import java.util.List;

/**
 * An attempt as the workbench shows and continues it.
 *
 * @param turns the conversation; an assistant turn whose candidates are not yet chosen is {@code pending}
 */
public record LiveAttempt(long id, long campaignId, long targetId, long memberId, String status, String taskDescription,
                          Double rating, List<LiveTurn> turns) {

    public LiveAttempt {
        turns = List.copyOf(turns);
    }

    public boolean awaitingChoice() {
        return !turns.isEmpty() && turns.get(turns.size() - 1).pending();
    }

    public boolean finished() {
        return !"in_progress".equals(status);
    }

    /**
     * One turn; assistant turns carry the candidates that were shown.
     *
     * @param candidateDraws      draws of the model it took to get the candidates (0 for a human turn, or one stored before)
     * @param identicalCandidates the candidates stayed one text after every draw: shown with a note, never a preference pair
     */
    public record LiveTurn(long id, int position, String speaker, String text, List<Candidate> candidates, int candidateDraws,
                           boolean identicalCandidates) {

        public LiveTurn {
            candidates = List.copyOf(candidates);
        }

        public boolean pending() {
            return "assistant".equals(speaker) && !candidates.isEmpty() && candidates.stream().noneMatch(Candidate::picked);
        }
    }

    /**
     * The candidates of one assistant turn as they were drawn.
     *
     * @param draws      draws of the model it took (1 when the first gave two replies that differ)
     * @param identical  the two still have the same text after trimming
     * @param drawMillis wall time of the draws and scoring, before any answer floor
     */
    public record Drawn(List<Candidate> shown, int draws, boolean identical, long drawMillis) {

        public Drawn {
            shown = List.copyOf(shown);
        }
    }

    /** A candidate reply: its label (A, B), text, harmlessness score and whether the member picked it. */
    public record Candidate(String label, String text, Double score, boolean picked) {
    }
}
