package dev.kontak.web.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kontak.metadata.control.AccessGate;
import dev.kontak.web.testing.KontakDeployment;
import dev.kontak.web.testing.RunningKontak;
import dev.kontak.web.testing.TestDatabase;
import dev.kontak.web.testing.Visitor;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.enterprise.inject.spi.ProcessAnnotatedType;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jboss.shrinkwrap.api.exporter.ZipExporter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What validating every view of a contact costs a contact page (not part of the test suite: its name does not end
 * in IT). Two nodes on one PostgreSQL database serve the same contact page to the same user: kontak.jar as built,
 * and the same WAR with {@link AccessGate} vetoed (no metadata refresh, no access check). wrk loads each in turn,
 * several alternating rounds; the medians and the median of the per-round ratios go to standard output. Needs wrk
 * ({@code apt-get install wrk}). Run from the repository root:
 *
 * <pre>mvn -B verify -pl webapp -am -Dit.test=ContactPageBenchmark -Dfailsafe.failIfNoSpecifiedTests=false</pre>
 */
class ContactPageBenchmark {

    private static final String PASSWORD = "benchmark-password";
    private static final int ROUNDS = Integer.getInteger("bench.rounds", 5);
    private static final String SECONDS = System.getProperty("bench.seconds", "20");
    private static final Pattern RATE = Pattern.compile("Requests/sec:\\s+([0-9.]+)");
    private static final Pattern READ = Pattern.compile("(\\d+) requests in [0-9.]+\\w+, ([0-9.]+)([KMG]?B) read");
    private static final Map<String, Double> UNITS = Map.of("B", 1.0, "KB", 1024.0, "MB", 1024.0 * 1024,
            "GB", 1024.0 * 1024 * 1024);

    /** Deployed only into the unchecked variant: CDI never sees the access gate, so nothing observes the checks. */
    public static class WithoutAccessGate implements Extension {
        void veto(@Observes ProcessAnnotatedType<AccessGate> gate) {
            gate.veto();
        }
    }

    @Test
    void validatingEveryViewCostsTheContactPageLittle(@TempDir Path workDir) throws Exception {
        Map<String, String> database = Map.of("KONTAK_DB_URL", TestDatabase.url(), "KONTAK_DB_USER", "postgres",
                "KONTAK_DB_PASSWORD", "postgres", "KONTAK_PASSWORD_ITERATIONS", "1024");
        Path unchecked = workDir.resolve("kontak-unchecked.war");
        KontakDeployment.war().addClass(WithoutAccessGate.class)
                .addAsServiceProvider(Extension.class, WithoutAccessGate.class)
                .as(ZipExporter.class).exportTo(unchecked.toFile(), true);
        try (RunningKontak checkedNode = RunningKontak.start(Files.createDirectories(workDir.resolve("checked")),
                        database);
                RunningKontak uncheckedNode = RunningKontak.startWar(
                        Files.createDirectories(workDir.resolve("unchecked")), database, unchecked)) {
            Visitor api = new Visitor(checkedNode.base());
            String email = "page-bench-" + System.nanoTime() + "@example.com";
            assertEquals(201, api.postJson("/api/signup", "{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD
                    + "\",\"displayName\":\"Bench\"}").statusCode());
            String contact = contactWithActivities(api, email);
            String checkedPage = checkedNode.base().resolve("contacts/" + contact).toString();
            String uncheckedPage = uncheckedNode.base().resolve("contacts/" + contact).toString();
            String checkedCookies = signIn(new Visitor(checkedNode.base()), email);
            String uncheckedCookies = signIn(new Visitor(uncheckedNode.base()), email);

            wrk(checkedPage, checkedCookies, workDir);
            wrk(uncheckedPage, uncheckedCookies, workDir);
            List<Double> checked = new ArrayList<>();
            List<Double> bare = new ArrayList<>();
            List<Double> ratios = new ArrayList<>();
            for (int round = 0; round < ROUNDS; round++) {
                boolean checkedFirst = round % 2 == 0;
                double first = wrk(checkedFirst ? checkedPage : uncheckedPage,
                        checkedFirst ? checkedCookies : uncheckedCookies, workDir);
                double second = wrk(checkedFirst ? uncheckedPage : checkedPage,
                        checkedFirst ? uncheckedCookies : checkedCookies, workDir);
                checked.add(checkedFirst ? first : second);
                bare.add(checkedFirst ? second : first);
                ratios.add(checked.get(round) / bare.get(round));
            }
            System.out.printf("contact page, %d rounds of %s s each: validated median %.1f req/s %s, unvalidated"
                    + " median %.1f req/s %s, validated/unvalidated median of rounds %.3f %s%n", ROUNDS, SECONDS,
                    median(checked), checked, median(bare), bare, median(ratios), ratios);
        }
    }

    /** A contact of the user's with five activities, as a contact page usually shows some. */
    private static String contactWithActivities(Visitor api, String email) {
        HttpResponse<String> created = api.sendJson("POST", "/api/contacts",
                "{\"name\":\"Ada Lovelace\",\"email\":\"ada@example.com\",\"phone\":\"+44 20 7946 0000\"}", email,
                PASSWORD);
        assertEquals(201, created.statusCode(), created.body());
        Matcher id = Pattern.compile("\"id\":\"([^\"]+)\"").matcher(created.body());
        assertTrue(id.find());
        for (int i = 0; i < 5; i++) {
            assertEquals(201, api.sendJson("POST", "/api/contacts/" + id.group(1) + "/activities",
                    "{\"type\":\"CALL\",\"occurredAt\":\"2026-11-2" + i + "T10:00:00Z\",\"summary\":\"Call " + i + "\"}",
                    email, PASSWORD).statusCode());
        }
        return id.group(1);
    }

    /** The cookies of a signed-in browser: the session id and, for distributable sessions, its version. */
    private static String signIn(Visitor browser, String email) {
        browser.get("/login");
        HttpResponse<String> signedIn = browser.submit("/login", Map.of("email", email, "password", PASSWORD));
        assertEquals(303, signedIn.statusCode());
        return signedIn.headers().allValues("set-cookie").stream().filter(cookie -> cookie.startsWith("JSESSIONID"))
                .map(cookie -> cookie.substring(0, cookie.indexOf(';'))).collect(Collectors.joining("; "));
    }

    /**
     * Requests per second wrk reached on the page (2 threads, 8 connections). wrk counts only 4xx and 5xx as errors,
     * so the bytes it read per request are compared with the page's own size: a redirect to the sign-in page would
     * be a few hundred bytes.
     */
    private static double wrk(String page, String cookies, Path workDir) throws IOException, InterruptedException {
        HttpResponse<String> once = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(page))
                .header("Cookie", cookies).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, once.statusCode(), "the page itself, before the load");
        assertTrue(once.body().contains("Ada Lovelace"), once.body());
        Path output = workDir.resolve("wrk.txt");
        Process wrk = new ProcessBuilder("wrk", "-t2", "-c8", "-d" + SECONDS + "s", "-H", "Cookie: " + cookies, page)
                .redirectErrorStream(true).redirectOutput(output.toFile()).start();
        assertEquals(0, wrk.waitFor());
        String report = Files.readString(output, StandardCharsets.UTF_8);
        assertTrue(!report.contains("Non-2xx"), report);
        Matcher read = READ.matcher(report);
        assertTrue(read.find(), report);
        double bytesPerRequest = Double.parseDouble(read.group(2)) * UNITS.get(read.group(3))
                / Long.parseLong(read.group(1));
        assertTrue(bytesPerRequest > once.body().length() * 0.9, "not the page: " + report);
        Matcher rate = RATE.matcher(report);
        assertTrue(rate.find(), report);
        return Double.parseDouble(rate.group(1));
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }
}
