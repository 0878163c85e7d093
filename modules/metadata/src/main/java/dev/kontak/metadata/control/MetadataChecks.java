package dev.kontak.metadata.control;

import dev.kontak.metadata.entity.Drift;
import dev.kontak.metadata.entity.MetadataCheck;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Where what administrators last learnt about each user's metadata is kept: metadata_checks. */
@ApplicationScoped
public class MetadataChecks {

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    public Optional<MetadataCheck> find(UUID user) {
        return Optional.ofNullable(em.find(MetadataCheck.class, user));
    }

    /** One batch's results: the drift found (and repaired) per user, and the users whose check failed. */
    public void checked(Map<UUID, Drift> drifts, Collection<UUID> failed) {
        drifts.forEach((user, drift) -> of(user).checked(clock.instant(), drift));
        failed.forEach(user -> of(user).failed(clock.instant()));
    }

    public void refreshed(UUID user) {
        of(user).refreshed(clock.instant());
    }

    public void refreshed(Collection<UUID> users) {
        users.forEach(this::refreshed);
    }

    private MetadataCheck of(UUID user) {
        return find(user).orElseGet(() -> {
            MetadataCheck check = new MetadataCheck(user);
            em.persist(check);
            return check;
        });
    }
}
