package dev.kontak.web.security;

import static dev.kontak.web.testing.TestAccounts.PASSWORD;
import static dev.kontak.web.testing.TestAccounts.uniqueEmail;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kontak.web.testing.SharedKontak;
import dev.kontak.web.testing.TestDatabase;
import dev.kontak.web.testing.Visitor;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.net.URL;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.postgresql.util.PSQLException;

/**
 * PostgreSQL's row level security, seen by a query that forgets its user filter. The data is made through the API
 * (by a server that itself connects as this run's application role); then plain JDBC connects as that same role and
 * runs {@code SELECT * FROM contacts} and the like without any WHERE: a transaction acting for one user gets that
 * user's rows only, one acting for nobody gets none, and only an explicit switch to kontak_maintenance sees all.
 */
class RowLevelSecurityIT {

    URL base = SharedKontak.url();

    Visitor visitor;

    record User(String email, UUID id) {
    }

    User alice;
    User bob;
    User carol;
    String alicesOwn;
    String shared;
    String bobsOwn;
    String carolsOwn;

    /** Alice owns a team with Bob; Carol is on her own. Each has a contact, Alice shares one more with the team. */
    @BeforeEach
    void aliceBobAndCarol() throws Exception {
        visitor = new Visitor(base.toURI());
        alice = signUp("alice");
        bob = signUp("bob");
        carol = signUp("carol");
        alicesOwn = create(alice, "Alice Own");
        shared = create(alice, "Team Shared");
        bobsOwn = create(bob, "Bob Own");
        carolsOwn = create(carol, "Carol Own");
        String team = ok(201, call(alice, "POST", "/api/teams", "{\"name\":\"Alice and Bob\"}")).getString("id");
        ok(201, call(alice, "POST", "/api/teams/" + team + "/members", "{\"email\":\"" + bob.email() + "\"}"));
        ok(200, call(alice, "PUT", "/api/contacts/" + shared + "/team", "{\"teamId\":\"" + team + "\"}"));
        log(alice, alicesOwn);
        log(bob, shared);
        log(bob, bobsOwn);
        log(carol, carolsOwn);
        assertEquals(403, call(bob, "GET", "/api/contacts/" + alicesOwn, null).statusCode());
        assertEquals(403, call(carol, "GET", "/api/contacts/" + shared, null).statusCode());
    }

    @Test
    void queriesWithoutAUserFilterReturnOnlyTheCallersRows() throws SQLException {
        try (Connection db = TestDatabase.connectAsApplication()) {
            db.setAutoCommit(false);

            actFor(db, alice);
            assertEquals(Set.of(alicesOwn, shared), column(db, "SELECT id FROM contacts"));
            assertEquals(Set.of(alice.id().toString()), column(db, "SELECT user_id FROM user_metadata"));
            assertEquals(Set.of(alicesOwn, shared), column(db, "SELECT contact_id FROM activities"), "hers and Bob's on the shared one");
            assertEquals(2, column(db, "SELECT id FROM activities").size());
            assertEquals(Set.of(), column(db, "SELECT user_id FROM access_refusals"));
            assertEquals(Set.of(alice.id().toString()), column(db, "SELECT user_id FROM user_metadata_with_contact_ids"));
            db.rollback();

            actFor(db, bob);
            assertEquals(Set.of(bobsOwn, shared), column(db, "SELECT id FROM contacts"));
            assertEquals(Set.of(bob.id().toString()), column(db, "SELECT user_id FROM user_metadata"));
            assertEquals(Set.of(bobsOwn, shared), column(db, "SELECT contact_id FROM activities"));
            assertEquals(Set.of(alicesOwn), column(db, "SELECT contact_id FROM access_refusals"), "his own refusal only");
            db.rollback();

            actFor(db, carol);
            assertEquals(Set.of(carolsOwn), column(db, "SELECT id FROM contacts"));
            assertEquals(Set.of(shared), column(db, "SELECT contact_id FROM access_refusals"));
            db.rollback();
        }
    }

    @Test
    void aTransactionActingForNobodySeesNothing() throws SQLException {
        try (Connection db = TestDatabase.connectAsApplication()) {
            for (String table : List.of("contacts", "user_metadata", "activities", "access_refusals")) {
                assertEquals(Set.of(), column(db, "SELECT id FROM " + table), table);
            }
            db.setAutoCommit(false);
            actFor(db, alice);
            db.commit(); // the setting was the transaction's: the next one acts for nobody again
            assertEquals(Set.of(), column(db, "SELECT id FROM contacts"));
            db.rollback();
        }
    }

    @Test
    void writesWithoutAUserFilterTouchOnlyTheCallersRowsAndNobodyWritesForSomeoneElse() throws SQLException {
        try (Connection db = TestDatabase.connectAsApplication()) {
            db.setAutoCommit(false);
            actFor(db, bob);
            try (Statement statement = db.createStatement()) {
                assertEquals(2, statement.executeUpdate("UPDATE contacts SET name = name"));
                assertEquals(1, statement.executeUpdate("UPDATE user_metadata SET contact_count = contact_count"));
                assertEquals(0, statement.executeUpdate("DELETE FROM contacts WHERE id = '" + carolsOwn + "'"));
            }
            db.rollback();

            actFor(db, bob);
            PSQLException forged = assertThrows(PSQLException.class, () -> {
                try (PreparedStatement insert = db.prepareStatement("INSERT INTO contacts (id, owner_id, name, created_at, "
                        + "updated_at, version) VALUES (?, ?, 'Forged', now(), now(), 1)")) {
                    insert.setObject(1, UUID.randomUUID());
                    insert.setObject(2, carol.id());
                    insert.executeUpdate();
                }
            });
            assertTrue(forged.getMessage().contains("row-level security"), forged.getMessage());
            db.rollback();
        }
        assertEquals(1L, TestDatabase.count("SELECT count(*) FROM contacts WHERE id = ?", UUID.fromString(carolsOwn)));
        assertEquals(0L, TestDatabase.count("SELECT count(*) FROM contacts WHERE name = 'Forged'"));
    }

    @Test
    void onlyAnExplicitSwitchToTheMaintenanceRoleSeesEveryUsersRows() throws SQLException {
        try (Connection db = TestDatabase.connectAsApplication()) {
            assertFalse((Boolean) single(db, "SELECT pg_has_role(current_user, 'kontak_maintenance', 'USAGE')"),
                    "the application's role does not hold the bypass's rights by itself");
            assertTrue((Boolean) single(db, "SELECT pg_has_role(current_user, 'kontak_maintenance', 'MEMBER')"),
                    "but may switch to it");
            db.setAutoCommit(false);
            actFor(db, alice);
            try (Statement statement = db.createStatement()) {
                statement.execute("SET LOCAL ROLE kontak_maintenance");
            }
            assertTrue(column(db, "SELECT id FROM contacts").containsAll(Set.of(alicesOwn, shared, bobsOwn, carolsOwn)));
            assertTrue(column(db, "SELECT user_id FROM user_metadata").containsAll(
                    Set.of(alice.id().toString(), bob.id().toString(), carol.id().toString())));
            assertTrue(column(db, "SELECT user_id FROM access_refusals").containsAll(
                    Set.of(bob.id().toString(), carol.id().toString())));
            db.rollback();
            assertEquals(Set.of(), column(db, "SELECT id FROM contacts"), "and only for that transaction");
            db.rollback();
        }
    }

    private static void actFor(Connection db, User user) throws SQLException {
        try (PreparedStatement set = db.prepareStatement("SELECT set_config('kontak.user_id', ?, true)")) {
            set.setString(1, user.id().toString());
            set.executeQuery().close();
        }
    }

    private static Set<String> column(Connection db, String sql) throws SQLException {
        Set<String> values = new HashSet<>();
        try (Statement statement = db.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return values;
    }

    private static Object single(Connection db, String sql) throws SQLException {
        try (Statement statement = db.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getObject(1);
        }
    }

    private User signUp(String who) {
        String email = uniqueEmail(who);
        JsonObject account = ok(201, visitor.postJson("/api/signup", "{\"email\":\"" + email + "\",\"password\":\""
                + PASSWORD + "\",\"displayName\":\"" + who + "\"}"));
        return new User(email, UUID.fromString(account.getString("id")));
    }

    private String create(User owner, String name) {
        return ok(201, call(owner, "POST", "/api/contacts", "{\"name\":\"" + name + "\"}")).getString("id");
    }

    private void log(User author, String contact) {
        ok(201, call(author, "POST", "/api/contacts/" + contact + "/activities",
                "{\"type\":\"NOTE\",\"occurredAt\":\"2026-11-26T10:00:00Z\",\"summary\":\"Spoke\"}"));
    }

    private HttpResponse<String> call(User user, String method, String path, String json) {
        return visitor.sendJson(method, path, json, user.email(), PASSWORD);
    }

    private static JsonObject ok(int status, HttpResponse<String> response) {
        assertEquals(status, response.statusCode(), response.body());
        try (JsonReader reader = Json.createReader(new StringReader(response.body()))) {
            return reader.readObject();
        }
    }
}
