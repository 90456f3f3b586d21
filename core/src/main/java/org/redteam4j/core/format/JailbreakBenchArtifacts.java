package org.redteam4j.core.format;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.redteam4j.core.failure.BadInput;

/**
 * Reads a JailbreakBench attack-artifact file ({@code {"parameters": …, "jailbreaks": [{goal,
 * behavior, category, prompt, response, jailbroken, …}]}}): one JSON document, small enough to read whole.
 */
public final class JailbreakBenchArtifacts {

    private JailbreakBenchArtifacts() {
    }

    public static List<JailbreakBenchEntry> read(DataFile file) {
        JsonNode root;
        try (file) {
            root = Json.mapper().readTree(file.strictUtf8());
        } catch (IOException e) {
            throw new BadInput(file.name() + ": not valid JSON (" + e.getMessage() + ")", e);
        }
        JsonNode jailbreaks = root == null ? null : root.get("jailbreaks");
        if (jailbreaks == null || !jailbreaks.isArray()) {
            throw new BadInput(file.name() + ": not a JailbreakBench artifact (expected a \"jailbreaks\" array)");
        }
        List<JsonNode> nodes = new ArrayList<>();
        jailbreaks.forEach(nodes::add);
        return JsonFields.objects(nodes, new RecordPosition(file.name(), 1, 0), "jailbreaks", "JailbreakBench entry",
                fields -> new JailbreakBenchEntry(fields.string("goal"), fields.optionalString("behavior"),
                        fields.optionalString("category"), fields.optionalString("prompt"), fields.optionalString("response"),
                        fields.bool("jailbroken")));
    }
}
