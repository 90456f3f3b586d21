-- What made each campaign and import (redteam4j and Java versions, the input's sha256, the
-- components' ids with the preference model's provenance), as JSON, so a result can be rebuilt.
ALTER TABLE campaigns ADD COLUMN provenance_json TEXT;
ALTER TABLE imports ADD COLUMN provenance_json TEXT;
