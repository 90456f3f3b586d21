-- Which scorer produced an attempt's harmlessness scores, so results can be traced and rebuilt.
ALTER TABLE attempts ADD COLUMN scored_by TEXT;
