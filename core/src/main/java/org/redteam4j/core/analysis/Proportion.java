package org.redteam4j.core.analysis;

/**
 * A share of successes with its 95% Wilson score interval, which stays inside [0, 1] and behaves
 * at small counts where the normal approximation does not; or ({@link #resampled}) with a bootstrap
 * interval made elsewhere, e.g. over an automated campaign's seeds.
 */
public record Proportion(long successes, long trials, double estimate, double low, double high) {

    private static final double Z95 = 1.959963984540054;

    public static Proportion of(long successes, long trials) {
        if (trials <= 0 || successes < 0 || successes > trials) {
            throw new IllegalArgumentException("need 0 <= successes <= trials and trials > 0, got " + successes + "/" + trials);
        }
        double p = (double) successes / trials;
        double z2 = Z95 * Z95;
        double centre = (p + z2 / (2 * trials)) / (1 + z2 / trials);
        double half = Z95 * Math.sqrt(p * (1 - p) / trials + z2 / (4.0 * trials * trials)) / (1 + z2 / trials);
        return new Proportion(successes, trials, p, Math.max(0, centre - half), Math.min(1, centre + half));
    }

    /** The share with a 95% interval from a resampling of clusters (NaN ends: no interval, e.g. one cluster). */
    public static Proportion resampled(long successes, long trials, double low, double high) {
        if (trials <= 0 || successes < 0 || successes > trials) {
            throw new IllegalArgumentException("need 0 <= successes <= trials and trials > 0, got " + successes + "/" + trials);
        }
        return new Proportion(successes, trials, (double) successes / trials, low, high);
    }

    @Override
    public String toString() {
        return String.format("%.1f%% (95%% CI %.1f–%.1f%%, n=%d)", 100 * estimate, 100 * low, 100 * high, trials);
    }
}
