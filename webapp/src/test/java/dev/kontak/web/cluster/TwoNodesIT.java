package dev.kontak.web.cluster;

import static dev.kontak.web.testing.TestAccounts.PASSWORD;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kontak.web.testing.EventStreamReader;
import dev.kontak.web.testing.KontakDeployment;
import dev.kontak.web.testing.RunningKontak;
import dev.kontak.web.testing.TestAccounts;
import dev.kontak.web.testing.TestDatabase;
import dev.kontak.web.testing.Visitor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.shrinkwrap.api.exporter.ZipExporter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two Kontak nodes in one Payara Micro cluster on one PostgreSQL database: a change committed on node A drops
 * node B's in-memory copy of the user's metadata, so B answers with the new cache_version. Node B's
 * {@code /api/metadata/cache-validity} answers from its copy. The nodes run the test deployment, kontak.war with
 * the fault switch that loses a share of the invalidation messages a node receives ({@link LossyClusterInvalidation}).
 * Prints the invalidation delay (A's answer received → B shows the new version); run with
 * {@code -Dkontak.cluster.changes=1000} and {@code -Dkontak.probe.reads=100000} for docs/benchmarks.md. The last
 * test crashes node A.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoNodesIT {

    private static final int CHANGES = Integer.getInteger("kontak.cluster.changes", 50);
    private static final long LIMIT_NANOS = 5_000_000_000L;
    private static final Map<String, String> APP_PASSWORDS = new ConcurrentHashMap<>();

    @TempDir
    static Path workDir;

    private static List<String> clusterA;
    private static List<String> clusterB;
    private static Map<String, String> database;
    private static Path lossyWar;
    private static RunningKontak nodeA;
    private static RunningKontak nodeB;
    private static Visitor a;
    private static Visitor b;

    @BeforeAll
    static void startTwoNodes() throws Exception {
        int portA = RunningKontak.freePort();
        int portB = RunningKontak.freePort();
        String cluster = "kontak-it-" + UUID.randomUUID().toString().substring(0, 8);
        String members = "tcpip:127.0.0.1:" + portA + ",127.0.0.1:" + portB;
        clusterA = clusterOptions("a", cluster, members, portA);
        clusterB = clusterOptions("b", cluster, members, portB);
        database = new HashMap<>(TestDatabase.serverEnvironment());
        database.put("KONTAK_PASSWORD_ITERATIONS", "1024"); // the fewest Jakarta Security allows: sign-ins stay cheap
        database.put("KONTAK_JOBS_LEASE", "PT5S"); // the killed node's job counts as interrupted 5 s after
        database.put("KONTAK_BATCH_SIZE", "2"); // and has not ended when it is killed
        lossyWar = workDir.resolve("kontak-lossy.war");
        KontakDeployment.war().addClass(LossyClusterInvalidation.class).as(ZipExporter.class).exportTo(lossyWar.toFile());
        CompletableFuture<RunningKontak> startingA = CompletableFuture.supplyAsync(() -> start("a", clusterA));
        nodeB = start("b", clusterB);
        nodeA = startingA.join();
        a = new Visitor(nodeA.base());
        b = new Visitor(nodeB.base());
    }

    private static RunningKontak start(String node, List<String> cluster) {
        try {
            return RunningKontak.startWar(Files.createDirectories(workDir.resolve(node)), database, lossyWar, cluster);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Each node's own Hazelcast port (free ports, so that other Payara instances on the machine don't matter). */
    private static List<String> clusterOptions(String node, String cluster, String members, int port) throws Exception {
        Path properties = workDir.resolve("cluster-" + node + ".properties");
        Files.writeString(properties, String.join("\n",
                "payaramicro.noCluster=false",
                "payaramicro.clusterName=" + cluster,
                "payaramicro.clusterMode=" + members,
                "payaramicro.startPort=" + port,
                "payaramicro.interfaces=127.0.0.1", ""));
        return List.of("--systemProperties", properties.toString());
    }

    /** Stops the nodes and keeps their logs in target/cluster-logs for whoever reads a failure. */
    @AfterAll
    static void stopNodes() throws Exception {
        Path logs = Files.createDirectories(Path.of("target", "cluster-logs"));
        for (Map.Entry<String, RunningKontak> node : Map.of("a", nodeA, "b", nodeB).entrySet()) {
            node.getValue().close();
            Files.writeString(logs.resolve("node-" + node.getKey() + ".log"), node.getValue().log());
        }
    }

    @Test
    @Order(1)
    void aSignInAndAnOpenPageWorkOnEitherNode() throws Exception {
        String email = signUp("session");
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
        assertEquals(200, browser.at(nodeB.base()).get("/contacts").statusCode(), "the session survives the change");
    }

    @Test
    @Order(2)
    void aChangeCommittedOnOneNodeInvalidatesTheOtherNodesCopy() throws Exception {
        String email = signUp("cluster");
        List<Long> delays = new ArrayList<>();
        for (int i = 0; i < CHANGES; i++) {
            long before = versionOn(b, email);
            HttpResponse<String> created = a.sendJson("POST", "/api/contacts", "{\"name\":\"Change " + i + "\"}",
                    email, appPassword(email));
            assertEquals(201, created.statusCode(), created.body());
            long committed = System.nanoTime();
            while (versionOn(b, email) == before) {
                assertTrue(System.nanoTime() - committed < LIMIT_NANOS,
                        "node B still serves cache_version " + before + " 5 s after node A's change " + i);
            }
            delays.add(System.nanoTime() - committed);
        }
        Collections.sort(delays);
        probeStaleReads(email, Integer.getInteger("kontak.probe.reads", 1_000), "no message lost");
        System.out.printf("cross-node invalidation over %d changes: median %.2f ms, p99 %.2f ms, max %.2f ms%n",
                delays.size(), delays.get(delays.size() / 2) / 1e6,
                delays.get((int) Math.ceil(delays.size() * 0.99) - 1) / 1e6, delays.get(delays.size() - 1) / 1e6);
    }

    /**
     * Node B loses a tenth of the messages: a missing number makes it drop its copies, and no view it serves is older
     * than 1 s past a commit ({@code kontak.probe.lossy-reads}, default 5,000 reads).
     */
    @Test
    @Order(3)
    void noViewIsServedStaleWhenATenthOfTheMessagesAreLost() throws Exception {
        String email = signUp("lossy");
        double lostBefore = lostInvalidationsOn(b);
        LossyClusterInvalidation.lose(nodeB.workDir(), 0.1);
        try {
            probeStaleReads(email, Integer.getInteger("kontak.probe.lossy-reads", 5_000), "10% of messages lost");
        } finally {
            LossyClusterInvalidation.lose(nodeB.workDir(), 0);
        }
        assertTrue(lostInvalidationsOn(b) > lostBefore, "node B noticed the lost messages by their numbers");
    }

    /** With every message lost for 10 s, only the reconciliation keeps B's copies from going stale. */
    @Test
    @Order(4)
    void noViewIsServedStaleWhileEveryMessageIsLostFor10Seconds() throws Exception {
        String email = signUp("cut-off");
        LossyClusterInvalidation.lose(nodeB.workDir(), 1);
        try {
            probeStaleReads(email, 0, Duration.ofSeconds(10), "every message lost for 10 s");
        } finally {
            LossyClusterInvalidation.lose(nodeB.workDir(), 0);
        }
    }

    /**
     * The other half of the Polaris-style probe: while the owner keeps removing a teammate from the team that shares
     * a contact and adding them back on node A, the teammate keeps logging activities on it through node B. A
     * deferred trigger looks, at the commit of every accepted activity, whether its author could still access the
     * contact; it counts the writes that could not. Writes ({@code kontak.probe.writes}, default 200) must be both
     * accepted and refused along the way, and never accepted without access, while B loses a tenth of the messages.
     */
    @Test
    @Order(5)
    void noWriteIsAcceptedOnAContactThatIsNoLongerAccessibleAtCommit() throws Exception {
        int wanted = Integer.getInteger("kontak.probe.writes", 200);
        String owner = signUp("owner");
        String teammate = signUp("teammate");
        String teammateId = stringIn(a.getJson("/api/me", teammate, PASSWORD).body(), "id");
        String team = stringIn(created(a.sendJson("POST", "/api/teams", "{\"name\":\"Probe\"}", owner, PASSWORD)),
                "id");
        String contact = stringIn(created(a.sendJson("POST", "/api/contacts", "{\"name\":\"Shared\"}", owner,
                PASSWORD)), "id");
        assertEquals(200, a.sendJson("PUT", "/api/contacts/" + contact + "/team", "{\"teamId\":\"" + team + "\"}",
                owner, PASSWORD).statusCode());
        String members = "/api/teams/" + team + "/members";
        LossyClusterInvalidation.lose(nodeB.workDir(), 0.1);
        try (Connection sql = TestDatabase.connect(); Statement statement = sql.createStatement()) {
            countActivitiesAcceptedWithoutAccess(statement);
            AtomicInteger accepted = new AtomicInteger();
            AtomicInteger refused = new AtomicInteger();
            AtomicBoolean done = new AtomicBoolean();
            ExecutorService threads = Executors.newFixedThreadPool(3);
            Future<?> owners = threads.submit(() -> {
                while (!done.get()) {
                    assertEquals(201, a.sendJson("POST", members, "{\"email\":\"" + teammate + "\"}", owner,
                            appPassword(owner)).statusCode());
                    HttpResponse<String> removed = a.sendJson("DELETE", members + "/" + teammateId, null, owner,
                            appPassword(owner));
                    assertEquals(204, removed.statusCode(), removed.body());
                }
                return null;
            });
            List<Future<?>> writers = new ArrayList<>();
            for (int w = 0; w < 2; w++) {
                writers.add(threads.submit(() -> {
                    while (accepted.get() + refused.get() < wanted) {
                        int status = b.sendJson("POST", "/api/contacts/" + contact + "/activities",
                                "{\"type\":\"NOTE\",\"occurredAt\":\"2026-11-26T10:00:00Z\",\"summary\":\"Probe\"}",
                                teammate, appPassword(teammate)).statusCode();
                        assertTrue(status == 201 || status == 403, "status " + status);
                        (status == 201 ? accepted : refused).incrementAndGet();
                    }
                    return null;
                }));
            }
            for (Future<?> writer : writers) {
                writer.get();
            }
            done.set(true);
            owners.get();
            threads.shutdown();
            long withoutAccess = TestDatabase.count("SELECT count(*) FROM probe_accepted_without_access");
            long stored = TestDatabase.count("SELECT count(*) FROM activities WHERE contact_id = ?::uuid", contact);
            System.out.printf("write probe: %d writes on B while access changed on A: %d accepted, %d refused,"
                    + " %d accepted without access at commit%n", accepted.get() + refused.get(), accepted.get(),
                    refused.get(), withoutAccess);
            assertEquals(accepted.get(), stored, "every accepted write is stored, no refused one is");
            assertTrue(accepted.get() > 0 && refused.get() > 0, "the writes raced the changes of access");
            assertEquals(0, withoutAccess);
        } finally {
            LossyClusterInvalidation.lose(nodeB.workDir(), 0);
            try (Connection sql = TestDatabase.connect(); Statement statement = sql.createStatement()) {
                statement.execute("DROP TRIGGER probe_access_at_commit ON activities");
                statement.execute("DROP FUNCTION probe_access_at_commit()");
                statement.execute("DROP TABLE probe_accepted_without_access");
            }
        }
    }

    /** A change no message told B of (written with plain SQL) is in every view B serves from 1 s after its commit. */
    @Test
    @Order(6)
    void aChangeNoMessageToldOfIsSeenWithinASecond() throws Exception {
        String email = signUp("untold");
        long cached = versionOn(b, email);
        long untold = changeWithoutTellingTheCluster(email);
        long committed = System.nanoTime();
        assertTrue(untold > cached);
        Thread.sleep(1_000);
        assertEquals(untold, versionOn(b, email), "B's view, " + (System.nanoTime() - committed) / 1_000_000
                + " ms after the change");
    }

    /**
     * Node A is killed (kill -9) while writers write through both nodes, an administrator's refresh of every user's
     * metadata runs on A and a browser session was opened on A: no acknowledged write is lost, the session carries
     * on on B, the refresh counts as interrupted once its lease ({@code kontak.jobs.lease}, 5 s here) has passed and
     * is resumed from B, and A comes back with no copies and rejoins.
     */
    @Test
    @Order(7)
    void aNodeKilledDuringWritesLosesNoAcknowledgedWriteAndItsJobIsResumedElsewhere() throws Exception {
        String email = signUp("killed");
        Visitor browser = signedIn(nodeA, email, PASSWORD);
        Visitor admin = signedIn(nodeA, TestAccounts.ADMIN_EMAIL, TestAccounts.ADMIN_PASSWORD);
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        AtomicBoolean done = new AtomicBoolean();
        ExecutorService threads = Executors.newFixedThreadPool(4);
        List<Future<?>> writers = new ArrayList<>();
        for (int w = 0; w < 4; w++) {
            Visitor node = w % 2 == 0 ? a : b;
            String writer = "Killed " + w + " ";
            writers.add(threads.submit(() -> {
                for (int i = 0; !done.get(); i++) {
                    try {
                        if (node.sendJson("POST", "/api/contacts", "{\"name\":\"" + writer + i + "\"}", email,
                                appPassword(email)).statusCode() == 201) {
                            acknowledged.add(writer + i);
                        }
                    } catch (UncheckedIOException nodeGone) {
                        assertTrue(node == a, "only the killed node's requests go unanswered: " + nodeGone);
                    }
                }
                return null;
            }));
        }
        Thread.sleep(1_000);
        admin.get("/admin/metadata");
        assertEquals(303, admin.submit("/admin/metadata/batch", Map.of("kind", "REFRESH")).statusCode());
        nodeA.kill();
        Files.writeString(Files.createDirectories(Path.of("target", "cluster-logs")).resolve("node-a-killed.log"),
                nodeA.log());
        Thread.sleep(1_000);
        done.set(true);
        for (Future<?> writer : writers) {
            writer.get();
        }
        threads.shutdown();

        Set<String> stored = new HashSet<>();
        try (Connection sql = TestDatabase.connect(); PreparedStatement names = sql.prepareStatement(
                "SELECT name FROM contacts WHERE owner_id = (SELECT id FROM users WHERE email = ?)")) {
            names.setString(1, email);
            try (ResultSet rows = names.executeQuery()) {
                while (rows.next()) {
                    stored.add(rows.getString(1));
                }
            }
        }
        assertTrue(acknowledged.size() > 0 && stored.containsAll(acknowledged), "every acknowledged write is stored");
        HttpResponse<String> page = browser.at(nodeB.base()).get("/contacts");
        assertEquals(200, page.statusCode(), "the session opened on A carries on on B");
        assertTrue(page.body().contains("Killed "), page.body());

        Visitor adminOnB = admin.at(nodeB.base());
        String interrupted = await("the refresh counts as interrupted").atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(500)).until(() -> adminOnB.get("/admin/metadata/batch").body(),
                        json -> json.contains("\"running\":false"));
        String run = stringIn(interrupted, "id");
        assertEquals(1, TestDatabase.count("SELECT count(*) FROM job_runs WHERE id = ?::uuid AND finished_at IS NULL",
                run), "the killed node's run never finished: " + interrupted);
        adminOnB.get("/admin/metadata");
        assertEquals(303, adminOnB.submit("/admin/metadata/batch/resume", Map.of("run", run)).statusCode());
        await("the resumed refresh completes").atMost(Duration.ofSeconds(60)).until(() -> TestDatabase.count(
                "SELECT count(*) FROM job_runs WHERE resumes = ?::uuid AND outcome = 'COMPLETED'", run) == 1);

        nodeA = RunningKontak.startWar(Files.createDirectories(workDir.resolve("a-again")), database, lossyWar, clusterA);
        a = new Visitor(nodeA.base());
        assertEquals(0, cachedUsersOn(a), "the restarted node has no copies");
        long before = versionOn(b, email);
        assertEquals(201, a.sendJson("POST", "/api/contacts", "{\"name\":\"Back\"}", email, PASSWORD).statusCode());
        awaitVersionOn(b, email, before + 1, "after node A came back");
    }

    private static Visitor signedIn(RunningKontak node, String email, String password) {
        Visitor browser = new Visitor(node.base());
        browser.get("/login");
        assertEquals(303, browser.submit("/login", Map.of("email", email, "password", password)).statusCode());
        return browser;
    }

    private static double cachedUsersOn(Visitor node) {
        return metric(node, "kontak_metadata_cache_users");
    }

    private static long changeWithoutTellingTheCluster(String email) throws SQLException {
        return ((Number) TestDatabase.value("UPDATE user_metadata SET cache_version = cache_version + 1 WHERE user_id ="
                + " (SELECT id FROM users WHERE email = ?) RETURNING cache_version", email)).longValue();
    }

    private static void awaitVersionOn(Visitor node, String email, long version, String when) {
        await("B serves version " + version + " or later " + when).atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                .until(() -> versionOn(node, email) >= version);
    }

    private static double lostInvalidationsOn(Visitor node) {
        return metric(node, "kontak_metadata_cache_lost_invalidations_total");
    }

    /** A metric's value on the node, 0 where it has none yet. */
    private static double metric(Visitor node, String name) {
        HttpResponse<String> metrics = node.getJson("/metrics", TestAccounts.ADMIN_EMAIL, TestAccounts.ADMIN_PASSWORD);
        assertEquals(200, metrics.statusCode());
        Matcher value = Pattern.compile("(?m)^" + name + "(\\{[^}]*})?\\s+(\\S+)$").matcher(metrics.body());
        return value.find() ? Double.parseDouble(value.group(2)) : 0;
    }

    private static void countActivitiesAcceptedWithoutAccess(Statement statement) throws SQLException {
        statement.execute("CREATE TABLE probe_accepted_without_access (activity_id UUID PRIMARY KEY)");
        statement.execute("""
                CREATE FUNCTION probe_access_at_commit() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF NOT EXISTS (SELECT 1 FROM user_contact_access
                                   WHERE user_id = NEW.author_id AND contact_id = NEW.contact_id) THEN
                        INSERT INTO probe_accepted_without_access VALUES (NEW.id);
                    END IF;
                    RETURN NULL;
                END $$""");
        statement.execute("CREATE CONSTRAINT TRIGGER probe_access_at_commit AFTER INSERT ON activities"
                + " DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION probe_access_at_commit()");
    }

    /** A new user with an app password for the probes' requests: one SHA-256 and one look-up each instead of PBKDF2. */
    private static String signUp(String who) {
        String email = TestAccounts.uniqueEmail(who);
        assertEquals(201, a.postJson("/api/signup", "{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD
                + "\",\"displayName\":\"Clustered\"}").statusCode());
        APP_PASSWORDS.put(email, stringIn(created(a.sendJson("POST", "/api/app-passwords", "{\"name\":\"probe\"}",
                email, PASSWORD)), "token"));
        return email;
    }

    private static String appPassword(String email) {
        return APP_PASSWORDS.get(email);
    }

    private static String created(HttpResponse<String> answer) {
        assertEquals(201, answer.statusCode(), answer.body());
        return answer.body();
    }

    private static String stringIn(String json, String field) {
        Matcher value = Pattern.compile("\"" + field + "\":\"([^\"]+)\"").matcher(json);
        assertTrue(value.find(), json);
        return value.group(1);
    }

    /**
     * In the spirit of Meta's Polaris: while a writer keeps changing the user's data on A, readers on B check that
     * no read returns a cache_version older than one committed more than 1 s before the read started. Reads until
     * {@code wanted}, or for {@code duration} when one is given.
     */
    private static void probeStaleReads(String email, int wanted, String fault) throws Exception {
        probeStaleReads(email, wanted, Duration.ZERO, fault);
    }

    private static void probeStaleReads(String email, int wanted, Duration duration, String fault) throws Exception {
        long until = System.nanoTime() + duration.toNanos();
        List<long[]> commits = Collections.synchronizedList(new ArrayList<>());
        List<long[]> reads = Collections.synchronizedList(new ArrayList<>());
        AtomicBoolean done = new AtomicBoolean();
        ExecutorService threads = Executors.newFixedThreadPool(3);
        Future<?> writer = threads.submit(() -> {
            while (!done.get()) {
                assertEquals(201, a.sendJson("POST", "/api/contacts", "{\"name\":\"Probe\"}", email, appPassword(email))
                        .statusCode());
                long committedBy = System.nanoTime();
                commits.add(new long[] {committedBy, versionIn(a.getJson("/api/metadata", email, appPassword(email)).body())});
            }
            return null;
        });
        List<Future<?>> readers = new ArrayList<>();
        for (int r = 0; r < 2; r++) {
            readers.add(threads.submit(() -> {
                while (reads.size() < wanted || System.nanoTime() < until) {
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
        System.out.printf("stale-read probe (%s): %d reads on B, %d changes on A, %d reads older than a change"
                + " committed more than 1 s before%n", fault, reads.size(), commits.size(), stale);
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
        HttpResponse<String> answer = node.getJson("/api/metadata/cache-validity?version=0", email, appPassword(email));
        assertEquals(200, answer.statusCode(), answer.body());
        return versionIn(answer.body());
    }
}
