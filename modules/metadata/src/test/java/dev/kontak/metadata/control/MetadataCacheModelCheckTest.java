package dev.kontak.metadata.control;

import dev.kontak.metadata.entity.CachedMetadata;
import dev.kontak.metadata.entity.ContactIdSet;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.jetbrains.lincheck.datastructures.ModelCheckingOptions;
import org.jetbrains.lincheck.datastructures.Operation;
import org.junit.jupiter.api.Test;

/**
 * The stamp guard checked by Lincheck's model checker, which runs readers and writers in every interleaving it can
 * reach (Caffeine's internals included), instead of the one race {@link MetadataCacheTest} forces. A read loads the
 * user's row from a "database" (the committed cache_version) when the node has no copy; a commit writes the row,
 * then invalidates, as the after-commit observer does. Linearizable means: no read that starts after a commit
 * returned is answered with the version before it, whatever a concurrent reader stored.
 */
public class MetadataCacheModelCheckTest {

    private final UUID user = new UUID(0, 1);
    private final MetadataCache cache = TestCaches.weighing(1 << 20);
    private final AtomicLong committed = new AtomicLong(1);

    @Operation
    public long read() {
        return cache.get(user, () -> Optional.of(row(committed.get()))).orElseThrow().cacheVersion();
    }

    @Operation
    public void commit() {
        cache.invalidate(user, committed.incrementAndGet());
    }

    @Operation
    public void clear() {
        cache.clear();
    }

    @Test
    void everyReadSeesAtLeastTheVersionCommittedBeforeItStarted() {
        new ModelCheckingOptions()
                .iterations(10)
                .invocationsPerIteration(200)
                .threads(2)
                .actorsPerThread(2)
                .actorsBefore(1)
                .actorsAfter(1)
                .check(getClass());
    }

    private CachedMetadata row(long version) {
        return new CachedMetadata(user, version, Instant.EPOCH, ContactIdSet.of(List.of()));
    }
}
