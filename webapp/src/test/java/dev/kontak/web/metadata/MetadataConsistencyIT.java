package dev.kontak.web.metadata;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kontak.admin.control.MetadataStatistics;
import dev.kontak.admin.entity.MetadataCounts;
import dev.kontak.contacts.boundary.ActivityLog;
import dev.kontak.contacts.boundary.ContactAccessDenied;
import dev.kontak.contacts.boundary.ContactBook;
import dev.kontak.contacts.boundary.ContactRefused;
import dev.kontak.contacts.boundary.TeamRefused;
import dev.kontak.contacts.boundary.Teams;
import dev.kontak.contacts.entity.ActivityDetails;
import dev.kontak.contacts.entity.ActivityType;
import dev.kontak.contacts.entity.Contact;
import dev.kontak.contacts.entity.ContactDetails;
import dev.kontak.contacts.entity.Team;
import dev.kontak.kernel.UserId;
import dev.kontak.kernel.rls.RowLevelSecurity;
import dev.kontak.metadata.control.MetadataCache;
import dev.kontak.metadata.control.MetadataRefresher;
import dev.kontak.metadata.control.MetadataRows;
import dev.kontak.metadata.control.RepairQueue;
import dev.kontak.metadata.entity.CachedMetadata;
import dev.kontak.metadata.entity.ContactIdSet;
import dev.kontak.metadata.entity.MetadataValues;
import dev.kontak.metadata.entity.UserMetadata;
import dev.kontak.web.testing.KontakDeployment;
import dev.kontak.web.testing.MovableClock;
import dev.kontak.web.testing.ServerData;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Future;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Inside Payara Micro, against PostgreSQL: the metadata that observers maintain by deltas in the change's
 * transaction is always exactly what a full recompute from the data gives, under random sequences of changes,
 * in parallel, and never outlives a rolled-back change.
 */
@ExtendWith(ArquillianExtension.class)
class MetadataConsistencyIT {


    /**
     * No background repair during the tests: it would add full recomputes to the counts that some tests read. Every
     * copy is loaded off the request path, as for users with many contacts.
     */
    @Deployment
    static WebArchive deployment() {
        return KontakDeployment.withSettings(KontakDeployment.withTests(MetadataConsistencyIT.class, AccessModel.class, ServerData.class,
                        MovableClock.class),
                "kontak.sync.interval=PT24H", "kontak.cache.load-on-request-max-contacts=0");
    }

    @Inject
    ServerData data;

    @Inject
    MovableClock clock;

    @Inject
    ContactBook book;

    @Inject
    ActivityLog activities;

    @Inject
    Teams teams;

    @Inject
    MetadataRows rows;

    @Inject
    MetadataRefresher refresher;

    @Inject
    MetadataCache cache;

    @Inject
    RowLevelSecurity rowLevelSecurity;

    @Inject
    MetadataStatistics statistics;

    @Inject
    RepairQueue repairs;


    @Resource
    ManagedExecutorService executor;


    /**
     * Random sequences of every kind of change, each followed by a look at every user's metadata: the deltas and
     * the full recompute must both equal what {@link AccessModel}, the test's own small model of the rule, makes of
     * the rows. The seed is fixed, printed, and taken from {@code -Dkontak.test.seed} when given (passed on to the
     * server by {@code TestDatabase}).
     */
    @Test
    void incrementalMetadataEqualsAFullRecomputeAfterEveryRandomChange() throws SQLException {
        long seed = Long.getLong("kontak.test.seed", 20261202L);
        System.out.println("MetadataConsistencyIT: random changes with -Dkontak.test.seed=" + seed);
        Random random = new Random(seed);
        List<UUID> users = List.of(data.newUser("r1"), data.newUser("r2"), data.newUser("r3"), data.newUser("r4"));
        List<UUID> contacts = new ArrayList<>();
        List<UUID> activityIds = new ArrayList<>();
        List<UUID> teamIds = new ArrayList<>();
        // mostly the owner shares and manages (so that sharing really happens), sometimes anyone (refused)
        Map<UUID, UUID> creators = new HashMap<>();
        long sharedAccess = 0;

        for (int i = 0; i < 160; i++) {
            int step = i;
            UUID actor = users.get(random.nextInt(users.size()));
            String operation = switch (random.nextInt(10)) {
                case 0, 1 -> {
                    UUID contact = data.as(actor, () -> book.create(details("Contact " + step))).id();
                    contacts.add(contact);
                    creators.put(contact, actor);
                    yield "create";
                }
                case 2 -> attempt(() -> data.as(actor, () -> book.update(pick(random, contacts), details("Renamed " + step), null)),
                        "update");
                case 3 -> attempt(() -> {
                    UUID contact = pick(random, contacts);
                    data.as(actor, () -> book.delete(contact));
                    contacts.remove(contact);
                }, "delete");
                case 4 -> attempt(() -> {
                    UUID contact = pick(random, contacts);
                    data.as(mostlyThe(creators.get(contact), actor, random), () -> book.shareWith(contact,
                            random.nextInt(4) > 0 ? pick(random, teamIds) : null));
                }, "share");
                case 5, 6 -> attempt(() -> activityIds.add(data.as(actor, () -> activities.log(pick(random, contacts),
                        activity(step, random))).id()), "log");
                case 7 -> attempt(() -> {
                    if (random.nextBoolean()) {
                        data.as(actor, () -> activities.edit(pick(random, activityIds), activity(step, random)));
                    } else {
                        UUID activity = pick(random, activityIds);
                        data.as(actor, () -> activities.delete(activity));
                        activityIds.remove(activity);
                    }
                }, "activity edit/delete");
                case 8 -> {
                    UUID team = data.as(actor, () -> teams.create("Team " + step)).id();
                    teamIds.add(team);
                    creators.put(team, actor);
                    yield "create team";
                }
                default -> attempt(() -> {
                    UUID team = pick(random, teamIds);
                    UUID member = users.get(random.nextInt(users.size()));
                    UUID owner = mostlyThe(creators.get(team), actor, random);
                    if (random.nextInt(3) > 0) {
                        data.as(owner, () -> teams.addMember(team, data.emailOf(member)));
                    } else if (random.nextBoolean()) {
                        data.as(owner, () -> teams.removeMember(team, UserId.of(member)));
                    } else {
                        data.as(member, () -> teams.leave(team));
                    }
                }, "membership");
            };
            AccessModel model;
            try (Connection db = data.connection()) {
                model = AccessModel.read(db);
            }
            sharedAccess += model.accessedByOthers(users);
            for (UUID user : users) {
                String when = "after step " + step + " (" + operation + ") for " + user + ", seed " + seed;
                assertEquals(model.of(user), data.read(() -> rows.current(user).orElseThrow()), "the deltas, " + when);
                assertEquals(model.of(user), data.read(() -> refresher.compute(user)), "the full recompute, " + when);
            }
        }
        assertTrue(users.stream().anyMatch(user -> data.read(() -> rows.current(user).orElseThrow()).contactIds().size() > 1),
                "the sequence built real data (seed " + seed + ")");
        assertTrue(users.stream().anyMatch(user -> data.read(() -> rows.current(user).orElseThrow()).activityCount() > 0),
                "the sequence logged activities (seed " + seed + ")");
        assertTrue(sharedAccess > 0, "the sequence gave access through teams (seed " + seed + ")");
        for (UUID user : users) {
            assertSqlFunctionsAgreeWithJava(user);
        }
    }

    /** The PostgreSQL functions (sql/postgresql) compute what the Java services compute. */
    private void assertSqlFunctionsAgreeWithJava(UUID user) throws SQLException {
        MetadataValues java = data.read(() -> refresher.compute(user));
        try (Connection db = data.connection();
                PreparedStatement checksum = db.prepareStatement("SELECT calculate_user_data_checksum(?)");
                PreparedStatement refresh = db.prepareStatement("SELECT contact_ids::text, activity_count, "
                        + "last_activity_at, team_ids::text, permissions::text, data_checksum, contact_count "
                        + "FROM refresh_user_metadata(?)")) {
            checksum.setObject(1, user);
            try (ResultSet result = checksum.executeQuery()) {
                result.next();
                assertEquals(java.dataChecksum(), result.getString(1));
            }
            refresh.setObject(1, user);
            try (ResultSet sql = refresh.executeQuery()) {
                sql.next();
                assertEquals(java.contactIds(), new TreeSet<>(jsonStrings(sql.getString(1)).stream().map(UUID::fromString).toList()));
                assertEquals(java.activityCount(), sql.getInt(2));
                OffsetDateTime latest = sql.getObject(3, OffsetDateTime.class);
                assertEquals(java.lastActivityAt(), latest == null ? null : latest.toInstant());
                assertEquals(java.teamIds(), jsonStrings(sql.getString(4)));
                assertEquals(java.permissions(), jsonStrings(sql.getString(5)));
                assertEquals(java.dataChecksum(), sql.getString(6));
                assertEquals(java.contactIds().size(), sql.getInt(7));
            }
        }
    }

    private static List<String> jsonStrings(String array) {
        try (JsonReader reader = Json.createReader(new StringReader(array))) {
            return reader.readArray().getValuesAs(JsonString.class).stream().map(JsonString::getString).toList();
        }
    }

    /** The application's own entity manager, in a transaction acting for a user, under the policies. */
    @Test
    void theApplicationsUnfilteredQueriesReturnOnlyTheActingUsersRows() {
        assertTrue(rowLevelSecurity.active(), "the suite's server connects as a role row level security holds");
        UUID alice = data.newUser("alice");
        UUID bob = data.newUser("bob");
        Contact alices = data.as(alice, () -> book.create(details("Alice's")));
        Contact bobs = data.as(bob, () -> book.create(details("Bob's")));
        data.as(bob, () -> activities.log(bobs.id(), activity(1, new Random(7))));
        assertThrows(ContactAccessDenied.class, () -> data.as(bob, () -> book.view(alices.id())));

        assertEquals(List.of(alices.id()), data.readAs(alice, () -> ids("SELECT c.id FROM Contact c")));
        assertEquals(List.of(alice), data.readAs(alice, () -> ids("SELECT m.userId FROM UserMetadata m")));
        assertEquals(List.of(), data.readAs(alice, () -> ids("SELECT a.id FROM Activity a")));
        assertEquals(List.of(), data.readAs(alice, () -> ids("SELECT r.userId FROM AccessRefusal r")));
        assertEquals(List.of(bob), data.readAs(bob, () -> ids("SELECT r.userId FROM AccessRefusal r")));
        assertEquals(List.of(bobs.id()), data.readAs(bob, () -> ids("SELECT a.contactId FROM Activity a")));
        assertEquals(List.of(), data.readAs(null, () -> ids("SELECT c.id FROM Contact c")), "acting for nobody");
        assertTrue(data.read(() -> ids("SELECT c.id FROM Contact c")).containsAll(List.of(alices.id(), bobs.id())),
                "across users, explicitly");
    }

    private List<UUID> ids(String jpql) {
        return data.list(jpql, UUID.class);
    }

    @Test
    void sharingGivesTeamMembersAccessAndUnsharingOrLeavingTakesItAway() {
        UUID owner = data.newUser("owner");
        UUID member = data.newUser("member");
        Team team = data.as(owner, () -> teams.create("Sales"));
        data.as(owner, () -> teams.addMember(team.id(), data.emailOf(member)));
        Contact contact = data.as(owner, () -> book.create(details("Shared Person")));
        long before = version(member);

        data.as(owner, () -> book.shareWith(contact.id(), team.id()));

        assertTrue(data.read(() -> rows.current(member).orElseThrow()).contactIds().contains(contact.id()));
        assertTrue(version(member) > before);
        assertEquals("Shared Person", data.as(member, () -> book.view(contact.id())).name());

        data.as(owner, () -> book.shareWith(contact.id(), null));
        assertFalse(data.read(() -> rows.current(member).orElseThrow()).contactIds().contains(contact.id()));
        assertThrows(ContactAccessDenied.class, () -> data.as(member, () -> book.view(contact.id())));

        data.as(owner, () -> book.shareWith(contact.id(), team.id()));
        data.as(owner, () -> teams.removeMember(team.id(), UserId.of(member)));
        assertFalse(data.read(() -> rows.current(member).orElseThrow()).contactIds().contains(contact.id()));
        assertEquals(data.read(() -> refresher.compute(member)), data.read(() -> rows.current(member).orElseThrow()));
    }

    /**
     * The soak benchmark found a member removed while a contact was being shared keeping access to it: a share and a
     * change of members read each other's state before either committed. Here an owner's shares and unshares race
     * the removal and return of the members, many rounds: afterwards everyone's metadata and access are a full
     * recompute.
     */
    @Test
    void sharingRacingChangesOfMembersLeavesEveryoneWithWhatTheDataGrants() throws Exception {
        UUID owner = data.newUser("racing-owner");
        List<UUID> members = List.of(data.newUser("racing-a"), data.newUser("racing-b"));
        Team team = teamOf(owner, "Racing", members);
        List<UUID> contacts = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            int n = i;
            contacts.add(data.as(owner, () -> book.create(details("Raced " + n))).id());
        }
        List<Callable<Void>> racers = new ArrayList<>();
        for (UUID contact : contacts) {
            racers.add(() -> {
                for (int round = 0; round < 15; round++) {
                    UUID shareWith = round % 2 == 0 ? team.id() : null;
                    data.as(owner, () -> book.shareWith(contact, shareWith));
                }
                return null;
            });
        }
        racers.addAll(leavingAndReturning(owner, team, members, 15));

        raceAndCheck(racers, List.of(owner, members.get(0), members.get(1)));
    }

    /**
     * The soak benchmark's race: while members are removed and added back, everyone with access edits the team's
     * contacts and logs activities on them (the members' are refused while they are out). Afterwards everyone's
     * metadata, counts and checksum included, equals a full recompute.
     */
    @Test
    void editsAndActivitiesRacingChangesOfMembersLeaveEveryonesMetadataTrue() throws Exception {
        UUID owner = data.newUser("editing-owner");
        List<UUID> members = List.of(data.newUser("editing-a"), data.newUser("editing-b"));
        Team team = teamOf(owner, "Editing", members);
        List<UUID> contacts = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            int n = i;
            UUID contact = data.as(owner, () -> book.create(details("Edited " + n))).id();
            data.as(owner, () -> book.shareWith(contact, team.id()));
            contacts.add(contact);
        }
        List<Callable<Void>> racers = new ArrayList<>();
        for (UUID editor : List.of(owner, members.get(0), members.get(1))) {
            racers.add(() -> {
                Random random = new Random(editor.getLeastSignificantBits());
                for (int step = 0; step < 30; step++) {
                    int n = step;
                    UUID contact = contacts.get(random.nextInt(contacts.size()));
                    attempt(step % 3 == 0
                            ? () -> data.as(editor, () -> activities.log(contact, activity(n, random)))
                            : () -> data.as(editor, () -> book.update(contact, details("Edited " + n), null)), "edit");
                }
                return null;
            });
        }
        racers.addAll(leavingAndReturning(owner, team, members, 10));

        raceAndCheck(racers, List.of(owner, members.get(0), members.get(1)));
    }

    @Test
    void parallelCreationsLoseNoUpdate() throws Exception {
        UUID user = data.newUser("parallel");
        UserMetadata start = data.read(() -> rows.find(user).orElseThrow());
        int parallel = 16;
        List<Callable<Contact>> creations = new ArrayList<>();
        for (int i = 0; i < parallel; i++) {
            int n = i;
            creations.add(() -> data.as(user, () -> book.create(details("Parallel " + n))));
        }

        for (Future<Contact> created : executor.invokeAll(creations)) {
            created.get();
        }

        UserMetadata end = data.read(() -> rows.find(user).orElseThrow());
        assertEquals(start.contactCount() + parallel, end.contactCount());
        assertTrue(end.cacheVersion() >= start.cacheVersion() + parallel);
        assertEquals(data.read(() -> refresher.compute(user)), data.read(() -> rows.current(user).orElseThrow()));
    }

    @Test
    void staleMetadataIsRefreshedOnceWhenManyRequestsFindItStale() throws Exception {
        UUID user = data.newUser("stale");
        UUID contact = data.as(user, () -> book.create(details("Often Viewed"))).id();
        clock.advance(Duration.ofHours(1));
        long before = version(user);
        MetadataCounts counted = statistics.counted();
        List<Callable<String>> views = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            views.add(() -> data.as(user, () -> book.view(contact)).name());
        }

        for (Future<String> view : executor.invokeAll(views)) {
            assertEquals("Often Viewed", view.get());
        }

        assertEquals(before + 1, version(user), "one refresh, not one per request");
        MetadataCounts after = statistics.counted();
        assertEquals(1, after.cheapRefreshes() - counted.cheapRefreshes(), "and a cheap one");
        assertEquals(0, after.refreshes() - counted.refreshes(), "no full recompute");
    }

    /**
     * The request path never recomputes: a stale row is stamped fresh (its version bumped, so every copy goes)
     * without reading the user's contacts, and it still equals a full recompute, since every change already
     * updated it. Counted by the counters that /metrics and the admin page show, not timed.
     */
    @Test
    void aStaleRequestRunsNoFullRecomputeAndLeavesTheRowFreshAndTrue() throws Exception {
        UUID owner = data.newUser("busy");
        UUID member = data.newUser("busymember");
        Team team = data.as(owner, () -> teams.create("Busy Team"));
        data.as(owner, () -> teams.addMember(team.id(), data.emailOf(member)));
        List<UUID> contacts = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            String name = "Busy " + i;
            contacts.add(data.as(owner, () -> book.create(details(name))).id());
        }
        data.as(owner, () -> book.shareWith(contacts.get(0), team.id()));
        data.as(member, () -> activities.log(contacts.get(0), activity(1, new Random(3))));
        data.as(owner, () -> activities.log(contacts.get(1), activity(2, new Random(4))));
        data.as(owner, () -> book.view(contacts.get(2))); // this node keeps a copy
        UserMetadata old = data.read(() -> rows.find(owner).orElseThrow());
        long stale = old.cacheVersion();
        cache.invalidate(owner, stale + 1);
        assertTrue(cache.offer(new CachedMetadata(owner, stale, old.updatedAt(), ContactIdSet.of(contacts)), cache.stamp(owner)));
        clock.advance(Duration.ofHours(1)); // the row and this node's copy of it are an hour old
        MetadataCounts before = statistics.counted();

        assertEquals("Busy 1", data.as(owner, () -> book.view(contacts.get(1))).name());
        data.as(owner, () -> activities.log(contacts.get(3), activity(3, new Random(5)))); // a write on the refreshed row

        MetadataCounts after = statistics.counted();
        assertEquals(0, after.refreshes() - before.refreshes(), "no full recompute on the request path");
        assertEquals(1, after.cheapRefreshes() - before.cheapRefreshes(), "one cheap refresh");
        UserMetadata row = data.read(() -> rows.find(owner).orElseThrow());
        assertEquals(stale + 2, row.cacheVersion(), "the refresh and the logged activity");
        assertTrue(row.updatedAt().isAfter(clock.now().minus(1, ChronoUnit.MINUTES)), "fresh: " + row.updatedAt());
        assertEquals(data.read(() -> refresher.compute(owner)), data.read(() -> rows.current(owner).orElseThrow()),
                "still what the data says");
        assertEquals(data.read(() -> refresher.compute(member)), data.read(() -> rows.current(member).orElseThrow()));
        assertTrue(cache.peek(owner).isEmpty() || cache.peek(owner).orElseThrow().cacheVersion() == row.cacheVersion(),
                "no copy older than the row");
        assertEquals("Busy 4", data.as(owner, () -> book.view(contacts.get(4))).name());
        assertEquals(row.cacheVersion(), awaitCopy(owner).cacheVersion(), "loaded again off the request path");
        assertEquals(after.cheapRefreshes(), statistics.counted().cheapRefreshes(), "fresh now: nothing to refresh");
    }

    /**
     * A view is allowed only if the data grants it, whatever the copy and the access rows say (on H2 too, where
     * no policy would hide the contact), and an operation that meets metadata disagreeing with the data has the
     * user's metadata repaired off the request path.
     */
    @Test
    void operationsFollowTheDataWhenTheMetadataDriftedAndTheDriftIsRepaired() throws Exception {
        UUID owner = data.newUser("drowner");
        UUID intruder = data.newUser("drintruder");
        UUID foreign = data.as(owner, () -> book.create(details("Not Yours Either"))).id();
        UUID own = data.as(owner, () -> book.create(details("Yours"))).id();
        data.execute("INSERT INTO user_contact_access (user_id, contact_id) VALUES (?, ?)", intruder, foreign);
        data.execute("DELETE FROM user_contact_access WHERE user_id = ? AND contact_id = ?", owner, own);
        cache.clear();
        long refusalsBefore = data.count("SELECT count(*) FROM access_refusals WHERE user_id IN (?, ?)", intruder, owner);

        assertThrows(ContactAccessDenied.class, () -> data.as(intruder, () -> book.view(foreign)), "the access row says yes, the data no");
        assertThrows(ContactAccessDenied.class, () -> data.as(intruder, () -> book.update(foreign, details("Stolen"), null)));
        assertThrows(ContactAccessDenied.class, () -> data.as(owner, () -> book.view(own)), "the metadata says no: refused until repaired");

        assertEquals(refusalsBefore + 3, data.count("SELECT count(*) FROM access_refusals WHERE user_id IN (?, ?)",
                intruder, owner), "every refusal is audited");
        assertEquals(1, data.count("SELECT count(*) FROM contacts WHERE id = ? AND name = 'Not Yours Either'", foreign));
        awaitRepairs();
        assertEquals(0, data.count("SELECT count(*) FROM user_contact_access WHERE user_id = ?", intruder));
        assertEquals(1, data.count("SELECT count(*) FROM user_contact_access WHERE user_id = ? AND contact_id = ?",
                owner, own));
        assertEquals(data.read(() -> refresher.compute(intruder)), data.read(() -> rows.current(intruder).orElseThrow()));
        assertEquals(data.read(() -> refresher.compute(owner)), data.read(() -> rows.current(owner).orElseThrow()));
        assertEquals("Yours", data.as(owner, () -> book.view(own)).name());
        cache.clear();
    }

    /**
     * Waits (up to a minute) for the repairs, which run on the managed executor, to finish, before reading through
     * the application's beans: a transaction of the test begun while a repair runs in the same beans can lose its
     * right to use UserTransaction (Payara's transactional interceptor keeps the previous state in a field that
     * all threads share).
     */
    private void awaitRepairs() {
        await("repairs finished").atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(100))
                .until(() -> repairs.unfinished() == 0);
    }

    /** The user's copy, once this node loaded it (a view without one leaves the load to {@code CopyLoads}). */
    private CachedMetadata awaitCopy(UUID user) {
        return await("a copy of " + user + " loaded").atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(50))
                .until(() -> cache.peek(user), Optional::isPresent).orElseThrow();
    }

    @Test
    void aFailureWhileUpdatingMetadataRollsTheContactChangeBack() throws SQLException {
        UUID user = data.newUser("failing");
        data.execute("CREATE OR REPLACE FUNCTION kontak_test_fail() RETURNS trigger LANGUAGE plpgsql AS "
                + "$$ BEGIN RAISE EXCEPTION 'metadata update failed on purpose'; END $$");
        data.execute("CREATE TRIGGER kontak_test_fail BEFORE UPDATE ON user_metadata FOR EACH ROW "
                + "WHEN (NEW.user_id = '" + user + "') EXECUTE FUNCTION kontak_test_fail()");
        try {
            long before = version(user);
            assertThrows(RuntimeException.class, () -> data.as(user, () -> book.create(details("Never Saved"))));
            assertEquals(0, data.count("SELECT count(*) FROM contacts WHERE owner_id = ?", user));
            assertEquals(0, data.count("SELECT count(*) FROM user_contact_access WHERE user_id = ?", user));
            assertEquals(before, version(user));
        } finally {
            data.execute("DROP TRIGGER kontak_test_fail ON user_metadata");
        }
    }

    /** One transaction, one user: on H2 and with one role as under row level security, where nothing else would tell. */
    @Test
    void aTransactionActingForOneUserCannotActForAnother() {
        UUID owner = data.newUser("actingowner");
        UUID other = data.newUser("actingother");
        UUID contact = data.as(owner, () -> book.create(details("Owner's"))).id();

        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> data.readAs(owner, () -> data.as(other, () -> book.view(contact))));

        assertTrue(String.valueOf(refused.getCause()).contains("cannot act for " + other), String.valueOf(refused.getCause()));
        assertEquals("Owner's", data.readAs(owner, () -> data.as(owner, () -> book.view(contact))).name(), "the same user may, again");
    }

    @Test
    void writesNeverTrustTheCacheEvenWhenItClaimsAccess() throws SQLException {
        UUID owner = data.newUser("victim");
        UUID intruder = data.newUser("intruder");
        UUID contact = data.as(owner, () -> book.create(details("Not Yours"))).id();
        // A copy that wrongly claims the intruder may touch the contact, newer than anything committed.
        cache.clear();
        assertTrue(cache.offer(new CachedMetadata(intruder, Long.MAX_VALUE, clock.now(),
                ContactIdSet.of(List.of(contact))), cache.stamp(intruder)));

        assertThrows(ContactAccessDenied.class, () -> data.as(intruder, () -> book.update(contact, details("Stolen"), null)));
        assertThrows(ContactAccessDenied.class, () -> data.as(intruder, () -> activities.log(contact, activity(1, new Random(1)))));
        assertThrows(ContactAccessDenied.class, () -> data.as(intruder, () -> book.delete(contact)));

        assertEquals(1, data.count("SELECT count(*) FROM contacts WHERE id = ? AND name = 'Not Yours'", contact));
        assertEquals(0, data.count("SELECT count(*) FROM activities WHERE contact_id = ?", contact));
        cache.clear();
    }

    @Test
    void cachedCopiesAreDroppedAfterCommitAndKeptWhenTheChangeRollsBack() throws Exception {
        UUID owner = data.newUser("cached");
        UUID member = data.newUser("cachedmember");
        Team team = data.as(owner, () -> teams.create("Cache Team"));
        data.as(owner, () -> teams.addMember(team.id(), data.emailOf(member)));
        Contact contact = data.as(owner, () -> book.create(details("Cached Person")));
        data.as(owner, () -> book.shareWith(contact.id(), team.id()));
        data.as(member, () -> book.view(contact.id()));
        long cachedVersion = awaitCopy(member).cacheVersion();

        data.as(owner, () -> book.shareWith(contact.id(), null));

        assertTrue(cache.peek(member).isEmpty(), "the committed unshare dropped the member's copy");
        assertThrows(ContactAccessDenied.class, () -> data.as(member, () -> book.view(contact.id())));
        assertTrue(awaitCopy(member).cacheVersion() > cachedVersion);

        data.as(owner, () -> book.view(contact.id()));
        long ownerVersion = awaitCopy(owner).cacheVersion();
        data.execute("CREATE OR REPLACE FUNCTION kontak_test_fail() RETURNS trigger LANGUAGE plpgsql AS "
                + "$$ BEGIN RAISE EXCEPTION 'metadata update failed on purpose'; END $$");
        data.execute("CREATE TRIGGER kontak_test_fail_cache BEFORE UPDATE ON user_metadata FOR EACH ROW "
                + "WHEN (NEW.user_id = '" + owner + "') EXECUTE FUNCTION kontak_test_fail()");
        try {
            assertThrows(RuntimeException.class, () -> data.as(owner, () -> book.update(contact.id(), details("Rolled Back"), null)));
            assertEquals(ownerVersion, cache.peek(owner).orElseThrow().cacheVersion(),
                    "a rolled-back change evicts nothing");
        } finally {
            data.execute("DROP TRIGGER kontak_test_fail_cache ON user_metadata");
        }
    }

    private Team teamOf(UUID owner, String name, List<UUID> members) {
        Team team = data.as(owner, () -> teams.create(name));
        for (UUID member : members) {
            data.as(owner, () -> teams.addMember(team.id(), data.emailOf(member)));
        }
        return team;
    }

    /** One racer per member, removed by the owner and added back, {@code rounds} times. */
    private List<Callable<Void>> leavingAndReturning(UUID owner, Team team, List<UUID> members, int rounds) {
        return members.stream().<Callable<Void>>map(member -> () -> {
            for (int round = 0; round < rounds; round++) {
                data.as(owner, () -> {
                    teams.removeMember(team.id(), UserId.of(member));
                    return null;
                });
                data.as(owner, () -> teams.addMember(team.id(), data.emailOf(member)));
            }
            return null;
        }).toList();
    }

    /** Runs the racers together, then every user's metadata must equal a full recompute. */
    private void raceAndCheck(List<Callable<Void>> racers, List<UUID> users) throws Exception {
        for (Future<Void> racer : executor.invokeAll(racers)) {
            racer.get();
        }
        for (UUID user : users) {
            assertEquals(data.read(() -> refresher.compute(user)), data.read(() -> rows.current(user).orElseThrow()),
                    "metadata of " + user);
        }
    }

    private long version(UUID user) {
        return data.read(() -> rows.find(user).orElseThrow()).cacheVersion();
    }

    private static ContactDetails details(String name) {
        return ContactDetails.of(name, "someone@example.com", "+62 812 0000", "Acme", "notes");
    }

    private static ActivityDetails activity(int step, Random random) {
        ActivityType type = ActivityType.values()[random.nextInt(ActivityType.values().length)];
        Instant when = Instant.parse("2026-01-01T00:00:00Z").plus(random.nextInt(5000), ChronoUnit.MINUTES);
        return new ActivityDetails(type, when, "Step " + step);
    }

    /** The creator of a contact or team three times in four (when there is one), else the random actor. */
    private static UUID mostlyThe(UUID creator, UUID actor, Random random) {
        return creator != null && random.nextInt(4) > 0 ? creator : actor;
    }

    private static UUID pick(Random random, List<UUID> ids) {
        return ids.isEmpty() ? UUID.randomUUID() : ids.get(random.nextInt(ids.size()));
    }

    /**
     * Runs an operation that the rules may refuse (random picks include foreign and deleted contacts): a refusal
     * is part of the sequence; any other exception fails the test.
     */
    private static String attempt(Runnable operation, String name) {
        try {
            operation.run();
            return name;
        } catch (ContactAccessDenied | ContactRefused | TeamRefused refused) {
            return name + " refused: " + refused.getClass().getSimpleName();
        }
    }
}
