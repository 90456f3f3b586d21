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
        return ChartOptions.filter(fieldsAndValues).toString();
    }

    static String percent(double share) {
        return String.format(Locale.ROOT, "%.0f", 100 * share);
    }

    /** A share as "31%", or a dash when there is nothing to share out. */
    static String share(long part, long whole) {
        return whole == 0 ? NONE : share(part / (double) whole);
    }

    /** A share 0–1 as "31%"; a share above zero that rounds to 0 is "<1%", so none reads as nothing. */
    static String share(double share) {
        return share > 0 && share < 0.005 ? "<1%" : percent(share) + "%";
    }

    /** A rating as the data writes it: "3" for whole ratings, "2.50" for averaged ones. */
    static String rating(double rating) {
        return rating == Math.rint(rating) ? String.valueOf((long) rating) : number(rating);
    }

    /** The rating as an explorer filter value: a whole number stays an integer in the JSON. */
    static Number ratingValue(double rating) {
        return rating == Math.rint(rating) ? (Number) (long) rating : (Number) rating;
    }

    /** At most {@code max} characters, cut at a word and marked with an ellipsis. */
    static String truncate(String text, int max) {
        String flat = text == null ? "" : text.strip().replaceAll("\\s+", " ");
        if (flat.length() <= max) {
            return flat;
        }
        int cut = flat.lastIndexOf(' ', max - 1);
        return flat.substring(0, cut > max / 2 ? cut : max - 1) + "…";
    }
}
