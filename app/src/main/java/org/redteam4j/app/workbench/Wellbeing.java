package org.redteam4j.app.workbench;

import java.util.Optional;
import org.redteam4j.core.provenance.Sha256;
import org.redteam4j.store.Database;
import org.redteam4j.store.workbench.Account;
import org.redteam4j.store.workbench.AccountRepository;
import org.redteam4j.store.workbench.Campaign;
import org.redteam4j.store.workbench.CampaignRepository;
import org.redteam4j.store.workbench.ReviewRepository;
import org.redteam4j.store.workbench.WarningAcceptanceRepository;

/**
 * What protects the people who read harmful text: the generic notice before a member's first
 * task, each campaign's own content warning accepted per campaign (by members before their first
 * attempt, by reviewers before their first review of it, and again when an admin changes it), and
 * opting out, which {@link Principal#requireOnTask} enforces on every task call.
 */
public final class Wellbeing {

    private final Database database;

    Wellbeing(Database database) {
        this.database = database;
    }

    /** The SHA-256 a person's acceptance of this campaign's warning is stored under; empty when there is no warning. */
    public static Optional<String> warningSha256(Campaign campaign) {
        return Optional.ofNullable(campaign.contentWarning()).map(Sha256::of);
    }

    /** Whether the person accepted this campaign's warning as it reads now (true when it has none). */
    public boolean warningAccepted(Principal person, Campaign campaign) {
        return warningSha256(campaign).isEmpty() || database.read(handle -> accepted(handle, person.id(), campaign));
    }

    /** {@link #warningAccepted}, inside the caller's transaction. */
    static boolean accepted(org.jdbi.v3.core.Handle handle, long personId, Campaign campaign) {
        Optional<String> current = warningSha256(campaign);
        return current.isEmpty() || new WarningAcceptanceRepository(handle).accepted(personId, campaign.id())
                .filter(current.get()::equals).isPresent();
    }

    /** Refuses a task in a campaign whose current warning the person has not accepted. */
    public void requireWarningAccepted(Principal person, Campaign campaign) {
        if (!warningAccepted(person, campaign)) {
            throw WorkbenchFailure.conflict("read and accept the content warning of '" + campaign.name() + "' first");
        }
    }

    /**
     * Accepts the campaign's warning. {@code shownSha256}, when given, is the warning the page showed:
     * if an admin changed it since, the person has not read the new text, so it is refused.
     */
    public void acceptWarning(Principal person, long campaignId, String shownSha256) {
        if (!person.is(Account.Role.MEMBER) && !person.is(Account.Role.REVIEWER)) {
            throw WorkbenchFailure.forbidden();
        }
        database.inTransaction(handle -> {
            Campaign campaign = new CampaignRepository(handle).byId(campaignId).orElseThrow(WorkbenchFailure::notFound);
            Optional<String> current = warningSha256(campaign);
            if (current.isEmpty()) {
                return null; // nothing to accept
            }
            if (shownSha256 != null && !shownSha256.equals(current.get())) {
                throw WorkbenchFailure.conflict("the content warning changed since the page was loaded; read it again");
            }
            new WarningAcceptanceRepository(handle).accept(person.id(), campaignId, current.get());
            return null;
        });
    }

    /** The generic "before you start" notice a member reads once. */
    public void acknowledgeNotice(Principal member) {
        member.require(Account.Role.MEMBER);
        database.inTransaction(handle -> {
            new AccountRepository(handle).acknowledgeWarning(member.id());
            return null;
        });
    }

    /** Opts a member or reviewer out of (or back into) the tasks; admins see who has. */
    public void setOptedOut(Principal person, boolean optedOut) {
        if (!person.is(Account.Role.MEMBER) && !person.is(Account.Role.REVIEWER)) {
            throw WorkbenchFailure.forbidden();
        }
        database.inTransaction(handle -> {
            new AccountRepository(handle).setOptedOut(person.id(), optedOut);
            if (optedOut) { // the reviews they hold but have not done go back to the queue for others
                new ReviewRepository(handle).releaseAssigned(person.id());
            }
            return null;
        });
    }
}
