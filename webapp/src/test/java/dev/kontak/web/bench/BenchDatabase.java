package dev.kontak.web.bench;

import dev.kontak.web.seed.SampleData;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * The scale benchmark's own PostgreSQL database on a local server with trust authentication: created with a login
 * role in kontak_app (so row level security holds Kontak's connections, as in production and in the tests'
 * {@code TestDatabase}), migrated and seeded as the superuser, dropped at the end unless kept.
 */
final class BenchDatabase {

    /**
     * Makes a user's metadata stale as a user coming back after a while finds it. The one statement to change if
     * staleness is judged by another column (such as a verified_at).
     */
    static final String MAKE_STALE = "UPDATE user_metadata SET updated_at = now() - interval '1 hour' WHERE user_id = ?";

    private static final String SUPERUSER = "postgres";

    private final String server;
    private final String name;

    private BenchDatabase(String server, String name) {
        this.server = server;
        this.name = name;
    }

    /** A new database {@code kontak_bench_<random>} and its login role. */
    static BenchDatabase create(String server) throws SQLException {
        BenchDatabase database = new BenchDatabase(server,
                "kontak_bench_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12));
        database.onServer("CREATE DATABASE " + database.name);
        database.onServer("DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_catalog.pg_roles WHERE rolname = 'kontak_app') "
                + "THEN CREATE ROLE kontak_app NOLOGIN NOINHERIT; END IF; EXCEPTION WHEN duplicate_object THEN NULL; END $$");
        database.onServer("CREATE ROLE " + database.role() + " LOGIN PASSWORD '" + database.rolePassword()
                + "' IN ROLE kontak_app");
        return database;
    }

    /** One that an earlier run kept ({@code --keep}), seeded already. */
    static BenchDatabase existing(String server, String name) {
        if (!name.matches("kontak_bench_[0-9a-f]{12}")) {
            throw new IllegalArgumentException("Not a benchmark database: " + name);
        }
        return new BenchDatabase(server, name);
    }

    String name() {
        return name;
    }

    String url() {
        return "jdbc:postgresql://" + server + "/" + name;
    }

    /** The login role Kontak connects as, a member of kontak_app. */
    String role() {
        return name + "_app";
    }

    /** Trust authentication ignores it, but Kontak refuses an empty password. */
    String rolePassword() {
        return "bench-" + name;
    }

    String superuser() {
        return SUPERUSER;
    }

    SampleData.Written seed(SampleData.Plan plan) throws SQLException {
        SampleData.migrate(url(), SUPERUSER, "");
        SampleData.Written written;
        try (Connection db = DriverManager.getConnection(url() + "?reWriteBatchedInserts=true", SUPERUSER, "")) {
            written = new SampleData().fill(db, plan);
        }
        execute("VACUUM ANALYZE");
        return written;
    }

    void makeStale(UUID user) throws SQLException {
        update(MAKE_STALE, user);
    }

    UUID userId(String email) throws SQLException {
        return (UUID) value("SELECT id FROM users WHERE email = ?", email);
    }

    /** The sample user who may access the most contacts, and the lone one (outside every team). */
    String mostConnectedEmail() throws SQLException {
        return (String) value("SELECT u.email FROM users u JOIN user_contact_access a ON a.user_id = u.id "
                + "GROUP BY u.email ORDER BY count(*) DESC, u.email LIMIT 1");
    }

    String loneEmail() throws SQLException {
        return (String) value("SELECT email FROM users WHERE email LIKE 'sample-%-lone@kontak.example'");
    }

    long accessible(UUID user) throws SQLException {
        return ((Number) value("SELECT count(*) FROM user_contact_access WHERE user_id = ?", user)).longValue();
    }

    /** Connections open to this database, Kontak's pools and anyone else's. */
    long connections() throws SQLException {
        return ((Number) value("SELECT count(*) FROM pg_stat_activity WHERE datname = ?", name)).longValue();
    }

    long contacts() throws SQLException {
        return ((Number) value("SELECT count(*) FROM contacts")).longValue();
    }

    /** Some contacts the user may access, to view. */
    List<UUID> someAccessible(UUID user, int count) throws SQLException {
        List<UUID> ids = new ArrayList<>();
        try (Connection db = connect(); PreparedStatement query = db.prepareStatement(
                "SELECT contact_id FROM user_contact_access WHERE user_id = ? ORDER BY random() LIMIT ?")) {
            query.setObject(1, user);
            query.setInt(2, count);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getObject(1, UUID.class));
                }
            }
        }
        return ids;
    }

    void drop() throws SQLException {
        onServer("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        onServer("DROP ROLE IF EXISTS " + role());
    }

    private Object value(String sql, Object... parameters) throws SQLException {
        try (Connection db = connect(); PreparedStatement query = db.prepareStatement(sql)) {
            bind(query, parameters);
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? row.getObject(1) : null;
            }
        }
    }

    private void update(String sql, Object... parameters) throws SQLException {
        try (Connection db = connect(); PreparedStatement statement = db.prepareStatement(sql)) {
            bind(statement, parameters);
            statement.executeUpdate();
        }
    }

    private void execute(String sql) throws SQLException {
        try (Connection db = connect(); Statement statement = db.createStatement()) {
            statement.execute(sql);
        }
    }

    private void onServer(String sql) throws SQLException {
        try (Connection db = DriverManager.getConnection("jdbc:postgresql://" + server + "/postgres", SUPERUSER, "");
                Statement statement = db.createStatement()) {
            statement.execute(sql);
        }
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(url(), SUPERUSER, "");
    }

    private static void bind(PreparedStatement statement, Object... parameters) throws SQLException {
        for (int i = 0; i < parameters.length; i++) {
            statement.setObject(i + 1, parameters[i]);
        }
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%s on %s", name, server);
    }
}
