package dev.kontak.web.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kontak.web.testing.TestDatabase;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code sql/postgresql/R__user_metadata_functions.sql} is the current definition of the SQL rule's three functions
 * (and {@code R__contacts_matching_functions.sql}, the other repeatable migration, that of the list's search).
 * A database migrated by the versioned files alone, as every database was before that file existed, takes it at the
 * next start (after every versioned migration, and only it) and ends with exactly the functions a new database gets,
 * bodies included, with the signatures, owner, privileges (none for PUBLIC or Kontak's roles), SECURITY DEFINER and
 * search_path the versioned files gave them; a grant an operator made meanwhile stays. Flyway and JDBC only, on databases of its own: no server is deployed.
 */
class MetadataFunctionsMigrationIT {

    private static final List<String> FUNCTIONS = List.of("calculate_user_data_checksum(uuid)",
            "refresh_user_metadata(uuid)", "validate_contact_access(uuid, uuid)");

    /** What a function is apart from its body, privileges included; then its whole definition. */
    private static final String DEFINITIONS = "SELECT p.oid::regprocedure::text, pg_get_function_result(p.oid), "
            + "l.lanname, pg_get_userbyid(p.proowner), p.prosecdef, p.provolatile, p.proconfig::text, "
            + "COALESCE(p.proacl::text, '(default: PUBLIC may execute)'), pg_get_functiondef(p.oid) "
            + "FROM pg_proc p JOIN pg_language l ON l.oid = p.prolang WHERE p.oid = to_regprocedure(?)";
    private static final int SETTINGS = 8;
    private static final int WHOLE = 9;

    private final List<String> databases = new ArrayList<>();

    @AfterEach
    void dropDatabases() throws SQLException {
        for (String database : databases) {
            onServer("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
        }
    }

    @Test
    void aDatabaseMigratedByTheVersionedFilesAloneUpgradesToTheFunctionsOfANewOne(@TempDir Path versionedOnly)
            throws Exception {
        String upgraded = database();
        migrate(upgraded, copyVersioned("common", versionedOnly), copyVersioned("postgresql", versionedOnly));
        List<String> before = definitions(upgraded, SETTINGS);
        execute(upgraded, "GRANT EXECUTE ON FUNCTION public.refresh_user_metadata(uuid) TO kontak_maintenance");

        MigrateResult upgrade = migrate(upgraded, "classpath:db/migration/common", "classpath:db/migration/postgresql");

        assertEquals(2, upgrade.migrationsExecuted, "the repeatable migrations, and nothing else");
        assertEquals(List.of("R|contacts matching functions|true", "R|user metadata functions|true"), rows(upgraded,
                "SELECT 'R|' || description || '|' || success::text FROM flyway_schema_history WHERE version IS NULL "
                + "ORDER BY description"));
        assertEquals(List.of("true"), rows(upgraded, "SELECT bool_and(h.installed_rank > v.installed_rank)::text "
                + "FROM flyway_schema_history h, flyway_schema_history v WHERE h.version IS NULL AND v.version IS NOT NULL"),
                "applied after every versioned migration");
        assertEquals(List.of("true"), rows(upgraded, "SELECT has_function_privilege('kontak_maintenance', "
                + "'public.refresh_user_metadata(uuid)', 'EXECUTE')::text"), "a grant made meanwhile stays");
        execute(upgraded, "REVOKE EXECUTE ON FUNCTION public.refresh_user_metadata(uuid) FROM kontak_maintenance");
        assertEquals(before, definitions(upgraded, SETTINGS), "the versioned files' signatures, settings and privileges");

        String created = database();
        migrate(created, "classpath:db/migration/common", "classpath:db/migration/postgresql");
        assertEquals(definitions(upgraded, WHOLE), definitions(created, WHOLE), "bodies included");
        for (String function : FUNCTIONS) {
            for (String role : List.of("public", "kontak_app", "kontak_maintenance")) {
                assertEquals(List.of("false"), rows(created, "SELECT has_function_privilege('" + role + "', 'public."
                        + function + "', 'EXECUTE')::text"), role + " may not execute " + function);
            }
        }
        assertTrue(definitions(created, WHOLE).stream().allMatch(line -> line.contains("SECURITY DEFINER")
                && line.contains("search_path=public, pg_temp")), definitions(created, WHOLE).toString());
    }

    /** The vendor folder's versioned migrations only, copied into a folder of their own. */
    private static String copyVersioned(String folder, Path into) throws IOException, URISyntaxException {
        Path source = Path.of(MetadataFunctionsMigrationIT.class.getResource("/db/migration/" + folder).toURI());
        Path target = Files.createDirectories(into.resolve(folder));
        try (Stream<Path> files = Files.list(source)) {
            for (Path file : files.filter(f -> f.getFileName().toString().startsWith("V")).toList()) {
                Files.copy(file, target.resolve(file.getFileName()));
            }
        }
        assertFalse(Files.exists(target.resolve("R__user_metadata_functions.sql")));
        return "filesystem:" + target;
    }

    /** One line per function: its first {@code columns} columns of {@link #DEFINITIONS}. */
    private List<String> definitions(String database, int columns) throws SQLException {
        List<String> lines = new ArrayList<>();
        try (Connection db = connect(database); var query = db.prepareStatement(DEFINITIONS)) {
            for (String function : FUNCTIONS) {
                query.setString(1, "public." + function);
                try (ResultSet row = query.executeQuery()) {
                    assertTrue(row.next(), "no function " + function);
                    StringBuilder line = new StringBuilder();
                    for (int column = 1; column <= columns; column++) {
                        line.append(row.getString(column)).append(" | ");
                    }
                    lines.add(line.toString());
                }
            }
        }
        return lines;
    }

    private String database() throws SQLException {
        String name = "kontak_migration_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        onServer("CREATE DATABASE " + name);
        databases.add(name);
        return name;
    }

    private static MigrateResult migrate(String database, String... locations) {
        return Flyway.configure().dataSource(url(database), "postgres", "").locations(locations).load().migrate();
    }

    private static List<String> rows(String database, String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Connection db = connect(database); Statement query = db.createStatement(); ResultSet rows = query.executeQuery(sql)) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return values;
    }

    private static void execute(String database, String sql) throws SQLException {
        try (Connection db = connect(database); Statement statement = db.createStatement()) {
            statement.execute(sql);
        }
    }

    private static void onServer(String sql) throws SQLException {
        execute("postgres", sql);
    }

    private static Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(url(database), "postgres", "");
    }

    /** A database on the server of this run's {@link TestDatabase}. */
    private static String url(String database) {
        String run = TestDatabase.url();
        return run.substring(0, run.lastIndexOf('/') + 1) + database;
    }
}
