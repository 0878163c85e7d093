package dev.kontak.metadata.bench;

import dev.kontak.metadata.control.MetadataCache;
import dev.kontak.metadata.control.TestCaches;
import dev.kontak.metadata.entity.CachedMetadata;
import dev.kontak.metadata.entity.ContactIdSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Heap taken per cached user, measured by filling a cache and comparing used memory after full collections. */
final class CachedUserFootprint {

    private CachedUserFootprint() {
    }

    static void report() throws Exception {
        for (int contacts : new int[] {100, 10_000}) {
            int users = contacts == 100 ? 5_000 : 100;
            long before = usedAfterGc();
            MetadataCache cache = TestCaches.weighing(1L << 40);
            for (int u = 0; u < users; u++) {
                List<UUID> ids = new ArrayList<>(contacts);
                for (int c = 0; c < contacts; c++) {
                    ids.add(UUID.randomUUID());
                }
                UUID user = UUID.randomUUID();
                cache.offer(new CachedMetadata(user, 1, Instant.now(), ContactIdSet.of(ids)), cache.stamp(user));
            }
            long after = usedAfterGc();
            System.out.printf("memory per cached user with %,d contacts: %,d bytes (%d users cached; "
                    + "the cache's weight per user: %,d bytes)%n",
                    contacts, (after - before) / users, cache.size(), cache.bytes() / cache.size());
        }
    }

    private static long usedAfterGc() throws InterruptedException {
        Runtime runtime = Runtime.getRuntime();
        for (int i = 0; i < 4; i++) {
            System.gc();
            Thread.sleep(100);
        }
        return runtime.totalMemory() - runtime.freeMemory();
    }
}
