package dev.kontak.metadata.control;

import dev.kontak.metadata.entity.CachedMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.MetricUnits;
import org.eclipse.microprofile.metrics.annotation.Gauge;
import org.eclipse.microprofile.metrics.annotation.Metric;

/**
 * This node's copies of users' metadata, keyed by user: a lookup is a map read. It can never keep a copy older
 * than what was committed before it was stored:
 * <ul>
 * <li>invalidation runs after commit ({@link MetadataChanged} observed AFTER_SUCCESS), never before, so a
 * rolled-back change evicts nothing;</li>
 * <li>a loader takes a stamp before it reads the database, and its copy is stored only if no invalidation of
 * that user happened since (the classic race: a reader loads the old row, the writer commits and invalidates,
 * the reader stores the old row — its stamp is outdated, so it is refused);</li>
 * <li>a copy never replaces one with a higher cache_version.</li>
 * </ul>
 * Stamps live in a fixed array of counters indexed by the user's hash (never evicted, so eviction cannot forget
 * an invalidation); two users sharing a counter only cost a reload. At most {@code kontak.cache.max-users}
 * users are kept.
 */
@ApplicationScoped
public class MetadataCache {

    private static final int STRIPES = 4096;

    private final ConcurrentHashMap<UUID, CachedMetadata> copies = new ConcurrentHashMap<>();
    private final AtomicLongArray invalidations = new AtomicLongArray(STRIPES);

    @Inject
    @ConfigProperty(name = "kontak.cache.max-users", defaultValue = "10000")
    int maxUsers;

    @Inject
    @Metric(name = MetadataStatistics.CACHE_HITS, absolute = true,
            description = "Metadata reads answered from this node's copy")
    Counter hits;

    @Inject
    @Metric(name = MetadataStatistics.CACHE_MISSES, absolute = true,
            description = "Metadata reads that found no copy on this node and read the database")
    Counter misses;

    /** The user's copy, loading it with {@code loader} (which reads the database) when there is none. */
    public Optional<CachedMetadata> get(UUID user, Supplier<Optional<CachedMetadata>> loader) {
        CachedMetadata copy = copies.get(user);
        if (copy != null) {
            hits.inc();
            return Optional.of(copy);
        }
        misses.inc();
        long stamp = stamp(user);
        Optional<CachedMetadata> loaded = loader.get();
        loaded.ifPresent(fresh -> offer(fresh, stamp));
        return loaded;
    }

    public Optional<CachedMetadata> peek(UUID user) {
        return Optional.ofNullable(copies.get(user));
    }

    /** Taken before reading the database; see {@link #offer}. */
    public long stamp(UUID user) {
        return invalidations.get(stripe(user));
    }

    /**
     * Stores a copy read from the database after {@code stamp} was taken, unless the user was invalidated since or
     * a newer copy is already there.
     *
     * @return whether it was stored
     */
    public boolean offer(CachedMetadata copy, long stamp) {
        UUID user = copy.userId();
        boolean[] stored = {false};
        copies.compute(user, (key, current) -> {
            if (invalidations.get(stripe(user)) != stamp
                    || current != null && current.cacheVersion() >= copy.cacheVersion()) {
                return current;
            }
            stored[0] = true;
            return copy;
        });
        if (stored[0] && copies.size() > maxUsers) {
            evictOneBesides(user);
        }
        return stored[0];
    }

    /** The user's row changed (committed): drop the copy unless it already has that version or a newer one. */
    public void invalidate(UUID user, long committedVersion) {
        invalidations.incrementAndGet(stripe(user));
        copies.computeIfPresent(user, (key, current) -> current.cacheVersion() >= committedVersion ? current : null);
    }

    /** Forget everything: for a node that may have missed invalidations. */
    public void clear() {
        for (int i = 0; i < STRIPES; i++) {
            invalidations.incrementAndGet(i);
        }
        copies.clear();
    }

    @Gauge(name = "kontak.metadata.cache.users", absolute = true, unit = MetricUnits.NONE,
            description = "Users whose metadata this node keeps in memory")
    public int size() {
        return copies.size();
    }

    void committed(@Observes(during = TransactionPhase.AFTER_SUCCESS) MetadataChanged change) {
        change.versions().forEach(this::invalidate);
    }

    private void evictOneBesides(UUID kept) {
        Iterator<Map.Entry<UUID, CachedMetadata>> entries = copies.entrySet().iterator();
        while (entries.hasNext() && copies.size() > maxUsers) {
            if (!entries.next().getKey().equals(kept)) {
                entries.remove();
            }
        }
    }

    private static int stripe(UUID user) {
        return Math.floorMod(user.hashCode(), STRIPES);
    }
}
