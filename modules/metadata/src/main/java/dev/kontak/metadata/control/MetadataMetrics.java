package dev.kontak.metadata.control;

/**
 * The names of the metadata's metrics (what {@code /metrics} shows), declared once for the beans that count them
 * and for the admin figures that read them ({@code dev.kontak.admin.control.MetadataStatistics}).
 */
public final class MetadataMetrics {

    /** The counters read here and the timers the figures read, named once for the beans that declare them. */
    public static final String CACHE_HITS = "kontak.metadata.cache.hits";
    public static final String CACHE_MISSES = "kontak.metadata.cache.misses";
    /** Cluster messages found missing, and copies the reconciliation found behind the database. */
    public static final String LOST_INVALIDATIONS = "kontak.metadata.cache.lost-invalidations";
    public static final String RECONCILED_COPIES = "kontak.metadata.cache.reconciled";
    /** Full recomputes; refreshes of stale rows that needed none are counted apart. */
    public static final String REFRESHES = "kontak.metadata.refreshes";
    public static final String CHEAP_REFRESHES = "kontak.metadata.refreshes.cheap";
    public static final String REFRESH_FAILURES = "kontak.metadata.refresh.failures";
    public static final String DRIFT_FOUND = "kontak.metadata.drift.found";
    public static final String DRIFT_REPAIRED = "kontak.metadata.drift.repaired";
    public static final String VALIDATION_TIME = "kontak.metadata.validation";
    public static final String REFRESH_TIME = "kontak.metadata.refresh";

    /** Refused operations on contacts, tagged by reason; also counted in the contacts module (stale forms). */
    public static final String DENIALS = "kontak.access.denials";
    public static final String DENIALS_DESCRIPTION = "Operations on contacts refused, by reason";
    public static final String ACCESS_DENIED = "access-denied";
    public static final String STALE_FORM = "stale-form";

    private MetadataMetrics() {
    }
}
