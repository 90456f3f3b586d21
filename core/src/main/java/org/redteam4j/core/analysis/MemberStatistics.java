package org.redteam4j.core.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Fig. 5's numbers that are more than counting: the share of attempts from the most active 15% of
 * members, read off the cumulative curve, and a permutation test of whether the between-member
 * variance τ² can be told from zero.
 */
public final class MemberStatistics {

    /** Permutations of the τ² test. */
    public static final int PERMUTATIONS = 1_000;
    /** Below this many members a top-15% share says little (15% of 7 members is one member and a bit). */
    public static final int MEANINGFUL_MEMBERS = 20;

    private MemberStatistics() {
    }

    /**
     * The share of attempts made by the most active {@code fraction} of members, by linear
     * interpolation on the cumulative curve through (k/n, share of the top k members), starting at
     * (0, 0); so it does not jump with how 15% of n rounds.
     *
     * @param countsDescending attempts per member, most active first
     */
    public static double topShare(List<Long> countsDescending, double fraction) {
        int n = countsDescending.size();
        long total = countsDescending.stream().mapToLong(Long::longValue).sum();
        if (n == 0 || total == 0) {
            return 0;
        }
        double position = fraction * n; // members, as a real number
        int whole = (int) Math.floor(position + 1e-9);
        whole = Math.min(whole, n);
        long before = 0;
        for (int k = 0; k < whole; k++) {
            before += countsDescending.get(k);
        }
        double partial = whole < n ? Math.max(0, position - whole) * countsDescending.get(whole) : 0;
        return (before + partial) / total;
    }

    /** Method-of-moments variances of a normal random-intercept model. */
    public record Variances(double tau2, double sigma2) {
    }

    /**
     * τ² (unweighted between-member variance of means less the noise of those means) and σ² (pooled
     * within-member variance), unclamped; {@code sizes[i]} ratings of member i start at {@code starts[i]}.
     */
    static Variances variances(double[] ratings, int[] starts, int[] sizes) {
        int m = sizes.length;
        long total = 0;
        double grandSum = 0;
        double[] means = new double[m];
        for (int i = 0; i < m; i++) {
            double sum = 0;
            for (int r = starts[i]; r < starts[i] + sizes[i]; r++) {
                sum += ratings[r];
            }
            means[i] = sum / sizes[i];
            grandSum += sum;
            total += sizes[i];
        }
        double within = 0;
        long dof = 0;
        for (int i = 0; i < m; i++) {
            for (int r = starts[i]; r < starts[i] + sizes[i]; r++) {
                within += (ratings[r] - means[i]) * (ratings[r] - means[i]);
            }
            dof += sizes[i] - 1;
        }
        double grand = grandSum / total;
        double sigma2 = dof > 0 ? within / dof : Double.NaN;
        double between = 0;
        double noise = 0;
        for (int i = 0; i < m; i++) {
            between += (means[i] - grand) * (means[i] - grand);
            noise += sigma2 / sizes[i];
        }
        return new Variances(m > 1 ? between / (m - 1) - noise / m : Double.NaN, sigma2);
    }

    /** The permutation test's result: the observed (unclamped) τ², its p-value and the permutations run. */
    public record Tau2Test(double tau2, double sigma2, double pValue, int permutations) {

        /** At 5%: is τ² distinguishable from zero? */
        public boolean significant() {
            return pValue < 0.05;
        }
    }

    /**
     * Shuffles the member labels over the attempts, keeping each member's count, and counts the
     * permutations whose τ² is at least the observed one: p = (1 + #{perm ≥ obs}) / (1 + P).
     * Works from each member's count per distinct rating (members in id order, ratings ascending),
     * so a distributed run that carries only those counts gets the same p-value. Null with fewer than
     * two members or no within-member spread to compare against.
     *
     * @param ratingCounts member id → (rating → count), in member id order
     */
    public static Tau2Test tau2Test(Map<Long, ? extends Map<Double, Integer>> ratingCounts, long seed, int permutations) {
        List<Long> members = new ArrayList<>(new java.util.TreeMap<>(ratingCounts).keySet());
        int m = members.size();
        int[] sizes = new int[m];
        int[] starts = new int[m];
        List<Double> values = new ArrayList<>();
        for (int i = 0; i < m; i++) {
            starts[i] = values.size();
            for (Map.Entry<Double, Integer> rating : new java.util.TreeMap<>(ratingCounts.get(members.get(i))).entrySet()) {
                for (int c = 0; c < rating.getValue(); c++) {
                    values.add(rating.getKey());
                }
            }
            sizes[i] = values.size() - starts[i];
        }
        if (m < 2 || values.size() <= m) {
            return null;
        }
        double[] ratings = values.stream().mapToDouble(Double::doubleValue).toArray();
        Variances observed = variances(ratings, starts, sizes);
        if (Double.isNaN(observed.tau2()) || !(observed.sigma2() > 0)) {
            return null;
        }
        double[] pool = ratings.clone();
        java.util.Arrays.sort(pool); // the multiset in one canonical order, whatever the members' order was
        SplittableRandom random = new SplittableRandom(seed);
        int atLeast = 0;
        for (int p = 0; p < permutations; p++) {
            for (int i = pool.length - 1; i > 0; i--) { // Fisher–Yates
                int j = random.nextInt(i + 1);
                double t = pool[i];
                pool[i] = pool[j];
                pool[j] = t;
            }
            // a tolerance so that a permutation equal to the observed split in exact arithmetic counts as ≥
            if (variances(pool, starts, sizes).tau2() >= observed.tau2() - 1e-12) {
                atLeast++;
            }
        }
        return new Tau2Test(observed.tau2(), observed.sigma2(), (1.0 + atLeast) / (1.0 + permutations), permutations);
    }
}
