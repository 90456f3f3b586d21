package org.redteam4j.core.analysis;

import java.util.SplittableRandom;

/**
 * Exact binomial draws from a seeded stream, for parametric bootstraps. Counts the successes by
 * their geometric waiting times, so a draw costs about n·min(p, 1 − p) steps and never underflows
 * as (1 − p)^n would for large n.
 */
final class Binomial {

    private Binomial() {
    }

    /** The number of successes in {@code n} trials of probability {@code p}. */
    static long draw(SplittableRandom random, long n, double p) {
        if (n <= 0 || p <= 0) {
            return 0;
        }
        if (p >= 1) {
            return n;
        }
        if (p > 0.5) {
            return n - draw(random, n, 1 - p);
        }
        double logFailure = Math.log1p(-p);
        long successes = 0;
        long position = 0;
        while (true) {
            double u = 1.0 - random.nextDouble(); // in (0, 1], so its log is finite
            double failures = Math.floor(Math.log(u) / logFailure); // P(failures ≥ k) = (1 − p)^k
            if (failures >= n - position) {
                return successes;
            }
            position += (long) failures + 1;
            successes++;
        }
    }
}
