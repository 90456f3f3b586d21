-- Login throttling (issue 15), shared by every server on the database and kept across restarts:
-- one row per account name and per client address, keyed by a hash (never the typed text). It
-- counts the failed checks and the checks in flight in the current window, and says when the
-- address may try next; every change bumps version, so concurrent servers change a row in turn.
CREATE TABLE login_throttle (
    key_hash      TEXT NOT NULL PRIMARY KEY,
    window_start  ${timestamp} NOT NULL,
    failures      INTEGER NOT NULL,
    pending       INTEGER NOT NULL,
    next_at       ${timestamp} NOT NULL,
    version       BIGINT NOT NULL
);

CREATE INDEX login_throttle_window ON login_throttle (window_start);

-- Passwords set before the strength rule keep working; one found weak at login must be changed
-- before anything else.
ALTER TABLE members ADD COLUMN password_change_required BOOLEAN NOT NULL DEFAULT FALSE;

-- Invitations expire and can be revoked. One made before this has no expiry of its own: it
-- expires the configured time after it was made.
ALTER TABLE invites ADD COLUMN expires_at ${timestamp};
ALTER TABLE invites ADD COLUMN revoked_at ${timestamp};
