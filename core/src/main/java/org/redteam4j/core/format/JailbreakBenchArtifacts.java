package org.redteam4j.core.format;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
        List<JailbreakBenchEntry> entries = new ArrayList<>(jailbreaks.size());
        for (int i = 0; i < jailbreaks.size(); i++) {
            RecordPosition position = new RecordPosition(file.name() + ": jailbreaks[" + i + "]", i + 1, 0);
            if (!(jailbreaks.get(i) instanceof ObjectNode entry)) {
                throw InvalidRecordException.fatal(position, "expected an object");
            }
            JsonFields fields = new JsonFields(entry, position);
            entries.add(new JailbreakBenchEntry(fields.string("goal"), fields.optionalString("behavior"),
                    fields.optionalString("category"), fields.optionalString("prompt"), fields.optionalString("response"),
                    fields.bool("jailbroken")));
        }
        return entries;
    }
}
