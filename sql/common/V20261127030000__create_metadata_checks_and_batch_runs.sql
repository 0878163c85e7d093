-- The admin metadata page (/admin/metadata): what the last integrity check found for each user, the runs of
-- "verify integrity of all users" and "refresh all" (progress readable from any node), and their lease.

-- One row per user that was ever checked or refreshed by an administrator; no row means "not checked".
CREATE TABLE metadata_checks (
    user_id         UUID PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
    checked_at      TIMESTAMP WITH TIME ZONE,
    outcome         VARCHAR(20),
    drifted_columns VARCHAR(500),
    refreshed_at    TIMESTAMP WITH TIME ZONE,
    CONSTRAINT metadata_checks_outcome_known CHECK (outcome IN ('MATCHED', 'REPAIRED', 'FAILED'))
);

-- One row per batch run, updated after every batch; outcome stays NULL while it runs.
CREATE TABLE metadata_batch_runs (
    id               UUID PRIMARY KEY,
    kind             VARCHAR(20) NOT NULL,
    started_by       UUID NOT NULL,
    node             VARCHAR(200) NOT NULL,
    total            INTEGER NOT NULL,
    done             INTEGER NOT NULL DEFAULT 0,
    drifted          INTEGER NOT NULL DEFAULT 0,
    repaired         INTEGER NOT NULL DEFAULT 0,
    failures         INTEGER NOT NULL DEFAULT 0,
    started_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    finished_at      TIMESTAMP WITH TIME ZONE,
    cancel_requested BOOLEAN NOT NULL DEFAULT FALSE,
    outcome          VARCHAR(20),
    CONSTRAINT metadata_batch_runs_kind_known CHECK (kind IN ('VERIFY', 'REFRESH')),
    CONSTRAINT metadata_batch_runs_outcome_known CHECK (outcome IN ('COMPLETED', 'CANCELLED', 'INTERRUPTED'))
);

CREATE INDEX metadata_batch_runs_by_start ON metadata_batch_runs (started_at DESC);

-- Only one batch run at a time across all nodes: a second lease row beside the background repair's.
INSERT INTO metadata_sync_lease (name, holder, held_until)
VALUES ('metadata-batch', NULL, TIMESTAMP WITH TIME ZONE '1970-01-01 00:00:00+00:00');

-- The audit page filters refusals by user and time.
CREATE INDEX access_refusals_by_user ON access_refusals (user_id, refused_at DESC);
