package org.redteam4j.core.attack.convert;

import java.util.Map;
import java.util.function.IntFunction;

/** Text handled by code point, so a surrogate pair (an emoji, a tag character) is never split. */
final class CodePoints {

    private CodePoints() {
    }

    /** Each code point replaced by what {@code replace} gives for it. */
    static String map(String text, IntFunction<String> replace) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(c -> out.append(replace.apply(c)));
        return out.toString();
    }

    /** Each code point found in {@code table} replaced, every other kept. */
    static String map(String text, Map<Integer, String> table) {
        return map(text, c -> table.getOrDefault(c, Character.toString(c)));
    }

    /** A table from the i-th code point of {@code from} to the i-th of {@code to}; both have the same length. */
    static Map<Integer, String> table(String from, String to) {
        int[] keys = from.codePoints().toArray();
        int[] values = to.codePoints().toArray();
        if (keys.length != values.length) {
            throw new IllegalStateException("a table's two rows differ in length: " + keys.length + " and " + values.length);
        }
        Map<Integer, String> table = new java.util.HashMap<>();
        for (int i = 0; i < keys.length; i++) {
            table.put(keys[i], Character.toString(values[i]));
        }
        return Map.copyOf(table);
    }
}
