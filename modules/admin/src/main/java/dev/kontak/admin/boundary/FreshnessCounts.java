package dev.kontak.admin.boundary;

/**
 * How many users' metadata rows are fresh (at most {@code kontak.metadata.max-age} old), stale (older) or
 * missing (no row at all; one is created at the user's next operation).
 */
public record FreshnessCounts(long users, long fresh, long stale, long missing) {

    /** Stale and missing rows per user; 0 without users. */
    public double staleRatio() {
        return users == 0 ? 0 : (double) (stale + missing) / users;
    }
}
