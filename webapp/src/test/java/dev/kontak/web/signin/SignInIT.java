package dev.kontak.web.signin;

import static dev.kontak.web.testing.Page.alert;
import static dev.kontak.web.testing.Page.fieldError;
import static dev.kontak.web.testing.TestAccounts.PASSWORD;
import static dev.kontak.web.testing.TestAccounts.uniqueEmail;
import static dev.kontak.web.testing.TextPattern.find;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kontak.web.testing.Page;
import dev.kontak.web.testing.SharedKontak;
import dev.kontak.web.testing.TestAccounts;
import dev.kontak.web.testing.TestDatabase;
import dev.kontak.web.testing.Visitor;

import java.net.URL;
import java.net.http.HttpResponse;
import java.sql.SQLException;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Signing up, in and out through the pages and the API, on Payara Micro against PostgreSQL. */
class SignInIT {

    URL base = SharedKontak.url();

    Visitor visitor;

    @BeforeEach
    void newVisitor() throws Exception {
        visitor = new Visitor(base.toURI());
    }

    @Test
    void signUpLandsOnAnEmptyContactsPageWithTheNameEscaped() {
        String email = uniqueEmail("eve");
        visitor.get("/signup");

        HttpResponse<String> signedUp = visitor.submit("/signup",
                Map.of("email", email, "password", PASSWORD, "displayName", "Eve <script>alert(1)</script>"));

        assertEquals(303, signedUp.statusCode());
        assertTrue(signedUp.headers().firstValue("Location").orElseThrow().endsWith("/contacts"));
        HttpResponse<String> contacts = visitor.get("/contacts");
        assertEquals(200, contacts.statusCode());
        Document page = Page.of(contacts);
        assertEquals("You have no contacts yet.", page.expectFirst("p.empty").text());
        assertEquals("Eve <script>alert(1)</script>", page.expectFirst("nav.account .who").text());
        assertTrue(page.select("script:containsData(alert)").isEmpty(), "no script made of the name");
        assertTrue(contacts.body().contains("Eve &lt;script&gt;alert(1)&lt;/script&gt;"), contacts.body());
        assertFalse(contacts.body().contains("<script>alert(1)"));
    }

    @Test
    void invalidSignUpShowsEachErrorNextToItsFieldAndCreatesNothing() throws SQLException {
        visitor.get("/signup");

        HttpResponse<String> page = visitor.submit("/signup",
                Map.of("email", "not-an-email", "password", "short", "displayName", "Nobody"));

        assertEquals(400, page.statusCode());
        assertEquals("Enter a valid e-mail address.", fieldError(page, "email"));
        assertEquals("Use at least 10 and at most 200 characters.", fieldError(page, "password"));
        assertEquals("Nobody", Page.value(page, "displayName"), "what was typed stays in the form");
        assertEquals("", Page.value(page, "password"), "the password is never sent back");
        assertTrue(Page.of(page).select("[value=short]").isEmpty(), "the password is never sent back");
        assertEquals(0, accountsNamed("Nobody"));
    }

    @Test
    void duplicateEmailInAnotherLetterCaseIsRefusedOnTheField() throws SQLException {
        String email = uniqueEmail("dup");
        visitor.get("/signup");
        visitor.submit("/signup", Map.of("email", email, "password", PASSWORD, "displayName", "First"));

        Visitor other = new Visitor(visitor.resolve("/"));
        other.get("/signup");
        HttpResponse<String> page = other.submit("/signup",
                Map.of("email", email.toUpperCase(), "password", PASSWORD, "displayName", "Second"));

        assertEquals(400, page.statusCode());
        assertEquals("An account with this e-mail address already exists.", fieldError(page, "email"));
        assertEquals(0, accountsNamed("Second"));
    }

    @Test
    void wrongPasswordAndUnknownEmailGetTheSameMessage() {
        String email = signedUpByApi("wrong");
        visitor.get("/login");

        HttpResponse<String> wrongPassword = visitor.submit("/login", Map.of("email", email, "password", "not the password"));
        HttpResponse<String> unknownEmail = visitor.submit("/login",
                Map.of("email", uniqueEmail("ghost"), "password", "not the password"));

        assertEquals(401, wrongPassword.statusCode());
        assertEquals("Wrong e-mail address or password.", alert(wrongPassword));
        assertEquals(alert(wrongPassword), alert(unknownEmail));
    }

    @Test
    void tenFailedSignInsLockTheEmailEvenForTheRightPassword() {
        String email = signedUpByApi("locked");
        visitor.get("/login");
        for (int i = 0; i < 10; i++) {
            visitor.submit("/login", Map.of("email", email, "password", "guess number " + i));
        }

        HttpResponse<String> rightPassword = visitor.submit("/login", Map.of("email", email, "password", PASSWORD));

        assertEquals(401, rightPassword.statusCode());
        assertEquals("Too many failed sign-ins for this e-mail address. Try again in 15 minutes.", alert(rightPassword));
        assertEquals(401, visitor.getJson("/api/me", email, PASSWORD).statusCode());
        HttpResponse<String> unknown = visitor.submit("/login", Map.of("email", uniqueEmail("nobody"), "password", "x"));
        assertEquals("Wrong e-mail address or password.", alert(unknown), "other addresses are not affected");
    }

    @Test
    void signInAndOut() {
        String email = signedUpByApi("inout");
        visitor.get("/login");

        HttpResponse<String> signedIn = visitor.submit("/login", Map.of("email", email.toUpperCase(), "password", PASSWORD));
        assertEquals(303, signedIn.statusCode());
        assertEquals(200, visitor.get("/contacts").statusCode());

        HttpResponse<String> signedOut = visitor.submit("/logout", Map.of());
        assertEquals(303, signedOut.statusCode());
        HttpResponse<String> afterwards = visitor.get("/contacts");
        assertEquals(302, afterwards.statusCode());
        assertTrue(afterwards.headers().firstValue("Location").orElseThrow().endsWith("/login"));
    }

    @Test
    void postsWithoutTheSessionsCsrfTokenAreRefusedAndChangeNothing() throws SQLException {
        visitor.get("/signup");

        HttpResponse<String> noToken = visitor.post("/signup",
                Map.of("email", uniqueEmail("csrf"), "password", PASSWORD, "displayName", "Forged"));
        HttpResponse<String> wrongToken = visitor.post("/signup",
                Map.of("_csrf", "forged", "email", uniqueEmail("csrf"), "password", PASSWORD, "displayName", "Forged"));

        assertEquals(403, noToken.statusCode());
        assertEquals(403, wrongToken.statusCode());
        assertTrue(alert(noToken).startsWith("This form has expired or did not come from Kontak."), alert(noToken));
        assertEquals(0, accountsNamed("Forged"));
    }

    @Test
    void everyFormCarriesACsrfToken() {
        String email = signedUpByApi("forms");
        for (String path : new String[] {"/login", "/signup"}) {
            Page.assertFormsCarryTheToken(Page.of(visitor.get(path)));
        }
        visitor.submit("/login", Map.of("email", email, "password", PASSWORD));
        Document contacts = Page.of(visitor.get("/contacts"));
        Page.assertFormsCarryTheToken(contacts);
        assertFalse(contacts.select("form[method=get][role=search]").isEmpty(), "the search form is there, without one");
    }

    @Test
    void pagesCarrySecurityHeadersAndAProtectedSessionCookie() {
        HttpResponse<String> page = new Visitor(visitor.resolve("/")).get("/login");

        String policy = page.headers().firstValue("Content-Security-Policy").orElseThrow();
        assertTrue(policy.contains("frame-ancestors 'none'"));
        assertTrue(policy.contains("script-src 'self'"));
        assertFalse(policy.contains("unsafe-inline"));
        assertEquals("nosniff", page.headers().firstValue("X-Content-Type-Options").orElseThrow());
        String cookie = page.headers().firstValue("Set-Cookie").orElseThrow().toLowerCase();
        assertTrue(cookie.contains("httponly"), cookie);
        assertTrue(cookie.contains("samesite=lax"), cookie);
    }

    @Test
    void errorsAreKontakPagesWithoutStackTraces() {
        String email = signedUpByApi("errors");
        visitor.get("/login");
        visitor.submit("/login", Map.of("email", email, "password", PASSWORD));

        HttpResponse<String> missing = visitor.get("/no-such-page");

        assertEquals(404, missing.statusCode());
        assertEquals("This page does not exist.", alert(missing));
        assertEquals("Kontak", Page.text(missing, "header a.brand"), "rendered in Kontak's layout");
        assertFalse(missing.body().contains("Exception"));
        HttpResponse<String> missingApi = visitor.getJson("/api/no-such-thing", email, PASSWORD);
        assertEquals(404, missingApi.statusCode());
        assertEquals("{\"error\":\"Not Found\"}", missingApi.body());
    }

    @Test
    void apiSignUpAndMeSpeakJson() {
        String email = uniqueEmail("api");
        HttpResponse<String> created = visitor.postJson("/api/signup",
                "{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD + "\",\"displayName\":\"Api User\"}");
        assertEquals(201, created.statusCode(), created.body());
        assertTrue(created.body().contains("\"email\":\"" + email + "\""));
        assertFalse(created.body().contains("password"), "no hash or password in answers");

        HttpResponse<String> me = visitor.getJson("/api/me", email, PASSWORD);
        assertEquals(200, me.statusCode());
        assertEquals(jsonField(created.body(), "id"), jsonField(me.body(), "id"));
        assertEquals("Api User", jsonField(me.body(), "displayName"));
        assertEquals("USER", jsonField(me.body(), "role"));
    }

    @Test
    void apiNeverRedirectsToTheSignInPage() {
        HttpResponse<String> anonymous = visitor.send(java.net.http.HttpRequest.newBuilder(visitor.resolve("/api/me")));
        HttpResponse<String> wrong = visitor.getJson("/api/me", uniqueEmail("nobody"), "wrong password");

        for (HttpResponse<String> answer : java.util.List.of(anonymous, wrong)) {
            assertEquals(401, answer.statusCode());
            assertTrue(answer.headers().firstValue("Content-Type").orElseThrow().startsWith("application/json"));
            assertTrue(answer.body().startsWith("{\"error\":"), answer.body());
        }
    }

    @Test
    void apiSignUpRefusesBadInputWithFieldMessages() throws SQLException {
        HttpResponse<String> invalid = visitor.postJson("/api/signup",
                "{\"email\":\"nope\",\"password\":\"short\",\"displayName\":\"Bad Input\"}");
        assertEquals(400, invalid.statusCode());
        assertTrue(invalid.body().contains("\"email\":\"Enter a valid e-mail address.\""), invalid.body());
        assertEquals(0, accountsNamed("Bad Input"));

        String email = signedUpByApi("twice");
        HttpResponse<String> duplicate = visitor.postJson("/api/signup",
                "{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD + "\",\"displayName\":\"Twice\"}");
        assertEquals(409, duplicate.statusCode());

        assertEquals(400, visitor.postJson("/api/signup", "{not json").statusCode());
    }

    @Test
    void configuredAdministratorExistsWithRoleAdmin() {
        HttpResponse<String> me = visitor.getJson("/api/me", TestAccounts.ADMIN_EMAIL, TestAccounts.ADMIN_PASSWORD);

        assertEquals(200, me.statusCode(), me.body());
        assertEquals("ADMIN", jsonField(me.body(), "role"));
    }

    /** Readiness asks the database (its other checks depend on what earlier tests left); liveness does not. */
    @Test
    void readinessAsksTheDatabaseAndLivenessDoesNot() {
        HttpResponse<String> ready = visitor.get("/health/ready");
        assertTrue(ready.body().contains("\"name\":\"database\",\"status\":\"UP\""), ready.body());
        assertTrue(ready.body().contains("PostgreSQL"), ready.body());

        HttpResponse<String> live = visitor.get("/health/live");
        assertEquals(200, live.statusCode(), live.body());
        assertFalse(live.body().contains("database"), live.body());
    }

    private String signedUpByApi(String who) {
        String email = uniqueEmail(who);
        HttpResponse<String> created = visitor.postJson("/api/signup",
                "{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD + "\",\"displayName\":\"" + who + "\"}");
        assertEquals(201, created.statusCode(), created.body());
        return email;
    }

    private static String jsonField(String json, String field) {
        return find(json, "\"" + field + "\":\"([^\"]*)\"");
    }

    private static long accountsNamed(String displayName) throws SQLException {
        return TestDatabase.count("SELECT count(*) FROM users WHERE display_name = ?", displayName);
    }

}
