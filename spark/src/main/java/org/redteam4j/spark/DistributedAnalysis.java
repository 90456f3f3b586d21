package org.redteam4j.spark;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.api.java.JavaDoubleRDD;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.storage.StorageLevel;
import org.apache.spark.util.StatCounter;
import org.redteam4j.core.analysis.AttemptFacts;
import org.redteam4j.core.analysis.Correlation;
import org.redteam4j.core.analysis.Histogram;
import org.redteam4j.core.analysis.RedTeamAnalysis.Cell;
import org.redteam4j.core.analysis.RedTeamAnalysis.MemberRatings;
import org.redteam4j.core.analysis.RedTeamAnalysis.RatingRow;
import org.redteam4j.core.analysis.RedTeamAnalysis.TagCount;
import org.redteam4j.core.analysis.RedTeamAnalysis.Trend;
import org.redteam4j.core.analysis.RedTeamAnalysis;
import org.redteam4j.core.attempt.ParameterCount;
import scala.Tuple2;

/**
 * {@link RedTeamAnalysis} as Spark aggregations, with the same numbers. Each group (a Table 1 cell,
 * a model type's trend, a member, a rating) is gathered on one executor and handed to the core
 * function that the single-machine analysis calls, which sees the group's values in a canonical
 * order (a cell's members in id order, each member's values sorted, for the cluster bootstrap);
 * each member's count per rating reaches the driver for the τ² permutation test; counts are summed; Spearman's rho is computed from exact ranks. Only per-group results
 * reach the driver, never the attempts.
 */
final class DistributedAnalysis {

    private static final int BINS = RedTeamAnalysis.HISTOGRAM_BINS;

    private final long seed;
    private final int resamples;
    private final RedTeamAnalysis.Resampling resampling;

    DistributedAnalysis(long seed, int resamples) {
        this(seed, resamples, RedTeamAnalysis.Resampling.MEMBERS);
    }

    DistributedAnalysis(long seed, int resamples, RedTeamAnalysis.Resampling resampling) {
        this.seed = seed;
        this.resamples = resamples;
        this.resampling = resampling;
    }

    RedTeamAnalysis.Report analyse(JavaRDD<AttemptFacts> input) {
        JavaRDD<AttemptFacts> facts = input.persist(StorageLevel.MEMORY_AND_DISK());
        try {
            long attempts = facts.count();
            RedTeamAnalysis analysis = new RedTeamAnalysis(seed, resamples, resampling);
            List<MemberRatings> members = members(facts);
            return new RedTeamAnalysis.Report(Math.toIntExact(attempts), facts.filter(AttemptFacts::successful).count(), seed,
                    resamples, resampling.label(), analysis.meanRating(members), table1(facts), minByType(facts), scaling(facts),
                    analysis.members(members),
                    RedTeamAnalysis.ratingHistogram(facts.map(AttemptFacts::rating).countByValue()),
                    histogram(facts.filter(f -> f.minHarmlessness() != null).mapToDouble(AttemptFacts::minHarmlessness)),
                    histogram(facts.filter(f -> f.intent() != null).mapToDouble(AttemptFacts::intent)),
                    tags(facts), ratingVsHarmlessness(facts), spearman(facts));
        } finally {
            facts.unpersist();
        }
    }

    private List<Cell> table1(JavaRDD<AttemptFacts> facts) {
        long seed = this.seed;
        int resamples = this.resamples;
        RedTeamAnalysis.Resampling resampling = this.resampling;
        List<Cell> cells = new ArrayList<>(facts.groupBy(f -> List.of(f.modelType(), f.numParams())).map(group ->
                new RedTeamAnalysis(seed, resamples, resampling).cell(group._1().get(0), group._1().get(1), list(group._2())))
                .collect());
        cells.sort(RedTeamAnalysis.CELL_ORDER);
        return cells;
    }

    private static Map<String, Histogram> minByType(JavaRDD<AttemptFacts> facts) {
        StatCounter scored = facts.filter(f -> f.minHarmlessness() != null).mapToDouble(AttemptFacts::minHarmlessness).stats();
        double[] range = RedTeamAnalysis.minByTypeRange(scored.count(), scored.min(), scored.max());
        Map<String, long[]> counts = facts.mapToPair(f -> new Tuple2<>(f.modelType(), f.minHarmlessness()))
                .aggregateByKey(new long[BINS], (bins, value) -> {
                    if (value != null && !value.isNaN()) {
                        bins[Histogram.bin(value, BINS, range[0], range[1])]++;
                    }
                    return bins;
                }, DistributedAnalysis::add).collectAsMap();
        Map<String, Histogram> byType = new TreeMap<>(RedTeamAnalysis::typeOrder);
        counts.forEach((type, bins) -> byType.put(type, Histogram.of(bins, range[0], range[1])));
        return byType;
    }

    private List<Trend> scaling(JavaRDD<AttemptFacts> facts) {
        long seed = this.seed;
        int resamples = this.resamples;
        RedTeamAnalysis.Resampling resampling = this.resampling;
        List<Trend> trends = new ArrayList<>(facts.filter(f -> ParameterCount.of(f.numParams()).isPresent())
                .groupBy(AttemptFacts::modelType)
                .flatMap(group -> new RedTeamAnalysis(seed, resamples, resampling).trends(group._1(), list(group._2())).iterator())
                .collect());
        trends.sort(Comparator.comparing(Trend::modelType, RedTeamAnalysis::typeOrder)); // stable: rating before min
        return trends;
    }

    private static List<MemberRatings> members(JavaRDD<AttemptFacts> facts) {
        // each member's counts per (model type and size, rating) are made on the executors; the driver never holds every rating
        return facts.mapToPair(f -> new Tuple2<>(f.memberId(), new Tuple2<>(MemberRatings.stratum(f), f.rating()))).groupByKey()
                .map(member -> {
                    Map<String, List<Double>> byStratum = new TreeMap<>();
                    member._2().forEach(r -> byStratum.computeIfAbsent(r._1(), k -> new ArrayList<>()).add(r._2()));
                    return MemberRatings.of(member._1(), byStratum);
                }).collect();
    }

    /** Equal-width bins over the values' range, as {@link Histogram#of(List, int)} makes them. */
    private static Histogram histogram(JavaDoubleRDD values) {
        JavaDoubleRDD numbers = values.filter(v -> !v.isNaN());
        StatCounter stats = numbers.stats();
        if (stats.count() == 0) {
            return new Histogram(List.of(), List.of());
        }
        double min = stats.min();
        double max = Histogram.upper(min, stats.max());
        long[] counts = numbers.aggregate(new long[BINS], (bins, value) -> {
            bins[Histogram.bin(value, BINS, min, max)]++;
            return bins;
        }, DistributedAnalysis::add);
        return Histogram.of(counts, min, max);
    }

    private static List<TagCount> tags(JavaRDD<AttemptFacts> facts) {
        List<TagCount> tags = facts.flatMapToPair(f -> f.tags().stream()
                        .map(tag -> new Tuple2<>(tag, new long[] {1, f.successful() ? 1 : 0})).iterator())
                .reduceByKey(DistributedAnalysis::add)
                .map(tag -> new TagCount(tag._1(), tag._2()[0], tag._2()[1])).collect();
        return RedTeamAnalysis.sortedTags(tags);
    }

    private static List<RatingRow> ratingVsHarmlessness(JavaRDD<AttemptFacts> facts) {
        List<RatingRow> rows = new ArrayList<>(facts.groupBy(AttemptFacts::rating).map(group -> {
            List<AttemptFacts> attempts = list(group._2());
            return RedTeamAnalysis.ratingRow(group._1(), attempts.size(), attempts.stream()
                    .filter(a -> a.minHarmlessness() != null).mapToDouble(AttemptFacts::minHarmlessness).toArray());
        }).collect());
        rows.sort(Comparator.comparingDouble(RatingRow::rating));
        return rows;
    }

    /**
     * Spearman's rho of rating against min-harmlessness over the scored attempts: tie-averaged
     * ranks from sorted distinct values and their counts (offsets summed across partitions), then
     * the centred products of ranks — multiples of 1/4, so their sums are exact in any order.
     */
    private static Double spearman(JavaRDD<AttemptFacts> facts) {
        JavaRDD<AttemptFacts> scored = facts.filter(f -> f.minHarmlessness() != null);
        long n = scored.count();
        if (n < 3) {
            return null;
        }
        Map<Double, Double> ratingRanks = averageRanks(scored.map(f -> f.rating() + 0.0).countByValue());
        JavaPairRDD<Double, Double> minRanks = averageRanks(scored.mapToPair(f -> new Tuple2<>(f.minHarmlessness() + 0.0, 1L))
                .reduceByKey(Long::sum).sortByKey());
        double mean = (n + 1) / 2.0;
        double[] sums = scored.mapToPair(f -> new Tuple2<>(f.minHarmlessness() + 0.0, ratingRanks.get(f.rating() + 0.0)))
                .join(minRanks).values()
                .aggregate(new double[3], (s, ranks) -> {
                    double x = ranks._1() - mean;
                    double y = ranks._2() - mean;
                    s[0] += x * y;
                    s[1] += x * x;
                    s[2] += y * y;
                    return s;
                }, (a, b) -> new double[] {a[0] + b[0], a[1] + b[1], a[2] + b[2]});
        double rho = Correlation.pearson(sums[0], sums[1], sums[2]);
        return Double.isNaN(rho) ? null : rho;
    }

    /** Ranks of few distinct values, on the driver. */
    private static Map<Double, Double> averageRanks(Map<Double, Long> counts) {
        Map<Double, Double> ranks = new TreeMap<>();
        long before = 0;
        for (Map.Entry<Double, Long> value : new TreeMap<>(counts).entrySet()) {
            ranks.put(value.getKey(), before + (value.getValue() + 1) / 2.0);
            before += value.getValue();
        }
        return ranks;
    }

    /** Ranks of many distinct values, sorted and counted across partitions. */
    private static JavaPairRDD<Double, Double> averageRanks(JavaPairRDD<Double, Long> sortedCounts) {
        List<Long> perPartition = sortedCounts.mapPartitions(counts -> {
            long total = 0;
            while (counts.hasNext()) {
                total += counts.next()._2();
            }
            return List.of(total).iterator();
        }).collect();
        long[] offsets = new long[perPartition.size()];
        for (int i = 1; i < offsets.length; i++) {
            offsets[i] = offsets[i - 1] + perPartition.get(i - 1);
        }
        return sortedCounts.mapPartitionsWithIndex((partition, counts) -> {
            long before = offsets[partition];
            List<Tuple2<Double, Double>> ranks = new ArrayList<>();
            while (counts.hasNext()) {
                Tuple2<Double, Long> value = counts.next();
                ranks.add(new Tuple2<>(value._1(), before + (value._2() + 1) / 2.0));
                before += value._2();
            }
            return ranks.iterator();
        }, true).mapToPair(rank -> rank);
    }

    private static long[] add(long[] a, long[] b) {
        long[] sum = new long[a.length];
        for (int i = 0; i < a.length; i++) {
            sum[i] = a[i] + b[i];
        }
        return sum;
    }

    private static <T> List<T> list(Iterable<T> values) {
        List<T> list = new ArrayList<>();
        Iterator<T> it = values.iterator();
        while (it.hasNext()) {
            list.add(it.next());
        }
        return list;
    }
}
