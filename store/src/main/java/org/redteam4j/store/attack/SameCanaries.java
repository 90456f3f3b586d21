package org.redteam4j.store.attack;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.redteam4j.core.failure.BadInput;
import org.redteam4j.core.format.Json;

/**
 * A resumed campaign plants the canaries it planted before: the canary judge of an attack run
 * before the resume looked for the stored canary, so a different one would mix two campaigns in
 * one rate. The campaign's stored provenance holds them ({@code injection.canary}, {@code injection.seed}).
 */
final class SameCanaries {

    static final List<String> KEYS = List.of("injection.canary", "injection.seed");

    private SameCanaries() {
    }

    /** Bad input when the stored provenance planted a canary and {@code now} plants another; a run without injection plants none. */
    static void check(String campaign, String stored, String now) {
        JsonNode before = components(stored);
        JsonNode after = components(now);
        for (String key : KEYS) {
            JsonNode was = before.get(key);
            JsonNode is = after.get(key);
            if (was != null && is != null && !was.equals(is)) {
                throw new BadInput("campaign '" + campaign + "' was started with " + key + " " + was.asText() + " and is now run with "
                        + is.asText() + "; a resume keeps the campaign's canaries (restore the campaign "
                        + "file's injection block, or give the campaign a new name)");
            }
        }
    }

    private static JsonNode components(String provenance) {
        if (provenance == null || provenance.isBlank()) {
            return Json.mapper().createObjectNode();
        }
        try {
            return Json.mapper().readTree(provenance).path("components");
        } catch (java.io.IOException e) {
            return Json.mapper().createObjectNode(); // an unreadable old provenance planted nothing we can compare
        }
    }
}
