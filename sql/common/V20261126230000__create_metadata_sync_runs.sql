-- Background repair of drifted user_metadata (dev.kontak.metadata.boundary.MetadataSync): what every run found,
-- and the lease that lets one node at a time run it when several share this database.

CREATE TABLE metadata_sync_runs (
    id            UUID PRIMARY KEY,
    started_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    finished_at   TIMESTAMP WITH TIME ZONE,
    users_checked INTEGER NOT NULL DEFAULT 0,
    drifted       INTEGER NOT NULL DEFAULT 0,
    repaired      INTEGER NOT NULL DEFAULT 0,
    node          VARCHAR(200) NOT NULL
);

CREATE INDEX metadata_sync_runs_by_start ON metadata_sync_runs (started_at DESC);

-- One row per lease; a node holds it while held_until is in the future. Taken with a conditional UPDATE (plain
-- SQL on PostgreSQL and H2), never with a vendor lock: see SyncLeases.
CREATE TABLE metadata_sync_lease (
    name       VARCHAR(50) PRIMARY KEY,
    holder     VARCHAR(200),
    held_until TIMESTAMP WITH TIME ZONE NOT NULL
);

INSERT INTO metadata_sync_lease (name, holder, held_until)
VALUES ('metadata-sync', NULL, TIMESTAMP WITH TIME ZONE '1970-01-01 00:00:00+00:00');
