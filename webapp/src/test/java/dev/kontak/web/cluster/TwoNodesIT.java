package dev.kontak.web.cluster;

import static dev.kontak.web.testing.TestAccounts.PASSWORD;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kontak.web.testing.EventStreamReader;
import dev.kontak.web.testing.RunningKontak;
import dev.kontak.web.testing.TestAccounts;
import dev.kontak.web.testing.TestDatabase;
import dev.kontak.web.testing.Visitor;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two kontak.jar nodes in one Payara Micro cluster on one PostgreSQL database: a change committed on node A drops
 * node B's in-memory copy of the user's metadata, so B answers with the new cache_version. Node B's
 * {@code /api/metadata/cache-validity} answers from its copy, which without the cluster message would keep the old
 * version forever. Prints the invalidation delay (A's answer received → B shows the new version); run with
 * {@code -Dkontak.cluster.changes=1000} for docs/benchmarks.md.
 */
class TwoNodesIT {

    private static final int CHANGES = Integer.getInteger("kontak.cluster.changes", 100);
    private static final long LIMIT_NANOS = 5_000_000_000L;

    @Test
    void aChangeCommittedOnOneNodeInvalidatesTheOtherNodesCopy(@TempDir Path workDir) throws Exception {
        Path clusterProperties = workDir.resolve("cluster.properties");
        Files.writeString(clusterProperties, String.join("\n",
                "payaramicro.noCluster=false",
                "payaramicro.clusterName=kontak-it-" + UUID.randomUUID().toString().substring(0, 8),
                "payaramicro.clusterMode=tcpip:127.0.0.1:6900,127.0.0.1:6901",
                "payaramicro.interfaces=127.0.0.1", ""));
        List<String> cluster = List.of("--systemProperties", clusterProperties.toString());
        Map<String, String> database = Map.of("KONTAK_DB_URL", TestDatabase.url(), "KONTAK_DB_USER", "postgres",
                "KONTAK_DB_PASSWORD", "postgres", "KONTAK_PASSWORD_ITERATIONS", "1024");
        Path dirA = Files.createDirectories(workDir.resolve("a"));
        Path dirB = Files.createDirectories(workDir.resolve("b"));
        try (RunningKontak nodeA = RunningKontak.start(dirA, database, cluster);
                RunningKontak nodeB = RunningKontak.start(dirB, database, cluster)) {
            Visitor a = new Visitor(nodeA.base());
            Visitor b = new Visitor(nodeB.base());
            String email = TestAccounts.uniqueEmail("cluster");
            assertEquals(201, a.postJson("/api/signup", "{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD
                    + "\",\"displayName\":\"Clustered\"}").statusCode());

            Visitor browser = new Visitor(nodeA.base());
            browser.get("/login");
            assertEquals(303, browser.submit("/login", Map.of("email", email, "password", PASSWORD)).statusCode());
            HttpResponse<String> onB = browser.at(nodeB.base()).get("/contacts");
            assertEquals(200, onB.statusCode(), "signed in on A, the session works on B");
            assertTrue(onB.body().contains("Clustered"), onB.body());
            try (EventStreamReader pageOnB = browser.at(nodeB.base()).events()) {
                long shown = pageOnB.next();
                assertEquals(201, a.sendJson("POST", "/api/contacts", "{\"name\":\"Seen On B\"}", email, PASSWORD)
                        .statusCode());
                assertTrue(pageOnB.next() > shown, "a page open on B hears of the change committed on A");
            }

            List<Long> delays = new ArrayList<>();
            for (int i = 0; i < CHANGES; i++) {
                long before = versionOn(b, email);
                HttpResponse<String> created = a.sendJson("POST", "/api/contacts", "{\"name\":\"Change " + i + "\"}",
                        email, PASSWORD);
                assertEquals(201, created.statusCode(), created.body());
                long committed = System.nanoTime();
                while (versionOn(b, email) == before) {
                    assertTrue(System.nanoTime() - committed < LIMIT_NANOS,
                            "node B still serves cache_version " + before + " 5 s after node A's change " + i);
                }
                delays.add(System.nanoTime() - committed);
            }
            Collections.sort(delays);
            assertEquals(200, browser.at(nodeB.base()).get("/contacts").statusCode(), "the session survives the changes");
            probeStaleReads(a, b, email);
            System.out.printf("cross-node invalidation over %d changes: median %.2f ms, p99 %.2f ms, max %.2f ms%n",
                    delays.size(), delays.get(delays.size() / 2) / 1e6,
                    delays.get((int) Math.ceil(delays.size() * 0.99) - 1) / 1e6, delays.get(delays.size() - 1) / 1e6);
        }
    }

    /**
     * In the spirit of Meta's Polaris: while a writer keeps changing the user's data on A, readers on B check that
     * no read returns a cache_version older than one committed more than 1 s before the read started. Reads until
     * {@code kontak.probe.reads} (default 1,000; docs/benchmarks.md uses 100,000).
     */
    private static void probeStaleReads(Visitor a, Visitor b, String email) throws Exception {
        int wanted = Integer.getInteger("kontak.probe.reads", 1_000);
        List<long[]> commits = Collections.synchronizedList(new ArrayList<>());
        List<long[]> reads = Collections.synchronizedList(new ArrayList<>());
        AtomicBoolean done = new AtomicBoolean();
        ExecutorService threads = Executors.newFixedThreadPool(3);
        Future<?> writer = threads.submit(() -> {
            while (!done.get()) {
                assertEquals(201, a.sendJson("POST", "/api/contacts", "{\"name\":\"Probe\"}", email, PASSWORD)
                        .statusCode());
                long committedBy = System.nanoTime();
                commits.add(new long[] {committedBy, versionIn(a.getJson("/api/metadata", email, PASSWORD).body())});
            }
            return null;
        });
        List<Future<?>> readers = new ArrayList<>();
        for (int r = 0; r < 2; r++) {
            readers.add(threads.submit(() -> {
                while (reads.size() < wanted) {
                    long started = System.nanoTime();
                    reads.add(new long[] {started, versionOn(b, email)});
                }
                return null;
            }));
        }
        for (Future<?> reader : readers) {
            reader.get();
        }
        done.set(true);
        writer.get();
        threads.shutdown();

        List<long[]> byTime = new ArrayList<>(commits);
        byTime.sort((x, y) -> Long.compare(x[0], y[0]));
        long stale = reads.stream().filter(read -> read[1] < committedBefore(byTime, read[0] - 1_000_000_000L)).count();
        System.out.printf("stale-read probe: %d reads on B, %d changes on A, %d reads older than a change committed"
                + " more than 1 s before%n", reads.size(), commits.size(), stale);
        assertEquals(0, stale);
    }

    /** The version of the last change committed at or before {@code time} (one writer: versions grow), or 0. */
    private static long committedBefore(List<long[]> commitsByTime, long time) {
        int low = 0;
        int high = commitsByTime.size() - 1;
        long version = 0;
        while (low <= high) {
            int middle = (low + high) >>> 1;
            if (commitsByTime.get(middle)[0] <= time) {
                version = commitsByTime.get(middle)[1];
                low = middle + 1;
            } else {
                high = middle - 1;
            }
        }
        return version;
    }

    private static long versionIn(String json) {
        Matcher version = Pattern.compile("\"cacheVersion\":(\\d+)").matcher(json);
        assertTrue(version.find(), json);
        return Long.parseLong(version.group(1));
    }

    private static long versionOn(Visitor node, String email) {
        HttpResponse<String> answer = node.getJson("/api/metadata/cache-validity?version=0", email, PASSWORD);
        assertEquals(200, answer.statusCode(), answer.body());
        return versionIn(answer.body());
    }
}
