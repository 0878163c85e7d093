package dev.kontak.web.seed;

import static dev.kontak.web.testing.TestAccounts.ADMIN_EMAIL;
import static dev.kontak.web.testing.TestAccounts.ADMIN_PASSWORD;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kontak.web.testing.SharedKontak;
import dev.kontak.web.testing.TestDatabase;
import dev.kontak.web.testing.Visitor;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.net.URL;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What {@link SampleData} writes on PostgreSQL, checked by the application itself: its metadata rows, made by the SQL
 * rule, are what Kontak's own full recompute gives for every sample user but exactly the ones damaged on purpose,
 * which "verify integrity of all users" finds and repairs; and its contacts look like people (Datafaker), as the
 * scale benchmark's searches expect.
 */
class SampleDataIT {

    private static final int LONE_CONTACTS = 40;

    URL base = SharedKontak.url();

    @AfterEach
    void removeTheSampleUsers() throws SQLException {
        try (Connection db = TestDatabase.connect(); Statement statement = db.createStatement()) {
            statement.execute("DELETE FROM teams WHERE created_by IN (SELECT id FROM users WHERE email LIKE 'sample-%@kontak.example')");
            statement.execute("DELETE FROM users WHERE email LIKE 'sample-%@kontak.example'");
        }
    }

    @Test
    void everySampleRowIsAFullRecomputeButTheOnesDamagedOnPurposeWhichVerifyingRepairs() throws Exception {
        SampleData.Written sample;
        try (Connection db = TestDatabase.connect()) {
            sample = new SampleData().fill(db, new SampleData.Plan(300, 4, 2, true, LONE_CONTACTS));
        }
        assertEquals(301, sample.users());
        assertEquals(300 * 4 + LONE_CONTACTS, sample.contacts());
        assertEquals(sample.contacts() * 2, sample.activities());
        assertTrue(sample.missingRows() > 0 && sample.driftedRows() > 0, "flaws of both kinds: " + sample);
        String lone = sample.emails().get(sample.emails().size() - 1);
        assertTrue(lone.matches("sample-[0-9a-f]{6}-lone@kontak\\.example"), lone);
        assertEquals(LONE_CONTACTS, TestDatabase.count("SELECT count(*) FROM user_contact_access a JOIN users u "
                + "ON u.id = a.user_id WHERE u.email = ?", lone), "the lone user's access list, made by the SQL rule");

        JsonObject run = verifyEveryone();

        assertEquals(0, run.getInt("failures"), run.toString());
        Map<UUID, String> outcomes = outcomes(sample);
        assertEquals(sample.users(), outcomes.size(), "every sample user checked: " + run);
        Set<UUID> repaired = new HashSet<>();
        outcomes.forEach((user, outcome) -> {
            if (outcome.equals("REPAIRED")) {
                repaired.add(user);
            } else {
                assertEquals("MATCHED", outcome, user.toString());
            }
        });
        Set<UUID> unfound = new HashSet<>(sample.flawed());
        unfound.removeAll(repaired);
        repaired.removeAll(sample.flawed());
        assertEquals(Set.of(), repaired, "repaired, though written by the SQL rule and left alone");
        assertEquals(Set.of(), unfound, "damaged on purpose, and not found");
    }

    @Test
    void sampleContactsAreMadeUpPeopleAtExampleComAndNoneContainsZq() throws SQLException {
        SampleData.Written sample;
        try (Connection db = TestDatabase.connect()) {
            sample = new SampleData().fill(db, new SampleData.Plan(30, 30, 0, false));
        }
        String ofSamples = " FROM contacts c JOIN users u ON u.id = c.owner_id WHERE u.email LIKE 'sample-%@kontak.example'";
        assertEquals(900, TestDatabase.count("SELECT count(*)" + ofSamples));
        assertEquals(0, sample.flawed().size());
        assertEquals(900, TestDatabase.count("SELECT count(*)" + ofSamples + " AND c.email LIKE '%@example.com'"),
                "an address at example.com");
        assertEquals(0, TestDatabase.count("SELECT count(*)" + ofSamples + " AND c.search_text LIKE '%zq%'"),
                "the scale benchmark's 'no match'");
        assertEquals(900, TestDatabase.count("SELECT count(*)" + ofSamples + " AND c.search_text LIKE '%co%' "
                + "AND c.search_text LIKE '%exampl%'"), "the scale benchmark's 'many matches'");
        assertTrue(TestDatabase.count("SELECT count(DISTINCT c.name)" + ofSamples) > 800, "names, not numbers");
        long indonesian = TestDatabase.count("SELECT count(*)" + ofSamples + " AND c.phone LIKE '08%'");
        long english = TestDatabase.count("SELECT count(*)" + ofSamples + " AND c.phone LIKE '(%'");
        assertEquals(600, indonesian, "two in three have an Indonesian mobile number");
        assertEquals(300, english, "one in three an American one");
        assertEquals(0, TestDatabase.count("SELECT count(*)" + ofSamples + " AND (c.company IS NULL OR c.company = '')"));
    }

    /** "Verify integrity of all users" as the administrator, to its end. */
    private JsonObject verifyEveryone() throws Exception {
        Visitor admin = new Visitor(base.toURI());
        admin.get("/login");
        assertEquals(303, admin.submit("/login", Map.of("email", ADMIN_EMAIL, "password", ADMIN_PASSWORD)).statusCode());
        admin.get("/admin/metadata");
        assertEquals(303, admin.submit("/admin/metadata/batch", Map.of("kind", "VERIFY")).statusCode());
        return await("verifying every user ends").atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(500))
                .until(() -> progress(admin),
                        run -> !run.getBoolean("running") && run.getString("kind", "").equals("verify-all-users"));
    }

    private static JsonObject progress(Visitor admin) {
        try (JsonReader reader = Json.createReader(new StringReader(admin.get("/admin/metadata/batch").body()))) {
            return reader.readObject();
        }
    }

    private static Map<UUID, String> outcomes(SampleData.Written sample) throws SQLException {
        Map<UUID, String> outcomes = new HashMap<>();
        try (Connection db = TestDatabase.connect(); PreparedStatement query = db.prepareStatement("SELECT u.id, "
                + "c.outcome FROM users u JOIN metadata_checks c ON c.user_id = u.id WHERE u.email = ANY (?)")) {
            Array emails = db.createArrayOf("text", sample.emails().toArray());
            query.setArray(1, emails);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    outcomes.put(rows.getObject(1, UUID.class), rows.getString(2));
                }
            }
        }
        return outcomes;
    }
}
