package org.redteam4j.store.attack;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.redteam4j.core.scoring.JudgeCalibration;

/**
 * The calibrations an automated campaign's judges were corrected with, on the caller's handle.
 * A run replaces them all, so they are always the campaign file's as last run.
 */
public final class CalibrationRepository {

    private final Handle handle;

    public CalibrationRepository(Handle handle) {
        this.handle = handle;
    }

    /** {@code calibrations}: the campaign's judge id → the calibration its rates are corrected with. */
    public void replace(long campaignId, Map<String, JudgeCalibration> calibrations) {
        handle.createUpdate("DELETE FROM judge_calibrations WHERE campaign_id = :campaign").bind("campaign", campaignId).execute();
        calibrations.forEach((judge, c) -> handle.createUpdate("""
                        INSERT INTO judge_calibrations (campaign_id, judge, measured_for, task, data, tp, fp, fn, tn)
                        VALUES (:campaign, :judge, :measuredFor, :task, :data, :tp, :fp, :fn, :tn)""")
                .bind("campaign", campaignId).bind("judge", judge).bind("measuredFor", c.judge()).bind("task", c.task().id())
                .bind("data", c.data()).bind("tp", c.tp()).bind("fp", c.fp()).bind("fn", c.fn()).bind("tn", c.tn())
                .execute());
    }

    /** The campaign's judge id → its calibration, in judge order; empty when none was known. */
    public Map<String, JudgeCalibration> of(long campaignId) {
        Map<String, JudgeCalibration> calibrations = new LinkedHashMap<>();
        handle.createQuery("""
                        SELECT judge, measured_for, task, data, tp, fp, fn, tn FROM judge_calibrations
                        WHERE campaign_id = :campaign ORDER BY judge""")
                .bind("campaign", campaignId)
                .map((rs, ctx) -> Map.entry(rs.getString("judge"), new JudgeCalibration(rs.getString("measured_for"),
                        JudgeCalibration.Task.of(rs.getString("task")), rs.getString("data"), rs.getLong("tp"), rs.getLong("fp"),
                        rs.getLong("fn"), rs.getLong("tn"))))
                .forEach(entry -> calibrations.put(entry.getKey(), entry.getValue()));
        return calibrations;
    }
}
