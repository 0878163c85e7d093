package dev.kontak.contacts.control;

import dev.kontak.kernel.rls.AcrossUsers;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;
import java.util.UUID;

/** Which contact's timeline an activity is on. */
@ApplicationScoped
public class Timelines {

    @PersistenceContext
    EntityManager em;

    /**
     * Whoever asks, also for an activity row level security hides from them: the access check then refuses and
     * audits the attempt on that contact, as it does for a contact id given directly. Only the id leaves here.
     */
    @AcrossUsers
    public Optional<UUID> contactOf(UUID activity) {
        return em.createQuery("SELECT a.contactId FROM Activity a WHERE a.id = :activity", UUID.class)
                .setParameter("activity", activity).getResultStream().findFirst();
    }
}
