package dev.kontak.web.metadata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kontak.admin.boundary.MetadataFigures;
import dev.kontak.admin.boundary.MetadataHealthReport.Bucket;
import dev.kontak.admin.boundary.MetadataHealthReport.ErrorRate;
import dev.kontak.admin.boundary.MetadataHealthReport.HourlyCount;
import dev.kontak.admin.boundary.MetadataHealthReport.NodeCache;
import dev.kontak.admin.boundary.MetadataHealthReport;
import dev.kontak.contacts.boundary.ActivityLog;
import dev.kontak.contacts.boundary.ContactAccessDenied;
import dev.kontak.contacts.boundary.ContactBook;
import dev.kontak.contacts.boundary.ContactEditConflict;
import dev.kontak.contacts.entity.ActivityDetails;
import dev.kontak.contacts.entity.ActivityType;
import dev.kontak.contacts.entity.Contact;
import dev.kontak.contacts.entity.ContactDetails;
import dev.kontak.jobs.boundary.JobRunner;
import dev.kontak.jobs.entity.JobRun;
import dev.kontak.metadata.boundary.BackgroundRepair;
import dev.kontak.metadata.control.MetadataCache;
import dev.kontak.metadata.control.MetadataRefresher;
import dev.kontak.web.platform.MetadataIntegrity;
import dev.kontak.web.platform.MetadataStaleness;
import dev.kontak.web.testing.KontakDeployment;
import dev.kontak.web.testing.MovableClock;
import dev.kontak.web.testing.ServerData;
import jakarta.inject.Inject;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Inside Payara Micro, against PostgreSQL: MetadataFigures.report() adds up a known dataset (totals, fresh, stale
 * and missing rows, the age histogram, refusals by reason, refreshes, this node's cache and timers), and the
 * integrity check is down while the latest background check left a drifted row unrepaired, up once it is
 * repaired, and the staleness check is down while most rows are stale. The repair schedule is a day, so only the
 * tests run it; time passes by moving the application's clock.
 */
@ExtendWith(ArquillianExtension.class)
class MetadataFiguresIT {

    @Deployment
    static WebArchive deployment() {
        return KontakDeployment.withSettings(KontakDeployment.withTests(MetadataFiguresIT.class, ServerData.class,
                MovableClock.class), "kontak.sync.interval=PT24H", "kontak.health.max-stale-ratio=0.5");
    }

    @Inject
    ServerData data;

    @Inject
    MovableClock clock;

    @Inject
    MetadataFigures figures;

    @Inject
    ContactBook book;

    @Inject
    ActivityLog activities;

    @Inject
    MetadataRefresher refresher;

    @Inject
    JobRunner runner;

    @Inject
    BackgroundRepair repair;

    @Inject
    MetadataCache cache;

    @Inject
    @Readiness // a qualifier: the check is no @Default bean
    MetadataIntegrity integrity;

    @Inject
    @Readiness
    MetadataStaleness staleness;

    @Test
    void theReportAddsUpAKnownDataset() {
        // every row already there grows older than the last bucket's limit, so none moves while the test runs
        clock.advance(Duration.ofDays(30));
        MetadataHealthReport before = figures.report();
        UUID[] users = new UUID[5];
        for (int i = 0; i < users.length; i++) {
            users[i] = data.newUser("known" + i);
        }
        Contact first = data.as(users[0], () -> book.create(details("First")));
        data.as(users[0], () -> book.create(details("Second")));
        Contact third = data.as(users[1], () -> book.create(details("Third")));
        data.as(users[0], () -> activities.log(first.id(), activity("2026-11-20T10:00:00Z")));
        data.as(users[0], () -> activities.log(first.id(), activity("2026-11-21T10:00:00Z")));
        data.as(users[1], () -> activities.log(third.id(), activity("2026-11-22T10:00:00Z")));
        refresher.refresh(users[2]);
        assertThrows(ContactAccessDenied.class, () -> data.as(users[1], () -> book.view(first.id())));
        assertThrows(ContactEditConflict.class,
                () -> data.as(users[0], () -> book.update(first.id(), details("First, edited"), 999_999L)));
        age(users[0], Duration.ofSeconds(30));
        age(users[1], Duration.ofMinutes(5));
        age(users[2], Duration.ofHours(2));
        age(users[3], Duration.ofDays(3));
        data.execute("DELETE FROM user_metadata WHERE user_id = ?", users[4]);

        MetadataHealthReport after = figures.report();

        assertEquals(5, after.users() - before.users());
        assertEquals(3, after.contacts() - before.contacts());
        assertEquals(3, after.activities() - before.activities());
        assertEquals(1, after.freshRows() - before.freshRows());
        assertEquals(3, after.staleRows() - before.staleRows());
        assertEquals(1, after.missingRows() - before.missingRows());
        assertEquals(after.users(), after.freshRows() + after.staleRows() + after.missingRows());
        assertEquals(List.of("≤ 1 min", "1 min – 2 min", "2 min – 10 min", "10 min – 1 h", "1 h – 1 d", "1 d – 7 d",
                "> 7 d"), after.ageHistogram().stream().map(Bucket::label).toList());
        assertEquals(List.of(1L, 0L, 1L, 0L, 1L, 1L, 0L), bucketIncreases(before.ageHistogram(), after.ageHistogram()));
        assertEquals(Map.of("access-denied", 1L, "stale-form", 1L, "refresh-failed", 0L),
                increases(before.errorsLastHour(), after.errorsLastHour()));
        assertEquals(1, total(after.refreshesLast24h()) - total(before.refreshesLast24h()));
        assertEquals(2, total(after.denialsLast24h()) - total(before.denialsLast24h()));
        assertEquals(24, after.refreshesLast24h().size());
        assertTrue(after.refreshesLast24h().get(23).hour().isBefore(after.takenAt()));
        assertEquals(Duration.ofHours(23), Duration.between(after.denialsLast24h().get(0).hour(),
                after.denialsLast24h().get(23).hour()));
        assertTrue(after.refreshesPerMinute() >= 1 / 60.0);
        NodeCache node = after.nodes().stream().filter(n -> !n.reportedAt().isBefore(before.takenAt())).findFirst()
                .orElseThrow(() -> new AssertionError("this node reported: " + after.nodes()));
        assertEquals(cache.size(), node.cachedUsers());
        assertTrue(node.misses() >= 1 && node.hitRate() >= 0 && node.hitRate() <= 1, node.toString());
        assertTrue(after.validation().count() - before.validation().count() >= 2, "a refused view and edit");
        assertTrue(after.validation().medianMillis() > 0, after.validation().toString());
        assertTrue(after.validation().p95Millis() >= after.validation().medianMillis(), after.validation().toString());
        assertTrue(after.refresh().count() > before.refresh().count());
    }

    @Test
    void integrityIsDownWhileTheLatestCheckLeftDriftUnrepairedAndUpOnceRepaired() {
        // the repair lease is shared by every test class's node: free before, and freed after, as if it had expired
        releaseRepairLease();
        try {
            UUID user = data.newUser("corrupted");
            data.as(user, () -> book.create(details("Grace")));
            runner.runHere(repair).orElseThrow();
            assertEquals(HealthCheckResponse.Status.UP, integrity.call().getStatus());
            MetadataHealthReport clean = figures.report();
            assertEquals(0, clean.driftedRows());

            data.execute("UPDATE user_metadata SET data_checksum = '00000000000000ff' WHERE user_id = ?", user);
            data.execute("CREATE FUNCTION kontak_test_refuse_update() RETURNS trigger LANGUAGE plpgsql AS "
                    + "$$ BEGIN RAISE EXCEPTION 'the test refuses this update'; END $$");
            data.execute("CREATE TRIGGER kontak_test_refuse_repair BEFORE UPDATE ON user_metadata FOR EACH ROW "
                    + "WHEN (OLD.user_id = '" + user + "') EXECUTE FUNCTION kontak_test_refuse_update()");
            JobRun failed;
            try {
                failed = runner.runHere(repair).orElseThrow();
            } finally {
                data.execute("DROP TRIGGER kontak_test_refuse_repair ON user_metadata");
                data.execute("DROP FUNCTION kontak_test_refuse_update()");
            }

            assertEquals(1, failed.failures(), "the drifted row could not be repaired");
            assertEquals(failed.noticed(), failed.changed());
            HealthCheckResponse down = integrity.call();
            assertEquals(HealthCheckResponse.Status.DOWN, down.getStatus());
            assertEquals(failed.noticed() + failed.failures(), ((Number) down.getData().orElseThrow().get("drifted")).intValue());
            MetadataHealthReport drifted = figures.report();
            assertEquals(1, drifted.driftedRows());
            assertSameMoment(failed.finishedAt(), drifted.driftCheckedAt());
            assertEquals(1, increases(clean.errorsLastHour(), drifted.errorsLastHour()).get("refresh-failed"));

            JobRun repaired = runner.runHere(repair).orElseThrow();

            assertEquals(1, repaired.changed());
            assertEquals(HealthCheckResponse.Status.UP, integrity.call().getStatus());
            MetadataHealthReport after = figures.report();
            assertEquals(0, after.driftedRows());
            assertSameMoment(repaired.finishedAt(), after.driftCheckedAt());
        } finally {
            releaseRepairLease();
        }
    }

    @Test
    void stalenessIsDownWhileMoreThanHalfTheRowsAreStaleAndUpAfterARefresh() {
        data.newUser("idle");
        refreshEveryone();
        HealthCheckResponse fresh = staleness.call();
        assertEquals(HealthCheckResponse.Status.UP, fresh.getStatus());
        long users = number(fresh, "users");
        assertEquals(users, number(fresh, "fresh"));

        clock.advance(Duration.ofDays(1));
        HealthCheckResponse stale = staleness.call();

        assertEquals(HealthCheckResponse.Status.DOWN, stale.getStatus());
        assertEquals(users, number(stale, "users"));
        assertEquals(0, number(stale, "fresh"));
        assertEquals(users, number(stale, "stale"));

        refreshEveryone();
        HealthCheckResponse refreshed = staleness.call();
        assertEquals(HealthCheckResponse.Status.UP, refreshed.getStatus());
        assertEquals(users, number(refreshed, "fresh"));
    }

    // ---- helpers

    /** PostgreSQL keeps microseconds. */
    private static void assertSameMoment(Instant expected, Instant actual) {
        assertNotNull(actual);
        assertTrue(Duration.between(expected, actual).abs().toMillis() < 1, expected + " vs " + actual);
    }

    private void releaseRepairLease() {
        data.execute("UPDATE job_leases SET holder = NULL, held_until = TIMESTAMP WITH TIME ZONE "
                + "'1970-01-01 00:00:00+00:00' WHERE name = 'metadata-repair'");
    }

    /** One row of the dataset, as old as the histogram needs it (the clock cannot age users one by one). */
    private void age(UUID user, Duration age) {
        data.execute("UPDATE user_metadata SET updated_at = ? WHERE user_id = ?", Timestamp.from(clock.now().minus(age)),
                user);
    }

    private void refreshEveryone() {
        data.read(() -> data.list("SELECT a.id FROM Account a", UUID.class)).forEach(refresher::refresh);
    }

    private static long number(HealthCheckResponse check, String key) {
        return ((Number) check.getData().orElseThrow().get(key)).longValue();
    }

    private static ContactDetails details(String name) {
        return ContactDetails.of(name, null, null, null, null);
    }

    private static ActivityDetails activity(String when) {
        return new ActivityDetails(ActivityType.values()[0], Instant.parse(when), "Called");
    }

    private static List<Long> bucketIncreases(List<Bucket> before, List<Bucket> after) {
        return IntStream.range(0, after.size())
                .mapToObj(i -> after.get(i).count() - before.get(i).count()).toList();
    }

    private static Map<String, Long> increases(List<ErrorRate> before, List<ErrorRate> after) {
        Map<String, Long> earlier = before.stream().collect(Collectors.toMap(ErrorRate::type, ErrorRate::count));
        return after.stream().collect(Collectors.toMap(ErrorRate::type, e -> e.count() - earlier.get(e.type())));
    }

    private static long total(List<HourlyCount> hours) {
        return hours.stream().mapToLong(HourlyCount::count).sum();
    }
}
