package org.redteam4j.store.attack;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.redteam4j.core.analysis.AttackSummary;
import org.redteam4j.core.analysis.FalseRefusals;
import org.redteam4j.core.campaign.AttackResult;
import org.redteam4j.core.scoring.JudgeCalibration;
import org.redteam4j.store.Database;

/** Reads automated campaigns' results from the store: the campaigns, their results and summaries. */
public final class CampaignResults {

    private final Database database;

    public CampaignResults(Database database) {
        this.database = database;
    }

    /** The automated campaigns, name → id, oldest first. */
    public Map<String, Long> campaigns() {
        return database.inTransaction(handle -> new AttackRepository(handle).campaigns());
    }

    /** Every result of the campaign, in the order first recorded. */
    public List<AttackResult> results(long campaignId) {
        List<AttackResult> results = new ArrayList<>();
        database.useTransaction(handle -> new AttackRepository(handle).results(campaignId, results::add));
        return results;
    }

    /**
     * The summary per target × strategy × tag, streamed from the store without holding every result;
     * each judge's rate is corrected by the calibration the campaign's last run recorded for it.
     */
    public List<AttackSummary.Row> summary(long campaignId) {
        return summary(campaignId, false);
    }

    /** The same; with {@code clusteredBySeed}, the rates' intervals resample seeds ({@link AttackSummary#clusteredBySeed}). */
    public List<AttackSummary.Row> summary(long campaignId, boolean clusteredBySeed) {
        return database.inTransaction(handle -> {
            var calibrations = new CalibrationRepository(handle).of(campaignId);
            AttackSummary summary = clusteredBySeed ? AttackSummary.clusteredBySeed(calibrations) : new AttackSummary(calibrations);
            new AttackRepository(handle).results(campaignId, summary::add);
            return summary.rows();
        });
    }

    /**
     * The summary merged per target, corrected as {@link AttackSummary#perTarget(List)} of
     * {@link #summary} would be, without correcting the per-strategy rows it does not return.
     */
    public List<AttackSummary.Row> perTarget(long campaignId) {
        return database.inTransaction(handle -> {
            AttackSummary summary = new AttackSummary();
            new AttackRepository(handle).results(campaignId, summary::add);
            return AttackSummary.perTarget(summary.rows(), new CalibrationRepository(handle).of(campaignId));
        });
    }

    /** Over-refusal per target: the campaign's benign prompts and how many the refusal judge found refused, streamed. */
    public List<FalseRefusals.Row> falseRefusals(long campaignId) {
        return database.inTransaction(handle -> {
            FalseRefusals refusals = new FalseRefusals();
            new AttackRepository(handle).results(campaignId, refusals::add);
            return refusals.rows();
        });
    }

    /** The empirical Best-of-N curve of each target the campaign ran best-of-N attacks on; empty when it ran none. */
    public List<org.redteam4j.core.analysis.BestOfNCurve.Curve> bestOfN(long campaignId) {
        return database.inTransaction(handle -> {
            org.redteam4j.core.analysis.BestOfNCurve curve = new org.redteam4j.core.analysis.BestOfNCurve();
            new AttackRepository(handle).results(campaignId, curve::add);
            return curve.curves();
        });
    }

    /** The campaign's judge id → the calibration its rates are corrected with. */
    public Map<String, JudgeCalibration> calibrations(long campaignId) {
        return database.inTransaction(handle -> new CalibrationRepository(handle).of(campaignId));
    }
}
