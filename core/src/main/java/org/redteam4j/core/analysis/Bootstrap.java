package org.redteam4j.core.analysis;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;

/**
 * Percentile bootstrap intervals. Deterministic: the random stream is seeded from the analysis
 * seed and the group's name only, so a group gets the same interval however the data was split
 * or ordered on the way in (what lets a distributed run reproduce the single-machine numbers),
 * provided the statistic sees the group's rows in a canonical order ({@link #mean} sorts them).
 */
public final class Bootstrap {

    public static final int DEFAULT_RESAMPLES = 1_000;

    private Bootstrap() {
    }

    public static long seedFor(long seed, String group) {
        long h = 1125899906842597L;
        for (int i = 0; i < group.length(); i++) {
            h = 31 * h + group.charAt(i);
        }
        return seed ^ h;
    }

    /**
     * The mean of {@code values} with a 95% percentile interval over {@code resamples} resamples.
     * The values are sorted first, so the interval depends only on which values there are, not on
     * the order they arrived in.
     */
    public static Interval mean(double[] unordered, long seed, int resamples) {
        double[] values = unordered.clone();
        Arrays.sort(values);
        return of(values.length, indices -> {
            double sum = 0;
            for (int i : indices) {
                sum += values[i];
            }
            return sum / indices.length;
        }, seed, resamples);
    }

    /**
     * Any statistic of resampled row indices, with a 95% percentile interval. Resamples where the
     * statistic is NaN (undefined) are left out; when more than half are undefined the interval's
     * ends are NaN (shown as "—"): the defined rest are no longer a sample of the whole.
     */
    public static Interval of(int rows, ToDoubleFunction<int[]> statistic, long seed, int resamples) {
        return draw(rows, statistic, seed, resamples).interval();
    }

    /** A bootstrap interval and how many of its resamples the statistic was undefined (NaN) on. */
    public record Result(Interval interval, int undefined) {
    }

    /** As {@link #of}, also counting the undefined resamples. */
    public static Result draw(int rows, ToDoubleFunction<int[]> statistic, long seed, int resamples) {
        if (rows == 0) {
            return new Result(new Interval(Double.NaN, Double.NaN, Double.NaN), 0);
        }
        int[] all = new int[rows];
        for (int i = 0; i < rows; i++) {
            all[i] = i;
        }
        double estimate = statistic.applyAsDouble(all);
        SplittableRandom random = new SplittableRandom(seed);
        double[] draws = new double[resamples];
        int[] sample = new int[rows];
        int defined = 0;
        for (int b = 0; b < resamples; b++) {
            for (int i = 0; i < rows; i++) {
                sample[i] = random.nextInt(rows);
            }
            double draw = statistic.applyAsDouble(sample);
            if (!Double.isNaN(draw)) { // a resample where the statistic is undefined (no positives for F1) says nothing
                draws[defined++] = draw;
            }
        }
        int undefined = resamples - defined;
        if (defined == 0 || 2 * undefined > resamples) {
            return new Result(new Interval(estimate, Double.NaN, Double.NaN), undefined);
        }
        double[] kept = Arrays.copyOf(draws, defined);
        Arrays.sort(kept);
        return new Result(new Interval(estimate, percentile(kept, 0.025), percentile(kept, 0.975)), undefined);
    }

    static double percentile(double[] sorted, double p) {
        double position = p * (sorted.length - 1);
        int lower = (int) Math.floor(position);
        int upper = (int) Math.ceil(position);
        return sorted[lower] + (sorted[upper] - sorted[lower]) * (position - lower);
    }
}
