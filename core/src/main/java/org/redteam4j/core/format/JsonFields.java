package org.redteam4j.core.format;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads typed fields from one JSON record, naming the record and field in every error: the one rule
 * for what a field's JSON type must be, used by the data formats and the workbench's JSON API alike.
 * A value is never coerced ({@code "3"} is not a number, {@code true} not 1).
 */
public final class JsonFields {

    private final ObjectNode node;
    private final RecordPosition position;

    public JsonFields(ObjectNode node, RecordPosition position) {
        this.node = node;
        this.position = position;
    }

    /**
     * Reads every entry of an array field, each of which must be an object; an error names the
     * entry ({@code field[i]}, and {@code field[i].inner} for a field inside it). A value the
     * reader refuses (IllegalArgumentException) is "not a {@code what}".
     */
    static <T> List<T> objects(List<JsonNode> nodes, RecordPosition position, String field, String what,
                               java.util.function.Function<JsonFields, T> read) {
        List<T> values = new ArrayList<>(nodes.size());
        for (int i = 0; i < nodes.size(); i++) {
            String place = field + "[" + i + "]";
            if (!(nodes.get(i) instanceof ObjectNode entry)) {
                throw InvalidRecordException.field(position, place, "expected an object");
            }
            try {
                values.add(read.apply(new JsonFields(entry, position)));
            } catch (InvalidRecordException e) {
                throw InvalidRecordException.field(position, place + "." + e.field(), e.problem());
            } catch (IllegalArgumentException | NullPointerException e) {
                throw InvalidRecordException.field(position, place, "not a " + what + " (" + e.getMessage() + ")");
            }
        }
        return values;
    }

    /** The object this reads, for values outside the typed getters. */
    JsonNode node() {
        return node;
    }

    public String string(String field) {
        JsonNode value = present(field);
        if (!value.isTextual()) {
            throw wrong(field, "a string", value);
        }
        return value.textValue();
    }

    public double number(String field) {
        JsonNode value = present(field);
        if (!value.isNumber()) {
            throw wrong(field, "a number", value);
        }
        return value.doubleValue();
    }

    Double nullableNumber(String field) {
        JsonNode value = present(field);
        return value.isNull() ? null : number(field);
    }

    public long integer(String field) {
        JsonNode value = present(field);
        if (!value.isIntegralNumber() || !value.canConvertToLong()) {
            throw wrong(field, "an integer", value);
        }
        return value.longValue();
    }

    boolean bool(String field) {
        JsonNode value = present(field);
        if (!value.isBoolean()) {
            throw wrong(field, "true or false", value);
        }
        return value.booleanValue();
    }

    /** A string, or null when the field is absent or holds null. */
    public String optionalString(String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : string(field);
    }

    /** An integer, or null when the field is absent or holds null. */
    public Long optionalInteger(String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : integer(field);
    }

    /** An integer that fits an int. */
    public int smallInteger(String field) {
        long value = integer(field);
        if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
            throw invalid(field, "expected an integer of at most 10 digits, got " + value);
        }
        return (int) value;
    }

    /** An integer that fits an int, or null when the field is absent or holds null. */
    public Integer optionalSmallInteger(String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : smallInteger(field);
    }

    /** A list of strings, or null when the field is absent or holds null. */
    public List<String> optionalStrings(String field) {
        return node.has(field) ? nullableStrings(field) : null;
    }

    /** A string that is one of {@code allowed}. */
    public String choice(String field, List<String> allowed) {
        String value = string(field);
        if (!allowed.contains(value)) {
            throw invalid(field, "expected " + String.join(", ", allowed.subList(0, allowed.size() - 1))
                    + (allowed.size() > 1 ? " or " : "") + allowed.get(allowed.size() - 1) + ", got " + abbreviate(node.get(field)));
        }
        return value;
    }

    /** A JSON object, for records nested in this one. */
    ObjectNode object(String field) {
        JsonNode value = present(field);
        if (!value.isObject()) {
            throw wrong(field, "an object", value);
        }
        return (ObjectNode) value;
    }

    /** The elements of a JSON array. */
    List<JsonNode> array(String field) {
        JsonNode value = present(field);
        if (!value.isArray()) {
            throw wrong(field, "a list", value);
        }
        List<JsonNode> elements = new ArrayList<>(value.size());
        value.forEach(elements::add);
        return elements;
    }

    /** A list of strings, or null when the field holds null. */
    public List<String> nullableStrings(String field) {
        JsonNode value = present(field);
        if (value.isNull()) {
            return null;
        }
        if (!value.isArray()) {
            throw wrong(field, "null or a list of strings", value);
        }
        List<String> strings = new ArrayList<>(value.size());
        for (JsonNode element : value) {
            if (!element.isTextual()) {
                throw wrong(field, "null or a list of strings", value);
            }
            strings.add(element.textValue());
        }
        return strings;
    }

    /** The fields of the record not in {@code known}, in their original order. */
    Map<String, JsonNode> others(Set<String> known) {
        Map<String, JsonNode> others = new LinkedHashMap<>();
        node.fields().forEachRemaining(entry -> {
            if (!known.contains(entry.getKey())) {
                others.put(entry.getKey(), entry.getValue());
            }
        });
        return others;
    }

    public boolean has(String field) {
        return node.has(field);
    }

    InvalidRecordException invalid(String field, String problem) {
        return InvalidRecordException.field(position, field, problem);
    }

    private JsonNode present(String field) {
        JsonNode value = node.get(field);
        if (value == null) {
            throw invalid(field, "missing");
        }
        return value;
    }

    private InvalidRecordException wrong(String field, String expected, JsonNode actual) {
        return invalid(field, "expected " + expected + ", got " + abbreviate(actual));
    }

    private static String abbreviate(JsonNode value) {
        String text = value.toString();
        return text.length() <= 60 ? text : text.substring(0, 57) + "...";
    }
}
