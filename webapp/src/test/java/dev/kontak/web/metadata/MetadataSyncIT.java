package dev.kontak.web.metadata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kontak.contacts.boundary.ActivityLog;
import dev.kontak.contacts.boundary.ContactBook;
import dev.kontak.contacts.boundary.Teams;
import dev.kontak.contacts.entity.ActivityDetails;
import dev.kontak.contacts.entity.ActivityType;
import dev.kontak.contacts.entity.ContactDetails;
import dev.kontak.contacts.entity.Team;
import dev.kontak.metadata.boundary.MetadataSync;
import dev.kontak.metadata.boundary.SyncSchedule;
import dev.kontak.metadata.control.MetadataRefresher;
import dev.kontak.metadata.control.MetadataRows;
import dev.kontak.metadata.control.SyncLeases;
import dev.kontak.metadata.entity.SyncLease;
import dev.kontak.metadata.entity.SyncRun;
import dev.kontak.metadata.entity.UserMetadata;
import dev.kontak.web.testing.KontakDeployment;
import dev.kontak.web.testing.ServerData;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Future;
import java.util.logging.Logger;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Inside Payara Micro, against PostgreSQL: the background repair finds exactly the metadata rows that a buggy
 * script corrupted with plain SQL, makes them equal to a full recompute (bumping their cache_version), leaves the
 * healthy ones alone, records the run, and skips a run while another node holds the lease. The schedule is set to
 * a day, so that only the test starts runs, and batches to two users, so that every run spans several batches.
 */
@ExtendWith(ArquillianExtension.class)
class MetadataSyncIT {

    private static final Logger LOG = Logger.getLogger(MetadataSyncIT.class.getName());

    @Deployment
    static WebArchive deployment() {
        return KontakDeployment.withSettings(KontakDeployment.withTests(MetadataSyncIT.class, ServerData.class),
                "kontak.sync.interval=PT24H", "kontak.sync.batch-size=2");
    }

    @Inject
    ServerData data;

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
    MetadataSync sync;

    @Inject
    SyncSchedule schedule;

    @Inject
    SyncLeases leases;

    @Resource
    ManagedExecutorService executor;



    @Test
    void repairsExactlyTheDriftedRowsAndLeavesTheHealthyOnesAlone() throws SQLException {
        holdLease(null, Instant.EPOCH); // a node of an earlier test class may still hold the lease for its interval
        sync.runNow().orElseThrow(); // whatever earlier test classes left in the shared database
        UUID owner = data.newUser("owner");
        UUID member = data.newUser("member");
        UUID lost = data.newUser("lost");
        UUID intruder = data.newUser("intruder");
        UUID teamless = data.newUser("teamless");
        UUID healthy = data.newUser("healthy");
        Team team = teams.create(owner, "Sales");
        teams.addMember(owner, team.id(), data.emailOf(member));
        teams.addMember(owner, team.id(), data.emailOf(teamless));
        UUID shared = book.create(owner, details("Shared")).id();
        book.shareWith(owner, shared, team.id());
        activities.log(member, shared, call("2026-11-01T09:00:00Z"));
        UUID kept = book.create(lost, details("Kept")).id();
        UUID forgotten = book.create(lost, details("Forgotten")).id();
        activities.log(lost, forgotten, call("2026-11-02T09:00:00Z"));
        book.create(intruder, details("Own"));
        UUID fine = book.create(healthy, details("Fine")).id();
        activities.log(healthy, fine, call("2026-11-03T09:00:00Z"));
        List<UUID> corrupted = List.of(owner, member, lost, intruder, teamless);
        Map<UUID, Long> before = versions(List.of(owner, member, lost, intruder, teamless, healthy));

        data.execute("UPDATE user_metadata SET data_checksum = 'deadbeefdeadbeef' WHERE user_id = ?", owner);
        data.execute("UPDATE user_metadata SET contact_count = 99 WHERE user_id = ?", member);
        data.execute("DELETE FROM user_contact_access WHERE user_id = ? AND contact_id = ?", lost, forgotten);
        data.execute("INSERT INTO user_contact_access (user_id, contact_id) VALUES (?, ?)", intruder, kept);
        data.execute("UPDATE user_metadata SET activity_count = activity_count + 3, last_activity_at = NULL, "
                + "team_ids = '[]', permissions = '[]' WHERE user_id = ?", teamless);

        SyncRun run = sync.runNow().orElseThrow();

        assertEquals(corrupted.size(), run.drifted(), "exactly the corrupted users");
        assertEquals(corrupted.size(), run.repaired());
        assertEquals(data.count("SELECT count(*) FROM users"), run.usersChecked(), "every user, over all batches");
        for (UUID user : corrupted) {
            assertEquals(data.read(() -> refresher.compute(user)), data.read(() -> rows.current(user).orElseThrow()), "repaired " + user);
            UserMetadata row = data.read(() -> rows.find(user).orElseThrow());
            assertEquals(data.read(() -> rows.current(user).orElseThrow()).contactIds().size(), row.contactCount());
            assertEquals(before.get(user) + 1, row.cacheVersion(), "one full refresh bumps the version once");
        }
        assertEquals(before.get(healthy), version(healthy), "a healthy row is not rewritten");
        assertEquals(1, data.count("SELECT count(*) FROM user_contact_access WHERE user_id = ?", intruder));
        assertEquals(2, data.count("SELECT count(*) FROM user_contact_access WHERE user_id = ?", lost));
        assertRecorded(run);
        Duration took = Duration.between(run.startedAt(), run.finishedAt());
        LOG.info(() -> "Metadata sync: " + run.usersChecked() + " users checked, " + run.drifted() + " repaired in "
                + took.toMillis() + " ms");

        SyncRun second = sync.runNow().orElseThrow();
        assertEquals(0, second.drifted());
        assertEquals(0, second.repaired());
        assertEquals(before.get(owner) + 1, version(owner), "nothing to repair the second time");
        assertRecorded(second);
    }

    @Test
    void theScheduleWaitsOneIntervalBeforeItsFirstRun() {
        Duration next = schedule.untilNextRun().orElseThrow(() -> new AssertionError("the schedule started"));

        assertTrue(next.compareTo(Duration.ofHours(23)) > 0, "configured per deployment: PT24H, not run at start: " + next);
    }

    @Test
    void aRunIsSkippedWhileAnotherNodeHoldsTheLease() throws SQLException {
        UUID user = data.newUser("leased");
        book.create(user, details("Someone"));
        data.execute("UPDATE user_metadata SET data_checksum = 'deadbeefdeadbeef' WHERE user_id = ?", user);
        long runsBefore = data.count("SELECT count(*) FROM metadata_sync_runs");
        long before = version(user);
        try {
            holdLease("another-node", Instant.now().plus(1, ChronoUnit.HOURS));

            Optional<SyncRun> skipped = sync.runNow();

            assertTrue(skipped.isEmpty(), "another node holds a valid lease");
            assertEquals(runsBefore, data.count("SELECT count(*) FROM metadata_sync_runs"), "a skipped run is not recorded");
            assertEquals(before, version(user), "and repairs nothing");

            holdLease("another-node", Instant.now().minus(1, ChronoUnit.MINUTES));

            SyncRun taken = sync.runNow().orElseThrow(() -> new AssertionError("an expired lease is taken over"));
            assertTrue(taken.drifted() >= 1);
            assertEquals(before + 1, version(user));
            assertEquals(taken.node(), data.value("SELECT holder FROM metadata_sync_lease WHERE name = 'metadata-sync'"));
        } finally {
            holdLease(null, Instant.EPOCH);
        }
    }

    @Test
    void ofManyNodesAskingForAFreeLeaseTogetherOnlyOneGetsIt() throws Exception {
        holdLease(null, Instant.EPOCH);
        List<Callable<Boolean>> nodes = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            String node = "node-" + i;
            nodes.add(() -> leases.take(SyncLease.METADATA_SYNC, node, Duration.ofMinutes(5)));
        }
        try {
            int winners = 0;
            for (Future<Boolean> taken : executor.invokeAll(nodes)) {
                winners += taken.get() ? 1 : 0;
            }

            assertEquals(1, winners);
        } finally {
            holdLease(null, Instant.EPOCH);
        }
    }

    private void holdLease(String holder, Instant until) throws SQLException {
        data.execute("UPDATE metadata_sync_lease SET holder = ?, held_until = ? WHERE name = 'metadata-sync'", holder,
                Timestamp.from(until));
    }

    private void assertRecorded(SyncRun run) throws SQLException {
        try (Connection db = data.connection();
                PreparedStatement query = db.prepareStatement("SELECT users_checked, drifted, repaired, node, "
                        + "finished_at FROM metadata_sync_runs WHERE id = ?")) {
            query.setObject(1, run.id());
            try (ResultSet result = query.executeQuery()) {
                assertTrue(result.next(), "the run is recorded");
                assertEquals(run.usersChecked(), result.getInt(1));
                assertEquals(run.drifted(), result.getInt(2));
                assertEquals(run.repaired(), result.getInt(3));
                assertEquals(run.node(), result.getString(4));
                assertNotNull(result.getTimestamp(5), "and finished");
            }
        }
    }

    private Map<UUID, Long> versions(List<UUID> users) {
        Map<UUID, Long> versions = new LinkedHashMap<>();
        users.forEach(user -> versions.put(user, version(user)));
        return versions;
    }

    private long version(UUID user) {
        return data.read(() -> rows.find(user).orElseThrow()).cacheVersion();
    }

    private static ContactDetails details(String name) {
        return new ContactDetails(name, "someone@example.com", "+62 812 0000", "Acme", "notes");
    }

    private static ActivityDetails call(String when) {
        return new ActivityDetails(ActivityType.values()[0], Instant.parse(when), "Called");
    }
}
