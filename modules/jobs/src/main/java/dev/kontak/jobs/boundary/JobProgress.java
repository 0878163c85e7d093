package dev.kontak.jobs.boundary;

import dev.kontak.jobs.entity.JobOutcome;
import dev.kontak.jobs.entity.JobRun;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * Where a run is, or how it ended: done of total, the rate so far, and the time left at that rate.
 *
 * @param startedBy      the e-mail address of the administrator who started it; empty for a scheduled run
 * @param outcome        how it ended; null while it runs
 * @param ratePerSecond  items per second since it started
 * @param secondsLeft    at that rate; null while nothing is done yet, and once it ended
 */
public record JobProgress(UUID id, String kind, String startedBy, int total, int done, int noticed, int changed,
        int failures, Instant startedAt, Instant finishedAt, boolean cancelRequested, JobOutcome outcome,
        long elapsedSeconds, double ratePerSecond, Long secondsLeft) {

    /** @param silence how long a run may go without reporting before it counts as interrupted (its node stopped) */
    public static JobProgress of(JobRun run, String startedBy, Instant now, Duration silence) {
        JobOutcome outcome = run.abandoned(silence, now) ? JobOutcome.INTERRUPTED : run.outcome();
        Instant end = outcome == null ? now : run.finishedAt() == null ? run.updatedAt() : run.finishedAt();
        double seconds = Math.max(0.001, Duration.between(run.startedAt(), end).toMillis() / 1000.0);
        double rate = run.done() / seconds;
        Long left = outcome == null && rate > 0 ? (long) Math.ceil(Math.max(0, run.total() - run.done()) / rate) : null;
        return new JobProgress(run.id(), run.kind(), startedBy, run.total(), run.done(), run.noticed(),
                run.changed(), run.failures(), run.startedAt(), run.finishedAt(), run.cancelRequested(), outcome,
                (long) seconds, rate, left);
    }

    public boolean running() {
        return outcome == null;
    }

    /** An interrupted run can go on from where it stopped. */
    public boolean resumable() {
        return outcome == JobOutcome.INTERRUPTED;
    }

    /** Done as a share of the total, 0 to 100; a run over nothing is complete. */
    public int percent() {
        return total == 0 ? 100 : (int) Math.min(100, 100L * done / total);
    }
}
