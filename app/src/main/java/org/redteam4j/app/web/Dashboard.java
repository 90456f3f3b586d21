package org.redteam4j.app.web;

import java.util.List;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.redteam4j.core.analysis.FleissKappa;
import org.redteam4j.store.workbench.Campaign;
import org.redteam4j.store.workbench.DashboardQueries;
import org.redteam4j.store.workbench.ReviewRepository;

/**
 * A campaign's live figures for admins: per target (the only place targets are named) attempts,
 * mean rating, mean min-harmlessness; active members; reviewer agreement as Fleiss' kappa on
 * the 5-point ratings, on success (rating ≥ 3) and on tags (mean over tags used), over attempts
 * with the campaign's full number of reviews.
 */
public record Dashboard(Campaign campaign, List<DashboardQueries.TargetRow> targets, long activeMembers,
                        int fullyReviewed, Double kappaRatings, Double kappaSuccess, Double kappaTags) {

    static Dashboard of(Handle handle, Campaign campaign) {
        DashboardQueries queries = new DashboardQueries(handle);
        int raters = campaign.reviewsPerAttempt();
        List<ReviewRepository.Reviewed> full = new ReviewRepository(handle).doneReviews(campaign.id()).stream()
                .filter(reviewed -> reviewed.ratings().size() >= raters).toList();
        Double ratings = null;
        Double success = null;
        Double tags = null;
        if (full.size() >= 2 && raters >= 2) {
            int[][] five = new int[full.size()][5];
            int[][] binary = new int[full.size()][2];
            for (int i = 0; i < full.size(); i++) {
                for (double rating : full.get(i).ratings().subList(0, raters)) {
                    five[i][(int) Math.round(rating)]++;
                    binary[i][rating >= 3 ? 1 : 0]++;
                }
            }
            ratings = finite(FleissKappa.of(five));
            success = finite(FleissKappa.of(binary));
            tags = tagKappa(full, raters);
        }
        return new Dashboard(campaign, queries.targets(campaign.id()), queries.activeMembers(campaign.id()), full.size(),
                ratings, success, tags);
    }

    private static Double tagKappa(List<ReviewRepository.Reviewed> full, int raters) {
        double sum = 0;
        int counted = 0;
        for (String tag : Workbench.TAGS) {
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
        return counted == 0 ? null : sum / counted;
    }

    private static Double finite(double value) {
        return Double.isFinite(value) ? value : null;
    }
}
