package dev.kontak.web.metadata;

import static dev.kontak.web.testing.TestAccounts.PASSWORD;
import static dev.kontak.web.testing.TestAccounts.uniqueEmail;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kontak.contacts.entity.Checksums;
import dev.kontak.web.testing.SharedKontak;
import dev.kontak.web.testing.TestAccounts;
import dev.kontak.web.testing.TestDatabase;
import dev.kontak.web.testing.Visitor;
import java.math.BigInteger;
import java.net.URL;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.LongPredicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The PostgreSQL functions of {@code R__user_metadata_functions.sql} (the SQL rule) give what the Java services
 * give: the checksum of {@link Checksums} and {@code MetadataRefresher.compute}, the team ids and permissions of
 * {@code TeamPermissions}, the full recompute of {@code MetadataRefresher.refresh} and the answers of
 * {@code Metadata.validateAccess}.
 *
 * <p>Accounts are created through {@code POST /api/signup}, so each starts with the user_metadata row Java wrote.
 * Contacts, activities and teams are written with JDBC (no page or API for them exists yet); what a full
 * recompute must make of them is computed here by {@link Data#expected}, with {@link Checksums} itself and the
 * rules of {@code MetadataRefresher.compute} and {@code TeamPermissions.of}.
 */
class SqlFunctionsIT {

    private static final BigInteger TWO_TO_64 = BigInteger.ONE.shiftLeft(64);
    private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);
    private static final BigInteger LONG_MIN = BigInteger.valueOf(Long.MIN_VALUE);
    private static final long TWO_TO_62 = 1L << 62;

    // AccessDecision.GRANTED and DENIED
    private static final String GRANTED = "Contact is in your authorized list.";
    private static final String DENIED = "Contact not found in your authorized list.";

    private static final String METADATA_COLUMNS = "m.id, " + jsonList("m.contact_ids") + " AS contact_ids, "
            + "m.contact_count, m.activity_count, m.last_activity_at, " + jsonList("m.team_ids") + " AS team_ids, "
            + jsonList("m.permissions") + " AS permissions, m.data_checksum, m.cache_version, "
            + "m.last_contact_update, m.last_activity_update, m.created_at, m.updated_at";

    URL base = SharedKontak.url();

    Visitor visitor;

    Connection db;

    Data data;

    @BeforeEach
    void connect() throws Exception {
        visitor = new Visitor(base.toURI());
        db = TestDatabase.connect();
        data = new Data(db);
    }

    @AfterEach
    void disconnect() throws SQLException {
        db.close();
    }

    @Test
    void aUserWithoutDataGetsWhatJavaWroteAtSignUp() throws SQLException {
        UUID user = signUp("empty");
        Metadata written = stored(user);

        assertEquals("0000000000000000", checksum(user));
        Metadata refreshed = refresh(user);

        Values none = new Values(List.of(), 0, 0, null, List.of(), List.of("contacts:create", "teams:create"),
                "0000000000000000");
        assertEquals(none, data.expected(user));
        assertEquals(none, written.values(), "the row MetadataUpdater.accountCreated wrote");
        assertEquals(none, refreshed.values());
        assertEquals(written.cacheVersion() + 1, refreshed.cacheVersion());
    }

    @Test
    void theBootstrapAdministratorsRowIsWhatAFullRecomputeGives() throws SQLException {
        UUID admin = userId(TestAccounts.ADMIN_EMAIL);
        db.setAutoCommit(false);
        try {
            Metadata written = stored(admin);
            Metadata refreshed = refresh(admin);

            assertTrue(written.permissions().contains("admin"), written.permissions().toString());
            assertEquals(written.values(), refreshed.values(), "the row Java keeps for the account FirstAdmin made");
            assertEquals(written.cacheVersion() + 1, refreshed.cacheVersion());
        } finally {
            db.rollback(); // leaves the shared administrator as it was
            db.setAutoCommit(true);
        }
    }

    @Test
    void ownedContactsAndTheirActivitiesAmongSeveralOwners() throws SQLException {
        UUID alice = signUp("alice");
        UUID bob = signUp("bob");
        Instant t = Instant.parse("2026-03-01T10:15:30.123456Z");
        UUID a1 = data.contact(alice, null, 1);
        UUID a2 = data.contact(alice, null, 7);
        UUID a3 = data.contact(alice, null, 1_234_567_890_123L);
        UUID b1 = data.contact(bob, null, 2);
        data.activity(a1, alice, 1, t);
        data.activity(a1, alice, 3, t.plus(2, ChronoUnit.DAYS));
        data.activity(a2, bob, 1, t.minus(1, ChronoUnit.DAYS));
        data.activity(b1, bob, 5, t.plus(30, ChronoUnit.DAYS)); // bob's, later than all of alice's

        assertParity(alice);
        assertParity(bob);
        Values ofAlice = data.expected(alice);
        assertEquals(3, ofAlice.contactCount());
        assertEquals(3, ofAlice.activityCount());
        assertEquals(t.plus(2, ChronoUnit.DAYS), ofAlice.lastActivityAt());
        assertEquals(sorted(a1, a2, a3), ofAlice.contactIds());
    }

    @Test
    void teamsShareContactsAndGrantTeamPermissions() throws SQLException {
        UUID carol = signUp("carol");
        UUID dave = signUp("dave");
        UUID erin = signUp("erin");
        UUID owned = data.team(carol);
        UUID joined = data.team(dave);
        UUID foreign = data.team(erin);
        data.member(owned, carol, "OWNER");
        data.member(joined, dave, "OWNER");
        data.member(joined, carol, "MEMBER");
        data.member(foreign, erin, "OWNER");
        Instant t = Instant.parse("2026-05-05T05:05:05Z");
        UUID sharedByDave = data.contact(dave, joined, 4);
        UUID sharedWithOwned = data.contact(erin, owned, 2); // erin is not in the team: the contact still is
        UUID ownAndShared = data.contact(carol, owned, 1); // visible twice over, counted once
        UUID ownInForeignTeam = data.contact(carol, foreign, 3); // visible because carol owns it
        UUID erinsInForeignTeam = data.contact(erin, foreign, 1); // not visible to carol
        UUID davesPrivate = data.contact(dave, null, 1);
        data.activity(sharedByDave, dave, 1, t);
        data.activity(sharedWithOwned, erin, 2, t.plus(1, ChronoUnit.HOURS));
        data.activity(erinsInForeignTeam, erin, 1, t.plus(9, ChronoUnit.DAYS));
        data.activity(davesPrivate, dave, 1, t.plus(8, ChronoUnit.DAYS));

        for (UUID user : List.of(carol, dave, erin)) {
            assertParity(user);
        }
        Values ofCarol = data.expected(carol);
        assertEquals(sorted(sharedByDave, sharedWithOwned, ownAndShared, ownInForeignTeam), ofCarol.contactIds());
        assertEquals(t.plus(1, ChronoUnit.HOURS), ofCarol.lastActivityAt());
        assertEquals(sorted(owned, joined), ofCarol.teamIds());
        assertEquals(new TreeSet<>(List.of("contacts:create", "teams:create", "team:" + owned + ":manage",
                "team:" + owned + ":share", "team:" + joined + ":share")).stream().toList(), ofCarol.permissions());
    }

    @Test
    void administratorsGetAdminSortedAmongTheirTeamPermissions() throws SQLException {
        UUID frank = signUp("frank");
        makeAdmin(frank);
        List<UUID> teams = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            UUID team = data.team(frank);
            data.member(team, frank, i % 2 == 0 ? "OWNER" : "MEMBER");
            data.contact(frank, team, i + 1);
            teams.add(team);
        }

        assertParity(frank);
        List<String> permissions = data.expected(frank).permissions();
        assertEquals("admin", permissions.get(0));
        assertEquals("contacts:create", permissions.get(1));
        assertEquals("teams:create", permissions.get(permissions.size() - 1), "':' sorts before 's' in Java");
        assertEquals(3 + 4 + 2, permissions.size());
    }

    @Test
    void checksumsAreSumsModulo2To64WhicheverWayTheyOverflow() throws SQLException {
        // Two terms above 2^62: their sum lies between 2^63 and 2^64, beyond Long.MAX_VALUE.
        UUID above = signUp("above");
        for (int i = 0; i < 2; i++) {
            data.contact(above, null, 1, term -> term > TWO_TO_62);
        }
        // Five terms above 2^62 pass 2^64 itself; then three activities below -2^62 pull the sum back down.
        UUID past = signUp("past");
        List<UUID> pastContacts = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            pastContacts.add(data.contact(past, null, i + 1, term -> term > TWO_TO_62));
        }
        for (int i = 0; i < 3; i++) {
            data.activity(pastContacts.get(i), past, 2, Instant.parse("2026-02-0" + (i + 1) + "T00:00:00Z"),
                    term -> term < -TWO_TO_62);
        }
        // Two terms below -2^62: a negative sum below Long.MIN_VALUE.
        UUID below = signUp("below");
        for (int i = 0; i < 2; i++) {
            data.contact(below, null, 1, term -> term < -TWO_TO_62);
        }
        // Many terms of both signs, as they come.
        UUID many = signUp("many");
        for (int i = 0; i < 30; i++) {
            UUID contact = data.contact(many, null, i % 4 + 1);
            data.activity(contact, many, 1, Instant.parse("2026-04-01T00:00:00Z").plusSeconds(i * 3_600L));
        }

        assertTrue(exactSum(above).compareTo(LONG_MAX) > 0, "the sum passes Long.MAX_VALUE");
        assertTrue(exactSum(above).compareTo(TWO_TO_64) < 0);
        assertTrue(Long.compareUnsigned(Long.parseUnsignedLong(checksum(above), 16), Long.MAX_VALUE) > 0,
                "the checksum as an unsigned value is above Long.MAX_VALUE");
        assertTrue(runningSums(past).stream().anyMatch(sum -> sum.compareTo(TWO_TO_64) >= 0), "a sum passes 2^64");
        assertTrue(data.terms(past).stream().anyMatch(term -> term < 0) && data.terms(past).stream().anyMatch(term -> term > 0));
        assertTrue(exactSum(below).compareTo(LONG_MIN) < 0, "the sum falls below Long.MIN_VALUE");
        assertTrue(data.terms(many).stream().anyMatch(term -> term < 0) && data.terms(many).stream().anyMatch(term -> term > 0));
        for (UUID user : List.of(above, past, below, many)) {
            String modulo = String.format("%016x", exactSum(user).mod(TWO_TO_64));
            assertEquals(modulo, data.expected(user).checksum(), "Java's wrapping long sum is the sum modulo 2^64");
            assertParity(user);
        }
    }

    @Test
    void refreshAddsOneToCacheVersionAndRewritesTheAccessList() throws SQLException {
        UUID grace = signUp("grace");
        UUID heidi = signUp("heidi");
        UUID team = data.team(heidi);
        data.member(team, heidi, "OWNER");
        data.member(team, grace, "MEMBER");
        UUID own = data.contact(grace, null, 1);
        UUID shared = data.contact(heidi, team, 2);
        UUID hidden = data.contact(heidi, null, 1);
        data.activity(own, grace, 1, Instant.parse("2026-06-01T12:00:00Z"));
        grantDirectly(grace, hidden); // a stale row: grace cannot access heidi's private contact
        grantDirectly(heidi, hidden);
        Metadata before = stored(grace);
        assertEquals(List.of(hidden.toString()), accessOf(grace));

        Instant earliest = databaseNow();
        Metadata refreshed = refresh(grace);
        Instant latest = databaseNow();

        assertEquals(sorted(own, shared), accessOf(grace), "user_contact_access holds exactly the accessible contacts");
        assertEquals(List.of(hidden.toString()), accessOf(heidi), "other users' rows are left alone");
        assertEquals(before.cacheVersion() + 1, refreshed.cacheVersion());
        assertEquals(before.id(), refreshed.id());
        assertEquals(before.createdAt(), refreshed.createdAt());
        assertEquals(refreshed.updatedAt(), refreshed.lastContactUpdate());
        assertEquals(refreshed.updatedAt(), refreshed.lastActivityUpdate());
        assertFalse(refreshed.updatedAt().isBefore(earliest) || refreshed.updatedAt().isAfter(latest));
        assertEquals(stored(grace), refreshed, "the function returns the row as it is stored");

        Metadata again = refresh(grace);
        assertEquals(before.cacheVersion() + 2, again.cacheVersion(), "exactly one more per refresh");
        assertEquals(refreshed.values(), again.values());
        assertEquals(sorted(own, shared), accessOf(grace));
    }

    @Test
    void refreshCreatesAMissingRowAndRefusesUnknownUsers() throws SQLException {
        UUID ivan = signUp("ivan");
        data.contact(ivan, null, 3);
        try (PreparedStatement delete = db.prepareStatement("DELETE FROM user_metadata WHERE user_id = ?")) {
            delete.setObject(1, ivan);
            assertEquals(1, delete.executeUpdate());
        }

        Metadata created = refresh(ivan);

        assertEquals(data.expected(ivan), created.values());
        assertEquals(2, created.cacheVersion(), "created at 1, as at sign-up, then refreshed");
        assertEquals(created.updatedAt(), created.createdAt());
        UUID nobody = UUID.randomUUID();
        SQLException unknown = assertThrows(SQLException.class, () -> refresh(nobody));
        assertEquals("P0002", unknown.getSQLState(), unknown.getMessage());
        assertEquals("0000000000000000", checksum(nobody));
    }

    @Test
    void validateContactAccessReadsTheAccessListWithJavasReasons() throws SQLException {
        UUID judy = signUp("judy");
        UUID mallory = signUp("mallory");
        UUID own = data.contact(judy, null, 1);
        UUID others = data.contact(mallory, null, 1);

        assertEquals(List.of(false, DENIED), validate(judy, own), "no row in user_contact_access yet (written by JDBC)");
        refresh(judy);
        refresh(mallory);

        assertEquals(List.of(true, GRANTED), validate(judy, own));
        assertEquals(List.of(false, DENIED), validate(judy, others));
        assertEquals(List.of(false, DENIED), validate(judy, UUID.randomUUID()), "a contact that does not exist");
        assertEquals(List.of(false, DENIED), validate(judy, null));
        assertEquals(List.of(false, DENIED), validate(UUID.randomUUID(), own), "a user that does not exist");
        assertEquals(List.of(true, GRANTED), validate(mallory, others));
    }

    @Test
    void functionsRunAsTheirOwnerWithAFixedSearchPathAndOnlyForRolesGrantedExecute() throws SQLException {
        UUID kim = signUp("kim");
        data.contact(kim, null, 1);
        String expected = data.expected(kim).checksum();
        try (Statement sql = db.createStatement();
                ResultSet functions = sql.executeQuery("SELECT p.proname, p.prosecdef, p.proconfig::text, "
                        + "has_function_privilege('public', p.oid, 'EXECUTE') FROM pg_proc p "
                        + "JOIN pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = 'public' AND p.proname IN "
                        + "('calculate_user_data_checksum', 'refresh_user_metadata', 'validate_contact_access')")) {
            int count = 0;
            while (functions.next()) {
                count++;
                assertTrue(functions.getBoolean(2), functions.getString(1) + " is SECURITY DEFINER");
                assertEquals("{\"search_path=public, pg_temp\"}", functions.getString(3), functions.getString(1));
                assertFalse(functions.getBoolean(4), functions.getString(1) + " is not executable by PUBLIC");
            }
            assertEquals(3, count);
        }

        String probe = "kontak_probe_" + UUID.randomUUID().toString().substring(0, 8);
        db.setAutoCommit(false);
        try (Statement sql = db.createStatement()) {
            sql.execute("CREATE ROLE " + probe + " NOLOGIN"); // rolled back below with everything else
            sql.execute("SET ROLE " + probe);
            sql.execute("SAVEPOINT refused");
            SQLException refused = assertThrows(SQLException.class, () -> checksum(kim));
            assertEquals("42501", refused.getSQLState(), refused.getMessage());
            sql.execute("ROLLBACK TO SAVEPOINT refused");
            sql.execute("RESET ROLE");
            sql.execute("GRANT EXECUTE ON FUNCTION public.calculate_user_data_checksum(uuid) TO " + probe);
            sql.execute("SET ROLE " + probe);
            sql.execute("SET search_path = pg_temp"); // the caller's search_path does not matter

            assertEquals(expected, checksum(kim), "runs with its owner's rights");
            sql.execute("SAVEPOINT direct");
            SQLException direct = assertThrows(SQLException.class, () -> sql.executeQuery("SELECT * FROM public.contacts"));
            assertEquals("42501", direct.getSQLState(), "the role itself cannot read contacts");
        } finally {
            db.rollback();
            db.setAutoCommit(true);
        }
    }

    /**
     * Signing up writes the account and its user_metadata row in one transaction (Registration fires AccountCreated,
     * MetadataUpdater inserts the row): if the metadata insert fails, the account is not created either.
     */
    @Test
    void aFailedMetadataWriteRollsTheSignUpBack() throws SQLException {
        String email = uniqueEmail("doomed");
        String suffix = UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        String function = "fail_metadata_" + suffix;
        try (Statement sql = db.createStatement()) {
            // A trigger's WHEN condition cannot hold a subquery: the function looks the e-mail address up itself.
            sql.execute("CREATE FUNCTION " + function + "() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
                    + "IF (SELECT u.email FROM users u WHERE u.id = NEW.user_id) = '" + email + "' THEN "
                    + "RAISE EXCEPTION 'metadata write refused by test'; END IF; RETURN NEW; END $$");
            sql.execute("CREATE TRIGGER " + function + " BEFORE INSERT ON user_metadata FOR EACH ROW EXECUTE FUNCTION "
                    + function + "()");
            try {
                HttpResponse<String> failed = visitor.postJson("/api/signup", signUpBody(email, "Doomed"));

                assertEquals(500, failed.statusCode(), failed.body());
                assertTrue(failed.headers().firstValue("Content-Type").orElseThrow().startsWith("application/json"));
                assertEquals("{\"error\":\"Something went wrong on our side.\"}", failed.body());
                assertEquals(0, count("SELECT count(*) FROM users WHERE email = ?", email), "the account was rolled back");
                assertEquals(0, count("SELECT count(*) FROM user_metadata m JOIN users u ON u.id = m.user_id "
                        + "WHERE u.email = ?", email));
            } finally {
                sql.execute("DROP TRIGGER " + function + " ON user_metadata");
                sql.execute("DROP FUNCTION " + function + "()");
            }
        }
        HttpResponse<String> retried = visitor.postJson("/api/signup", signUpBody(email, "Doomed"));
        assertEquals(201, retried.statusCode(), "nothing was left behind: " + retried.body());
        assertEquals(1, count("SELECT count(*) FROM user_metadata m JOIN users u ON u.id = m.user_id WHERE u.email = ?",
                email));
    }

    /** Every function agrees with the Java computation, and the stored row with what the refresh returned. */
    private void assertParity(UUID user) throws SQLException {
        Values expected = data.expected(user);
        assertEquals(expected.checksum(), checksum(user), "calculate_user_data_checksum");
        Metadata refreshed = refresh(user);
        assertEquals(expected, refreshed.values(), "refresh_user_metadata");
        assertEquals(refreshed, stored(user));
        assertEquals(expected.contactIds(), accessOf(user));
        for (String contact : expected.contactIds()) {
            assertEquals(List.of(true, GRANTED), validate(user, UUID.fromString(contact)));
        }
    }

    private UUID signUp(String who) {
        HttpResponse<String> created = visitor.postJson("/api/signup", signUpBody(uniqueEmail(who), who));
        assertEquals(201, created.statusCode(), created.body());
        Matcher id = Pattern.compile("\"id\":\"([^\"]+)\"").matcher(created.body());
        assertTrue(id.find(), created.body());
        return UUID.fromString(id.group(1));
    }

    private static String signUpBody(String email, String name) {
        return "{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD + "\",\"displayName\":\"" + name + "\"}";
    }

    private String checksum(UUID user) throws SQLException {
        try (PreparedStatement query = db.prepareStatement("SELECT public.calculate_user_data_checksum(?)")) {
            query.setObject(1, user);
            try (ResultSet result = query.executeQuery()) {
                result.next();
                return result.getString(1);
            }
        }
    }

    private Metadata refresh(UUID user) throws SQLException {
        return metadata("SELECT " + METADATA_COLUMNS + " FROM public.refresh_user_metadata(?) m", user);
    }

    private Metadata stored(UUID user) throws SQLException {
        return metadata("SELECT " + METADATA_COLUMNS + " FROM user_metadata_with_contact_ids m WHERE m.user_id = ?", user);
    }

    private Metadata metadata(String select, UUID user) throws SQLException {
        try (PreparedStatement query = db.prepareStatement(select)) {
            query.setObject(1, user);
            try (ResultSet row = query.executeQuery()) {
                assertTrue(row.next(), "no metadata row for " + user);
                return new Metadata(row.getObject("id", UUID.class), strings(row, "contact_ids"),
                        row.getInt("contact_count"), row.getInt("activity_count"), instant(row, "last_activity_at"),
                        strings(row, "team_ids"), strings(row, "permissions"), row.getString("data_checksum"),
                        row.getLong("cache_version"), instant(row, "last_contact_update"),
                        instant(row, "last_activity_update"), instant(row, "created_at"), instant(row, "updated_at"));
            }
        }
    }

    private List<Object> validate(UUID user, UUID contact) throws SQLException {
        try (PreparedStatement query = db.prepareStatement(
                "SELECT has_access, reason FROM public.validate_contact_access(?, ?)")) {
            query.setObject(1, user);
            query.setObject(2, contact, Types.OTHER);
            try (ResultSet result = query.executeQuery()) {
                assertTrue(result.next());
                List<Object> answer = List.of(result.getBoolean(1), result.getString(2));
                assertFalse(result.next(), "one row");
                return answer;
            }
        }
    }

    private List<String> accessOf(UUID user) throws SQLException {
        List<String> contacts = new ArrayList<>();
        try (PreparedStatement query = db.prepareStatement(
                "SELECT contact_id FROM user_contact_access WHERE user_id = ? ORDER BY contact_id")) {
            query.setObject(1, user);
            try (ResultSet result = query.executeQuery()) {
                while (result.next()) {
                    contacts.add(result.getString(1));
                }
            }
        }
        return contacts;
    }

    private void grantDirectly(UUID user, UUID contact) throws SQLException {
        try (PreparedStatement insert = db.prepareStatement(
                "INSERT INTO user_contact_access (user_id, contact_id) VALUES (?, ?)")) {
            insert.setObject(1, user);
            insert.setObject(2, contact);
            insert.executeUpdate();
        }
    }

    /** An account made administrator behind Java's back: TeamPermissions reads users.role, as the function does. */
    private void makeAdmin(UUID user) throws SQLException {
        try (PreparedStatement update = db.prepareStatement("UPDATE users SET role = 'ADMIN' WHERE id = ?")) {
            update.setObject(1, user);
            assertEquals(1, update.executeUpdate());
        }
    }

    private UUID userId(String email) throws SQLException {
        try (PreparedStatement query = db.prepareStatement("SELECT id FROM users WHERE email = ?")) {
            query.setString(1, email);
            try (ResultSet result = query.executeQuery()) {
                assertTrue(result.next(), "no account " + email);
                return result.getObject(1, UUID.class);
            }
        }
    }

    private long count(String query, String parameter) throws SQLException {
        try (PreparedStatement statement = db.prepareStatement(query)) {
            statement.setString(1, parameter);
            try (ResultSet result = statement.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        }
    }

    private Instant databaseNow() throws SQLException {
        try (Statement sql = db.createStatement(); ResultSet now = sql.executeQuery("SELECT clock_timestamp()")) {
            now.next();
            return now.getObject(1, OffsetDateTime.class).toInstant();
        }
    }

    /** The user's checksum terms added up without overflow. */
    private BigInteger exactSum(UUID user) throws SQLException {
        return data.terms(user).stream().map(BigInteger::valueOf).reduce(BigInteger.ZERO, BigInteger::add);
    }

    private List<BigInteger> runningSums(UUID user) throws SQLException {
        List<BigInteger> sums = new ArrayList<>();
        BigInteger sum = BigInteger.ZERO;
        for (long term : data.terms(user)) {
            sum = sum.add(BigInteger.valueOf(term));
            sums.add(sum);
        }
        return sums;
    }

    /** A JSONB array of strings, in its order. */
    private static String jsonList(String column) {
        return "ARRAY(SELECT e FROM jsonb_array_elements_text(" + column + ") WITH ORDINALITY AS x (e, n) ORDER BY n)";
    }

    private static List<String> strings(ResultSet row, String column) throws SQLException {
        return List.of((String[]) row.getArray(column).getArray());
    }

    private static Instant instant(ResultSet row, String column) throws SQLException {
        OffsetDateTime time = row.getObject(column, OffsetDateTime.class);
        return time == null ? null : time.toInstant();
    }

    /**
     * Ids in the order PostgreSQL sorts uuids (unsigned bytes), which for their lower-case text is the order of the
     * strings: the order of contact_ids in user_metadata_with_contact_ids. Java's TreeSet of UUIDs (AccessList,
     * MetadataView) orders differently, by signed halves, so ids from 8 to f come before ids from 0 to 7 there.
     */
    private static List<String> sorted(UUID... ids) {
        return Arrays.stream(ids).map(UUID::toString).sorted().toList();
    }

    /** The data columns of a metadata row: what the functions and the Java computation must agree on. */
    record Values(List<String> contactIds, int contactCount, int activityCount, Instant lastActivityAt,
            List<String> teamIds, List<String> permissions, String checksum) {
    }

    /** A row of user_metadata_with_contact_ids. */
    record Metadata(UUID id, List<String> contactIds, int contactCount, int activityCount, Instant lastActivityAt,
            List<String> teamIds, List<String> permissions, String checksum, long cacheVersion,
            Instant lastContactUpdate, Instant lastActivityUpdate, Instant createdAt, Instant updatedAt) {

        Values values() {
            return new Values(contactIds, contactCount, activityCount, lastActivityAt, teamIds, permissions, checksum);
        }
    }

    /**
     * Teams, memberships, contacts and activities written with JDBC, remembered, and what
     * MetadataRefresher.compute and TeamPermissions.of make of them for a user.
     */
    static final class Data {

        record ContactRow(UUID id, UUID owner, UUID team, long version) {
        }

        record ActivityRow(UUID id, UUID contact, long version, Instant occurredAt) {
        }

        record Membership(UUID team, UUID user, String role) {
        }

        private final Connection db;
        private final List<ContactRow> contacts = new ArrayList<>();
        private final List<ActivityRow> activities = new ArrayList<>();
        private final List<Membership> memberships = new ArrayList<>();

        Data(Connection db) {
            this.db = db;
        }

        UUID team(UUID creator) throws SQLException {
            UUID id = UUID.randomUUID();
            insert("INSERT INTO teams (id, name, created_by, created_at) VALUES (?, ?, ?, ?)",
                    id, "Team " + id.toString().substring(0, 8), creator, now());
            return id;
        }

        void member(UUID team, UUID user, String role) throws SQLException {
            insert("INSERT INTO team_members (team_id, user_id, role, joined_at) VALUES (?, ?, ?, ?)",
                    team, user, role, now());
            memberships.add(new Membership(team, user, role));
        }

        UUID contact(UUID owner, UUID team, long version) throws SQLException {
            return contact(owner, team, version, term -> true);
        }

        /** A contact whose checksum term passes the test: ids are drawn until one does. */
        UUID contact(UUID owner, UUID team, long version, LongPredicate term) throws SQLException {
            UUID id = UUID.randomUUID();
            while (!term.test(Checksums.contactTerm(id, version))) {
                id = UUID.randomUUID();
            }
            insert("INSERT INTO contacts (id, owner_id, team_id, name, created_at, updated_at, version) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?)", id, owner, team, "Contact " + contacts.size(), now(), now(), version);
            contacts.add(new ContactRow(id, owner, team, version));
            return id;
        }

        UUID activity(UUID contact, UUID author, long version, Instant occurredAt) throws SQLException {
            return activity(contact, author, version, occurredAt, term -> true);
        }

        UUID activity(UUID contact, UUID author, long version, Instant occurredAt, LongPredicate term)
                throws SQLException {
            UUID id = UUID.randomUUID();
            while (!term.test(Checksums.activityTerm(id, version))) {
                id = UUID.randomUUID();
            }
            insert("INSERT INTO activities (id, contact_id, author_id, type, occurred_at, summary, created_at, "
                    + "updated_at, version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", id, contact, author, "NOTE",
                    occurredAt.atOffset(ZoneOffset.UTC), "Activity " + activities.size(), now(), now(), version);
            activities.add(new ActivityRow(id, contact, version, occurredAt));
            return id;
        }

        /** MetadataRefresher.compute and TeamPermissions.of, restated over the rows written here. */
        Values expected(UUID user) throws SQLException {
            Set<UUID> teams = memberships.stream().filter(m -> m.user().equals(user)).map(Membership::team)
                    .collect(Collectors.toSet());
            List<ContactRow> visible = visible(user);
            Set<UUID> visibleIds = visible.stream().map(ContactRow::id).collect(Collectors.toSet());
            long checksum = 0;
            for (long term : terms(user)) {
                checksum += term;
            }
            int activityCount = 0;
            Instant latest = null;
            for (ActivityRow activity : activities) {
                if (visibleIds.contains(activity.contact())) {
                    activityCount++;
                    latest = latest == null || activity.occurredAt().isAfter(latest) ? activity.occurredAt() : latest;
                }
            }
            TreeSet<String> permissions = new TreeSet<>(List.of("contacts:create", "teams:create"));
            if ("ADMIN".equals(role(user))) {
                permissions.add("admin");
            }
            for (Membership member : memberships) {
                if (member.user().equals(user)) {
                    permissions.add("team:" + member.team() + ":share");
                    if (member.role().equals("OWNER")) {
                        permissions.add("team:" + member.team() + ":manage");
                    }
                }
            }
            List<String> contactIds = visible.stream().map(c -> c.id().toString()).sorted().toList();
            return new Values(contactIds, contactIds.size(), activityCount, latest,
                    teams.stream().map(UUID::toString).sorted().toList(), List.copyOf(permissions),
                    Checksums.format(checksum));
        }

        /** The user's checksum terms: their contacts', then their contacts' activities'. */
        List<Long> terms(UUID user) {
            List<ContactRow> visible = visible(user);
            Set<UUID> visibleIds = visible.stream().map(ContactRow::id).collect(Collectors.toSet());
            List<Long> terms = new ArrayList<>();
            visible.forEach(contact -> terms.add(Checksums.contactTerm(contact.id(), contact.version())));
            activities.stream().filter(activity -> visibleIds.contains(activity.contact()))
                    .forEach(activity -> terms.add(Checksums.activityTerm(activity.id(), activity.version())));
            return terms;
        }

        /** Owned, or shared with a team the user belongs to. */
        private List<ContactRow> visible(UUID user) {
            Set<UUID> teams = memberships.stream().filter(m -> m.user().equals(user)).map(Membership::team)
                    .collect(Collectors.toSet());
            return contacts.stream().filter(c -> c.owner().equals(user) || teams.contains(c.team())).toList();
        }

        private String role(UUID user) throws SQLException {
            try (PreparedStatement query = db.prepareStatement("SELECT role FROM users WHERE id = ?")) {
                query.setObject(1, user);
                try (ResultSet result = query.executeQuery()) {
                    return result.next() ? result.getString(1) : null;
                }
            }
        }

        private void insert(String sql, Object... values) throws SQLException {
            try (PreparedStatement insert = db.prepareStatement(sql)) {
                for (int i = 0; i < values.length; i++) {
                    if (values[i] == null) {
                        insert.setNull(i + 1, Types.OTHER);
                    } else {
                        insert.setObject(i + 1, values[i]);
                    }
                }
                insert.executeUpdate();
            }
        }

        private static OffsetDateTime now() {
            return OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
        }
    }
}
