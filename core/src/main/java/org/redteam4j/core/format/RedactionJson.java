package org.redteam4j.core.format;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.util.ArrayList;
import java.util.List;
import org.redteam4j.core.secrets.Redaction;

/**
 * Redaction findings as JSON, the one way they are written to the store and the attack-results
 * format and read back: {@code [{"secret": "OPENAI_API_KEY", "in": "reply", "finding": "the reply
 * contained the OPENAI_API_KEY"}]}. The finding is written for people and ignored on reading.
 */
public final class RedactionJson {

    private RedactionJson() {
    }

    public static ArrayNode write(List<Redaction> redactions) {
        ArrayNode array = Json.mapper().createArrayNode();
        redactions.forEach(redaction -> array.addObject().put("secret", redaction.secret()).put("in", redaction.in())
                .put("finding", redaction.finding()));
        return array;
    }

    /** Reads what {@link #write} wrote; {@code position} and {@code field} name the place of a bad entry. */
    public static List<Redaction> read(List<JsonNode> nodes, RecordPosition position, String field) {
        return JsonFields.objects(nodes, position, field, "redaction", fields -> new Redaction(fields.string("secret"), fields.string("in")));
    }

    public static List<Redaction> read(String json, String where) {
        if (json == null) {
            return List.of();
        }
        try {
            List<JsonNode> nodes = new ArrayList<>();
            Json.mapper().readTree(json).forEach(nodes::add);
            return read(nodes, new RecordPosition(where, 1, 1), "redactions");
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(where + ": redactions are not valid JSON", e);
        }
    }
}
