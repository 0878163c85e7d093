package dev.kontak.contacts.control;

import dev.kontak.contacts.entity.Contact;
import dev.kontak.contacts.entity.ContactState;
import dev.kontak.contacts.events.ContactChanged;
import dev.kontak.kernel.UserId;
import dev.kontak.kernel.rls.AcrossUsers;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

/** Shares a contact with a team or takes it back, and reports it; callers decide who may. */
@ApplicationScoped
public class Sharing {

    @PersistenceContext
    EntityManager em;

    @Inject
    Event<ContactChanged> changes;

    @Inject
    Clock clock;

    public void shareWith(Contact contact, UUID team, UserId actor) {
        ContactState before = contact.state();
        contact.shareWith(team, clock.instant());
        em.flush(); // sets the version, which the event's state and its checksum term carry
        changes.fire(new ContactChanged(team == null ? ContactChanged.Kind.UNSHARED : ContactChanged.Kind.SHARED,
                actor, before, contact.state()));
    }

    /** When someone leaves a team, the contacts they shared with it stop being shared. */
    @AcrossUsers
    public void unshareAllOf(UserId owner, UUID team, UserId actor) {
        List<Contact> shared = em.createQuery(
                        "SELECT c FROM Contact c WHERE c.ownerId = :owner AND c.teamId = :team ORDER BY c.id", Contact.class)
                .setParameter("owner", owner.value())
                .setParameter("team", team)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultList();
        shared.forEach(contact -> shareWith(contact, null, actor));
    }
}
