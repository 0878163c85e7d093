package dev.kontak.web.bench;

import dev.kontak.web.seed.SampleData;
import dev.kontak.web.testing.Visitor;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The measurements of {@link ScaleBenchmark}: rounds in which every path is taken for both users in turn (the
 * first of the two alternating by round), so that both see the same machine. A round begins with the stale view
 * (the user's row is made old by SQL and the round waits until this node's copy is older than the maximum age
 * too, as for a user who comes back after a while), then the fresh views right after it, then the rest, and ends
 * with a full recompute. Requests whose answer has the wrong status are counted as failures, not timings.
 */
final class ScaleMeasurements {

    static final String ADMIN_EMAIL = "bench-admin@kontak.example";
    static final String ADMIN_PASSWORD = "bench admin password";

    private static final Pattern CACHE_VERSION = Pattern.compile("name=\"cacheVersion\" value=\"([^\"]*)\"");
    private static final List<Search> SEARCHES = List.of(
            new Search("search, many matches, 2 characters (q=Co)", "Co"),
            new Search("search, no match, 2 characters (q=zq)", "zq"),
            new Search("search, many matches, 6 characters (q=Contac)", "Contac"),
            new Search("search, no match, 6 characters (q=zqxwvy)", "zqxwvy"));

    /** A search box entry: sample contacts are named "Contact n", of "Company n", so every user has matches. */
    private record Search(String path, String term) {
    }

    private final URI base;
    private final BenchDatabase database;
    private final ScaleBenchmark.Options options;
    /** API calls: credentials on each request, never the session. */
    private final Visitor api;
    private final Timings timings = new Timings();
    private Timings recording = new Timings();
    private BenchUser small;
    private BenchUser large;
    private long created;

    ScaleMeasurements(URI base, BenchDatabase database, ScaleBenchmark.Options options) {
        this.base = base;
        this.database = database;
        this.options = options;
        this.api = new Visitor(base);
    }

    /** @return the markdown table */
    String run() throws Exception {
        small = user(database.loneEmail());
        large = user(database.mostConnectedEmail());
        long before = cacheBytes().orElse(0L); // absent until the cache is first used
        signIn(small);
        Optional<Long> withSmall = cacheBytes();
        signIn(large);
        cacheBytesPerUser(before, withSmall, cacheBytes());
        appPasswords();
        deepCursors();
        int warmup = options.number("warmup", 1);
        int rounds = options.number("rounds", 10);
        for (int round = 0; round < warmup + rounds; round++) {
            recording = round < warmup ? new Timings() : timings;
            log("round %d of %d%s", round + 1, warmup + rounds, round < warmup ? " (warm-up, not counted)" : "");
            round(round % 2 == 0 ? List.of(small, large) : List.of(large, small));
        }
        return String.format(Locale.ROOT, "%,d contacts in the database; kontak.jar with row level security; "
                + "%d rounds after %d of warm-up, %d samples per path, user and round (1 for stale views, creations "
                + "and recomputes); times in ms, p95 by nearest rank.%n%n", database.contacts(), rounds, warmup,
                options.number("samples", 5)) + timings.table(small.label(), large.label());
    }

    private void round(List<BenchUser> users) throws Exception {
        int samples = options.number("samples", 5);
        staleViews(users);
        repeat(samples, users, "GET /contacts/{id}, metadata fresh", u -> page(u, "/contacts/" + u.nextContact()));
        repeat(samples, users, "GET /contacts (page 1)", u -> page(u, "/contacts"));
        if (large.deepCursor != null) {
            repeat(samples, users, "GET /contacts?sort=newest&after= (deep page)",
                    u -> page(u, "/contacts?sort=newest&after=" + encode(u.deepCursor)));
        }
        for (Search search : SEARCHES) {
            repeat(samples, users, search.path(), u -> page(u, "/contacts?q=" + encode(search.term())));
        }
        repeat(1, users, "POST /contacts/new (create a contact)", this::create);
        if (large.appPassword != null) {
            repeat(samples, users, "GET /api/me with an app password (Bearer)",
                    u -> send(u.api(request("/api/me"), SampleData.PASSWORD).GET(), 200));
        }
        repeat(samples, users, "GET /api/me with the account password (Basic, PBKDF2)",
                u -> send(request("/api/me").header("Authorization", Visitor.basic(u.email, SampleData.PASSWORD)).GET(), 200));
        repeat(1, users, "POST /api/metadata/refresh (full recompute, " + large.apiCredentials() + ")", u -> {
            Answer answer = send(u.api(request("/api/metadata/refresh"), SampleData.PASSWORD)
                    .POST(HttpRequest.BodyPublishers.noBody()), 200);
            u.lastChange = Instant.now();
            return answer;
        });
    }

    /** The row made old by SQL, then a wait until this node's copy is older than the maximum age as well. */
    private void staleViews(List<BenchUser> users) throws Exception {
        Duration maxAge = options.maxAge();
        for (BenchUser user : users) {
            database.makeStale(user.id);
        }
        Instant copiesOld = users.stream().map(u -> u.lastChange).max(Instant::compareTo).orElseThrow()
                .plus(maxAge).plusSeconds(1);
        Duration wait = Duration.between(Instant.now(), copiesOld);
        if (!wait.isNegative()) {
            log("waiting %d s until the copies are older than %s", wait.toSeconds(), maxAge);
            Thread.sleep(wait.toMillis());
        }
        repeat(1, users, "GET /contacts/{id}, metadata stale (row 1 h old, copy past max-age)", u -> {
            Answer answer = page(u, "/contacts/" + u.nextContact());
            u.lastChange = Instant.now();
            return answer;
        });
    }

    private Answer create(BenchUser user) {
        HttpResponse<String> form = user.browser.get("/contacts/new");
        Matcher version = CACHE_VERSION.matcher(form.body());
        String cacheVersion = version.find() ? version.group(1) : "";
        long number = ++created;
        long started = System.nanoTime();
        HttpResponse<String> answer = user.browser.submit("/contacts/new", Map.of("name", "Bench contact " + number,
                "email", "bench" + number + "@example.com", "company", "Bench", "phone", "+62 812-3456-" + number,
                "notes", "", "cacheVersion", cacheVersion));
        user.lastChange = Instant.now();
        return new Answer(answer, millisSince(started), 303);
    }

    /** One request of a path for one user. */
    private interface Step {
        Answer take(BenchUser user) throws Exception;
    }

    private void repeat(int times, List<BenchUser> users, String path, Step take) throws Exception {
        for (int i = 0; i < times; i++) {
            for (BenchUser user : users) {
                Answer answer = take.take(user);
                if (answer.response.statusCode() == answer.expected) {
                    recording.add(path, user.label(), answer.millis);
                } else {
                    recording.failed(path, user.label(), answer.response.statusCode() + " "
                            + answer.response.body().substring(0, Math.min(200, answer.response.body().length())));
                }
            }
        }
    }

    private Answer page(BenchUser user, String path) {
        long started = System.nanoTime();
        HttpResponse<String> response = user.browser.get(path);
        return new Answer(response, millisSince(started), 200);
    }

    private Answer send(HttpRequest.Builder request, int expected) {
        long started = System.nanoTime();
        HttpResponse<String> response = exchange(request);
        return new Answer(response, millisSince(started), expected);
    }

    private record Answer(HttpResponse<String> response, double millis, int expected) {
    }

    private BenchUser user(String email) throws Exception {
        UUID id = database.userId(email);
        return new BenchUser(email, id, database.accessible(id), database.someAccessible(id, 200), base);
    }

    /** Signs in to the pages and opens one contact, so that this node holds the user's copy. */
    private void signIn(BenchUser user) {
        user.browser.get("/login");
        HttpResponse<String> signedIn = user.browser.submit("/login", Map.of("email", user.email,
                "password", SampleData.PASSWORD));
        if (signedIn.statusCode() != 303) {
            throw new IllegalStateException("Sign-in of " + user.email + " answered " + signedIn.statusCode());
        }
        HttpResponse<String> view = user.browser.get("/contacts/" + user.nextContact());
        if (view.statusCode() != 200) {
            throw new IllegalStateException("Viewing a contact of " + user.email + " answered " + view.statusCode());
        }
    }

    private void cacheBytesPerUser(long before, Optional<Long> withSmall, Optional<Long> withBoth) {
        String row = "cache bytes per user (gauge kontak_metadata_cache_bytes)";
        if (withSmall.isEmpty() || withBoth.isEmpty()) {
            timings.unavailable(row, "no kontak_metadata_cache_bytes in /metrics");
            return;
        }
        timings.figure(row, small.label(), String.format(Locale.ROOT, "%,d B", withSmall.get() - before));
        timings.figure(row, large.label(), String.format(Locale.ROOT, "%,d B", withBoth.get() - withSmall.get()));
    }

    private Optional<Long> cacheBytes() {
        HttpResponse<String> metrics = exchange(request("/metrics")
                .header("Authorization", Visitor.basic(ADMIN_EMAIL, ADMIN_PASSWORD)).GET());
        Matcher gauge = Pattern.compile("(?m)^kontak_metadata_cache_bytes\\w*(?:\\{[^}]*\\})?\\s+([0-9.eE+-]+)$")
                .matcher(metrics.body());
        return metrics.statusCode() == 200 && gauge.find()
                ? Optional.of((long) Double.parseDouble(gauge.group(1))) : Optional.empty();
    }

    /** An app password for each user where this build has them ({@code POST /api/app-passwords}). */
    private void appPasswords() {
        for (BenchUser user : List.of(small, large)) {
            HttpResponse<String> answer = exchange(request("/api/app-passwords")
                    .header("Authorization", Visitor.basic(user.email, SampleData.PASSWORD))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"scale benchmark\"}")));
            if (answer.statusCode() != 201) {
                timings.unavailable("GET /api/me with an app password (Bearer)",
                        "POST /api/app-passwords answered " + answer.statusCode());
                small.appPassword = null;
                return;
            }
            user.appPassword = json(answer.body()).getString("token");
        }
    }

    /**
     * Follows {@code next} through {@code GET /api/contacts?sort=newest} until {@code --deep} contacts deep (or the
     * end), for each user; the page at that cursor is the deep page. Needs keyset pages.
     */
    private void deepCursors() {
        int deep = options.number("deep", 50_000);
        for (BenchUser user : List.of(large, small)) {
            int size = user.accessible > 2L * 100 ? 100 : 20;
            String cursor = null;
            long depth = 0;
            while (depth < deep) {
                HttpResponse<String> page = exchange(user.api(request("/api/contacts?sort=newest&size=" + size
                        + (cursor == null ? "" : "&after=" + encode(cursor))), SampleData.PASSWORD).GET());
                JsonObject list = page.statusCode() == 200 ? json(page.body()) : null;
                if (list == null || !list.containsKey("next") || list.isNull("next")) {
                    break;
                }
                cursor = list.getString("next");
                depth += size;
            }
            if (cursor == null) {
                timings.unavailable("GET /contacts?sort=newest&after= (deep page)",
                        "GET /api/contacts?sort=newest gives no \"next\" cursor (keyset pages)");
                large.deepCursor = null;
                return;
            }
            user.deepCursor = cursor;
            user.deepCursorDepth = depth;
            log("deep page of %s: %,d contacts in", user.label(), depth);
        }
        timings.figure("deep page: contacts before it", small.label(), String.format(Locale.ROOT, "%,d",
                small.deepCursorDepth));
        timings.figure("deep page: contacts before it", large.label(), String.format(Locale.ROOT, "%,d",
                large.deepCursorDepth));
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(base.resolve(path.substring(1))).timeout(Duration.ofMinutes(5));
    }

    private HttpResponse<String> exchange(HttpRequest.Builder request) {
        return api.send(request);
    }

    private static JsonObject json(String body) {
        try (JsonReader reader = Json.createReader(new StringReader(body))) {
            return reader.readObject();
        }
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private static double millisSince(long started) {
        return (System.nanoTime() - started) / 1e6;
    }

    private static void log(String format, Object... arguments) {
        System.out.printf(Locale.ROOT, "[scale] " + format + "%n", arguments);
    }
}
