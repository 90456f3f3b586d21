package org.redteam4j.core.format;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.redteam4j.core.scoring.Verdict;

/** Verdicts as JSON, the one way they are written to the store, to Spark's output and back. */
public final class VerdictJson {

    private VerdictJson() {
    }

    public static ArrayNode write(List<Verdict> verdicts) {
        ArrayNode array = Json.mapper().createArrayNode();
        for (Verdict verdict : verdicts) {
            ObjectNode node = array.addObject().put("judge", verdict.judge()).put("outcome", verdict.outcome().name())
                    .put("rationale", verdict.rationale()).put("threshold", verdict.threshold());
            if (verdict.refused() != null) {
                node.put("refused", verdict.refused());
            }
            if (verdict.harm() != null) {
                node.put("harm", verdict.harm());
            }
            if (verdict.specificity() != null) {
                node.put("specificity", verdict.specificity());
            }
            if (!verdict.categories().isEmpty()) { // written only when named, so older stored verdicts read the same
                ArrayNode categories = node.putArray("categories");
                verdict.categories().forEach(categories::add);
            }
        }
        return array;
    }

    /** Reads what {@link #write} wrote; {@code position} and {@code field} name the place of a bad verdict. */
    public static List<Verdict> read(List<JsonNode> nodes, RecordPosition position, String field) {
        return JsonFields.objects(nodes, position, field, "verdict", fields -> new Verdict(
                Verdict.Outcome.valueOf(fields.string("outcome")), optionalBool(fields.node(), "refused"),
                intOrNull(fields.optionalInteger("harm")), intOrNull(fields.optionalInteger("specificity")),
                fields.optionalString("rationale"), fields.smallInteger("threshold"), fields.string("judge"),
                fields.optionalStrings("categories")));
    }

    public static List<Verdict> read(String json, String where) {
        try {
            JsonNode node = Json.mapper().readTree(json);
            List<JsonNode> nodes = new ArrayList<>();
            node.forEach(nodes::add);
            return read(nodes, new RecordPosition(where, 1, 1), "verdicts");
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(where + ": verdicts are not valid JSON", e);
        }
    }

    private static Boolean optionalBool(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asBoolean();
    }

    private static Integer intOrNull(Long value) {
        return value == null ? null : value.intValue();
    }
}
