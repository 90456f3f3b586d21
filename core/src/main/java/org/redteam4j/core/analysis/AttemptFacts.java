package org.redteam4j.core.analysis;

import java.util.List;
import org.redteam4j.core.attempt.RedTeamAttempt;

/**
 * What the analyses need of one attempt. Scores may be null (unscored data). {@code simulated}: the
 * record says it was made by the example-data generator or the simulated assistant
 * ({@value #SIMULATED_FIELD}: true), so a report of it carries the "simulated" banner.
 */
public record AttemptFacts(String modelType, String numParams, double rating, Double minHarmlessness, Double intent,
                           long memberId, List<String> tags, boolean simulated) implements java.io.Serializable {

    /** The extra field generated records carry. */
    public static final String SIMULATED_FIELD = "simulated";

    public AttemptFacts {
        tags = tags == null ? List.of() : List.copyOf(tags);
    }

    /** Not simulated. */
    public AttemptFacts(String modelType, String numParams, double rating, Double minHarmlessness, Double intent, long memberId,
                        List<String> tags) {
        this(modelType, numParams, rating, minHarmlessness, intent, memberId, tags, false);
    }

    public static AttemptFacts of(RedTeamAttempt attempt) {
        return new AttemptFacts(attempt.modelType().label(), attempt.numParams(), attempt.rating(),
                attempt.minHarmlessnessScore(), attempt.taskDescriptionHarmlessnessScore(), attempt.redTeamMemberId(),
                attempt.tags(), simulated(attempt.extraFields()));
    }

    /** Whether a record's extra fields say {@value #SIMULATED_FIELD}: true. */
    public static boolean simulated(java.util.Map<String, com.fasterxml.jackson.databind.JsonNode> extraFields) {
        var flag = extraFields.get(SIMULATED_FIELD);
        return flag != null && flag.isBoolean() && flag.booleanValue();
    }

    /** Successful in the paper's sense: rated 3 or more. */
    public boolean successful() {
        return rating >= 3;
    }
}
