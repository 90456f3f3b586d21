package org.redteam4j.app.workbench;

import java.time.Clock;
import java.util.List;
import org.redteam4j.store.Database;
import org.redteam4j.store.workbench.Account;
import org.redteam4j.store.workbench.CampaignRepository;

/**
 * Admins close, reopen, archive and bring back campaigns. A closed campaign takes no new attempts
 * (members no longer see it; attempts in progress may still be finished or abandoned); an archived
 * one is also closed and is hidden from the admins' list unless they ask for it. Nothing is deleted.
 */
public final class CampaignLifecycle {

    private final Database database;
    private final Clock clock;

    CampaignLifecycle(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    /** The admins' list: open and closed campaigns, and the archived ones when asked for. */
    public List<CampaignRepository.Listed> list(Principal admin, boolean includeArchived) {
        admin.require(Account.Role.ADMIN);
        return database.inTransaction(handle -> new CampaignRepository(handle).forAdmins(includeArchived));
    }

    public void close(Principal admin, long campaignId) {
        admin.require(Account.Role.ADMIN);
        change(campaignId, campaigns -> campaigns.setOpen(campaignId, false));
    }

    /** Reopens a closed or archived campaign: it is listed again and takes new attempts. */
    public void reopen(Principal admin, long campaignId) {
        admin.require(Account.Role.ADMIN);
        change(campaignId, campaigns -> campaigns.setArchived(campaignId, null) && campaigns.setOpen(campaignId, true));
    }

    /** Archives a campaign, closing it first if it was open. */
    public void archive(Principal admin, long campaignId) {
        admin.require(Account.Role.ADMIN);
        change(campaignId, campaigns -> campaigns.setOpen(campaignId, false) && campaigns.setArchived(campaignId, clock.instant()));
    }

    public boolean archived(Principal admin, long campaignId) {
        admin.require(Account.Role.ADMIN);
        return database.inTransaction(handle -> new CampaignRepository(handle).archived(campaignId));
    }

    private void change(long campaignId, java.util.function.Predicate<CampaignRepository> update) {
        database.useTransaction(handle -> {
            if (!update.test(new CampaignRepository(handle))) {
                throw WorkbenchFailure.notFound("no workbench campaign with this id");
            }
        });
    }
}
