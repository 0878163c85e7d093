-- One runner for every long job (dev.kontak.jobs): the background repair, an administrator's run over every user
-- and, later, imports. Their runs move from metadata_sync_runs and metadata_batch_runs into job_runs, their leases
-- from metadata_sync_lease into job_leases.

-- One row per run, updated after every step; outcome stays NULL until it ends. What noticed and changed count is
-- the job's to say (rows found drifted and rows repaired, for the metadata jobs). checkpoint is where the next
-- step starts (the last user id done, for the metadata jobs); resumes names the interrupted run it goes on from.
CREATE TABLE job_runs (
    id               UUID PRIMARY KEY,
    kind             VARCHAR(50) NOT NULL,
    lease            VARCHAR(100) NOT NULL,
    started_by       UUID,
    node             VARCHAR(200) NOT NULL,
    total            INTEGER NOT NULL,
    done             INTEGER NOT NULL DEFAULT 0,
    noticed          INTEGER NOT NULL DEFAULT 0,
    changed          INTEGER NOT NULL DEFAULT 0,
    failures         INTEGER NOT NULL DEFAULT 0,
    checkpoint       VARCHAR(200),
    resumes          UUID REFERENCES job_runs (id),
    started_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    finished_at      TIMESTAMP WITH TIME ZONE,
    cancel_requested BOOLEAN NOT NULL DEFAULT FALSE,
    outcome          VARCHAR(20),
    CONSTRAINT job_runs_outcome_known CHECK (outcome IN ('COMPLETED', 'CANCELLED', 'INTERRUPTED'))
);

CREATE INDEX job_runs_by_lease ON job_runs (lease, started_at DESC);
CREATE INDEX job_runs_by_kind ON job_runs (kind, finished_at DESC);

-- The background repair's runs: a finished one completed; one without an end stopped before it (node gone, lease
-- lost, failure). Its drifted count included the users that could not be checked.
INSERT INTO job_runs (id, kind, lease, started_by, node, total, done, noticed, changed, failures, started_at,
                      updated_at, finished_at, cancel_requested, outcome)
SELECT id, 'metadata-repair', 'metadata-repair', NULL, node, users_checked, users_checked, drifted, repaired, 0,
       started_at, COALESCE(finished_at, started_at), finished_at, FALSE,
       CASE WHEN finished_at IS NULL THEN 'INTERRUPTED' ELSE 'COMPLETED' END
FROM metadata_sync_runs;

INSERT INTO job_runs (id, kind, lease, started_by, node, total, done, noticed, changed, failures, started_at,
                      updated_at, finished_at, cancel_requested, outcome)
SELECT id, CASE kind WHEN 'VERIFY' THEN 'verify-all-users' ELSE 'refresh-all-users' END, 'metadata-all-users',
       started_by, node, total, done, drifted, repaired, failures, started_at, updated_at, finished_at,
       cancel_requested, outcome
FROM metadata_batch_runs;

-- One row per lease; a node holds it while held_until is in the future. Taken with a conditional UPDATE (plain
-- SQL on PostgreSQL and H2), never with a vendor lock: see JobLeases. A job's row is added on its first run.
CREATE TABLE job_leases (
    name       VARCHAR(100) PRIMARY KEY,
    holder     VARCHAR(200),
    held_until TIMESTAMP WITH TIME ZONE NOT NULL
);

DROP TABLE metadata_sync_runs;
DROP TABLE metadata_batch_runs;
DROP TABLE metadata_sync_lease;
