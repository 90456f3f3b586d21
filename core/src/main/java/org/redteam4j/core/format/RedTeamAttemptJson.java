package org.redteam4j.core.format;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.Map;
import java.util.Set;
import org.redteam4j.core.attempt.ModelType;
import org.redteam4j.core.attempt.RedTeamAttempt;
import org.redteam4j.core.transcript.Transcript;

/** The fields of hh-rlhf {@code red_team_attempts} records, read and written. */
public final class RedTeamAttemptJson {

    public static final String TRANSCRIPT = "transcript";
    public static final String MIN_HARMLESSNESS_SCORE = "min_harmlessness_score_transcript";
    public static final String NUM_PARAMS = "num_params";
    public static final String MODEL_TYPE = "model_type";
    public static final String RATING = "rating";
    public static final String TASK_DESCRIPTION = "task_description";
    /** The key as the released data spells it, and as we write it. */
    public static final String TASK_DESCRIPTION_SCORE = "task_descripton_harmlessness_score";
    /** The correct spelling, accepted on input. */
    public static final String TASK_DESCRIPTION_SCORE_CORRECTED = "task_description_harmlessness_score";
    public static final String MEMBER_ID = "red_team_member_id";
    public static final String IS_UPWORKER = "is_upworker";
    public static final String TAGS = "tags";

    private static final Set<String> KNOWN = Set.of(TRANSCRIPT, MIN_HARMLESSNESS_SCORE, NUM_PARAMS, MODEL_TYPE,
            RATING, TASK_DESCRIPTION, TASK_DESCRIPTION_SCORE, TASK_DESCRIPTION_SCORE_CORRECTED, MEMBER_ID,
            IS_UPWORKER, TAGS);

    private RedTeamAttemptJson() {
    }

    public static RedTeamAttempt read(ObjectNode node, RecordPosition position) {
        JsonFields fields = new JsonFields(node, position);
        String modelTypeLabel = fields.string(MODEL_TYPE);
        ModelType modelType = ModelType.fromLabel(modelTypeLabel).orElseThrow(() -> fields.invalid(MODEL_TYPE,
                "expected one of " + ModelType.expectedLabels() + ", got \"" + modelTypeLabel + "\""));
        String numParams = fields.string(NUM_PARAMS);
        if (numParams.isBlank()) {
            throw fields.invalid(NUM_PARAMS, "expected a size label such as \"52B\", got an empty string");
        }
        double rating = fields.number(RATING);
        if (!(rating >= RedTeamAttempt.MIN_RATING && rating <= RedTeamAttempt.MAX_RATING)) {
            throw fields.invalid(RATING, "expected a number from 0 to 4, got " + rating);
        }
        return new RedTeamAttempt(
                Transcript.parse(fields.string(TRANSCRIPT)),
                fields.nullableNumber(MIN_HARMLESSNESS_SCORE),
                numParams,
                modelType,
                rating,
                fields.string(TASK_DESCRIPTION),
                taskDescriptionScore(fields),
                fields.integer(MEMBER_ID),
                fields.bool(IS_UPWORKER),
                fields.nullableStrings(TAGS),
                fields.others(KNOWN));
    }

    private static Double taskDescriptionScore(JsonFields fields) {
        boolean misspelt = fields.has(TASK_DESCRIPTION_SCORE);
        boolean corrected = fields.has(TASK_DESCRIPTION_SCORE_CORRECTED);
        if (misspelt && corrected) {
            throw fields.invalid(TASK_DESCRIPTION_SCORE_CORRECTED,
                    "given together with \"" + TASK_DESCRIPTION_SCORE + "\"; keep only one of the two spellings");
        }
        return fields.nullableNumber(corrected ? TASK_DESCRIPTION_SCORE_CORRECTED : TASK_DESCRIPTION_SCORE);
    }

    /** Writes one record as a JSON object, with the fields in the order of the released file. */
    public static void write(RedTeamAttempt attempt, JsonGenerator out) throws IOException {
        write(attempt, true, out);
    }

    /**
     * Writes one record; {@code rated} false writes {@code "rating": null} in place of the record's
     * rating (an attempt abandoned before its member rated it, exported only when asked for).
     */
    public static void write(RedTeamAttempt attempt, boolean rated, JsonGenerator out) throws IOException {
        out.writeStartObject();
        out.writeStringField(TRANSCRIPT, attempt.transcript().text());
        writeNullableNumber(out, MIN_HARMLESSNESS_SCORE, attempt.minHarmlessnessScore());
        out.writeStringField(NUM_PARAMS, attempt.numParams());
        out.writeStringField(MODEL_TYPE, attempt.modelType().label());
        if (rated) {
            out.writeNumberField(RATING, attempt.rating());
        } else {
            out.writeNullField(RATING);
        }
        out.writeStringField(TASK_DESCRIPTION, attempt.taskDescription());
        writeNullableNumber(out, TASK_DESCRIPTION_SCORE, attempt.taskDescriptionHarmlessnessScore());
        out.writeNumberField(MEMBER_ID, attempt.redTeamMemberId());
        out.writeBooleanField(IS_UPWORKER, attempt.isUpworker());
        out.writeFieldName(TAGS);
        if (attempt.tags() == null) {
            out.writeNull();
        } else {
            out.writeStartArray();
            for (String tag : attempt.tags()) {
                out.writeString(tag);
            }
            out.writeEndArray();
        }
        for (Map.Entry<String, JsonNode> extra : attempt.extraFields().entrySet()) {
            out.writeFieldName(extra.getKey());
            out.writeTree(extra.getValue());
        }
        out.writeEndObject();
    }

    private static void writeNullableNumber(JsonGenerator out, String field, Double value) throws IOException {
        if (value == null) {
            out.writeNullField(field);
        } else {
            out.writeNumberField(field, value);
        }
    }
}
