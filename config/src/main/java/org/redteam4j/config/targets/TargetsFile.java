package org.redteam4j.config.targets;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.redteam4j.core.failure.BadInput;
import org.redteam4j.core.format.DataFile;

/** Reads targets declared in YAML: a document with a {@code targets:} list. */
public final class TargetsFile {

    private static final ObjectMapper YAML = YAMLMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    private TargetsFile() {
    }

    /** The document shape: {@code targets: [...]}; other top-level keys belong to campaign files. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Document(@JsonProperty("targets") List<TargetConfig> targets) {
    }

    public static List<TargetConfig> read(Path file) {
        return parse(DataFile.text(file), file.toString());
    }

    /** Targets from YAML text (pasted in the workbench, say); {@code file} names it in errors. */
    public static List<TargetConfig> parse(String yaml, String file) {
        try {
            Document document = YAML.readValue(yaml, Document.class);
            List<TargetConfig> targets = document == null || document.targets() == null ? List.of() : document.targets();
            if (targets.isEmpty()) {
                throw new BadInput(file + ": declares no targets (expected a 'targets:' list)");
            }
            for (int i = 0; i < targets.size(); i++) {
                if (targets.get(i).model() == null) {
                    throw new BadInput(file + ": targets[" + i + "]: missing 'model' (e.g. openai:gpt-4o-mini, sim)");
                }
            }
            return targets;
        } catch (UnrecognizedPropertyException e) {
            throw new BadInput(file + lineOfKey(yaml, String.valueOf(e.getPropertyName()), tokenLocation(e)) + ": "
                    + path(e) + "unknown key '" + e.getPropertyName()
                    + "'; expected one of " + e.getKnownPropertyIds(), e);
        } catch (JsonMappingException e) {
            throw new BadInput(file + describe(tokenLocation(e)) + ": " + path(e)
                    + e.getOriginalMessage().lines().findFirst().orElse(""), e);
        } catch (JsonProcessingException e) {
            throw new BadInput(file + describe(e.getLocation()) + ": not valid YAML: " + e.getOriginalMessage(), e);
        }
    }

    /** Where the offending token starts (the exception's own location is where the parser got to). */
    private static JsonLocation tokenLocation(JsonMappingException e) {
        return e.getProcessor() instanceof JsonParser parser ? parser.currentTokenLocation() : e.getLocation();
    }

    /**
     * The line where an unknown key is written. Jackson reports records' unknown keys at the end
     * of the object, so the key is looked up in the text; the parser's location is the fallback.
     */
    private static String lineOfKey(String yaml, String key, JsonLocation fallback) {
        List<String> lines = yaml.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.startsWith(key + ":") || line.startsWith("- " + key + ":")) {
                return ": line " + (i + 1);
            }
        }
        return describe(fallback);
    }

    private static String describe(JsonLocation location) {
        return location == null || location.getLineNr() < 1 ? "" : ": line " + location.getLineNr();
    }

    private static String path(JsonMappingException e) {
        String path = e.getPath().stream()
                .map(reference -> reference.getFieldName() != null ? reference.getFieldName() : "[" + reference.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
        return path.isEmpty() ? "" : "field " + path + ": ";
    }

    /** Finds a declared target by name. */
    public static TargetConfig named(List<TargetConfig> targets, String name, Path file) {
        return targets.stream().filter(target -> target.displayName().equals(name)).findFirst()
                .orElseThrow(() -> new BadInput(file + ": no target named '" + name + "'; declared: "
                        + targets.stream().map(TargetConfig::displayName).collect(Collectors.joining(", "))));
    }
}
