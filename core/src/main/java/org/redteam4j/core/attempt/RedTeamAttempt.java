package org.redteam4j.core.attempt;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.redteam4j.core.transcript.Speaker;
import org.redteam4j.core.transcript.Transcript;
import org.redteam4j.core.transcript.Turn;

/**
 * One record of hh-rlhf {@code red_team_attempts}: a red team member's conversation with a
 * model, with their rating of its success and the preference model's scores.
 *
 * @param transcript                        the conversation
 * @param minHarmlessnessScore              the PM's lowest score over the assistant's turns; null when unscored
 * @param numParams                         the model size label as the data has it ({@code "52B"})
 * @param modelType                         which of the paper's four model types answered
 * @param rating                            the member's rating of their success, 0 to 4
 * @param taskDescription                   the member's plan, written before the conversation
 * @param taskDescriptionHarmlessnessScore  the PM's score of the task description; null when unscored
 * @param redTeamMemberId                   the member's anonymous id
 * @param isUpworker                        whether the member was recruited through Upwork
 * @param tags                              attack-type tags; null when never tagged, empty when tagged with none
 * @param extraFields                       fields the format does not define, kept so export loses nothing
 */
public record RedTeamAttempt(
        Transcript transcript,
        Double minHarmlessnessScore,
        String numParams,
        ModelType modelType,
        double rating,
        String taskDescription,
        Double taskDescriptionHarmlessnessScore,
        long redTeamMemberId,
        boolean isUpworker,
        List<String> tags,
        Map<String, JsonNode> extraFields) {

    public static final double MIN_RATING = 0;
    public static final double MAX_RATING = 4;

    public RedTeamAttempt {
        Objects.requireNonNull(transcript, "transcript");
        Objects.requireNonNull(numParams, "numParams");
        Objects.requireNonNull(modelType, "modelType");
        Objects.requireNonNull(taskDescription, "taskDescription");
        if (!(rating >= MIN_RATING && rating <= MAX_RATING)) {
            throw new IllegalArgumentException("rating must be within 0..4, was " + rating);
        }
        tags = tags == null ? null : List.copyOf(tags);
        extraFields = extraFields == null || extraFields.isEmpty()
                ? Map.of()
                : Collections.unmodifiableMap(new LinkedHashMap<>(extraFields));
    }

    public boolean isTagged() {
        return tags != null;
    }

    /** What the attempt tried, in words: the member's task description, else their first message. */
    public String attackDescription() {
        if (!taskDescription.isBlank()) {
            return taskDescription;
        }
        return transcript.turns().stream().filter(turn -> turn.speaker() == Speaker.HUMAN).map(Turn::text)
                .findFirst().orElse("");
    }
}
