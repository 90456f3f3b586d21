package org.redteam4j.core.analysis;

import java.util.List;
import org.redteam4j.core.attempt.RedTeamAttempt;

/** What the analyses need of one attempt. Scores may be null (unscored data). */
public record AttemptFacts(String modelType, String numParams, double rating, Double minHarmlessness, Double intent,
                           long memberId, List<String> tags) implements java.io.Serializable {

    public AttemptFacts {
        tags = tags == null ? List.of() : List.copyOf(tags);
    }

    public static AttemptFacts of(RedTeamAttempt attempt) {
        return new AttemptFacts(attempt.modelType().label(), attempt.numParams(), attempt.rating(),
                attempt.minHarmlessnessScore(), attempt.taskDescriptionHarmlessnessScore(), attempt.redTeamMemberId(),
                attempt.tags());
    }

    /** Successful in the paper's sense: rated 3 or more. */
    public boolean successful() {
        return rating >= 3;
    }
}
