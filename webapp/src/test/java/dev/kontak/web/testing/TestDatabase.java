package dev.kontak.web.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Logger;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * One PostgreSQL database for this test run, created before the first test and dropped after the last, so that
 * runs never see each other's data. Uses the server at {@code kontak.test.pg} (default 127.0.0.1:5432, user
 * postgres); where none answers, starts an embedded PostgreSQL from a Maven artifact instead of skipping.
 *
 * <p>Payara Micro instances started by Arquillian get the connection settings as JVM options through an argument
 * file ({@code java @file}), because the adapter passes {@code payara.cmdOptions} as one single argument.
 */
public class TestDatabase implements LauncherSessionListener {

    private static final Logger LOG = Logger.getLogger(TestDatabase.class.getName());
    private static final String SERVER = System.getProperty("kontak.test.pg", "127.0.0.1:5432");

    private static String url;
    private static EmbeddedPostgres embedded;
    private static String adminUrl;
    private static String name;
    private static String appUser;
    private static String appPassword;

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        if (System.getProperty("payara.microJar") == null) {
            return; // a unit-test run (surefire): no server, no database
        }
        try {
            adminUrl = reachableServer();
            name = "kontak_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
            execute("CREATE DATABASE " + name);
            url = adminUrl.substring(0, adminUrl.lastIndexOf('/') + 1) + name;
            createAppRole();
            System.setProperty("payara.cmdOptions", "@" + payaraJvmOptions());
            LOG.info(() -> "Test database " + url);
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("Could not create the test database", e);
        }
    }

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        SharedKontak.stop();
        try {
            if (name != null) {
                execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            }
            if (appUser != null) {
                execute("DROP ROLE IF EXISTS " + appUser);
            }
            if (embedded != null) {
                embedded.close();
            }
        } catch (SQLException | IOException e) {
            LOG.warning(() -> "Could not drop the test database " + name + ": " + e);
        }
    }

    /** JDBC URL of this run's database. */
    public static String url() {
        return url;
    }

    /** As the superuser, who owns the tables and sees every row. */
    public static Connection connect() throws SQLException {
        return DriverManager.getConnection(url, "postgres", "");
    }

    /** As the server connects: this run's login role, a member of kontak_app, held by row level security. */
    public static Connection connectAsApplication() throws SQLException {
        return DriverManager.getConnection(url, appUser, appPassword);
    }

    public static String applicationRole() {
        return appUser;
    }

    /** The first column of the first row of a query (a count, say), or null where there is no row. */
    public static Object value(String sql, Object... parameters) throws SQLException {
        try (Connection db = connect(); PreparedStatement query = db.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                query.setObject(i + 1, parameters[i]);
            }
            try (ResultSet result = query.executeQuery()) {
                return result.next() ? result.getObject(1) : null;
            }
        }
    }

    public static long count(String sql, Object... parameters) throws SQLException {
        return ((Number) value(sql, parameters)).longValue();
    }

    private static String reachableServer() throws IOException {
        String candidate = "jdbc:postgresql://" + SERVER + "/postgres";
        try (Connection ignored = DriverManager.getConnection(candidate + "?connectTimeout=3", "postgres", "")) {
            return candidate;
        } catch (SQLException unreachable) {
            LOG.info(() -> "No PostgreSQL at " + SERVER + " (" + unreachable.getMessage() + "): starting an embedded one");
            embedded = EmbeddedPostgres.builder().start();
            return "jdbc:postgresql://127.0.0.1:" + embedded.getPort() + "/postgres";
        }
    }

    private static void execute(String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(adminUrl, "postgres", "");
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    /**
     * A login role of this run for the server, a member of kontak_app, so that every test runs with row level
     * security active; the superuser migrates as the tables' owner. kontak_app is created as the migration would
     * (NOLOGIN NOINHERIT) where this server does not have it yet, since the login role must join it first.
     */
    private static void createAppRole() throws SQLException {
        appUser = name + "_app";
        appPassword = UUID.randomUUID().toString();
        execute("DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_catalog.pg_roles WHERE rolname = 'kontak_app') THEN "
                + "CREATE ROLE kontak_app NOLOGIN NOINHERIT; END IF; EXCEPTION WHEN duplicate_object THEN NULL; END $$");
        execute("CREATE ROLE " + appUser + " LOGIN PASSWORD '" + appPassword + "' IN ROLE kontak_app");
    }

    /** What every test server of this run is configured with: this run's database, the test admin, fast hashing. */
    /** The same as environment variables, as MicroProfile Config reads them: kontak.db.url is KONTAK_DB_URL. */
    public static Map<String, String> serverEnvironment() {
        Map<String, String> environment = new HashMap<>();
        serverSettings().forEach((key, value) -> environment.put(key.replaceAll("[^A-Za-z0-9]", "_")
                .toUpperCase(Locale.ROOT), value));
        return environment;
    }

    static Map<String, String> serverSettings() {
        return Map.of(
                "kontak.db.url", url,
                "kontak.db.user", appUser,
                "kontak.db.password", appPassword,
                "kontak.db.owner-user", "postgres",
                "kontak.db.owner-password", "postgres",
                "kontak.password.iterations", "1024", // the fewest Jakarta Security allows: most API requests sign in
                "kontak.admin.email", TestAccounts.ADMIN_EMAIL,
                "kontak.admin.password", TestAccounts.ADMIN_PASSWORD);
    }

    private static Path payaraJvmOptions() {
        try {
            Path file = Files.createTempFile("kontak-it-", ".args");
            file.toFile().deleteOnExit();
            List<String> options = new ArrayList<>();
            serverSettings().forEach((key, value) -> options.add("-D" + key + "=" + value));
            options.add("-Xmx768m");
            options.addAll(RunningKontak.TEST_JVM_OPTIONS);
            // a seed given to this run reaches the tests that run inside the server
            Optional.ofNullable(System.getProperty("kontak.test.seed")).ifPresent(seed -> options.add("-Dkontak.test.seed=" + seed));
            Files.write(file, options);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
