package dev.kontak.web.platform;

import static dev.kontak.web.testing.TestAccounts.PASSWORD;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kontak.web.testing.Page;
import dev.kontak.web.testing.RunningKontak;
import dev.kontak.web.testing.TestAccounts;
import dev.kontak.web.testing.TextPattern;
import dev.kontak.web.testing.Visitor;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's run command with nothing configured: kontak.jar on the embedded database under KONTAK_DATA_DIR,
 * migrated at start-up, keeping its data (an app password included) across a restart; plus the settings only a
 * restart can change. Hashing is set cheaper than the default (every API request here signs in).
 */
class EmbeddedDefaultIT {

    private static final String ADMIN_PASSWORD = "bootstrap-secret-771";

    @Test
    void runsOnTheEmbeddedDatabaseAndKeepsItsDataAcrossARestart(@TempDir Path workDir) throws Exception {
        Path dataDir = workDir.resolve("kontak-data");
        String email = TestAccounts.uniqueEmail("embedded");
        String token;

        try (RunningKontak kontak = RunningKontak.start(workDir, Map.of(
                "KONTAK_DATA_DIR", dataDir.toString(),
                "KONTAK_ADMIN_EMAIL", "boss@kontak.test",
                "KONTAK_ADMIN_PASSWORD", ADMIN_PASSWORD,
                "KONTAK_PASSWORD_ITERATIONS", "10000"))) {
            Visitor visitor = new Visitor(kontak.base());

            HttpResponse<String> login = visitor.get("/login");
            assertEquals(200, login.statusCode());
            assertEquals("Sign in", Page.text(login, "h1"));
            assertTrue(visitor.get("/health/ready").body().contains("\"product\":\"H2\""));
            assertEquals(201, visitor.postJson("/api/signup", "{\"email\":\"" + email + "\",\"password\":\""
                    + PASSWORD + "\",\"displayName\":\"Embedded\"}").statusCode());
            HttpResponse<String> admin = visitor.getJson("/api/me", "boss@kontak.test", ADMIN_PASSWORD);
            assertTrue(admin.body().contains("\"role\":\"ADMIN\""), admin.body());
            assertTrue(kontak.log().contains("Created administrator account b***@k***.test"), kontak.log());
            HttpResponse<String> contact = visitor.sendJson("POST", "/api/contacts",
                    "{\"name\":\"Kept On H2\"}", email, PASSWORD);
            assertEquals(201, contact.statusCode(), contact.body());
            HttpResponse<String> appPassword = visitor.sendJson("POST", "/api/app-passwords", "{\"name\":\"H2 sync\"}",
                    email, PASSWORD);
            assertEquals(201, appPassword.statusCode(), appPassword.body());
            token = TextPattern.find(appPassword.body(), "\"token\":\"(kontak_[^\"]+)\"");
            assertTrue(bearer(visitor, token).body().contains("Kept On H2"));
            HttpResponse<String> metadata = visitor.getJson("/api/metadata", email, PASSWORD);
            assertTrue(metadata.body().contains("\"contactCount\":1"), metadata.body());
            assertEquals(201, visitor.sendJson("POST", "/api/contacts", "{\"name\":\"Also On H2\",\"phone\":\"+62 812-3456-7890\"}",
                    email, PASSWORD).statusCode());
            // H2 has no trigram index: the same tiers in plain SQL, and the same cursors
            String byName = visitor.getJson("/api/contacts?sort=name&size=1", email, PASSWORD).body();
            assertTrue(byName.contains("Also On H2") && !byName.contains("Kept On H2"), byName);
            String next = byName.replaceAll(".*\"next\":\"([^\"]+)\".*", "$1");
            String second = visitor.getJson("/api/contacts?sort=name&size=1&after=" + next, email, PASSWORD).body();
            assertTrue(second.contains("Kept On H2") && second.contains("\"next\":null"), second);
            assertTrue(visitor.getJson("/api/contacts?q=n+h2", email, PASSWORD).body()
                    .matches(".*Also On H2.*Kept On H2.*"), "substrings, by name");
            assertTrue(visitor.getJson("/api/contacts?q=0812+3456", email, PASSWORD).body().contains("Also On H2"),
                    "phone digits");
            assertEquals(201, visitor.sendJson("POST", "/api/contacts", "{\"name\":\"Card On H2\",\"emails\":["
                    + "{\"address\":\"first@h2.example\"},{\"address\":\"second@h2.example\"}],\"phones\":["
                    + "{\"number\":\"021 555 0100\"},{\"number\":\"0813 9876 5432\"}]}", email, PASSWORD).statusCode());
            assertTrue(visitor.getJson("/api/contacts?q=second%40h2", email, PASSWORD).body().contains("Card On H2"),
                    "the second e-mail");
            assertTrue(visitor.getJson("/api/contacts?q=9876+5432", email, PASSWORD).body().contains("Card On H2"),
                    "the second phone");
            assertEquals(400, visitor.getJson("/api/contacts?after=" + next + "x", email, PASSWORD).statusCode());
            assertFalse(kontak.log().contains(ADMIN_PASSWORD), "the log never shows the password");
        }
        assertTrue(Files.exists(dataDir.resolve("kontak.mv.db")), "the database lives under KONTAK_DATA_DIR");

        try (RunningKontak restarted = RunningKontak.start(workDir, Map.of(
                "KONTAK_DATA_DIR", dataDir.toString(),
                "KONTAK_SIGNUP_ENABLED", "false",
                "KONTAK_PASSWORD_ITERATIONS", "10000"))) {
            Visitor visitor = new Visitor(restarted.base());

            assertEquals(200, visitor.getJson("/api/me", email, PASSWORD).statusCode(), "data survived the restart");
            HttpResponse<String> contacts = visitor.getJson("/api/contacts", email, PASSWORD);
            assertTrue(contacts.body().contains("Kept On H2"), contacts.body());
            HttpResponse<String> closedApi = visitor.postJson("/api/signup", "{\"email\":\"late@kontak.test\","
                    + "\"password\":\"" + PASSWORD + "\",\"displayName\":\"Late\"}");
            assertEquals(403, closedApi.statusCode());
            assertEquals(200, bearer(visitor, token).statusCode(), "the app password survived the restart");
            String id = TextPattern.find(visitor.getJson("/api/app-passwords", email, PASSWORD).body(),
                    "\"id\":\"([^\"]+)\"");
            assertEquals(204, visitor.sendJson("DELETE", "/api/app-passwords/" + id, null, email, PASSWORD).statusCode());
            assertEquals(401, bearer(visitor, token).statusCode(), "revoked on H2 too");
            assertEquals(401, visitor.getJson("/api/me", "late@kontak.test", PASSWORD).statusCode());
            HttpResponse<String> closedPage = visitor.get("/signup");
            assertEquals(403, closedPage.statusCode());
            assertTrue(Page.alert(closedPage).startsWith("Sign-up is closed."), closedPage.body());
        }
    }

    private static HttpResponse<String> bearer(Visitor visitor, String token) {
        return visitor.send(HttpRequest.newBuilder(visitor.resolve("/api/contacts")).header("Authorization", "Bearer " + token));
    }
}
