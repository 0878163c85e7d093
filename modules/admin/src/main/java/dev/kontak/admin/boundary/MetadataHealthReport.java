package dev.kontak.admin.boundary;

import java.time.Instant;
import java.util.List;

/**
 * What /admin/metadata shows: one consistent reading of the metadata's health ({@link MetadataFigures#report()}).
 * Counts over time add up every node's minutes (metadata_statistics); "last hour" is the last 60 minutes; drift is
 * what the latest finished background check left unrepaired; the timings are this node's MicroProfile timers.
 */
public record MetadataHealthReport(
        Instant takenAt,
        long users, long contacts, long activities,
        long freshRows, long staleRows, long driftedRows, long missingRows,
        Instant driftCheckedAt,            // when drift was last measured; null if never
        List<NodeCache> nodes,             // one per node that reported recently (this node included)
        double refreshesPerMinute,         // full recomputes, last hour
        double cheapRefreshesPerMinute,    // stale rows refreshed on a request without a recompute, last hour
        List<ErrorRate> errorsLastHour,    // always three: access denied, stale form, refresh failed
        Timing validation, Timing refresh,
        List<Bucket> ageHistogram,         // staleness distribution of metadata rows (age buckets)
        List<HourlyCount> refreshesLast24h, // full recomputes; 24 entries, oldest first
        List<HourlyCount> cheapRefreshesLast24h, // 24 entries, oldest first
        List<HourlyCount> denialsLast24h) { // 24 entries, oldest first; access denied and stale form together

    public record NodeCache(String node, long hits, long misses, int cachedUsers, Instant reportedAt) {
        public double hitRate() {
            long all = hits + misses;
            return all == 0 ? 0 : (double) hits / all;
        }
    }

    /** type: "access-denied", "stale-form", "refresh-failed". */
    public record ErrorRate(String type, long count) {
    }

    /** Count since this node started; median and 95th percentile of the timer's recent samples, in milliseconds. */
    public record Timing(long count, double medianMillis, double p95Millis) {
    }

    public record Bucket(String label, long count) {
    }

    public record HourlyCount(Instant hour, long count) {
    }
}
