-- The attacker's view of an attack (issue 21): every try a search or multi-turn strategy made, the
-- dropped ones too, the techniques each used and which try hit, as JSON. Null for single-turn
-- attacks and for rows written before it.
ALTER TABLE attacks ADD COLUMN trace_json TEXT;
