package org.redteam4j.core.analysis;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.TreeSet;

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

    /** Method-of-moments variances of a normal random-intercept model; {@code between} the variance of the members' means. */
    public record Variances(double tau2, double sigma2, double between) {
    }

    /**
     * τ² (unweighted between-member variance of means less the noise of those means) and σ² (pooled
     * within-member variance), unclamped, from each member's count per rating: {@code counts[i][k]}
     * ratings {@code values[k]} of member i. O(members × distinct ratings).
     */
    static Variances variances(long[][] counts, double[] values) {
        int m = counts.length;
        long total = 0;
        double grandSum = 0;
        double[] means = new double[m];
        long[] sizes = new long[m];
        for (int i = 0; i < m; i++) {
            double sum = 0;
            for (int k = 0; k < values.length; k++) {
                sum += values[k] * counts[i][k];
                sizes[i] += counts[i][k];
            }
            means[i] = sum / sizes[i];
            grandSum += sum;
            total += sizes[i];
        }
        double within = 0;
        long dof = 0;
        for (int i = 0; i < m; i++) {
            for (int k = 0; k < values.length; k++) {
                within += counts[i][k] * (values[k] - means[i]) * (values[k] - means[i]);
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
        double betweenVariance = m > 1 ? between / (m - 1) : Double.NaN;
        return new Variances(betweenVariance - noise / m, sigma2, betweenVariance);
    }

    /** The permutation test's result: the observed (unclamped) τ², its p-value and the permutations run. */
    public record Tau2Test(double tau2, double sigma2, double pValue, int permutations) {

        /** At 5%: is τ² distinguishable from zero? */
        public boolean significant() {
            return pValue < 0.05;
        }
    }

    /** The test with every attempt in one stratum: member id → (rating → count). */
    public static Tau2Test tau2Test(Map<Long, ? extends Map<Double, Integer>> ratingCounts, long seed, int permutations) {
        Map<Long, Map<String, Map<Double, Integer>>> one = new TreeMap<>();
        ratingCounts.forEach((member, counts) -> one.put(member, Map.of("", new TreeMap<>(counts))));
        return tau2TestWithinStrata(one, seed, permutations);
    }

    /**
     * Shuffles the member labels over the attempts within each stratum (a model type and size: who
     * attacked which model is kept, so a member is compared with others on the same models), keeping
     * each member's count per stratum, and counts the permutations whose τ² is at least the observed
     * one: p = (1 + #{perm ≥ obs}) / (1 + P). Works from counts only: a permutation is drawn, stratum
     * by stratum (strata in key order, members by id, ratings ascending), as sequential
     * multivariate-hypergeometric draws of each member's counts from the stratum's remaining pool, so
     * it costs O(members × distinct ratings) per permutation whatever the number of attempts, and a
     * distributed run that carries only the counts gets the same p-value. Null with fewer than two
     * members, no member with two attempts, or every rating the same.
     *
     * @param strata member id → (stratum → (rating → count))
     */
    public static Tau2Test tau2TestWithinStrata(Map<Long, ? extends Map<String, ? extends Map<Double, Integer>>> strata, long seed,
                                                int permutations) {
        List<Long> members = new ArrayList<>(new TreeMap<>(strata).keySet());
        int m = members.size();
        TreeSet<Double> distinct = new TreeSet<>();
        TreeSet<String> keys = new TreeSet<>();
        strata.values().forEach(byStratum -> byStratum.forEach((key, counts) -> {
            keys.add(key);
            counts.forEach((rating, count) -> {
                if (count > 0) {
                    distinct.add(rating);
                }
            });
        }));
        double[] values = distinct.stream().mapToDouble(Double::doubleValue).toArray();
        int k = values.length;
        Map<Double, Integer> index = new HashMap<>();
        for (int v = 0; v < k; v++) {
            index.put(values[v], v);
        }
        // per stratum: the members in it (id order), their counts per rating, and the pool
        List<int[]> stratumMembers = new ArrayList<>();
        List<long[][]> stratumCounts = new ArrayList<>();
        long[][] observed = new long[m][k];
        for (String key : keys) {
            List<Integer> in = new ArrayList<>();
            List<long[]> counts = new ArrayList<>();
            for (int i = 0; i < m; i++) {
                Map<Double, Integer> c = strata.get(members.get(i)).get(key);
                if (c == null) {
                    continue;
                }
                long[] row = new long[k];
                c.forEach((rating, count) -> {
                    if (count > 0) {
                        row[index.get(rating)] += count;
                    }
                });
                if (java.util.Arrays.stream(row).sum() > 0) {
                    in.add(i);
                    counts.add(row);
                    for (int v = 0; v < k; v++) {
                        observed[i][v] += row[v];
                    }
                }
            }
            stratumMembers.add(in.stream().mapToInt(Integer::intValue).toArray());
            stratumCounts.add(counts.toArray(long[][]::new));
        }
        if (m < 2 || k == 0) {
            return null;
        }
        for (long[] row : observed) {
            if (java.util.Arrays.stream(row).sum() == 0) {
                return null; // a member without attempts has no mean
            }
        }
        Variances obs = variances(observed, values);
        if (Double.isNaN(obs.tau2()) || !(obs.sigma2() > 0 || obs.between() > 0)) {
            return null; // no member with two attempts (σ² undefined), or every rating the same
        }
        SplittableRandom random = new SplittableRandom(seed);
        long[][] drawn = new long[m][k];
        int atLeast = 0;
        for (int p = 0; p < permutations; p++) {
            for (long[] row : drawn) {
                java.util.Arrays.fill(row, 0);
            }
            for (int s = 0; s < stratumMembers.size(); s++) {
                permuteStratum(random, stratumMembers.get(s), stratumCounts.get(s), drawn);
            }
            // a tolerance so that a permutation equal to the observed split in exact arithmetic counts as ≥
            if (variances(drawn, values).tau2() >= obs.tau2() - 1e-12) {
                atLeast++;
            }
        }
        return new Tau2Test(obs.tau2(), obs.sigma2(), (1.0 + atLeast) / (1.0 + permutations), permutations);
    }

    /** Deals the stratum's pooled ratings to its members (each keeping its count) by sequential hypergeometric draws. */
    private static void permuteStratum(SplittableRandom random, int[] in, long[][] counts, long[][] drawn) {
        int k = drawn.length == 0 ? 0 : drawn[0].length;
        long[] pool = new long[k];
        long left = 0;
        for (long[] row : counts) {
            for (int v = 0; v < k; v++) {
                pool[v] += row[v];
                left += row[v];
            }
        }
        for (int j = 0; j < in.length; j++) {
            long need = java.util.Arrays.stream(counts[j]).sum();
            long[] into = drawn[in[j]];
            if (j == in.length - 1) { // the last member takes what is left
                for (int v = 0; v < k; v++) {
                    into[v] += pool[v];
                }
                return;
            }
            long population = left;
            long rest = need;
            for (int v = 0; v < k && rest > 0; v++) {
                long x = v == k - 1 ? rest : CountDraws.hypergeometric(random, population, pool[v], rest);
                population -= pool[v];
                pool[v] -= x;
                into[v] += x;
                rest -= x;
            }
            left -= need;
        }
    }
}
