-- Why a target did not answer a red team member: for admins (dashboard) only. The member is told
-- only that the model did not answer, since the details (model, endpoint) would unblind them.
CREATE TABLE target_failures (
    id           ${id},
    campaign_id  BIGINT NOT NULL REFERENCES campaigns (id) ON DELETE CASCADE,
    target_id    BIGINT NOT NULL REFERENCES targets (id),
    attempt_id   BIGINT REFERENCES attempts (id) ON DELETE CASCADE,
    message      TEXT NOT NULL,
    failed_at    ${timestamp} NOT NULL
);
CREATE INDEX target_failures_campaign ON target_failures (campaign_id, failed_at);
