-- Refreshes of stale metadata that needed no full recompute (MetadataRefresher.refreshIfStale), counted apart
-- from the full recomputes in refreshes, so that the admin page can say how many of each there were.
ALTER TABLE metadata_statistics ADD COLUMN cheap_refreshes BIGINT NOT NULL DEFAULT 0;
