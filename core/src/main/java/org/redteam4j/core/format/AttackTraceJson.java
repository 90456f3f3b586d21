package org.redteam4j.core.format;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.redteam4j.core.attack.AttackTrace;

/** An attack's trace as JSON, the one way it is written to the store, to attack-results files and back. */
public final class AttackTraceJson {

    private AttackTraceJson() {
    }

    public static ObjectNode write(AttackTrace trace) {
        ObjectNode node = Json.mapper().createObjectNode();
        if (trace.hitAt() != null) {
            node.put("hit_at", trace.hitAt());
        }
        ArrayNode steps = node.putArray("steps");
        for (AttackTrace.Step step : trace.steps()) {
            ObjectNode written = steps.addObject().put("index", step.index()).put("branch", step.branch());
            ArrayNode techniques = written.putArray("techniques");
            step.techniques().forEach(techniques::add);
            written.put("prompt", step.prompt()).put("reply", step.reply()).put("kept", step.kept()).put("note", step.note());
        }
        return node;
    }

    /** Reads what {@link #write} wrote; {@code field} names the trace in errors ({@code trace.steps[2].prompt}). */
    public static AttackTrace read(ObjectNode node, RecordPosition position, String field) {
        JsonFields fields = new JsonFields(node, position);
        try {
            List<AttackTrace.Step> steps = JsonFields.objects(fields.array("steps"), position, "steps", "step", step ->
                    new AttackTrace.Step(step.smallInteger("index"), step.optionalString("branch"),
                            step.nullableStrings("techniques"), step.optionalString("prompt"), step.optionalString("reply"),
                            step.bool("kept"), step.optionalString("note")));
            return new AttackTrace(steps, fields.optionalSmallInteger("hit_at"));
        } catch (InvalidRecordException e) {
            throw InvalidRecordException.field(position, field + "." + e.field(), e.problem());
        } catch (IllegalArgumentException e) {
            throw InvalidRecordException.field(position, field, e.getMessage());
        }
    }

    /** The trace the store kept as text, or {@link AttackTrace#NONE} for none. */
    public static AttackTrace read(String json, String where) {
        if (json == null) {
            return AttackTrace.NONE;
        }
        try {
            JsonNode node = Json.mapper().readTree(json);
            return read((ObjectNode) node, new RecordPosition(where, 1, 1), "trace");
        } catch (com.fasterxml.jackson.core.JsonProcessingException | ClassCastException e) {
            throw new IllegalStateException(where + ": the attack trace is not a JSON object", e);
        }
    }
}
