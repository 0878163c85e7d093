package dev.kontak.web.seed;

import dev.kontak.contacts.entity.Activity;
import dev.kontak.contacts.entity.ActivityDetails;
import dev.kontak.contacts.entity.ActivityType;
import dev.kontak.contacts.entity.Contact;
import dev.kontak.contacts.entity.ContactDetails;
import dev.kontak.web.testing.RunningKontak;
import dev.kontak.web.testing.Visitor;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.text.Normalizer;
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
import java.util.UUID;
import java.util.logging.Logger;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import net.datafaker.Faker;
import org.flywaydb.core.Flyway;

/**
 * Fills a Kontak database with sample users, teams, contacts and activities by plain JDBC batches, so that the admin
 * metadata page and the scale benchmark have something to work on. Names, e-mail addresses, companies and phone
 * numbers are made up by Datafaker, two in three Indonesian and one in three English, the same for the same seed;
 * every e-mail address is at example.com, and no contact contains "zq" (the scale benchmark's searches count on
 * both). Migrates the schema first (Flyway, the application's migrations), so an empty database works.
 *
 * <p>It computes no metadata of its own (docs/decisions/0015-one-metadata-rule.md). Contacts and activities are the
 * application's entities, so the activity count, latest activity and digest each contact row keeps are the ones
 * {@link Contact#activityAdded} keeps; they are written with the versions the entities hold (0: EclipseLink starts
 * at 1 when it inserts one itself). Every user's user_metadata row and access list are then made by the rule of the
 * database: on PostgreSQL the SQL rule, {@code refresh_user_metadata} for every sample user, in the same
 * transaction; on the embedded H2 database, which has no SQL functions, by Kontak itself, which {@link #main}
 * starts on the file ({@code target/kontak.jar}) to run "refresh all" with a sample administrator of its own,
 * {@code sample-<run>-admin@kontak.example}, who stays. With {@code kontak.seed.flaws=true} (the default) the rows
 * are damaged afterwards, as a buggy script would: about 2% deleted (with their access lists), 3% drifted (a
 * contact_count or data_checksum changed), and all aged from seconds to days, so that the page shows every state.
 *
 * <p>Run (docs/operations.md, "Sample data"): {@code mvn -q -pl webapp test-compile exec:java@sample-data
 * -Dkontak.seed.users=3000}. Settings are system properties: {@code kontak.db.url}, {@code kontak.db.user},
 * {@code kontak.db.password} as for the application (default: the embedded H2 database under {@code
 * kontak.data.dir}, default {@code data}, which must not be open in a running Kontak), {@code kontak.seed.users}
 * (3000), {@code kontak.seed.contacts} per user (5), {@code kontak.seed.activities} per contact (2), {@code
 * kontak.seed.flaws} (true), {@code kontak.seed.lone-user-contacts} (0: none; otherwise one more user, in no team,
 * who owns that many contacts). Every sample user signs in with the password {@link #PASSWORD}. Rows are sent in
 * batches of {@value #BATCH} and none is kept once sent, so a million contacts fit in memory.
 */
public final class SampleData {

    public static final String PASSWORD = "sample password 2026";

    private static final Logger LOG = Logger.getLogger(SampleData.class.getName());
    private static final int TEAM_SIZE = 10;
    private static final int BATCH = 10_000;
    private static final long SEED = 20261127;
    /** The scale benchmark's "no match" searches (ScaleMeasurements) look for it. */
    private static final String NEVER = "zq";

    /**
     * How many users, whether some metadata rows are left missing, drifted or old on purpose, and how many contacts
     * one more user outside every team owns (0: no such user).
     */
    public record Plan(int users, int contactsPerUser, int activitiesPerContact, boolean flaws, int loneUserContacts) {

        public Plan(int users, int contactsPerUser, int activitiesPerContact, boolean flaws) {
            this(users, contactsPerUser, activitiesPerContact, flaws, 0);
        }
    }

    /**
     * What was written; {@code emails} of every user in order, the lone user's last; {@code flawed} the users whose
     * rows were deleted or drifted on purpose.
     */
    public record Written(int users, int contacts, int activities, int missingRows, int driftedRows,
            List<String> emails, List<UUID> flawed) {
    }

    private final Random random = new Random(SEED);
    private final Faker indonesian = new Faker(new Locale("id", "ID"), new Random(SEED));
    private final Faker english = new Faker(Locale.US, new Random(SEED + 1));
    private final Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    private final String tag = UUID.randomUUID().toString().substring(0, 6);
    private final Map<PreparedStatement, Integer> pending = new IdentityHashMap<>();
    private final List<User> users = new ArrayList<>();
    private int contacts;
    private int activities;

    public static void main(String[] args) throws SQLException, IOException, InterruptedException {
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
        SampleData sample = new SampleData();
        Written written;
        if (url.startsWith("jdbc:postgresql:")) {
            try (Connection db = DriverManager.getConnection(url, user, password)) {
                written = sample.fill(db, plan);
            }
        } else {
            try (Connection db = DriverManager.getConnection(url, user, password)) {
                sample.inTransaction(db, () -> sample.write(db, plan));
            }
            String admin = "sample-" + sample.tag + "-admin@kontak.example";
            refreshAllInKontak(url, user, password, admin);
            System.out.println("Sample administrator: " + admin);
            try (Connection db = DriverManager.getConnection(url, user, password)) {
                written = sample.inTransaction(db, () -> sample.damage(db, plan.flaws()));
            }
        }
        System.out.printf(Locale.ROOT, "Sample data: %d users (password \"%s\"), %d contacts, %d activities; "
                + "%d metadata rows left missing and %d drifted on purpose; %d ms%n", written.users(), PASSWORD,
                written.contacts(), written.activities(), written.missingRows(), written.driftedRows(),
                (System.nanoTime() - started) / 1_000_000);
    }

    /**
     * Writes the sample data into a PostgreSQL database whose schema is migrated, with every user's metadata made
     * by the SQL rule and then the flaws, in one transaction. (On H2, {@link #main} has Kontak make the metadata.)
     */
    public Written fill(Connection db, Plan plan) throws SQLException {
        if (!db.getMetaData().getDatabaseProductName().equalsIgnoreCase("PostgreSQL")) {
            throw new IllegalArgumentException("Only PostgreSQL has the SQL rule; on H2, SampleData.main has Kontak "
                    + "itself make the metadata");
        }
        return inTransaction(db, () -> {
            long started = System.nanoTime();
            write(db, plan);
            long written = System.nanoTime();
            refreshEveryone(db);
            LOG.info(String.format(Locale.ROOT, "Sample data written in %d ms, metadata made by the SQL rule in %d ms",
                    (written - started) / 1_000_000, (System.nanoTime() - written) / 1_000_000));
            return damage(db, plan.flaws());
        });
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

    private interface Work<T> {
        T run() throws SQLException;
    }

    private <T> T inTransaction(Connection db, Work<T> work) throws SQLException {
        boolean autoCommit = db.getAutoCommit();
        db.setAutoCommit(false);
        try {
            T result = work.run();
            db.commit();
            return result;
        } catch (SQLException | RuntimeException e) {
            db.rollback();
            throw e;
        } finally {
            db.setAutoCommit(autoCommit);
        }
    }

    /** Users, teams of ten, contacts (one in three shared with the owner's team) and their activities. */
    private Void write(Connection db, Plan plan) throws SQLException {
        for (int i = 1; i <= plan.users(); i++) {
            users.add(new User(UUID.randomUUID(), String.format(Locale.ROOT, "sample-%s-%05d@kontak.example", tag, i),
                    person(i).name()));
        }
        List<Team> teams = teams();
        User lone = plan.loneUserContacts() > 0 ? new User(UUID.randomUUID(),
                String.format(Locale.ROOT, "sample-%s-lone@kontak.example", tag), person(0).name()) : null;
        if (lone != null) {
            users.add(lone);
        }
        insertUsers(db, hash(PASSWORD));
        insertTeams(db, teams);
        try (PreparedStatement contactRows = db.prepareStatement("INSERT INTO contacts (id, owner_id, team_id, name, "
                + "email, phone, company, activity_count, last_activity_at, activities_digest, created_at, updated_at, "
                + "version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
                PreparedStatement emailRows = db.prepareStatement("INSERT INTO contact_emails (contact_id, ordinal, label, "
                        + "address) VALUES (?, 0, NULL, ?)");
                PreparedStatement phoneRows = db.prepareStatement("INSERT INTO contact_phones (contact_id, ordinal, label, "
                        + "number, e164) VALUES (?, 0, NULL, ?, NULL)");
                PreparedStatement activityRows = db.prepareStatement("INSERT INTO activities (id, contact_id, author_id, "
                        + "type, occurred_at, summary, created_at, updated_at, version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (User owner : users) {
                int count = owner == lone ? plan.loneUserContacts() : plan.contactsPerUser();
                for (int c = 0; c < count; c++) {
                    Contact contact = contact(owner, c % 3 == 0 ? owner.team : null, plan.activitiesPerContact(), activityRows);
                    addContact(contactRows, contact);
                    addCard(emailRows, phoneRows, contact);
                    if (contacts % BATCH == 0 || pending.getOrDefault(activityRows, 0) >= BATCH) {
                        send(contactRows, emailRows, phoneRows, activityRows); // contacts before what is on them
                    }
                }
            }
            send(contactRows, emailRows, phoneRows, activityRows);
        }
        return null;
    }

    /** Every ten users make a team, owned by the first of them. */
    private List<Team> teams() {
        List<Team> teams = new ArrayList<>();
        for (int start = 0; start + 1 < users.size(); start += TEAM_SIZE) {
            Team team = new Team(UUID.randomUUID(), "Tim " + indonesian.address().city(),
                    List.copyOf(users.subList(start, Math.min(start + TEAM_SIZE, users.size()))));
            team.members().forEach(member -> member.team = team);
            teams.add(team);
        }
        return teams;
    }

    /** A contact as Kontak makes one, shared with the team if there is one, with its activities added. */
    private Contact contact(User owner, Team team, int activityCount, PreparedStatement activityRows) throws SQLException {
        Person person = person(contacts);
        Contact contact = new Contact(owner.id, ContactDetails.of(person.name(), person.email(), person.phone(),
                person.company(), null), now);
        if (team != null) {
            contact.shareWith(team.id(), now);
        }
        for (int a = 0; a < activityCount; a++) {
            ActivityType type = ActivityType.values()[activities++ % ActivityType.values().length];
            Activity activity = new Activity(contact.id(), owner.id, new ActivityDetails(type,
                    now.minus(Duration.ofMinutes(random.nextInt(60 * 24 * 90))), summary(type, person.name())), now);
            contact.activityAdded(activity);
            activityRows.setObject(1, activity.id());
            activityRows.setObject(2, activity.contactId());
            activityRows.setObject(3, activity.authorId());
            activityRows.setString(4, activity.type().name());
            activityRows.setObject(5, time(activity.occurredAt()));
            activityRows.setString(6, activity.summary());
            activityRows.setObject(7, time(activity.createdAt()));
            activityRows.setObject(8, time(now));
            activityRows.setLong(9, activity.version());
            activityRows.addBatch();
            pending.merge(activityRows, 1, Integer::sum);
        }
        return contact;
    }

    private void addContact(PreparedStatement rows, Contact contact) throws SQLException {
        rows.setObject(1, contact.id());
        rows.setObject(2, contact.ownerId());
        rows.setObject(3, contact.teamId());
        rows.setString(4, contact.name());
        rows.setString(5, contact.email());
        rows.setString(6, contact.phone());
        rows.setString(7, contact.company());
        rows.setInt(8, contact.activityCount());
        rows.setObject(9, contact.lastActivityAt() == null ? null : time(contact.lastActivityAt()));
        rows.setLong(10, contact.activitiesDigest());
        rows.setObject(11, time(contact.createdAt()));
        rows.setObject(12, time(contact.updatedAt()));
        rows.setLong(13, contact.version());
        rows.addBatch();
        contacts++;
    }

    /** Its e-mail and phone, the card's rows of their own (the contact row keeps the first of each as well). */
    private static void addCard(PreparedStatement emailRows, PreparedStatement phoneRows, Contact contact)
            throws SQLException {
        if (contact.email() != null) {
            emailRows.setObject(1, contact.id());
            emailRows.setString(2, contact.email());
            emailRows.addBatch();
        }
        if (contact.phone() != null) {
            phoneRows.setObject(1, contact.id());
            phoneRows.setString(2, contact.phone());
            phoneRows.addBatch();
        }
    }

    private void send(PreparedStatement... statements) throws SQLException {
        for (PreparedStatement statement : statements) {
            statement.executeBatch();
            pending.remove(statement);
        }
    }

    /**
     * A made-up person of the n-th contact's locale: the e-mail address is made of the name, at example.com. Drawn
     * again in the rare case that something contains {@value #NEVER}.
     */
    private Person person(int n) {
        Faker faker = n % 3 == 2 ? english : indonesian;
        while (true) {
            String first = faker.name().firstName();
            String last = faker.name().lastName();
            String local = Normalizer.normalize(first + "." + last, Normalizer.Form.NFD).toLowerCase(Locale.ROOT)
                    .replaceAll("[^a-z0-9.]", "");
            Person person = new Person(first + " " + last, faker.internet().safeEmailAddress(local),
                    faker.phoneNumber().cellPhone(), faker.company().name());
            if (!String.join(" ", person.name(), person.email(), person.phone(), person.company())
                    .toLowerCase(Locale.ROOT).contains(NEVER)) {
                return person;
            }
        }
    }

    private static String summary(ActivityType type, String name) {
        return switch (type) {
            case CALL -> "Called " + name;
            case EMAIL -> "Wrote to " + name;
            case MEETING -> "Met " + name;
            case NOTE -> "Note on " + name;
        };
    }

    private void insertUsers(Connection db, String hash) throws SQLException {
        try (PreparedStatement insert = db.prepareStatement("INSERT INTO users (id, email, display_name, password_hash, "
                + "role, created_at) VALUES (?, ?, ?, ?, 'USER', ?)")) {
            for (User user : users) {
                insert.setObject(1, user.id);
                insert.setString(2, user.email);
                insert.setString(3, user.name);
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
                team.setString(2, t.name());
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

    /** The SQL rule makes every sample user's row and access list (creating the row, as at sign-up, first). */
    private void refreshEveryone(Connection db) throws SQLException {
        try (Statement statistics = db.createStatement()) {
            statistics.execute("ANALYZE contacts, activities, team_members, user_contact_access");
        }
        try (PreparedStatement refresh = db.prepareStatement("SELECT 1 FROM public.refresh_user_metadata(?)")) {
            for (User user : users) {
                refresh.setObject(1, user.id);
                refresh.executeQuery().close();
            }
        }
    }

    /**
     * H2 has no SQL rule: Kontak itself makes every user's metadata, with "refresh all" on its admin page. Starts
     * kontak.jar on the database (property {@code kontak.jar}, default {@code target/kontak.jar}) with an
     * administrator FirstAdmin creates, runs the job to its end and stops Kontak again.
     */
    private static void refreshAllInKontak(String url, String user, String password, String admin)
            throws IOException, InterruptedException {
        Map<String, String> settings = Map.of("KONTAK_DB_URL", url, "KONTAK_DB_USER", user, "KONTAK_DB_PASSWORD",
                password, "KONTAK_ADMIN_EMAIL", admin, "KONTAK_ADMIN_PASSWORD", PASSWORD, "KONTAK_SYNC_INTERVAL", "PT0S");
        try (RunningKontak kontak = RunningKontak.start(Files.createTempDirectory("kontak-sample-data-"), settings)) {
            Visitor visitor = new Visitor(kontak.base());
            visitor.get("/login");
            expect(303, visitor.submit("/login", Map.of("email", admin, "password", PASSWORD)));
            visitor.get("/admin/metadata");
            expect(303, visitor.submit("/admin/metadata/batch", Map.of("kind", "REFRESH")));
            JsonObject run = progress(visitor);
            while (run.getBoolean("running") || !run.containsKey("id")) {
                Thread.sleep(1000);
                run = progress(visitor);
            }
            if (run.getInt("failures") > 0 || run.getInt("done") != run.getInt("total")) {
                throw new IllegalStateException("Kontak's refresh all did not refresh everyone: " + run);
            }
        }
    }

    private static JsonObject progress(Visitor visitor) {
        try (JsonReader reader = Json.createReader(new StringReader(expect(200, visitor.get("/admin/metadata/batch"))))) {
            return reader.readObject();
        }
    }

    private static String expect(int status, HttpResponse<String> response) {
        if (response.statusCode() != status) {
            throw new IllegalStateException(response.uri() + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    /**
     * With flaws, what a buggy script does to rows the rule made: 2% deleted with their access lists, 3% with a
     * wrong contact_count or data_checksum, and every row aged from seconds to days. Without, nothing.
     */
    private Written damage(Connection db, boolean flaws) throws SQLException {
        List<UUID> missing = new ArrayList<>();
        List<UUID> drifted = new ArrayList<>();
        try (PreparedStatement lose = db.prepareStatement("DELETE FROM user_contact_access WHERE user_id = ?");
                PreparedStatement delete = db.prepareStatement("DELETE FROM user_metadata WHERE user_id = ?");
                PreparedStatement miscount = db.prepareStatement(
                        "UPDATE user_metadata SET contact_count = contact_count + 1 WHERE user_id = ?");
                PreparedStatement missum = db.prepareStatement("UPDATE user_metadata SET data_checksum = CASE "
                        + "WHEN data_checksum = '0000000000000000' THEN '0000000000000001' ELSE '0000000000000000' END "
                        + "WHERE user_id = ?");
                PreparedStatement age = db.prepareStatement("UPDATE user_metadata SET updated_at = ?, "
                        + "last_contact_update = ?, last_activity_update = ?, created_at = ? WHERE user_id = ?")) {
            for (User user : flaws ? users : List.<User>of()) {
                int dice = random.nextInt(100);
                if (dice < 2) {
                    missing.add(user.id);
                    for (PreparedStatement statement : List.of(lose, delete)) {
                        statement.setObject(1, user.id);
                        add(statement);
                    }
                    continue;
                }
                if (dice < 5) {
                    drifted.add(user.id);
                    PreparedStatement drift = dice % 2 == 0 ? miscount : missum;
                    drift.setObject(1, user.id);
                    add(drift);
                }
                OffsetDateTime updated = time(now.minusSeconds(age()));
                age.setObject(1, updated);
                age.setObject(2, updated);
                age.setObject(3, updated);
                age.setObject(4, time(now.minus(Duration.ofDays(30))));
                age.setObject(5, user.id);
                add(age);
            }
            send(lose, delete, miscount, missum, age);
        }
        List<UUID> flawed = new ArrayList<>(missing);
        flawed.addAll(drifted);
        return new Written(users.size(), contacts, activities, missing.size(), drifted.size(),
                users.stream().map(user -> user.email).toList(), List.copyOf(flawed));
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
        final String name;
        Team team;

        User(UUID id, String email, String name) {
            this.id = id;
            this.email = email;
            this.name = name;
        }
    }

    private record Team(UUID id, String name, List<User> members) {
    }

    private record Person(String name, String email, String phone, String company) {
    }
}
