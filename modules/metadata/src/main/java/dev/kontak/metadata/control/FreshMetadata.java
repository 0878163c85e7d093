package dev.kontak.metadata.control;

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
 * {@code kontak.metadata.max-age}, in which case the row is recomputed if it is that old too, and read again even
 * when it is fresher. So a copy that missed an invalidation (another node's message lost) lives at most the
 * maximum age.
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
        if (copy.isEmpty() || copy.get().isOlderThan(maxAge, clock.instant())) {
            refresher.refreshIfStale(user, maxAge);
            copy.ifPresent(old -> cache.invalidate(user, old.cacheVersion() + 1));
            copy = cache.get(user, () -> rows.copy(user));
        }
        return copy.orElseThrow();
    }
}
