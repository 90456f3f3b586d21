package org.redteam4j.store.targets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * What makes a target answer as it does: its declaration (TargetConfig as JSON) without the keys
 * that only name, reach or pace it. Everything else — runtime and model, base URL, intervention,
 * samples, sampling, system prompt, the simulated assistant's and llama.cpp's settings, and any
 * key added later — is identity, so a new key errs towards a new version rather than a rewrite.
 */
final class TargetIdentity {

    /** Keys that never change a reply: the name (compared on its own), the key's name, limits, the plain-HTTP permission. */
    static final Set<String> NOT_IDENTITY = Set.of("name", "api_key_env", "limits", "allow_plain_http_key");

    private TargetIdentity() {
    }

    /**
     * The identity as one canonical string: keys sorted, nulls and empty objects dropped (they
     * mean "the default"), numbers by value (5, 5.0 and 5.00 are one number).
     */
    static String of(JsonNode declaration) {
        if (declaration == null || !declaration.isObject()) {
            return "{}";
        }
        ObjectNode kept = JsonNodeFactory.instance.objectNode();
        declaration.fields().forEachRemaining(field -> {
            if (!NOT_IDENTITY.contains(field.getKey())) {
                kept.set(field.getKey(), field.getValue());
            }
        });
        JsonNode canonical = canonical(kept);
        return canonical == null ? "{}" : canonical.toString();
    }

    private static JsonNode canonical(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        if (node.isNumber()) {
            return JsonNodeFactory.instance.numberNode(node.decimalValue().stripTrailingZeros());
        }
        if (node.isArray()) {
            ArrayNode array = JsonNodeFactory.instance.arrayNode();
            node.forEach(item -> {
                JsonNode value = canonical(item);
                array.add(value == null ? JsonNodeFactory.instance.nullNode() : value);
            });
            return array;
        }
        if (node.isObject()) {
            List<String> names = new ArrayList<>();
            node.fieldNames().forEachRemaining(names::add);
            names.sort(null);
            ObjectNode object = JsonNodeFactory.instance.objectNode();
            for (String name : names) {
                JsonNode value = canonical(node.get(name));
                if (value != null) {
                    object.set(name, value);
                }
            }
            return object.isEmpty() ? null : object;
        }
        return node;
    }
}
