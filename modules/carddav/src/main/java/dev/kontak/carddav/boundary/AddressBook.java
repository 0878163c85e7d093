package dev.kontak.carddav.boundary;

import dev.kontak.carddav.control.CardQuery;
import dev.kontak.contacts.boundary.ContactBook;
import dev.kontak.contacts.boundary.ContactEditConflict;
import dev.kontak.contacts.entity.Contact;
import dev.kontak.contacts.entity.ContactDetails;
import dev.kontak.kernel.rls.ActingUser;
import dev.kontak.kernel.rls.ActsForCaller;
import dev.kontak.metadata.boundary.Metadata;
import dev.kontak.metadata.control.AddressBookChanges;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The caller's one address book: every contact they may access, their own and those shared with their teams. A card
 * is found by its resource name, the one a client chose when it created the contact ({@code dav_name}), else
 * {@code {id}.vcf}; a name that is none of the caller's cards is free for a new one, whatever it says. Every read
 * and write goes through {@link ContactBook}, so it is validated and its metadata kept true as from the pages.
 */
@ApplicationScoped
@Transactional
@ActsForCaller
public class AddressBook {

    private static final Pattern ID_NAME = Pattern.compile("([0-9a-fA-F-]{36})\\.vcf");

    @PersistenceContext
    EntityManager em;

    @Inject
    ContactBook contacts;

    @Inject
    Metadata metadata;

    @Inject
    ActingUser caller;

    @Inject
    AddressBookChanges log;

    /** A card as a PUT left it, and whether the PUT made it. */
    public record Written(CardTag card, boolean created) {
    }

    /** What a sync-collection answers: the cards new or changed, the names of those gone, and the new token. */
    public record Changes(SyncToken token, List<CardTag> changed, List<String> gone) {
    }

    /**
     * What changed in the book since a token (RFC 6578): with none, every card; with the current one, nothing, from
     * the user's version alone (this node's copy); else the rows of the change log after it
     * ({@link AddressBookChanges}): a contact deleted, unshared or of a team the user left is gone.
     *
     * @throws InvalidSyncToken for a token not of Kontak's, newer than the book, or older than the log is complete
     */
    public Changes changesSince(Optional<String> token) {
        long current = version();
        if (token.isEmpty() || token.get().isBlank()) {
            return new Changes(new SyncToken(current), tags(), List.of());
        }
        long since = SyncToken.parse(token.get()).map(SyncToken::version)
                .orElseThrow(() -> new InvalidSyncToken("This sync token is not Kontak's."));
        if (since == current) {
            return new Changes(new SyncToken(current), List.of(), List.of());
        }
        UUID user = caller.id().value();
        if (since > current || since < log.knownSince(user)) {
            throw new InvalidSyncToken("This sync token is too old: sync the whole address book again.");
        }
        List<String> gone = new ArrayList<>();
        Map<UUID, String> stillThere = new LinkedHashMap<>();
        for (AddressBookChanges.Logged change : log.since(user, since)) {
            String name = Contact.davName(change.contact(), change.resourceName());
            if (change.gone()) {
                gone.add(name);
            } else {
                stillThere.put(change.contact(), name);
            }
        }
        List<CardTag> changed = tagsOf(stillThere.keySet());
        Set<String> present = new HashSet<>();
        changed.forEach(card -> present.add(card.name()));
        stillThere.values().stream().filter(name -> !present.contains(name)).forEach(gone::add);
        return new Changes(new SyncToken(current), changed, gone);
    }

    /** The caller's cache_version: it grows whenever anything in the book, or who may see it, changes. */
    public long version() {
        return metadata.cacheValidity(-1).cacheVersion();
    }

    /** Every card's name and version, in id order. */
    public List<CardTag> tags() {
        return em.createQuery("SELECT c.id, c.davName, c.version FROM Contact c WHERE " + Contact.ACCESSIBLE_BY_USER
                        + " ORDER BY c.id", Object[].class).setParameter("user", caller.id().value()).getResultStream()
                .map(AddressBook::tag).toList();
    }

    /** The cards an addressbook-query's filter finds, in id order: one read of the book, compared here. */
    public List<CardTag> matching(CardQuery query) {
        return em.createQuery("SELECT c.id, c.davName, c.version, c.name, c.nickname, c.emailsText, c.phonesDigits "
                        + "FROM Contact c WHERE " + Contact.ACCESSIBLE_BY_USER + " ORDER BY c.id", Object[].class)
                .setParameter("user", caller.id().value()).getResultStream()
                .filter(row -> query.matches(new CardQuery.Card((String) row[3], (String) row[4], joined(row[5]),
                        joined(row[6]))))
                .map(AddressBook::tag).toList();
    }

    /** A list of the card as the contact row keeps it for searches, joined by U+0001. */
    private static List<String> joined(Object column) {
        return column == null ? List.of() : List.of(((String) column).split("\u0001"));
    }

    /** The tags of those of these contacts the caller may access, a thousand ids per query. */
    private List<CardTag> tagsOf(Collection<UUID> contacts) {
        List<UUID> ids = List.copyOf(contacts);
        List<CardTag> tags = new ArrayList<>();
        for (int from = 0; from < ids.size(); from += 1000) {
            em.createQuery("SELECT c.id, c.davName, c.version FROM Contact c WHERE c.id IN :ids AND "
                            + Contact.ACCESSIBLE_BY_USER, Object[].class)
                    .setParameter("ids", ids.subList(from, Math.min(ids.size(), from + 1000)))
                    .setParameter("user", caller.id().value()).getResultStream().map(AddressBook::tag).forEach(tags::add);
        }
        return tags;
    }

    private static CardTag tag(Object[] row) {
        return new CardTag(Contact.davName((UUID) row[0], (String) row[1]), ((Number) row[2]).longValue());
    }

    /** The card of this name, with its whole card read. */
    public Optional<Contact> card(String name) {
        return idOf(name).map(contacts::view);
    }

    /**
     * The cards of these names that are the caller's, each with its whole card, in no particular order: two queries
     * for all the names, as {@link #idOf} finds one.
     */
    public List<Contact> cards(Collection<String> names) {
        UUID user = caller.id().value();
        Map<String, UUID> named = new HashMap<>();
        if (!names.isEmpty()) {
            em.createQuery("SELECT c.davName, c.id FROM Contact c WHERE c.davName IN :names AND "
                            + Contact.ACCESSIBLE_BY_USER + " ORDER BY c.id DESC", Object[].class)
                    .setParameter("names", List.copyOf(names)).setParameter("user", user).getResultStream()
                    .forEach(row -> named.put((String) row[0], (UUID) row[1])); // the lowest id last, so it stays
        }
        List<UUID> ids = new ArrayList<>(named.values());
        List<UUID> byId = names.stream().filter(name -> !named.containsKey(name)).map(AddressBook::idIn)
                .flatMap(Optional::stream).toList();
        if (!byId.isEmpty()) {
            ids.addAll(em.createQuery("SELECT c.id FROM Contact c WHERE c.id IN :ids AND c.davName IS NULL AND "
                    + Contact.ACCESSIBLE_BY_USER, UUID.class).setParameter("ids", byId).setParameter("user", user)
                    .getResultList());
        }
        return contacts.cards(ids);
    }

    /**
     * Writes the card of this name: a new contact of the caller's where there is none, else the contact's whole card
     * replaced by the client's, but for the photo where the client sent none (many clients leave photos out).
     *
     * @throws PreconditionFailed when the precondition does not hold; nothing is written
     */
    public Written put(String name, ContactDetails card, Precondition precondition) {
        Optional<UUID> existing = idOf(name);
        if (existing.isEmpty()) {
            if (!precondition.holdsFor(null)) {
                throw new PreconditionFailed("There is no card " + name + ".");
            }
            Contact created = contacts.create(card);
            if (!name.equals(created.davName())) {
                em.createNativeQuery("UPDATE contacts SET dav_name = ?1 WHERE id = ?2").setParameter(1, name)
                        .setParameter(2, created.id()).executeUpdate();
            }
            return new Written(new CardTag(name, created.version()), true);
        }
        if (precondition.mustBeNew()) {
            throw new PreconditionFailed("There is a card " + name + " already.");
        }
        Long expected = precondition.mustExist() && precondition.version() != -1 ? precondition.version() : null;
        try {
            Contact changed = contacts.change(existing.get(), current -> card.photo() != null ? card
                    : card.withPhoto(current.photo()), expected);
            return new Written(new CardTag(name, changed.version()), false);
        } catch (ContactEditConflict conflict) {
            throw new PreconditionFailed("The card " + name + " changed since: read it again.");
        }
    }

    /**
     * Deletes the card of this name, if the precondition holds.
     *
     * @return false where the caller has no such card
     */
    public boolean delete(String name, Precondition precondition) {
        Optional<UUID> existing = idOf(name);
        if (existing.isEmpty()) {
            return false;
        }
        if (!precondition.holdsFor(contacts.view(existing.get()).version())) {
            throw new PreconditionFailed("The card " + name + " changed since: read it again.");
        }
        contacts.delete(existing.get());
        return true;
    }

    /** The caller's contact of this name: the one a client named so, else the one of this id not named otherwise. */
    private Optional<UUID> idOf(String name) {
        UUID user = caller.id().value();
        Optional<UUID> named = em.createQuery("SELECT c.id FROM Contact c WHERE c.davName = :name AND "
                        + Contact.ACCESSIBLE_BY_USER + " ORDER BY c.id", UUID.class).setParameter("name", name)
                .setParameter("user", user).setMaxResults(1).getResultStream().findFirst();
        if (named.isPresent()) {
            return named;
        }
        return idIn(name).flatMap(contactId -> em.createQuery("SELECT c.id FROM Contact c WHERE c.id = :id "
                        + "AND c.davName IS NULL AND " + Contact.ACCESSIBLE_BY_USER, UUID.class)
                .setParameter("id", contactId).setParameter("user", user).getResultStream().findFirst());
    }

    /** The id a name of the form {@code {id}.vcf} holds. */
    private static Optional<UUID> idIn(String name) {
        Matcher id = ID_NAME.matcher(name);
        if (!id.matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(UUID.fromString(id.group(1)));
        } catch (IllegalArgumentException notAnId) {
            return Optional.empty();
        }
    }
}
