package dev.kontak.web.bench;

import dev.kontak.web.bench.ScaleBenchmark.Options;
import dev.kontak.web.seed.SampleData;
import dev.kontak.web.testing.RunningKontak;
import dev.kontak.web.testing.TestAccounts;
import dev.kontak.web.testing.Visitor;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * CardDAV as a phone uses it, on kontak.jar against a fresh PostgreSQL database with row level security on, with a
 * user whose book holds 100,000 contacts ({@link SampleData}) and one who imported 10,000 (their change log
 * written as an import writes it): the initial sync of the 10,000 (a sync-collection without a token, then
 * addressbook-multiget of 100 cards at a time, as DAVx5 does), a sync when nothing changed (sync-collection with the
 * current token) and a sync after one change (the token before it, and a multiget of the card changed), for both
 * books side by side, so that what does not depend on the book's size shows. Medians of {@code --rounds} after
 * {@code --warmup} unmeasured calls. Run by the {@code scale-benchmark} profile with
 * {@code -Dkontak.bench.main=dev.kontak.web.bench.CardDavBenchmark}; options {@code --contacts=100000},
 * {@code --rounds=25}, {@code --warmup=10}, {@code --heap=2g}, {@code --server=127.0.0.1:5432}.
 */
public final class CardDavBenchmark {

    private static final String BOOK = "/dav/addressbooks/contacts/";
    private static final Pattern HREF = Pattern.compile("<d:href>([^<]+\\.vcf)</d:href>");
    private static final Pattern TOKEN = Pattern.compile("<d:sync-token>([^<]+)</d:sync-token>");

    private final Visitor visitor;

    private CardDavBenchmark(URI base) {
        this.visitor = new Visitor(base);
    }

    /** A user and an app password of theirs. */
    private record Phone(String email, String token) {
    }

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args);
        int contacts = options.number("contacts", 100_000);
        int rounds = options.number("rounds", 25);
        int warmup = options.number("warmup", 10);
        BenchDatabase database = BenchDatabase.create(options.text("server", "127.0.0.1:5432"));
        try {
            SampleData.Written written = database.seed(new SampleData.Plan(10, 10, 0, false, contacts));
            String lone = written.emails().get(written.emails().size() - 1);
            try (RunningKontak kontak = RunningKontak.start(Files.createTempDirectory("kontak-carddav-"),
                    ScaleBenchmark.environment(database, options), List.of(), options.text("heap", "2g"))) {
                CardDavBenchmark benchmark = new CardDavBenchmark(kontak.base());
                Phone large = benchmark.phoneOf(lone, SampleData.PASSWORD);
                Phone imported = benchmark.importer(10_000);
                String table = benchmark.run(large, imported, contacts, warmup, rounds);
                System.out.println();
                System.out.println(table);
                Path report = Path.of(System.getProperty("kontak.bench.report", "target/carddav-benchmark.md"));
                Files.writeString(report, table);
                System.out.println("Written to " + report.toAbsolutePath());
            }
        } finally {
            database.drop();
        }
    }

    private String run(Phone large, Phone imported, int contacts, int warmup, int rounds) {
        StringBuilder table = new StringBuilder("| what | book | median | samples | what it gave |\n|---|---|---|---|---|\n");
        String tenThousand = "10,000 (imported)";
        String hundredThousand = String.format(Locale.ROOT, "%,d", contacts);
        table.append(row("initial sync: sync-collection, then multiget by 100", tenThousand, 1, 3,
                () -> String.format(Locale.ROOT, "%,d cards", initialSync(imported))));
        for (Phone phone : List.of(imported, large)) {
            String size = phone == imported ? tenThousand : hundredThousand;
            String token = token(sync(phone, ""));
            table.append(row("sync, nothing changed", size, warmup, rounds, () -> {
                String body = sync(phone, token);
                return HREF.matcher(body).results().count() + " cards";
            }));
            String[] before = {token};
            String card = HREF.matcher(sync(phone, "")).results().findFirst().orElseThrow().group(1);
            String id = card.substring(BOOK.length(), card.length() - ".vcf".length());
            int[] turn = {0};
            table.append(row("sync after one change (the change itself not timed)", size, warmup, rounds,
                    () -> ok(visitor.sendJson("PUT", "/api/contacts/" + id, "{\"name\":\"Changed " + turn[0]++ + "\"}",
                            phone.email(), phone.token()), 200), () -> {
                        String changed = sync(phone, before[0]);
                        List<String> hrefs = HREF.matcher(changed).results().map(match -> match.group(1)).toList();
                        before[0] = token(changed);
                        return multiget(phone, hrefs) + " card";
                    }));
        }
        return table.toString();
    }

    /** Every card of the book, as a client's first sync reads them; how many it read. */
    private int initialSync(Phone phone) {
        List<String> hrefs = HREF.matcher(sync(phone, "")).results().map(match -> match.group(1)).toList();
        int read = 0;
        for (int from = 0; from < hrefs.size(); from += 100) {
            read += multiget(phone, hrefs.subList(from, Math.min(hrefs.size(), from + 100)));
        }
        return read;
    }

    private String sync(Phone phone, String token) {
        return dav(phone, "<?xml version=\"1.0\"?><d:sync-collection xmlns:d=\"DAV:\"><d:sync-token>" + token
                + "</d:sync-token><d:sync-level>1</d:sync-level><d:prop><d:getetag/></d:prop></d:sync-collection>");
    }

    private int multiget(Phone phone, List<String> hrefs) {
        StringBuilder body = new StringBuilder("<?xml version=\"1.0\"?><c:addressbook-multiget xmlns:d=\"DAV:\" "
                + "xmlns:c=\"urn:ietf:params:xml:ns:carddav\"><d:prop><d:getetag/><c:address-data/></d:prop>");
        hrefs.forEach(href -> body.append("<d:href>").append(href).append("</d:href>"));
        String answer = dav(phone, body.append("</c:addressbook-multiget>").toString());
        return answer.split("BEGIN:VCARD", -1).length - 1;
    }

    private String dav(Phone phone, String body) {
        HttpResponse<String> answer = visitor.send(HttpRequest.newBuilder(visitor.resolve(BOOK))
                .header("Authorization", Visitor.basic(phone.email(), phone.token()))
                .method("REPORT", HttpRequest.BodyPublishers.ofString(body)));
        if (answer.statusCode() != 207) {
            throw new IllegalStateException(answer.statusCode() + " " + answer.body());
        }
        return answer.body();
    }

    private static String token(String multistatus) {
        Matcher found = TOKEN.matcher(multistatus);
        if (!found.find()) {
            throw new IllegalStateException("no sync-token in " + multistatus);
        }
        return found.group(1);
    }

    /** A new user who imported this many generated vCards. */
    private Phone importer(int cards) throws InterruptedException {
        String email = TestAccounts.uniqueEmail("phone");
        ok(visitor.postJson("/api/signup", "{\"email\":\"" + email + "\",\"password\":\"" + TestAccounts.PASSWORD
                + "\",\"displayName\":\"Phone\"}"), 201);
        Phone phone = phoneOf(email, TestAccounts.PASSWORD);
        String id = ok(visitor.send(HttpRequest.newBuilder(visitor.resolve("/api/imports"))
                .header("Authorization", Visitor.basic(email, phone.token())).header("Content-Type", "text/vcard")
                .POST(HttpRequest.BodyPublishers.ofByteArray(ImportBenchmark.vcards(0, cards)))), 202).getString("id");
        while ("running".equals(ok(visitor.getJson("/api/imports/" + id + "?limit=1", email, phone.token()), 200)
                .getString("status"))) {
            Thread.sleep(500);
        }
        return phone;
    }

    private Phone phoneOf(String email, String password) {
        return new Phone(email, ok(visitor.sendJson("POST", "/api/app-passwords", "{\"name\":\"phone\"}", email,
                password), 201).getString("token"));
    }

    private static String row(String what, String book, int warmup, int rounds, Supplier<String> call) {
        return row(what, book, warmup, rounds, () -> { }, call);
    }

    /** Some unmeasured calls, then the median of {@code rounds}; {@code before} runs untimed before each call. */
    private static String row(String what, String book, int warmup, int rounds, Runnable before,
            Supplier<String> call) {
        for (int i = 0; i < warmup; i++) {
            before.run();
            call.get();
        }
        List<Double> millis = new ArrayList<>();
        String gave = "";
        for (int i = 0; i < rounds; i++) {
            before.run();
            long started = System.nanoTime();
            gave = call.get();
            millis.add((System.nanoTime() - started) / 1e6);
        }
        System.out.println(what + " (" + book + "): " + millis + " ms");
        List<Double> sorted = millis.stream().sorted().toList();
        return String.format(Locale.ROOT, "| %s | %s | %,.1f ms | %d | %s |%n", what, book, sorted.get(sorted.size() / 2),
                rounds, gave);
    }

    private static JsonObject ok(HttpResponse<String> answer, int status) {
        if (answer.statusCode() != status) {
            throw new IllegalStateException(answer.statusCode() + " " + answer.body());
        }
        try (JsonReader reader = Json.createReader(new StringReader(answer.body()))) {
            return reader.readObject();
        }
    }
}
