package org.redteam4j.app.report;

import java.util.Locale;
import org.redteam4j.core.analysis.Interval;

/** How the report writes numbers: two decimals, intervals as "estimate (low to high)", a dash for none. */
final class Cells {

    private static final String NONE = "—";

    private Cells() {
    }

    static String interval(Interval i) {
        if (i == null || Double.isNaN(i.estimate())) {
            return NONE;
        }
        // no interval (one member or seed to resample): the estimate alone, never a faked zero-width interval
        return Double.isNaN(i.low()) || Double.isNaN(i.high()) ? String.format(Locale.ROOT, "%.2f (—)", i.estimate())
                : String.format(Locale.ROOT, "%.2f (%.2f to %.2f)", i.estimate(), i.low(), i.high());
    }

    static String number(double value) {
        return String.format(Locale.ROOT, "%.2f", value);
    }

    static String number(Double value) {
        return value == null ? NONE : number(value.doubleValue());
    }

    /**
     * An explorer filter as the JSON object a {@code data-filter} attribute carries: field, value,
     * field, value… (strings and numbers as they are).
     */
    static String filter(Object... fieldsAndValues) {
        var filter = org.redteam4j.core.format.Json.mapper().createObjectNode();
        for (int i = 0; i < fieldsAndValues.length; i += 2) {
            filter.set((String) fieldsAndValues[i], org.redteam4j.core.format.Json.mapper().valueToTree(fieldsAndValues[i + 1]));
        }
        return filter.toString();
    }

    static String percent(double share) {
        return String.format(Locale.ROOT, "%.0f", 100 * share);
    }
}
