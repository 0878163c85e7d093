package dev.kontak.metadata.control;

import dev.kontak.metadata.control.MetadataRefresher.Revalidation;
import dev.kontak.metadata.control.MetadataRows.RowVersion;
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
 * {@link MetadataRefresher#refreshIfStale}) and read again even when it is fresher. A copy that missed an
 * invalidation (another node's message lost) is not served longer than {@code kontak.cache.reconcile-interval}
 * after the database last confirmed it ({@link MetadataCache#peek}).
 *
 * <p>No answer costs more than loading a small user's copy, whatever the number of contacts. Reading again keeps a copy that is still right: the
 * row's version is read, and if it is the copy's own (or the one a cheap refresh made of it, which changed nothing
 * but the version and the time), the copy is kept with the new version and time. A request of a user with many
 * contacts that finds no right copy gets none: it asks the access rows about its one contact, and the copy is
 * loaded off the request path ({@link CopyLoads}).
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
    CopyLoads loads;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "kontak.metadata.max-age", defaultValue = "PT2M")
    Duration maxAge;

    @Inject
    @ConfigProperty(name = "kontak.cache.load-on-request-max-contacts", defaultValue = "1000")
    int loadOnRequestMaxContacts;

    /** The user's right copy, the row refreshed first if it was stale; empty while this node has none. */
    public Optional<CachedMetadata> of(UUID user) {
        Optional<CachedMetadata> copy = cache.get(user, Optional::empty);
        if (copy.isPresent() && !copy.get().isOlderThan(maxAge, clock.instant())) {
            return copy;
        }
        Optional<Revalidation> revalidated = refresher.refreshIfStale(user, maxAge);
        return copy.flatMap(old -> stillRight(old, revalidated));
    }

    /**
     * As {@link #of}, and without a copy one is loaded for the views that follow: on this request if the user has
     * at most {@code kontak.cache.load-on-request-max-contacts} (a few milliseconds), else off the request path;
     * not at all if the cache would not keep it.
     */
    public Optional<CachedMetadata> forViewing(UUID user) {
        Optional<CachedMetadata> copy = of(user);
        return copy.isPresent() ? copy : rows.version(user).flatMap(row -> loadFor(user, row));
    }

    /** The row's cache_version, from the copy when there is one (the row read once either way). */
    public long version(UUID user) {
        Optional<CachedMetadata> copy = of(user);
        if (copy.isPresent()) {
            return copy.get().cacheVersion();
        }
        RowVersion row = rows.version(user).orElseThrow();
        loadFor(user, row);
        return row.cacheVersion();
    }

    private Optional<CachedMetadata> loadFor(UUID user, RowVersion row) {
        if (!cache.couldKeep(row.contactCount())) {
            return Optional.empty();
        }
        if (row.contactCount() <= loadOnRequestMaxContacts) {
            return cache.load(user, () -> rows.copy(user));
        }
        loads.schedule(user);
        return Optional.empty();
    }

    /**
     * The copy with the row's current version and time, if its access list is the row's. The copy is dropped
     * first and the stamp taken before the row is read, so any change committed after that read either refuses
     * the offer or drops the new copy.
     */
    private Optional<CachedMetadata> stillRight(CachedMetadata copy, Optional<Revalidation> revalidated) {
        UUID user = copy.userId();
        cache.invalidate(user, copy.cacheVersion() + 1);
        MetadataCache.Stamp stamp = cache.stamp(user);
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
