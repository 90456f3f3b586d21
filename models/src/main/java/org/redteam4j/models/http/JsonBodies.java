package org.redteam4j.models.http;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** Request-body fields that are sent only when the caller set them. */
public final class JsonBodies {

    private JsonBodies() {
    }

    public static void put(ObjectNode body, String field, Number value) {
        if (value instanceof Double d) {
            body.put(field, d);
        } else if (value instanceof Integer i) {
            body.put(field, i);
        } else if (value instanceof Long l) {
            body.put(field, l);
        } else if (value != null) {
            throw new IllegalArgumentException("unsupported number type " + value.getClass());
        }
    }

    public static void putStrings(ObjectNode body, String field, List<String> values) {
        if (!values.isEmpty()) {
            ArrayNode array = body.putArray(field);
            values.forEach(array::add);
        }
    }
}
