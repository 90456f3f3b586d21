package org.redteam4j.core.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The cluster bootstrap on data built so that its answer is known. */
class ClusterBootstrapTest {

    private static double[] repeat(double value, int times) {
        double[] values = new double[times];
        java.util.Arrays.fill(values, value);
        return values;
    }

    /**
     * Two members, one rating only 0 (100 times), the other only 1: resampling the two members gives
     * {0,0}, {0,1}, {1,1} with chances 1/4, 1/2, 1/4, so the 95% interval is exactly [0, 1]; resampling
     * the 200 attempts as if independent gives about 0.5 ± 0.07.
     */
    @Test
    void twoConstantMembersGiveTheWholeRangeWhereAttemptsGiveANarrowInterval() {
        Interval members = ClusterBootstrap.mean(Map.of(1L, repeat(0, 100), 2L, repeat(1, 100)), 5, 2000);
        double[] all = new double[200];
        java.util.Arrays.fill(all, 100, 200, 1);
        Interval attempts = Bootstrap.mean(all, 5, 2000);

        assertThat(members).isEqualTo(new Interval(0.5, 0, 1));
        assertThat(attempts.estimate()).isEqualTo(0.5);
        assertThat(attempts.low()).isBetween(0.41, 0.45);
        assertThat(attempts.high()).isBetween(0.55, 0.59);
    }

    @Test
    void theStatisticIsTheRatioMeanOverAllRowsOfTheDrawnClusters() {
        // one member rated 0 once, another 1 three times: 3 of 4 ratings are 1 (the mean of means would be 0.5)
        Interval interval = ClusterBootstrap.mean(Map.of("a", new double[] {0}, "b", new double[] {1, 1, 1}), 1, 500);
        assertThat(interval.estimate()).isEqualTo(0.75);
        // a resample draws {a,a} = 0, {a,b} = 0.75 or {b,b} = 1: no other value can be an end
        assertThat(interval.low()).isZero();
        assertThat(interval.high()).isEqualTo(1.0);
        Interval rate = ClusterBootstrap.ratio(Map.of("seed one", new long[] {0, 1}, "seed two", new long[] {3, 3}), 1, 500);
        assertThat(rate).isEqualTo(interval);
    }

    @Test
    void oneClusterHasNoIntervalRatherThanAFakeOne() {
        Interval one = ClusterBootstrap.mean(Map.of(9L, new double[] {1, 2, 3, 4}), 3, 500);
        assertThat(one.estimate()).isEqualTo(2.5);
        assertThat(one.low()).isNaN();
        assertThat(one.high()).isNaN();
        assertThat(ClusterBootstrap.mean(Map.<Long, double[]>of(), 3, 500).estimate()).isNaN();
    }

    @Test
    void theIntervalDependsOnlyOnWhichClusterValuePairsExist() {
        Random random = new Random(3);
        Map<Long, double[]> clusters = new LinkedHashMap<>();
        for (long m = 20; m > 0; m--) {
            double[] values = new double[1 + random.nextInt(30)];
            for (int i = 0; i < values.length; i++) {
                values[i] = random.nextInt(5);
            }
            clusters.put(m, values);
        }
        Interval first = ClusterBootstrap.mean(clusters, 11, 1000);
        List<Long> keys = new ArrayList<>(clusters.keySet());
        Collections.shuffle(keys, random);
        Map<Long, double[]> reordered = new LinkedHashMap<>();
        for (long key : keys) {
            double[] values = clusters.get(key).clone();
            List<Double> shuffled = new ArrayList<>(java.util.Arrays.stream(values).boxed().toList());
            Collections.shuffle(shuffled, random);
            reordered.put(key, shuffled.stream().mapToDouble(Double::doubleValue).toArray());
        }
        assertThat(ClusterBootstrap.mean(reordered, 11, 1000)).isEqualTo(first);
        assertThat(ClusterBootstrap.mean(clusters, 12, 1000).low()).isNotEqualTo(first.low());
    }

    @Test
    void table1AndSlopesResampleMembersByDefaultAndAttemptsOnRequest() {
        // two members in one cell, each always giving the same rating: members say [0, 4], attempts say about 2 ± 0.3
        List<AttemptFacts> attempts = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            attempts.add(new AttemptFacts("rlhf", i % 2 == 0 ? "2.7B" : "52B", 0, null, null, 1, List.of()));
            attempts.add(new AttemptFacts("rlhf", i % 2 == 0 ? "2.7B" : "52B", 4, null, null, 2, List.of()));
        }
        RedTeamAnalysis members = new RedTeamAnalysis(7, 1000);
        RedTeamAnalysis independent = new RedTeamAnalysis(7, 1000, RedTeamAnalysis.Resampling.ATTEMPTS);

        Interval byMember = members.table1(attempts).get(0).meanRating();
        Interval byAttempt = independent.table1(attempts).get(0).meanRating();
        assertThat(byMember).isEqualTo(new Interval(2, 0, 4));
        assertThat(byAttempt.estimate()).isEqualTo(2.0);
        assertThat(byAttempt.high() - byAttempt.low()).isBetween(0.8, 1.6);
        assertThat(members.analyse(attempts).bootstrap()).isEqualTo("members");
        assertThat(independent.analyse(attempts).bootstrap()).isEqualTo("attempts");

        // each member rates both sizes alike, so every resample of members has slope 0; resampled attempts do not
        Interval memberSlope = members.scaling(attempts).get(0).slope();
        Interval attemptSlope = independent.scaling(attempts).get(0).slope();
        assertThat(memberSlope.estimate()).isCloseTo(0, within(1e-12));
        assertThat(memberSlope.low()).isCloseTo(0, within(1e-12));
        assertThat(memberSlope.high()).isCloseTo(0, within(1e-12));
        assertThat(attemptSlope.high() - attemptSlope.low()).isGreaterThan(0.5);
    }
}
