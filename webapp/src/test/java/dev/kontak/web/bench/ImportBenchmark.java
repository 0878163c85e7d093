package dev.kontak.web.bench;

import dev.kontak.web.bench.ScaleBenchmark.Options;
import dev.kontak.web.testing.RunningKontak;
import dev.kontak.web.testing.TestAccounts;
import dev.kontak.web.testing.Visitor;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Imports of generated vCards (two e-mails, two phones and an address each) through {@code POST /api/imports} into
 * a user in a team of ten, on kontak.jar against a fresh PostgreSQL database with row level security on: the time
 * from the request to the completed import, contacts per second, and kontak.jar's heap (used heap after a full GC
 * before the import, the most seen while it ran, and after a full GC at the end). A {@code main}, run by the
 * {@code scale-benchmark} profile with {@code -Dkontak.bench.main=dev.kontak.web.bench.ImportBenchmark}; options
 * {@code --sizes=10000,100000}, {@code --heap=2g}, {@code --server=127.0.0.1:5432}.
 */
public final class ImportBenchmark {

    private static final Pattern USED_HEAP = Pattern.compile("(?m)^(?:base_)?memory_usedHeap_bytes(?:\\{[^}]*\\})?\\s+([0-9.eE+-]+)$");

    private final Visitor visitor;
    private final long pid;
    private final String owner = TestAccounts.uniqueEmail("importer");
    /** App passwords, checked by SHA-256: polling with the account password would spend a core on PBKDF2. */
    private String ownerToken;
    private String adminToken;

    private ImportBenchmark(URI base, long pid) {
        this.visitor = new Visitor(base);
        this.pid = pid;
    }

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args);
        BenchDatabase database = BenchDatabase.create(options.text("server", "127.0.0.1:5432"));
        try (RunningKontak kontak = RunningKontak.start(Files.createTempDirectory("kontak-import-"),
                ScaleBenchmark.environment(database, options), List.of(), options.text("heap", "2g"))) {
            ImportBenchmark benchmark = new ImportBenchmark(kontak.base(), kontak.pid());
            benchmark.teamOfTen();
            benchmark.ownerToken = benchmark.appPassword(benchmark.owner, TestAccounts.PASSWORD);
            benchmark.adminToken = benchmark.appPassword(ScaleMeasurements.ADMIN_EMAIL, ScaleMeasurements.ADMIN_PASSWORD);
            StringBuilder table = new StringBuilder("| cards | file | time | cards per second | heap before | peak during | after |\n"
                    + "|---|---|---|---|---|---|---|\n");
            int offset = 0;
            for (String size : options.text("sizes", "10000,100000").split(",")) {
                int cards = Integer.parseInt(size.strip());
                table.append(benchmark.measure(offset, cards)).append('\n');
                offset += cards;
            }
            System.out.println();
            System.out.println(table);
            Path report = Path.of(System.getProperty("kontak.bench.report", "target/import-benchmark.md"));
            Files.writeString(report, table);
            System.out.println("Written to " + report.toAbsolutePath());
        } finally {
            database.drop();
        }
    }

    private String measure(int offset, int cards) throws Exception {
        byte[] file = vcards(offset, cards);
        long before = heapAfterFullGc();
        long started = System.nanoTime();
        HttpResponse<String> accepted = visitor.send(HttpRequest.newBuilder(visitor.resolve("/api/imports"))
                .header("Authorization", Visitor.basic(owner, ownerToken)).header("Content-Type", "text/vcard")
                .POST(HttpRequest.BodyPublishers.ofByteArray(file)));
        if (accepted.statusCode() != 202) {
            throw new IllegalStateException(accepted.statusCode() + " " + accepted.body());
        }
        String id = json(accepted).getString("id");
        long peak = before;
        JsonObject status;
        do {
            Thread.sleep(500);
            peak = Math.max(peak, usedHeap());
            status = json(visitor.getJson("/api/imports/" + id + "?limit=1", owner, ownerToken));
        } while ("running".equals(status.getString("status")));
        double seconds = (System.nanoTime() - started) / 1e9;
        if (!"completed".equals(status.getString("status")) || status.getInt("created") != cards) {
            throw new IllegalStateException("The import ended as " + status);
        }
        long after = heapAfterFullGc();
        System.out.printf(Locale.ROOT, "%,d cards in %.1f s%n", cards, seconds);
        return String.format(Locale.ROOT, "| %,d | %,d KB | %.1f s | %,.0f | %,d MB | %,d MB (+%,d MB) | %,d MB |", cards,
                file.length / 1024, seconds, cards / seconds, mb(before), mb(peak), mb(peak - before), mb(after));
    }

    /** The owner and nine teammates in one team: every import's contacts are the owner's, their metadata too. */
    private void teamOfTen() {
        signUp(owner);
        String team = json(visitor.sendJson("POST", "/api/teams", "{\"name\":\"Ten\"}", owner, TestAccounts.PASSWORD))
                .getString("id");
        for (int i = 0; i < 9; i++) {
            String member = TestAccounts.uniqueEmail("teammate");
            signUp(member);
            visitor.sendJson("POST", "/api/teams/" + team + "/members", "{\"email\":\"" + member + "\"}", owner,
                    TestAccounts.PASSWORD);
        }
    }

    private String appPassword(String email, String password) {
        return json(visitor.sendJson("POST", "/api/app-passwords", "{\"name\":\"benchmark\"}", email, password))
                .getString("token");
    }

    private void signUp(String email) {
        HttpResponse<String> created = visitor.postJson("/api/signup", "{\"email\":\"" + email + "\",\"password\":\""
                + TestAccounts.PASSWORD + "\",\"displayName\":\"Bench\"}");
        if (created.statusCode() != 201) {
            throw new IllegalStateException(created.body());
        }
    }

    static byte[] vcards(int offset, int cards) {
        StringBuilder file = new StringBuilder(cards * 330);
        for (int n = offset; n < offset + cards; n++) {
            file.append("BEGIN:VCARD\r\nVERSION:3.0\r\nN:Orang ").append(n).append(";Budi;;;\r\nFN:Budi Orang ").append(n)
                    .append("\r\nEMAIL;TYPE=INTERNET,WORK:budi").append(n).append("@kantor.example\r\n")
                    .append("EMAIL;TYPE=INTERNET,HOME:budi").append(n).append("@rumah.example\r\n")
                    .append(String.format(Locale.ROOT, "TEL;TYPE=CELL:+62 812 %04d %04d\r\n", n / 10000, n % 10000))
                    .append(String.format(Locale.ROOT, "TEL;TYPE=WORK:+62 21 %04d %04d\r\n", n / 10000, n % 10000))
                    .append("ADR;TYPE=HOME:;;Jl. Melati ").append(n).append(";Bandung;Jawa Barat;40115;Indonesia\r\n")
                    .append("ORG:Toko ").append(n % 100).append("\r\nEND:VCARD\r\n");
        }
        return file.toString().getBytes(StandardCharsets.UTF_8);
    }

    private long heapAfterFullGc() throws IOException, InterruptedException {
        Process gc = new ProcessBuilder("jcmd", Long.toString(pid), "GC.run").redirectErrorStream(true).start();
        gc.getInputStream().readAllBytes();
        gc.waitFor();
        return usedHeap();
    }

    private long usedHeap() {
        String metrics = visitor.getJson("/metrics", ScaleMeasurements.ADMIN_EMAIL, adminToken).body();
        Matcher used = USED_HEAP.matcher(metrics);
        return used.find() ? (long) Double.parseDouble(used.group(1)) : -1;
    }

    private static long mb(long bytes) {
        return bytes / (1024 * 1024);
    }

    private static JsonObject json(HttpResponse<String> answer) {
        try (JsonReader reader = Json.createReader(new StringReader(answer.body()))) {
            return reader.readObject();
        }
    }
}
