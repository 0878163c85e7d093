package dev.kontak.metadata.control;

import dev.kontak.auth.events.AccountCreated;
import dev.kontak.contacts.control.Memberships;
import dev.kontak.contacts.entity.Contact;
import dev.kontak.contacts.entity.ContactState;
import dev.kontak.contacts.events.ContactChanged;
import dev.kontak.contacts.events.TeamMembershipChanged;
import dev.kontak.kernel.UserId;
import dev.kontak.kernel.rls.AcrossUsers;
import dev.kontak.metadata.entity.UserMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Keeps every affected user's metadata true in the transaction of the change itself, by deltas: a change to one
 * contact costs O(number of users who can access it), never O(number of contacts). If this fails, the change
 * fails with it. After the commit, {@link MetadataChanged} tells who to invalidate.
 */
@ApplicationScoped
public class MetadataUpdater {

    @PersistenceContext
    EntityManager em;

    @Inject
    MetadataRows rows;

    @Inject
    AccessList access;

    @Inject
    Memberships memberships;

    @Inject
    TeamPermissions teams;

    @Inject
    Event<MetadataChanged> metadataChanges;

    @Inject
    Clock clock;

    @AcrossUsers
    void accountCreated(@Observes AccountCreated created) {
        rows.create(created.userId(), teams.of(created.userId()).permissions());
    }

    @AcrossUsers
    void contactChanged(@Observes ContactChanged change) {
        UUID contactId = change.contactId();
        ContactState after = change.after();
        Set<UUID> members = after == null || after.teamId() == null ? Set.of() : Set.copyOf(memberships.membersOf(after.teamId()));
        SortedSet<UUID> had = access.holdUsersWith(contactId);
        SortedSet<UUID> affected = new TreeSet<>(had);
        if (after != null) {
            affected.add(after.ownerId());
            affected.addAll(members);
        }
        Instant now = clock.instant();
        Map<UUID, Long> versions = new TreeMap<>();
        for (UserMetadata metadata : lockAll(affected)) {
            UUID user = metadata.userId();
            boolean canAccess = after != null && (after.ownerId().equals(user) || members.contains(user));
            apply(metadata, contactId, had.contains(user), canAccess, change.before(), after);
            metadata.changed(now, !change.kind().isActivity(), change.kind().isActivity());
            versions.put(user, metadata.cacheVersion());
        }
        metadataChanges.fire(new MetadataChanged(versions));
    }

    @AcrossUsers
    void membershipChanged(@Observes TeamMembershipChanged change) {
        UUID user = change.user().value();
        access.holdTeamContactsOf(user, change.teamId());
        UserMetadata metadata = lockAll(List.of(user)).get(0);
        TeamPermissions.Grants grants = teams.of(user);
        metadata.teams(grants.teamIds(), grants.permissions());
        boolean member = grants.teamIds().contains(change.teamId().toString());
        List<Contact> shared = em.createQuery("SELECT c FROM Contact c WHERE c.teamId = :team", Contact.class)
                .setParameter("team", change.teamId()).getResultList();
        for (Contact contact : shared) {
            ContactState state = contact.state();
            apply(metadata, contact.id(), access.has(change.user(), contact.id()), member || contact.isOwnedBy(change.user()),
                    state, state);
        }
        metadata.changed(clock.instant(), true, false);
        metadataChanges.fire(new MetadataChanged(Map.of(user, metadata.cacheVersion())));
    }

    private void apply(UserMetadata metadata, UUID contactId, boolean had, boolean has, ContactState before,
            ContactState after) {
        UserId user = UserId.of(metadata.userId());
        boolean lookUpLatest = false;
        if (!had && has) {
            access.grant(user, contactId);
            metadata.gain(after);
        } else if (had && !has) {
            access.revoke(user, contactId);
            lookUpLatest = metadata.lose(before);
        } else if (had) {
            lookUpLatest = metadata.change(before, after);
        }
        if (lookUpLatest) {
            em.flush();
            metadata.latestActivityIs(access.latestActivityOf(user.value()));
        }
    }

    /**
     * Locks the users' rows in id order. Every account gets its row when it is created (and the migration gave one
     * to every earlier account); should one still be missing, it starts empty and the next staleness refresh
     * completes it.
     */
    private List<UserMetadata> lockAll(Collection<UUID> users) {
        List<UserMetadata> locked = rows.lock(users);
        if (locked.size() == users.size()) {
            return locked;
        }
        Set<UUID> found = new TreeSet<>();
        locked.forEach(metadata -> found.add(metadata.userId()));
        users.stream().filter(user -> !found.contains(user))
                .forEach(user -> rows.create(user, teams.of(user).permissions()));
        return rows.lock(users);
    }
}
