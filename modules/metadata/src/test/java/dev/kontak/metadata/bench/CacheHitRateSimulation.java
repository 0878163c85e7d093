package dev.kontak.metadata.bench;

import dev.kontak.metadata.control.MetadataCache;
import dev.kontak.metadata.control.TestCaches;
import dev.kontak.metadata.entity.CachedMetadata;
import dev.kontak.metadata.entity.ContactIdSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Hit rates of this node's metadata cache on a skewed workload: Kontak's {@link MetadataCache} (Caffeine, bounded by
 * bytes) against the eviction it had before ({@link UserCountBoundCache}), given the same byte budget. It counts
 * hits, not time, so it may run on a busy machine. Not part of the test suite (the name does not end in Test):
 *
 * <pre>mvn -B test -pl modules/metadata -am -Dtest=CacheHitRateSimulation -Dsurefire.failIfNoSpecifiedTests=false</pre>
 *
 * <p>100,000 users, each with a number of accessible contacts drawn from {@link #MIX}; requests pick a user by a Zipf
 * distribution (the user of rank r with probability proportional to 1/r^s) whose ranks are shuffled over the users,
 * so popularity and size are independent; one request in {@link #WRITE_EVERY} is a change that invalidates the
 * user's copy (its next load has a higher cache_version). A copy's weight is what Kontak's weigher says (its
 * contact-id table plus the entry). Each run warms up with 1,000,000 requests, then counts the hits of the next
 * 3,000,000. Give {@code -Dkontak.simulation.seed=...} to repeat a run; the seed is printed.
 */
class CacheHitRateSimulation {

    private static final int USERS = 100_000;
    private static final int WARM_UP = 1_000_000;
    private static final int MEASURED = 3_000_000;
    private static final int WRITE_EVERY = 50;
    private static final long MB = 1L << 20;

    /** Accessible contacts per user and the share of users who have that many. */
    private static final int[][] MIX = {{100, 60}, {1_000, 25}, {10_000, 10}, {25_000, 4}, {100_000, 1}};

    @Test
    void run() {
        long seed = Long.getLong("kontak.simulation.seed", 20261201L);
        System.out.printf("seed %d (-Dkontak.simulation.seed=%d)%n", seed, seed);
        Users users = new Users(new Random(seed));
        System.out.printf("%,d users, %,d MB if all were cached, %,d bytes a copy on average%n%n",
                USERS, users.totalBytes / MB, users.totalBytes / USERS);
        System.out.println("| Zipf s | budget | cache | hit rate | users kept at the end | most bytes held |");
        System.out.println("|---|---|---|---|---|---|");
        for (double skew : new double[] {0.8, 0.99}) {
            for (long budget : new long[] {400 * MB, 1600 * MB}) {
                Workload workload = new Workload(skew, new Random(seed + 1));
                caffeine(users, workload, budget, skew);
                oldEviction(users, workload, budget, skew, UserCountBoundCache.ofBytes(budget, TestCaches::weightOf),
                        "old eviction (hash order), bounded by the same bytes");
                int maxUsers = (int) (budget / (users.totalBytes / USERS));
                oldEviction(users, workload, budget, skew,
                        UserCountBoundCache.ofUsers(maxUsers, TestCaches::weightOf),
                        String.format("old cache as it was: max-users %,d (budget / mean copy)", maxUsers));
            }
        }
    }

    private static void caffeine(Users users, Workload workload, long budget, double skew) {
        MetadataCache cache = TestCaches.weighing(budget);
        long[] peak = {0};
        long hits = play(users, workload, cache::get, cache::invalidate, () -> TestCaches.hits(cache),
                () -> peak[0] = Math.max(peak[0], cache.bytes()));
        print(skew, budget, "Kontak's MetadataCache (Caffeine W-TinyLFU, weighed)", hits, cache.size(), peak[0]);
    }

    private static void oldEviction(Users users, Workload workload, long budget, double skew,
            UserCountBoundCache cache, String name) {
        long hits = play(users, workload, cache::get, cache::invalidate, cache::hits, () -> { });
        print(skew, budget, name, hits, cache.size(), cache.peakBytes());
    }

    private static long play(Users users, Workload workload, Reader reader, Invalidator invalidator,
            Supplier<Long> hitCount, Runnable afterEach) {
        long[] versions = new long[USERS];
        long hitsBefore = 0;
        for (int request = 0; request < WARM_UP + MEASURED; request++) {
            if (request == WARM_UP) {
                hitsBefore = hitCount.get();
            }
            int user = workload.request(request);
            if (request % WRITE_EVERY == WRITE_EVERY - 1) {
                versions[user]++;
                invalidator.invalidate(users.ids[user], versions[user]);
                continue;
            }
            long version = versions[user];
            reader.get(users.ids[user], () -> Optional.of(users.copy(user, version)));
            afterEach.run();
        }
        long reads = MEASURED - MEASURED / WRITE_EVERY;
        return Math.round((hitCount.get() - hitsBefore) * 1_000_000.0 / reads);
    }

    private static void print(double skew, long budget, String cache, long hitsPerMillion, int kept, long peak) {
        System.out.printf("| %.2f | %,d MB | %s | %.1f%% | %,d | %,d MB |%n",
                skew, budget / MB, cache, hitsPerMillion / 10_000.0, kept, peak / MB);
    }

    @FunctionalInterface
    private interface Reader {
        Optional<CachedMetadata> get(UUID user, Supplier<Optional<CachedMetadata>> loader);
    }

    @FunctionalInterface
    private interface Invalidator {
        void invalidate(UUID user, long version);
    }

    /** The users: ids and contact counts; users of one count share one contact-id table (only its size matters). */
    private static final class Users {

        final UUID[] ids = new UUID[USERS];
        final ContactIdSet[] sets = new ContactIdSet[USERS];
        final long totalBytes;

        Users(Random random) {
            List<ContactIdSet> tables = new ArrayList<>();
            List<Integer> shares = new ArrayList<>();
            for (int[] kind : MIX) {
                List<UUID> contacts = new ArrayList<>(kind[0]);
                for (int c = 0; c < kind[0]; c++) {
                    contacts.add(new UUID(random.nextLong(), random.nextLong()));
                }
                tables.add(ContactIdSet.of(contacts));
                shares.add(kind[1]);
            }
            long total = 0;
            for (int u = 0; u < USERS; u++) {
                ids[u] = new UUID(random.nextLong(), random.nextLong());
                sets[u] = tables.get(kindOf(random.nextInt(100), shares));
                total += TestCaches.weightOf(copy(u, 0));
            }
            totalBytes = total;
        }

        CachedMetadata copy(int user, long version) {
            return new CachedMetadata(ids[user], version, Instant.EPOCH, sets[user]);
        }

        private static int kindOf(int percentile, List<Integer> shares) {
            int upTo = 0;
            for (int kind = 0; kind < shares.size(); kind++) {
                upTo += shares.get(kind);
                if (percentile < upTo) {
                    return kind;
                }
            }
            throw new IllegalStateException("shares add up to less than 100");
        }
    }

    /** One sequence of requests, the same for every cache of a scenario. */
    private static final class Workload {

        private final int[] requests = new int[WARM_UP + MEASURED];

        Workload(double skew, Random random) {
            double[] cumulative = new double[USERS];
            double sum = 0;
            for (int rank = 0; rank < USERS; rank++) {
                sum += 1 / Math.pow(rank + 1, skew);
                cumulative[rank] = sum;
            }
            int[] userOfRank = new int[USERS];
            for (int i = 0; i < USERS; i++) {
                userOfRank[i] = i;
            }
            for (int i = USERS - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                int swap = userOfRank[i];
                userOfRank[i] = userOfRank[j];
                userOfRank[j] = swap;
            }
            for (int r = 0; r < requests.length; r++) {
                int rank = Arrays.binarySearch(cumulative, random.nextDouble() * sum);
                requests[r] = userOfRank[rank < 0 ? Math.min(-rank - 1, USERS - 1) : rank];
            }
        }

        int request(int index) {
            return requests[index];
        }
    }
}
