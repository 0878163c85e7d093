package dev.kontak.metadata.boundary;

import dev.kontak.metadata.entity.BatchKind;
import dev.kontak.metadata.entity.BatchOutcome;
import dev.kontak.metadata.entity.BatchRun;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * Where a batch run is, or how it ended: done of total, the rate so far, and the time left at that rate.
 *
 * @param startedBy      the e-mail address of the administrator who started it
 * @param outcome        how it ended; null while it runs
 * @param ratePerSecond  users per second since it started
 * @param secondsLeft    at that rate; null while nothing is done yet, and once it ended
 */
public record BatchProgress(UUID id, BatchKind kind, String startedBy, int total, int done, int drifted, int repaired,
        int failures, Instant startedAt, Instant finishedAt, boolean cancelRequested, BatchOutcome outcome,
        long elapsedSeconds, double ratePerSecond, Long secondsLeft) {

    /**
     * @param silence how long a run may go without reporting before it counts as interrupted (its node stopped)
     */
    static BatchProgress of(BatchRun run, String startedBy, Instant now, Duration silence) {
        BatchOutcome outcome = run.running() && run.updatedAt().plus(silence).isBefore(now)
                ? BatchOutcome.INTERRUPTED : run.outcome();
        Instant end = outcome == null ? now : run.finishedAt() == null ? run.updatedAt() : run.finishedAt();
        double seconds = Math.max(0.001, Duration.between(run.startedAt(), end).toMillis() / 1000.0);
        double rate = run.done() / seconds;
        Long left = outcome == null && rate > 0 ? (long) Math.ceil(Math.max(0, run.total() - run.done()) / rate) : null;
        return new BatchProgress(run.id(), run.kind(), startedBy, run.total(), run.done(), run.drifted(),
                run.repaired(), run.failures(), run.startedAt(), run.finishedAt(), run.cancelRequested(), outcome,
                (long) seconds, rate, left);
    }

    public boolean running() {
        return outcome == null;
    }

    /** Done as a share of the total, 0 to 100; a run over no users is complete. */
    public int percent() {
        return total == 0 ? 100 : (int) Math.min(100, 100L * done / total);
    }
}
