package dev.kontak.web.bench;

import dev.kontak.web.bench.ScaleBenchmark.Options;
import dev.kontak.web.testing.RunningKontak;
import dev.kontak.web.testing.TestAccounts;
import dev.kontak.web.testing.Visitor;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Mixed load on two clustered nodes (kontak.jar, as in production) behind HAProxy (Debian's, with
 * {@code docker/haproxy.cfg}, the configuration compose.yaml uses) for {@code --minutes} (default 30): contact views, searches, edits, creations,
 * shares, team changes, small imports and CardDAV syncs by {@code --users} users with {@code --contacts} contacts
 * each, from {@code --threads} threads. Reports errors (a 5xx, no answer, or a status the operation never gives),
 * p50/p99 per operation, every node's heap, threads and the database's connections sampled every 30 s, and at the end
 * whether every user's metadata equals a full recompute. Run by the {@code scale-benchmark} profile with
 * {@code -Dkontak.bench.main=dev.kontak.web.bench.SoakBenchmark}.
 */
public final class SoakBenchmark {

    private static final Pattern SYNC_TOKEN = Pattern.compile("<d:sync-token>([^<]+)</d:sync-token>");
    private static final Pattern ID = Pattern.compile("\"id\":\"([0-9a-f-]{36})\"");

    /** A user, the app password their clients use, their own contacts and their phone's last sync token. */
    private record User(String email, String id, String token, List<String> contacts, String[] syncToken) {
    }

    private record Team(String id, User owner, List<User> members) {
    }

    private final Visitor visitor;
    private final List<User> users = new ArrayList<>();
    private final List<Team> teams = new ArrayList<>();
    private final Map<String, List<Double>> timings = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> errors = new ConcurrentHashMap<>();
    private final List<String> firstErrors = Collections.synchronizedList(new ArrayList<>());

    private SoakBenchmark(URI entry) {
        this.visitor = Visitor.overHttp11(entry);
    }

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args);
        BenchDatabase database = BenchDatabase.create(options.text("server", "127.0.0.1:5432"));
        Path workDir = Files.createTempDirectory("kontak-soak-");
        Map<String, String> environment = new HashMap<>(ScaleBenchmark.environment(database, options));
        environment.remove("KONTAK_SYNC_INTERVAL"); // the background repair runs, as in production
        environment.put("KONTAK_PASSWORD_ITERATIONS", "10000");
        int portA = RunningKontak.freePort();
        int portB = RunningKontak.freePort();
        String members = "tcpip:127.0.0.1:" + portA + ",127.0.0.1:" + portB;
        String heap = options.text("heap", "768m");
        try (RunningKontak nodeA = RunningKontak.start(Files.createDirectories(workDir.resolve("a")), environment,
                cluster(workDir, "a", members, portA), heap);
                RunningKontak nodeB = RunningKontak.start(Files.createDirectories(workDir.resolve("b")), environment,
                        cluster(workDir, "b", members, portB), heap);
                LoadBalancer balancer = LoadBalancer.start(nodeA.base(), nodeB.base())) {
            SoakBenchmark soak = new SoakBenchmark(balancer.entry());
            soak.setUp(options.number("users", 12), options.number("contacts", 300));
            List<String> samples = soak.run(Duration.ofMinutes(options.number("minutes", 30)),
                    options.number("threads", 6), List.of(nodeA, nodeB), database);
            String report = soak.report(samples, balancer);
            System.out.println(report);
            Path written = Path.of(System.getProperty("kontak.bench.report", "target/soak-benchmark.md"));
            Files.writeString(written, report);
            System.out.println("Written to " + written.toAbsolutePath());
        } finally {
            database.drop();
        }
    }

    private static List<String> cluster(Path workDir, String node, String members, int port) throws Exception {
        Path properties = workDir.resolve("cluster-" + node + ".properties");
        Files.writeString(properties, String.join("\n", "payaramicro.noCluster=false",
                "payaramicro.clusterName=kontak-soak-" + workDir.getFileName(), "payaramicro.clusterMode=" + members,
                "payaramicro.startPort=" + port, "payaramicro.interfaces=127.0.0.1", ""));
        return List.of("--systemProperties", properties.toString());
    }

    // ---- the users and their data

    private void setUp(int userCount, int contacts) throws InterruptedException {
        for (int u = 0; u < userCount; u++) {
            String email = TestAccounts.uniqueEmail("soak-" + u);
            String id = idIn(expect(visitor.postJson("/api/signup", "{\"email\":\"" + email + "\",\"password\":\""
                    + TestAccounts.PASSWORD + "\",\"displayName\":\"Soak " + u + "\"}"), 201));
            String token = json(expect(visitor.sendJson("POST", "/api/app-passwords", "{\"name\":\"soak\"}", email,
                    TestAccounts.PASSWORD), 201)).getString("token");
            User user = new User(email, id, token, Collections.synchronizedList(new ArrayList<>()), new String[] {""});
            importCards(user, contacts, u * contacts);
            users.add(user);
        }
        for (int t = 0; t + 3 <= users.size(); t += 4) {
            User owner = users.get(t);
            String team = idIn(expect(call(owner, "POST", "/api/teams", "{\"name\":\"Soak team " + t + "\"}"), 201));
            List<User> members = users.subList(t + 1, Math.min(users.size(), t + 4));
            for (User member : members) {
                expect(call(owner, "POST", "/api/teams/" + team + "/members", "{\"email\":\"" + member.email()
                        + "\"}"), 201);
            }
            teams.add(new Team(team, owner, members));
        }
    }

    private void importCards(User user, int cards, int from) throws InterruptedException {
        String id = idIn(expect(visitor.send(HttpRequest.newBuilder(visitor.resolve("/api/imports"))
                .header("Authorization", Visitor.basic(user.email(), user.token())).header("Content-Type", "text/vcard")
                .POST(HttpRequest.BodyPublishers.ofByteArray(ImportBenchmark.vcards(from, cards)))), 202));
        while ("running".equals(json(expect(call(user, "GET", "/api/imports/" + id + "?limit=1", null), 200))
                .getString("status"))) {
            Thread.sleep(200);
        }
        String list = expect(call(user, "GET", "/api/contacts?size=100", null), 200).body();
        Matcher ids = ID.matcher(list);
        while (ids.find()) {
            user.contacts().add(ids.group(1));
        }
    }

    // ---- the load

    private List<String> run(Duration length, int threads, List<RunningKontak> nodes, BenchDatabase database)
            throws Exception {
        long end = System.nanoTime() + length.toNanos();
        ExecutorService load = Executors.newFixedThreadPool(threads);
        List<Future<?>> running = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            running.add(load.submit(() -> {
                while (System.nanoTime() < end) {
                    step();
                }
                return null;
            }));
        }
        List<String> samples = new ArrayList<>();
        long started = System.nanoTime();
        while (System.nanoTime() < end) {
            samples.add(sample((System.nanoTime() - started) / 1_000_000_000L, nodes, database));
            Thread.sleep(Math.min(30_000, Math.max(1, (end - System.nanoTime()) / 1_000_000)));
        }
        for (Future<?> thread : running) {
            thread.get();
        }
        load.shutdown();
        samples.add(sample((System.nanoTime() - started) / 1_000_000_000L, nodes, database));
        return samples;
    }

    /** One operation, chosen by weight, of a user chosen at random. */
    private void step() throws InterruptedException {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        User user = users.get(random.nextInt(users.size()));
        String contact = user.contacts().get(random.nextInt(user.contacts().size()));
        int dice = random.nextInt(100);
        if (dice < 38) {
            timed("GET /api/contacts/{id}", Set.of(200), () -> call(user, "GET", "/api/contacts/" + contact, null));
        } else if (dice < 56) {
            timed("GET /api/contacts?q=", Set.of(200), () -> call(user, "GET", "/api/contacts?q="
                    + (char) ('a' + random.nextInt(26)) + (char) ('a' + random.nextInt(26)), null));
        } else if (dice < 70) {
            timed("PUT /api/contacts/{id}", Set.of(200), () -> call(user, "PUT", "/api/contacts/" + contact,
                    "{\"name\":\"Soaked " + random.nextInt(1_000_000) + "\"}"));
        } else if (dice < 75) {
            HttpResponse<String> created = timed("POST /api/contacts", Set.of(201), () -> call(user, "POST",
                    "/api/contacts", "{\"name\":\"New " + random.nextInt(1_000_000) + "\"}"));
            if (created != null && created.statusCode() == 201) {
                user.contacts().add(idIn(created));
            }
        } else if (dice < 80 && !teams.isEmpty()) {
            Team team = teams.get(random.nextInt(teams.size()));
            String owned = team.owner().contacts().get(random.nextInt(team.owner().contacts().size()));
            String choice = random.nextBoolean() ? "{\"teamId\":\"" + team.id() + "\"}" : "{\"teamId\":null}";
            timed("PUT /api/contacts/{id}/team", Set.of(200), () -> call(team.owner(), "PUT", "/api/contacts/" + owned
                    + "/team", choice));
        } else if (dice < 82 && !teams.isEmpty()) {
            Team team = teams.get(random.nextInt(teams.size()));
            User member = team.members().get(random.nextInt(team.members().size()));
            synchronized (team) {
                timed("DELETE /api/teams/{id}/members/{user}", Set.of(204), () -> call(team.owner(), "DELETE",
                        "/api/teams/" + team.id() + "/members/" + member.id(), null));
                timed("POST /api/teams/{id}/members", Set.of(201), () -> call(team.owner(), "POST", "/api/teams/"
                        + team.id() + "/members", "{\"email\":\"" + member.email() + "\"}"));
            }
        } else if (dice < 83) {
            timed("POST /api/imports (20 cards)", Set.of(202, 409), () -> visitor.send(HttpRequest.newBuilder(
                    visitor.resolve("/api/imports")).header("Authorization", Visitor.basic(user.email(), user.token()))
                    .header("Content-Type", "text/vcard").POST(HttpRequest.BodyPublishers.ofByteArray(
                            ImportBenchmark.vcards(random.nextInt(1_000_000), 20)))));
        } else {
            HttpResponse<String> synced = timed("REPORT /dav/ sync-collection", Set.of(207), () -> sync(user));
            if (synced != null && synced.statusCode() == 207) {
                Matcher token = SYNC_TOKEN.matcher(synced.body());
                if (token.find()) {
                    user.syncToken()[0] = token.group(1);
                }
            }
        }
    }

    private HttpResponse<String> sync(User user) {
        String body = "<?xml version=\"1.0\" encoding=\"utf-8\"?><d:sync-collection xmlns:d=\"DAV:\"><d:sync-token>"
                + user.syncToken()[0] + "</d:sync-token><d:sync-level>1</d:sync-level><d:prop><d:getetag/></d:prop>"
                + "</d:sync-collection>";
        return visitor.send(HttpRequest.newBuilder(visitor.resolve("/dav/addressbooks/contacts/"))
                .header("Authorization", Visitor.basic(user.email(), user.token()))
                .header("Content-Type", "application/xml; charset=utf-8")
                .method("REPORT", HttpRequest.BodyPublishers.ofString(body)));
    }

    private interface Request {
        HttpResponse<String> send();
    }

    /** Times one request; counts an error for a 5xx, no answer, or a status the operation never gives. */
    private HttpResponse<String> timed(String path, Set<Integer> expected, Request request) {
        long started = System.nanoTime();
        try {
            HttpResponse<String> answer = request.send();
            timings.computeIfAbsent(path, key -> Collections.synchronizedList(new ArrayList<>()))
                    .add((System.nanoTime() - started) / 1e6);
            boolean accessChanged = answer.statusCode() == 404 || answer.statusCode() == 403;
            if (!expected.contains(answer.statusCode()) && !(accessChanged && answer.statusCode() < 500)) {
                error(path, answer.statusCode() + " " + answer.body());
            }
            return answer;
        } catch (RuntimeException noAnswer) {
            error(path, noAnswer.toString());
            return null;
        }
    }

    private void error(String path, String what) {
        errors.computeIfAbsent(path, key -> new AtomicInteger()).incrementAndGet();
        if (firstErrors.size() < 10) {
            firstErrors.add(path + ": " + (what.length() > 300 ? what.substring(0, 300) : what));
        }
    }

    /** Every node's used heap, live threads and the database's open connections. */
    private String sample(long second, List<RunningKontak> nodes, BenchDatabase database) {
        StringBuilder row = new StringBuilder("| " + second / 60 + " min " + second % 60 + " s |");
        for (RunningKontak node : nodes) {
            String metrics = Visitor.overHttp11(node.base()).getJson("/metrics", ScaleMeasurements.ADMIN_EMAIL,
                    ScaleMeasurements.ADMIN_PASSWORD).body();
            row.append(String.format(Locale.ROOT, " %.0f MB | %.0f |", metric(metrics, "memory_usedHeap_bytes")
                    / 1e6, metric(metrics, "thread_count")));
        }
        try {
            row.append(" ").append(database.connections()).append(" |");
        } catch (java.sql.SQLException e) {
            row.append(" ? |");
        }
        return row.toString();
    }

    private static double metric(String prometheus, String name) {
        return ScaleMeasurements.sample(prometheus, name).orElse(Double.NaN);
    }

    // ---- the report

    private String report(List<String> samples, LoadBalancer balancer) throws InterruptedException {
        StringBuilder out = new StringBuilder("Entry: " + balancer.describe() + "\n\n");
        out.append("| operation | requests | errors | p50 | p99 |\n|---|---|---|---|---|\n");
        new java.util.TreeMap<>(timings).forEach((path, times) -> out.append(String.format(Locale.ROOT,
                "| %s | %,d | %d | %.1f ms | %.1f ms |%n", path, times.size(),
                errors.getOrDefault(path, new AtomicInteger()).get(), Timings.quantile(times, 0.5),
                Timings.quantile(times, 0.99))));
        int total = errors.values().stream().mapToInt(AtomicInteger::get).sum();
        out.append("\nErrors: ").append(total).append(firstErrors.isEmpty() ? "" : ", first: " + firstErrors)
                .append("\n\n| at | node A heap | node A threads | node B heap | node B threads | database connections |\n"
                        + "|---|---|---|---|---|---|\n");
        samples.forEach(sample -> out.append(sample).append('\n'));
        out.append("\nMetadata equal to a full recompute: ").append(metadataChecks()).append('\n');
        return out.toString();
    }

    /**
     * For every user, whether their row equals what a full recompute makes of the data, once the imports still
     * running have ended.
     */
    private String metadataChecks() throws InterruptedException {
        Thread.sleep(5_000);
        int equal = 0;
        List<String> differing = new ArrayList<>();
        for (User user : users) {
            JsonObject before = json(expect(call(user, "GET", "/api/metadata", null), 200));
            JsonObject after = json(expect(call(user, "POST", "/api/metadata/refresh", null), 200));
            List<String> fields = List.of("contactIds", "contactCount", "activityCount", "teamIds", "dataChecksum")
                    .stream().filter(field -> !before.get(field).equals(after.get(field))).toList();
            if (fields.isEmpty()) {
                equal++;
            } else {
                differing.add(user.email() + " " + fields.stream().map(field -> field + ": " + shortened(before.get(
                        field)) + " / recomputed " + shortened(after.get(field))).toList());
            }
        }
        return equal + " of " + users.size() + " users" + (differing.isEmpty() ? "" : "; differing: " + differing);
    }

    // ---- helpers

    private static String shortened(Object value) {
        String text = String.valueOf(value);
        return text.length() > 120 ? text.substring(0, 120) + "…" : text;
    }

    private HttpResponse<String> call(User user, String method, String path, String json) {
        return visitor.sendJson(method, path, json, user.email(), user.token());
    }

    private static HttpResponse<String> expect(HttpResponse<String> answer, int status) {
        if (answer.statusCode() != status) {
            throw new IllegalStateException("Expected " + status + ", got " + answer.statusCode() + ": " + answer.body());
        }
        return answer;
    }

    private static JsonObject json(HttpResponse<String> answer) {
        return Json.createReader(new StringReader(answer.body())).readObject();
    }

    private static String idIn(HttpResponse<String> answer) {
        return json(answer).getString("id");
    }

    /** HAProxy in front of the nodes, balancing every request round robin. */
    private record LoadBalancer(Process haproxy, URI entry, String describe) implements AutoCloseable {

        static LoadBalancer start(URI nodeA, URI nodeB) throws Exception {
            int port = RunningKontak.freePort();
            Path config = java.util.stream.Stream.of(Path.of("docker/haproxy.cfg"), Path.of("../docker/haproxy.cfg"))
                    .filter(Files::exists).findFirst().orElseThrow().toAbsolutePath().normalize();
            ProcessBuilder builder = new ProcessBuilder("haproxy", "-db", "-f", config.toString())
                    .redirectErrorStream(true).redirectOutput(Files.createTempFile("kontak-haproxy-", ".log").toFile());
            builder.environment().put("KONTAK_LISTEN", "127.0.0.1:" + port);
            builder.environment().put("KONTAK_NODE1", nodeA.getHost() + ":" + nodeA.getPort());
            builder.environment().put("KONTAK_NODE2", nodeB.getHost() + ":" + nodeB.getPort());
            Process haproxy = builder.start();
            URI entry = URI.create("http://127.0.0.1:" + port + "/");
            for (int i = 0; i < 50; i++) {
                try {
                    if (Visitor.overHttp11(entry).get("/health/ready").statusCode() == 200) {
                        return new LoadBalancer(haproxy, entry, "HAProxy (docker/haproxy.cfg, round robin) at " + entry
                                + " over " + nodeA + " and " + nodeB);
                    }
                } catch (RuntimeException notYet) {
                    // keep trying
                }
                Thread.sleep(200);
            }
            haproxy.destroy();
            throw new IllegalStateException("HAProxy did not answer at " + entry);
        }

        @Override
        public void close() {
            haproxy.destroy();
        }
    }
}
