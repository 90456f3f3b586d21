package org.redteam4j.store.analysis;

import java.util.List;
import org.redteam4j.core.attempt.RedTeamAttempt;
import org.redteam4j.core.transcript.Speaker;

/**
 * One human attempt as the report's explorer shows it: what the analyses count (member, model
 * type, size, rating, tags, scores), the member's task description and the transcript with each
 * assistant turn's harmlessness score where the database has one.
 *
 * @param tags empty when the attempt was never tagged
 */
public record ExplorerAttempt(long member, String modelType, String size, double rating, Double minHarmlessness,
                              Double intent, String description, List<String> tags, List<ScoredTurn> turns) {

    /** A turn and its harmlessness score (null for a human turn, or an assistant turn nobody scored). */
    public record ScoredTurn(Speaker speaker, String text, Double harmlessness) {
    }

    public ExplorerAttempt {
        tags = tags == null ? List.of() : List.copyOf(tags);
        turns = List.copyOf(turns);
    }

    /** From an hh-rlhf record: a file has the transcript's minimum but no per-turn scores. */
    public static ExplorerAttempt of(RedTeamAttempt attempt) {
        return new ExplorerAttempt(attempt.redTeamMemberId(), attempt.modelType().label(), attempt.numParams(), attempt.rating(),
                attempt.minHarmlessnessScore(), attempt.taskDescriptionHarmlessnessScore(), attempt.taskDescription(),
                attempt.tags(), attempt.transcript().turns().stream().map(t -> new ScoredTurn(t.speaker(), t.text(), null)).toList());
    }

    /** Successful in the paper's sense (and the analyses'): rated 3 or more. */
    public boolean successful() {
        return rating >= 3;
    }
}
