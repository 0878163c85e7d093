package dev.kontak.metadata.control;

import dev.kontak.metadata.entity.CachedMetadata;
import dev.kontak.metadata.entity.ContactIdSet;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLongArray;
import org.jetbrains.lincheck.datastructures.IntGen;
import org.jetbrains.lincheck.datastructures.Operation;
import org.jetbrains.lincheck.datastructures.Param;
import org.jetbrains.lincheck.datastructures.StressOptions;
import org.junit.jupiter.api.Test;

/**
 * {@link MetadataCacheModelCheckTest}'s reads, commits and clears for four users in a cache that holds two of them,
 * so that Caffeine evicts (and refuses to admit) copies while readers load and writers invalidate; run by Lincheck's
 * stress mode on real threads, each outcome checked for linearizability against the operations run one at a time.
 */
@Param(name = "user", gen = IntGen.class, conf = "0:3")
public class MetadataCacheStressTest {

    private static final int USERS = 4;

    private final AtomicLongArray committed = new AtomicLongArray(USERS);
    private final MetadataCache cache = TestCaches.weighing(2 * TestCaches.weightOf(row(0, 1)));

    public MetadataCacheStressTest() {
        for (int user = 0; user < USERS; user++) {
            committed.set(user, 1);
        }
    }

    @Operation
    public long read(@Param(name = "user") int user) {
        return cache.get(id(user), () -> Optional.of(row(user, committed.get(user)))).orElseThrow().cacheVersion();
    }

    @Operation
    public void commit(@Param(name = "user") int user) {
        cache.invalidate(id(user), committed.incrementAndGet(user));
    }

    @Operation
    public void clear() {
        cache.clear();
    }

    @Test
    void everyReadSeesAtLeastTheVersionCommittedBeforeItStartedWhileCopiesAreEvicted() {
        new StressOptions()
                .iterations(30)
                .invocationsPerIteration(1000)
                .threads(3)
                .actorsPerThread(3)
                .check(getClass());
    }

    private static UUID id(int user) {
        return new UUID(0, user + 1);
    }

    private static CachedMetadata row(int user, long version) {
        return new CachedMetadata(id(user), version, Instant.EPOCH, ContactIdSet.of(List.of()));
    }
}
