package dev.kontak.jobs.boundary;

import java.time.Duration;

/**
 * Long work over many items that {@link JobRunner} runs in steps: each step starts from the checkpoint the one
 * before left (null for the first), commits on its own and says what it did. A run resumed after an interruption
 * starts from the last checkpoint recorded, so a step must be safe to run again from it.
 */
public interface Job {

    /** What the run does, as recorded in job_runs (such as {@code metadata-repair}). */
    String kind();

    /** Runs of jobs with the same lease never overlap, on any node. */
    String lease();

    /** How many items a whole run goes through, for its progress. */
    int total();

    /** The step after {@code checkpoint}; {@link JobStep#end()} once there is nothing left. */
    JobStep next(String checkpoint);

    /**
     * How long the lease stays with this node after a run completed: the other nodes skip the work meanwhile (a
     * scheduled job that one node per interval should run says its interval).
     */
    default Duration leaseAfterRun() {
        return Duration.ZERO;
    }
}
