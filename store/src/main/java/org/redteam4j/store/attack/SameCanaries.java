package org.redteam4j.store.attack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.redteam4j.core.failure.BadInput;
import org.redteam4j.core.format.Json;

/**
 * A resumed campaign plants the canaries it planted before, behind the same system prompt: the
 * canary judge of an attack run before the resume looked for the stored canary, so a different one
 * (or another prompt around it) would mix two campaigns in one rate. The campaign's stored
 * provenance holds them ({@code injection.canary}, {@code injection.seed}, {@code injection.send_system_prompt},
 * {@code injection.system_prompt_sha256}); a run that first plants canaries records them there.
 */
final class SameCanaries {

    static final List<String> KEYS = List.of("injection.canary", "injection.seed", "injection.send_system_prompt",
            "injection.system_prompt_sha256");

    private SameCanaries() {
    }

    /**
     * Bad input when the stored provenance planted a canary (or used a system prompt) and {@code now}
     * plants another; a run without injection plants none. Returns the stored provenance with the
     * injection keys it lacked and {@code now} has (a first run without injection, or a database from
     * before a key was recorded), for the store to keep; empty when nothing is to be added.
     */
    static java.util.Optional<String> check(String campaign, String stored, String now) {
        JsonNode before = components(stored);
        JsonNode after = components(now);
        ObjectNode added = Json.mapper().createObjectNode();
        for (String key : KEYS) {
            JsonNode was = before.get(key);
            JsonNode is = after.get(key);
            if (was != null && is != null && !was.equals(is)) {
                String shown = key.endsWith("_sha256") ? "a system prompt of sha256 " : key + " ";
                throw new BadInput("campaign '" + campaign + "' was started with " + shown + was.asText() + " and is now run with "
                        + is.asText() + "; a resume keeps the campaign's canaries and system prompt (restore the campaign "
                        + "file's injection block, or give the campaign a new name)");
            }
            if (was == null && is != null) {
                added.set(key, is);
            }
        }
        if (added.isEmpty()) {
            return java.util.Optional.empty();
        }
        JsonNode root = readable(stored);
        ObjectNode merged = root.isObject() ? (ObjectNode) root.deepCopy() : Json.mapper().createObjectNode();
        JsonNode components = merged.path("components");
        ObjectNode into = components.isObject() ? (ObjectNode) components : merged.putObject("components");
        into.setAll(added);
        return java.util.Optional.of(merged.toString());
    }

    private static JsonNode components(String provenance) {
        return readable(provenance).path("components");
    }

    private static JsonNode readable(String provenance) {
        if (provenance == null || provenance.isBlank()) {
            return Json.mapper().createObjectNode();
        }
        try {
            return Json.mapper().readTree(provenance);
        } catch (java.io.IOException e) {
            return Json.mapper().createObjectNode(); // an unreadable old provenance planted nothing we can compare
        }
    }
}
