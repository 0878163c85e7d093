package dev.kontak.admin.control;

import dev.kontak.admin.entity.LastCheck;
import dev.kontak.metadata.control.BatchResult;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

/** Where what administrators last learnt about each user's metadata is kept: metadata_checks. */
@ApplicationScoped
public class LastChecks {

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    public Optional<LastCheck> find(UUID user) {
        return Optional.ofNullable(em.find(LastCheck.class, user));
    }

    /** One batch's results: the drift found (and repaired) and the refresh per user, and whose check failed. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void record(BatchResult batch) {
        batch.checked().forEach((user, drift) -> of(user).checked(clock.instant(), drift));
        batch.failed().forEach(user -> of(user).failed(clock.instant()));
        batch.refreshed().forEach(this::refreshed);
    }

    public void refreshed(UUID user) {
        of(user).refreshed(clock.instant());
    }

    private LastCheck of(UUID user) {
        return find(user).orElseGet(() -> {
            LastCheck check = new LastCheck(user);
            em.persist(check);
            return check;
        });
    }
}
