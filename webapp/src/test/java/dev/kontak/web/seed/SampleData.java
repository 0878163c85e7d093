package dev.kontak.web.seed;

import dev.kontak.contacts.entity.Checksums;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;
import java.util.UUID;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import org.flywaydb.core.Flyway;

/**
 * Fills a Kontak database with sample users, teams, contacts and activities, with plain JDBC batch inserts: a few
 * thousand users in seconds, so that the admin metadata page has something to show. Every user's user_metadata row
 * and access list are written exactly as Kontak computes them; with {@code kontak.seed.flaws=true} (the default)
 * about 2% of the rows are left out and 3% drifted on purpose, and rows are of every age, so that the page shows
 * every state. Migrates the schema first (Flyway, the application's migrations), so an empty database works.
 *
 * <p>Run (README, "Sample data"): {@code mvn -q -pl webapp test-compile exec:java@sample-data -Dkontak.seed.users=3000}.
 * Settings are system properties: {@code kontak.db.url}, {@code kontak.db.user}, {@code kontak.db.password} as
 * for the application (default: the embedded H2 database under {@code kontak.data.dir}, default {@code data},
 * which must not be open in a running Kontak), {@code kontak.seed.users} (3000), {@code kontak.seed.contacts} per
 * user (5), {@code kontak.seed.activities} per contact (2), {@code kontak.seed.flaws} (true),
 * {@code kontak.seed.lone-user-contacts} (0: none; otherwise one more user, in no team, who owns that many contacts).
 * Every sample user signs in with the password {@link #PASSWORD}. Rows are sent in batches of {@value #BATCH}, so a
 * million contacts fit in memory.
 */
public final class SampleData {

    public static final String PASSWORD = "sample password 2026";

    private static final Logger LOG = Logger.getLogger(SampleData.class.getName());
    private static final int TEAM_SIZE = 10;
    private static final int BATCH = 10_000;
    private static final String[] TYPES = {"CALL", "EMAIL", "MEETING", "NOTE"};

    /**
     * How many users, whether some metadata rows are left missing, drifted or old on purpose, and how many contacts
     * one more user outside every team owns (0: no such user).
     */
    public record Plan(int users, int contactsPerUser, int activitiesPerContact, boolean flaws, int loneUserContacts) {

        public Plan(int users, int contactsPerUser, int activitiesPerContact, boolean flaws) {
            this(users, contactsPerUser, activitiesPerContact, flaws, 0);
        }
    }

    /** What was written; {@code emails} of every user in order, the lone user's last. */
    public record Written(int users, int contacts, int activities, int missingRows, int driftedRows,
            List<String> emails) {
    }

    private final Random random = new Random(20261127);
    private final Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    private final String tag = UUID.randomUUID().toString().substring(0, 6);
    /** JSON columns: JSONB on PostgreSQL (the server reads the text), text on H2. */
    private int jsonType;
    private final Map<PreparedStatement, Integer> pending = new IdentityHashMap<>();

    public static void main(String[] args) throws SQLException {
        String url = System.getProperty("kontak.db.url",
                "jdbc:h2:file:" + Path.of(System.getProperty("kontak.data.dir", "data"), "kontak").toAbsolutePath().normalize());
        Plan plan = new Plan(Integer.getInteger("kontak.seed.users", 3000), Integer.getInteger("kontak.seed.contacts", 5),
                Integer.getInteger("kontak.seed.activities", 2),
                Boolean.parseBoolean(System.getProperty("kontak.seed.flaws", "true")),
                Integer.getInteger("kontak.seed.lone-user-contacts", 0));
        String user = System.getProperty("kontak.db.user", "kontak");
        String password = System.getProperty("kontak.db.password", "kontak");
        long started = System.nanoTime();
        migrate(url, user, password);
        try (Connection db = DriverManager.getConnection(url, user, password)) {
            Written written = new SampleData().fill(db, plan);
            System.out.printf(Locale.ROOT, "Sample data: %d users (password \"%s\"), %d contacts, %d activities; "
                    + "%d metadata rows left missing and %d drifted on purpose; %d ms%n", written.users(), PASSWORD,
                    written.contacts(), written.activities(), written.missingRows(), written.driftedRows(),
                    (System.nanoTime() - started) / 1_000_000);
        }
    }

    /** Writes the sample data in one transaction, into a database whose schema is migrated. */
    public Written fill(Connection db, Plan plan) throws SQLException {
        jsonType = db.getMetaData().getDatabaseProductName().equalsIgnoreCase("PostgreSQL") ? Types.OTHER : Types.VARCHAR;
        boolean autoCommit = db.getAutoCommit();
        db.setAutoCommit(false);
        try {
            Written written = write(db, plan);
            db.commit();
            return written;
        } catch (SQLException | RuntimeException e) {
            db.rollback();
            throw e;
        } finally {
            db.setAutoCommit(autoCommit);
        }
    }

    /** The application's own migrations, so that an empty database gets the schema. */
    public static void migrate(String url, String user, String password) throws SQLException {
        String vendor;
        try (Connection db = DriverManager.getConnection(url, user, password)) {
            vendor = db.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
        }
        Flyway.configure(SampleData.class.getClassLoader()).dataSource(url, user, password)
                .locations("classpath:db/migration/common", "classpath:db/migration/" + vendor)
                .load().migrate();
    }

    private Written write(Connection db, Plan plan) throws SQLException {
        String hash = hash(PASSWORD);
        List<User> users = new ArrayList<>();
        for (int i = 1; i <= plan.users(); i++) {
            users.add(new User(UUID.randomUUID(), String.format(Locale.ROOT, "sample-%s-%05d@kontak.example", tag, i)));
        }
        List<Team> teams = teams(users);
        List<Contact> contacts = contacts(users, teams, plan);
        if (plan.loneUserContacts() > 0) {
            User lone = new User(UUID.randomUUID(), String.format(Locale.ROOT, "sample-%s-lone@kontak.example", tag));
            users.add(lone);
            contacts.addAll(contactsOf(lone, plan.loneUserContacts(), plan.activitiesPerContact()));
        }
        insertUsers(db, users, hash);
        insertTeams(db, teams);
        insertContacts(db, contacts);
        int activities = insertActivities(db, contacts);
        int[] flawed = insertMetadata(db, users, plan.flaws());
        return new Written(users.size(), contacts.size(), activities, flawed[0], flawed[1],
                users.stream().map(user -> user.email).toList());
    }

    /** Every ten users make a team, owned by the first of them. */
    private static List<Team> teams(List<User> users) {
        List<Team> teams = new ArrayList<>();
        for (int start = 0; start + 1 < users.size(); start += TEAM_SIZE) {
            Team team = new Team(UUID.randomUUID(), List.copyOf(users.subList(start, Math.min(start + TEAM_SIZE, users.size()))));
            team.members().forEach(member -> member.teams.add(team));
            teams.add(team);
        }
        return teams;
    }

    /** Each user's contacts, one in three shared with their team, each with its activities. */
    private List<Contact> contacts(List<User> users, List<Team> teams, Plan plan) {
        List<Contact> contacts = new ArrayList<>();
        for (User owner : users) {
            contacts.addAll(contactsOf(owner, plan.contactsPerUser(), plan.activitiesPerContact()));
        }
        return contacts;
    }

    private List<Contact> contactsOf(User owner, int count, int activitiesPerContact) {
        List<Contact> contacts = new ArrayList<>(count);
        for (int c = 0; c < count; c++) {
            Team team = c % 3 == 0 && !owner.teams.isEmpty() ? owner.teams.get(0) : null;
            Contact contact = new Contact(UUID.randomUUID(), owner, team);
            for (int a = 0; a < activitiesPerContact; a++) {
                contact.activities.add(new Activity(UUID.randomUUID(), now.minus(Duration.ofMinutes(random.nextInt(60 * 24 * 90)))));
            }
            contacts.add(contact);
            (team == null ? List.of(owner) : team.members()).forEach(user -> user.access.add(contact));
        }
        return contacts;
    }

    private void insertUsers(Connection db, List<User> users, String hash) throws SQLException {
        try (PreparedStatement insert = db.prepareStatement("INSERT INTO users (id, email, display_name, password_hash, "
                + "role, created_at) VALUES (?, ?, ?, ?, 'USER', ?)")) {
            for (User user : users) {
                insert.setObject(1, user.id);
                insert.setString(2, user.email);
                insert.setString(3, "Sample " + user.email.substring(7, user.email.indexOf('@')));
                insert.setString(4, hash);
                insert.setObject(5, time(now));
                add(insert);
            }
            insert.executeBatch();
        }
    }

    private void insertTeams(Connection db, List<Team> teams) throws SQLException {
        try (PreparedStatement team = db.prepareStatement("INSERT INTO teams (id, name, created_by, created_at) VALUES (?, ?, ?, ?)");
                PreparedStatement member = db.prepareStatement("INSERT INTO team_members (team_id, user_id, role, joined_at) "
                        + "VALUES (?, ?, ?, ?)")) {
            for (Team t : teams) {
                team.setObject(1, t.id());
                team.setString(2, "Sample team " + t.id().toString().substring(0, 8));
                team.setObject(3, t.members().get(0).id);
                team.setObject(4, time(now));
                add(team);
            }
            team.executeBatch();
            for (Team t : teams) {
                for (User user : t.members()) {
                    member.setObject(1, t.id());
                    member.setObject(2, user.id);
                    member.setString(3, user == t.members().get(0) ? "OWNER" : "MEMBER");
                    member.setObject(4, time(now));
                    add(member);
                }
            }
            member.executeBatch();
        }
    }

    private void insertContacts(Connection db, List<Contact> contacts) throws SQLException {
        try (PreparedStatement insert = db.prepareStatement("INSERT INTO contacts (id, owner_id, team_id, name, email, "
                + "company, activity_count, last_activity_at, activities_digest, created_at, updated_at, version) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)")) {
            int n = 0;
            for (Contact contact : contacts) {
                insert.setObject(1, contact.id);
                insert.setObject(2, contact.owner.id);
                insert.setObject(3, contact.team == null ? null : contact.team.id());
                insert.setString(4, "Contact " + (++n));
                insert.setString(5, "contact" + n + "@example.com");
                insert.setString(6, "Company " + (n % 97));
                insert.setInt(7, contact.activities.size());
                insert.setObject(8, contact.latest() == null ? null : time(contact.latest()));
                insert.setLong(9, contact.activitiesDigest());
                insert.setObject(10, time(now));
                insert.setObject(11, time(now));
                add(insert);
            }
            insert.executeBatch();
        }
    }

    private int insertActivities(Connection db, List<Contact> contacts) throws SQLException {
        int count = 0;
        try (PreparedStatement insert = db.prepareStatement("INSERT INTO activities (id, contact_id, author_id, type, "
                + "occurred_at, summary, created_at, updated_at, version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 1)")) {
            for (Contact contact : contacts) {
                for (Activity activity : contact.activities) {
                    insert.setObject(1, activity.id());
                    insert.setObject(2, contact.id);
                    insert.setObject(3, contact.owner.id);
                    insert.setString(4, TYPES[count % TYPES.length]);
                    insert.setObject(5, time(activity.occurredAt()));
                    insert.setString(6, "Sample activity " + (++count));
                    insert.setObject(7, time(now));
                    insert.setObject(8, time(now));
                    add(insert);
                }
            }
            insert.executeBatch();
        }
        return count;
    }

    /**
     * Each user's metadata row and access list as a full recompute would make them. With flaws: 2% of the rows
     * missing, 3% with a wrong contact_count or checksum, and ages from seconds to days.
     *
     * @return the numbers of missing and drifted rows
     */
    private int[] insertMetadata(Connection db, List<User> users, boolean flaws) throws SQLException {
        int missing = 0;
        int drifted = 0;
        try (PreparedStatement row = db.prepareStatement("INSERT INTO user_metadata (id, user_id, contact_count, "
                + "activity_count, last_activity_at, team_ids, permissions, data_checksum, cache_version, "
                + "last_contact_update, last_activity_update, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?, ?)");
                PreparedStatement access = db.prepareStatement("INSERT INTO user_contact_access (user_id, contact_id) VALUES (?, ?)")) {
            for (User user : users) {
                int dice = flaws ? random.nextInt(100) : 99;
                if (dice < 2) {
                    missing++;
                    continue;
                }
                boolean drift = dice < 5;
                drifted += drift ? 1 : 0;
                Instant updated = flaws ? now.minusSeconds(age()) : now;
                long checksum = 0;
                int activities = 0;
                Instant latest = null;
                for (Contact contact : user.access) {
                    checksum += Checksums.contactTerm(contact.id, 1) + contact.activitiesDigest();
                    activities += contact.activities.size();
                    latest = latest == null || (contact.latest() != null && contact.latest().isAfter(latest)) ? contact.latest() : latest;
                    access.setObject(1, user.id);
                    access.setObject(2, contact.id);
                    add(access);
                }
                row.setObject(1, UUID.randomUUID());
                row.setObject(2, user.id);
                row.setInt(3, user.access.size() + (drift && dice % 2 == 0 ? 1 : 0));
                row.setInt(4, activities);
                row.setObject(5, latest == null ? null : time(latest));
                row.setObject(6, json(user.teams.stream().map(t -> t.id().toString()).sorted().toList()), jsonType);
                row.setObject(7, json(permissions(user)), jsonType);
                row.setString(8, Checksums.format(checksum + (drift && dice % 2 == 1 ? 1 : 0)));
                row.setObject(9, time(updated));
                row.setObject(10, time(updated));
                row.setObject(11, time(now.minus(Duration.ofDays(30))));
                row.setObject(12, time(updated));
                add(row);
            }
            row.executeBatch();
            access.executeBatch();
        }
        return new int[] {missing, drifted};
    }

    /** Adds the row to the statement's batch, sending the batch once it holds {@value #BATCH} rows. */
    private void add(PreparedStatement statement) throws SQLException {
        statement.addBatch();
        if (pending.merge(statement, 1, Integer::sum) % BATCH == 0) {
            statement.executeBatch();
        }
    }

    /** Seconds: a quarter fresh (under a minute), the rest spread over minutes, hours and days. */
    private long age() {
        return switch (random.nextInt(4)) {
            case 0 -> random.nextInt(60);
            case 1 -> 60 + random.nextInt(3600);
            case 2 -> 3600 + random.nextInt(86_400);
            default -> 86_400 + random.nextInt(7 * 86_400);
        };
    }

    private static List<String> permissions(User user) {
        TreeSet<String> permissions = new TreeSet<>(List.of("contacts:create", "teams:create"));
        for (Team team : user.teams) {
            permissions.add("team:" + team.id() + ":share");
            if (team.members().get(0) == user) {
                permissions.add("team:" + team.id() + ":manage");
            }
        }
        return List.copyOf(permissions);
    }

    private static String json(List<String> values) {
        return values.stream().map(value -> "\"" + value + "\"").collect(Collectors.joining(",", "[", "]"));
    }

    private static OffsetDateTime time(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    /**
     * One PBKDF2-HMAC-SHA512 hash in the format of Jakarta Security's Pbkdf2PasswordHash ({@code algorithm:
     * iterations:salt:hash}, Base64), with the application's default 210,000 iterations and 32-byte salt, shared by
     * every sample user: hashing thousands of passwords would take minutes, and these accounts are samples.
     */
    static String hash(String password) {
        try {
            byte[] salt = new byte[32];
            new SecureRandom().nextBytes(salt);
            int iterations = 210_000;
            byte[] key = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA512")
                    .generateSecret(new PBEKeySpec(password.toCharArray(), salt, iterations, 64 * 8)).getEncoded();
            return "PBKDF2WithHmacSHA512:" + iterations + ":" + Base64.getEncoder().encodeToString(salt) + ":"
                    + Base64.getEncoder().encodeToString(key);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static final class User {
        final UUID id;
        final String email;
        final List<Team> teams = new ArrayList<>(1);
        final List<Contact> access = new ArrayList<>();

        User(UUID id, String email) {
            this.id = id;
            this.email = email;
        }
    }

    private record Team(UUID id, List<User> members) {
    }

    private record Activity(UUID id, Instant occurredAt) {
    }

    private static final class Contact {
        final UUID id;
        final User owner;
        final Team team;
        final List<Activity> activities = new ArrayList<>();

        Contact(UUID id, User owner, Team team) {
            this.id = id;
            this.owner = owner;
            this.team = team;
        }

        Instant latest() {
            return activities.stream().map(Activity::occurredAt).max(Instant::compareTo).orElse(null);
        }

        long activitiesDigest() {
            return activities.stream().mapToLong(a -> Checksums.activityTerm(a.id(), 1)).sum();
        }
    }
}
