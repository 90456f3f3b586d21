package org.redteam4j.config.yaml;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.util.Map;
import java.util.stream.Collectors;
import org.redteam4j.core.failure.BadInput;

/**
 * Reads a redteam4j YAML file into its type — the one loader for campaign files, targets files
 * and the workbench's targets. Refused, with the file, line and key: a duplicate key, an anchor,
 * alias or merge key, a second document, an unknown key at any depth, a wrong type
 * (a fraction such as 1.5 where a whole number goes included).
 */
public final class StrictYaml {

    private static final ObjectMapper YAML = YAMLMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT) // 1.5 for a whole number is an error, not 1
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private StrictYaml() {
    }

    /** {@code yaml} as a {@code type}, or null for a document with no content; {@code origin} names it in errors. */
    public static <T> T read(String yaml, String origin, Class<T> type) {
        Map<String, Integer> lines = YamlShape.check(yaml, origin);
        if (!lines.containsKey(YamlShape.ROOT)) {
            return null; // blank, or comments only
        }
        try {
            return YAML.readValue(yaml, type);
        } catch (UnrecognizedPropertyException e) {
            String path = path(e);
            String parent = path.contains(".") ? path.substring(0, path.lastIndexOf('.')) : "";
            throw new BadInput(origin + line(lines, path, e) + ": unknown key '" + e.getPropertyName() + "'"
                    + YamlShape.in(parent) + "; expected one of " + e.getKnownPropertyIds(), e);
        } catch (JsonMappingException e) {
            String path = path(e);
            // a creator that refuses a value says why in its own words; Jackson's wrapper would name our classes
            String problem = e instanceof com.fasterxml.jackson.databind.exc.ValueInstantiationException
                    && e.getCause() instanceof IllegalArgumentException refusal ? refusal.getMessage() : e.getOriginalMessage();
            throw new BadInput(origin + line(lines, path, e) + ": " + (path.isEmpty() ? "" : "field " + path + ": ")
                    + problem.lines().findFirst().orElse(""), e);
        } catch (JsonProcessingException e) {
            throw new BadInput(origin + (e.getLocation() == null ? "" : ": line " + e.getLocation().getLineNr())
                    + ": not valid YAML: " + e.getOriginalMessage(), e);
        }
    }

    /** The line of the key or item at {@code path}, noted while checking; else where the parser was. */
    private static String line(Map<String, Integer> lines, String path, JsonMappingException e) {
        Integer line = lines.get(path);
        if (line == null && e.getProcessor() instanceof JsonParser parser) {
            line = parser.currentTokenLocation().getLineNr();
        }
        return line == null || line < 1 ? "" : ": line " + line;
    }

    /** The exception's path in the form {@link YamlShape} notes lines by: {@code targets[0].sampling.top_p}. */
    private static String path(JsonMappingException e) {
        return e.getPath().stream()
                .map(reference -> reference.getFieldName() != null ? "." + reference.getFieldName() : "[" + reference.getIndex() + "]")
                .collect(Collectors.joining()).replaceFirst("^\\.", "");
    }
}
