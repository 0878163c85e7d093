package dev.kontak.metadata.control;

import dev.kontak.metadata.control.MetadataRefresher.Revalidation;
import dev.kontak.metadata.entity.CachedMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * A user's metadata as this node may use it: its in-memory copy (a map lookup), unless that is older than
 * {@code kontak.metadata.max-age}, in which case the row is refreshed if it is that old too (cheaply, see
 * {@link MetadataRefresher#refreshIfStale}) and read again even when it is fresher. So a copy that missed an
 * invalidation (another node's message lost) lives at most the maximum age.
 *
 * <p>Reading again costs O(1) when the copy is still right: the row's version is read, and if it is the copy's
 * own (or the one a cheap refresh made of it, which changed nothing but the version and the time), the copy is
 * kept with the new version and time instead of loading every access row again.
 */
@ApplicationScoped
public class FreshMetadata {

    @Inject
    MetadataCache cache;

    @Inject
    MetadataRows rows;

    @Inject
    MetadataRefresher refresher;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "kontak.metadata.max-age", defaultValue = "PT2M")
    Duration maxAge;

    public CachedMetadata of(UUID user) {
        Optional<CachedMetadata> copy = cache.get(user, () -> rows.copy(user));
        if (copy.isPresent() && !copy.get().isOlderThan(maxAge, clock.instant())) {
            return copy.get();
        }
        Optional<Revalidation> revalidated = refresher.refreshIfStale(user, maxAge);
        if (copy.isPresent()) {
            Optional<CachedMetadata> kept = stillRight(copy.get(), revalidated);
            if (kept.isPresent()) {
                return kept.get();
            }
        }
        return cache.get(user, () -> rows.copy(user)).orElseThrow();
    }

    /**
     * The copy with the row's current version and time, if its access list is the row's. The copy is dropped
     * first and the stamp taken before the row is read, so any change committed after that read either refuses
     * the offer or drops the new copy.
     */
    private Optional<CachedMetadata> stillRight(CachedMetadata copy, Optional<Revalidation> revalidated) {
        UUID user = copy.userId();
        cache.invalidate(user, copy.cacheVersion() + 1);
        long stamp = cache.stamp(user);
        Optional<MetadataRows.RowVersion> row = rows.version(user);
        if (row.isEmpty()) {
            return Optional.empty();
        }
        long version = row.get().cacheVersion();
        boolean same = version == copy.cacheVersion() || revalidated
                .filter(cheap -> cheap.before() == copy.cacheVersion() && cheap.after() == version).isPresent();
        if (!same) {
            return Optional.empty();
        }
        CachedMetadata restamped = new CachedMetadata(user, version, row.get().updatedAt(), copy.contactIds());
        cache.offer(restamped, stamp);
        return Optional.of(restamped);
    }
}
