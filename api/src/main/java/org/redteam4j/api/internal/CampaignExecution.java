package org.redteam4j.api.internal;

import java.util.function.Consumer;
import org.redteam4j.config.Environment;
import org.redteam4j.config.campaign.CampaignDefinition;
import org.redteam4j.config.campaign.PreparedCampaign;
import org.redteam4j.config.targets.Target;
import org.redteam4j.core.campaign.CampaignEngine;
import org.redteam4j.core.campaign.CampaignPlan;
import org.redteam4j.store.Database;
import org.redteam4j.store.attack.AttackStore;
import org.redteam4j.store.attack.CampaignResults;

/**
 * Runs a campaign into a database and reads back what it holds, as {@code redteam4j attack} does:
 * every finished attack committed at once, so a run that stops resumes where it stopped.
 */
public final class CampaignExecution {

    /** What a run did; the campaign's results are in {@code database} under {@code campaignId}. */
    public record Executed(String campaign, long campaignId, String firstJudge, CampaignEngine.Outcome outcome,
                           Database database) {

        public CampaignResults results() {
            return new CampaignResults(database);
        }
    }

    private CampaignExecution() {
    }

    /** Plans the campaign from its seeds (those of the database included), then runs it. */
    public static Executed run(CampaignDefinition campaign, Database db, Environment environment, boolean resume,
                               CampaignEngine.Progress progress) throws InterruptedException {
        return run(campaign, campaign.plan(campaign.seeds(new StoreSeeds(db))), db, environment, resume, prepared -> { },
                progress);
    }

    /**
     * Runs {@code plan}: refuses a finished campaign unless {@code resume}, builds targets, attacker and
     * judges (then {@code check} may refuse the prepared campaign before anything is called), and runs
     * every attack, each committed as it finishes.
     */
    public static Executed run(CampaignDefinition campaign, CampaignPlan plan, Database db, Environment environment,
                               boolean resume, Consumer<PreparedCampaign> check, CampaignEngine.Progress progress)
            throws InterruptedException {
        AttackStore.checkStart(db, campaign.name(), resume);
        // the database URL's password is redacted from model text as the API keys are
        try (PreparedCampaign prepared = campaign.prepare(plan, environment.withSecrets(db.location().secrets()))) {
            check.accept(prepared);
            try (AttackStore store = AttackStore.open(db, campaign.name(), prepared.settingsJson(),
                    prepared.provenance().toJson(), prepared.targets().values().stream().map(Target::facts).toList(),
                    prepared.calibrations())) {
                CampaignEngine.Outcome outcome = prepared.run(store, progress);
                return new Executed(campaign.name(), store.campaignId(), prepared.primaryJudge().id(), outcome, db);
            }
        }
    }
}
