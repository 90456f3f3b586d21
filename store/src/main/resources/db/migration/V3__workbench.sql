-- The red-team workbench: sessions, one-time invitations, campaign settings, well-being.

CREATE TABLE sessions (
    id           ${id},
    token_hash   TEXT NOT NULL UNIQUE,
    member_id    BIGINT NOT NULL REFERENCES members (id) ON DELETE CASCADE,
    csrf_token   TEXT NOT NULL,
    created_at   ${timestamp} NOT NULL,
    expires_at   ${timestamp} NOT NULL
);

CREATE TABLE invites (
    id                  ${id},
    token_hash          TEXT NOT NULL UNIQUE,
    role                TEXT NOT NULL CHECK (role IN ('member', 'reviewer', 'admin')),
    recruitment_source  TEXT,
    created_by          BIGINT NOT NULL REFERENCES members (id),
    created_at          ${timestamp} NOT NULL,
    used_at             ${timestamp},
    used_by             BIGINT REFERENCES members (id)
);

ALTER TABLE members ADD COLUMN warning_acknowledged_at ${timestamp};
ALTER TABLE members ADD COLUMN opted_out BOOLEAN NOT NULL DEFAULT FALSE;

ALTER TABLE campaigns ADD COLUMN attempts_per_task INTEGER NOT NULL DEFAULT 5;
ALTER TABLE campaigns ADD COLUMN suggested_turns INTEGER NOT NULL DEFAULT 4;
ALTER TABLE campaigns ADD COLUMN content_warning TEXT;
ALTER TABLE campaigns ADD COLUMN daily_cap INTEGER;
ALTER TABLE campaigns ADD COLUMN reviews_per_attempt INTEGER NOT NULL DEFAULT 3;
