package dev.kontak.web.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kontak.web.testing.SharedKontak;
import dev.kontak.web.testing.TestAccounts;
import dev.kontak.web.testing.TestDatabase;
import dev.kontak.web.testing.Visitor;
import jakarta.json.Json;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URL;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The standard endpoints as a monitoring system and an API client see them, on Payara Micro and PostgreSQL: what
 * users do shows in /metrics (Prometheus text, administrators only), /health/ready reports the metadata's
 * staleness and the database, and /openapi describes the JSON API without sign-in. MetadataFiguresIT checks the
 * figures inside the server, and the staleness check going down and up as time passes.
 */
class ObservabilityIT {

    private static final String PASSWORD = TestAccounts.PASSWORD;
    private static final String APP_PASSWORD_CHECKS = "kontak_auth_app_password";

    URL base = SharedKontak.url();

    @Test
    void metricsCountCacheReadsRefreshesDenialsByReasonAndTimeValidations() throws Exception {
        Visitor visitor = new Visitor(base.toURI());
        String alice = signUp(visitor, "alice");
        String bob = signUp(visitor, "bob");
        String contact = json(ok(201, visitor.sendJson("POST", "/api/contacts", "{\"name\":\"Ada\"}", alice, PASSWORD)))
                .getString("id");
        String before = metrics(visitor);

        ok(200, visitor.getJson("/api/contacts/" + contact, alice, PASSWORD));
        ok(200, visitor.getJson("/api/contacts/" + contact, alice, PASSWORD));
        assertEquals(403, visitor.getJson("/api/contacts/" + contact, bob, PASSWORD).statusCode());
        assertEquals(409, visitor.sendJson("PUT", "/api/contacts/" + contact,
                "{\"name\":\"Ada L.\",\"version\":999}", alice, PASSWORD).statusCode());
        ok(200, visitor.sendJson("POST", "/api/metadata/refresh", null, alice, PASSWORD));
        String after = metrics(visitor);

        assertEquals(1, increase(before, after, "kontak_access_denials_total", "reason=\"access-denied\""), after);
        assertEquals(1, increase(before, after, "kontak_access_denials_total", "reason=\"stale-form\""), after);
        assertEquals(1, increase(before, after, "kontak_metadata_refreshes_total"), after);
        assertEquals(0, increase(before, after, "kontak_metadata_refresh_failures_total"), after);
        assertEquals(1, increase(before, after, "kontak_metadata_refresh_count"), after);
        assertEquals(4, increase(before, after, "kontak_metadata_validation_count"), "two views, a refused "
                + "view, a refused edit:\n" + after);
        assertTrue(increase(before, after, "kontak_metadata_validation_sum") > 0, after);
        assertTrue(increase(before, after, "kontak_metadata_cache_hits_total") >= 1, "the second view reads the copy");
        assertTrue(value(after, "kontak_metadata_cache_misses_total") >= 1, after);
        assertTrue(after.contains("# TYPE kontak_access_denials_total counter"), after);
        assertTrue(value(after, "kontak_metadata_cache_users") >= 1, after);
    }

    /** What an app password adds to a request is timed on the server (the scale benchmark reads it). */
    @Test
    void metricsTimeEveryAppPasswordCheck() throws Exception {
        Visitor visitor = new Visitor(base.toURI());
        String carol = signUp(visitor, "carol");
        String token = json(ok(201, visitor.sendJson("POST", "/api/app-passwords", "{\"name\":\"Phone\"}", carol,
                PASSWORD))).getString("token");
        String before = metrics(visitor);

        ok(200, visitor.send(HttpRequest.newBuilder(visitor.resolve("/api/me")).header("Authorization", "Bearer " + token)));
        assertEquals(401, visitor.send(HttpRequest.newBuilder(visitor.resolve("/api/me"))
                .header("Authorization", "Bearer kontak_not-a-real-token")).statusCode());
        ok(200, visitor.getJson("/api/me", carol, token));
        String after = metrics(visitor);

        assertEquals(3, increase(before, after, APP_PASSWORD_CHECKS + "_count"), after);
        assertTrue(increase(before, after, APP_PASSWORD_CHECKS + "_sum") > 0, after);
    }

    @Test
    void metricsAreForAdministratorsOnly() throws Exception {
        Visitor visitor = new Visitor(base.toURI());
        String user = signUp(visitor, "nosy");

        assertEquals(401, visitor.send(HttpRequest.newBuilder(visitor.resolve("/metrics"))).statusCode());
        assertEquals(403, visitor.getJson("/metrics", user, PASSWORD).statusCode());
        assertEquals(401, visitor.getJson("/metrics", TestAccounts.ADMIN_EMAIL, "wrong password").statusCode());
        assertEquals(200, visitor.getJson("/metrics", TestAccounts.ADMIN_EMAIL, TestAccounts.ADMIN_PASSWORD).statusCode());
    }

    @Test
    void readinessReportsTheMetadatasStalenessAndTheDatabaseWithoutSignIn() throws Exception {
        Visitor visitor = new Visitor(base.toURI());
        signUp(visitor, "watched");

        HttpResponse<String> ready = visitor.get("/health/ready");

        JsonObject staleness = check(ready, "metadata-staleness");
        JsonObject figures = staleness.getJsonObject("data");
        assertEquals(TestDatabase.count("SELECT COUNT(*) FROM users"), number(figures, "users"));
        assertEquals(number(figures, "users"), number(figures, "fresh") + number(figures, "stale") + number(figures, "missing"));
        assertEquals("0.5", figures.getString("maxStaleRatio"));
        assertEquals("UP", check(ready, "database").getString("status"));
        assertEquals(json(ready).getString("status").equals("UP") ? 200 : 503, ready.statusCode(), ready.body());
        assertEquals(200, visitor.get("/health/live").statusCode(), "stale rows never make the node dead");
    }

    @Test
    void openApiDescribesTheJsonApiWithoutSignIn() throws Exception {
        Visitor visitor = new Visitor(base.toURI());

        HttpResponse<String> document = visitor.get("/openapi", "Accept", "application/json");

        assertEquals(200, document.statusCode(), document.body());
        JsonObject openApi = json(document);
        assertEquals("Kontak API", openApi.getJsonObject("info").getString("title"));
        JsonObject paths = openApi.getJsonObject("paths");
        assertTrue(paths.containsKey("/api/contacts"), paths.keySet().toString());
        assertTrue(paths.getJsonObject("/api/contacts").containsKey("post"));
        assertTrue(paths.containsKey("/api/contacts/{id}"), paths.keySet().toString());
        assertTrue(paths.containsKey("/api/metadata"), paths.keySet().toString());
        assertEquals("basic", openApi.getJsonObject("components").getJsonObject("securitySchemes")
                .getJsonObject("basic").getString("scheme"));
    }

    // ---- helpers

    private static String signUp(Visitor visitor, String who) {
        String email = TestAccounts.uniqueEmail(who);
        ok(201, visitor.postJson("/api/signup", "{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD
                + "\",\"displayName\":\"" + who + "\"}"));
        return email;
    }

    private static String metrics(Visitor visitor) {
        return ok(200, visitor.getJson("/metrics", TestAccounts.ADMIN_EMAIL, TestAccounts.ADMIN_PASSWORD)).body();
    }

    /** The sample of that metric whose labels include all of {@code labels}; 0 if there is none yet. */
    private static double value(String prometheus, String metric, String... labels) {
        Matcher line = Pattern.compile("(?m)^" + Pattern.quote(metric) + "(\\{[^}]*\\})?\\s+(\\S+)$").matcher(prometheus);
        while (line.find()) {
            String found = line.group(1) == null ? "" : line.group(1);
            if (List.of(labels).stream().allMatch(found::contains)) {
                return Double.parseDouble(line.group(2));
            }
        }
        return 0;
    }

    private static double increase(String before, String after, String metric, String... labels) {
        return value(after, metric, labels) - value(before, metric, labels);
    }

    private static HttpResponse<String> ok(int status, HttpResponse<String> response) {
        assertEquals(status, response.statusCode(), response.body());
        return response;
    }

    private static JsonObject json(HttpResponse<String> response) {
        return Json.createReader(new StringReader(response.body())).readObject();
    }

    private static JsonObject check(HttpResponse<String> health, String name) {
        return json(health).getJsonArray("checks").getValuesAs(JsonObject.class).stream()
                .filter(check -> check.getString("name").equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no check " + name + " in " + health.body()));
    }

    /** Payara sends health check data as strings or numbers, depending on the value. */
    private static long number(JsonObject data, String key) {
        return data.get(key) instanceof JsonNumber number ? number.longValue() : Long.parseLong(data.getString(key));
    }
}
