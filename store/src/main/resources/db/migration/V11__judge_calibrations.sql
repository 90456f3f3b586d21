-- The measured agreement with people of an automated campaign's judges (each a judge calibration:
-- confusion counts on the refusal or harm task), as the campaign's last run used it to correct its
-- attack rates; kept so that stats and reports, run later, show the same corrected rates.
-- judge is the campaign's judge id, measured_for the id the calibration was measured for.
CREATE TABLE judge_calibrations (
    campaign_id   BIGINT NOT NULL REFERENCES campaigns (id) ON DELETE CASCADE,
    judge         TEXT NOT NULL,
    measured_for  TEXT NOT NULL,
    task          TEXT NOT NULL CHECK (task IN ('refusal', 'harm')),
    data          TEXT NOT NULL,
    tp            BIGINT NOT NULL CHECK (tp >= 0),
    fp            BIGINT NOT NULL CHECK (fp >= 0),
    fn            BIGINT NOT NULL CHECK (fn >= 0),
    tn            BIGINT NOT NULL CHECK (tn >= 0),
    PRIMARY KEY (campaign_id, judge)
);
