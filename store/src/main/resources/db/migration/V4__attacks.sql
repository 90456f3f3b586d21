-- What each automated attack sent, received and was judged, so results can be read and rebuilt.
ALTER TABLE attacks ADD COLUMN tag TEXT;
ALTER TABLE attacks ADD COLUMN seed_text TEXT;
ALTER TABLE attacks ADD COLUMN prompt TEXT;
ALTER TABLE attacks ADD COLUMN reply TEXT;
ALTER TABLE attacks ADD COLUMN transcript TEXT;
ALTER TABLE attacks ADD COLUMN verdicts_json TEXT;
ALTER TABLE attacks ADD COLUMN target_requests INTEGER NOT NULL DEFAULT 0;
ALTER TABLE attacks ADD COLUMN attacker_requests INTEGER NOT NULL DEFAULT 0;
ALTER TABLE attacks ADD COLUMN duration_ms BIGINT;
