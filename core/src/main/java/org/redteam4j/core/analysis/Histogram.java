package org.redteam4j.core.analysis;

import java.util.ArrayList;
import java.util.List;

/** Counts in bins: {@code labels.get(i)} names bin i. */
public record Histogram(List<String> labels, List<Long> counts) {

    public Histogram {
        labels = List.copyOf(labels);
        counts = List.copyOf(counts);
    }

    /** Equal-width bins over [min, max] of the values (NaN and nulls ignored). */
    public static Histogram of(List<Double> values, int bins) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (Double v : values) {
            if (v != null && !v.isNaN()) {
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
        }
        if (min > max) {
            return new Histogram(List.of(), List.of());
        }
        return of(values, bins, min, upper(min, max));
    }

    public static Histogram of(List<Double> values, int bins, double min, double max) {
        long[] counts = new long[bins];
        for (Double v : values) {
            if (v != null && !v.isNaN()) {
                counts[bin(v, bins, min, max)]++;
            }
        }
        return of(counts, min, max);
    }

    /** The upper end of the bins over values from min to max: a single value gets a bin range of width 1. */
    public static double upper(double min, double max) {
        return min == max ? min + 1 : max;
    }

    /** The bin of {@code value} among {@code bins} equal bins over [min, max]; values outside go to the end bins. */
    public static int bin(double value, int bins, double min, double max) {
        double width = (max - min) / bins;
        return (int) Math.min(bins - 1, Math.max(0, Math.floor((value - min) / width)));
    }

    /** The histogram of counts already made with {@link #bin}. */
    public static Histogram of(long[] counts, double min, double max) {
        int bins = counts.length;
        double width = (max - min) / bins;
        List<String> labels = new ArrayList<>();
        List<Long> list = new ArrayList<>();
        for (int i = 0; i < bins; i++) {
            labels.add(String.format("%.2f", min + width * (i + 0.5)));
            list.add(counts[i]);
        }
        return new Histogram(labels, list);
    }
}
