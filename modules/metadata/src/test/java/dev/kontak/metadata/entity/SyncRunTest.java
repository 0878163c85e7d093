package dev.kontak.metadata.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** A run adds up its batches' counts, and nothing after it finished. */
class SyncRunTest {

    private static final Instant START = Instant.parse("2026-11-26T10:00:00Z");

    @Test
    void aFinishedRunTakesNoMoreCounts() {
        SyncRun run = new SyncRun("node", START);
        run.counted(200, 2, 2);
        run.counted(10, 1, 0);
        run.finish(START.plusSeconds(1));

        assertEquals(210, run.usersChecked());
        assertEquals(3, run.drifted());
        assertEquals(2, run.repaired());
        assertThrows(IllegalStateException.class, () -> run.counted(1, 0, 0));
    }
}
