package dev.kontak.metadata.bench;

import dev.kontak.metadata.entity.CachedMetadata;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;

/**
 * The storage and eviction of MetadataCache before Caffeine, copied here for {@link CacheHitRateSimulation}: a
 * ConcurrentHashMap that, once over its bound, removes entries in the map's iteration order (by hash), sparing the
 * copy just stored. The bound is what the old cache had, a number of users, or the same rule applied to bytes so
 * that both caches get one budget. Stamps are left out: the simulation does not race.
 */
final class UserCountBoundCache {

    private final ConcurrentHashMap<UUID, CachedMetadata> copies = new ConcurrentHashMap<>();
    private final ToLongFunction<CachedMetadata> weigher;
    private final ToLongFunction<CachedMetadata> bytesOf;
    private final long bound;
    private long weight;
    private long bytes;
    private long peakBytes;
    private long hits;

    private UserCountBoundCache(ToLongFunction<CachedMetadata> weigher, ToLongFunction<CachedMetadata> bytesOf,
            long bound) {
        this.weigher = weigher;
        this.bytesOf = bytesOf;
        this.bound = bound;
    }

    /** As Kontak had it: {@code kontak.cache.max-users}; {@code bytesOf} only measures what it keeps. */
    static UserCountBoundCache ofUsers(int maxUsers, ToLongFunction<CachedMetadata> bytesOf) {
        return new UserCountBoundCache(copy -> 1, bytesOf, maxUsers);
    }

    /** The old eviction order, bounded by bytes. */
    static UserCountBoundCache ofBytes(long maxBytes, ToLongFunction<CachedMetadata> bytesOf) {
        return new UserCountBoundCache(bytesOf, bytesOf, maxBytes);
    }

    Optional<CachedMetadata> get(UUID user, Supplier<Optional<CachedMetadata>> loader) {
        CachedMetadata copy = copies.get(user);
        if (copy != null) {
            hits++;
            return Optional.of(copy);
        }
        Optional<CachedMetadata> loaded = loader.get();
        loaded.ifPresent(this::offer);
        return loaded;
    }

    void invalidate(UUID user, long committedVersion) {
        CachedMetadata current = copies.get(user);
        if (current != null && current.cacheVersion() < committedVersion) {
            remove(user);
        }
    }

    long hits() {
        return hits;
    }

    int size() {
        return copies.size();
    }

    long peakBytes() {
        return peakBytes;
    }

    private void offer(CachedMetadata copy) {
        CachedMetadata previous = copies.put(copy.userId(), copy);
        if (previous != null) {
            weight -= weigher.applyAsLong(previous);
            bytes -= bytesOf.applyAsLong(previous);
        }
        weight += weigher.applyAsLong(copy);
        bytes += bytesOf.applyAsLong(copy);
        peakBytes = Math.max(peakBytes, bytes);
        if (weight > bound) {
            evictBesides(copy.userId());
        }
    }

    private void evictBesides(UUID kept) {
        Iterator<Map.Entry<UUID, CachedMetadata>> entries = copies.entrySet().iterator();
        while (entries.hasNext() && weight > bound) {
            Map.Entry<UUID, CachedMetadata> entry = entries.next();
            if (!entry.getKey().equals(kept)) {
                weight -= weigher.applyAsLong(entry.getValue());
                bytes -= bytesOf.applyAsLong(entry.getValue());
                entries.remove();
            }
        }
    }

    private void remove(UUID user) {
        CachedMetadata removed = copies.remove(user);
        if (removed != null) {
            weight -= weigher.applyAsLong(removed);
            bytes -= bytesOf.applyAsLong(removed);
        }
    }
}
