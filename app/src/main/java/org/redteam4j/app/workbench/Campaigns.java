package org.redteam4j.app.workbench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.redteam4j.config.targets.TargetConfig;
import org.redteam4j.core.provenance.Provenance;
import org.redteam4j.store.Database;
import org.redteam4j.store.targets.TargetRepository;
import org.redteam4j.store.workbench.Account;
import org.redteam4j.store.workbench.Campaign;
import org.redteam4j.store.workbench.CampaignRepository;

/**
 * Human red-team campaigns: admins create them over declared targets; members see the open ones,
 * accept the content warning before they start, and may opt out at any time.
 */
public final class Campaigns {

    private final Database database;
    private final TargetModels models;
    private final Wellbeing wellbeing;

    Campaigns(Database database, TargetModels models, Wellbeing wellbeing) {
        this.database = database;
        this.models = models;
        this.wellbeing = wellbeing;
    }

    /** Creates a campaign over the targets declared in {@code targetsYaml} (the targets-file format). */
    public long create(Principal admin, String name, String instructions, String contentWarning, int attemptsPerTask,
                       int suggestedTurns, Integer dailyCap, String targetsYaml) {
        admin.require(Account.Role.ADMIN);
        if (name == null || name.isBlank()) {
            throw WorkbenchFailure.invalid("a campaign needs a name");
        }
        if (attemptsPerTask < 1 || suggestedTurns < 1 || (dailyCap != null && dailyCap < 1)) {
            throw WorkbenchFailure.invalid("attempts per task, suggested turns and the daily cap must be 1 or more");
        }
        List<CampaignTargets.Declared> targets = CampaignTargets.declared(targetsYaml, models);
        return database.inTransaction(handle -> {
            CampaignRepository campaigns = new CampaignRepository(handle);
            if (campaigns.nameTaken(name.strip())) {
                throw WorkbenchFailure.invalid("a campaign named '" + name.strip() + "' exists");
            }
            TargetRepository repository = new TargetRepository(handle);
            List<CampaignRepository.DeclaredTarget> declared = new ArrayList<>();
            Map<String, String> components = new LinkedHashMap<>();
            for (CampaignTargets.Declared target : targets) {
                // the same name with other settings is a new version of it; the versions stored before stay as they are
                declared.add(new CampaignRepository.DeclaredTarget(repository.declare(target.facts()),
                        target.facts().config().toString()));
                TargetConfig config = target.config();
                components.put("target." + config.displayName(), config.model() + " (" + config.interventionOrDefault().id() + ")");
            }
            return campaigns.create(name.strip(), instructions, Text.blankToNull(contentWarning), attemptsPerTask,
                    suggestedTurns, dailyCap, declared, Provenance.of(null, components).toJson());
        });
    }

    /** The open campaigns; anyone signed in may see them, but not a member or reviewer who opted out. */
    public List<Campaign> open(Principal principal) {
        if (!principal.is(Account.Role.ADMIN)) {
            principal.requireOnTask(principal.account().role());
        }
        return database.read(handle -> new CampaignRepository(handle).open());
    }

    public Campaign byId(long campaignId) {
        return database.read(handle -> new CampaignRepository(handle).byId(campaignId))
                .orElseThrow(WorkbenchFailure::notFound);
    }

    /** The generic notice before a member's first task (each campaign's own warning is {@link Wellbeing}'s). */
    public void acknowledgeWarning(Principal member) {
        wellbeing.acknowledgeNotice(member);
    }

    public void setOptedOut(Principal person, boolean optedOut) {
        wellbeing.setOptedOut(person, optedOut);
    }

    /**
     * Replaces a campaign's content warning (blank: none). Everyone who accepted the old text is
     * shown the new one before their next attempt or review in it.
     */
    public void updateWarning(Principal admin, long campaignId, String contentWarning) {
        admin.require(Account.Role.ADMIN);
        database.inTransaction(handle -> {
            CampaignRepository campaigns = new CampaignRepository(handle);
            campaigns.byId(campaignId).orElseThrow(WorkbenchFailure::notFound);
            campaigns.updateWarning(campaignId, Text.blankToNull(contentWarning));
            return null;
        });
    }
}
