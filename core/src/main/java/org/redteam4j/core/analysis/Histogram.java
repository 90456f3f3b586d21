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
        if (min == max) {
            max = min + 1;
        }
        return of(values, bins, min, max);
    }

    public static Histogram of(List<Double> values, int bins, double min, double max) {
        long[] counts = new long[bins];
        double width = (max - min) / bins;
        for (Double v : values) {
            if (v != null && !v.isNaN()) {
                int bin = (int) Math.min(bins - 1, Math.max(0, Math.floor((v - min) / width)));
                counts[bin]++;
            }
        }
        List<String> labels = new ArrayList<>();
        List<Long> list = new ArrayList<>();
        for (int i = 0; i < bins; i++) {
            labels.add(String.format("%.2f", min + width * (i + 0.5)));
            list.add(counts[i]);
        }
        return new Histogram(labels, list);
    }
}
