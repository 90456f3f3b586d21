package org.redteam4j.core.analysis;

import java.util.List;
import java.util.Set;

/**
 * Agreement among reviewers as Fleiss' kappa, as the paper reports it: on the 5-point ratings, on
 * success (rating ≥ 3), and on tags (each tag a yes/no category, averaged over the tags used).
 * Items are attempts with at least {@code raters} reviews; the first {@code raters} count.
 */
public record Agreement(int items, int raters, Double ratings, Double success, Double tags) {

    /** One reviewed attempt: its reviewers' ratings and tag sets, in the same order. */
    public record Reviewed(List<Double> ratings, List<Set<String>> tags) {
    }

    public static Agreement of(List<Reviewed> reviewed, int raters, List<String> allTags) {
        List<Reviewed> full = reviewed.stream().filter(r -> r.ratings().size() >= raters).toList();
        if (full.size() < 2 || raters < 2) {
            return new Agreement(full.size(), raters, null, null, null);
        }
        int[][] five = new int[full.size()][5];
        int[][] binary = new int[full.size()][2];
        for (int i = 0; i < full.size(); i++) {
            for (double rating : full.get(i).ratings().subList(0, raters)) {
                five[i][(int) Math.max(0, Math.min(4, Math.round(rating)))]++;
                binary[i][rating >= 3 ? 1 : 0]++;
            }
        }
        double sum = 0;
        int counted = 0;
        for (String tag : allTags) {
            int[][] counts = new int[full.size()][2];
            boolean used = false;
            for (int i = 0; i < full.size(); i++) {
                for (Set<String> chosen : full.get(i).tags().subList(0, raters)) {
                    boolean has = chosen.contains(tag);
                    used |= has;
                    counts[i][has ? 1 : 0]++;
                }
            }
            double kappa = FleissKappa.of(counts);
            if (used && Double.isFinite(kappa)) {
                sum += kappa;
                counted++;
            }
        }
        return new Agreement(full.size(), raters, finite(FleissKappa.of(five)), finite(FleissKappa.of(binary)),
                counted == 0 ? null : sum / counted);
    }

    private static Double finite(double value) {
        return Double.isFinite(value) ? value : null;
    }
}
