package dev.kontak.metadata.control;

import com.github.benmanes.caffeine.cache.Ticker;
import dev.kontak.metadata.entity.CachedMetadata;
import java.time.Duration;

/** Metadata caches built without a server, for tests and benchmarks: counters of their own, a given ticker. */
public final class TestCaches {

    private TestCaches() {
    }

    public static MetadataCache weighing(long maxBytes) {
        return weighing(maxBytes, new FakeTicker());
    }

    /** Copies stay confirmed for a day: the tests that do not look at reconciliation never see one lapse. */
    public static MetadataCache weighing(long maxBytes, Ticker ticker) {
        return confirmedFor(Duration.ofDays(1), maxBytes, ticker);
    }

    public static MetadataCache confirmedFor(Duration confirmationLasts, long maxBytes, Ticker ticker) {
        MetadataCache cache = new MetadataCache();
        cache.hits = new CountingCounter();
        cache.misses = new CountingCounter();
        cache.start(maxBytes, ticker, confirmationLasts);
        return cache;
    }

    /** What the cache counts a copy as weighing, in bytes. */
    public static long weightOf(CachedMetadata copy) {
        return MetadataCache.weightOf(copy);
    }

    public static long hits(MetadataCache cache) {
        return cache.hits.getCount();
    }

    public static long misses(MetadataCache cache) {
        return cache.misses.getCount();
    }
}
