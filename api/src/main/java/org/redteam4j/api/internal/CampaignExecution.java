package org.redteam4j.api.internal;

import java.util.List;
import org.redteam4j.config.Environment;
import org.redteam4j.config.campaign.CampaignDefinition;
import org.redteam4j.config.campaign.PreparedCampaign;
import org.redteam4j.config.targets.Target;
import org.redteam4j.core.analysis.AttackSummary;
import org.redteam4j.core.campaign.AttackResult;
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

    /** What a run did, and the campaign's results and per-target summary afterwards (earlier runs' included). */
    public record Executed(String campaign, String firstJudge, CampaignEngine.Outcome outcome, List<AttackResult> results,
                           List<AttackSummary.Row> perTarget) {
    }

    private CampaignExecution() {
    }

    public static Executed run(CampaignDefinition campaign, Database db, Environment environment, boolean resume,
                               CampaignEngine.Progress progress) throws InterruptedException {
        CampaignPlan plan = campaign.plan(campaign.seeds(new StoreSeeds(db)));
        AttackStore.checkStart(db, campaign.name(), resume);
        CampaignEngine.Outcome outcome;
        long campaignId;
        String firstJudge;
        try (PreparedCampaign prepared = campaign.prepare(plan, environment.withSecrets(db.location().secrets()));
             AttackStore store = AttackStore.open(db, campaign.name(), prepared.settingsJson(), prepared.provenance().toJson(),
                     prepared.targets().values().stream().map(Target::facts).toList(), prepared.calibrations())) {
            campaignId = store.campaignId();
            firstJudge = prepared.primaryJudge().id();
            outcome = prepared.run(store, progress);
        }
        CampaignResults results = new CampaignResults(db);
        return new Executed(campaign.name(), firstJudge, outcome, results.results(campaignId), results.perTarget(campaignId));
    }
}
