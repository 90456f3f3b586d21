-- Which process runs each automated campaign, so that a second run of it is refused (SQLite; on
-- PostgreSQL a session advisory lock does this and the table stays empty). A new run takes the
-- lease over only when its holder is gone: same host, and no live process with that id and start.
CREATE TABLE campaign_leases (
    campaign_id BIGINT NOT NULL PRIMARY KEY REFERENCES campaigns (id) ON DELETE CASCADE,
    host        TEXT NOT NULL,
    pid         BIGINT NOT NULL,
    started_ms  BIGINT,
    token       TEXT NOT NULL,
    taken_at    ${timestamp} NOT NULL
);
