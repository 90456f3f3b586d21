-- How the workbench drew an assistant turn's candidates: how many draws of the model it took to get
-- two replies that differ, whether they stayed one text (shown with a note, never a preference pair),
-- and the draw's wall time, from which a campaign's answer floor is taken.
ALTER TABLE turns ADD COLUMN candidate_draws INTEGER;
ALTER TABLE turns ADD COLUMN identical_candidates BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE turns ADD COLUMN draw_ms BIGINT;
-- The shortest time a campaign answers a member's message in, so targets cannot be told apart by
-- latency: null = the slowest target's recent median draw time, 0 = off.
ALTER TABLE campaigns ADD COLUMN answer_floor_ms BIGINT;
