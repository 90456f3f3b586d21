package org.redteam4j.core.analysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.ToDoubleFunction;

/**
 * Percentile bootstrap over clusters (members, or an automated campaign's seeds): each resample
 * draws clusters with replacement and the statistic sees every row of the drawn clusters. When a
 * few clusters make most rows, their rows are not independent and resampling rows understates the
 * spread; resampling clusters does not.
 *
 * <p>Deterministic in the same way as {@link Bootstrap}: clusters in key order, each cluster's rows
 * sorted, the stream seeded from the analysis seed and the group's name, so the interval depends
 * only on which (cluster, value) pairs exist. With fewer than two clusters there is no spread to
 * resample: the interval's ends are NaN (shown as "—"), never a faked zero-width interval.
 */
public final class ClusterBootstrap {

    private ClusterBootstrap() {
    }

    /** The ratio mean (sum of values / count of values) of {@code clusters}' values, with its 95% cluster-bootstrap interval. */
    public static <K extends Comparable<K>> Interval mean(Map<K, double[]> clusters, long seed, int resamples) {
        SortedMap<K, double[]> sorted = new TreeMap<>(clusters);
        int m = sorted.size();
        double[] sums = new double[m];
        long[] counts = new long[m];
        int i = 0;
        for (double[] values : sorted.values()) {
            double[] v = values.clone();
            Arrays.sort(v);
            for (double x : v) {
                sums[i] += x;
            }
            counts[i++] = v.length;
        }
        return mean(sums, counts, seed, resamples);
    }

    /**
     * The ratio mean of clusters given by their sums and counts (in a canonical cluster order, each
     * sum taken over sorted values), with its 95% cluster-bootstrap interval.
     */
    public static Interval mean(double[] sums, long[] counts, long seed, int resamples) {
        return of(sums.length, drawn -> {
            double sum = 0;
            long count = 0;
            for (int c : drawn) {
                sum += sums[c];
                count += counts[c];
            }
            return count == 0 ? Double.NaN : sum / count;
        }, seed, resamples);
    }

    /** The ratio hits / judged over clusters' (hits, judged) counts, e.g. an attack success rate clustered by seed. */
    public static <K extends Comparable<K>> Interval ratio(Map<K, long[]> clusters, long seed, int resamples) {
        SortedMap<K, long[]> sorted = new TreeMap<>(clusters);
        long[][] counts = sorted.values().toArray(long[][]::new);
        return of(counts.length, drawn -> {
            long hits = 0;
            long judged = 0;
            for (int c : drawn) {
                hits += counts[c][0];
                judged += counts[c][1];
            }
            return judged == 0 ? Double.NaN : (double) hits / judged;
        }, seed, resamples);
    }

    /**
     * Any statistic of drawn cluster indices (0 … clusters−1, in the caller's canonical order). The
     * estimate is the statistic of all clusters; with fewer than two clusters the ends are NaN.
     */
    public static Interval of(int clusters, ToDoubleFunction<int[]> statistic, long seed, int resamples) {
        return draw(clusters, statistic, seed, resamples).interval();
    }

    /** As {@link #of}, also counting the resamples where the statistic was undefined. */
    public static Bootstrap.Result draw(int clusters, ToDoubleFunction<int[]> statistic, long seed, int resamples) {
        if (clusters < 2) {
            double estimate = clusters == 0 ? Double.NaN : statistic.applyAsDouble(new int[] {0});
            return new Bootstrap.Result(new Interval(estimate, Double.NaN, Double.NaN), 0);
        }
        return Bootstrap.draw(clusters, statistic, seed, resamples);
    }

    /**
     * Rows grouped by cluster in canonical order — clusters by key, rows within a cluster in
     * {@code rowOrder} — for statistics over the rows of drawn clusters (a slope over members' pairs).
     */
    public record Layout<T>(List<T> rows, int[] starts) {

        public static <K extends Comparable<K>, T> Layout<T> of(Map<K, List<T>> clusters, java.util.Comparator<T> rowOrder) {
            SortedMap<K, List<T>> sorted = new TreeMap<>(clusters);
            List<T> rows = new ArrayList<>();
            int[] starts = new int[sorted.size() + 1];
            int i = 0;
            for (List<T> cluster : sorted.values()) {
                starts[i++] = rows.size();
                List<T> ordered = new ArrayList<>(cluster);
                ordered.sort(rowOrder);
                rows.addAll(ordered);
            }
            starts[i] = rows.size();
            return new Layout<>(List.copyOf(rows), starts);
        }

        public int clusters() {
            return starts.length - 1;
        }

        /** The row indices of the drawn clusters, cluster by cluster, in draw order. */
        public int[] rowsOf(int[] drawn) {
            int n = 0;
            for (int c : drawn) {
                n += starts[c + 1] - starts[c];
            }
            int[] out = new int[n];
            int k = 0;
            for (int c : drawn) {
                for (int r = starts[c]; r < starts[c + 1]; r++) {
                    out[k++] = r;
                }
            }
            return out;
        }
    }
}
