package org.redteam4j.core.analysis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.TreeMap;
import java.util.TreeSet;
import org.redteam4j.core.dataset.ModelType;
import org.redteam4j.core.dataset.ParameterCount;

/**
 * The paper's analyses over any set of attempts, as pure functions: Table 1, Fig. 1 (means with
 * bootstrap intervals, min-harmlessness by type), scaling trends, Fig. 5 (members), Fig. 7
 * (distributions), Fig. 9 (tags) and Fig. 11 (rating against min-harmlessness).
 */
public final class RedTeamAnalysis {

    /** One model type × size cell of Table 1 and Fig. 1. */
    public record Cell(String modelType, String size, int attempts, Interval meanRating, Interval meanMinHarmlessness) {
    }

    /** The slope of a metric against log10(parameters) for one model type. */
    public record Trend(String modelType, String metric, int attempts, List<String> sizes, Interval slope) {
    }

    /** Fig. 5. */
    public record Members(int members, List<Long> attemptsPerMember, double shareFromTop15Percent,
                          List<MemberEffect> effectiveness, String method) {
    }

    /** A member's shrunken mean rating with its 95% interval. */
    public record MemberEffect(long memberId, int attempts, double rawMean, Interval shrunkMean) {
    }

    /** Fig. 9. */
    public record TagCount(String tag, long attempts, long successful) {
    }

    /** Fig. 11: for one rating, the mean min-harmlessness and its spread. */
    public record RatingRow(double rating, long attempts, Double meanMinHarmlessness, Double sd) {
    }

    /** Everything, with the settings that produced it. */
    public record Report(int attempts, long seed, int resamples, List<Cell> table1, Map<String, Histogram> minHarmlessnessByType,
                         List<Trend> scaling, Members members, Histogram ratings, Histogram minHarmlessness, Histogram intent,
                         List<TagCount> tags, List<RatingRow> ratingVsHarmlessness, Double spearman) {
    }

    private final long seed;
    private final int resamples;

    public RedTeamAnalysis(long seed, int resamples) {
        this.seed = seed;
        this.resamples = resamples;
    }

    public Report analyse(List<AttemptFacts> attempts) {
        return new Report(attempts.size(), seed, resamples, table1(attempts), minByType(attempts), scaling(attempts),
                members(attempts), ratingHistogram(attempts),
                Histogram.of(attempts.stream().map(AttemptFacts::minHarmlessness).toList(), 20),
                Histogram.of(attempts.stream().map(AttemptFacts::intent).toList(), 20), tags(attempts),
                ratingVsHarmlessness(attempts), spearman(attempts));
    }

    public List<Cell> table1(List<AttemptFacts> attempts) {
        Map<String, Map<String, List<AttemptFacts>>> cells = new TreeMap<>(RedTeamAnalysis::typeOrder);
        for (AttemptFacts attempt : attempts) {
            cells.computeIfAbsent(attempt.modelType(), t -> new TreeMap<>(ParameterCount.ORDER))
                    .computeIfAbsent(attempt.numParams(), s -> new ArrayList<>()).add(attempt);
        }
        List<Cell> table = new ArrayList<>();
        cells.forEach((type, sizes) -> sizes.forEach((size, group) -> {
            double[] ratings = group.stream().mapToDouble(AttemptFacts::rating).toArray();
            double[] mins = group.stream().filter(a -> a.minHarmlessness() != null).mapToDouble(AttemptFacts::minHarmlessness).toArray();
            String key = type + "|" + size;
            table.add(new Cell(type, size, group.size(), Bootstrap.mean(ratings, Bootstrap.seedFor(seed, key + "|rating"), resamples),
                    mins.length == 0 ? null : Bootstrap.mean(mins, Bootstrap.seedFor(seed, key + "|min"), resamples)));
        }));
        return table;
    }

    private Map<String, Histogram> minByType(List<AttemptFacts> attempts) {
        double min = attempts.stream().filter(a -> a.minHarmlessness() != null).mapToDouble(AttemptFacts::minHarmlessness).min().orElse(0);
        double max = attempts.stream().filter(a -> a.minHarmlessness() != null).mapToDouble(AttemptFacts::minHarmlessness).max().orElse(1);
        Map<String, Histogram> byType = new TreeMap<>(RedTeamAnalysis::typeOrder);
        Map<String, List<Double>> values = new TreeMap<>(RedTeamAnalysis::typeOrder);
        attempts.forEach(a -> values.computeIfAbsent(a.modelType(), t -> new ArrayList<>()).add(a.minHarmlessness()));
        values.forEach((type, list) -> byType.put(type, Histogram.of(list, 20, min, max == min ? min + 1 : max)));
        return byType;
    }

    /** OLS slope of a metric against log10(parameters), per model type, with a bootstrap interval over attempts. */
    public List<Trend> scaling(List<AttemptFacts> attempts) {
        List<Trend> trends = new ArrayList<>();
        Map<String, List<AttemptFacts>> byType = new TreeMap<>(RedTeamAnalysis::typeOrder);
        attempts.stream().filter(a -> ParameterCount.of(a.numParams()).isPresent())
                .forEach(a -> byType.computeIfAbsent(a.modelType(), t -> new ArrayList<>()).add(a));
        byType.forEach((type, group) -> {
            TreeSet<String> sizes = new TreeSet<>(ParameterCount.ORDER);
            group.forEach(a -> sizes.add(a.numParams()));
            if (sizes.size() < 2) {
                return;
            }
            double[] x = group.stream().mapToDouble(a -> Math.log10(ParameterCount.of(a.numParams()).getAsDouble())).toArray();
            double[] rating = group.stream().mapToDouble(AttemptFacts::rating).toArray();
            trends.add(new Trend(type, "rating", group.size(), List.copyOf(sizes),
                    Bootstrap.of(x.length, rows -> slope(x, rating, rows), Bootstrap.seedFor(seed, type + "|slope|rating"), resamples)));
            List<AttemptFacts> scored = group.stream().filter(a -> a.minHarmlessness() != null).toList();
            if (scored.size() > 2) {
                double[] sx = scored.stream().mapToDouble(a -> Math.log10(ParameterCount.of(a.numParams()).getAsDouble())).toArray();
                double[] min = scored.stream().mapToDouble(AttemptFacts::minHarmlessness).toArray();
                trends.add(new Trend(type, "min_harmlessness", scored.size(), List.copyOf(sizes),
                        Bootstrap.of(sx.length, rows -> slope(sx, min, rows), Bootstrap.seedFor(seed, type + "|slope|min"), resamples)));
            }
        });
        return trends;
    }

    static double slope(double[] x, double[] y, int[] rows) {
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
        return sxx == 0 ? 0 : sxy / sxx;
    }

    /**
     * Fig. 5: attempts per member, the share of attempts from the most active 15% of members, and
     * each member's mean rating shrunk toward the overall mean by empirical Bayes (a normal
     * random-intercept model with method-of-moments variances).
     */
    public Members members(List<AttemptFacts> attempts) {
        Map<Long, List<Double>> byMember = new LinkedHashMap<>();
        attempts.forEach(a -> byMember.computeIfAbsent(a.memberId(), m -> new ArrayList<>()).add(a.rating()));
        List<Long> counts = byMember.values().stream().map(list -> (long) list.size()).sorted(Comparator.reverseOrder()).toList();
        int top = (int) Math.ceil(0.15 * counts.size());
        long fromTop = counts.stream().limit(top).mapToLong(Long::longValue).sum();
        double share = attempts.isEmpty() ? 0 : (double) fromTop / attempts.size();
        double grand = attempts.stream().mapToDouble(AttemptFacts::rating).average().orElse(0);
        double within = 0;
        long dof = 0;
        for (List<Double> ratings : byMember.values()) {
            double mean = ratings.stream().mapToDouble(Double::doubleValue).average().orElse(0);
            for (double r : ratings) {
                within += (r - mean) * (r - mean);
            }
            dof += ratings.size() - 1;
        }
        double sigma2 = dof > 0 ? Math.max(1e-6, within / dof) : 1;
        double between = 0;
        double noise = 0;
        for (List<Double> ratings : byMember.values()) {
            double mean = ratings.stream().mapToDouble(Double::doubleValue).average().orElse(0);
            between += (mean - grand) * (mean - grand);
            noise += sigma2 / ratings.size();
        }
        int m = byMember.size();
        double tau2 = m > 1 ? Math.max(1e-6, between / (m - 1) - noise / m) : 1e-6;
        List<MemberEffect> effects = new ArrayList<>();
        byMember.forEach((member, ratings) -> {
            int n = ratings.size();
            double raw = ratings.stream().mapToDouble(Double::doubleValue).average().orElse(0);
            double precision = n / sigma2 + 1 / tau2;
            double shrunk = (n / sigma2 * raw + grand / tau2) / precision;
            double half = 1.959963984540054 * Math.sqrt(1 / precision);
            effects.add(new MemberEffect(member, n, raw, new Interval(shrunk, shrunk - half, shrunk + half)));
        });
        effects.sort(Comparator.comparingInt(MemberEffect::attempts).reversed().thenComparingLong(MemberEffect::memberId));
        return new Members(m, counts, share, effects, "empirical-Bayes shrinkage (normal random-intercept model, "
                + "method-of-moments variances)");
    }

    private static Histogram ratingHistogram(List<AttemptFacts> attempts) {
        Map<Double, Long> counts = new TreeMap<>();
        attempts.forEach(a -> counts.merge(a.rating(), 1L, Long::sum));
        return new Histogram(counts.keySet().stream().map(r -> String.format("%.1f", r)).toList(), List.copyOf(counts.values()));
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
        tags.sort(Comparator.comparingLong(TagCount::attempts).reversed().thenComparing(TagCount::tag));
        return tags;
    }

    public List<RatingRow> ratingVsHarmlessness(List<AttemptFacts> attempts) {
        Map<Double, List<Double>> byRating = new TreeMap<>();
        attempts.forEach(a -> byRating.computeIfAbsent(a.rating(), r -> new ArrayList<>()).add(a.minHarmlessness()));
        List<RatingRow> rows = new ArrayList<>();
        byRating.forEach((rating, values) -> {
            double[] v = values.stream().filter(x -> x != null).mapToDouble(Double::doubleValue).toArray();
            OptionalDouble mean = java.util.Arrays.stream(v).average();
            Double sd = null;
            if (v.length > 1) {
                double m = mean.getAsDouble();
                sd = Math.sqrt(java.util.Arrays.stream(v).map(x -> (x - m) * (x - m)).sum() / (v.length - 1));
            }
            rows.add(new RatingRow(rating, values.size(), mean.isPresent() ? mean.getAsDouble() : null, sd));
        });
        return rows;
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
    static int typeOrder(String a, String b) {
        int ia = ModelType.fromLabel(a).map(Enum::ordinal).orElse(99);
        int ib = ModelType.fromLabel(b).map(Enum::ordinal).orElse(99);
        return ia != ib ? Integer.compare(ia, ib) : a.compareTo(b);
    }
}
