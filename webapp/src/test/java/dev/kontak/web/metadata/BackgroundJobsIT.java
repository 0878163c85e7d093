package dev.kontak.web.metadata;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kontak.contacts.boundary.ActivityLog;
import dev.kontak.contacts.boundary.ContactBook;
import dev.kontak.contacts.boundary.Teams;
import dev.kontak.contacts.entity.ActivityDetails;
import dev.kontak.contacts.entity.ActivityType;
import dev.kontak.contacts.entity.ContactDetails;
import dev.kontak.contacts.entity.Team;
import dev.kontak.jobs.boundary.Job;
import dev.kontak.jobs.boundary.JobAlreadyRunning;
import dev.kontak.jobs.boundary.JobProgress;
import dev.kontak.jobs.boundary.JobRunner;
import dev.kontak.jobs.boundary.JobStep;
import dev.kontak.jobs.control.JobLeases;
import dev.kontak.jobs.entity.JobOutcome;
import dev.kontak.jobs.entity.JobRun;
import dev.kontak.metadata.boundary.BackgroundRepair;
import dev.kontak.metadata.boundary.RepairSchedule;
import dev.kontak.metadata.control.MetadataRefresher;
import dev.kontak.metadata.control.MetadataRows;
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
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Inside Payara Micro, against PostgreSQL: the background repair finds exactly the metadata rows that a buggy
 * script corrupted with plain SQL, makes them equal to a full recompute (bumping their cache_version), leaves the
 * healthy ones alone, records the run, and skips a run while another node holds the lease; the job runner that
 * runs it marks a run whose node went silent as interrupted, resumes an interrupted run from its checkpoint, and
 * stops a run at a cancel request. The schedule is set to a day, so that only the test starts runs, and batches to
 * two users, so that every run spans several steps.
 */
@ExtendWith(ArquillianExtension.class)
class BackgroundJobsIT {

    private static final Logger LOG = Logger.getLogger(BackgroundJobsIT.class.getName());

    @Deployment
    static WebArchive deployment() {
        return KontakDeployment.withSettings(KontakDeployment.withTests(BackgroundJobsIT.class, ServerData.class),
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
    JobRunner runner;

    @Inject
    BackgroundRepair repair;

    @Inject
    RepairSchedule schedule;

    @Inject
    JobLeases leases;

    @Resource
    ManagedExecutorService executor;



    @Test
    void repairsExactlyTheDriftedRowsAndLeavesTheHealthyOnesAlone() throws SQLException {
        holdLease(null, Instant.EPOCH); // a node of an earlier test class may still hold the lease for its interval
        runner.runHere(repair).orElseThrow(); // whatever earlier test classes left in the shared database
        UUID owner = data.newUser("owner");
        UUID member = data.newUser("member");
        UUID lost = data.newUser("lost");
        UUID intruder = data.newUser("intruder");
        UUID teamless = data.newUser("teamless");
        UUID healthy = data.newUser("healthy");
        Team team = data.as(owner, () -> teams.create("Sales"));
        data.as(owner, () -> teams.addMember(team.id(), data.emailOf(member)));
        data.as(owner, () -> teams.addMember(team.id(), data.emailOf(teamless)));
        UUID shared = data.as(owner, () -> book.create(details("Shared"))).id();
        data.as(owner, () -> book.shareWith(shared, team.id()));
        data.as(member, () -> activities.log(shared, call("2026-11-01T09:00:00Z")));
        UUID kept = data.as(lost, () -> book.create(details("Kept"))).id();
        UUID forgotten = data.as(lost, () -> book.create(details("Forgotten"))).id();
        data.as(lost, () -> activities.log(forgotten, call("2026-11-02T09:00:00Z")));
        data.as(intruder, () -> book.create(details("Own")));
        UUID fine = data.as(healthy, () -> book.create(details("Fine"))).id();
        data.as(healthy, () -> activities.log(fine, call("2026-11-03T09:00:00Z")));
        List<UUID> corrupted = List.of(owner, member, lost, intruder, teamless);
        Map<UUID, Long> before = versions(List.of(owner, member, lost, intruder, teamless, healthy));

        data.execute("UPDATE user_metadata SET data_checksum = 'deadbeefdeadbeef' WHERE user_id = ?", owner);
        data.execute("UPDATE user_metadata SET contact_count = 99 WHERE user_id = ?", member);
        data.execute("DELETE FROM user_contact_access WHERE user_id = ? AND contact_id = ?", lost, forgotten);
        data.execute("INSERT INTO user_contact_access (user_id, contact_id) VALUES (?, ?)", intruder, kept);
        data.execute("UPDATE user_metadata SET activity_count = activity_count + 3, last_activity_at = NULL, "
                + "team_ids = '[]', permissions = '[]' WHERE user_id = ?", teamless);

        JobRun run = runner.runHere(repair).orElseThrow();

        assertEquals(JobOutcome.COMPLETED, run.outcome());
        assertEquals(corrupted.size(), run.noticed(), "exactly the corrupted users");
        assertEquals(corrupted.size(), run.changed());
        assertEquals(0, run.failures());
        assertEquals(data.count("SELECT count(*) FROM users"), run.done(), "every user, over all batches");
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
        LOG.info(() -> "Background repair: " + run.done() + " users checked, " + run.changed() + " repaired in "
                + took.toMillis() + " ms");

        JobRun second = runner.runHere(repair).orElseThrow();
        assertEquals(0, second.noticed());
        assertEquals(0, second.changed());
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
        data.as(user, () -> book.create(details("Someone")));
        data.execute("UPDATE user_metadata SET data_checksum = 'deadbeefdeadbeef' WHERE user_id = ?", user);
        long runsBefore = data.count("SELECT count(*) FROM job_runs");
        long before = version(user);
        try {
            holdLease("another-node", Instant.now().plus(1, ChronoUnit.HOURS));

            Optional<JobRun> skipped = runner.runHere(repair);

            assertTrue(skipped.isEmpty(), "another node holds a valid lease");
            assertEquals(runsBefore, data.count("SELECT count(*) FROM job_runs"), "a skipped run is not recorded");
            assertEquals(before, version(user), "and repairs nothing");

            holdLease("another-node", Instant.now().minus(1, ChronoUnit.MINUTES));

            JobRun taken = runner.runHere(repair).orElseThrow(() -> new AssertionError("an expired lease is taken over"));
            assertTrue(taken.noticed() >= 1);
            assertEquals(before + 1, version(user));
            assertEquals(taken.node(), data.value("SELECT holder FROM job_leases WHERE name = 'metadata-repair'"));
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
            nodes.add(() -> leases.take(BackgroundRepair.KIND, node, Duration.ofMinutes(5)));
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

    @Test
    void anInterruptedRunIsResumedFromItsCheckpointWithItsCountsSoFar() {
        Numbers job = new Numbers(6);
        job.failAt = 4;

        JobRun failed = runner.runHere(job).orElseThrow();

        assertEquals(JobOutcome.INTERRUPTED, failed.outcome(), "a step failed");
        assertEquals(3, failed.done());
        assertEquals("3", failed.checkpoint());
        JobRun resumed = runner.runHere(job).orElseThrow();
        assertEquals(JobOutcome.COMPLETED, resumed.outcome());
        assertEquals(failed.id(), resumed.resumes());
        assertEquals(6, resumed.done(), "the counts go on from the interrupted run's");
        assertEquals(3, resumed.noticed(), "the odd numbers");
        assertEquals(List.of(1, 2, 3, 4, 5, 6), job.seen, "every step once");
        job.seen.clear();
        assertEquals(6, runner.runHere(job).orElseThrow().done(), "after a completed run, the next starts from the beginning");
        assertEquals(List.of(1, 2, 3, 4, 5, 6), job.seen);
    }

    @Test
    void aRunWhoseNodeWentSilentIsMarkedInterruptedAndResumedFromItsCheckpoint() throws SQLException {
        Numbers job = new Numbers(6);
        UUID silent = UUID.randomUUID();
        Timestamp hourAgo = Timestamp.from(Instant.now().minus(1, ChronoUnit.HOURS));
        data.execute("INSERT INTO job_runs (id, kind, lease, node, total, done, noticed, changed, failures, checkpoint, "
                + "started_at, updated_at, cancel_requested) VALUES (?, 'numbers', ?, 'gone-node', 6, 2, 1, 0, 0, '2', "
                + "?, ?, FALSE)", silent, job.lease, hourAgo, hourAgo);

        JobProgress shown = runner.latest(job.lease).orElseThrow();
        assertEquals(JobOutcome.INTERRUPTED, shown.outcome(), "shown as interrupted: its node reported nothing for an hour");
        assertTrue(shown.resumable());
        JobRun resumed = runner.runHere(job).orElseThrow();

        assertEquals("INTERRUPTED", data.value("SELECT outcome FROM job_runs WHERE id = ?", silent), "marked");
        assertEquals(silent, resumed.resumes());
        assertEquals(List.of(3, 4, 5, 6), job.seen);
        assertEquals(6, resumed.done());
        assertEquals(JobOutcome.COMPLETED, resumed.outcome());
    }

    @Test
    void aCancelledRunStopsAfterTheStepInHandAndASecondRunIsRefusedMeanwhile() throws Exception {
        Numbers job = new Numbers(5);
        job.gate = new CountDownLatch(1);

        JobProgress started = runner.start(job, null);
        assertThrows(JobAlreadyRunning.class, () -> runner.start(job, null), "one run per lease");
        assertTrue(runner.cancel(started.id()));
        job.gate.countDown();
        JobProgress ended = awaitEnd(job.lease);

        assertEquals(JobOutcome.CANCELLED, ended.outcome());
        assertEquals(1, ended.done(), "the step in hand was finished, no other begun");
        assertEquals(List.of(1), job.seen);
        assertFalse(runner.cancel(started.id()), "it has ended");
    }

    private JobProgress awaitEnd(String lease) {
        return await("the run ends").atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50))
                .until(() -> runner.latest(lease).orElseThrow(), latest -> !latest.running());
    }

    /**
     * A job over the numbers 1 to {@code total}, one a step, the odd ones noticed; it fails once at {@code failAt}
     * and, given a gate, waits at it in every step. A lease of its own, so that no other run stands in its way.
     */
    private static final class Numbers implements Job {

        final String lease = "test-numbers-" + UUID.randomUUID();
        final List<Integer> seen = new CopyOnWriteArrayList<>();
        final int total;
        volatile int failAt;
        volatile CountDownLatch gate;

        Numbers(int total) {
            this.total = total;
        }

        @Override
        public String kind() {
            return "numbers";
        }

        @Override
        public String lease() {
            return lease;
        }

        @Override
        public int total() {
            return total;
        }

        @Override
        public JobStep next(String checkpoint) {
            int number = checkpoint == null ? 1 : Integer.parseInt(checkpoint) + 1;
            if (number > total) {
                return JobStep.end();
            }
            if (number == failAt) {
                failAt = 0;
                throw new IllegalStateException("step " + number + " fails on purpose");
            }
            if (gate != null) {
                try {
                    gate.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            seen.add(number);
            return new JobStep(1, number % 2, 0, 0, Integer.toString(number));
        }
    }

    private void holdLease(String holder, Instant until) throws SQLException {
        leases.take(BackgroundRepair.KIND, "nobody", Duration.ZERO); // the lease's row, if no run made it yet
        data.execute("UPDATE job_leases SET holder = ?, held_until = ? WHERE name = 'metadata-repair'", holder,
                Timestamp.from(until));
    }

    private void assertRecorded(JobRun run) throws SQLException {
        try (Connection db = data.connection();
                PreparedStatement query = db.prepareStatement("SELECT done, noticed, changed, node, "
                        + "finished_at FROM job_runs WHERE id = ?")) {
            query.setObject(1, run.id());
            try (ResultSet result = query.executeQuery()) {
                assertTrue(result.next(), "the run is recorded");
                assertEquals(run.done(), result.getInt(1));
                assertEquals(run.noticed(), result.getInt(2));
                assertEquals(run.changed(), result.getInt(3));
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
        return ContactDetails.of(name, "someone@example.com", "+62 812 0000", "Acme", "notes");
    }

    private static ActivityDetails call(String when) {
        return new ActivityDetails(ActivityType.values()[0], Instant.parse(when), "Called");
    }
}
