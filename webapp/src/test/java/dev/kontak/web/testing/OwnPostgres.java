package dev.kontak.web.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A PostgreSQL server of a test's own, which it may restart and stop without touching anyone else's: initdb in a
 * temporary folder, its own port, the machine's binaries (Debian's {@code /usr/lib/postgresql/<version>/bin}), run
 * as the {@code postgres} user where the test runs as root (PostgreSQL refuses root).
 */
public final class OwnPostgres implements AutoCloseable {

    private final Path bin;
    private final Path data;
    private final int port;

    private OwnPostgres(Path bin, Path data, int port) {
        this.bin = bin;
        this.data = data;
        this.port = port;
    }

    /** The binaries, if this machine has them. */
    public static Optional<Path> binaries() {
        try (Stream<Path> versions = Files.list(Path.of("/usr/lib/postgresql"))) {
            return versions.map(version -> version.resolve("bin")).filter(bin -> Files.isExecutable(bin.resolve("pg_ctl")))
                    .max(Comparator.naturalOrder());
        } catch (IOException none) {
            return Optional.empty();
        }
    }

    public static OwnPostgres started() throws IOException {
        Path bin = binaries().orElseThrow(() -> new IllegalStateException("No PostgreSQL binaries on this machine"));
        Path folder = Files.createTempDirectory("kontak-own-pg-");
        OwnPostgres server = new OwnPostgres(bin, folder.resolve("data"), RunningKontak.freePort());
        if (isRoot()) {
            server.run(List.of("chown", "postgres:postgres", folder.toString()), false);
        }
        server.run(List.of(bin.resolve("initdb").toString(), "-D", server.data.toString(), "-U", "postgres", "-A",
                "trust", "--no-sync"), true);
        server.start();
        return server;
    }

    public void start() {
        pgCtl("-o", "-p " + port + " -k " + data + " -c listen_addresses=127.0.0.1 -c fsync=off", "-l",
                data.resolve("server.log").toString(), "start");
    }

    /** A fast shutdown: open connections are ended, as a database being restarted ends them. */
    public void stop() {
        pgCtl("-m", "fast", "stop");
    }

    public void restart() {
        pgCtl("-m", "fast", "-l", data.resolve("server.log").toString(), "restart");
    }

    /** A new database with an owner (the superuser) and a login role held by row level security. */
    public Database createDatabase(String name) throws SQLException {
        String login = name + "_web";
        String password = UUID.randomUUID().toString();
        try (Connection admin = DriverManager.getConnection(url("postgres"), "postgres", "");
                Statement sql = admin.createStatement()) {
            sql.execute("CREATE DATABASE " + name);
            sql.execute("CREATE ROLE kontak_app NOLOGIN NOINHERIT");
            sql.execute("CREATE ROLE " + login + " LOGIN PASSWORD '" + password + "' IN ROLE kontak_app");
        }
        return new Database(url(name), login, password);
    }

    /** A database of this server: its URL and the application's role. */
    public record Database(String url, String login, String password) {

        public Connection connectAsOwner() throws SQLException {
            return DriverManager.getConnection(url, "postgres", "");
        }
    }

    public String url(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    @Override
    public void close() {
        stop();
        try (Stream<Path> files = Files.walk(data.getParent())) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void pgCtl(String... arguments) {
        List<String> command = new ArrayList<>(List.of(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-w"));
        command.addAll(List.of(arguments));
        run(command, true);
    }

    private void run(List<String> command, boolean asPostgres) {
        List<String> full = new ArrayList<>();
        if (asPostgres && isRoot()) {
            full.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        full.addAll(command);
        try {
            // into a file, not a pipe: the server pg_ctl starts would hold a pipe open
            Path output = Files.createTempFile("kontak-own-pg-", ".out");
            Process process = new ProcessBuilder(full).redirectErrorStream(true).redirectOutput(output.toFile()).start();
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", full) + " failed:\n" + Files.readString(output));
            }
            Files.delete(output);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }
}
