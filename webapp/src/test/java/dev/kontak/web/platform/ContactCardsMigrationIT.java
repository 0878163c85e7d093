package dev.kontak.web.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.kontak.web.testing.TestDatabase;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/**
 * The migration to vCard-shaped contacts ({@code V20261202060000}) carries every existing contact's e-mail and
 * phone into its first e-mail and phone row and keeps its organisation, on PostgreSQL and on H2: a database
 * migrated up to the version before it, given contacts, then migrated to the end, has lost nothing, and search
 * looks in what it carried ({@code V20261203110000}). Flyway and
 * JDBC only, on databases of its own.
 */
class ContactCardsMigrationIT {

    private static final String BEFORE = "20261202010000";
    private static final UUID OWNER = UUID.randomUUID();
    private static final UUID FULL = UUID.randomUUID();
    private static final UUID PHONE_ONLY = UUID.randomUUID();
    private static final UUID BARE = UUID.randomUUID();

    @Test
    void postgresqlKeepsEveryContactsEmailPhoneAndCompany() throws SQLException {
        String name = "kontak_cards_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        String server = TestDatabase.url().substring(0, TestDatabase.url().lastIndexOf('/') + 1);
        try (Connection postgres = DriverManager.getConnection(server + "postgres", "postgres", "");
                Statement statement = postgres.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        }
        try {
            assertEverythingCarried(server + name, "postgres", "postgresql");
        } finally {
            try (Connection postgres = DriverManager.getConnection(server + "postgres", "postgres", "");
                    Statement statement = postgres.createStatement()) {
                statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            }
        }
    }

    @Test
    void h2KeepsEveryContactsEmailPhoneAndCompany() throws SQLException {
        assertEverythingCarried("jdbc:h2:mem:cards" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "h2");
    }

    private static void assertEverythingCarried(String url, String user, String vendor) throws SQLException {
        String[] locations = {"classpath:db/migration/common", "classpath:db/migration/" + vendor};
        Flyway.configure().dataSource(url, user, "").locations(locations).target(BEFORE).load().migrate();
        try (Connection db = DriverManager.getConnection(url, user, ""); Statement statement = db.createStatement()) {
            statement.execute("INSERT INTO users (id, email, display_name, password_hash, role, created_at) VALUES ('"
                    + OWNER + "', 'owner@kontak.test', 'Owner', 'x', 'USER', CURRENT_TIMESTAMP)");
            insertContact(statement, FULL, "'ada@example.com'", "'+62 812-3456-7890'", "'Engines'");
            insertContact(statement, PHONE_ONLY, "NULL", "'021 555 0100'", "NULL");
            insertContact(statement, BARE, "NULL", "NULL", "NULL");
        }

        Flyway.configure().dataSource(url, user, "").locations(locations).load().migrate();

        try (Connection db = DriverManager.getConnection(url, user, "")) {
            assertEquals(List.of(FULL + "|0|null|ada@example.com"),
                    rows(db, "SELECT contact_id, ordinal, label, address FROM contact_emails"));
            assertEquals(sorted(FULL + "|0|null|+62 812-3456-7890|null", PHONE_ONLY + "|0|null|021 555 0100|null"),
                    rows(db, "SELECT contact_id, ordinal, label, number, e164 FROM contact_phones"));
            assertEquals(sorted(FULL + "|ada@example.com|+62 812-3456-7890|Engines|false",
                    PHONE_ONLY + "|null|021 555 0100|null|false", BARE + "|null|null|null|false"),
                    rows(db, "SELECT id, email, phone, company, favourite FROM contacts"));
            assertEquals(sorted(FULL + "|ada@example.com|6281234567890", PHONE_ONLY + "|null|0215550100",
                    BARE + "|null|null"), rows(db, "SELECT id, emails_text, phones_digits FROM contacts"),
                    "what search looks in (V20261203110000), made of the card rows");
        }
    }

    private static void insertContact(Statement statement, UUID id, String email, String phone, String company)
            throws SQLException {
        statement.execute("INSERT INTO contacts (id, owner_id, name, email, phone, company, created_at, updated_at, "
                + "version) VALUES ('" + id + "', '" + OWNER + "', 'Someone', " + email + ", " + phone + ", " + company
                + ", CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 1)");
    }

    private static List<String> sorted(String... rows) {
        return List.of(rows).stream().sorted().toList();
    }

    private static List<String> rows(Connection db, String sql) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Statement query = db.createStatement(); ResultSet result = query.executeQuery(sql)) {
            int columns = result.getMetaData().getColumnCount();
            while (result.next()) {
                List<String> values = new ArrayList<>();
                for (int column = 1; column <= columns; column++) {
                    values.add(String.valueOf(result.getObject(column)));
                }
                rows.add(String.join("|", values));
            }
        }
        return rows.stream().sorted().toList(); // H2 and PostgreSQL order UUIDs differently
    }
}
