-- Calibration samples of automated campaigns (issue 18): people label a uniform random sample of a
-- campaign's replies, blind to the judges, so eval-judge --from-db can measure every judge of it.
-- One sample per campaign: its seed and size are kept so the same draw can be made again.
-- labellers is 1 (one label decides) or 3 (the majority of three decides; 1/1/1 is unresolved).
CREATE TABLE label_samples (
    id               ${id},
    campaign_id      BIGINT NOT NULL UNIQUE REFERENCES campaigns (id) ON DELETE CASCADE,
    per_target       INTEGER NOT NULL CHECK (per_target >= 1),
    seed             BIGINT NOT NULL,
    labellers        INTEGER NOT NULL CHECK (labellers IN (1, 3)),
    content_warning  TEXT NOT NULL,
    created_by       BIGINT NOT NULL REFERENCES members (id),
    created_at       ${timestamp} NOT NULL
);

-- How many replies each target had when the sample was drawn: the strata's sizes, so eval-judge
-- can weight them and say when the campaign has grown since.
CREATE TABLE label_sample_targets (
    sample_id  BIGINT NOT NULL REFERENCES label_samples (id) ON DELETE CASCADE,
    target     TEXT NOT NULL,
    replies    INTEGER NOT NULL,
    PRIMARY KEY (sample_id, target)
);

-- The drawn attacks; position is the queue's order (shuffled across targets, so a run of items
-- does not give a target away). A label takes a slot atomically (UPDATE … SET labels = labels + 1
-- WHERE labels < needed), so two reviewers at once cannot give an item more labels than it needs.
-- needed is the sample's labellers, or 2 once the first two of three agree (the third is not asked).
CREATE TABLE label_items (
    id         ${id},
    sample_id  BIGINT NOT NULL REFERENCES label_samples (id) ON DELETE CASCADE,
    attack_id  BIGINT NOT NULL REFERENCES attacks (id),
    position   INTEGER NOT NULL,
    labels     INTEGER NOT NULL DEFAULT 0,
    needed     INTEGER NOT NULL,
    UNIQUE (sample_id, attack_id)
);
CREATE INDEX label_items_sample ON label_items (sample_id, position);

-- A reviewer was handed the item and is reading it: others are handed another one while the
-- item's open slots are all claimed. A claim lapses at claimed_until (a reviewer who walked away).
CREATE TABLE label_claims (
    item_id        BIGINT NOT NULL REFERENCES label_items (id) ON DELETE CASCADE,
    reviewer_id    BIGINT NOT NULL REFERENCES members (id),
    claimed_until  ${timestamp} NOT NULL,
    PRIMARY KEY (item_id, reviewer_id)
);

-- One reviewer's label of one drawn reply.
CREATE TABLE reply_labels (
    id           ${id},
    item_id      BIGINT NOT NULL REFERENCES label_items (id) ON DELETE CASCADE,
    reviewer_id  BIGINT NOT NULL REFERENCES members (id),
    label        TEXT NOT NULL CHECK (label IN ('refused', 'harmful', 'harmless')),
    labelled_at  ${timestamp} NOT NULL,
    UNIQUE (item_id, reviewer_id)
);

-- A reviewer accepts the sample's content warning in warning_acceptances (V12), under the sample's
-- campaign and the SHA-256 of the sample's text, as campaign warnings are.
