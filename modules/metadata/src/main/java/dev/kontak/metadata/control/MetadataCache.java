package dev.kontak.metadata.control;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import dev.kontak.metadata.entity.CachedMetadata;
import dev.kontak.metadata.entity.ContactIdSet;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
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
 * the reader stores the old row — its stamp is outdated, so it is refused); the stamp is looked at again once the
 * copy is in, so that a {@link #clear} running beside the store cannot miss it;</li>
 * <li>a copy never replaces one with a higher cache_version;</li>
 * <li>a copy is served only while its user's stamp is the one it was stored (or kept) under: an invalidation or a
 * clear changes the stamp, so a copy from before it is never served again, even where removing it from the map
 * raced with an eviction and the copy stayed (a stress test with eviction on found such a copy served stale);</li>
 * <li>a copy is served only while it was confirmed against the database within {@code kontak.cache.reconcile-interval}
 * (default 1 s): when it was read (from the stamp's time, taken before the read) or when the reconciliation last
 * found the row at its version ({@link #confirm}). So even if every invalidation message is lost, no copy served
 * misses a change committed longer than that ago.</li>
 * </ul>
 * Stamps live in a fixed array of counters indexed by the user's hash (never evicted, so eviction cannot forget
 * an invalidation), plus one counter of clears; two users sharing a counter only cost a reload. A stamp is the sum
 * of the user's counter and the clears: both only grow, so any invalidation or clear since changes it.
 *
 * <p>The copies are held by Caffeine, bounded by bytes: each copy weighs what its contact ids take on the heap
 * (16 bytes a slot of its table, {@link dev.kontak.metadata.entity.ContactIdSet#bytes}) plus what the entry itself
 * takes, and all of them together at most {@code kontak.cache.max-weight} (default 10% of the heap); a copy that
 * alone weighs more is not kept. Caffeine chooses what to evict by how often and how recently users were read
 * (W-TinyLFU). Loads stay outside Caffeine: its invalidation of an entry being loaded is undefined, so a load is
 * the caller reading the database, then {@link #offer} with the stamp check, as a plain map would do it. Caffeine
 * does its upkeep on the thread that wrote ({@code Runnable::run}): the bound holds when a store returns, and the
 * container runs no thread of Caffeine's.
 */
@ApplicationScoped
public class MetadataCache {

    /** What an entry takes besides the contact ids: the key, the copy and its instant, Caffeine's node. */
    static final int ENTRY_BYTES = 200;

    /**
     * Taken before the database is read: what the user's counters were, and when ({@link Ticker} nanoseconds). A
     * copy read after it is stored under it ({@link #offer}) and counts as confirmed at that time.
     */
    public record Stamp(long count, long takenAt) {
    }

    /** A copy, the count it is good for, and when it was last confirmed current. */
    private record Stamped(CachedMetadata copy, long count, long confirmedAt) {
    }

    private static final int STRIPES = 4096;

    private final AtomicLongArray invalidations = new AtomicLongArray(STRIPES);
    private final AtomicLong clears = new AtomicLong();
    private Cache<UUID, Stamped> copies;
    private long maxWeight;
    private Ticker ticker;
    private long confirmedFor;

    @Inject
    @ConfigProperty(name = "kontak.cache.max-weight", defaultValue = "10%")
    String maxWeightSetting;

    @Inject
    @ConfigProperty(name = "kontak.cache.reconcile-interval", defaultValue = "PT1S")
    Duration reconcileInterval;

    @Inject
    @Metric(name = MetadataMetrics.CACHE_HITS, absolute = true,
            description = "Metadata reads answered from this node's copy")
    Counter hits;

    @Inject
    @Metric(name = MetadataMetrics.CACHE_MISSES, absolute = true,
            description = "Metadata reads that found no copy on this node and read the database")
    Counter misses;

    @PostConstruct
    void start() {
        start(MemoryBudget.bytes(maxWeightSetting, Runtime.getRuntime().maxMemory()), Ticker.systemTicker(),
                reconcileInterval);
    }

    /** Tests give the bound in bytes, a ticker of their own and how long a confirmation lasts. */
    void start(long maxBytes, Ticker ticker, Duration confirmationLasts) {
        maxWeight = maxBytes;
        this.ticker = ticker;
        confirmedFor = confirmationLasts.toNanos();
        copies = Caffeine.newBuilder()
                .maximumWeight(maxBytes)
                .weigher((UUID user, Stamped entry) -> weightOf(entry.copy()))
                .executor(Runnable::run)
                .ticker(ticker)
                .build();
    }

    /** The user's copy, loading it with {@code loader} (which reads the database) when there is none. */
    public Optional<CachedMetadata> get(UUID user, Supplier<Optional<CachedMetadata>> loader) {
        Optional<CachedMetadata> copy = peek(user);
        if (copy.isPresent()) {
            hits.inc();
            return copy;
        }
        misses.inc();
        return load(user, loader);
    }

    /** Reads the user's copy with {@code loader} and offers it, stamped before the read; not counted as a read. */
    public Optional<CachedMetadata> load(UUID user, Supplier<Optional<CachedMetadata>> loader) {
        Stamp stamp = stamp(user);
        Optional<CachedMetadata> loaded = loader.get();
        loaded.ifPresent(fresh -> offer(fresh, stamp));
        return loaded;
    }

    /**
     * The user's copy, if there is one still good for the user's stamp and confirmed recently enough. One that is
     * not stays until the reconciliation confirms or drops it, or a load replaces it.
     */
    public Optional<CachedMetadata> peek(UUID user) {
        Stamped entry = copies.getIfPresent(user);
        if (entry == null) {
            return Optional.empty();
        }
        if (entry.count() != count(user)) {
            copies.asMap().remove(user, entry);
            return Optional.empty();
        }
        if (ticker.read() - entry.confirmedAt() > confirmedFor) {
            return Optional.empty();
        }
        return Optional.of(entry.copy());
    }

    /** Taken before reading the database; see {@link #offer}. */
    public Stamp stamp(UUID user) {
        return new Stamp(count(user), ticker.read());
    }

    /** The users this node holds copies of, for the reconciliation. */
    public List<UUID> users() {
        return List.copyOf(copies.asMap().keySet());
    }

    /**
     * Stores a copy read from the database after {@code stamp} was taken, unless the user was invalidated since, a
     * newer copy is already there, or the copy alone weighs more than the whole cache may.
     *
     * @return whether it was stored (Caffeine may still evict it, or another user, to stay within the bound)
     */
    public boolean offer(CachedMetadata copy, Stamp stamp) {
        UUID user = copy.userId();
        if (weightOf(copy) > maxWeight) {
            dropOlderThan(user, copy.cacheVersion());
            return false;
        }
        boolean[] stored = {false};
        Stamped entry = new Stamped(copy, stamp.count(), stamp.takenAt());
        copies.asMap().compute(user, (key, current) -> {
            if (count(user) != stamp.count() || current != null && current.count() == stamp.count()
                    && isNewer(current, copy.cacheVersion(), stamp.takenAt())) {
                return current;
            }
            stored[0] = true;
            return entry;
        });
        if (stored[0] && count(user) != stamp.count()) {
            copies.asMap().remove(user, entry);
            return false;
        }
        return stored[0];
    }

    /** Whether a copy of a user with this many contacts would be kept at all (see {@link #offer}). */
    public boolean couldKeep(int contacts) {
        return ENTRY_BYTES + ContactIdSet.bytesFor(contacts) <= maxWeight;
    }

    /** The user's row changed (committed): drop the copy unless it already has that version or a newer one. */
    public void invalidate(UUID user, long committedVersion) {
        long count = invalidations.incrementAndGet(stripe(user)) + clears.get();
        copies.asMap().computeIfPresent(user, (key, current) -> current.copy().cacheVersion() >= committedVersion
                && count(user) == count ? new Stamped(current.copy(), count, current.confirmedAt()) : null);
    }

    /**
     * The database held the user's row at {@code version} when read after {@code taken}: a copy at that version
     * counts as confirmed then, one behind it is dropped.
     *
     * @return whether a copy was dropped
     */
    public boolean confirm(UUID user, long version, Stamp taken) {
        Stamped entry = copies.getIfPresent(user);
        if (entry == null) {
            return false;
        }
        if (entry.copy().cacheVersion() < version) {
            invalidate(user, version);
            return true;
        }
        copies.asMap().computeIfPresent(user, (key, current) -> current.count() == taken.count()
                && count(user) == taken.count() && current.copy().cacheVersion() == version
                && current.confirmedAt() < taken.takenAt()
                ? new Stamped(current.copy(), current.count(), taken.takenAt()) : current);
        return false;
    }

    /** Forget everything: for a node that may have missed invalidations. */
    public void clear() {
        clears.incrementAndGet();
        copies.invalidateAll();
    }

    @Gauge(name = "kontak.metadata.cache.users", absolute = true, unit = MetricUnits.NONE,
            description = "Users whose metadata this node keeps in memory")
    public int size() {
        return (int) copies.estimatedSize();
    }

    @Gauge(name = "kontak.metadata.cache.bytes", absolute = true, unit = MetricUnits.NONE,
            description = "Bytes of heap this node's metadata copies weigh (bounded by kontak.cache.max-weight)")
    public long bytes() {
        return copies.policy().eviction().orElseThrow().weightedSize().orElse(0);
    }

    void committed(@Observes(during = TransactionPhase.AFTER_SUCCESS) MetadataChanged change) {
        change.versions().forEach(this::invalidate);
    }

    private void dropOlderThan(UUID user, long version) {
        copies.asMap().computeIfPresent(user, (key, current) -> current.copy().cacheVersion() >= version ? current : null);
    }

    /** Whether the stored copy is at least as new as one at this version confirmed at this time. */
    private static boolean isNewer(Stamped current, long version, long confirmedAt) {
        long stored = current.copy().cacheVersion();
        return stored > version || stored == version && current.confirmedAt() >= confirmedAt;
    }

    private long count(UUID user) {
        return invalidations.get(stripe(user)) + clears.get();
    }

    static int weightOf(CachedMetadata copy) {
        return (int) Math.min(Integer.MAX_VALUE, ENTRY_BYTES + copy.contactIds().bytes());
    }

    private static int stripe(UUID user) {
        return Math.floorMod(user.hashCode(), STRIPES);
    }
}
