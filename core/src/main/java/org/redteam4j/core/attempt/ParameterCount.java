package org.redteam4j.core.attempt;

import java.util.Comparator;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads size labels such as {@code "2.7B"} or {@code "350M"} as numbers, to order and plot them. */
public final class ParameterCount {

    private static final Pattern LABEL = Pattern.compile("\\s*(\\d+(?:\\.\\d+)?)\\s*([KMBT]?)\\s*", Pattern.CASE_INSENSITIVE);

    /** Orders labels by the number they stand for; labels that are not numbers come last, alphabetically. */
    public static final Comparator<String> ORDER = Comparator
            .comparing((String label) -> of(label).isEmpty())
            .thenComparingDouble(label -> of(label).orElse(0))
            .thenComparing(Comparator.naturalOrder());

    private ParameterCount() {
    }

    public static OptionalDouble of(String label) {
        Matcher matcher = LABEL.matcher(label);
        if (!matcher.matches()) {
            return OptionalDouble.empty();
        }
        double value = Double.parseDouble(matcher.group(1));
        double scale = switch (matcher.group(2).toUpperCase(Locale.ROOT)) {
            case "K" -> 1e3;
            case "M" -> 1e6;
            case "B" -> 1e9;
            case "T" -> 1e12;
            default -> 1;
        };
        return OptionalDouble.of(value * scale);
    }
}
