package dev.kontak.web.faults;

import static dev.kontak.web.testing.TestAccounts.PASSWORD;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.kontak.web.testing.OwnPostgres;
import dev.kontak.web.testing.RunningKontak;
import dev.kontak.web.testing.TestAccounts;
import dev.kontak.web.testing.Visitor;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kontak on a PostgreSQL server of the test's own, which is restarted and then stopped for 15 s while four writers
 * create contacts through the API, a signed-in browser reads the contact list and a monitor polls readiness. Every
 * request is answered within 2 s (1 s for readiness), with 201/200 or with 503, Retry-After and Kontak's own error;
 * service resumes within 2 s of the database's return; every contact acknowledged is in the database, with its
 * owner's metadata counting it; the background reconciliation carries on afterwards.
 */
class DatabaseOutageIT {

    private static final Duration REQUEST_LIMIT = Duration.ofSeconds(2);
    private static final Duration READINESS_LIMIT = Duration.ofSeconds(1);
    private static final int WRITERS = 4;

    /** One request and what came of it; status 0 when no answer came within the limit. */
    private record Answer(String who, long started, long finished, int status, String retryAfter, String body,
            String name) {

        boolean startedWithin(long from, long until) {
            return started >= from && started < until;
        }
    }

    @TempDir
    static Path workDir;

    private static OwnPostgres postgres;
    private static OwnPostgres.Database database;
    private static RunningKontak kontak;

    @BeforeAll
    static void startKontakOnItsOwnDatabase() throws Exception {
        assumeTrue(OwnPostgres.binaries().isPresent(), "no PostgreSQL binaries to run a server of the test's own");
        postgres = OwnPostgres.started();
        database = postgres.createDatabase("kontak");
        kontak = RunningKontak.startWar(workDir, Map.of("KONTAK_DB_URL", database.url(),
                "KONTAK_DB_USER", database.login(), "KONTAK_DB_PASSWORD", database.password(),
                "KONTAK_DB_OWNER_USER", "postgres", "KONTAK_DB_OWNER_PASSWORD", "-",
                "KONTAK_PASSWORD_ITERATIONS", "1024"), Path.of(System.getProperty("kontak.war", "target/kontak.war")),
                List.of("--nocluster"));
    }

    @AfterAll
    static void stop() throws Exception {
        if (kontak != null) {
            kontak.close();
            Path logs = Files.createDirectories(Path.of("target", "fault-logs"));
            Files.writeString(logs.resolve("database-outage.log"), kontak.log());
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void aRestartAndAFifteenSecondStopAreAnsweredWith503AndLoseNoAcknowledgedWrite() throws Exception {
        Visitor api = new Visitor(kontak.base());
        List<String> writers = new ArrayList<>();
        for (int w = 0; w < WRITERS; w++) {
            writers.add(signUp(api, "outage-" + w));
        }
        Visitor browser = new Visitor(kontak.base());
        browser.get("/login");
        assertEquals(303, browser.submit("/login", Map.of("email", writers.get(0), "password", PASSWORD)).statusCode());

        ConcurrentLinkedQueue<Answer> answers = new ConcurrentLinkedQueue<>();
        AtomicBoolean done = new AtomicBoolean();
        ExecutorService load = Executors.newFixedThreadPool(WRITERS + 2);
        List<Future<?>> running = new ArrayList<>();
        for (String writer : writers) {
            running.add(load.submit(() -> write(api, writer, answers, done)));
        }
        running.add(load.submit(() -> repeat(done, () -> answers.add(ask(browser, "browser", "/contacts",
                REQUEST_LIMIT)))));
        running.add(load.submit(() -> repeat(done, () -> {
            answers.add(ask(api, "readiness", "/health/ready", READINESS_LIMIT));
            Thread.sleep(100);
        })));

        Thread.sleep(1_500);
        postgres.restart();
        Thread.sleep(3_000);
        postgres.stop();
        long stopped = System.nanoTime();
        Thread.sleep(15_000);
        long starting = System.nanoTime();
        postgres.start();
        long back = System.nanoTime();
        await("every writer has written again").atMost(Duration.ofSeconds(30)).until(() -> writers.stream()
                .allMatch(writer -> answers.stream().anyMatch(a -> a.who().equals(writer) && a.status() == 201
                        && a.started() >= back)));
        Thread.sleep(1_000);
        done.set(true);
        for (Future<?> task : running) {
            task.get();
        }
        load.shutdown();

        List<Answer> all = List.copyOf(answers);
        List<Answer> unanswered = all.stream().filter(a -> a.status() == 0).toList();
        assertEquals(List.of(), unanswered, "every request is answered in time");
        assertEquals(Set.of(), statusesOf(all, "readiness", Set.of(200, 503)), "readiness is UP or DOWN");
        assertEquals(Set.of(), statusesOf(all, "browser", Set.of(200, 503)), "the page is shown or refused for now");
        for (String writer : writers) {
            assertEquals(Set.of(), statusesOf(all, writer, Set.of(201, 503)), "a write is accepted or refused for now");
        }
        List<Answer> refused = all.stream().filter(a -> a.status() == 503 && !a.who().equals("readiness")).toList();
        assertTrue(refused.size() > 0, "the outage was seen");
        for (Answer answer : refused) {
            assertEquals("5", answer.retryAfter(), answer.toString());
            assertTrue(answer.body().contains("cannot reach its database"), answer.toString());
            assertTrue(!answer.body().contains("Exception") && !answer.body().contains("\tat "), answer.toString());
        }
        List<Answer> readinessWhileStopped = all.stream()
                .filter(a -> a.who().equals("readiness") && a.startedWithin(stopped, starting)).toList();
        assertTrue(readinessWhileStopped.size() > 10, "readiness was polled while the database was stopped");
        assertEquals(Set.of(503), readinessWhileStopped.stream().map(Answer::status).collect(Collectors.toSet()),
                "readiness is DOWN while the database is stopped");

        double resumed = writers.stream().mapToLong(writer -> all.stream()
                .filter(a -> a.who().equals(writer) && a.status() == 201 && a.started() >= back)
                .mapToLong(Answer::finished).min().orElseThrow() - back).max().orElseThrow() / 1e9;
        System.out.printf("database outage: %d requests, %d answered 503, slowest answer %.2f s, every writer served"
                + " again %.2f s after the database was back%n", all.size(), refused.size(),
                all.stream().mapToLong(a -> a.finished() - a.started()).max().orElseThrow() / 1e9, resumed);
        assertTrue(resumed <= REQUEST_LIMIT.toSeconds(), "service resumed " + resumed + " s after the database");

        try (Connection sql = database.connectAsOwner()) {
            for (String writer : writers) {
                Set<String> stored = namesOf(sql, writer);
                Set<String> acknowledged = namesWith(all, writer, 201);
                Set<String> answered = new HashSet<>(acknowledged);
                answered.addAll(namesWith(all, writer, 503));
                assertTrue(stored.containsAll(acknowledged), "every acknowledged contact of " + writer + " is stored");
                assertTrue(answered.containsAll(stored), "nothing is stored that was not asked for");
                assertEquals(stored.size(), metadataCount(sql, writer, "SELECT contact_count FROM user_metadata"),
                        "the metadata counts every stored contact: none is half-written");
                assertEquals(stored.size(), metadataCount(sql, writer,
                        "SELECT count(*) FROM user_contact_access"), "and gives access to each");
            }
        }
        reconciliationCarriesOn(api, writers.get(0));
    }

    /** A change no invalidation told of (plain SQL) is in the views from 1 s after it: the job still runs. */
    private static void reconciliationCarriesOn(Visitor api, String email) throws Exception {
        cacheVersion(api, email);
        long changed;
        try (Connection sql = database.connectAsOwner(); PreparedStatement update = sql.prepareStatement(
                "UPDATE user_metadata SET cache_version = cache_version + 1 WHERE user_id = (SELECT id FROM users"
                        + " WHERE email = ?) RETURNING cache_version")) {
            update.setString(1, email);
            try (ResultSet row = update.executeQuery()) {
                row.next();
                changed = row.getLong(1);
            }
        }
        Thread.sleep(1_000);
        assertEquals(changed, cacheVersion(api, email));
    }

    private static long cacheVersion(Visitor api, String email) {
        HttpResponse<String> answer = api.getJson("/api/metadata/cache-validity?version=0", email, PASSWORD);
        assertEquals(200, answer.statusCode(), answer.body());
        Matcher version = Pattern.compile("\"cacheVersion\":(\\d+)").matcher(answer.body());
        assertTrue(version.find(), answer.body());
        return Long.parseLong(version.group(1));
    }

    private static Void write(Visitor api, String writer, ConcurrentLinkedQueue<Answer> answers, AtomicBoolean done) {
        for (int i = 0; !done.get(); i++) {
            String name = writer.substring(0, writer.indexOf('@')) + " " + i;
            HttpRequest.Builder request = HttpRequest.newBuilder(api.resolve("/api/contacts")).timeout(REQUEST_LIMIT)
                    .header("Authorization", Visitor.basic(writer, PASSWORD)).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"" + name + "\"}"));
            answers.add(answer(api, writer, request, name));
        }
        return null;
    }

    private interface Step {
        void run() throws Exception;
    }

    private static Void repeat(AtomicBoolean done, Step step) throws Exception {
        while (!done.get()) {
            step.run();
        }
        return null;
    }

    private static Answer ask(Visitor visitor, String who, String path, Duration limit) {
        return answer(visitor, who, HttpRequest.newBuilder(visitor.resolve(path)).timeout(limit).GET(), null);
    }

    private static Answer answer(Visitor visitor, String who, HttpRequest.Builder request, String name) {
        long started = System.nanoTime();
        try {
            HttpResponse<String> response = visitor.send(request);
            return new Answer(who, started, System.nanoTime(), response.statusCode(),
                    response.headers().firstValue("Retry-After").orElse(null), response.body(), name);
        } catch (RuntimeException noAnswer) {
            return new Answer(who, started, System.nanoTime(), 0, null, String.valueOf(noAnswer), name);
        }
    }

    /** The answers of another status, each as its status and the start of its body: what the server said. */
    private static Set<String> statusesOf(List<Answer> answers, String who, Set<Integer> expected) {
        return answers.stream().filter(a -> a.who().equals(who) && !expected.contains(a.status()))
                .map(a -> a.status() + " " + a.body().substring(0, Math.min(200, a.body().length())))
                .collect(Collectors.toSet());
    }

    private static Set<String> namesWith(List<Answer> answers, String who, int status) {
        return answers.stream().filter(a -> a.who().equals(who) && a.status() == status).map(Answer::name)
                .collect(Collectors.toSet());
    }

    private static Set<String> namesOf(Connection sql, String email) throws SQLException {
        try (PreparedStatement query = sql.prepareStatement("SELECT c.name FROM contacts c JOIN users u"
                + " ON u.id = c.owner_id WHERE u.email = ?")) {
            query.setString(1, email);
            Set<String> names = new HashSet<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    names.add(rows.getString(1));
                }
            }
            return names;
        }
    }

    private static long metadataCount(Connection sql, String email, String select) throws SQLException {
        try (PreparedStatement query = sql.prepareStatement(select
                + " WHERE user_id = (SELECT id FROM users WHERE email = ?)")) {
            query.setString(1, email);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    private static String signUp(Visitor api, String who) {
        String email = TestAccounts.uniqueEmail(who);
        assertEquals(201, api.postJson("/api/signup", "{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD
                + "\",\"displayName\":\"Outage\"}").statusCode());
        return email;
    }
}
