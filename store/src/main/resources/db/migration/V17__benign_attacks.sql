-- Over-refusal (issue 20): a campaign's benign prompts are sent to its targets beside the attacks and
-- judged for refusal only; the flag keeps their results apart from attack results. Rows written
-- before it are attacks.
ALTER TABLE attacks ADD COLUMN benign BOOLEAN NOT NULL DEFAULT FALSE;
