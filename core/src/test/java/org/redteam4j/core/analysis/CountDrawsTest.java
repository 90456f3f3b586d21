package org.redteam4j.core.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The count samplers against their exact distributions, and the multinomial bootstrap of a mean. */
class CountDrawsTest {

    private static long choose(int n, int k) {
        long c = 1;
        for (int i = 1; i <= k; i++) {
            c = c * (n - k + i) / i;
        }
        return c;
    }

    @Test
    void hypergeometricFrequenciesMatchThePmf() {
        // 3 drawn from 10 with 4 successes: p(k) = C(4,k) C(6,3−k) / C(10,3) = 20, 60, 36, 4 over 120
        SplittableRandom random = new SplittableRandom(1);
        int n = 200_000;
        long[] seen = new long[4];
        for (int i = 0; i < n; i++) {
            seen[(int) CountDraws.hypergeometric(random, 10, 4, 3)]++;
        }
        for (int k = 0; k <= 3; k++) {
            double p = (double) choose(4, k) * choose(6, 3 - k) / choose(10, 3);
            assertThat((double) seen[k] / n).as("k=%d", k).isCloseTo(p, within(0.005));
        }
        // forced: every item drawn, or no successes left
        assertThat(CountDraws.hypergeometric(random, 7, 3, 7)).isEqualTo(3);
        assertThat(CountDraws.hypergeometric(random, 7, 0, 4)).isZero();
        assertThat(CountDraws.hypergeometric(random, 7, 7, 4)).isEqualTo(4);
    }

    @Test
    void largeHypergeometricHasTheRightMeanAndVariance() {
        // N = 2,000,000, K = 400,000, n = 6,000: mean nK/N = 1200, variance n (K/N)(1−K/N)(N−n)/(N−1) ≈ 957.1
        SplittableRandom random = new SplittableRandom(2);
        int draws = 20_000;
        double sum = 0;
        double squares = 0;
        for (int i = 0; i < draws; i++) {
            double x = CountDraws.hypergeometric(random, 2_000_000, 400_000, 6_000);
            sum += x;
            squares += x * x;
        }
        double mean = sum / draws;
        double variance = squares / draws - mean * mean;
        assertThat(mean).isCloseTo(1200, within(1.0));
        assertThat(variance).isCloseTo(6000 * 0.2 * 0.8 * 1_994_000.0 / 1_999_999, within(40.0));
    }

    @Test
    void binomialFrequenciesMatchThePmf() {
        SplittableRandom random = new SplittableRandom(3);
        int n = 200_000;
        long[] seen = new long[5];
        for (int i = 0; i < n; i++) {
            seen[(int) CountDraws.binomial(random, 4, 0.3)]++;
        }
        for (int k = 0; k <= 4; k++) {
            double p = choose(4, k) * Math.pow(0.3, k) * Math.pow(0.7, 4 - k);
            assertThat((double) seen[k] / n).as("k=%d", k).isCloseTo(p, within(0.005));
        }
        assertThat(CountDraws.binomial(random, 9, 0)).isZero();
        assertThat(CountDraws.binomial(random, 9, 1)).isEqualTo(9);
    }

    @Test
    void theMultinomialBootstrapOfAMean() {
        TreeMap<Double, Long> one = new TreeMap<>();
        one.put(2.0, 50L);
        assertThat(RedTeamAnalysis.multinomialMean(one, 1, 200)).isEqualTo(new Interval(2, 2, 2));
        // 50 zeros, 50 ones: the mean's standard error is 0.05, so the 95% interval is about 0.5 ± 0.098
        TreeMap<Double, Long> half = new TreeMap<>();
        half.put(0.0, 50L);
        half.put(1.0, 50L);
        Interval interval = RedTeamAnalysis.multinomialMean(half, 1, 4000);
        assertThat(interval.estimate()).isEqualTo(0.5);
        assertThat(interval.low()).isCloseTo(0.402, within(0.015));
        assertThat(interval.high()).isCloseTo(0.598, within(0.015));
        assertThat(RedTeamAnalysis.multinomialMean(half, 1, 4000)).isEqualTo(interval);
    }
}
