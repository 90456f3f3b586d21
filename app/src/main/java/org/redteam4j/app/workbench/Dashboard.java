package org.redteam4j.app.workbench;

import java.util.List;
import org.redteam4j.store.workbench.Campaign;
import org.redteam4j.store.workbench.DashboardQueries;

/**
 * A campaign's live figures for admins: per target (the only place targets are named) attempts,
 * mean rating, mean min-harmlessness; active members; reviewer agreement as Fleiss' kappa on
 * the 5-point ratings, on success (rating ≥ 3) and on tags (mean over tags used), over attempts
 * with the campaign's full number of reviews; and how often targets did not answer members, with the
 * latest {@link Dashboards#RECENT_FAILURES} failures in full (members are told only to try again);
 * progress (attempts by status, the review queue) and each member's activity, which only admins see.
 * Abandoned attempts count in the totals and the members' table, never in a mean.
 */
public record Dashboard(Campaign campaign, boolean archived, List<DashboardQueries.TargetRow> targets, long activeMembers,
                        int fullyReviewed, Double kappaRatings, Double kappaSuccess, Double kappaTags,
                        long targetFailures, List<DashboardQueries.FailureRow> recentFailures,
                        DashboardQueries.Totals totals, List<DashboardQueries.MemberRow> members) {
}
