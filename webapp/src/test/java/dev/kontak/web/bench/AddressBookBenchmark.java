package dev.kontak.web.bench;

import dev.kontak.web.bench.ScaleBenchmark.Options;
import dev.kontak.web.seed.SampleData;
import dev.kontak.web.testing.RunningKontak;
import dev.kontak.web.testing.TestAccounts;
import dev.kontak.web.testing.Visitor;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * One user's address book of 100,000 contacts ({@link SampleData}'s made-up Indonesian and English people, whose
 * names repeat as real ones do; their e-mail addresses are made of the names), on kontak.jar against a fresh
 * PostgreSQL database with row level security on: finding the duplicates ({@code GET /api/duplicates}), exporting
 * all of them ({@code GET /api/contacts/export}, vCard 4.0), and merging two of a group ({@code POST
 * /api/contacts/merge}), and sharing 10,000 of them with a team of ten ({@code POST /api/contacts/bulk}); medians of {@code --rounds} after {@code --warmup} unmeasured calls (the JIT's steady state). A {@code main}, run by the
 * {@code scale-benchmark} profile with {@code -Dkontak.bench.main=dev.kontak.web.bench.AddressBookBenchmark};
 * options {@code --contacts=100000}, {@code --rounds=5}, {@code --warmup=3}, {@code --heap=2g}, {@code --server=127.0.0.1:5432}.
 */
public final class AddressBookBenchmark {

    private final Visitor visitor;
    private final String email;
    private final String token;

    private AddressBookBenchmark(URI base, String email) {
        this.visitor = new Visitor(base);
        this.email = email;
        this.token = json(visitor.sendJson("POST", "/api/app-passwords", "{\"name\":\"benchmark\"}", email,
                SampleData.PASSWORD)).getString("token");
    }

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args);
        int contacts = options.number("contacts", 100_000);
        int rounds = options.number("rounds", 5);
        int warmup = options.number("warmup", 3);
        BenchDatabase database = BenchDatabase.create(options.text("server", "127.0.0.1:5432"));
        try {
            SampleData.Written written = database.seed(new SampleData.Plan(10, 10, 0, false, contacts));
            String lone = written.emails().get(written.emails().size() - 1);
            try (RunningKontak kontak = RunningKontak.start(Files.createTempDirectory("kontak-address-book-"),
                    ScaleBenchmark.environment(database, options), List.of(), options.text("heap", "2g"))) {
                String table = new AddressBookBenchmark(kontak.base(), lone).run(contacts, warmup, rounds);
                System.out.println();
                System.out.println(table);
                Path report = Path.of(System.getProperty("kontak.bench.report", "target/address-book-benchmark.md"));
                Files.writeString(report, table);
                System.out.println("Written to " + report.toAbsolutePath());
            }
        } finally {
            database.drop();
        }
    }

    private String run(int contacts, int warmup, int rounds) {
        StringBuilder table = new StringBuilder("| " + String.format(Locale.ROOT, "%,d", contacts)
                + " contacts | median | samples | what it gave |\n|---|---|---|---|\n");
        JsonObject[] found = new JsonObject[1];
        table.append(row("find the duplicates", warmup, rounds, () -> {
            found[0] = ok(visitor.getJson("/api/duplicates?limit=1000", email, token));
            return String.format(Locale.ROOT, "%,d groups", found[0].getInt("total"));
        }));
        table.append(row("export all (vCard 4.0)", warmup, rounds, () -> {
            long bytes = export();
            return String.format(Locale.ROOT, "%,d MB", bytes / (1024 * 1024));
        }));
        List<JsonObject> pairs = new ArrayList<>();
        for (JsonValue group : found[0].getJsonArray("groups")) {
            pairs.add(group.asJsonObject());
        }
        int[] next = {0};
        table.append(row("merge two contacts", warmup, rounds, () -> {
            List<JsonObject> group = pairs.get(next[0]++).getJsonArray("contacts").getValuesAs(JsonObject.class);
            ok(visitor.sendJson("POST", "/api/contacts/merge", "{\"keep\":\"" + group.get(0).getString("id")
                    + "\",\"merge\":[\"" + group.get(1).getString("id") + "\"]}", email, token));
            return "";
        }));
        String team = teamOfTen();
        List<String> tenThousand = firstIds(10_000);
        int[] turn = {0};
        table.append(row("share 10,000 with a team of ten, then stop (alternately)", 0, rounds, () -> {
            boolean share = turn[0]++ % 2 == 0;
            // a connection of its own: the server closes a kept-alive one after so many requests, and a POST is not resent
            JsonObject done = ok(visitor.fresh().sendJson("POST", "/api/contacts/bulk", "{\"action\":\"" + (share ? "share" : "unshare")
                    + "\",\"teamId\":\"" + team + "\",\"ids\":[\"" + String.join("\",\"", tenThousand) + "\"]}", email, token));
            return String.format(Locale.ROOT, "%,d done", done.getInt("done"));
        }));
        return table.toString();
    }

    /** A team of the user's with nine more members, whose metadata a share reaches. */
    private String teamOfTen() {
        String team = ok(visitor.sendJson("POST", "/api/teams", "{\"name\":\"Ten\"}", email, token), 201).getString("id");
        for (int i = 0; i < 9; i++) {
            String member = TestAccounts.uniqueEmail("teammate");
            ok(visitor.postJson("/api/signup", "{\"email\":\"" + member + "\",\"password\":\"" + TestAccounts.PASSWORD
                    + "\",\"displayName\":\"Teammate\"}"), 201);
            ok(visitor.sendJson("POST", "/api/teams/" + team + "/members", "{\"email\":\"" + member + "\"}", email, token),
                    201);
        }
        return team;
    }

    /** The ids of the first contacts of the list, page by page. */
    private List<String> firstIds(int count) {
        List<String> ids = new ArrayList<>();
        String after = null;
        while (ids.size() < count) {
            JsonObject page = ok(visitor.getJson("/api/contacts?size=100" + (after == null ? "" : "&after=" + URLEncoder.encode(after, StandardCharsets.UTF_8)), email,
                    token));
            page.getJsonArray("items").getValuesAs(JsonObject.class).forEach(item -> ids.add(item.getString("id")));
            after = page.getString("next");
        }
        return ids.subList(0, count);
    }

    /** Some unmeasured calls, then the median of {@code rounds}. */
    private static String row(String what, int warmup, int rounds, Supplier<String> call) {
        for (int i = 0; i < warmup; i++) {
            call.get();
        }
        List<Double> millis = new ArrayList<>();
        String gave = "";
        for (int i = 0; i < rounds; i++) {
            long started = System.nanoTime();
            gave = call.get();
            millis.add((System.nanoTime() - started) / 1e6);
        }
        System.out.println(what + ": " + millis + " ms");
        List<Double> sorted = millis.stream().sorted().toList();
        return String.format(Locale.ROOT, "| %s | %,.0f ms | %d | %s |%n", what, sorted.get(sorted.size() / 2), rounds,
                gave);
    }

    private long export() {
        HttpResponse<String> file = visitor.send(HttpRequest.newBuilder(visitor.resolve("/api/contacts/export"))
                .header("Authorization", Visitor.basic(email, token)).GET());
        if (file.statusCode() != 200) {
            throw new IllegalStateException("export: " + file.statusCode());
        }
        return file.body().getBytes(StandardCharsets.UTF_8).length;
    }

    private static JsonObject ok(HttpResponse<String> answer) {
        return ok(answer, 200);
    }

    private static JsonObject ok(HttpResponse<String> answer, int status) {
        if (answer.statusCode() != status) {
            throw new IllegalStateException(answer.statusCode() + " " + answer.body());
        }
        return json(answer);
    }

    private static JsonObject json(HttpResponse<String> answer) {
        try (JsonReader reader = Json.createReader(new StringReader(answer.body()))) {
            return reader.readObject();
        }
    }
}
