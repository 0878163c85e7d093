package dev.kontak.admin.entity;

/**
 * What a node has counted since it started (or in one minute, as a difference of two readings): cache hits and
 * misses, refreshes (full recomputes, and cheap refreshes of stale rows apart) and refresh failures, refused
 * operations by reason, drifted rows found and repaired.
 */
public record MetadataCounts(long cacheHits, long cacheMisses, long refreshes, long cheapRefreshes,
        long refreshFailures, long accessDenials, long staleForms, long driftFound, long driftRepaired) {

    public static final MetadataCounts NONE = new MetadataCounts(0, 0, 0, 0, 0, 0, 0, 0, 0);

    /** What was counted since {@code earlier}, a reading of the same node's counters. */
    public MetadataCounts since(MetadataCounts earlier) {
        return new MetadataCounts(cacheHits - earlier.cacheHits, cacheMisses - earlier.cacheMisses,
                refreshes - earlier.refreshes, cheapRefreshes - earlier.cheapRefreshes,
                refreshFailures - earlier.refreshFailures,
                accessDenials - earlier.accessDenials, staleForms - earlier.staleForms,
                driftFound - earlier.driftFound, driftRepaired - earlier.driftRepaired);
    }
}
