package dev.kontak.jobs.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class JobRunTest {

    private static final Instant START = Instant.parse("2026-12-02T10:00:00Z");

    @Test
    void aFinishedRunTakesNoMoreCountsAndNoCancel() {
        JobRun run = new JobRun("metadata-repair", "metadata-repair", null, "node", 210, START);
        run.counted(200, 2, 2, 0, "a", START.plusSeconds(1));
        run.counted(10, 1, 0, 1, "b", START.plusSeconds(2));
        run.finish(JobOutcome.COMPLETED, START.plusSeconds(3));

        assertEquals(210, run.done());
        assertEquals(3, run.noticed());
        assertEquals(2, run.changed());
        assertEquals(1, run.failures());
        assertEquals("b", run.checkpoint());
        assertThrows(IllegalStateException.class, () -> run.counted(1, 0, 0, 0, "c", START.plusSeconds(4)));
        assertThrows(IllegalStateException.class, run::requestCancel);
    }

    @Test
    void onlyAnInterruptedRunIsResumedAndTheResumptionGoesOnWithItsCountsFromItsCheckpoint() {
        JobRun run = new JobRun("verify-all-users", "metadata-all-users", null, "node-a", 300, START);
        run.counted(100, 4, 3, 1, "user-100", START.plusSeconds(1));
        assertThrows(IllegalStateException.class, () -> run.resuming(null, "node-b", START.plusSeconds(2)),
                "a run that goes on is not resumed");
        run.finish(JobOutcome.INTERRUPTED, START.plusSeconds(2));

        JobRun resumed = run.resuming(null, "node-b", START.plusSeconds(5));

        assertEquals(run.id(), resumed.resumes());
        assertEquals("user-100", resumed.checkpoint());
        assertEquals(100, resumed.done());
        assertEquals(4, resumed.noticed());
        assertEquals(3, resumed.changed());
        assertEquals(1, resumed.failures());
        assertEquals(300, resumed.total());
        assertEquals("node-b", resumed.node());
        assertTrue(resumed.running());
        JobRun completed = new JobRun("verify-all-users", "metadata-all-users", null, "node-a", 1, START);
        completed.finish(JobOutcome.COMPLETED, START);
        assertThrows(IllegalStateException.class, () -> completed.resuming(null, "node-b", START));
    }

    @Test
    void aRunIsAbandonedOnceItsNodeReportedNothingForLongerThanTheSilenceAllowed() {
        JobRun run = new JobRun("refresh-all-users", "metadata-all-users", null, "node", 10, START);
        Duration lease = Duration.ofMinutes(2);

        assertFalse(run.abandoned(lease, START.plus(lease)));
        assertTrue(run.abandoned(lease, START.plus(lease).plusSeconds(1)));
        run.finish(JobOutcome.CANCELLED, START.plusSeconds(1));
        assertFalse(run.abandoned(lease, START.plus(Duration.ofHours(1))), "an ended run is not abandoned");
    }
}
