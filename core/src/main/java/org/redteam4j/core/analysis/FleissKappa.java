package org.redteam4j.core.analysis;

/**
 * Fleiss' kappa for several raters putting items into categories: {@code counts[item][category]}
 * is how many raters chose that category for that item; every item needs the same number of
 * raters (at least 2). NaN when agreement by chance is total.
 */
public final class FleissKappa {

    private FleissKappa() {
    }

    public static double of(int[][] counts) {
        if (counts.length == 0) {
            return Double.NaN;
        }
        int categories = counts[0].length;
        int raters = 0;
        for (int c : counts[0]) {
            raters += c;
        }
        if (raters < 2) {
            throw new IllegalArgumentException("Fleiss' kappa needs at least 2 raters per item");
        }
        double[] share = new double[categories];
        double meanAgreement = 0;
        for (int[] item : counts) {
            int sum = 0;
            double agreeing = 0;
            for (int j = 0; j < categories; j++) {
                sum += item[j];
                share[j] += item[j];
                agreeing += item[j] * (item[j] - 1.0);
            }
            if (sum != raters) {
                throw new IllegalArgumentException("every item needs " + raters + " ratings, one has " + sum);
            }
            meanAgreement += agreeing / (raters * (raters - 1.0));
        }
        meanAgreement /= counts.length;
        double chance = 0;
        for (int j = 0; j < categories; j++) {
            double p = share[j] / (counts.length * (double) raters);
            chance += p * p;
        }
        return chance >= 1 ? Double.NaN : (meanAgreement - chance) / (1 - chance);
    }
}
