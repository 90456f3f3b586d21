package org.redteam4j.app.web;

import java.util.List;
import org.jdbi.v3.core.Handle;
import org.redteam4j.core.analysis.Agreement;
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
        Agreement agreement = Agreement.of(new ReviewRepository(handle).doneReviews(campaign.id()).stream()
                .map(r -> new Agreement.Reviewed(r.ratings(), r.tags())).toList(), campaign.reviewsPerAttempt(), Workbench.TAGS);
        return new Dashboard(campaign, queries.targets(campaign.id()), queries.activeMembers(campaign.id()), agreement.items(),
                agreement.ratings(), agreement.success(), agreement.tags());
    }
}
