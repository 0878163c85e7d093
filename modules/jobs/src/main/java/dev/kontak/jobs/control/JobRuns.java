package dev.kontak.jobs.control;

import dev.kontak.auth.entity.Account;
import dev.kontak.jobs.boundary.JobProgress;
import dev.kontak.jobs.boundary.JobStep;
import dev.kontak.jobs.entity.JobOutcome;
import dev.kontak.jobs.entity.JobRun;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

/**
 * Where runs are recorded (job_runs), each change in a transaction of its own: the progress stays when the run
 * stops, and every node reads it from the row.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRES_NEW)
public class JobRuns {

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    /**
     * Records a new run. Runs of the same lease left unfinished by a node that stopped reporting for longer than
     * {@code silence} (the lease length: whoever took the lease knows they are dead) end as interrupted first.
     */
    public JobRun start(JobRun run, Duration silence) {
        markAbandoned(run.lease(), silence);
        em.persist(run);
        return run;
    }

    /** The latest run of the lease if it is an interrupted run of that kind (abandoned ones marked first). */
    public Optional<JobRun> interrupted(String lease, String kind, Duration silence) {
        markAbandoned(lease, silence);
        return first("JobRun.latest", lease)
                .filter(run -> run.kind().equals(kind) && run.outcome() == JobOutcome.INTERRUPTED);
    }

    public Optional<JobRun> find(UUID run) {
        return Optional.ofNullable(em.find(JobRun.class, run));
    }

    /** Stores one step's counts and checkpoint. @return whether someone asked the run to stop */
    public boolean record(UUID run, JobStep step) {
        JobRun row = em.find(JobRun.class, run, LockModeType.PESSIMISTIC_WRITE);
        row.counted(step.items(), step.noticed(), step.changed(), step.failures(), step.checkpoint(), clock.instant());
        return row.cancelRequested();
    }

    public JobRun finish(UUID run, JobOutcome outcome) {
        JobRun row = em.find(JobRun.class, run, LockModeType.PESSIMISTIC_WRITE);
        row.finish(outcome, clock.instant());
        return row;
    }

    /** @return false where the run has ended already */
    public boolean requestCancel(UUID run) {
        JobRun row = em.find(JobRun.class, run, LockModeType.PESSIMISTIC_WRITE);
        if (row == null || !row.running()) {
            return false;
        }
        row.requestCancel();
        return true;
    }

    /** The run of the lease that has not ended, or else the one that started last; with who started it. */
    public Optional<JobProgress> latest(String lease, Duration silence) {
        return first("JobRun.unfinished", lease).or(() -> first("JobRun.latest", lease))
                .map(run -> progress(run, silence));
    }

    public Optional<JobRun> lastCompleted(String kind) {
        return em.createNamedQuery("JobRun.lastCompleted", JobRun.class).setParameter("kind", kind).setMaxResults(1)
                .getResultStream().findFirst();
    }

    public JobProgress progress(JobRun run, Duration silence) {
        Account admin = run.startedBy() == null ? null : em.find(Account.class, run.startedBy());
        return JobProgress.of(run, admin == null ? "" : admin.email(), clock.instant(), silence);
    }

    private void markAbandoned(String lease, Duration silence) {
        em.createNamedQuery("JobRun.unfinished", JobRun.class).setParameter("lease", lease).getResultStream()
                .filter(run -> run.abandoned(silence, clock.instant()))
                .forEach(run -> run.finish(JobOutcome.INTERRUPTED, clock.instant()));
    }

    private Optional<JobRun> first(String query, String lease) {
        return em.createNamedQuery(query, JobRun.class).setParameter("lease", lease).setMaxResults(1)
                .getResultStream().findFirst();
    }
}
