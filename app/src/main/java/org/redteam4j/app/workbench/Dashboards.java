package org.redteam4j.app.workbench;

import org.redteam4j.core.analysis.Agreement;
import org.redteam4j.core.attempt.Tags;
import org.redteam4j.store.Database;
import org.redteam4j.store.workbench.Account;
import org.redteam4j.store.workbench.Campaign;
import org.redteam4j.store.workbench.CampaignRepository;
import org.redteam4j.store.workbench.DashboardQueries;
import org.redteam4j.store.workbench.ReviewRepository;

/** Admins' view of a campaign as it runs; the only place where members' targets are named. */
public final class Dashboards {

    /** How many of a campaign's target failures the dashboard shows in full. */
    public static final int RECENT_FAILURES = 20;

    private final Database database;

    Dashboards(Database database) {
        this.database = database;
    }

    public Dashboard of(Principal admin, long campaignId) {
        admin.require(Account.Role.ADMIN);
        return database.read(handle -> {
            Campaign campaign = new CampaignRepository(handle).byId(campaignId).orElseThrow(WorkbenchFailure::notFound);
            DashboardQueries queries = new DashboardQueries(handle);
            Agreement agreement = Agreement.of(new ReviewRepository(handle).doneReviews(campaign.id()).stream()
                    .map(r -> new Agreement.Reviewed(r.ratings(), r.tags())).toList(), campaign.reviewsPerAttempt(), Tags.ALL);
            return new Dashboard(campaign, new CampaignRepository(handle).archived(campaign.id()), queries.targets(campaign.id()),
                    queries.activeMembers(campaign.id()), agreement.items(),
                    agreement.ratings(), agreement.success(), agreement.tags(), queries.failureCount(campaign.id()),
                    queries.recentFailures(campaign.id(), RECENT_FAILURES), queries.totals(campaign.id()),
                    queries.members(campaign.id()));
        });
    }
}
