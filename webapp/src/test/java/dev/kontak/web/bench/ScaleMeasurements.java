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

    private static final String APP_PASSWORD_CHECK = "app password check alone (server timer kontak_auth_app_password, mean of a round's checks)";
    private static final Pattern CACHE_VERSION = Pattern.compile("name=\"cacheVersion\" value=\"([^\"]*)\"");
    private static final List<Search> SEARCHES = List.of(
            new Search("search, many matches, 2 characters (q=Co)", "Co"),
            new Search("search, no match, 2 characters (q=zq)", "zq"),
            new Search("search, many matches, 6 characters (q=exampl)", "exampl"),
            new Search("search, no match, 6 characters (q=zqxwvy)", "zqxwvy"));

    /**
     * A search box entry: every sample contact's e-mail address is at example.com and none contains "zq"
     * (SampleData), so "Co" and "exampl" match every contact and "zq" and "zqxwvy" none.
     */
    private record Search(String path, String term) {
    }

    private final URI base;
    private final URI withoutRowLevelSecurity;
    private final BenchDatabase database;
    private final ScaleBenchmark.Options options;
    /** API calls: credentials on each request, never the session. */
    private final Visitor api;
    private final Timings timings = new Timings();
    private Timings recording = new Timings();
    private BenchUser small;
    private BenchUser large;
    private long created;

    /**
     * @param withoutRowLevelSecurity a second kontak.jar on the same database connected as the tables' owner, for
     *        the same requests side by side; null to leave them out
     */
    ScaleMeasurements(URI base, URI withoutRowLevelSecurity, BenchDatabase database, ScaleBenchmark.Options options) {
        this.base = base;
        this.withoutRowLevelSecurity = withoutRowLevelSecurity;
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
        exports();
        int warmup = options.number("warmup", 1);
        int rounds = options.number("rounds", 10);
        for (int round = 0; round < warmup + rounds; round++) {
            recording = round < warmup ? new Timings() : timings;
            log("round %d of %d%s", round + 1, warmup + rounds, round < warmup ? " (warm-up, not counted)" : "");
            round(round % 2 == 0 ? List.of(small, large) : List.of(large, small));
        }
        return String.format(Locale.ROOT, "%,d contacts in the database; kontak.jar with row level security; "
                + "%d rounds after %d of warm-up, %d samples per path, user and round (1 for stale views, creations, "
                + "recomputes and the app password check's mean); times in ms, p95 by nearest rank.%n%n", database.contacts(), rounds, warmup,
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
            for (BenchUser user : users) {
                Optional<Checks> before = appPasswordChecks();
                repeat(samples, List.of(user), "GET /api/me with an app password (Bearer)",
                        u -> send(u.api(request("/api/me"), SampleData.PASSWORD).GET(), 200));
                Optional<Checks> after = appPasswordChecks();
                if (before.isPresent() && after.isPresent() && after.get().count() > before.get().count()) {
                    recording.add(APP_PASSWORD_CHECK, user.label(), after.get().millisSince(before.get()));
                }
            }
        }
        if (withoutRowLevelSecurity != null) {
            sideBySide(samples, users, "GET /api/contacts (page 1, Bearer)", "/api/contacts");
            sideBySide(samples, users, "GET /api/contacts?q=Contac (search, Bearer)", "/api/contacts?q=Contac");
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

    /**
     * Two stale views. First without a copy on the node (the previous round's recompute dropped it, as an
     * eviction or any change does): the row made old by SQL, then a wait until the maximum age has passed since the
     * last change. Then with a copy: the view just made loads it (off the request path for the large user), the
     * row is made old again, and a wait until that copy is older than the maximum age too, as for a user who comes
     * back after a while to a node that kept them.
     */
    private void staleViews(List<BenchUser> users) throws Exception {
        staleView(users, "GET /contacts/{id}, metadata stale, no copy on the node");
        Thread.sleep(2_000); // the copy loads
        staleView(users, "GET /contacts/{id}, metadata stale, copy on the node past max-age");
    }

    private void staleView(List<BenchUser> users, String path) throws Exception {
        for (BenchUser user : users) {
            database.makeStale(user.id);
        }
        Instant copiesOld = users.stream().map(u -> u.lastChange).max(Instant::compareTo).orElseThrow()
                .plus(options.maxAge()).plusSeconds(1);
        Duration wait = Duration.between(Instant.now(), copiesOld);
        if (!wait.isNegative()) {
            log("waiting %d s until the copies are older than %s", wait.toSeconds(), options.maxAge());
            Thread.sleep(wait.toMillis());
        }
        repeat(1, users, path, u -> {
            Answer answer = page(u, "/contacts/" + u.nextContact());
            u.lastChange = Instant.now();
            return answer;
        });
    }

    /**
     * The same API request on kontak.jar with row level security and on the one that connects as the tables' owner
     * (no row level security), one right after the other for each user and sample.
     */
    private void sideBySide(int samples, List<BenchUser> users, String path, String request) throws Exception {
        for (int i = 0; i < samples; i++) {
            for (BenchUser user : users) {
                record(path + ", row level security on", user,
                        send(user.api(request(base, request), SampleData.PASSWORD).GET(), 200));
                record(path + ", as the tables' owner (row level security off)", user,
                        send(user.api(request(withoutRowLevelSecurity, request), SampleData.PASSWORD).GET(), 200));
            }
        }
    }

    /** The server's timer of app password checks: how many, and their total time. */
    private record Checks(double count, double seconds) {

        double millisSince(Checks before) {
            return (seconds - before.seconds) * 1000 / (count - before.count);
        }
    }

    private Optional<Checks> appPasswordChecks() {
        String metrics = metrics();
        Optional<Double> count = sample(metrics, "kontak_auth_app_password_count");
        Optional<Double> sum = sample(metrics, "kontak_auth_app_password_sum");
        return count.isPresent() && sum.isPresent() ? Optional.of(new Checks(count.get(), sum.get())) : Optional.empty();
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
                record(path, user, take.take(user));
            }
        }
    }

    private void record(String path, BenchUser user, Answer answer) {
        if (answer.response.statusCode() == answer.expected) {
            recording.add(path, user.label(), answer.millis);
        } else {
            recording.failed(path, user.label(), answer.response.statusCode() + " "
                    + answer.response.body().substring(0, Math.min(200, answer.response.body().length())));
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
        return sample(metrics(), "kontak_metadata_cache_bytes\\w*").map(Double::longValue);
    }

    private String metrics() {
        HttpResponse<String> metrics = exchange(request("/metrics")
                .header("Authorization", Visitor.basic(ADMIN_EMAIL, ADMIN_PASSWORD)).GET());
        return metrics.statusCode() == 200 ? metrics.body() : "";
    }

    /** The first sample of the series (a regular expression) in Prometheus text, labels ignored. */
    static Optional<Double> sample(String metrics, String series) {
        Matcher sample = Pattern.compile("(?m)^" + series + "(?:\\{[^}]*\\})?\\s+([0-9.eE+-]+)$").matcher(metrics);
        return sample.find() ? Optional.of(Double.parseDouble(sample.group(1))) : Optional.empty();
    }

    /**
     * {@code GET /api/contacts/export} once per user: every contact the user may see as vCard 4.0, streamed. The
     * figure is the whole answer's time, its size and cards per second (once: it reads every contact).
     */
    private void exports() {
        for (BenchUser user : List.of(small, large)) {
            long started = System.nanoTime();
            HttpResponse<String> answer = exchange(user.api(request("/api/contacts/export"), SampleData.PASSWORD).GET());
            double millis = millisSince(started);
            if (answer.statusCode() != 200) {
                timings.unavailable("GET /api/contacts/export (every contact, vCard 4.0)",
                        "answered " + answer.statusCode());
                return;
            }
            long cards = answer.body().lines().filter("BEGIN:VCARD"::equals).count();
            timings.figure("GET /api/contacts/export (every contact, vCard 4.0)", user.label(), String.format(
                    Locale.ROOT, "%,d cards, %,d KB in %,.0f ms (%,.0f cards/s)", cards, answer.body().length() / 1024,
                    millis, cards / (millis / 1000)));
            log("export of %s: %,d cards in %.0f ms", user.label(), cards, millis);
        }
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
        return request(base, path);
    }

    private static HttpRequest.Builder request(URI server, String path) {
        return HttpRequest.newBuilder(server.resolve(path.substring(1))).timeout(Duration.ofMinutes(5));
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
