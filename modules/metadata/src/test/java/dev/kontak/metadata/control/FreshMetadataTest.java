package dev.kontak.metadata.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.benmanes.caffeine.cache.Ticker;
import dev.kontak.metadata.control.MetadataRefresher.Revalidation;
import dev.kontak.metadata.control.MetadataRows.RowVersion;
import dev.kontak.metadata.entity.CachedMetadata;
import dev.kontak.metadata.entity.ContactIdSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * What a request gets when this node's copy is older than the maximum age: after a cheap refresh the copy is kept
 * with the new version (no access list read again) when it is still right, none when it missed a change or there
 * was none (the access list is then read off the request path, by {@link CopyLoads}), and never a copy stored
 * over a change that committed while it was being checked.
 */
class FreshMetadataTest {

    private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");
    private static final Instant HOUR_AGO = NOW.minus(Duration.ofHours(1));

    private final UUID user = UUID.randomUUID();
    private final List<UUID> contacts = List.of(UUID.randomUUID(), UUID.randomUUID());
    private final Database database = new Database();
    private final FreshMetadata fresh = new FreshMetadata();

    FreshMetadataTest() {
        fresh.cache = new MetadataCache();
        fresh.cache.start(10_000_000, Ticker.systemTicker(), Duration.ofDays(1));
        fresh.cache.hits = new CountingCounter();
        fresh.cache.misses = new CountingCounter();
        fresh.rows = database.rows;
        fresh.refresher = database.refresher;
        fresh.clock = Clock.fixed(NOW, ZoneOffset.UTC);
        fresh.maxAge = Duration.ofMinutes(2);
        fresh.loads = new CopyLoads() {
            @Override
            Optional<CachedMetadata> read(UUID someone) {
                return database.rows.copy(someone);
            }
        };
        fresh.loads.cache = fresh.cache;
    }

    @Test
    void aStaleButRightCopyIsKeptWithTheCheapRefreshsVersionWithoutReadingTheAccessListAgain() {
        database.row(3, HOUR_AGO);
        cacheCopy(3, HOUR_AGO);

        CachedMetadata served = fresh.of(user).orElseThrow();

        assertEquals(1, database.revalidations, "the stale row was refreshed");
        assertEquals(4, served.cacheVersion());
        assertEquals(NOW, served.updatedAt());
        assertTrue(served.canAccess(contacts.get(0)) && served.canAccess(contacts.get(1)));
        assertEquals(0, database.accessListReads, "the access list was not read again");
        assertEquals(4, fresh.cache.peek(user).orElseThrow().cacheVersion(), "and the kept copy is stored");
        fresh.of(user);
        assertEquals(1, database.revalidations, "fresh now");
    }

    @Test
    void aCopyThatMissedAChangeIsNotServedAndIsLoadedAgainOffTheRequest() {
        database.row(7, NOW.minusSeconds(10)); // fresh: refreshed by another node after a change this one missed
        cacheCopy(5, HOUR_AGO);

        assertTrue(fresh.forViewing(user).isEmpty());
        assertEquals(7, fresh.version(user));

        assertEquals(0, database.revalidations);
        assertEquals(0, database.accessListReads, "the request read no access list");
        fresh.loads.loadPending();
        assertEquals(1, database.accessListReads);
        assertEquals(7, fresh.cache.peek(user).orElseThrow().cacheVersion());
        assertEquals(7, fresh.of(user).orElseThrow().cacheVersion());
    }

    @Test
    void withoutACopyAStaleRowIsRefreshedAndTheRequestReadsNoAccessList() {
        database.row(3, HOUR_AGO);

        assertTrue(fresh.forViewing(user).isEmpty(), "more contacts than a request loads");

        assertEquals(1, database.revalidations);
        assertEquals(0, database.accessListReads);
        fresh.loads.loadPending();
        fresh.loads.loadPending();
        assertEquals(1, database.accessListReads, "one load for the user, however many requests asked");
        CachedMetadata loaded = fresh.of(user).orElseThrow();
        assertEquals(4, loaded.cacheVersion());
        assertTrue(loaded.canAccess(contacts.get(0)));
        assertEquals(1, database.revalidations, "fresh now");
    }

    @Test
    void aSmallUsersCopyIsLoadedOnTheRequest() {
        fresh.loadOnRequestMaxContacts = contacts.size();
        database.row(3, HOUR_AGO);

        CachedMetadata loaded = fresh.forViewing(user).orElseThrow();

        assertEquals(4, loaded.cacheVersion());
        assertEquals(1, database.accessListReads);
        assertEquals(4, fresh.cache.peek(user).orElseThrow().cacheVersion());
    }

    @Test
    void aCopyTheCacheWouldNotKeepIsNeverLoaded() {
        fresh.cache.start(MetadataCache.ENTRY_BYTES, Ticker.systemTicker(), Duration.ofDays(1));
        database.row(3, NOW);

        assertTrue(fresh.forViewing(user).isEmpty());
        fresh.loads.loadPending();

        assertEquals(0, database.accessListReads, "views of this user probe the access rows");
    }

    @Test
    void aLoadThatAChangeOvertookIsNotKept() {
        database.row(3, NOW);
        assertTrue(fresh.forViewing(user).isEmpty());
        database.beforeAccessListRead = () -> database.commitChange(4);

        fresh.loads.loadPending();

        assertTrue(fresh.cache.peek(user).isEmpty(), "the copy read at version 3 was refused");
    }

    @Test
    void aChangeCommittedWhileTheCopyIsCheckedIsNeverHiddenByIt() {
        database.row(3, HOUR_AGO);
        cacheCopy(3, HOUR_AGO);
        // the row is read at version 4, and then a change commits version 5 before the copy is offered
        database.afterVersionRead = () -> database.commitChange(5);

        CachedMetadata served = fresh.of(user).orElseThrow();

        assertEquals(4, served.cacheVersion(), "the request itself uses what it read");
        assertTrue(fresh.cache.peek(user).isEmpty(), "but no copy older than the committed row is kept");
        assertEquals(5, fresh.version(user));
    }

    private void cacheCopy(long version, Instant updatedAt) {
        assertTrue(fresh.cache.offer(new CachedMetadata(user, version, updatedAt, ContactIdSet.of(contacts)),
                fresh.cache.stamp(user)));
    }

    /** One user's row as the database would have it, and the beans that read and refresh it. */
    private final class Database {

        long version;
        Instant updatedAt;
        int revalidations;
        int accessListReads;
        Runnable afterVersionRead = () -> { };
        Runnable beforeAccessListRead = () -> { };

        final MetadataRows rows = new MetadataRows() {
            @Override
            public Optional<RowVersion> version(UUID someone) {
                RowVersion read = new RowVersion(version, updatedAt, contacts.size());
                afterVersionRead.run();
                afterVersionRead = () -> { };
                return Optional.of(read);
            }

            @Override
            public Optional<CachedMetadata> copy(UUID someone) {
                accessListReads++;
                beforeAccessListRead.run();
                return Optional.of(new CachedMetadata(someone, version, updatedAt, ContactIdSet.of(contacts)));
            }
        };

        final MetadataRefresher refresher = new MetadataRefresher() {
            @Override
            public Optional<Revalidation> refreshIfStale(UUID someone, Duration maxAge) {
                if (!updatedAt.plus(maxAge).isBefore(NOW)) {
                    return Optional.empty();
                }
                revalidations++;
                long before = version;
                updatedAt = NOW;
                commitChange(before + 1);
                return Optional.of(new Revalidation(before, version));
            }
        };

        void row(long version, Instant updatedAt) {
            this.version = version;
            this.updatedAt = updatedAt;
        }

        /** A commit: the row gets the version, and after the commit every copy of older versions is dropped. */
        void commitChange(long committed) {
            version = committed;
            fresh.cache.invalidate(user, committed);
        }
    }
}
