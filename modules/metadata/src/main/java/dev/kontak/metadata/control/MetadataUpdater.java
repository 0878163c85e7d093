package dev.kontak.metadata.control;

import dev.kontak.auth.events.AccountCreated;
import dev.kontak.contacts.control.Memberships;
import dev.kontak.contacts.entity.Contact;
import dev.kontak.contacts.entity.ContactState;
import dev.kontak.contacts.events.ContactChanged;
import dev.kontak.contacts.events.ContactsChanged;
import dev.kontak.contacts.events.TeamMembershipChanged;
import dev.kontak.kernel.rls.AcrossUsers;
import dev.kontak.metadata.entity.UserMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
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
    AddressBookChanges bookChanges;

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
        update(List.of(change));
    }

    @AcrossUsers
    void contactsChanged(@Observes ContactsChanged batch) {
        update(batch.changes());
    }

    /**
     * One pass for any number of changes: the access rows of the contacts that existed are held, the affected
     * users' rows locked once in user order, every delta applied, the access rows granted and revoked in a few
     * statements, and each user's latest activity looked up once if a change needs it. O(changes × users who can
     * access each), never O(contacts).
     */
    private void update(List<ContactChanged> changes) {
        teamsOf(changes).forEach(memberships::hold);
        Map<UUID, SortedSet<UUID>> had = access.holdUsersWith(changes.stream()
                .filter(change -> change.kind() != ContactChanged.Kind.CREATED).map(ContactChanged::contactId).toList());
        Map<UUID, Set<UUID>> members = new HashMap<>();
        SortedSet<UUID> affected = new TreeSet<>();
        for (ContactChanged change : changes) {
            affected.addAll(canAccess(change, had, members));
            affected.addAll(had.getOrDefault(change.contactId(), Collections.emptySortedSet()));
        }
        Map<UUID, UserMetadata> locked = new HashMap<>();
        lockAll(affected).forEach(metadata -> locked.put(metadata.userId(), metadata));
        AccessChanges accessChanges = new AccessChanges();
        Set<UUID> contactsChanged = new HashSet<>();
        Set<UUID> activitiesChanged = new HashSet<>();
        for (ContactChanged change : changes) {
            Set<UUID> after = canAccess(change, had, members);
            Set<UUID> before = had.getOrDefault(change.contactId(), Collections.emptySortedSet());
            Set<UUID> users = new TreeSet<>(after);
            users.addAll(before);
            for (UUID user : users) {
                apply(locked.get(user), change.contactId(), before.contains(user), after.contains(user),
                        change.before(), change.after(), accessChanges);
                (change.kind().isActivity() ? activitiesChanged : contactsChanged).add(user);
            }
        }
        accessChanges.write();
        Instant now = clock.instant();
        Map<UUID, Long> versions = new TreeMap<>();
        for (UserMetadata metadata : locked.values()) {
            metadata.changed(now, contactsChanged.contains(metadata.userId()), activitiesChanged.contains(metadata.userId()));
            versions.put(metadata.userId(), metadata.cacheVersion());
        }
        bookChanges.record(accessChanges.logged, versions, now);
        metadataChanges.fire(new MetadataChanged(versions));
    }

    /**
     * The teams of the changes that move a contact into or out of a team (a share, an unshare, a contact created or
     * deleted in one), in id order, the order they are held in. An edit or an activity changes no one's access, and
     * holding its team would wait on a change of members that waits on the access row the edit's check holds.
     */
    private static SortedSet<UUID> teamsOf(List<ContactChanged> changes) {
        SortedSet<UUID> teams = new TreeSet<>();
        for (ContactChanged change : changes) {
            if (change.before() != null && change.after() != null
                    && Objects.equals(change.before().teamId(), change.after().teamId())) {
                continue;
            }
            for (ContactState state : Arrays.asList(change.before(), change.after())) {
                if (state != null && state.teamId() != null) {
                    teams.add(state.teamId());
                }
            }
        }
        return teams;
    }

    /**
     * Who can access the contact after the change: its owner and its team's members (each team read once a pass);
     * for a change that keeps its owner and team (an edit, an activity), exactly those who hold an access row now.
     * Reading the team's members there instead raced a change of members: an edit that read a member just added, and
     * not yet in the rows it held, gave them the card a second time (the soak benchmark found members' checksums off).
     */
    private Set<UUID> canAccess(ContactChanged change, Map<UUID, SortedSet<UUID>> had, Map<UUID, Set<UUID>> members) {
        ContactState after = change.after();
        if (after == null) {
            return Set.of();
        }
        ContactState before = change.before();
        if (before != null && before.ownerId().equals(after.ownerId()) && Objects.equals(before.teamId(), after.teamId())) {
            return had.getOrDefault(change.contactId(), Collections.emptySortedSet());
        }
        Set<UUID> users = new HashSet<>(Set.of(after.ownerId()));
        if (after.teamId() != null) {
            users.addAll(members.computeIfAbsent(after.teamId(), team -> Set.copyOf(memberships.membersOf(team))));
        }
        return users;
    }

    @AcrossUsers
    void membershipChanged(@Observes TeamMembershipChanged change) {
        UUID user = change.user().value();
        access.holdTeamContactsOf(user, change.teamId());
        TeamPermissions.Grants grants = teams.of(user);
        boolean member = grants.teamIds().contains(change.teamId().toString());
        // Who joins locks the team's contacts (after the access rows, before the metadata row: the lock order), so
        // that an edit in progress, which holds no row of someone it does not count yet, commits first and the new
        // member gets its card as edited. A removal needs no such lock: an edit holds the member's access rows, which
        // the removal waits for (and locking the contacts there would deadlock with it).
        List<Contact> shared = em.createQuery("SELECT c FROM Contact c WHERE c.teamId = :team ORDER BY c.id", Contact.class)
                .setParameter("team", change.teamId())
                .setLockMode(member ? LockModeType.PESSIMISTIC_WRITE : LockModeType.NONE)
                .getResultList();
        UserMetadata metadata = lockAll(List.of(user)).get(0);
        metadata.teams(grants.teamIds(), grants.permissions());
        AccessChanges accessChanges = new AccessChanges();
        for (Contact contact : shared) {
            ContactState state = contact.state();
            apply(metadata, contact.id(), access.has(change.user(), contact.id()), member || contact.isOwnedBy(change.user()),
                    state, state, accessChanges);
        }
        accessChanges.write();
        Instant now = clock.instant();
        metadata.changed(now, true, false);
        bookChanges.record(accessChanges.logged, Map.of(user, metadata.cacheVersion()), now);
        metadataChanges.fire(new MetadataChanged(Map.of(user, metadata.cacheVersion())));
    }

    private void apply(UserMetadata metadata, UUID contactId, boolean had, boolean has, ContactState before,
            ContactState after, AccessChanges accessChanges) {
        UUID user = metadata.userId();
        if (had || has) {
            accessChanges.logged.add(new AddressBookChanges.Change(user, contactId, !has));
        }
        boolean lookUpLatest = false;
        if (!had && has) {
            accessChanges.grants.add(new AccessList.Entry(user, contactId));
            metadata.gain(after);
        } else if (had && !has) {
            accessChanges.revokes.add(new AccessList.Entry(user, contactId));
            lookUpLatest = metadata.lose(before);
        } else if (had) {
            lookUpLatest = metadata.change(before, after);
        }
        if (lookUpLatest) {
            accessChanges.latestOf.put(user, metadata);
        }
    }

    /**
     * The access rows a pass grants and revokes, whose latest activity it must look up once they are written, and
     * the changes of each user's address book it logs.
     */
    private final class AccessChanges {
        final List<AddressBookChanges.Change> logged = new ArrayList<>();
        final List<AccessList.Entry> grants = new ArrayList<>();
        final List<AccessList.Entry> revokes = new ArrayList<>();
        final Map<UUID, UserMetadata> latestOf = new TreeMap<>();

        void write() {
            access.revokeAll(revokes);
            access.grantAll(grants);
            if (!latestOf.isEmpty()) {
                em.flush();
                latestOf.forEach((user, metadata) -> metadata.latestActivityIs(access.latestActivityOf(user)));
            }
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
