package dev.kontak.web.signin;

import static dev.kontak.web.testing.Page.alert;
import static dev.kontak.web.testing.Page.fieldError;
import static dev.kontak.web.testing.Page.texts;
import static dev.kontak.web.testing.TestAccounts.PASSWORD;
import static dev.kontak.web.testing.TestAccounts.uniqueEmail;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.kontak.web.testing.Page;
import dev.kontak.web.testing.SharedKontak;
import dev.kontak.web.testing.TestDatabase;
import dev.kontak.web.testing.Visitor;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.net.URI;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * App passwords through HTTP, on Payara Micro against PostgreSQL with row level security: created on the account
 * page and through the API, used with Bearer and HTTP Basic, revoked, throttled, and refused wherever only the
 * account password will do. Its own deployment because it is a feature's whole suite (fourteen scenarios, row level security on its table included);
 * SignInIT would double in size.
 */
class AppPasswordsIT {

    private static final String TOKEN_SHAPE = "kontak_[A-Za-z0-9_-]{43}";

    URL base = SharedKontak.url();

    Visitor visitor;

    @BeforeEach
    void newVisitor() throws Exception {
        visitor = new Visitor(base.toURI());
    }

    @Test
    void anAppPasswordMadeThroughTheApiSignsInWithBearerAndWithBasic() {
        String email = signUp("bearer");
        String me = json(visitor.getJson("/api/me", email, PASSWORD)).getString("id");

        HttpResponse<String> created = visitor.sendJson("POST", "/api/app-passwords", "{\"name\":\"Phone sync\"}",
                email, PASSWORD);

        assertEquals(201, created.statusCode(), created.body());
        assertEquals("no-store", created.headers().firstValue("Cache-Control").orElseThrow());
        JsonObject body = json(created);
        assertEquals(List.of("createdAt", "id", "name", "token"), body.keySet().stream().sorted().toList());
        assertEquals("Phone sync", body.getString("name"));
        String token = body.getString("token");
        assertTrue(token.matches(TOKEN_SHAPE), token);

        assertEquals(me, json(bearer("GET", "/api/me", token, null)).getString("id"));
        assertEquals(me, json(visitor.getJson("/api/me", email, token)).getString("id"));
        assertEquals(me, json(visitor.getJson("/api/me", email.toUpperCase(), token)).getString("id"));
        HttpResponse<String> contact = bearer("POST", "/api/contacts", token, "{\"name\":\"Ada Bearer\"}");
        assertEquals(201, contact.statusCode(), contact.body());
        HttpResponse<String> contacts = visitor.getJson("/api/contacts", email, token);
        assertEquals(200, contacts.statusCode(), contacts.body());
        assertTrue(contacts.body().contains("Ada Bearer"), contacts.body());
        assertTrue(visitor.getJson("/api/contacts", email, PASSWORD).body().contains("Ada Bearer"),
                "the same account's contacts, whichever password");
    }

    @Test
    void theTokenIsShownOnceAndTheDatabaseKeepsOnlyItsSha256() throws Exception {
        String email = signUp("once");
        JsonObject created = create(email, "Laptop");
        String token = created.getString("token");

        HttpResponse<String> list = visitor.getJson("/api/app-passwords", email, PASSWORD);
        assertEquals(200, list.statusCode(), list.body());
        JsonObject listed = json(list.body()).asJsonArray().getJsonObject(0);
        assertEquals(List.of("createdAt", "id", "lastUsedAt", "name"), listed.keySet().stream().sorted().toList());
        assertEquals(created.getString("id"), listed.getString("id"));
        assertEquals(created.getString("createdAt"), listed.getString("createdAt"));
        assertFalse(list.body().contains(token.substring(7)), list.body());
        HttpResponse<String> page = signedInVisitor(email).get("/account");
        assertEquals(200, page.statusCode());
        assertEquals(List.of("Laptop"), texts(page, "td.app-password-name"));
        assertFalse(page.body().contains(token.substring(7)), "the page does not show it again");

        Map<String, String> row = row("SELECT * FROM app_passwords WHERE id = ?", UUID.fromString(created.getString("id")));
        assertEquals(sha256Hex(token), row.get("token_sha256"));
        row.forEach((column, value) -> assertFalse(value != null && value.contains(token.substring(7)),
                () -> column + " holds the token"));
    }

    @Test
    void lastUsedIsWrittenOnFirstUseAndThenAtMostOnceAMinute() throws Exception {
        String email = signUp("lastused");
        JsonObject created = create(email, "Sync");
        UUID id = UUID.fromString(created.getString("id"));
        String token = created.getString("token");
        assertNull(lastUsed(id), "never used");
        assertTrue(json(visitor.getJson("/api/app-passwords", email, PASSWORD).body()).asJsonArray()
                .getJsonObject(0).isNull("lastUsedAt"));

        assertEquals(200, bearer("GET", "/api/me", token, null).statusCode());
        Instant first = lastUsed(id);
        assertNotNull(first, "written on first use");
        assertEquals(200, bearer("GET", "/api/me", token, null).statusCode());
        assertEquals(200, visitor.getJson("/api/contacts", email, token).statusCode());
        assertEquals(first, lastUsed(id), "not written again within the minute");
        assertEquals(first, Instant.parse(json(visitor.getJson("/api/app-passwords", email, PASSWORD)
                .body()).asJsonArray().getJsonObject(0).getString("lastUsedAt")));

        update("UPDATE app_passwords SET last_used_at = now() - interval '2 minutes' WHERE id = ?", id);
        Instant moved = lastUsed(id);
        assertEquals(200, bearer("GET", "/api/me", token, null).statusCode());
        assertTrue(lastUsed(id).isAfter(moved), "written again once a minute has passed");
    }

    @Test
    void aRevokedAppPasswordIsRefusedAtOnceWithJson() {
        String email = signUp("revoked");
        JsonObject created = create(email, "Old phone");
        String token = created.getString("token");
        assertEquals(200, bearer("GET", "/api/me", token, null).statusCode());

        HttpResponse<String> revoked = visitor.sendJson("DELETE", "/api/app-passwords/" + created.getString("id"),
                null, email, PASSWORD);

        assertEquals(204, revoked.statusCode(), revoked.body());
        for (HttpResponse<String> refused : List.of(bearer("GET", "/api/me", token, null),
                visitor.getJson("/api/contacts", email, token))) {
            assertEquals(401, refused.statusCode());
            assertTrue(refused.headers().firstValue("Content-Type").orElseThrow().startsWith("application/json"));
            assertTrue(refused.body().startsWith("{\"error\":"), refused.body());
        }
        assertEquals("{\"error\":\"Unknown or revoked app password.\"}", bearer("GET", "/api/me", token, null).body());
        assertEquals("[]", visitor.getJson("/api/app-passwords", email, PASSWORD).body());
        assertEquals(404, visitor.sendJson("DELETE", "/api/app-passwords/" + created.getString("id"), null, email,
                PASSWORD).statusCode(), "already gone");
        assertEquals(200, visitor.getJson("/api/me", email, PASSWORD).statusCode(), "the account password still works");
    }

    @Test
    void nobodyRevokesOrSeesAnotherUsersAppPassword() throws SQLException {
        String alice = signUp("alice");
        String bob = signUp("bob");
        JsonObject alices = create(alice, "Alice's tablet");
        String id = alices.getString("id");

        HttpResponse<String> api = visitor.sendJson("DELETE", "/api/app-passwords/" + id, null, bob, PASSWORD);
        Visitor bobOnPages = signedInVisitor(bob);
        bobOnPages.get("/account");
        HttpResponse<String> page = bobOnPages.submit("/account/" + id + "/revoke", Map.of());

        assertEquals(404, api.statusCode(), api.body());
        assertEquals("{\"error\":\"You have no app password with this id.\"}", api.body());
        assertEquals(404, page.statusCode());
        assertEquals(1, TestDatabase.count("SELECT count(*) FROM app_passwords WHERE id = ?", UUID.fromString(id)));
        assertEquals(200, bearer("GET", "/api/me", alices.getString("token"), null).statusCode(), "still works");
        assertEquals("[]", visitor.getJson("/api/app-passwords", bob, PASSWORD).body());
        HttpResponse<String> bobsAccount = bobOnPages.get("/account");
        assertEquals("You have no app passwords.", Page.text(bobsAccount, "p.empty"));
        assertFalse(Page.of(bobsAccount).text().contains("Alice's tablet"));
        assertEquals(400, visitor.sendJson("DELETE", "/api/app-passwords/not-an-id", null, bob, PASSWORD).statusCode());
    }

    @Test
    void anAppPasswordCannotManageAppPasswords() throws SQLException {
        String email = signUp("nomint");
        JsonObject created = create(email, "Script");
        String token = created.getString("token");

        List<HttpResponse<String>> answers = List.of(
                bearer("POST", "/api/app-passwords", token, "{\"name\":\"Minted\"}"),
                visitor.sendJson("POST", "/api/app-passwords", "{\"name\":\"Minted\"}", email, token),
                bearer("GET", "/api/app-passwords", token, null),
                bearer("DELETE", "/api/app-passwords/" + created.getString("id"), token, null));

        for (HttpResponse<String> answer : answers) {
            assertEquals(403, answer.statusCode(), answer.body());
            assertTrue(answer.body().contains("managed with the account password"), answer.body());
            assertFalse(answer.body().contains(token.substring(7)));
        }
        assertEquals(0, TestDatabase.count("SELECT count(*) FROM app_passwords WHERE name = 'Minted'"));
        assertEquals(200, bearer("GET", "/api/me", token, null).statusCode(), "not revoked by itself");
    }

    @Test
    void pagesNeverTakeAnAppPassword() {
        String email = signUp("pages");
        String token = create(email, "Not for pages").getString("token");
        Visitor browser = new Visitor(visitor.resolve("/"));
        browser.get("/login");

        HttpResponse<String> form = browser.submit("/login", Map.of("email", email, "password", token));
        HttpResponse<String> withHeader = visitor.send(HttpRequest.newBuilder(visitor.resolve("/contacts"))
                .header("Authorization", "Bearer " + token));
        HttpResponse<String> withBasic = visitor.send(HttpRequest.newBuilder(visitor.resolve("/account"))
                .header("Authorization", Visitor.basic(email, token)));

        assertEquals(401, form.statusCode());
        assertEquals("Wrong e-mail address or password.", alert(form));
        for (HttpResponse<String> page : List.of(withHeader, withBasic)) {
            assertEquals(302, page.statusCode());
            assertTrue(page.headers().firstValue("Location").orElseThrow().endsWith("/login"));
        }
    }

    @Test
    void theAccountPageCreatesShowsOnceListsAndRevokes() {
        String email = signUp("page");
        Visitor browser = signedInVisitor(email);
        HttpResponse<String> empty = browser.get("/account");
        assertEquals(200, empty.statusCode());
        assertEquals("Account", Page.text(browser.get("/contacts"), "nav.sections a[href=/account]"),
                "linked from the navigation");
        assertEquals("You have no app passwords.", Page.text(empty, "p.empty"));

        HttpResponse<String> created = browser.submit("/account", Map.of("name", "Laptop <b>bold</b>"));

        assertEquals(200, created.statusCode(), created.body());
        assertEquals("no-store", created.headers().firstValue("Cache-Control").orElseThrow());
        Document shown = Page.of(created);
        String token = shown.expectFirst("code#new-token").text();
        assertTrue(token.matches(TOKEN_SHAPE), token);
        assertEquals("Your new app password for \u201cLaptop <b>bold</b>\u201d", shown.expectFirst(".saved-now h2").text());
        assertEquals(List.of("Laptop <b>bold</b>"), texts(created, "td.app-password-name"));
        assertTrue(shown.select("main b").isEmpty(), "no markup made of the name");
        assertTrue(created.body().contains("Laptop &lt;b&gt;bold&lt;/b&gt;"), created.body());
        assertFalse(created.body().contains("<b>bold"));
        assertEquals(200, bearer("GET", "/api/me", token, null).statusCode());

        HttpResponse<String> listed = browser.get("/account");
        assertFalse(listed.body().contains(token.substring(7)), "shown once");
        assertTrue(Page.of(listed).select("#new-token").isEmpty(), "shown once");
        List<String> row = texts(listed, "tr.app-password td");
        assertEquals("Laptop <b>bold</b>", row.get(0));
        assertTrue(row.get(1).matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2} UTC"), "created: " + row);
        assertTrue(row.get(2).matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2} UTC"), "last used: " + row);
        String revoke = Page.of(listed).expectFirst("tr.app-password form").attr("action");
        assertTrue(revoke.matches("/account/[0-9a-f-]{36}/revoke"), revoke);

        HttpResponse<String> revoked = browser.submit(revoke, Map.of());

        assertEquals(303, revoked.statusCode());
        assertTrue(revoked.headers().firstValue("Location").orElseThrow().endsWith("/account"));
        assertEquals(401, bearer("GET", "/api/me", token, null).statusCode());
        assertEquals("You have no app passwords.", Page.text(browser.get("/account"), "p.empty"));
    }

    @Test
    void accountFormsWithoutTheCsrfTokenAreRefusedAndWriteNothing() throws SQLException {
        String email = signUp("csrf");
        String id = create(email, "Kept").getString("id");
        Visitor browser = signedInVisitor(email);
        browser.get("/account");

        HttpResponse<String> create = browser.post("/account", Map.of("name", "Forged"));
        HttpResponse<String> revoke = browser.post("/account/" + id + "/revoke", Map.of());

        assertEquals(403, create.statusCode());
        assertEquals(403, revoke.statusCode());
        assertEquals(0, TestDatabase.count("SELECT count(*) FROM app_passwords WHERE name = 'Forged'"));
        assertEquals(1, TestDatabase.count("SELECT count(*) FROM app_passwords WHERE id = ?", UUID.fromString(id)));
        HttpResponse<String> page = browser.get("/account");
        assertEquals(200, page.statusCode());
        List<String> row = texts(page, "tr.app-password td");
        assertEquals(List.of("Kept"), texts(page, "td.app-password-name"));
        assertEquals("Never", row.get(2), "not used yet: " + row);
        Page.assertFormsCarryTheToken(Page.of(page));
    }

    @Test
    void badNamesAreRefusedWithTheReasonAndWriteNothing() throws SQLException {
        String email = signUp("badnames");
        Map<String, String> refusals = Map.of(
                "{\"name\":\"\"}", "Enter a name, such as the device or program that will use it.",
                "{\"name\":\"   \"}", "Enter a name, such as the device or program that will use it.",
                "{}", "Enter a name, such as the device or program that will use it.",
                "{\"name\":\"" + "x".repeat(101) + "\"}", "Use at most 100 characters.",
                "{\"name\":\"nul\\u0000here\"}", "Remove the NUL character.");
        refusals.forEach((body, message) -> {
            HttpResponse<String> refused = visitor.sendJson("POST", "/api/app-passwords", body, email, PASSWORD);
            assertEquals(400, refused.statusCode(), body);
            assertEquals(message, json(refused).getJsonObject("fields").getString("name"), body);
        });
        HttpResponse<String> unknown = visitor.sendJson("POST", "/api/app-passwords",
                "{\"name\":\"Sneaky\",\"token\":\"kontak_chosen\"}", email, PASSWORD);
        assertEquals(400, unknown.statusCode());
        assertEquals("{\"error\":\"Unknown property \\\"token\\\".\"}", unknown.body());
        assertEquals(400, visitor.sendJson("POST", "/api/app-passwords", null, email, PASSWORD).statusCode());

        Visitor browser = signedInVisitor(email);
        browser.get("/account");
        HttpResponse<String> page = browser.submit("/account", Map.of("name", " "));
        assertEquals(400, page.statusCode());
        assertEquals("Enter a name, such as the device or program that will use it.", fieldError(page, "name"));
        HttpResponse<String> tooLong = browser.submit("/account", Map.of("name", "y".repeat(101)));
        assertEquals(400, tooLong.statusCode());
        assertEquals("Use at most 100 characters.", fieldError(tooLong, "name"));
        assertEquals("y".repeat(101), Page.value(tooLong, "name"), "what was typed stays in the form");

        assertEquals(0, TestDatabase.count("SELECT count(*) FROM app_passwords p JOIN users u ON u.id = p.account_id "
                + "WHERE u.email = ?", email));
    }

    @Test
    void tenUnknownBearerTokensLockTheClientAddressEvenForAValidToken() throws Exception {
        String email = signUp("bearerlock");
        String token = create(email, "Valid").getString("token");
        Visitor elsewhere = new Visitor(elsewhere());
        try {
            for (int i = 0; i < 10; i++) {
                HttpResponse<String> guess = bearer("GET", "/api/me", "kontak_" + "guess" + i + "A".repeat(37), null);
                assertEquals(401, guess.statusCode());
            }

            HttpResponse<String> locked = bearer("GET", "/api/me", token, null);

            assertEquals(401, locked.statusCode(), "a locked address is refused every Bearer token");
            assertTrue(locked.body().startsWith("{\"error\":"), locked.body());
            assertEquals(200, visitor.getJson("/api/me", email, token).statusCode(),
                    "Basic counts against the e-mail address, not the client's");
            assertEquals(200, elsewhere.send(HttpRequest.newBuilder(elsewhere.resolve("/api/me"))
                    .header("Authorization", "Bearer " + token)).statusCode(), "other addresses are not affected");
            assertEquals(0, TestDatabase.count("SELECT count(*) FROM sign_in_attempts WHERE email = ?",
                    email.toLowerCase()), "the account was never blamed");
        } finally {
            // the lock is on this machine's address: lift it so that no later test inherits it
            update("DELETE FROM sign_in_attempts WHERE email LIKE 'Bearer from %'");
        }
    }

    @Test
    void tenFailedAppPasswordsOverBasicLockTheEmailForEveryPassword() {
        String email = signUp("basiclock");
        String token = create(email, "Valid").getString("token");
        for (int i = 0; i < 10; i++) {
            HttpResponse<String> guess = visitor.getJson("/api/me", email, "kontak_" + "guess" + i + "B".repeat(37));
            assertEquals(401, guess.statusCode());
            assertEquals("{\"error\":\"Wrong e-mail address or password.\"}", guess.body());
        }

        assertEquals(401, visitor.getJson("/api/me", email, token).statusCode(), "the right app password");
        assertEquals(401, visitor.getJson("/api/me", email, PASSWORD).statusCode(), "the account password");
        assertEquals(401, bearer("GET", "/api/me", token, null).statusCode(), "the token alone, of a locked account");
        String other = signUp("basicfree");
        assertEquals(200, visitor.getJson("/api/me", other, create(other, "Free").getString("token")).statusCode());
    }

    @Test
    void anAppPasswordOfAnotherAccountDoesNotSignInWithThisEmail() {
        String alice = signUp("mine");
        String bob = signUp("theirs");
        String bobs = create(bob, "Bob's").getString("token");

        HttpResponse<String> mixed = visitor.getJson("/api/me", alice, bobs);

        assertEquals(401, mixed.statusCode());
        assertEquals("{\"error\":\"Wrong e-mail address or password.\"}", mixed.body());
    }

    @Test
    void rowLevelSecurityShowsATransactionOnlyItsUsersAppPasswords() throws SQLException {
        String alice = signUp("rlsalice");
        String bob = signUp("rlsbob");
        String alices = create(alice, "Alice's").getString("id");
        String bobs = create(bob, "Bob's").getString("id");
        String bobId = json(visitor.getJson("/api/me", bob, PASSWORD)).getString("id");

        try (Connection db = TestDatabase.connectAsApplication()) {
            assertEquals(0, count(db, "SELECT count(*) FROM app_passwords"), "acting for nobody: none");
            db.setAutoCommit(false);
            try (PreparedStatement actFor = db.prepareStatement("SELECT set_config('kontak.user_id', ?, true)")) {
                actFor.setString(1, bobId);
                actFor.executeQuery().close();
            }
            assertEquals(1, count(db, "SELECT count(*) FROM app_passwords WHERE id IN ('" + alices + "', '" + bobs + "')"));
            assertEquals(1, count(db, "SELECT count(*) FROM app_passwords WHERE id = '" + bobs + "'"));
            assertEquals(0, db.createStatement().executeUpdate("DELETE FROM app_passwords WHERE id = '" + alices + "'"));
            db.rollback();
        }
        assertEquals(1, TestDatabase.count("SELECT count(*) FROM app_passwords WHERE id = ?", UUID.fromString(alices)));
    }

    // ---- helpers

    private static long count(Connection db, String sql) throws SQLException {
        try (ResultSet result = db.createStatement().executeQuery(sql)) {
            result.next();
            return result.getLong(1);
        }
    }

    private String signUp(String who) {
        String email = uniqueEmail(who);
        HttpResponse<String> created = visitor.postJson("/api/signup",
                "{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD + "\",\"displayName\":\"" + who + "\"}");
        assertEquals(201, created.statusCode(), created.body());
        return email;
    }

    private JsonObject create(String email, String name) {
        HttpResponse<String> created = visitor.sendJson("POST", "/api/app-passwords",
                Json.createObjectBuilder().add("name", name).build().toString(), email, PASSWORD);
        assertEquals(201, created.statusCode(), created.body());
        return json(created);
    }

    private HttpResponse<String> bearer(String method, String path, String token, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(visitor.resolve(path)).header("Authorization", "Bearer " + token);
        return visitor.send(json == null
                ? request.method(method, HttpRequest.BodyPublishers.noBody())
                : request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json)));
    }

    private Visitor signedInVisitor(String email) {
        Visitor browser = new Visitor(visitor.resolve("/"));
        browser.get("/login");
        assertEquals(303, browser.submit("/login", Map.of("email", email, "password", PASSWORD)).statusCode());
        return browser;
    }

    /** The server reached through this machine's own network address: another client address than loopback. */
    private URI elsewhere() {
        try {
            Optional<String> address = NetworkInterface.networkInterfaces().filter(this::upAndNotLoopback)
                    .flatMap(NetworkInterface::inetAddresses).filter(Inet4Address.class::isInstance)
                    .map(InetAddress::getHostAddress).findFirst();
            assumeTrue(address.isPresent(), "this machine has no network address besides loopback");
            return new URI("http", null, address.get(), base.getPort(), base.getPath(), null, null);
        } catch (URISyntaxException | SocketException e) {
            throw new IllegalStateException(e);
        }
    }

    private boolean upAndNotLoopback(NetworkInterface face) {
        try {
            return face.isUp() && !face.isLoopback();
        } catch (SocketException e) {
            return false;
        }
    }

    private static void update(String sql, Object... parameters) throws SQLException {
        try (Connection db = TestDatabase.connect(); PreparedStatement statement = db.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            statement.executeUpdate();
        }
    }

    private static Instant lastUsed(UUID id) throws SQLException {
        Timestamp lastUsed = (Timestamp) TestDatabase.value("SELECT last_used_at FROM app_passwords WHERE id = ?", id);
        return lastUsed == null ? null : lastUsed.toInstant();
    }

    private static Map<String, String> row(String sql, Object parameter) throws SQLException {
        try (Connection db = TestDatabase.connect(); PreparedStatement query = db.prepareStatement(sql)) {
            query.setObject(1, parameter);
            try (ResultSet result = query.executeQuery()) {
                assertTrue(result.next(), "no row");
                ResultSetMetaData columns = result.getMetaData();
                Map<String, String> row = new HashMap<>();
                for (int i = 1; i <= columns.getColumnCount(); i++) {
                    row.put(columns.getColumnName(i), result.getString(i));
                }
                return row;
            }
        }
    }

    private static String sha256Hex(String token) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
    }

    private static JsonObject json(HttpResponse<String> response) {
        return json(response.body()).asJsonObject();
    }

    private static JsonValue json(String body) {
        return Json.createReader(new StringReader(body)).readValue();
    }
}
