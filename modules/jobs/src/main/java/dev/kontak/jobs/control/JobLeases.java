package dev.kontak.jobs.control;

import dev.kontak.jobs.entity.JobLease;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The leases that let one run at a time go on per lease name, when several nodes share the database. A row of
 * job_leases updated on a condition ({@code held_until < now OR holder = me}) rather than a PostgreSQL advisory
 * lock: the same JPQL runs on H2, it needs no connection kept open for the whole run (an advisory session lock
 * would pin one pooled connection across many transactions), and a node that dies simply lets its lease expire.
 * Times come from the nodes' clocks: they must agree to well within a lease (NTP).
 */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRES_NEW)
public class JobLeases {

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    /** Takes the lease for {@code length} if it is free, expired or already the holder's; commits at once. */
    public boolean take(String lease, String holder, Duration length) {
        if (em.find(JobLease.class, lease) == null) {
            em.persist(new JobLease(lease));
            em.flush();
        }
        Instant now = clock.instant();
        return em.createNamedQuery("JobLease.take").setParameter("name", lease).setParameter("node", holder)
                .setParameter("now", now).setParameter("until", now.plus(length)).executeUpdate() == 1;
    }

    /**
     * Sets the holder's lease to end {@code length} from now (zero gives it back); false if another holder has taken
     * it meanwhile (it had expired).
     */
    public boolean renew(String lease, String holder, Duration length) {
        return em.createNamedQuery("JobLease.renew").setParameter("name", lease).setParameter("node", holder)
                .setParameter("until", clock.instant().plus(length)).executeUpdate() == 1;
    }
}
