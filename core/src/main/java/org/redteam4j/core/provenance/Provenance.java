package org.redteam4j.core.provenance;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;
import org.redteam4j.core.format.Json;

/**
 * What made a result, stored with every campaign and import so it can be rebuilt: the versions of
 * redteam4j and Java, the sha256 of the input file, and the ids and settings of the components
 * (judges, scorers with their preference model's own provenance, strategies, targets).
 */
public record Provenance(String redteam4jVersion, String javaVersion, String inputSha256, Map<String, String> components) {

    public Provenance {
        components = Map.copyOf(components);
    }

    /** This process's versions, for {@code inputSha256} (may be null) and the given components. */
    public static Provenance of(String inputSha256, Map<String, String> components) {
        return new Provenance(version(), Runtime.version().toString(), inputSha256, components);
    }

    /** redteam4j's version from the jar's manifest, or {@code dev} when run from classes (tests, an IDE). */
    public static String version() {
        String version = Provenance.class.getPackage().getImplementationVersion();
        return version == null ? "dev" : version;
    }

    public String toJson() {
        ObjectNode node = Json.mapper().createObjectNode().put("redteam4j", redteam4jVersion).put("java", javaVersion)
                .put("input_sha256", inputSha256);
        ObjectNode parts = node.putObject("components");
        new java.util.TreeMap<>(components).forEach(parts::put);
        return node.toString();
    }

    /** Components under a common prefix, e.g. {@code judge.0 → refusal}. */
    public static Map<String, String> numbered(String prefix, Iterable<String> ids) {
        Map<String, String> numbered = new LinkedHashMap<>();
        int i = 0;
        for (String id : ids) {
            numbered.put(prefix + "." + i++, id);
        }
        return numbered;
    }
}
