-- Operators (issue 18): an archived campaign is hidden from the admins' lists unless asked for (a
-- column, not a third status: SQLite cannot change the status CHECK in place); closing stays the
-- status 'closed'. An account's deactivation is kept with its time, beside members.active.
ALTER TABLE campaigns ADD COLUMN archived_at ${timestamp};
ALTER TABLE members ADD COLUMN deactivated_at ${timestamp};
