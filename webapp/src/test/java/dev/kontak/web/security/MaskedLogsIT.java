package dev.kontak.web.security;

import static dev.kontak.web.testing.TestAccounts.PASSWORD;
import static dev.kontak.web.testing.TestAccounts.uniqueEmail;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kontak.auth.control.Redact;
import dev.kontak.auth.entity.AppToken;
import dev.kontak.web.testing.SharedKontak;
import dev.kontak.web.testing.TextPattern;
import dev.kontak.web.testing.Visitor;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * What Kontak writes to its log while people sign up, sign in, fail to sign in, get locked out, store a contact
 * with an e-mail address and a phone number, race to sign up with one address, are refused someone else's
 * contact, and create, use and mistype an app password: the shared server on PostgreSQL, all it wrote to its
 * console meanwhile read line by line. No e-mail address, phone number, password, app password or session
 * id appears;
 * the masked addresses do, so the events are still there to read.
 */
class MaskedLogsIT {

    private static final String PHONE = "+44 20 7946 0958";
    private static final Pattern SESSION_COOKIE = Pattern.compile("JSESSIONID=([^;]+)");

    @Test
    void theLogNamesEveryEventWithoutPersonalDataPasswordsOrSessionIds() throws Exception {
        String alice = uniqueEmail("alice.logged");
        String bob = uniqueEmail("bob.logged");
        String mallory = uniqueEmail("mallory.logged");
        String contactEmail = uniqueEmail("ada.contact");
        String racer = uniqueEmail("racer.logged");
        String wrongPassword = "not-the-password-" + System.nanoTime();
        List<String> sessionIds = new ArrayList<>();
        List<String> secrets = new ArrayList<>();

        URI kontak = SharedKontak.url().toURI();
        int logged = SharedKontak.log().length();
        Visitor visitor = new Visitor(kontak);
        sessionIds.addAll(sessionIds(visitor.get("/signup")));
        HttpResponse<String> signedUp = visitor.submit("/signup",
                Map.of("displayName", "Alice", "email", alice, "password", PASSWORD));
        assertEquals(303, signedUp.statusCode(), signedUp.body());
        sessionIds.addAll(sessionIds(signedUp));
        visitor.get("/contacts/new");
        HttpResponse<String> created = visitor.submit("/contacts/new", Map.of("name", "Ada",
                "email", contactEmail, "phone", PHONE, "company", "", "notes", "Call " + PHONE));
        assertEquals(303, created.statusCode(), created.body());
        String contact = created.headers().firstValue("Location").orElseThrow().replaceAll(".*/contacts/", "");

        Visitor other = new Visitor(kontak);
        assertEquals(201, other.postJson("/api/signup", "{\"email\":\"" + bob + "\",\"password\":\"" + PASSWORD
                + "\",\"displayName\":\"Bob\"}").statusCode());
        assertEquals(403, other.getJson("/api/contacts/" + contact, bob, PASSWORD).statusCode());
        sessionIds.addAll(sessionIds(other.get("/login")));
        HttpResponse<String> bobIn = other.submit("/login", Map.of("email", bob, "password", PASSWORD));
        assertEquals(303, bobIn.statusCode());
        sessionIds.addAll(sessionIds(bobIn));
        assertEquals(403, other.get("/contacts/" + contact).statusCode());

        Visitor stranger = new Visitor(kontak);
        sessionIds.addAll(sessionIds(stranger.get("/login")));
        assertEquals(401, stranger.submit("/login", Map.of("email", alice, "password", wrongPassword)).statusCode());
        for (int i = 0; i < 10; i++) {
            stranger.submit("/login", Map.of("email", mallory, "password", wrongPassword));
        }
        assertEquals(401, stranger.getJson("/api/me", alice, wrongPassword).statusCode());

        HttpResponse<String> appPassword = other.sendJson("POST", "/api/app-passwords", "{\"name\":\"Bob's sync\"}",
                bob, PASSWORD);
        assertEquals(201, appPassword.statusCode(), appPassword.body());
        String token = TextPattern.find(appPassword.body(), "\"token\":\"(kontak_[^\"]+)\"");
        secrets.add(token.substring(AppToken.PREFIX.length(), AppToken.PREFIX.length() + 8));
        assertEquals(200, bearer(other, token).statusCode());
        assertEquals(200, other.getJson("/api/me", bob, token).statusCode());
        assertEquals(401, other.getJson("/api/me", bob, token.substring(0, 49) + "x").statusCode());
        assertEquals(401, bearer(other, token.substring(0, 49) + "y").statusCode());

        // the losers of a race past the "is it taken" look-up are refused by the unique constraint, whose
        // error names the address: the database driver's message is masked like Kontak's own
        List<Callable<Integer>> raced = IntStream.range(0, 6).<Callable<Integer>>mapToObj(i -> () -> new Visitor(
                kontak).postJson("/api/signup", "{\"email\":\"" + racer + "\",\"password\":\"" + PASSWORD
                + "\",\"displayName\":\"Racer\"}").statusCode()).toList();
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            for (Future<Integer> status : pool.invokeAll(raced)) {
                assertTrue(status.get() == 201 || status.get() == 409, status.get().toString());
            }
        } finally {
            pool.shutdownNow();
        }

        List<String> lines = SharedKontak.log().substring(logged).lines().toList();
        secrets.addAll(List.of(alice, bob, mallory, racer, contactEmail, PASSWORD, wrongPassword, PHONE,
                PHONE.replace(" ", ""), "7946 0958"));
        assertTrue(sessionIds.size() >= 3, sessionIds.toString());
        for (String line : lines) {
            for (String secret : secrets) {
                assertFalse(line.contains(secret), () -> "\"" + secret + "\" in: " + line);
            }
            for (String sessionId : sessionIds) {
                assertFalse(line.contains(sessionId), () -> "a session id in: " + line);
            }
        }
        assertLogged(lines, "Account ", " created for " + Redact.email(alice));
        assertLogged(lines, "Account ", " created for " + Redact.email(bob));
        assertLogged(lines, "Sign-in failed for " + Redact.email(alice));
        assertLogged(lines, "Sign-in locked for " + Redact.email(mallory) + " after 10 failures");
        assertLogged(lines, "Refused VIEW on contact " + contact + " for user ");
        assertLogged(lines, "App password ", " created for account ");
        assertLogged(lines, "Sign-in with an app password failed for " + Redact.email(bob));
        assertLogged(lines, "Bearer sign-in with an unknown app password");
    }

    private static List<String> sessionIds(HttpResponse<String> answer) {
        List<String> ids = new ArrayList<>();
        for (String cookie : answer.headers().allValues("Set-Cookie")) {
            Matcher id = SESSION_COOKIE.matcher(cookie);
            if (id.find()) {
                ids.add(id.group(1));
            }
        }
        return ids;
    }

    private static void assertLogged(List<String> lines, String... parts) {
        assertTrue(lines.stream().anyMatch(line -> List.of(parts).stream().allMatch(line::contains)),
                () -> String.join("", parts) + " is not in the log:\n" + String.join("\n", lines));
    }

    private static HttpResponse<String> bearer(Visitor visitor, String token) {
        return visitor.send(HttpRequest.newBuilder(visitor.resolve("/api/me")).header("Authorization", "Bearer " + token));
    }
}
