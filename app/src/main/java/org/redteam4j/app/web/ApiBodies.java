package org.redteam4j.app.web;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.io.IOException;
import org.redteam4j.app.workbench.WorkbenchFailure;
import org.redteam4j.core.format.Json;
import org.redteam4j.core.format.JsonFields;
import org.redteam4j.core.format.RecordPosition;

/** How the JSON API reads a request body and writes its answer. */
final class ApiBodies {

    /** A body is one JSON object and nothing after it. */
    private static final ObjectReader BODY = Json.mapper().reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    /** Where a field's error says it is; {@link FailureResponses} shows the field and the problem only. */
    private static final RecordPosition REQUEST = new RecordPosition("the request body", 1, 0);

    private ApiBodies() {
    }

    /** The body: one JSON object, its fields read by {@link JsonFields}, whose refusals name the field (as import's do). */
    static JsonFields body(Context ctx) {
        try {
            JsonNode node = BODY.readTree(ctx.body());
            if (node == null || !node.isObject()) {
                throw WorkbenchFailure.invalid("expected a JSON object");
            }
            return new JsonFields((ObjectNode) node, REQUEST);
        } catch (IOException e) {
            throw WorkbenchFailure.invalid("the body is not valid JSON");
        }
    }

    static void json(Context ctx, JsonNode node) {
        ctx.contentType("application/json").result(node.toString());
    }

    static void ok(Context ctx) {
        json(ctx, Json.mapper().createObjectNode().put("ok", true));
    }

    static void putNullable(ObjectNode node, String field, Double value) {
        if (value == null) {
            node.putNull(field);
        } else {
            node.put(field, value);
        }
    }
}
