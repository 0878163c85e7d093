package dev.kontak.metadata.control;

import dev.kontak.kernel.UserId;
import dev.kontak.kernel.rls.ActsForCaller;
import dev.kontak.metadata.entity.AccessRefusal;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.UUID;

/** The audit of refused operations on contacts. */
@ApplicationScoped
public class AccessRefusals {

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    /** Writes in a transaction of its own: the refused operation's transaction rolls back. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    @ActsForCaller
    public void record(UserId user, UUID contact, String operation, String reason) {
        em.persist(new AccessRefusal(user.value(), contact, operation, reason, clock.instant()));
    }
}
