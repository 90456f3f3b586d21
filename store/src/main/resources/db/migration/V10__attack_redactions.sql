-- The configured secrets found in an attack's texts and redacted before they were stored: each a
-- finding about the target, as JSON ([{"secret": "OPENAI_API_KEY", "in": "reply"}]); null = none.
ALTER TABLE attacks ADD COLUMN redactions_json TEXT;
