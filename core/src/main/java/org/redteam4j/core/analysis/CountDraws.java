package org.redteam4j.core.analysis;

import java.util.SplittableRandom;
import org.apache.commons.math3.special.Gamma;

/**
 * Exact draws of counts — hypergeometric (drawing without replacement from a pool of rating
 * counts) and binomial (with replacement) — so that a permutation or bootstrap over attempts costs
 * O(distinct ratings) per member, not O(attempts). Each draw inverts one uniform, walking out from
 * the mode (expected O(standard deviation) steps), so it is deterministic for a seeded stream.
 */
final class CountDraws {

    private CountDraws() {
    }

    private static double logFactorial(long n) {
        return Gamma.logGamma(n + 1.0);
    }

    /** Successes among {@code draws} drawn without replacement from {@code population} items of which {@code successes} succeed. */
    static long hypergeometric(SplittableRandom random, long population, long successes, long draws) {
        long lo = Math.max(0, draws - (population - successes));
        long hi = Math.min(draws, successes);
        if (lo >= hi) {
            return lo;
        }
        long failures = population - successes;
        long mode = Math.min(hi, Math.max(lo, (long) Math.floor((draws + 1.0) * (successes + 1.0) / (population + 2.0))));
        double logMode = logFactorial(successes) - logFactorial(mode) - logFactorial(successes - mode)
                + logFactorial(failures) - logFactorial(draws - mode) - logFactorial(failures - draws + mode)
                - (logFactorial(population) - logFactorial(draws) - logFactorial(population - draws));
        // p(k+1)/p(k) = (K−k)(n−k) / ((k+1)(N−K−n+k+1))
        return invert(random, lo, hi, mode, Math.exp(logMode),
                k -> (double) (successes - k) * (draws - k) / ((double) (k + 1) * (failures - draws + k + 1)));
    }

    /** Successes in {@code trials} independent trials that each succeed with probability {@code p}. */
    static long binomial(SplittableRandom random, long trials, double p) {
        if (trials == 0 || p <= 0) {
            return 0;
        }
        if (p >= 1) {
            return trials;
        }
        long mode = Math.min(trials, (long) Math.floor((trials + 1) * p));
        double logMode = logFactorial(trials) - logFactorial(mode) - logFactorial(trials - mode)
                + mode * Math.log(p) + (trials - mode) * Math.log1p(-p);
        double odds = p / (1 - p);
        return invert(random, 0, trials, mode, Math.exp(logMode), k -> (double) (trials - k) / (k + 1) * odds);
    }

    private interface Ratio {
        /** p(k+1) / p(k). */
        double up(long k);
    }

    /** Inversion over the support ordered mode, mode+1, mode−1, mode+2, …; O(spread) expected steps. */
    private static long invert(SplittableRandom random, long lo, long hi, long mode, double pMode, Ratio ratio) {
        double u = random.nextDouble();
        double cumulative = pMode;
        if (u < cumulative) {
            return mode;
        }
        long up = mode;
        long down = mode;
        double pUp = pMode;
        double pDown = pMode;
        while (up < hi || down > lo) {
            if (up < hi) {
                pUp *= ratio.up(up);
                up++;
                cumulative += pUp;
                if (u < cumulative) {
                    return up;
                }
            }
            if (down > lo) {
                pDown /= ratio.up(down - 1);
                down--;
                cumulative += pDown;
                if (u < cumulative) {
                    return down;
                }
            }
        }
        return mode; // u beyond the rounded total (≈1e-15): the likeliest value
    }
}
