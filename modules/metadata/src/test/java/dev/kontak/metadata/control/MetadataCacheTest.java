package dev.kontak.metadata.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kontak.metadata.entity.CachedMetadata;
import dev.kontak.metadata.entity.ContactIdSet;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class MetadataCacheTest {

    private final UUID user = UUID.randomUUID();
    private final UUID contact = UUID.randomUUID();
    private final MetadataCache cache = cacheOf(100);

    @Test
    void aReaderThatLoadedTheOldRowBeforeTheWriterCommittedCannotStoreIt() {
        CachedMetadata oldRow = copy(user, 1, List.of(contact));

        // The reader misses, takes its stamp and reads version 1; meanwhile the writer commits version 2 (the
        // contact was unshared) and invalidates; only then does the reader try to store what it read.
        Optional<CachedMetadata> served = cache.get(user, () -> {
            cache.invalidate(user, 2);
            return Optional.of(oldRow);
        });

        assertEquals(1, served.orElseThrow().cacheVersion(), "the reader's own request still uses what it read");
        assertTrue(cache.peek(user).isEmpty(), "but the old row was not stored");
        CachedMetadata next = cache.get(user, () -> Optional.of(copy(user, 2, List.of()))).orElseThrow();
        assertEquals(2, next.cacheVersion());
        assertFalse(next.canAccess(contact));
    }

    @Test
    void aReadWithoutACopyIsAMissAndEveryReadOfTheStoredCopyAHit() {
        cache.get(user, () -> Optional.of(copy(user, 1, List.of())));
        cache.get(user, () -> Optional.of(copy(user, 1, List.of())));
        cache.get(user, () -> Optional.of(copy(user, 1, List.of())));
        cache.invalidate(user, 2);
        cache.get(user, () -> Optional.empty());

        assertEquals(2, cache.hits.getCount());
        assertEquals(2, cache.misses.getCount());
    }

    @Test
    void aCopyNeverReplacesANewerOne() {
        assertTrue(cache.offer(copy(user, 5, List.of()), cache.stamp(user)));

        assertFalse(cache.offer(copy(user, 4, List.of(contact)), cache.stamp(user)));
        assertFalse(cache.offer(copy(user, 5, List.of(contact)), cache.stamp(user)));

        assertEquals(5, cache.peek(user).orElseThrow().cacheVersion());
        assertFalse(cache.peek(user).orElseThrow().canAccess(contact));
    }

    @Test
    void invalidationKeepsACopyThatIsAlreadyAtTheCommittedVersion() {
        cache.offer(copy(user, 7, List.of()), cache.stamp(user));

        cache.invalidate(user, 7);
        assertTrue(cache.peek(user).isPresent());

        cache.invalidate(user, 8);
        assertTrue(cache.peek(user).isEmpty());
    }

    @Test
    void eachUserGetsOnlyTheirOwnCopy() {
        UUID other = UUID.randomUUID();
        cache.offer(copy(user, 1, List.of(contact)), cache.stamp(user));
        cache.offer(copy(other, 1, List.of()), cache.stamp(other));

        assertTrue(cache.peek(user).orElseThrow().canAccess(contact));
        assertFalse(cache.peek(other).orElseThrow().canAccess(contact));
        assertEquals(other, cache.peek(other).orElseThrow().userId());
    }

    @Test
    void theCacheHoldsAtMostMaxUsers() {
        MetadataCache small = cacheOf(3);
        for (int i = 0; i < 10; i++) {
            UUID someone = UUID.randomUUID();
            assertTrue(small.offer(copy(someone, 1, List.of()), small.stamp(someone)));
            assertTrue(small.peek(someone).isPresent(), "the newest copy is kept");
        }
        assertEquals(3, small.size());
    }

    @Test
    void clearingRefusesCopiesLoadedBefore() {
        long stamp = cache.stamp(user);
        cache.clear();

        assertFalse(cache.offer(copy(user, 3, List.of()), stamp));
    }

    private static MetadataCache cacheOf(int maxUsers) {
        MetadataCache cache = new MetadataCache();
        cache.maxUsers = maxUsers;
        cache.hits = new CountingCounter();
        cache.misses = new CountingCounter();
        return cache;
    }

    private static CachedMetadata copy(UUID user, long version, List<UUID> contacts) {
        return new CachedMetadata(user, version, Instant.now(), ContactIdSet.of(contacts));
    }
}
