package org.redteam4j.core.analysis;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.redteam4j.core.attempt.ModelType;
import org.redteam4j.core.attempt.ParameterCount;

/**
 * The paper's analyses over any set of attempts, as pure functions: Table 1, Fig. 1 (means with
 * bootstrap intervals, min-harmlessness by type), scaling trends, Fig. 5 (members), Fig. 7
 * (distributions), Fig. 9 (tags) and Fig. 11 (rating against min-harmlessness).
 */
public final class RedTeamAnalysis {

    /** One model type × size cell of Table 1 and Fig. 1. */
    public record Cell(String modelType, String size, int attempts, Interval meanRating, Interval meanMinHarmlessness)
            implements Serializable {
    }

    /**
     * The slope of a metric against log10(parameters) for one model type; {@code undefinedResamples}
     * counts the resamples whose rows spanned one size (no slope); over half of them: no interval.
     */
    public record Trend(String modelType, String metric, int attempts, List<String> sizes, Interval slope,
                        int undefinedResamples) implements Serializable {
    }

    /** Fig. 5. */
    /**
     * Fig. 5.
     *
     * @param shareFromTop15Percent interpolated on the cumulative curve ({@link MemberStatistics#topShare})
     * @param tau2                  the method-of-moments between-member variance (unclamped), null when not estimable
     * @param sigma2                the pooled within-member variance, null when not estimable
     * @param tau2PValue            the permutation test's p-value for τ² = 0, null when not run (fewer than 2 members)
     * @param permutations          how many permutations the test ran
     * @param tau2PermutedWithin    what the test shuffled member labels within ({@link #TAU2_STRATA}); null in
     *                              older tables files, whose test shuffled them over all attempts
     */
    public record Members(int members, List<Long> attemptsPerMember, double shareFromTop15Percent,
                          List<MemberEffect> effectiveness, String method, Double tau2, Double sigma2, Double tau2PValue,
                          int permutations, String tau2PermutedWithin) {
    }

    /** The τ² test's strata, as {@link Members#tau2PermutedWithin()} names them. */
    public static final String TAU2_STRATA = "model type and size";

    /** A member's shrunken mean rating with its 95% interval. */
    public record MemberEffect(long memberId, int attempts, double rawMean, Interval shrunkMean) {
    }

    /** Fig. 9. */
    public record TagCount(String tag, long attempts, long successful) implements Serializable {
    }

    /** Fig. 11: for one rating, the mean min-harmlessness and its spread. */
    public record RatingRow(double rating, long attempts, Double meanMinHarmlessness, Double sd) implements Serializable {
    }

    /**
     * How intervals resample: whole members (clusters; the default, since a few members make most
     * attempts and a member's attempts are not independent) or attempts as if independent.
     */
    public enum Resampling {
        MEMBERS, ATTEMPTS;

        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        /** {@code members} or {@code attempts}; null (a tables.json from before the choice existed) is attempts. */
        public static Resampling of(String label) {
            if (label == null) {
                return ATTEMPTS;
            }
            for (Resampling r : values()) {
                if (r.label().equals(label)) {
                    return r;
                }
            }
            throw new IllegalArgumentException("bootstrap must be members or attempts, got '" + label + "'");
        }
    }

    /**
     * Everything, with the settings that produced it; {@code successful} counts attempts rated 3 or
     * more; {@code bootstrap} is what the intervals resampled ({@link Resampling#label()});
     * {@code meanRating} the mean rating over all attempts with its interval (null in older files).
     */
    public record Report(int attempts, long successful, long seed, int resamples, String bootstrap, Interval meanRating,
                         List<Cell> table1, Map<String, Histogram> minHarmlessnessByType,
                         List<Trend> scaling, Members members, Histogram ratings, Histogram minHarmlessness, Histogram intent,
                         List<TagCount> tags, List<RatingRow> ratingVsHarmlessness, Double spearman) {
    }

    private final long seed;
    private final int resamples;
    private final Resampling resampling;

    /** With the default resampling, of members. */
    public RedTeamAnalysis(long seed, int resamples) {
        this(seed, resamples, Resampling.MEMBERS);
    }

    public RedTeamAnalysis(long seed, int resamples, Resampling resampling) {
        this.seed = seed;
        this.resamples = resamples;
        this.resampling = resampling;
    }

    public Resampling resampling() {
        return resampling;
    }

    public Report analyse(List<AttemptFacts> attempts) {
        List<MemberRatings> members = memberRatings(attempts);
        return new Report(attempts.size(), attempts.stream().filter(AttemptFacts::successful).count(), seed, resamples,
                resampling.label(), meanRating(members), table1(attempts), minByType(attempts), scaling(attempts), members(members),
                ratingHistogram(attempts),
                Histogram.of(attempts.stream().map(AttemptFacts::minHarmlessness).toList(), HISTOGRAM_BINS),
                Histogram.of(attempts.stream().map(AttemptFacts::intent).toList(), HISTOGRAM_BINS), tags(attempts),
                ratingVsHarmlessness(attempts), spearman(attempts));
    }

    public List<Cell> table1(List<AttemptFacts> attempts) {
        Map<String, Map<String, List<AttemptFacts>>> cells = new TreeMap<>(RedTeamAnalysis::typeOrder);
        for (AttemptFacts attempt : attempts) {
            cells.computeIfAbsent(attempt.modelType(), t -> new TreeMap<>(ParameterCount.ORDER))
                    .computeIfAbsent(attempt.numParams(), s -> new ArrayList<>()).add(attempt);
        }
        List<Cell> table = new ArrayList<>();
        cells.forEach((type, sizes) -> sizes.forEach((size, group) -> table.add(cell(type, size, group))));
        return table;
    }

    /** One cell of Table 1 from its attempts, in any order, resampled as this analysis resamples. */
    public Cell cell(String type, String size, List<AttemptFacts> group) {
        if (resampling == Resampling.ATTEMPTS) {
            return cell(type, size, group.stream().mapToDouble(AttemptFacts::rating).toArray(),
                    group.stream().filter(a -> a.minHarmlessness() != null).mapToDouble(AttemptFacts::minHarmlessness).toArray());
        }
        String key = type + "|" + size;
        Map<Long, List<Double>> ratings = new TreeMap<>();
        Map<Long, List<Double>> mins = new TreeMap<>();
        for (AttemptFacts a : group) {
            ratings.computeIfAbsent(a.memberId(), m -> new ArrayList<>()).add(a.rating());
            if (a.minHarmlessness() != null) {
                mins.computeIfAbsent(a.memberId(), m -> new ArrayList<>()).add(a.minHarmlessness());
            }
        }
        return new Cell(type, size, group.size(), ClusterBootstrap.mean(arrays(ratings), Bootstrap.seedFor(seed, key + "|rating"), resamples),
                mins.isEmpty() ? null : ClusterBootstrap.mean(arrays(mins), Bootstrap.seedFor(seed, key + "|min"), resamples));
    }

    private static Map<Long, double[]> arrays(Map<Long, List<Double>> lists) {
        Map<Long, double[]> arrays = new TreeMap<>();
        lists.forEach((k, v) -> arrays.put(k, v.stream().mapToDouble(Double::doubleValue).toArray()));
        return arrays;
    }

    /** One cell of Table 1 from its attempts' ratings and min-harmlessness scores, in any order, resampling attempts. */
    public Cell cell(String type, String size, double[] ratings, double[] mins) {
        String key = type + "|" + size;
        return new Cell(type, size, ratings.length, Bootstrap.mean(ratings, Bootstrap.seedFor(seed, key + "|rating"), resamples),
                mins.length == 0 ? null : Bootstrap.mean(mins, Bootstrap.seedFor(seed, key + "|min"), resamples));
    }

    /** Table 1's order: the paper's model types first, sizes ascending. */
    public static final Comparator<Cell> CELL_ORDER = Comparator.<Cell, String>comparing(Cell::modelType, RedTeamAnalysis::typeOrder)
            .thenComparing(Cell::size, ParameterCount.ORDER);

    private Map<String, Histogram> minByType(List<AttemptFacts> attempts) {
        var scored = attempts.stream().map(AttemptFacts::minHarmlessness).filter(v -> v != null)
                .mapToDouble(Double::doubleValue).summaryStatistics();
        double[] range = minByTypeRange(scored.getCount(), scored.getMin(), scored.getMax());
        Map<String, Histogram> byType = new TreeMap<>(RedTeamAnalysis::typeOrder);
        Map<String, List<Double>> values = new TreeMap<>(RedTeamAnalysis::typeOrder);
        attempts.forEach(a -> values.computeIfAbsent(a.modelType(), t -> new ArrayList<>()).add(a.minHarmlessness()));
        values.forEach((type, list) -> byType.put(type, Histogram.of(list, HISTOGRAM_BINS, range[0], range[1])));
        return byType;
    }

    public static final int HISTOGRAM_BINS = 20;

    /** The common range of Fig. 1's per-type histograms: all types share the bins of the scored attempts' range. */
    public static double[] minByTypeRange(long scored, double lowest, double highest) {
        double min = scored == 0 ? 0 : lowest;
        double max = scored == 0 ? 1 : highest;
        return new double[] {min, Histogram.upper(min, max)};
    }

    /** OLS slope of a metric against log10(parameters), per model type, with a bootstrap interval over members or attempts. */
    public List<Trend> scaling(List<AttemptFacts> attempts) {
        List<Trend> trends = new ArrayList<>();
        Map<String, List<AttemptFacts>> byType = new TreeMap<>(RedTeamAnalysis::typeOrder);
        attempts.stream().filter(a -> ParameterCount.of(a.numParams()).isPresent())
                .forEach(a -> byType.computeIfAbsent(a.modelType(), t -> new ArrayList<>()).add(a));
        byType.forEach((type, group) -> trends.addAll(trends(type, group)));
        return trends;
    }

    /** The scaling trends of one model type, from its attempts with a known size, in any order. */
    public List<Trend> trends(String type, List<AttemptFacts> group) {
        TreeSet<String> sizes = sizesOf(group);
        if (sizes.size() < 2) {
            return List.of();
        }
        List<AttemptFacts> scored = group.stream().filter(a -> a.minHarmlessness() != null).toList();
        TreeSet<String> scoredSizes = sizesOf(scored); // the min-harmlessness trend spans only the scored attempts' sizes
        boolean minTrend = scored.size() > 2 && scoredSizes.size() >= 2;
        if (resampling == Resampling.MEMBERS) {
            return memberTrends(type, group, sizes, minTrend ? scored : null, scoredSizes);
        }
        List<Trend> trends = new ArrayList<>();
        double[][] rating = sortedPairs(group.stream().map(a -> new double[] {logSize(a), a.rating()}).toList());
        trends.add(trend(type, "rating", group.size(), sizes, Bootstrap.draw(rating[0].length,
                rows -> slope(rating[0], rating[1], rows), Bootstrap.seedFor(seed, type + "|slope|rating"), resamples)));
        if (minTrend) {
            double[][] min = sortedPairs(scored.stream().map(a -> new double[] {logSize(a), a.minHarmlessness()}).toList());
            trends.add(trend(type, "min_harmlessness", scored.size(), scoredSizes, Bootstrap.draw(min[0].length,
                    rows -> slope(min[0], min[1], rows), Bootstrap.seedFor(seed, type + "|slope|min"), resamples)));
        }
        return trends;
    }

    private static TreeSet<String> sizesOf(List<AttemptFacts> attempts) {
        TreeSet<String> sizes = new TreeSet<>(ParameterCount.ORDER);
        attempts.forEach(a -> sizes.add(a.numParams()));
        return sizes;
    }

    private static Trend trend(String type, String metric, int attempts, TreeSet<String> sizes, Bootstrap.Result slope) {
        return new Trend(type, metric, attempts, List.copyOf(sizes), slope.interval(), slope.undefined());
    }

    /** The same, resampling members within the type; each drawn member brings all its (size, metric) pairs. */
    private List<Trend> memberTrends(String type, List<AttemptFacts> group, TreeSet<String> sizes, List<AttemptFacts> scored,
                                     TreeSet<String> scoredSizes) {
        List<Trend> trends = new ArrayList<>();
        trends.add(trend(type, "rating", group.size(), sizes, memberSlope(group, AttemptFacts::rating,
                Bootstrap.seedFor(seed, type + "|slope|rating"))));
        if (scored != null) {
            trends.add(trend(type, "min_harmlessness", scored.size(), scoredSizes, memberSlope(scored,
                    AttemptFacts::minHarmlessness, Bootstrap.seedFor(seed, type + "|slope|min"))));
        }
        return trends;
    }

    private Bootstrap.Result memberSlope(List<AttemptFacts> group, java.util.function.ToDoubleFunction<AttemptFacts> metric,
                                         long streamSeed) {
        Map<Long, List<double[]>> byMember = new TreeMap<>();
        group.forEach(a -> byMember.computeIfAbsent(a.memberId(), m -> new ArrayList<>()).add(new double[] {logSize(a),
                metric.applyAsDouble(a)}));
        ClusterBootstrap.Layout<double[]> layout = ClusterBootstrap.Layout.of(byMember, PAIR_ORDER);
        double[] x = layout.rows().stream().mapToDouble(p -> p[0]).toArray();
        double[] y = layout.rows().stream().mapToDouble(p -> p[1]).toArray();
        return ClusterBootstrap.draw(layout.clusters(), drawn -> slope(x, y, layout.rowsOf(drawn)), streamSeed, resamples);
    }

    private static final Comparator<double[]> PAIR_ORDER = Comparator.<double[]>comparingDouble(p -> p[0]).thenComparingDouble(p -> p[1]);

    private static double logSize(AttemptFacts attempt) {
        return Math.log10(ParameterCount.of(attempt.numParams()).getAsDouble());
    }

    /** (x, y) pairs in a canonical order, so a bootstrap over rows depends only on which pairs there are. */
    private static double[][] sortedPairs(List<double[]> pairs) {
        List<double[]> sorted = new ArrayList<>(pairs);
        sorted.sort(PAIR_ORDER);
        double[][] columns = new double[2][sorted.size()];
        for (int i = 0; i < sorted.size(); i++) {
            columns[0][i] = sorted.get(i)[0];
            columns[1][i] = sorted.get(i)[1];
        }
        return columns;
    }

    /** OLS slope over {@code rows}; NaN when those rows have fewer than two distinct x (one size: no slope). */
    static double slope(double[] x, double[] y, int[] rows) {
        boolean spread = false;
        for (int i : rows) {
            if (x[i] != x[rows[0]]) { // exact: sxx of identical x is rounding noise (≈1e-30), not 0
                spread = true;
                break;
            }
        }
        if (!spread) {
            return Double.NaN;
        }
        double mx = 0;
        double my = 0;
        for (int i : rows) {
            mx += x[i];
            my += y[i];
        }
        mx /= rows.length;
        my /= rows.length;
        double sxy = 0;
        double sxx = 0;
        for (int i : rows) {
            sxy += (x[i] - mx) * (y[i] - my);
            sxx += (x[i] - mx) * (x[i] - mx);
        }
        return sxy / sxx;
    }

    /**
     * One member's ratings, summed in a canonical order so that any split of the data gives the same
     * numbers; {@code strata}: the member's count per distinct rating within each model type and size
     * ({@link #stratum}), what the τ² permutation test permutes within.
     */
    public record MemberRatings(long memberId, int attempts, double sum, double squaredDeviations,
                                java.util.SortedMap<String, java.util.SortedMap<Double, Integer>> strata) implements Serializable {

        public MemberRatings {
            java.util.SortedMap<String, java.util.SortedMap<Double, Integer>> copy = new TreeMap<>();
            strata.forEach((key, counts) -> copy.put(key, new TreeMap<>(counts)));
            strata = copy;
        }

        /** The stratum of an attempt for the τ² test: its model type and size. */
        public static String stratum(AttemptFacts attempt) {
            return attempt.modelType() + "|" + attempt.numParams();
        }

        /** From the member's attempts, in any order. */
        public static MemberRatings of(long memberId, Collection<AttemptFacts> attempts) {
            Map<String, List<Double>> byStratum = new TreeMap<>();
            attempts.forEach(a -> byStratum.computeIfAbsent(stratum(a), k -> new ArrayList<>()).add(a.rating()));
            return of(memberId, byStratum);
        }

        /** With every rating in one stratum. */
        public static MemberRatings of(long memberId, double[] ratings) {
            return of(memberId, Map.of("", java.util.Arrays.stream(ratings).boxed().toList()));
        }

        /** From the member's ratings per stratum ({@link #stratum}), in any order. */
        public static MemberRatings of(long memberId, Map<String, List<Double>> byStratum) {
            java.util.SortedMap<String, java.util.SortedMap<Double, Integer>> strata = new TreeMap<>();
            List<Double> all = new ArrayList<>();
            byStratum.forEach((key, ratings) -> {
                TreeMap<Double, Integer> counts = new TreeMap<>();
                ratings.forEach(r -> counts.merge(r, 1, Integer::sum));
                strata.put(key, counts);
                all.addAll(ratings);
            });
            double[] sorted = all.stream().mapToDouble(Double::doubleValue).toArray();
            java.util.Arrays.sort(sorted);
            double sum = 0;
            for (double r : sorted) {
                sum += r;
            }
            double mean = sum / sorted.length;
            double squares = 0;
            for (double r : sorted) {
                squares += (r - mean) * (r - mean);
            }
            return new MemberRatings(memberId, sorted.length, sum, squares, strata);
        }

        /** The member's count per distinct rating, over all strata. */
        public java.util.SortedMap<Double, Integer> ratingCounts() {
            TreeMap<Double, Integer> counts = new TreeMap<>();
            strata.values().forEach(c -> c.forEach((rating, n) -> counts.merge(rating, n, Integer::sum)));
            return counts;
        }

        double mean() {
            return sum / attempts;
        }
    }

    public Members members(List<AttemptFacts> attempts) {
        return members(memberRatings(attempts));
    }

    private static List<MemberRatings> memberRatings(List<AttemptFacts> attempts) {
        Map<Long, List<AttemptFacts>> byMember = new TreeMap<>();
        attempts.forEach(a -> byMember.computeIfAbsent(a.memberId(), m -> new ArrayList<>()).add(a));
        List<MemberRatings> members = new ArrayList<>();
        byMember.forEach((member, own) -> members.add(MemberRatings.of(member, own)));
        return members;
    }

    /**
     * The mean rating over all attempts with its interval, from each member's sum, count and count
     * per rating (so a distributed run, which has only those on the driver, gets the same); over
     * attempts the resamples are multinomial draws of the pooled rating counts, O(distinct ratings)
     * each; null without attempts.
     */
    public Interval meanRating(Collection<MemberRatings> summaries) {
        if (summaries.isEmpty()) {
            return null;
        }
        List<MemberRatings> byId = new ArrayList<>(summaries);
        byId.sort(Comparator.comparingLong(MemberRatings::memberId));
        long streamSeed = Bootstrap.seedFor(seed, "all|rating");
        if (resampling == Resampling.ATTEMPTS) {
            TreeMap<Double, Long> pooled = new TreeMap<>();
            byId.forEach(member -> member.ratingCounts().forEach((rating, n) -> pooled.merge(rating, (long) n, Long::sum)));
            return multinomialMean(pooled, streamSeed, resamples);
        }
        double[] sums = byId.stream().mapToDouble(MemberRatings::sum).toArray(); // each summed in sorted order
        long[] counts = byId.stream().mapToLong(MemberRatings::attempts).toArray();
        return ClusterBootstrap.mean(sums, counts, streamSeed, resamples);
    }

    /**
     * The mean of values given as value → count, with a 95% percentile interval over resamples of
     * the attempts: each resample is a multinomial draw of the counts (sequential binomials, values ascending).
     */
    static Interval multinomialMean(java.util.SortedMap<Double, Long> counts, long seed, int resamples) {
        double[] values = counts.keySet().stream().mapToDouble(Double::doubleValue).toArray();
        long[] n = counts.values().stream().mapToLong(Long::longValue).toArray();
        long total = java.util.Arrays.stream(n).sum();
        if (total == 0) {
            return new Interval(Double.NaN, Double.NaN, Double.NaN);
        }
        double sum = 0;
        for (int k = 0; k < values.length; k++) {
            sum += values[k] * n[k];
        }
        java.util.SplittableRandom random = new java.util.SplittableRandom(seed);
        double[] draws = new double[resamples];
        for (int b = 0; b < resamples; b++) {
            long left = total;
            long weight = total; // counts of this value and the ones after it
            double drawnSum = 0;
            for (int k = 0; k < values.length && left > 0; k++) {
                long x = k == values.length - 1 ? left : CountDraws.binomial(random, left, (double) n[k] / weight);
                drawnSum += values[k] * x;
                left -= x;
                weight -= n[k];
            }
            draws[b] = drawnSum / total;
        }
        java.util.Arrays.sort(draws);
        return resamples == 0 ? new Interval(sum / total, Double.NaN, Double.NaN)
                : new Interval(sum / total, Bootstrap.percentile(draws, 0.025), Bootstrap.percentile(draws, 0.975));
    }

    /**
     * Fig. 5: attempts per member, the share of attempts from the most active 15% of members, and
     * each member's mean rating shrunk toward the overall mean by empirical Bayes (a normal
     * random-intercept model with method-of-moments variances).
     */
    public Members members(Collection<MemberRatings> summaries) {
        List<MemberRatings> byId = new ArrayList<>(summaries);
        byId.sort(Comparator.comparingLong(MemberRatings::memberId));
        List<Long> counts = byId.stream().map(m -> (long) m.attempts()).sorted(Comparator.reverseOrder()).toList();
        long total = counts.stream().mapToLong(Long::longValue).sum();
        double share = MemberStatistics.topShare(counts, 0.15);
        double sum = 0;
        double within = 0;
        long dof = 0;
        for (MemberRatings member : byId) {
            sum += member.sum();
            within += member.squaredDeviations();
            dof += member.attempts() - 1;
        }
        double grand = total == 0 ? 0 : sum / total;
        double sigma2 = dof > 0 ? Math.max(1e-6, within / dof) : 1;
        double between = 0;
        double noise = 0;
        for (MemberRatings member : byId) {
            between += (member.mean() - grand) * (member.mean() - grand);
            noise += sigma2 / member.attempts();
        }
        int m = byId.size();
        double tau2 = m > 1 ? Math.max(1e-6, between / (m - 1) - noise / m) : 1e-6;
        List<MemberEffect> effects = new ArrayList<>();
        for (MemberRatings member : byId) {
            int n = member.attempts();
            double raw = member.mean();
            double precision = n / sigma2 + 1 / tau2;
            double shrunk = (n / sigma2 * raw + grand / tau2) / precision;
            double half = 1.959963984540054 * Math.sqrt(1 / precision);
            effects.add(new MemberEffect(member.memberId(), n, raw, new Interval(shrunk, shrunk - half, shrunk + half)));
        }
        effects.sort(Comparator.comparingInt(MemberEffect::attempts).reversed().thenComparingLong(MemberEffect::memberId));
        Map<Long, Map<String, java.util.SortedMap<Double, Integer>>> strata = new TreeMap<>();
        byId.forEach(member -> strata.put(member.memberId(), member.strata()));
        MemberStatistics.Tau2Test test = MemberStatistics.tau2TestWithinStrata(strata, Bootstrap.seedFor(seed, "members|tau2"),
                MemberStatistics.PERMUTATIONS);
        return new Members(m, counts, share, effects, "empirical-Bayes shrinkage (normal random-intercept model, "
                + "method-of-moments variances)", test == null ? null : test.tau2(), test == null ? null : test.sigma2(),
                test == null ? null : test.pValue(), test == null ? 0 : test.permutations(), test == null ? null : TAU2_STRATA);
    }

    private static Histogram ratingHistogram(List<AttemptFacts> attempts) {
        Map<Double, Long> counts = new TreeMap<>();
        attempts.forEach(a -> counts.merge(a.rating(), 1L, Long::sum));
        return ratingHistogram(counts);
    }

    /** Fig. 7's rating distribution from the count of each rating. */
    public static Histogram ratingHistogram(Map<Double, Long> counts) {
        Map<Double, Long> sorted = new TreeMap<>(counts);
        return new Histogram(sorted.keySet().stream().map(r -> String.format("%.1f", r)).toList(), List.copyOf(sorted.values()));
    }

    public List<TagCount> tags(List<AttemptFacts> attempts) {
        Map<String, long[]> counts = new TreeMap<>();
        for (AttemptFacts attempt : attempts) {
            for (String tag : attempt.tags()) {
                long[] c = counts.computeIfAbsent(tag, t -> new long[2]);
                c[0]++;
                if (attempt.successful()) {
                    c[1]++;
                }
            }
        }
        List<TagCount> tags = new ArrayList<>();
        counts.forEach((tag, c) -> tags.add(new TagCount(tag, c[0], c[1])));
        return sortedTags(tags);
    }

    /** Fig. 9's order: most attempts first, then by name. */
    public static List<TagCount> sortedTags(Collection<TagCount> tags) {
        List<TagCount> sorted = new ArrayList<>(tags);
        sorted.sort(Comparator.comparingLong(TagCount::attempts).reversed().thenComparing(TagCount::tag));
        return sorted;
    }

    public List<RatingRow> ratingVsHarmlessness(List<AttemptFacts> attempts) {
        Map<Double, List<Double>> byRating = new TreeMap<>();
        attempts.forEach(a -> byRating.computeIfAbsent(a.rating(), r -> new ArrayList<>()).add(a.minHarmlessness()));
        List<RatingRow> rows = new ArrayList<>();
        byRating.forEach((rating, values) -> rows.add(ratingRow(rating, values.size(),
                values.stream().filter(x -> x != null).mapToDouble(Double::doubleValue).toArray())));
        return rows;
    }

    /** Fig. 11's row for one rating: its attempts and their min-harmlessness scores (in any order). */
    public static RatingRow ratingRow(double rating, long attempts, double[] scores) {
        double[] v = scores.clone();
        java.util.Arrays.sort(v);
        if (v.length == 0) {
            return new RatingRow(rating, attempts, null, null);
        }
        double sum = 0;
        for (double x : v) {
            sum += x;
        }
        double mean = sum / v.length;
        Double sd = null;
        if (v.length > 1) {
            double squares = 0;
            for (double x : v) {
                squares += (x - mean) * (x - mean);
            }
            sd = Math.sqrt(squares / (v.length - 1));
        }
        return new RatingRow(rating, attempts, mean, sd);
    }

    private static Double spearman(List<AttemptFacts> attempts) {
        List<AttemptFacts> scored = attempts.stream().filter(a -> a.minHarmlessness() != null).toList();
        if (scored.size() < 3) {
            return null;
        }
        double rho = Correlation.spearman(scored.stream().mapToDouble(AttemptFacts::rating).toArray(),
                scored.stream().mapToDouble(AttemptFacts::minHarmlessness).toArray());
        return Double.isNaN(rho) ? null : rho;
    }

    /** The paper's model types first, in its order, then any other label alphabetically. */
    public static int typeOrder(String a, String b) {
        int ia = ModelType.fromLabel(a).map(Enum::ordinal).orElse(99);
        int ib = ModelType.fromLabel(b).map(Enum::ordinal).orElse(99);
        return ia != ib ? Integer.compare(ia, ib) : a.compareTo(b);
    }
}
