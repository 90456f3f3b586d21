package org.redteam4j.core.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Fig. 5's top share and the τ² permutation test against answers worked out by hand. */
class MemberStatisticsTest {

    @Test
    void theTopShareIsInterpolatedOnTheCumulativeCurve() {
        // 7 members: 15% of 7 = 1.05 members, between (1/7, 30%) and (2/7, 50%): 30% + 0.05 × 20% = 31%
        List<Long> seven = List.of(30L, 20L, 10L, 10L, 10L, 10L, 10L);
        assertThat(MemberStatistics.topShare(seven, 0.15)).isCloseTo(0.31, within(1e-12));
        // at whole members it is the top members' share exactly: 15% of 20 members is the top 3
        List<Long> twenty = new ArrayList<>(List.of(10L, 8L, 6L));
        for (int i = 0; i < 17; i++) {
            twenty.add(1L);
        }
        assertThat(MemberStatistics.topShare(twenty, 0.15)).isCloseTo(24.0 / 41, within(1e-12));
        // below one member: a share of the first member's attempts, from (0, 0)
        assertThat(MemberStatistics.topShare(List.of(5L, 3L, 1L, 1L), 0.15)).isCloseTo(0.3, within(1e-12));
        assertThat(MemberStatistics.topShare(List.of(), 0.15)).isZero();
    }

    private static Map<Long, Map<Double, Integer>> counts(Map<Long, double[]> ratings) {
        Map<Long, Map<Double, Integer>> counts = new TreeMap<>();
        ratings.forEach((member, values) -> counts.put(member, RedTeamAnalysis.MemberRatings.of(member, values).ratingCounts()));
        return counts;
    }

    @Test
    void membersWithTheSameRatingsCannotBeToldApart() {
        // identical multisets: the observed between-member spread is the least possible, so every permutation is ≥ it
        double[] same = {0, 1, 2, 3, 4, 0, 1, 2, 3, 4};
        MemberStatistics.Tau2Test test = MemberStatistics.tau2Test(counts(Map.of(1L, same, 2L, same.clone(), 3L, same.clone())),
                1, 999);
        assertThat(test.pValue()).isEqualTo(1.0);
        assertThat(test.significant()).isFalse();
        assertThat(test.tau2()).isNegative(); // unclamped method of moments: between 0 less the noise of the means
        assertThat(test.permutations()).isEqualTo(999);
    }

    @Test
    void clearlyDifferentMembersAreSignificantAndTheResultDoesNotDependOnOrder() {
        double[] high = {3, 4, 3, 4, 3, 4, 3, 4, 3, 4};
        double[] low = {0, 1, 0, 1, 0, 1, 0, 1, 0, 1};
        MemberStatistics.Tau2Test test = MemberStatistics.tau2Test(counts(Map.of(1L, high, 2L, low)), 1, 999);
        // no permutation of 10 highs and 10 lows splits them as well as the members did, bar the mirror image
        assertThat(test.pValue()).isLessThan(0.01);
        assertThat(test.significant()).isTrue();
        // tau^2 by hand: means 3.5 and 0.5, between (2 × 1.5²)/1 = 4.5, sigma^2 = 20 × 0.25 / 18, noise/m = sigma^2/10
        double sigma2 = 5.0 / 18;
        assertThat(test.sigma2()).isCloseTo(sigma2, within(1e-12));
        assertThat(test.tau2()).isCloseTo(4.5 - sigma2 / 10, within(1e-12));
        double[] shuffled = {4, 4, 3, 3, 4, 3, 4, 3, 4, 3};
        assertThat(MemberStatistics.tau2Test(counts(Map.of(2L, low, 1L, shuffled)), 1, 999)).isEqualTo(test);
        assertThat(MemberStatistics.tau2Test(counts(Map.of(1L, high)), 1, 999)).isNull();
    }

    @Test
    void theReportCarriesTheTestAndTheInterpolatedShare() {
        List<AttemptFacts> attempts = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            attempts.add(new AttemptFacts("rlhf", "52B", i % 2 == 0 ? 3 : 4, null, null, 1, List.of()));
            attempts.add(new AttemptFacts("rlhf", "52B", i % 2 == 0 ? 0 : 1, null, null, 2, List.of()));
        }
        RedTeamAnalysis.Members members = new RedTeamAnalysis(7, 200).members(attempts);
        assertThat(members.tau2PValue()).isLessThan(0.01);
        assertThat(members.permutations()).isEqualTo(MemberStatistics.PERMUTATIONS);
        assertThat(members.shareFromTop15Percent()).isCloseTo(0.15, within(1e-12)); // 0.3 of the first member's half
    }
}
