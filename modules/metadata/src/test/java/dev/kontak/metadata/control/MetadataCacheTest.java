package dev.kontak.metadata.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kontak.metadata.entity.CachedMetadata;
import dev.kontak.metadata.entity.ContactIdSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class MetadataCacheTest {

    private final UUID user = UUID.randomUUID();
    private final UUID contact = UUID.randomUUID();
    private final MetadataCache cache = cacheOf(1_000_000);

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
    void aCopyThatAloneWeighsMoreThanTheBoundIsServedButNotKept() {
        MetadataCache small = cacheOf(10_000);
        CachedMetadata heavy = copy(user, 1, contacts(1_000));
        assertTrue(MetadataCache.weightOf(heavy) > 10_000, "1,000 contacts take a table of 32 KB");

        Optional<CachedMetadata> served = small.get(user, () -> Optional.of(heavy));
        small.get(user, () -> Optional.of(heavy));

        assertEquals(heavy, served.orElseThrow(), "the request that loaded it still uses it");
        assertTrue(small.peek(user).isEmpty());
        assertEquals(2, TestCaches.misses(small), "every read goes to the database");
        assertEquals(0, small.size());
        assertEquals(0, small.bytes());
    }

    @Test
    void aNewerCopyTooHeavyToKeepDoesNotLeaveTheOlderOneInItsPlace() {
        MetadataCache small = cacheOf(10_000);
        assertTrue(small.offer(copy(user, 1, List.of()), small.stamp(user)));

        assertFalse(small.offer(copy(user, 2, contacts(1_000)), small.stamp(user)));

        assertTrue(small.peek(user).isEmpty());
    }

    @Test
    void theCopiesTogetherNeverWeighMoreThanTheBound() {
        long bound = 200_000;
        MetadataCache small = cacheOf(bound);
        Random random = new Random(7);
        List<UUID> users = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            UUID someone = new UUID(random.nextLong(), random.nextLong());
            users.add(someone);
            small.offer(copy(someone, 1, contacts(random.nextInt(1_500))), small.stamp(someone));

            assertTrue(small.bytes() <= bound, "after " + (i + 1) + " copies: " + small.bytes() + " bytes");
        }
        long kept = users.stream().map(small::peek).flatMap(Optional::stream).mapToLong(MetadataCache::weightOf).sum();
        assertEquals(kept, small.bytes(), "the gauge adds up what is kept");
        assertTrue(small.size() > 1 && small.size() < users.size(), small.size() + " copies kept");
    }

    @Test
    void aUserReadOftenKeepsTheirCopyWhileManyUsersReadOncePassThrough() {
        MetadataCache small = cacheOf(100 * MetadataCache.weightOf(copy(user, 1, contacts(100))));
        Random random = new Random(11);
        for (int i = 0; i < 20; i++) {
            small.get(user, () -> Optional.of(copy(user, 1, contacts(100))));
        }
        for (int i = 0; i < 2_000; i++) {
            UUID once = new UUID(random.nextLong(), random.nextLong());
            small.get(once, () -> Optional.of(copy(once, 1, contacts(100))));
            if (i % 50 == 0) {
                small.get(user, () -> Optional.of(copy(user, 1, contacts(100))));
            }
        }

        assertTrue(small.peek(user).isPresent(), "the frequent user was not evicted by a scan of 2,000 others");
        assertTrue(small.size() <= 100, small.size() + " copies kept");
    }

    @Test
    void aCopyIsServedOnlyWithinASecondOfItsLastConfirmation() {
        FakeTicker ticker = new FakeTicker();
        MetadataCache timed = TestCaches.confirmedFor(Duration.ofSeconds(1), 1_000_000, ticker);
        timed.offer(copy(user, 1, List.of(contact)), timed.stamp(user));

        ticker.advance(Duration.ofMillis(600));
        MetadataCache.Stamp beforeTheRead = timed.stamp(user);
        ticker.advance(Duration.ofMillis(300));
        assertTrue(timed.peek(user).orElseThrow().canAccess(contact), "900 ms after it was read");
        assertFalse(timed.confirm(user, 1, beforeTheRead), "the row is still at version 1: kept");
        ticker.advance(Duration.ofMillis(600));
        assertTrue(timed.peek(user).isPresent(), "confirmed 900 ms ago, by a read begun after the 600th ms");
        ticker.advance(Duration.ofMillis(200));
        assertTrue(timed.peek(user).isEmpty(), "not confirmed for 1.1 s: not served");

        timed.confirm(user, 1, timed.stamp(user));
        assertTrue(timed.peek(user).isPresent(), "confirmed again");
    }

    @Test
    void aConfirmationThatFindsANewerRowDropsTheCopy() {
        cache.offer(copy(user, 1, List.of(contact)), cache.stamp(user));
        MetadataCache.Stamp beforeTheRead = cache.stamp(user);

        assertTrue(cache.confirm(user, 2, beforeTheRead));

        assertTrue(cache.peek(user).isEmpty());
        assertFalse(cache.offer(copy(user, 1, List.of(contact)), beforeTheRead), "nor is a copy read before kept");
    }

    @Test
    void aConfirmationRacedByAnInvalidationConfirmsNothing() {
        FakeTicker ticker = new FakeTicker();
        MetadataCache timed = TestCaches.confirmedFor(Duration.ofSeconds(1), 1_000_000, ticker);
        timed.offer(copy(user, 3, List.of()), timed.stamp(user));
        ticker.advance(Duration.ofMillis(800));
        MetadataCache.Stamp beforeTheRead = timed.stamp(user);
        timed.invalidate(user, 3);

        timed.confirm(user, 3, beforeTheRead);
        ticker.advance(Duration.ofMillis(300));

        assertTrue(timed.peek(user).isEmpty(), "the copy's confirmation stays the one from its read");
    }

    @Test
    void clearingRefusesCopiesLoadedBefore() {
        MetadataCache.Stamp stamp = cache.stamp(user);
        cache.clear();

        assertFalse(cache.offer(copy(user, 3, List.of()), stamp));
    }

    private static MetadataCache cacheOf(long maxBytes) {
        return TestCaches.weighing(maxBytes);
    }

    private static List<UUID> contacts(int count) {
        List<UUID> ids = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            ids.add(UUID.randomUUID());
        }
        return ids;
    }

    private static CachedMetadata copy(UUID user, long version, List<UUID> contacts) {
        return new CachedMetadata(user, version, Instant.now(), ContactIdSet.of(contacts));
    }
}
