package dev.kontak.jobs.boundary;

import dev.kontak.jobs.control.JobLeases;
import dev.kontak.jobs.control.JobRuns;
import dev.kontak.jobs.control.ThisNode;
import dev.kontak.jobs.entity.JobOutcome;
import dev.kontak.jobs.entity.JobRun;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Runs {@link Job}s: one step at a time, each committed on its own, the run's progress and checkpoint recorded
 * after every step (so any node shows it), a cancel request seen after the step in hand. One run per lease at a
 * time across all nodes: a run holds its job's lease ({@link JobLeases}, renewed after every step) and, on this
 * node, a place in {@code here} (the lease's holder is the node, so the node itself needs the second guard). A run
 * whose step fails or whose lease another node took ends as interrupted, with its checkpoint; so does a run whose
 * node stopped reporting for longer than a lease, once anyone starts the job again. An interrupted run can be
 * resumed from its checkpoint.
 */
@ApplicationScoped
public class JobRunner {

    /**
     * Renewed after every step ({@code kontak.jobs.lease}, default PT2M); a run whose node dies counts as
     * interrupted, and is free to be resumed or replaced, this long after its last step.
     */
    @Inject
    @ConfigProperty(name = "kontak.jobs.lease", defaultValue = "PT2M")
    Duration lease;

    private static final Logger LOG = Logger.getLogger(JobRunner.class.getName());

    private final Set<String> here = ConcurrentHashMap.newKeySet();

    @Resource(lookup = "java:comp/DefaultManagedExecutorService")
    ManagedExecutorService executor;

    @Inject
    JobLeases leases;

    @Inject
    JobRuns runs;

    @Inject
    ThisNode node;

    @Inject
    Clock clock;

    /**
     * Starts a run of the job in the background.
     *
     * @throws JobAlreadyRunning if a run of its lease goes on, on any node
     */
    public JobProgress start(Job job, UUID startedBy) {
        JobRun run = begin(job, () -> new JobRun(job.kind(), job.lease(), startedBy, node.name(), job.total(),
                clock.instant())).orElseThrow(JobAlreadyRunning::new);
        submit(job, run);
        return runs.progress(run, lease);
    }

    /**
     * Starts a run that goes on where the interrupted run stopped, in the background.
     *
     * @throws JobNotResumable if that run is not the job's latest run, or not interrupted
     * @throws JobAlreadyRunning if a run of its lease goes on, on any node
     */
    public JobProgress resume(Job job, UUID interrupted, UUID startedBy) {
        JobRun stopped = runs.interrupted(job.lease(), job.kind(), lease).filter(run -> run.id().equals(interrupted))
                .orElseThrow(() -> new JobNotResumable(interrupted));
        JobRun run = begin(job, () -> stopped.resuming(startedBy, node.name(), clock.instant()))
                .orElseThrow(JobAlreadyRunning::new);
        submit(job, run);
        return runs.progress(run, lease);
    }

    /**
     * Runs the job on this thread (for schedules), unless a run of its lease goes on anywhere. If its latest run
     * was interrupted, this one goes on from there, but not a second time from the same place: a run that was
     * itself resumed and interrupted again is followed by one from the start.
     *
     * @return the run as it ended; empty if it did not run
     */
    public Optional<JobRun> runHere(Job job) {
        Optional<JobRun> stopped = runs.interrupted(job.lease(), job.kind(), lease).filter(run -> run.resumes() == null);
        Optional<JobRun> run = begin(job, () -> stopped.map(from -> from.resuming(null, node.name(), clock.instant()))
                .orElseGet(() -> new JobRun(job.kind(), job.lease(), null, node.name(), job.total(), clock.instant())));
        return run.map(started -> work(job, started));
    }

    /** Asks the run to stop after its current step. @return false if it has ended already */
    public boolean cancel(UUID run) {
        return runs.requestCancel(run);
    }

    /** Where the run is, or how it ended; empty if there is no such run. */
    public Optional<JobProgress> progress(UUID run) {
        return runs.find(run).map(found -> runs.progress(found, lease));
    }

    /** The run of the lease that goes on, or else the last one that ended; empty before the first run. */
    public Optional<JobProgress> latest(String name) {
        return runs.latest(name, lease);
    }

    private Optional<JobRun> begin(Job job, Supplier<JobRun> next) {
        if (!here.add(job.lease())) {
            return Optional.empty();
        }
        try {
            if (!leases.take(job.lease(), node.name(), lease)) {
                here.remove(job.lease());
                return Optional.empty();
            }
            return Optional.of(runs.start(next.get(), lease));
        } catch (RuntimeException e) {
            leases.renew(job.lease(), node.name(), Duration.ZERO);
            here.remove(job.lease());
            throw e;
        }
    }

    private void submit(Job job, JobRun run) {
        try {
            executor.execute(() -> work(job, run));
        } catch (RuntimeException e) {
            end(job, run, JobOutcome.INTERRUPTED);
            throw e;
        }
    }

    private JobRun work(Job job, JobRun run) {
        JobOutcome outcome = JobOutcome.COMPLETED;
        try {
            String checkpoint = run.checkpoint();
            JobStep step;
            while (!(step = job.next(checkpoint)).isEnd()) {
                checkpoint = step.checkpoint();
                if (runs.record(run.id(), step)) {
                    outcome = JobOutcome.CANCELLED;
                    break;
                }
                if (!leases.renew(job.lease(), node.name(), lease)) {
                    LOG.warning(() -> "Job " + job.kind() + " stopped: its lease expired and another node took it");
                    outcome = JobOutcome.INTERRUPTED;
                    break;
                }
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Job " + job.kind() + " failed; it can be resumed from its last step", e);
            outcome = JobOutcome.INTERRUPTED;
        }
        return end(job, run, outcome);
    }

    private JobRun end(Job job, JobRun run, JobOutcome outcome) {
        try {
            JobRun ended = runs.finish(run.id(), outcome);
            LOG.info(() -> "Job " + job.kind() + " on " + node.name() + " " + outcome + ": " + ended.done() + " of "
                    + ended.total() + " done, " + ended.noticed() + " noticed, " + ended.changed() + " changed, "
                    + ended.failures() + " failed");
            return ended;
        } finally {
            leases.renew(job.lease(), node.name(), outcome == JobOutcome.COMPLETED ? job.leaseAfterRun() : Duration.ZERO);
            here.remove(job.lease());
        }
    }
}
