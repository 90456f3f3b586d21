package org.redteam4j.core.attack;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * An attacker's answer in a labelled format ({@code Observation: … / Thought: … / Message: …}),
 * read leniently: labels in any case, at the start of a line, optionally bulleted or in bold
 * ({@code **Message:**}); a value runs to the next label, over several lines. A real model, the
 * {@code sim} runtime and a scripted attacker all write it a little differently, so nothing here
 * throws: a label that is absent is empty.
 */
public final class LabelledAnswer {

    private final Map<String, String> values;

    private LabelledAnswer(Map<String, String> values) {
        this.values = values;
    }

    /** The values of {@code labels} in {@code text}; text before the first label is ignored. */
    public static LabelledAnswer parse(String text, List<String> labels) {
        Map<String, StringBuilder> found = new LinkedHashMap<>();
        StringBuilder current = null;
        for (String line : text.split("\\R", -1)) {
            String bare = bare(line);
            String label = labelOf(bare, labels);
            if (label != null && !found.containsKey(label)) { // a label repeated inside a value is part of the value
                current = new StringBuilder(afterLabel(bare).strip());
                found.put(label, current);
            } else if (current != null) {
                current.append('\n').append(line);
            }
        }
        Map<String, String> values = new LinkedHashMap<>();
        found.forEach((label, value) -> values.put(label, value.toString().strip()));
        return new LabelledAnswer(values);
    }

    /**
     * {@code text} without the label its first line starts with ({@code **Rewritten request:** …}), when it
     * is one of {@code labels}; otherwise {@code text} as it is. What follows the label is kept whole.
     */
    static String withoutLeadingLabel(String text, List<String> labels) {
        String[] lines = text.strip().split("\\R", 2);
        String bare = bare(lines[0]);
        if (labelOf(bare, labels) == null) {
            return text;
        }
        return (afterLabel(bare) + (lines.length > 1 ? "\n" + lines[1] : "")).strip();
    }

    /** A line without its indentation, bullets, heading marks and the bold of a leading label. */
    private static String bare(String line) {
        return line.strip().replaceFirst("^[-*#>\\s]+", "");
    }

    /** What follows the label's colon (and the bold closing it) on a labelled line. */
    private static String afterLabel(String bare) {
        return bare.substring(bare.indexOf(':') + 1).replaceFirst("^\\*+", "");
    }

    /** The label {@code line} starts with ({@code Message:} or {@code **Message**:}), as given in {@code labels}, or null. */
    private static String labelOf(String line, List<String> labels) {
        int colon = line.indexOf(':');
        if (colon < 0) {
            return null;
        }
        String head = line.substring(0, colon).replace("*", "").strip().toLowerCase(Locale.ROOT);
        return labels.stream().filter(label -> label.toLowerCase(Locale.ROOT).equals(head)).findFirst().orElse(null);
    }

    /** The value of {@code label} when it was given and is not blank. */
    public Optional<String> value(String label) {
        return Optional.ofNullable(values.get(label)).filter(value -> !value.isBlank());
    }
}
