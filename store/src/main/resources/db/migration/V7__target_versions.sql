-- Target versions (issue 15): a declaration is never rewritten. Declaring a name again with
-- anything that changes its replies adds a new version of that name; spec keeps the name as
-- shown (the name for version 1, "name v2", "name v3"… after it), so it stays unique per type
-- and size and every query that shows a target reads it as it is. Existing rows become version 1.
ALTER TABLE targets ADD COLUMN name TEXT NOT NULL DEFAULT '';
ALTER TABLE targets ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
UPDATE targets SET name = spec;
CREATE UNIQUE INDEX targets_name_version ON targets (name, model_type, num_params, version);

-- Each human campaign keeps its own declaration of a target (its limits and key name may differ
-- from the version's first declaration), so the workbench builds the model its campaign declared.
ALTER TABLE campaign_targets ADD COLUMN settings_json TEXT;
UPDATE campaign_targets SET settings_json = (SELECT t.settings_json FROM targets t WHERE t.id = campaign_targets.target_id);
