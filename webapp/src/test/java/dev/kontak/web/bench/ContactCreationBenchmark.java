package dev.kontak.web.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.kontak.web.testing.RunningKontak;
import dev.kontak.web.testing.TestDatabase;
import dev.kontak.web.testing.Visitor;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a change costs as a user's contacts grow, measured against kontak.jar on PostgreSQL (not part of the test
 * suite: its name does not end in IT). Run from the repository root:
 *
 * <pre>mvn -B verify -pl webapp -am -Dit.test=ContactCreationBenchmark -Dfailsafe.failIfNoSpecifiedTests=false</pre>
 *
 * <p>It creates users with 100 and 10,000 contacts, then, interleaved in one run: creates contacts through the API
 * for each (metadata by deltas, the Kontak way); creates contacts and recomputes the metadata in full (what the
 * seed's triggers did on every change); and times the access-check query against a direct indexed query on the
 * contacts table. Medians go to {@code webapp/target/benchmark-results.md}. Passwords are hashed with 1,024 (the least PBKDF2 allows)
 * iterations so that HTTP Basic does not drown what is measured.
 */
class ContactCreationBenchmark {

    private static final String PASSWORD = "benchmark-password";
    private static final int ROUNDS = Integer.getInteger("bench.rounds", 300);
    private static final int FULL_ROUNDS = Integer.getInteger("bench.fullRounds", 40);

    @Test
    void contactCreationCostStaysFlatAsContactsGrow(@TempDir Path workDir) throws Exception {
        try (RunningKontak kontak = RunningKontak.start(workDir, Map.of(
                "KONTAK_DB_URL", TestDatabase.url(),
                "KONTAK_DB_USER", "postgres",
                "KONTAK_DB_PASSWORD", "postgres",
                "KONTAK_PASSWORD_ITERATIONS", "1024"))) {
            Visitor api = new Visitor(kontak.base());
            String small = user(api, "small", 100);
            String large = user(api, "large", 10_000);
            for (int i = 0; i < 50; i++) {
                create(api, small);
                create(api, large);
            }

            List<Long> smallCreate = new ArrayList<>();
            List<Long> largeCreate = new ArrayList<>();
            for (int i = 0; i < ROUNDS; i++) {
                smallCreate.add(time(() -> create(api, small)));
                largeCreate.add(time(() -> create(api, large)));
            }
            List<Long> largeCreateAndRecompute = new ArrayList<>();
            for (int i = 0; i < FULL_ROUNDS; i++) {
                largeCreateAndRecompute.add(time(() -> {
                    create(api, large);
                    return api.send(HttpRequest.newBuilder(api.resolve("/api/metadata/refresh"))
                            .header("Authorization", Visitor.basic(large, PASSWORD))
                            .POST(HttpRequest.BodyPublishers.noBody()));
                }));
            }
            List<Long> accessQuery = new ArrayList<>();
            List<Long> directQuery = new ArrayList<>();
            measureQueries(large, accessQuery, directQuery);

            String report = String.join("\n",
                    "| measurement (median of one interleaved run) | value |",
                    "|---|---|",
                    row("POST /api/contacts, user with 100 contacts", smallCreate, ROUNDS),
                    row("POST /api/contacts, user with 10,000 contacts", largeCreate, ROUNDS),
                    "| ratio 10,000 / 100 (goal <= 1.5) | " + ratio(largeCreate, smallCreate) + " |",
                    row("POST /api/contacts + full recompute, user with 10,000 contacts", largeCreateAndRecompute,
                            FULL_ROUNDS),
                    "| full recompute / incremental at 10,000 (goal >= 10) | "
                            + ratio(largeCreateAndRecompute, largeCreate) + " |",
                    row("access check query (user_contact_access primary key)", accessQuery, accessQuery.size()),
                    row("direct indexed query on contacts (owner or team)", directQuery, directQuery.size()),
                    "| access check / direct query | " + ratio(accessQuery, directQuery) + " |",
                    "");
            Files.writeString(Path.of("target", "benchmark-results.md"), report);
            System.out.println(report);
        }
    }

    private static String user(Visitor api, String who, int contacts) throws SQLException {
        String email = who + "-" + UUID.randomUUID().toString().substring(0, 6) + "@bench.test";
        HttpResponse<String> created = api.postJson("/api/signup",
                "{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD + "\",\"displayName\":\"" + who + "\"}");
        assertEquals(201, created.statusCode(), created.body());
        Matcher id = Pattern.compile("\"id\":\"([^\"]+)\"").matcher(created.body());
        id.find();
        seedContacts(UUID.fromString(id.group(1)), contacts);
        HttpResponse<String> refreshed = api.send(HttpRequest.newBuilder(api.resolve("/api/metadata/refresh"))
                .header("Authorization", Visitor.basic(email, PASSWORD)).POST(HttpRequest.BodyPublishers.noBody()));
        assertEquals(200, refreshed.statusCode(), refreshed.body());
        assertEquals(true, refreshed.body().contains("\"contactCount\":" + contacts), refreshed.body());
        return email;
    }

    /** Existing contacts are written directly, then the user's metadata is recomputed once through the API. */
    private static void seedContacts(UUID owner, int count) throws SQLException {
        try (Connection db = TestDatabase.connect(); PreparedStatement insert = db.prepareStatement(
                "INSERT INTO contacts (id, owner_id, name, email, created_at, updated_at, version) "
                        + "VALUES (?, ?, ?, ?, ?, ?, 1)")) {
            Timestamp now = Timestamp.from(Instant.now());
            for (int i = 0; i < count; i++) {
                insert.setObject(1, UUID.randomUUID());
                insert.setObject(2, owner);
                insert.setString(3, "Seeded " + i);
                insert.setString(4, "seeded" + i + "@example.com");
                insert.setTimestamp(5, now);
                insert.setTimestamp(6, now);
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private static HttpResponse<String> create(Visitor api, String email) {
        HttpResponse<String> created = api.send(HttpRequest.newBuilder(api.resolve("/api/contacts"))
                .header("Authorization", Visitor.basic(email, PASSWORD))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"name\":\"Benchmark Person\",\"email\":\"bench@example.com\",\"company\":\"Acme\"}")));
        assertEquals(201, created.statusCode(), created.body());
        return created;
    }

    private static void measureQueries(String email, List<Long> accessQuery, List<Long> directQuery)
            throws SQLException {
        try (Connection db = TestDatabase.connect()) {
            UUID user = uuid(db, "SELECT id FROM users WHERE email = ?", email);
            List<UUID> contacts = new ArrayList<>();
            try (PreparedStatement query = db.prepareStatement("SELECT id FROM contacts WHERE owner_id = ? LIMIT 1000")) {
                query.setObject(1, user);
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        contacts.add((UUID) rows.getObject(1));
                    }
                }
            }
            try (PreparedStatement access = db.prepareStatement(
                    "SELECT 1 FROM user_contact_access WHERE user_id = ? AND contact_id = ?");
                    PreparedStatement direct = db.prepareStatement("SELECT 1 FROM contacts WHERE id = ? AND "
                            + "(owner_id = ? OR team_id IN (SELECT team_id FROM team_members WHERE user_id = ?))")) {
                for (int round = 0; round < 3; round++) {
                    for (UUID contact : contacts) {
                        accessQuery.add(time(() -> exists(access, user, contact)));
                        directQuery.add(time(() -> exists(direct, contact, user, user)));
                    }
                }
            }
        }
    }

    private static boolean exists(PreparedStatement query, UUID... parameters) {
        try {
            for (int i = 0; i < parameters.length; i++) {
                query.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rows = query.executeQuery()) {
                return rows.next();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static UUID uuid(Connection db, String sql, String parameter) throws SQLException {
        try (PreparedStatement query = db.prepareStatement(sql)) {
            query.setString(1, parameter);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return (UUID) rows.getObject(1);
            }
        }
    }

    private static long time(Supplier<?> work) {
        long start = System.nanoTime();
        work.get();
        return System.nanoTime() - start;
    }

    private static double median(List<Long> nanos) {
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2) / 1_000_000.0;
    }

    private static String row(String what, List<Long> nanos, int samples) {
        return String.format("| %s | %.3f ms (n=%d) |", what, median(nanos), samples);
    }

    private static String ratio(List<Long> a, List<Long> b) {
        return String.format("%.2f", median(a) / median(b));
    }
}
