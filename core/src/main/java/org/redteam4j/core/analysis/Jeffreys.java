package org.redteam4j.core.analysis;

import java.util.SplittableRandom;
import org.apache.commons.math3.distribution.BetaDistribution;
import org.apache.commons.math3.random.AbstractRandomGenerator;

/**
 * Draws of a proportion measured as {@code k} successes in {@code n} trials from its Jeffreys
 * posterior Beta(k + ½, n − k + ½), for the corrected rates' bootstrap. Unlike resampling
 * Binomial(n, k/n), it keeps the proportion's uncertainty at 0/n and n/n (where the binomial has
 * none), and a draw costs O(1) whatever n is. Seeded: the same stream gives the same draws.
 */
final class Jeffreys {

    private Jeffreys() {
    }

    /** {@code resamples} draws of the proportion {@code k}/{@code n}, from {@code random}. */
    static double[] draws(SplittableRandom random, long k, long n, int resamples) {
        if (n <= 0 || k < 0 || k > n) {
            throw new IllegalArgumentException("need 0 <= k <= n and n > 0, got " + k + "/" + n);
        }
        BetaDistribution posterior = new BetaDistribution(new Stream(random), k + 0.5, n - k + 0.5);
        double[] draws = new double[resamples];
        for (int b = 0; b < resamples; b++) {
            draws[b] = posterior.sample();
        }
        return draws;
    }

    /** Commons Math's generator interface over the caller's seeded stream. */
    private static final class Stream extends AbstractRandomGenerator {
        private final SplittableRandom random;

        Stream(SplittableRandom random) {
            this.random = random;
        }

        @Override
        public double nextDouble() {
            return random.nextDouble();
        }

        @Override
        public void setSeed(long seed) {
            throw new UnsupportedOperationException("seeded by its SplittableRandom");
        }
    }
}
