package dev.kontak.web.security;

import static dev.kontak.web.testing.Page.alert;
import static dev.kontak.web.testing.TestAccounts.PASSWORD;
import static dev.kontak.web.testing.TestAccounts.uniqueEmail;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kontak.web.testing.Page;
import dev.kontak.web.testing.SharedKontak;
import dev.kontak.web.testing.TestDatabase;
import dev.kontak.web.testing.Visitor;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What an attacker (or a broken client) sends, through pages and the API: script tags in every text field, SQL
 * metacharacters, 1 MB fields, malformed ids, unknown JSON properties, wrong content types. Scripts come back as
 * text (escaped in pages, as data in JSON), SQL is data, and everything refused gets a clear 4xx and writes
 * nothing, which each test checks by counting rows in PostgreSQL.
 */
class HostileInputIT {

    private static final String SCRIPT = "<script>alert('x')</script>";
    private static final String ESCAPED = "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;";
    /** Where the layout shows the signed-in person's name. */
    private static final String DISPLAY_NAME = "nav.account span.who";
    private static final String SQL = "Robert'); DROP TABLE contacts; -- \" \\ % _ ; /*";
    private static final String ONE_MEGABYTE = "x".repeat(1024 * 1024);
    private static final List<String> TABLES = List.of("users", "contacts", "activities", "teams", "team_members",
            "user_metadata", "user_contact_access", "sign_in_attempts");

    URL base = SharedKontak.url();

    URI root;

    @BeforeEach
    void root() throws Exception {
        root = base.toURI();
    }

    @Test
    void scriptTagsInEveryTextFieldOfThePagesAreShownAsText() throws SQLException {
        Visitor visitor = new Visitor(root);
        visitor.get("/signup");
        String email = uniqueEmail("script");
        HttpResponse<String> signedUp = visitor.submit("/signup",
                Map.of("displayName", SCRIPT, "email", email, "password", PASSWORD));
        assertEquals(303, signedUp.statusCode(), signedUp.body());

        assertShownEscaped(visitor.get("/contacts"), DISPLAY_NAME);
        visitor.get("/contacts/new");
        HttpResponse<String> created = visitor.submit("/contacts/new", Map.of("name", SCRIPT, "company", SCRIPT,
                "notes", SCRIPT, "email", "", "phone", ""));
        assertEquals(303, created.statusCode(), created.body());
        String contact = created.headers().firstValue("Location").orElseThrow().replaceAll(".*/contacts/", "");
        assertShownEscaped(visitor.get("/contacts"), DISPLAY_NAME, "table.contacts a.contact-name",
                "table.contacts tbody td:nth-child(2)");
        HttpResponse<String> card = visitor.get("/contacts/" + contact);
        assertShownEscaped(card, DISPLAY_NAME, "h1", "dd#contact-company", "dd#contact-notes");

        HttpResponse<String> logged = visitor.submit("/contacts/" + contact + "/activities", Map.of("type", "NOTE",
                "occurredAt", "2026-11-26T10:00", "summary", SCRIPT, "cacheVersion", Page.value(card, "cacheVersion")));
        assertEquals(303, logged.statusCode(), logged.body());
        assertShownEscaped(visitor.get("/contacts/" + contact), "li.activity p.activity-summary");
        assertShownEscaped(visitor.get("/contacts/" + contact + "/edit"), DISPLAY_NAME, "input[name=name]",
                "input[name=company]", "textarea[name=notes]");

        HttpResponse<String> team = visitor.submit("/teams", Map.of("name", SCRIPT));
        assertEquals(303, team.statusCode(), team.body());
        assertShownEscaped(visitor.get("/teams"), DISPLAY_NAME, "ul.teams a");
        assertShownEscaped(visitor.get(team.headers().firstValue("Location").orElseThrow()), DISPLAY_NAME, "h1",
                "tr.member td.member-name");

        visitor.get("/contacts/new");
        HttpResponse<String> rejected = visitor.submit("/contacts/new",
                Map.of("name", SCRIPT, "email", SCRIPT, "phone", SCRIPT, "company", "", "notes", ""));
        assertEquals(400, rejected.statusCode());
        assertShownEscaped(rejected, DISPLAY_NAME, "input[name=name]", "input[name=email]", "input[name=phone]");
        assertTrue(rejected.body().contains("value=\"" + ESCAPED + "\""), "what was typed is shown back as text");
        assertShownEscaped(visitor.get("/contacts?q=" + encode(SCRIPT)), DISPLAY_NAME, "form[role=search] input[name=q]");

        UUID user = UUID.fromString((String) TestDatabase.value("SELECT id::text FROM users WHERE email = ?", email));
        assertEquals(SCRIPT, TestDatabase.value("SELECT display_name FROM users WHERE id = ?", user));
        assertEquals(SCRIPT, TestDatabase.value("SELECT concat(name, company, notes) FROM contacts WHERE owner_id = ?",
                user).toString().substring(0, SCRIPT.length()));
        assertEquals(1, TestDatabase.count("SELECT count(*) FROM contacts WHERE owner_id = ?", user));
    }

    @Test
    void scriptTagsSentToTheApiComeBackAsDataNeverAsMarkup() {
        ApiUser user = apiSignUp(SCRIPT);
        assertEquals(SCRIPT, json(call(user, "GET", "/api/me", null)).getString("displayName"));

        HttpResponse<String> created = call(user, "POST", "/api/contacts",
                body("name", SCRIPT, "company", SCRIPT, "notes", SCRIPT));
        assertEquals(201, created.statusCode(), created.body());
        JsonObject contact = json(created);
        assertEquals(SCRIPT, contact.getString("name"));
        assertEquals(SCRIPT, contact.getString("notes"));
        assertEquals(List.of("nosniff"), created.headers().allValues("X-Content-Type-Options"));
        String id = contact.getString("id");

        HttpResponse<String> activity = call(user, "POST", "/api/contacts/" + id + "/activities",
                body("type", "CALL", "occurredAt", "2026-11-26T10:00:00Z", "summary", SCRIPT));
        assertEquals(201, activity.statusCode(), activity.body());
        assertEquals(SCRIPT, json(activity).getString("summary"));
        HttpResponse<String> team = call(user, "POST", "/api/teams", body("name", SCRIPT));
        assertEquals(201, team.statusCode(), team.body());
        assertEquals(SCRIPT, json(team).getString("name"));
        assertTrue(call(user, "GET", "/api/contacts?q=" + encode(SCRIPT), null).body().contains(id));
    }

    @Test
    void sqlMetacharactersAreStoredAndFoundVerbatim() throws SQLException {
        ApiUser user = apiSignUp(SQL);
        HttpResponse<String> created = call(user, "POST", "/api/contacts", body("name", SQL, "company", SQL, "notes", SQL));
        assertEquals(201, created.statusCode(), created.body());
        String id = json(created).getString("id");
        HttpResponse<String> logged = call(user, "POST", "/api/contacts/" + id + "/activities",
                body("type", "NOTE", "occurredAt", "2026-11-26T10:00:00Z", "summary", SQL));
        assertEquals(201, logged.statusCode(), logged.body());

        assertEquals(SQL, TestDatabase.value("SELECT name FROM contacts WHERE id = ?", UUID.fromString(id)));
        assertEquals(SQL, TestDatabase.value("SELECT notes FROM contacts WHERE id = ?", UUID.fromString(id)));
        assertEquals(SQL, TestDatabase.value("SELECT summary FROM activities WHERE contact_id = ?", UUID.fromString(id)));
        assertEquals(SQL, TestDatabase.value("SELECT display_name FROM users WHERE id = ?", user.id()));
        for (String query : List.of("Robert');", "' OR '1'='1", "%", "_", "\\", "\" --", "\\ %", "% _", "r", "ro")) {
            HttpResponse<String> found = call(user, "GET", "/api/contacts?q=" + encode(query), null);
            assertEquals(200, found.statusCode(), query + " -> " + found.body());
            // one or two characters match the start of names only (docs/paging-and-search.md)
            boolean expected = query.length() < 3 ? SQL.toLowerCase(Locale.ROOT).startsWith(query) : SQL.contains(query);
            assertEquals(expected, found.body().contains(id), query);
        }
        assertEquals(1, TestDatabase.count("SELECT count(*) FROM contacts WHERE owner_id = ?", user.id()),
                "the table is still there, with just the one contact");
    }

    @Test
    void parallelSignUpsWithOneAddressCreateOneAccountAndAnswerTheRest409() throws Exception {
        String email = uniqueEmail("twice");
        String body = body("email", email, "password", PASSWORD, "displayName", "Twice");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Integer> statuses = new ArrayList<>();
        try {
            List<Callable<HttpResponse<String>>> signUps = IntStream.range(0, 8)
                    .<Callable<HttpResponse<String>>>mapToObj(i -> () -> new Visitor(root).postJson("/api/signup", body))
                    .toList();
            for (Future<HttpResponse<String>> answer : pool.invokeAll(signUps)) {
                statuses.add(answer.get().statusCode());
                if (answer.get().statusCode() == 409) {
                    assertEquals("An account with this e-mail address already exists.",
                            json(answer.get()).getString("error"));
                }
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, statuses.stream().filter(status -> status == 201).count(), statuses.toString());
        assertEquals(7, statuses.stream().filter(status -> status == 409).count(), statuses.toString());
        assertEquals(1, TestDatabase.count("SELECT count(*) FROM users WHERE email = ?", email));
        assertEquals(1, TestDatabase.count("SELECT count(*) FROM user_metadata m JOIN users u ON u.id = m.user_id"
                + " WHERE u.email = ?", email));
    }

    @Test
    void nulCharactersAreRefusedOnTheirFieldAndFindNothing() throws SQLException {
        ApiUser user = apiSignUp("nul");
        String id = json(call(user, "POST", "/api/contacts", body("name", "Kept"))).getString("id");
        Map<String, Long> before = rowCounts();
        String nul = "A\u0000B";

        for (String field : List.of("name", "company", "notes")) {
            Map<String, String> fields = new LinkedHashMap<>(Map.of("name", "Small"));
            fields.put(field, nul);
            assertNulRefused(call(user, "POST", "/api/contacts", body(fields)), field);
            assertNulRefused(call(user, "PUT", "/api/contacts/" + id, body(fields)), field);
        }
        assertClientError(call(user, "POST", "/api/contacts", body("name", "N", "email", "a\u0000@kontak.test")));
        assertNulRefused(call(user, "POST", "/api/contacts/" + id + "/activities",
                body("type", "CALL", "occurredAt", "2026-11-26T10:00:00Z", "summary", nul)), "summary");
        assertNulRefused(call(user, "POST", "/api/teams", body("name", nul)), "name");
        assertNulRefused(new Visitor(root).postJson("/api/signup", body("email", uniqueEmail("nul"), "password",
                PASSWORD, "displayName", nul)), "displayName");
        HttpResponse<String> search = call(user, "GET", "/api/contacts?q=" + encode(nul), null);
        assertEquals(200, search.statusCode(), search.body());
        assertEquals(0, json(search).getJsonArray("items").size());
        String team = json(call(user, "POST", "/api/teams", body("name", "Nul team"))).getString("id");
        before = rowCounts();
        assertClientError(call(user, "POST", "/api/teams/" + team + "/members", body("email", "b\u0000@kontak.test")));
        assertEquals(401, new Visitor(root).getJson("/api/me", "c\u0000@kontak.test", PASSWORD).statusCode());
        Visitor stranger = new Visitor(root);
        stranger.get("/login");
        HttpResponse<String> signIn = stranger.submit("/login", Map.of("email", "c\u0000@kontak.test", "password", "x"));
        assertEquals("Wrong e-mail address or password.", alert(signIn));
        Visitor visitor = signIn(user);
        assertEquals(200, visitor.get("/contacts?q=" + encode(nul)).statusCode());

        assertEquals(before, rowCounts());
    }

    @Test
    void oneMegabyteFieldsAreRefusedWithAMessageAndWriteNothing() throws SQLException {
        ApiUser user = apiSignUp("big");
        String id = json(call(user, "POST", "/api/contacts", body("name", "Small"))).getString("id");
        Map<String, Long> before = rowCounts();

        for (String field : List.of("name", "email", "phone", "company", "notes")) {
            Map<String, String> fields = new LinkedHashMap<>(Map.of("name", "Small"));
            fields.put(field, ONE_MEGABYTE);
            assertTooLarge(call(user, "POST", "/api/contacts", body(fields)), field);
            assertTooLarge(call(user, "PUT", "/api/contacts/" + id, body(fields)), field);
        }
        assertTooLarge(call(user, "POST", "/api/contacts/" + id + "/activities",
                body("type", "CALL", "occurredAt", "2026-11-26T10:00:00Z", "summary", ONE_MEGABYTE)), "summary");
        assertTooLarge(call(user, "POST", "/api/teams", body("name", ONE_MEGABYTE)), "name");
        assertTooLarge(new Visitor(root).postJson("/api/signup", body("email", uniqueEmail("big"), "password",
                PASSWORD, "displayName", ONE_MEGABYTE)), "displayName");
        assertTooLarge(new Visitor(root).postJson("/api/signup", body("email", uniqueEmail("big"), "password",
                ONE_MEGABYTE, "displayName", "Big")), "password");
        assertClientError(call(user, "GET", "/api/contacts?q=" + ONE_MEGABYTE.substring(0, 6000), null));

        Visitor visitor = signIn(user);
        visitor.get("/contacts/new");
        for (String field : List.of("name", "email", "company", "notes")) {
            Map<String, String> form = new LinkedHashMap<>(Map.of("name", "Small", "email", "", "phone", "",
                    "company", "", "notes", ""));
            form.put(field, ONE_MEGABYTE);
            HttpResponse<String> page = visitor.submit("/contacts/new", form);
            assertClientError(page);
            assertFalse(page.body().contains(ONE_MEGABYTE), "the megabyte is not sent back");
        }
        HttpResponse<String> card = visitor.get("/contacts/" + id);
        assertClientError(visitor.submit("/contacts/" + id + "/activities", Map.of("type", "CALL",
                "occurredAt", "2026-11-26T10:00", "summary", ONE_MEGABYTE, "cacheVersion", Page.value(card, "cacheVersion"))));
        visitor.get("/teams");
        assertClientError(visitor.submit("/teams", Map.of("name", ONE_MEGABYTE)));
        Visitor stranger = new Visitor(root);
        stranger.get("/signup");
        assertClientError(stranger.submit("/signup", Map.of("displayName", ONE_MEGABYTE, "email",
                uniqueEmail("big"), "password", PASSWORD)));
        stranger.get("/login");
        HttpResponse<String> longEmail = stranger.submit("/login", Map.of("email", "x".repeat(400) + "@kontak.test",
                "password", PASSWORD));
        assertEquals(401, longEmail.statusCode(), "an address no account can have is just a failed sign-in");
        assertEquals("Wrong e-mail address or password.", alert(longEmail));
        assertEquals(401, new Visitor(root).getJson("/api/me", "x".repeat(400) + "@kontak.test", PASSWORD).statusCode());

        assertEquals(before, rowCounts());
        assertEquals("Small", TestDatabase.value("SELECT name FROM contacts WHERE id = ?", UUID.fromString(id)));
    }

    @Test
    void malformedIdsInPathsAndFormsAreAnsweredWithAMessage() throws SQLException {
        ApiUser user = apiSignUp("ids");
        String id = json(call(user, "POST", "/api/contacts", body("name", "Kept"))).getString("id");
        Map<String, Long> before = rowCounts();

        assertEquals(400, call(user, "GET", "/api/contacts/%00", null).statusCode(), "refused by the server itself");
        for (String path : List.of("/api/contacts/' OR 1=1 --", "/api/contacts/" + id + "%27",
                "/api/contacts/%3Cscript%3E")) {
            HttpResponse<String> answer = call(user, "GET", path.replace(" ", "%20"), null);
            assertClientError(answer);
            assertTrue(json(answer).getString("error").length() > 0, path);
        }
        assertEquals("Use an id like 123e4567-e89b-12d3-a456-426614174000.", json(call(user, "POST",
                "/api/contacts/x'--/activities", body("type", "CALL", "occurredAt", "2026-11-26T10:00:00Z",
                        "summary", "s"))).getJsonObject("fields").getString("id"));
        assertEquals(400, call(user, "POST", "/api/teams/" + id.substring(1) + "/members", body("email", user.email()))
                .statusCode());

        Visitor visitor = signIn(user);
        HttpResponse<String> card = visitor.get("/contacts/" + id);
        HttpResponse<String> share = visitor.submit("/contacts/" + id + "/share", Map.of("team", "' OR 1=1 --",
                "cacheVersion", Page.value(card, "cacheVersion")));
        assertEquals(400, share.statusCode());
        assertEquals("The request was not understood.", alert(share));
        for (String path : List.of("/contacts/nope/delete", "/contacts/" + id + "/activities/nope/delete",
                "/teams/nope/members", "/contacts/%27/edit")) {
            HttpResponse<String> answer = visitor.submit(path, Map.of("cacheVersion", Page.value(card, "cacheVersion")));
            assertEquals(404, answer.statusCode(), path);
            assertEquals("This page does not exist.", alert(answer), path);
        }
        HttpResponse<String> badVersion = visitor.submit("/contacts/" + id + "/edit", Map.of("name", "Changed",
                "version", "abc", "cacheVersion", "1'; --"));
        assertClientError(badVersion);
        assertEquals(before, rowCounts());
        assertEquals("Kept", TestDatabase.value("SELECT name FROM contacts WHERE id = ?", UUID.fromString(id)));
    }

    @Test
    void unknownJsonPropertiesAndValuesOfTheWrongKindAreRefused() throws SQLException {
        ApiUser user = apiSignUp("unknown");
        String id = json(call(user, "POST", "/api/contacts", body("name", "Kept"))).getString("id");
        Map<String, Long> before = rowCounts();

        assertUnknownProperty(new Visitor(root).postJson("/api/signup", "{\"email\":\"" + uniqueEmail("admin")
                + "\",\"password\":\"" + PASSWORD + "\",\"displayName\":\"Mallory\",\"role\":\"ADMIN\"}"), "role");
        assertUnknownProperty(call(user, "POST", "/api/contacts",
                "{\"name\":\"X\",\"ownerId\":\"" + UUID.randomUUID() + "\"}"), "ownerId");
        assertUnknownProperty(call(user, "PUT", "/api/contacts/" + id, "{\"name\":\"X\",\"teamId\":null}"), "teamId");
        assertUnknownProperty(call(user, "POST", "/api/contacts/" + id + "/activities",
                "{\"type\":\"CALL\",\"occurredAt\":\"2026-11-26T10:00:00Z\",\"summary\":\"s\",\"contactId\":\"x\"}"),
                "contactId");
        assertUnknownProperty(call(user, "POST", "/api/teams", "{\"name\":\"T\",\"createdBy\":\"x\"}"), "createdBy");
        assertUnknownProperty(call(user, "PUT", "/api/contacts/" + id + "/team", "{\"teamId\":null,\"owner\":1}"),
                "owner");

        for (String wrongKind : List.of("{\"type\":\"SCRIPT\",\"occurredAt\":\"2026-11-26T10:00:00Z\",\"summary\":\"s\"}",
                "{\"type\":\"CALL\",\"occurredAt\":\"yesterday\",\"summary\":\"s\"}",
                "{\"type\":\"CALL\",\"occurredAt\":\"2026-11-26T10:00:00Z\",\"summary\":[\"<script>\"]}")) {
            HttpResponse<String> answer = call(user, "POST", "/api/contacts/" + id + "/activities", wrongKind);
            assertEquals(400, answer.statusCode(), wrongKind);
            assertTrue(json(answer).getString("error").startsWith("The body could not be read"), answer.body());
        }

        assertEquals(before, rowCounts());
        assertEquals("Kept", TestDatabase.value("SELECT name FROM contacts WHERE id = ?", UUID.fromString(id)));
    }

    @Test
    void wrongContentTypesAreAnswered415AndWriteNothing() throws SQLException {
        ApiUser user = apiSignUp("types");
        String id = json(call(user, "POST", "/api/contacts", body("name", "Kept"))).getString("id");
        Map<String, Long> before = rowCounts();
        String json = body("name", "Typed");

        for (String type : List.of("text/plain", "application/xml", "application/x-www-form-urlencoded",
                "text/html", "multipart/form-data; boundary=x")) {
            for (String[] request : List.of(new String[] {"POST", "/api/contacts"}, new String[] {"PUT", "/api/contacts/" + id},
                    new String[] {"POST", "/api/contacts/" + id + "/activities"}, new String[] {"POST", "/api/teams"})) {
                HttpResponse<String> answer = new Visitor(root).send(HttpRequest.newBuilder(root.resolve(request[1].substring(1)))
                        .header("Authorization", Visitor.basic(user.email(), PASSWORD)).header("Content-Type", type)
                        .method(request[0], HttpRequest.BodyPublishers.ofString(json)));
                assertEquals(415, answer.statusCode(), type + " " + request[1] + " -> " + answer.body());
                assertEquals("Unsupported Media Type", json(answer).getString("error"));
            }
        }
        HttpResponse<String> signUp = new Visitor(root).send(HttpRequest.newBuilder(root.resolve("api/signup"))
                .header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofString(body("email",
                        uniqueEmail("types"), "password", PASSWORD, "displayName", "T"))));
        assertEquals(415, signUp.statusCode(), signUp.body());

        Visitor visitor = signIn(user);
        visitor.get("/contacts/new");
        HttpResponse<String> page = visitor.send(HttpRequest.newBuilder(visitor.resolve("/contacts/new"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)));
        assertEquals(415, page.statusCode(), page.body());
        assertEquals("Send this form from its Kontak page.", alert(page));

        assertEquals(before, rowCounts());
    }

    private record ApiUser(String email, UUID id) {
    }

    private ApiUser apiSignUp(String displayName) {
        String email = uniqueEmail("hostile");
        HttpResponse<String> created = new Visitor(root).postJson("/api/signup",
                body("email", email, "password", PASSWORD, "displayName", displayName));
        assertEquals(201, created.statusCode(), created.body());
        return new ApiUser(email, UUID.fromString(json(created).getString("id")));
    }

    private Visitor signIn(ApiUser user) {
        Visitor visitor = new Visitor(root);
        visitor.get("/login");
        assertEquals(303, visitor.submit("/login", Map.of("email", user.email(), "password", PASSWORD)).statusCode());
        return visitor;
    }

    private HttpResponse<String> call(ApiUser user, String method, String path, String json) {
        return new Visitor(root).sendJson(method, path, json, user.email(), PASSWORD);
    }

    /**
     * The script is what each element {@code shownIn} selects shows (its text, or a form field's value), and never
     * markup: the page has no script element made of it, and its HTML has it escaped.
     */
    private static void assertShownEscaped(HttpResponse<String> answer, String... shownIn) {
        Document page = Page.of(answer);
        for (String css : shownIn) {
            Element shown = page.expectFirst(css);
            assertEquals(SCRIPT, shown.is("input, textarea") ? shown.val() : shown.text(), css);
        }
        assertTrue(page.select("script:containsData(alert)").isEmpty(), answer.body());
        assertFalse(answer.body().contains("<script>alert"), answer.body());
        assertTrue(answer.body().contains(ESCAPED), answer.body());
    }

    private static void assertTooLarge(HttpResponse<String> answer, String field) {
        assertClientError(answer);
        JsonObject error = json(answer);
        if (answer.statusCode() == 400) {
            assertEquals("Invalid input.", error.getString("error"));
            assertFalse(error.getJsonObject("fields").getString(field).isBlank(), field + ": " + answer.body());
        } else {
            assertEquals(413, answer.statusCode());
            assertTrue(error.getString("error").length() > 0);
        }
        assertFalse(answer.body().contains(ONE_MEGABYTE.substring(0, 1000)), "the megabyte is not sent back");
    }

    private static void assertNulRefused(HttpResponse<String> answer, String field) {
        assertEquals(400, answer.statusCode(), answer.body());
        assertEquals("Remove the NUL character.", json(answer).getJsonObject("fields").getString(field), field);
    }

    private static void assertClientError(HttpResponse<String> answer) {
        assertTrue(answer.statusCode() >= 400 && answer.statusCode() < 500,
                () -> answer.statusCode() + " " + answer.body().substring(0, Math.min(500, answer.body().length())));
    }

    private static void assertUnknownProperty(HttpResponse<String> answer, String property) {
        assertEquals(400, answer.statusCode(), answer.body());
        assertEquals("Unknown property \"" + property + "\".", json(answer).getString("error"));
    }

    private static Map<String, Long> rowCounts() throws SQLException {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String table : TABLES) {
            counts.put(table, TestDatabase.count("SELECT count(*) FROM " + table));
        }
        counts.put("metadata versions", TestDatabase.count("SELECT coalesce(sum(cache_version), 0) FROM user_metadata"));
        counts.put("contact versions", TestDatabase.count("SELECT coalesce(sum(version), 0) FROM contacts"));
        return counts;
    }

    private static String body(String... namesAndValues) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            fields.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return body(fields);
    }

    private static String body(Map<String, String> fields) {
        var object = Json.createObjectBuilder();
        fields.forEach(object::add);
        return object.build().toString();
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private static JsonObject json(HttpResponse<String> answer) {
        assertTrue(answer.headers().firstValue("Content-Type").orElse("").startsWith("application/json"),
                () -> answer.statusCode() + " " + answer.headers().map());
        try (JsonReader reader = Json.createReader(new StringReader(answer.body()))) {
            return reader.readObject();
        }
    }
}
