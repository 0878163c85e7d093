package dev.kontak.contacts.boundary;

import dev.kontak.contacts.control.Timelines;
import dev.kontak.contacts.entity.Activity;
import dev.kontak.contacts.entity.ActivityDetails;
import dev.kontak.contacts.entity.Contact;
import dev.kontak.contacts.entity.ContactState;
import dev.kontak.contacts.events.ContactChanged;
import dev.kontak.contacts.events.ContactOperation;
import dev.kontak.kernel.UserId;
import dev.kontak.kernel.rls.ActingUser;
import dev.kontak.kernel.rls.ActsForCaller;
import dev.kontak.kernel.transactions.RetriedOnDeadlock;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Calls, e-mails, meetings and notes on a contact's timeline. The contact row is locked while its activity
 * aggregates change, so concurrent logs on one contact serialize instead of failing.
 */
@ApplicationScoped
@Transactional
@ActsForCaller
@RetriedOnDeadlock
public class ActivityLog {

    @PersistenceContext
    EntityManager em;

    @Inject
    ContactBook contacts;

    @Inject
    Timelines timelines;

    @Inject
    Event<ContactChanged> changes;

    @Inject
    ActingUser caller;

    @Inject
    Clock clock;

    public Activity log(UUID contactId, @Valid ActivityDetails details) {
        UserId user = caller.id();
        Contact contact = contacts.accessible(user, contactId, ContactOperation.LOG_ACTIVITY,
                LockModeType.PESSIMISTIC_WRITE);
        ContactState before = contact.state();
        Activity activity = new Activity(contactId, user.value(), details, clock.instant());
        em.persist(activity);
        em.flush();
        contact.activityAdded(activity);
        report(ContactChanged.Kind.ACTIVITY_LOGGED, user, before, contact);
        return activity;
    }

    public Activity edit(UUID activityId, @Valid ActivityDetails details) {
        UserId user = caller.id();
        Activity activity = existing(user, activityId, ContactOperation.EDIT_ACTIVITY);
        Contact contact = contacts.accessible(user, activity.contactId(), ContactOperation.EDIT_ACTIVITY,
                LockModeType.PESSIMISTIC_WRITE);
        ContactState before = contact.state();
        long termBefore = activity.checksumTerm();
        activity.change(details, clock.instant());
        em.flush();
        contact.activityChanged(termBefore, activity, latestOn(contact.id()));
        report(ContactChanged.Kind.ACTIVITY_EDITED, user, before, contact);
        return activity;
    }

    public void delete(UUID activityId) {
        UserId user = caller.id();
        Activity activity = existing(user, activityId, ContactOperation.DELETE_ACTIVITY);
        Contact contact = contacts.accessible(user, activity.contactId(), ContactOperation.DELETE_ACTIVITY,
                LockModeType.PESSIMISTIC_WRITE);
        ContactState before = contact.state();
        em.remove(activity);
        em.flush();
        contact.activityRemoved(activity, latestOn(contact.id()));
        report(ContactChanged.Kind.ACTIVITY_DELETED, user, before, contact);
    }

    /** The contact's timeline, latest first. */
    public List<Activity> timeline(UUID contactId) {
        contacts.view(contactId);
        return em.createNamedQuery("Activity.timeline", Activity.class).setParameter("contact", contactId)
                .getResultList();
    }

    private void report(ContactChanged.Kind kind, UserId user, ContactState before, Contact contact) {
        em.flush(); // sets the contact's new version, which the event's state and its checksum term carry
        changes.fire(new ContactChanged(kind, user, before, contact.state()));
    }

    private Activity existing(UserId user, UUID activityId, ContactOperation operation) {
        Activity activity = em.find(Activity.class, activityId);
        if (activity == null) { // missing, or on a contact the user may not access (row level security)
            contacts.requireAccess(user, timelines.contactOf(activityId).orElse(null), operation);
            throw new ContactAccessDenied(null, operation);
        }
        return activity;
    }

    private Instant latestOn(UUID contactId) {
        return em.createNamedQuery("Activity.timeline", Activity.class).setParameter("contact", contactId)
                .setMaxResults(1).getResultStream().findFirst().map(Activity::occurredAt).orElse(null);
    }
}
