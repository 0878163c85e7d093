-- What each node counted, minute by minute (dev.kontak.metadata.control.MetadataStatistics): the admin health page
-- sums these rows over all nodes. Only the node itself writes its rows (one add per minute), so a plain UPDATE,
-- then an INSERT when the minute is new, needs no vendor upsert. Rows older than 48 hours are deleted.
-- (minute_start, not minute: MINUTE is a keyword in H2.)

CREATE TABLE metadata_statistics (
    id               UUID PRIMARY KEY,
    node             VARCHAR(200) NOT NULL,
    minute_start     TIMESTAMP WITH TIME ZONE NOT NULL,
    cache_hits       BIGINT NOT NULL DEFAULT 0,
    cache_misses     BIGINT NOT NULL DEFAULT 0,
    cached_users     INTEGER NOT NULL DEFAULT 0,
    refreshes        BIGINT NOT NULL DEFAULT 0,
    refresh_failures BIGINT NOT NULL DEFAULT 0,
    access_denials   BIGINT NOT NULL DEFAULT 0,
    stale_forms      BIGINT NOT NULL DEFAULT 0,
    drift_found      BIGINT NOT NULL DEFAULT 0,
    drift_repaired   BIGINT NOT NULL DEFAULT 0,
    reported_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT metadata_statistics_one_row_per_minute UNIQUE (node, minute_start)
);

CREATE INDEX metadata_statistics_by_minute ON metadata_statistics (minute_start);
