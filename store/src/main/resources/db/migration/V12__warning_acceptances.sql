-- A campaign's content warning as each person (member or reviewer) accepted it. The warning's
-- SHA-256 is kept, so when an admin changes the text it no longer matches and is shown again.
CREATE TABLE warning_acceptances (
    member_id       BIGINT NOT NULL REFERENCES members (id) ON DELETE CASCADE,
    campaign_id     BIGINT NOT NULL REFERENCES campaigns (id) ON DELETE CASCADE,
    warning_sha256  TEXT NOT NULL,
    accepted_at     ${timestamp} NOT NULL,
    PRIMARY KEY (member_id, campaign_id)
);
