package dev.kontak.contacts.boundary;

import dev.kontak.contacts.control.CardHolders;
import dev.kontak.contacts.control.CardRows;
import dev.kontak.contacts.control.ContactListing.Segment;
import dev.kontak.contacts.control.ContactListing;
import dev.kontak.contacts.control.Memberships;
import dev.kontak.contacts.control.PhoneNumbers;
import dev.kontak.contacts.control.SearchTerm;
import dev.kontak.contacts.control.Sharing;
import dev.kontak.contacts.entity.Contact;
import dev.kontak.contacts.entity.ContactDetails;
import dev.kontak.contacts.entity.ContactState;
import dev.kontak.contacts.entity.MergedCard;
import dev.kontak.contacts.events.ContactAccessContradicted;
import dev.kontak.contacts.events.ContactAccessRequested;
import dev.kontak.contacts.events.ContactChanged;
import dev.kontak.contacts.events.ContactOperation;
import dev.kontak.contacts.events.ContactsAccessRequested;
import dev.kontak.contacts.events.ContactsChanged;
import dev.kontak.kernel.UserId;
import dev.kontak.kernel.rls.ActingUser;
import dev.kontak.kernel.rls.ActsForCaller;
import dev.kontak.kernel.transactions.RetriedOnDeadlock;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Valid;
import jakarta.validation.Validator;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.annotation.Metric;

/**
 * A user's contacts: every operation on an existing contact is validated first ({@link ContactAccessRequested}),
 * and every change is reported ({@link ContactChanged}) in the same transaction.
 */
@ApplicationScoped
@Transactional
@ActsForCaller
@RetriedOnDeadlock
public class ContactBook {

    private static final int MATCHING_PAGE = 500;
    private static final int LOCKED_AT_ONCE = 1000;

    @PersistenceContext
    EntityManager em;

    @Inject
    Event<ContactAccessRequested> accessRequests;

    @Inject
    Event<ContactChanged> changes;

    @Inject
    Event<ContactsChanged> batches;

    @Inject
    Event<ContactsAccessRequested> bulkAccessRequests;

    @Inject
    Event<ContactAccessContradicted> contradictions;

    @Inject
    Sharing sharing;

    @Inject
    Memberships memberships;

    @Inject
    ContactListing listing;

    @Inject
    ActingUser caller;

    @Inject
    PhoneNumbers phones;

    @Inject
    CardHolders holders;

    @Inject
    Validator validator;

    @Inject
    Clock clock;

    /** One of the reasons of dev.kontak.admin.control.MetadataMetrics.DENIALS (this module cannot see it). */
    @Inject
    @Metric(name = "kontak.access.denials", tags = "reason=stale-form", absolute = true,
            description = "Operations on contacts refused, by reason")
    Counter staleForms;

    public Contact create(@Valid ContactDetails details) {
        UserId user = caller.id();
        Contact contact = new Contact(user.value(), normalised(details), clock.instant());
        em.persist(contact);
        em.flush(); // sets the version, which the event's state and its checksum term carry
        changes.fire(new ContactChanged(ContactChanged.Kind.CREATED, user, null, contact.state()));
        return contact;
    }

    /**
     * Many new contacts of the caller in one go (an import's batch): the contacts' rows in one flush, their cards'
     * lists a batch per table ({@link CardRows}), and one {@link ContactsChanged}, so the owner's and any teammate's
     * metadata are written once for all of them. The contacts returned carry their ids, versions and states, not
     * their cards' lists.
     */
    public List<Contact> createAll(List<@Valid ContactDetails> details) {
        UserId user = caller.id();
        Instant now = clock.instant();
        Map<UUID, ContactDetails> cards = new LinkedHashMap<>();
        List<Contact> created = new ArrayList<>();
        for (ContactDetails card : details) {
            ContactDetails normalised = normalised(card);
            Contact contact = Contact.withoutLists(user.value(), normalised, now);
            cards.put(contact.id(), normalised);
            created.add(contact);
        }
        created.forEach(em::persist);
        em.flush();
        try {
            CardRows.insert(em.unwrap(Connection.class), cards);
        } catch (SQLException failed) {
            throw new PersistenceException(failed);
        }
        created.forEach(em::detach); // read again, they are read with their lists
        batches.fire(new ContactsChanged(user, created.stream()
                .map(contact -> new ContactChanged(ContactChanged.Kind.CREATED, user, null, contact.state())).toList()));
        return created;
    }

    /**
     * As {@link #change} for many contacts (an import's matches): every contact is validated and locked first, in id
     * order, before any metadata row, then all are changed and reported in one {@link ContactsChanged}. A contact
     * the caller may not edit, whose version is not the one expected, or whose new details are not valid, is left
     * with the reason; the rest are done.
     *
     * @param expectedVersions for the contacts to change only if nobody changed them since (undo); the others are
     *                         changed whatever their version
     * @return the versions the changed contacts have now
     */
    public BulkOutcome changeAll(Map<UUID, UnaryOperator<ContactDetails>> changes, Map<UUID, Long> expectedVersions) {
        UserId user = caller.id();
        flushOnlyWhenAsked();
        Map<UUID, String> left = new HashMap<>();
        Map<Contact, ContactDetails> changed = new LinkedHashMap<>();
        Map<UUID, Contact> granted = accessibleAll(user, changes.keySet(), ContactOperation.EDIT);
        for (UUID id : new TreeSet<>(changes.keySet())) {
            try {
                Contact contact = granted.get(id);
                if (contact == null) {
                    left.put(id, ContactAccessDenied.MESSAGE);
                    continue;
                }
                Long expected = expectedVersions.get(id);
                if (expected != null && expected != contact.version()) {
                    left.put(id, "It was changed since.");
                    continue;
                }
                changed.put(contact, valid(changes.get(id).apply(contact.details())));
            } catch (ConstraintViolationException invalid) {
                left.put(id, invalid.getConstraintViolations().iterator().next().getMessage());
            }
        }
        List<Contact> contacts = List.copyOf(changed.keySet());
        List<ContactState> before = contacts.stream().map(Contact::state).toList();
        Instant now = clock.instant();
        changed.forEach((contact, details) -> contact.change(normalised(details), now));
        em.flush();
        List<ContactChanged> reported = new ArrayList<>();
        Map<UUID, Long> done = new LinkedHashMap<>();
        for (int i = 0; i < contacts.size(); i++) {
            Contact contact = contacts.get(i);
            reported.add(new ContactChanged(ContactChanged.Kind.UPDATED, user, before.get(i), contact.state()));
            done.put(contact.id(), contact.version());
        }
        if (!reported.isEmpty()) {
            batches.fire(new ContactsChanged(user, reported));
        }
        em.setFlushMode(FlushModeType.AUTO);
        return new BulkOutcome(done, left);
    }

    /**
     * Deletes those of the caller's own contacts that are still at the version given (an undone import's): a
     * contact someone changed since, or that is gone or not the caller's, is left with the reason. One
     * {@link ContactsChanged} for all that are deleted.
     */
    public BulkOutcome deleteAll(Map<UUID, Long> expectedVersions) {
        return deleteAll(expectedVersions, "It is no longer one of your contacts.");
    }

    /**
     * Deletes these contacts (a bulk action), those the caller owns: the others are left with the reason. One
     * {@link ContactsChanged} for all that are deleted.
     */
    public BulkOutcome deleteAll(Collection<UUID> ids) {
        Map<UUID, Long> anyVersion = new HashMap<>();
        ids.forEach(id -> anyVersion.put(id, null));
        return deleteAll(anyVersion, "Only the owner can delete this contact.");
    }

    /** @param expectedVersions null for a contact to delete whatever its version */
    private BulkOutcome deleteAll(Map<UUID, Long> expectedVersions, String notOwned) {
        UserId user = caller.id();
        flushOnlyWhenAsked();
        Map<UUID, Long> done = new LinkedHashMap<>();
        Map<UUID, String> left = new HashMap<>();
        List<Contact> deleted = new ArrayList<>();
        Set<UUID> owned = new HashSet<>(expectedVersions.isEmpty() ? List.of() : em.createQuery(
                        "SELECT c.id FROM Contact c WHERE c.id IN :ids AND c.ownerId = :user", UUID.class)
                .setParameter("ids", List.copyOf(expectedVersions.keySet())).setParameter("user", user.value())
                .getResultList());
        Map<UUID, Contact> granted = accessibleAll(user, owned, ContactOperation.DELETE);
        for (UUID id : new TreeSet<>(expectedVersions.keySet())) {
            Contact contact = granted.get(id); // null also for one gone or given away since the query above
            Long expected = expectedVersions.get(id);
            if (contact == null || !contact.isOwnedBy(user)) {
                left.put(id, notOwned);
            } else if (expected != null && contact.version() != expected) {
                left.put(id, "It was changed since.");
            } else {
                done.put(id, contact.version());
                deleted.add(contact);
            }
        }
        if (!done.isEmpty()) {
            batches.fire(new ContactsChanged(user, deleted.stream()
                    .map(contact -> new ContactChanged(ContactChanged.Kind.DELETED, user, contact.state(), null)).toList()));
            em.createQuery("DELETE FROM Activity a WHERE a.contactId IN :contacts").setParameter("contacts",
                    List.copyOf(done.keySet())).executeUpdate();
            deleted.forEach(em::remove);
            em.flush();
        }
        em.setFlushMode(FlushModeType.AUTO);
        return new BulkOutcome(done, left);
    }

    /**
     * Shares these contacts with one of the caller's teams, or stops sharing them (a bulk action): those the caller
     * does not own are left with the reason, the rest done in one {@link ContactsChanged}.
     *
     * @param teamId a team the caller belongs to, or null to stop sharing
     */
    public BulkOutcome shareAll(Collection<UUID> ids, UUID teamId) {
        UserId user = caller.id();
        if (teamId != null && memberships.find(teamId, user).isEmpty()) {
            throw new ContactRefused("You can share a contact only with a team you belong to.");
        }
        flushOnlyWhenAsked();
        Map<UUID, Long> done = new LinkedHashMap<>();
        Map<UUID, String> left = new HashMap<>();
        List<ContactChanged> reported = new ArrayList<>();
        Instant now = clock.instant();
        List<Contact> changed = new ArrayList<>();
        List<ContactState> before = new ArrayList<>();
        Map<UUID, Contact> granted = accessibleAll(user, ids, ContactOperation.SHARE);
        for (UUID id : new TreeSet<>(ids)) {
            Contact contact = granted.get(id);
            if (contact == null) {
                left.put(id, ContactAccessDenied.MESSAGE);
            } else if (!contact.isOwnedBy(user)) {
                left.put(id, "Only the owner can share this contact.");
            } else if (Objects.equals(contact.teamId(), teamId)) {
                done.put(id, contact.version());
            } else {
                before.add(contact.state());
                contact.shareWith(teamId, now);
                changed.add(contact);
            }
        }
        em.flush();
        for (int i = 0; i < changed.size(); i++) {
            Contact contact = changed.get(i);
            reported.add(new ContactChanged(teamId == null ? ContactChanged.Kind.UNSHARED : ContactChanged.Kind.SHARED,
                    user, before.get(i), contact.state()));
            done.put(contact.id(), contact.version());
        }
        if (!reported.isEmpty()) {
            batches.fire(new ContactsChanged(user, reported));
        }
        em.setFlushMode(FlushModeType.AUTO);
        return new BulkOutcome(done, left);
    }

    /** Files these contacts under a label, or takes it off them (a bulk action), as {@link #changeAll} does. */
    public BulkOutcome labelAll(Collection<UUID> ids, String label, boolean filed) {
        UnaryOperator<ContactDetails> change = card -> {
            SortedSet<String> labels = new TreeSet<>(card.labels());
            if (filed) {
                labels.add(label);
            } else {
                labels.remove(label);
            }
            return card.withLabels(labels);
        };
        Map<UUID, UnaryOperator<ContactDetails>> changes = new HashMap<>();
        ids.forEach(id -> changes.put(id, change));
        return changeAll(changes, Map.of());
    }

    /**
     * The ids of the contacts a search finds (all of them for no search) among those filed under the label (any
     * for a blank one), in the list's order, at most {@code limit}: what "all that match" selects.
     */
    public List<UUID> matching(String search, String label, int limit) {
        List<UUID> ids = new ArrayList<>();
        ContactQuery query = ContactQuery.first(search, ContactOrder.NEWEST, MATCHING_PAGE).filedUnder(label);
        while (ids.size() < limit) {
            ContactPage page = list(query);
            page.contacts().stream().limit(limit - ids.size()).forEach(contact -> ids.add(contact.id()));
            if (!page.hasNext()) {
                break;
            }
            query = query.nextPage(page.next());
        }
        return ids;
    }

    /**
     * Merges contacts into one that is kept: its card is made of all of theirs ({@link MergedCard}), every activity
     * of the others becomes its activity, and the others are deleted. All of them are validated and locked first, in
     * id order; the kept one must be one the caller may edit and the others the caller's own (merging deletes them),
     * else nothing is written. One {@link ContactsChanged}: whoever could access a merged contact loses it and its
     * activities, whoever can access the kept one sees them there.
     */
    public Contact merge(MergeRequest request) {
        UserId user = caller.id();
        UUID keepId = request.keep();
        SortedSet<UUID> all = new TreeSet<>(request.merge());
        all.add(keepId);
        Map<UUID, Contact> locked = new LinkedHashMap<>();
        for (UUID id : all) {
            Contact contact = accessible(user, id, id.equals(keepId) ? ContactOperation.EDIT : ContactOperation.DELETE,
                    LockModeType.PESSIMISTIC_WRITE);
            if (!id.equals(keepId) && !contact.isOwnedBy(user)) {
                throw new ContactRefused("Only its owner can merge " + contact.name()
                        + " into another contact: merging deletes it.");
            }
            locked.put(id, contact);
        }
        Contact kept = locked.remove(keepId);
        List<Contact> merged = List.copyOf(locked.values());
        Map<MergedCard.Field, ContactDetails> chosen = new EnumMap<>(MergedCard.Field.class);
        request.fields().forEach((field, id) -> chosen.put(field, (id.equals(keepId) ? kept : locked.get(id)).details()));
        ContactDetails card = valid(MergedCard.of(kept.details(), merged.stream().map(Contact::details).toList(), chosen));
        List<ContactChanged> reported = new ArrayList<>(merged.stream()
                .map(contact -> new ContactChanged(ContactChanged.Kind.DELETED, user, contact.state(), null)).toList());
        ContactState keptBefore = kept.state();
        em.createQuery("UPDATE Activity a SET a.contactId = :kept WHERE a.contactId IN :merged")
                .setParameter("kept", keepId).setParameter("merged", List.copyOf(locked.keySet())).executeUpdate();
        merged.forEach(kept::activitiesMovedFrom);
        kept.change(normalised(card), clock.instant());
        em.flush();
        reported.add(new ContactChanged(ContactChanged.Kind.UPDATED, user, keptBefore, kept.state()));
        batches.fire(new ContactsChanged(user, reported));
        merged.forEach(em::remove);
        em.flush();
        return withCard(kept);
    }

    /**
     * Which of the contacts the caller may edit hold these e-mail addresses (whatever their case) or phone numbers
     * (E.164): an import's matches for a whole batch, by index ({@link CardHolders}), then kept to the caller's
     * contacts by id.
     */
    public ContactMatches holding(Collection<String> emails, Collection<String> e164s) {
        List<Object[]> byEmail = emails.isEmpty() ? List.of()
                : holders.ofEmails(emails.stream().map(email -> email.toLowerCase(Locale.ROOT)).distinct().toList());
        List<Object[]> byE164 = e164s.isEmpty() ? List.of() : holders.ofPhones(new TreeSet<>(e164s));
        Set<UUID> candidates = new HashSet<>();
        byEmail.forEach(row -> candidates.add((UUID) row[1]));
        byE164.forEach(row -> candidates.add((UUID) row[1]));
        Set<UUID> mine = candidates.isEmpty() ? Set.of() : new HashSet<>(em.createQuery("SELECT c.id FROM Contact c "
                        + "WHERE c.id IN :ids AND " + Contact.ACCESSIBLE_BY_USER, UUID.class)
                .setParameter("ids", List.copyOf(candidates)).setParameter("user", caller.id().value()).getResultList());
        return new ContactMatches(firstOfMine(byEmail, mine), firstOfMine(byE164, mine));
    }

    /** Each key's contact among the caller's, the one with the lowest id where several hold it. */
    private static Map<String, UUID> firstOfMine(List<Object[]> holders, Set<UUID> mine) {
        Map<String, UUID> first = new HashMap<>();
        holders.stream().filter(row -> mine.contains((UUID) row[1]))
                .forEach(row -> first.merge((String) row[0], (UUID) row[1], (a, b) -> a.compareTo(b) <= 0 ? a : b));
        return first;
    }

    /** The contact with its whole card ({@link Contact#details}), readable after the transaction. */
    public Contact view(UUID contactId) {
        return withCard(accessible(caller.id(), contactId, ContactOperation.VIEW, LockModeType.NONE));
    }

    /** @param expectedVersion the version the user saw, or null to overwrite whatever is there */
    public Contact update(UUID contactId, @Valid ContactDetails details, Long expectedVersion) {
        return edit(contactId, current -> details, expectedVersion);
    }

    /**
     * As {@link #update}, with the new details made from the current ones in the same transaction, under the edit's
     * lock: a form that shows part of a card changes that part and nothing it did not show.
     */
    public Contact change(UUID contactId, UnaryOperator<ContactDetails> change, Long expectedVersion) {
        return edit(contactId, current -> valid(change.apply(current)), expectedVersion);
    }

    /** What {@code @Valid} checks of {@link #update}'s details, for details made inside the transaction. */
    private ContactDetails valid(ContactDetails details) {
        Set<ConstraintViolation<ContactDetails>> invalid = validator.validate(details);
        if (!invalid.isEmpty()) {
            throw new ConstraintViolationException(invalid);
        }
        return details;
    }

    private Contact edit(UUID contactId, UnaryOperator<ContactDetails> change, Long expectedVersion) {
        UserId user = caller.id();
        Contact contact = accessible(user, contactId, ContactOperation.EDIT, LockModeType.PESSIMISTIC_WRITE);
        if (expectedVersion != null && expectedVersion != contact.version()) {
            staleForms.inc();
            throw new ContactEditConflict();
        }
        ContactDetails changed = change.apply(contact.details());
        ContactState before = contact.state();
        contact.change(normalised(changed), clock.instant());
        em.flush(); // the new version, as above
        changes.fire(new ContactChanged(ContactChanged.Kind.UPDATED, user, before, contact.state()));
        return withCard(contact);
    }

    public void delete(UUID contactId) {
        UserId user = caller.id();
        Contact contact = accessible(user, contactId, ContactOperation.DELETE, LockModeType.PESSIMISTIC_WRITE);
        if (!contact.isOwnedBy(user)) {
            throw new ContactRefused("Only the owner can delete this contact.");
        }
        changes.fire(new ContactChanged(ContactChanged.Kind.DELETED, user, contact.state(), null));
        em.createQuery("DELETE FROM Activity a WHERE a.contactId = :contact")
                .setParameter("contact", contactId).executeUpdate();
        em.remove(contact);
        em.flush();
    }

    /** @param teamId a team the owner belongs to, or null to stop sharing */
    public Contact shareWith(UUID contactId, UUID teamId) {
        UserId user = caller.id();
        holdTeams(contactId, teamId);
        Contact contact = accessible(user, contactId, ContactOperation.SHARE, LockModeType.PESSIMISTIC_WRITE);
        if (!contact.isOwnedBy(user)) {
            throw new ContactRefused("Only the owner can share this contact.");
        }
        if (teamId != null && memberships.find(teamId, user).isEmpty()) {
            throw new ContactRefused("You can share a contact only with a team you belong to.");
        }
        sharing.shareWith(contact, teamId, user);
        return withCard(contact);
    }

    /**
     * The teams a share moves the contact between, held before the contact is locked: the order a change of a
     * team's members takes them in ({@link Memberships#hold}).
     */
    private void holdTeams(UUID contactId, UUID target) {
        SortedSet<UUID> teams = new TreeSet<>();
        em.createQuery("SELECT c.teamId FROM Contact c WHERE c.id = :id AND c.teamId IS NOT NULL", UUID.class)
                .setParameter("id", contactId).getResultStream().forEach(teams::add);
        if (target != null) {
            teams.add(target);
        }
        teams.forEach(memberships::hold);
    }

    /**
     * A page of the contacts the user owns or that are shared with their teams: the whole list in the chosen
     * order, or those matching the search text ranked by relevance (see {@link ContactListing}).
     */
    public ContactPage list(ContactQuery query) {
        UserId user = caller.id();
        ContactOrder order = query.effectiveOrder();
        for (ContactCursor cursor : Arrays.asList(query.after(), query.before())) {
            if (cursor != null && cursor.order() != order) {
                throw new CursorRefused();
            }
        }
        if (filesNothing(query.label())) {
            return new ContactPage(List.of(), order, null, null);
        }
        List<Segment> segments;
        if (!query.isSearch()) {
            segments = List.of(Segment.everything(order == ContactOrder.NEWEST));
        } else {
            SearchTerm term = SearchTerm.of(query.text());
            if (term.findsNothing()) {
                return new ContactPage(List.of(), order, null, null);
            }
            segments = Segment.tiersOf(term, listing.hasFunctions() && !query.hasLabel());
        }
        if (query.hasLabel()) {
            segments = segments.stream().map(segment -> segment.filedUnder(query.label())).toList();
        }
        return new PageReader(listing, listing.scopesOf(user), segments, query).read();
    }

    /** How many contacts the caller may access are filed under the label, counted up to {@code limit}. */
    public MatchCount countFiled(String label, String text, int limit) {
        SearchTerm term = text == null || text.isBlank() ? null : SearchTerm.of(text);
        if (term != null && term.findsNothing() || filesNothing(label)) {
            return new MatchCount(0, true);
        }
        long found = listing.count(caller.id(), term, label, limit + 1);
        return new MatchCount(Math.min(found, limit), found <= limit);
    }

    /** No label can hold a NUL character (StorableText), so none files anything under one with it. */
    private static boolean filesNothing(String label) {
        return label != null && label.indexOf('\0') >= 0;
    }

    /** The labels the caller's contacts are filed under, in order. */
    public List<String> labels() {
        return holders.labelsAccessibleBy(caller.id());
    }

    /**
     * The contacts among these that the caller may access, each with its whole card, in the order of {@code ids}:
     * one query for the contacts and one per list of the card for all of them, as an export reads a page.
     */
    public List<Contact> cards(List<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<UUID, Contact> found = new HashMap<>();
        TypedQuery<Contact> query = em.createQuery("SELECT c FROM Contact c WHERE c.id IN :ids AND "
                + Contact.ACCESSIBLE_BY_USER, Contact.class).setParameter("ids", ids)
                .setParameter("user", caller.id().value()).setHint("eclipselink.batch.type", "IN");
        for (String list : List.of("emails", "phones", "addresses", "urls", "labels", "photo")) {
            query.setHint("eclipselink.batch", "c." + list);
        }
        query.getResultList().forEach(contact -> found.put(contact.id(), withCard(contact)));
        return ids.stream().map(found::get).filter(Objects::nonNull).toList();
    }

    /** The most of each list of the card that any contact the caller may access has: a CSV export's columns. */
    public CardWidths widths() {
        return new CardWidths(most("emails"), most("phones"), most("addresses"), most("urls"));
    }

    private int most(String list) {
        return em.createQuery("SELECT COUNT(v) FROM Contact c JOIN c." + list + " v WHERE " + Contact.ACCESSIBLE_BY_USER
                        + " GROUP BY c.id ORDER BY COUNT(v) DESC", Long.class).setParameter("user", caller.id().value())
                .setMaxResults(1).getResultStream().findFirst().orElse(0L).intValue();
    }

    /** How many contacts a search finds, counted up to {@code limit}: a count costs a scan of what it counts. */
    public MatchCount count(String text, int limit) {
        SearchTerm term = SearchTerm.of(text);
        if (term.findsNothing()) {
            return new MatchCount(0, true);
        }
        long found = listing.count(caller.id(), term, limit + 1);
        return new MatchCount(Math.min(found, limit), found <= limit);
    }

    /**
     * For a bulk method that reads many contacts before it writes: by default every query first flushes, which
     * compares every contact read so far with its copy, so a loop of n access checks would cost O(n²). The bulk
     * methods flush themselves before the metadata is updated, and set the default back when they are done (a
     * failure rolls the transaction back, persistence context and all).
     */
    private void flushOnlyWhenAsked() {
        em.setFlushMode(FlushModeType.COMMIT);
    }

    private ContactDetails normalised(ContactDetails details) {
        return details.withPhones(phones.normalised(details.phones()));
    }

    /**
     * Reads the contact's lists in this transaction: read later, with no user named to row level security, they
     * would come back empty.
     */
    private static Contact withCard(Contact contact) {
        contact.details();
        return contact;
    }

    /** Asks the observers of {@link ContactAccessRequested} (the metadata module) whether this may happen. */
    void requireAccess(UserId user, UUID contactId, ContactOperation operation) {
        accessRequests.fire(new ContactAccessRequested(user, contactId, operation));
    }

    /**
     * Validates access against the metadata first, then loads the contact only if the data grants it too: a
     * contact that does not exist is refused exactly like a foreign one, and so is one the metadata allows while
     * the data does not (a copy that missed an invalidation, a row that drifted), which is reported
     * ({@link ContactAccessContradicted}). It is loaded by id with the data's rule, {@link Contact#ACCESSIBLE_BY_USER}
     * (one indexed query, the one the operation needs anyway), locked for a write.
     */
    Contact accessible(UserId user, UUID contactId, ContactOperation operation, LockModeType lock) {
        requireAccess(user, contactId, operation);
        Contact contact = loadIfAccessible(user, contactId, lock);
        if (contact == null) {
            contradictions.fire(new ContactAccessContradicted(user, contactId, operation));
            throw new ContactAccessDenied(contactId, operation);
        }
        return contact;
    }

    /**
     * As {@link #accessible} for many contacts (a bulk action): validated against the metadata in one go
     * ({@link ContactsAccessRequested}), then those granted loaded and locked with the data's rule, a thousand per
     * query, in id order. A contact refused is not in the answer; one the metadata grants and the data does not is
     * reported as for one contact.
     */
    private Map<UUID, Contact> accessibleAll(UserId user, Collection<UUID> ids, ContactOperation operation) {
        ContactsAccessRequested request = new ContactsAccessRequested(user, new TreeSet<>(ids), operation);
        bulkAccessRequests.fire(request);
        List<UUID> granted = request.contactIds().stream().filter(id -> !request.denied().contains(id)).toList();
        Map<UUID, Contact> loaded = new HashMap<>();
        for (int from = 0; from < granted.size(); from += LOCKED_AT_ONCE) {
            em.createQuery("SELECT c FROM Contact c WHERE c.id IN :ids AND " + Contact.ACCESSIBLE_BY_USER + " ORDER BY c.id",
                            Contact.class)
                    .setParameter("ids", granted.subList(from, Math.min(granted.size(), from + LOCKED_AT_ONCE)))
                    .setParameter("user", user.value()).setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultStream()
                    .forEach(contact -> loaded.put(contact.id(), contact));
        }
        granted.stream().filter(id -> !loaded.containsKey(id))
                .forEach(id -> contradictions.fire(new ContactAccessContradicted(user, id, operation)));
        return loaded;
    }

    private Contact loadIfAccessible(UserId user, UUID contactId, LockModeType lock) {
        return em.createQuery("SELECT c FROM Contact c WHERE c.id = :id AND " + Contact.ACCESSIBLE_BY_USER,
                        Contact.class)
                .setParameter("id", contactId).setParameter("user", user.value()).setLockMode(lock)
                .getResultStream().findFirst().orElse(null);
    }
}
