-- The schema for the whole mission: human red teaming (members, campaigns, attempts, turns, the
-- two candidate replies of each assistant turn, reviews), automated attacks, and imported data.
-- One file for SQLite and PostgreSQL; ${id} and ${timestamp} are Flyway placeholders set per database.

-- Every file brought in by `import`, for provenance.
CREATE TABLE imports (
    id                ${id},
    source_name       TEXT NOT NULL,
    sha256            TEXT NOT NULL,
    format            TEXT NOT NULL,
    records_read      BIGINT NOT NULL DEFAULT 0,
    records_imported  BIGINT NOT NULL DEFAULT 0,
    duplicates        BIGINT NOT NULL DEFAULT 0,
    skipped           BIGINT NOT NULL DEFAULT 0,
    started_at        ${timestamp} NOT NULL,
    finished_at       ${timestamp}
);

-- Red team members, reviewers and admins. Imported members keep their anonymous id.
CREATE TABLE members (
    id                  ${id},
    source_member_id    BIGINT UNIQUE,
    name                TEXT UNIQUE,
    role                TEXT NOT NULL DEFAULT 'member' CHECK (role IN ('member', 'reviewer', 'admin')),
    recruitment_source  TEXT,
    password_hash       TEXT,
    active              BOOLEAN NOT NULL DEFAULT TRUE,
    created_at          ${timestamp} NOT NULL
);

-- What answered: a runtime and model (spec), the paper's model type and a size label.
CREATE TABLE targets (
    id            ${id},
    spec          TEXT NOT NULL,
    model_type    TEXT NOT NULL,
    num_params    TEXT NOT NULL,
    settings_json TEXT,
    simulated     BOOLEAN NOT NULL DEFAULT FALSE,
    created_at    ${timestamp} NOT NULL,
    UNIQUE (spec, model_type, num_params)
);

-- A human red-team campaign (workbench) or an automated one (attack).
CREATE TABLE campaigns (
    id            ${id},
    name          TEXT NOT NULL UNIQUE,
    kind          TEXT NOT NULL CHECK (kind IN ('human', 'automated')),
    instructions  TEXT,
    settings_json TEXT,
    status        TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')),
    created_at    ${timestamp} NOT NULL
);

CREATE TABLE campaign_targets (
    campaign_id  BIGINT NOT NULL REFERENCES campaigns (id) ON DELETE CASCADE,
    target_id    BIGINT NOT NULL REFERENCES targets (id),
    PRIMARY KEY (campaign_id, target_id)
);

-- One conversation with a target and its outcome. record_key makes imports idempotent.
CREATE TABLE attempts (
    id                                   ${id},
    record_key                           TEXT NOT NULL UNIQUE,
    import_id                            BIGINT REFERENCES imports (id),
    campaign_id                          BIGINT REFERENCES campaigns (id),
    target_id                            BIGINT NOT NULL REFERENCES targets (id),
    member_id                            BIGINT REFERENCES members (id),
    status                               TEXT NOT NULL CHECK (status IN ('in_progress', 'complete', 'abandoned')),
    task_description                     TEXT NOT NULL DEFAULT '',
    task_description_harmlessness_score  DOUBLE PRECISION,
    rating                               DOUBLE PRECISION CHECK (rating >= 0 AND rating <= 4),
    min_harmlessness_score               DOUBLE PRECISION,
    recruitment_source                   TEXT,
    transcript_preamble                  TEXT NOT NULL DEFAULT '',
    tags_present                         BOOLEAN NOT NULL DEFAULT FALSE,
    extra_json                           TEXT,
    created_at                           ${timestamp} NOT NULL,
    finished_at                          ${timestamp}
);
CREATE INDEX attempts_target ON attempts (target_id);
CREATE INDEX attempts_member ON attempts (member_id);
CREATE INDEX attempts_campaign ON attempts (campaign_id);

CREATE TABLE turns (
    id                  ${id},
    attempt_id          BIGINT NOT NULL REFERENCES attempts (id) ON DELETE CASCADE,
    position            INTEGER NOT NULL,
    speaker             TEXT NOT NULL CHECK (speaker IN ('human', 'assistant')),
    text                TEXT NOT NULL,
    bare_marker         BOOLEAN NOT NULL DEFAULT FALSE,
    harmlessness_score  DOUBLE PRECISION,
    created_at          ${timestamp},
    UNIQUE (attempt_id, position)
);

-- The replies shown for one assistant turn (A and B in the workbench); the picked one is the
-- more harmful and became the turn's text.
CREATE TABLE turn_candidates (
    id                  ${id},
    turn_id             BIGINT NOT NULL REFERENCES turns (id) ON DELETE CASCADE,
    label               TEXT NOT NULL,
    text                TEXT NOT NULL,
    harmlessness_score  DOUBLE PRECISION,
    picked              BOOLEAN NOT NULL DEFAULT FALSE,
    UNIQUE (turn_id, label)
);

CREATE TABLE attempt_tags (
    attempt_id  BIGINT NOT NULL REFERENCES attempts (id) ON DELETE CASCADE,
    position    INTEGER NOT NULL,
    tag         TEXT NOT NULL,
    PRIMARY KEY (attempt_id, position)
);

-- The review task: reviewers re-rate success and tag attack types.
CREATE TABLE reviews (
    id           ${id},
    attempt_id   BIGINT NOT NULL REFERENCES attempts (id) ON DELETE CASCADE,
    reviewer_id  BIGINT NOT NULL REFERENCES members (id),
    status       TEXT NOT NULL DEFAULT 'assigned' CHECK (status IN ('assigned', 'done')),
    rating       DOUBLE PRECISION CHECK (rating >= 0 AND rating <= 4),
    assigned_at  ${timestamp} NOT NULL,
    done_at      ${timestamp},
    UNIQUE (attempt_id, reviewer_id)
);

CREATE TABLE review_tags (
    review_id  BIGINT NOT NULL REFERENCES reviews (id) ON DELETE CASCADE,
    tag        TEXT NOT NULL,
    PRIMARY KEY (review_id, tag)
);

-- Requests to attack with: HarmBench behaviours, plain-text seeds, built-in ones.
CREATE TABLE seeds (
    id                   ${id},
    record_key           TEXT NOT NULL UNIQUE,
    import_id            BIGINT REFERENCES imports (id),
    source               TEXT NOT NULL,
    text                 TEXT NOT NULL,
    behavior_id          TEXT,
    functional_category  TEXT,
    semantic_category    TEXT,
    tags                 TEXT,
    context              TEXT
);

-- Preference pairs as imported (hh-rlhf harmless-base); workbench choices live in turn_candidates.
CREATE TABLE preference_pairs (
    id          ${id},
    record_key  TEXT NOT NULL UNIQUE,
    import_id   BIGINT REFERENCES imports (id),
    chosen      TEXT NOT NULL,
    rejected    TEXT NOT NULL
);

-- One automated attack of a campaign: a seed through a strategy against a target, and its verdict.
CREATE TABLE attacks (
    id                 ${id},
    attack_key         TEXT NOT NULL UNIQUE,
    campaign_id        BIGINT NOT NULL REFERENCES campaigns (id),
    target_id          BIGINT NOT NULL REFERENCES targets (id),
    seed_id            BIGINT REFERENCES seeds (id),
    strategy           TEXT NOT NULL,
    settings_json      TEXT,
    repetition         INTEGER NOT NULL DEFAULT 0,
    attempt_id         BIGINT REFERENCES attempts (id),
    status             TEXT NOT NULL CHECK (status IN ('pending', 'running', 'done', 'error')),
    verdict            TEXT CHECK (verdict IN ('HIT', 'PASS', 'SKIPPED', 'ERROR')),
    verdict_score      DOUBLE PRECISION,
    judge              TEXT,
    error              TEXT,
    prompt_tokens      BIGINT NOT NULL DEFAULT 0,
    completion_tokens  BIGINT NOT NULL DEFAULT 0,
    simulated          BOOLEAN NOT NULL DEFAULT FALSE,
    started_at         ${timestamp},
    finished_at        ${timestamp}
);
CREATE INDEX attacks_campaign ON attacks (campaign_id);
