package dev.kontak.web.bench;

import dev.kontak.web.seed.SampleData;
import dev.kontak.web.testing.RunningKontak;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Kontak at a million contacts (issue "[1 of 6]", Benchmark): creates a PostgreSQL database on the local server
 * (127.0.0.1:5432, trust authentication), seeds it with {@link SampleData} (40 users x 25,000 contacts in teams of
 * ten, one contact in three shared, so a user may access about 100,000; plus a user outside every team with 100),
 * starts {@code webapp/target/kontak.jar} against it with two roles (row level security on), measures the daily
 * paths for both users side by side ({@link ScaleMeasurements}), prints a markdown table of medians and p95 (also
 * written to {@code webapp/target/scale-benchmark.md}) and drops the database. Not a test; from the repository root:
 *
 * <pre>mvn -B -ntp verify -pl webapp -am -DskipTests -Pscale-benchmark</pre>
 *
 * Options go in {@code -Dkontak.bench.args="..."}: {@code --keep} keeps the database (its name is printed) and
 * {@code --database=kontak_bench_...} measures a kept one again without seeding; {@code --users=40},
 * {@code --contacts=25000} (per user), {@code --small=100} (the lone user's), {@code --rounds=10},
 * {@code --warmup=1}, {@code --samples=5} (per path, user and round), {@code --max-age=PT2M} (Kontak's
 * kontak.metadata.max-age; each round waits that long before its stale view), {@code --deep=50000} (contacts into the
 * list for the deep page), {@code --heap=2g} (kontak.jar's -Xmx), {@code --server=127.0.0.1:5432}, {@code --no-owner}
 * (no second kontak.jar connected as the tables' owner, whose API requests are measured beside the first one's to
 * show what row level security costs).
 */
public final class ScaleBenchmark {

    /** The benchmark's settings, from {@code --name=value} arguments. */
    record Options(Map<String, String> values) {

        static Options parse(String[] args) {
            Map<String, String> values = new HashMap<>();
            for (String arg : args) {
                if (!arg.startsWith("--")) {
                    throw new IllegalArgumentException("Options look like --name=value: " + arg);
                }
                String[] parts = arg.substring(2).split("=", 2);
                values.put(parts[0], parts.length == 2 ? parts[1] : "true");
            }
            return new Options(values);
        }

        String text(String name, String fallback) {
            return values.getOrDefault(name, fallback);
        }

        int number(String name, int fallback) {
            return Integer.parseInt(text(name, Integer.toString(fallback)).replace("_", "").replace(",", ""));
        }

        boolean flag(String name) {
            return Boolean.parseBoolean(text(name, "false"));
        }

        Duration maxAge() {
            return Duration.parse(text("max-age", "PT2M"));
        }
    }

    private ScaleBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args);
        String server = options.text("server", "127.0.0.1:5432");
        String kept = options.text("database", null);
        BenchDatabase database = kept == null ? BenchDatabase.create(server) : BenchDatabase.existing(server, kept);
        System.out.println("Database " + database);
        try {
            if (kept == null) {
                seed(database, options);
            }
            Path workDir = Files.createTempDirectory("kontak-scale-");
            String heap = options.text("heap", "2g");
            try (RunningKontak kontak = RunningKontak.start(workDir, environment(database, options), List.of(), heap);
                    RunningKontak owner = options.flag("no-owner") ? null : RunningKontak.start(workDir,
                            ownerEnvironment(database, options), List.of(), heap)) {
                String table = new ScaleMeasurements(kontak.base(), owner == null ? null : owner.base(), database,
                        options).run();
                System.out.println();
                System.out.println(table);
                Path report = Path.of(System.getProperty("kontak.bench.report", "target/scale-benchmark.md"));
                Files.writeString(report, table);
                System.out.println("Written to " + report.toAbsolutePath());
            }
        } finally {
            if (options.flag("keep")) {
                System.out.println("Kept the database; measure again with -Dkontak.bench.args=\"--database=" + database.name()
                        + "\", drop it with: psql -h 127.0.0.1 -U postgres -c 'DROP DATABASE " + database.name()
                        + " WITH (FORCE)' -c 'DROP ROLE " + database.role() + "'");
            } else {
                database.drop();
                System.out.println("Dropped " + database.name());
            }
        }
    }

    private static void seed(BenchDatabase database, Options options) throws Exception {
        SampleData.Plan plan = new SampleData.Plan(options.number("users", 40), options.number("contacts", 25_000),
                options.number("activities", 1), false, options.number("small", 100));
        long started = System.nanoTime();
        SampleData.Written written = database.seed(plan);
        System.out.printf(Locale.ROOT, "Seeded %,d users, %,d contacts, %,d activities in %,d s%n", written.users(),
                written.contacts(), written.activities(), (System.nanoTime() - started) / 1_000_000_000L);
    }

    /** The same, connected as the tables' owner: row level security does not apply to it. */
    private static Map<String, String> ownerEnvironment(BenchDatabase database, Options options) {
        Map<String, String> environment = new HashMap<>(environment(database, options));
        environment.put("KONTAK_DB_USER", database.superuser());
        environment.put("KONTAK_DB_PASSWORD", "trust");
        environment.remove("KONTAK_DB_OWNER_USER");
        environment.remove("KONTAK_DB_OWNER_PASSWORD");
        return environment;
    }

    /**
     * kontak.jar as in production with two roles: the login role, held by row level security, and the owner (the
     * superuser here) for migrations. The background repair is off: it would recompute every user during the run.
     */
    static Map<String, String> environment(BenchDatabase database, Options options) {
        return Map.of(
                "KONTAK_DB_URL", database.url(),
                "KONTAK_DB_USER", database.role(),
                "KONTAK_DB_PASSWORD", database.rolePassword(),
                "KONTAK_DB_OWNER_USER", database.superuser(),
                "KONTAK_DB_OWNER_PASSWORD", "trust",
                "KONTAK_ADMIN_EMAIL", ScaleMeasurements.ADMIN_EMAIL,
                "KONTAK_ADMIN_PASSWORD", ScaleMeasurements.ADMIN_PASSWORD,
                "KONTAK_METADATA_MAX_AGE", options.maxAge().toString(),
                "KONTAK_SYNC_INTERVAL", "PT0S");
    }
}
