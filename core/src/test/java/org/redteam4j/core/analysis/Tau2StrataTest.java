package org.redteam4j.core.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The τ² permutation test from counts: exact permutation probabilities, strata, and members with no spread of their own. */
class Tau2StrataTest {

    private static Map<Double, Integer> counts(double... ratings) {
        Map<Double, Integer> counts = new TreeMap<>();
        for (double r : ratings) {
            counts.merge(r, 1, Integer::sum);
        }
        return counts;
    }

    @Test
    void twoByTwoHasTheExactPermutationProbability() {
        // {0,0} and {4,4}: of the C(4,2) = 6 splits, 2 are as extreme as observed, so p → 1/3
        Map<Long, Map<Double, Integer>> c = Map.of(1L, counts(0, 0), 2L, counts(4, 4));
        MemberStatistics.Tau2Test test = MemberStatistics.tau2Test(c, 11, 6000);
        assertThat(test.pValue()).isCloseTo(1.0 / 3, within(0.02));
        assertThat(test.sigma2()).isZero();
    }

    @Test
    void membersWithNoSpreadOfTheirOwnAreStillTested() {
        // σ² = 0 but the members differ: {4,4,4} vs {0,0,0}; 2 of the C(6,3) = 20 splits are as extreme, p → 0.1
        MemberStatistics.Tau2Test test = MemberStatistics.tau2Test(Map.of(1L, counts(4, 4, 4), 2L, counts(0, 0, 0)), 5, 6000);
        assertThat(test).isNotNull();
        assertThat(test.sigma2()).isZero();
        assertThat(test.tau2()).isCloseTo(8.0, within(1e-12)); // means 4 and 0: between (2 × 2²)/1 = 8, no noise
        assertThat(test.pValue()).isCloseTo(0.1, within(0.015));
        // every rating the same: nothing to test
        assertThat(MemberStatistics.tau2Test(Map.of(1L, counts(2, 2), 2L, counts(2, 2, 2)), 5, 100)).isNull();
        // no member with two attempts: σ² undefined
        assertThat(MemberStatistics.tau2Test(Map.of(1L, counts(0), 2L, counts(4)), 5, 100)).isNull();
    }

    @Test
    void strataKeepWhoAttackedWhichModel() {
        // member 1 attacked only a model that is easy to break, member 2 only a hard one: within each model
        // there is one member, so no permutation moves anything and p = 1; ignoring the models, p is small
        Map<Long, Map<String, Map<Double, Integer>>> strata = new TreeMap<>();
        strata.put(1L, Map.of("plain lm|2.7B", counts(4, 4, 3, 4, 3, 4, 4, 3)));
        strata.put(2L, Map.of("rlhf|52B", counts(0, 1, 0, 0, 1, 0, 0, 1)));
        MemberStatistics.Tau2Test within = MemberStatistics.tau2TestWithinStrata(strata, 3, 999);
        assertThat(within.pValue()).isEqualTo(1.0);
        Map<Long, Map<Double, Integer>> pooled = Map.of(1L, counts(4, 4, 3, 4, 3, 4, 4, 3), 2L, counts(0, 1, 0, 0, 1, 0, 0, 1));
        assertThat(MemberStatistics.tau2Test(pooled, 3, 999).pValue()).isLessThan(0.01);
        assertThat(within.tau2()).isEqualTo(MemberStatistics.tau2Test(pooled, 3, 999).tau2());
    }

    @Test
    void theAnalysisStratifiesByModelTypeAndSize() {
        List<AttemptFacts> attempts = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            attempts.add(new AttemptFacts("plain lm", "2.7B", 3 + i % 2, null, null, 1, List.of()));
            attempts.add(new AttemptFacts("rlhf", "52B", i % 2, null, null, 2, List.of()));
        }
        RedTeamAnalysis.Members members = new RedTeamAnalysis(7, 200).members(attempts);
        assertThat(members.tau2PValue()).isEqualTo(1.0);
        // the same members on the same model: now they can be told apart
        List<AttemptFacts> same = attempts.stream().map(a -> new AttemptFacts("rlhf", "52B", a.rating(), null, null, a.memberId(),
                List.of())).toList();
        assertThat(new RedTeamAnalysis(7, 200).members(same).tau2PValue()).isLessThan(0.01);
    }

    @Test
    void manyAttemptsCostOnlyTheirCounts() {
        // 2,000,000 attempts over 300 members and 5 ratings: the test touches 300 × 5 counts per permutation
        java.util.SplittableRandom r = new java.util.SplittableRandom(3);
        Map<Long, Map<Double, Integer>> counts = new TreeMap<>();
        for (int i = 0; i < 2_000_000; i++) {
            counts.computeIfAbsent((long) r.nextInt(300), k -> new TreeMap<>()).merge((double) r.nextInt(5), 1, Integer::sum);
        }
        long start = System.nanoTime();
        MemberStatistics.Tau2Test test = MemberStatistics.tau2Test(counts, 1, 1000);
        double seconds = (System.nanoTime() - start) / 1e9;
        assertThat(test.pValue()).isGreaterThan(0.01); // members drawn alike
        assertThat(seconds).as("seconds").isLessThan(20);
    }
}
