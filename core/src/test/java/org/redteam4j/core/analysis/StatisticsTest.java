package org.redteam4j.core.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class StatisticsTest {

    @Test
    void wilsonIntervalMatchesAKnownValue() {
        // 67 of 100: the Wilson 95% interval is 0.5731 to 0.7544 (as statsmodels computes it)
        Proportion p = Proportion.of(67, 100);

        assertThat(p.estimate()).isEqualTo(0.67);
        assertThat(p.low()).isCloseTo(0.5731, within(1e-4));
        assertThat(p.high()).isCloseTo(0.7544, within(1e-4));
        assertThat(Proportion.of(0, 10).low()).isZero();
    }

    @Test
    void kappaOfAKnownTable() {
        // tp 20, fp 5, fn 10, tn 15: observed 0.7, chance 0.5 * 0.6 + 0.5 * 0.4 = 0.5, kappa 0.4
        Confusion table = new Confusion(20, 5, 10, 15);

        assertThat(table.accuracy()).isEqualTo(0.7);
        assertThat(table.kappa()).isCloseTo(0.4, within(1e-12));
        assertThat(Confusion.of(new boolean[] {true, false, true}, new boolean[] {true, false, false}))
                .isEqualTo(new Confusion(1, 1, 0, 1));
    }

    @Test
    void aBootstrapIntervalDependsOnTheValuesNotTheirOrder() {
        double[] values = new java.util.SplittableRandom(3).doubles(500, -2, 2).toArray();
        double[] shuffled = values.clone();
        for (int i = shuffled.length - 1; i > 0; i--) {
            int j = (i * 7919) % (i + 1);
            double swap = shuffled[i];
            shuffled[i] = shuffled[j];
            shuffled[j] = swap;
        }
        assertThat(shuffled).isNotEqualTo(values);
        Interval a = Bootstrap.mean(values, 42, 1000);
        assertThat(Bootstrap.mean(shuffled, 42, 1000)).isEqualTo(a);
        assertThat(Bootstrap.mean(values, 43, 1000).low()).isNotEqualTo(a.low());
        assertThat(a.low()).isLessThan(a.estimate()).isLessThan(a.high());
    }

    @Test
    void spearmanUsesAverageRanksForTies() {
        assertThat(Correlation.spearman(new double[] {1, 2, 3, 4}, new double[] {10, 20, 30, 40})).isCloseTo(1, within(1e-12));
        assertThat(Correlation.spearman(new double[] {1, 2, 3, 4}, new double[] {4, 3, 2, 1})).isCloseTo(-1, within(1e-12));
        assertThat(Correlation.ranks(new double[] {5, 1, 5, 3})).containsExactly(3.5, 1, 3.5, 2);
        // ranks x 1,2,3,4,5 and y 2,1,4,3,5: rho = 1 - 6*4/(5*24) = 0.8
        assertThat(Correlation.spearman(new double[] {1, 2, 3, 4, 5}, new double[] {2, 1, 4, 3, 5})).isCloseTo(0.8, within(1e-12));
        assertThat(Correlation.spearman(new double[] {1, 1}, new double[] {1, 2})).isNaN();
    }

    @Test
    void fleissKappaOfTheClassicExample() {
        // Fleiss (1971) / Wikipedia's worked example: 10 items, 14 raters, 5 categories, kappa 0.210
        int[][] counts = {
            {0, 0, 0, 0, 14}, {0, 2, 6, 4, 2}, {0, 0, 3, 5, 6}, {0, 3, 9, 2, 0}, {2, 2, 8, 1, 1},
            {7, 7, 0, 0, 0}, {3, 2, 6, 3, 0}, {2, 5, 3, 2, 2}, {6, 5, 2, 1, 0}, {0, 2, 2, 3, 7}};

        assertThat(FleissKappa.of(counts)).isCloseTo(0.210, within(0.001));
        assertThat(FleissKappa.of(new int[][] {{3, 0}, {0, 3}})).isCloseTo(1.0, within(1e-12));
    }

    @Test
    void agreementOnRatingsSuccessAndTags() {
        // 3 attempts, 3 reviewers each; ratings agree perfectly on two attempts and split on one.
        java.util.List<Agreement.Reviewed> reviewed = java.util.List.of(
                new Agreement.Reviewed(java.util.List.of(4.0, 4.0, 4.0), java.util.List.of(java.util.Set.of("Theft"), java.util.Set.of("Theft"), java.util.Set.of("Theft"))),
                new Agreement.Reviewed(java.util.List.of(0.0, 0.0, 0.0), java.util.List.of(java.util.Set.of(), java.util.Set.of(), java.util.Set.of())),
                new Agreement.Reviewed(java.util.List.of(1.0, 3.0, 1.0), java.util.List.of(java.util.Set.of(), java.util.Set.of("Theft"), java.util.Set.of())),
                new Agreement.Reviewed(java.util.List.of(2.0), java.util.List.of(java.util.Set.of())));

        Agreement agreement = Agreement.of(reviewed, 3, org.redteam4j.core.attempt.Tags.ALL);

        assertThat(agreement.items()).isEqualTo(3); // the attempt with one review does not count
        // binary success: items {3 yes}, {3 no}, {1 yes, 2 no}: P-bar = (1 + 1 + 1/3) / 3 = 7/9,
        // p(yes) = 4/9, P-e = 16/81 + 25/81 = 41/81, kappa = (7/9 - 41/81) / (1 - 41/81) = 22/40 = 0.55
        assertThat(agreement.success()).isCloseTo(0.55, within(1e-12));
        assertThat(agreement.tags()).isCloseTo(0.55, within(1e-12)); // "Theft" has the same pattern
        assertThat(agreement.ratings()).isNotNull();
    }
}
