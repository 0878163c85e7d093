package dev.kontak.contacts.control;

import dev.kontak.contacts.entity.Contact;
import dev.kontak.kernel.UserId;
import dev.kontak.kernel.rls.AcrossUsers;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Collection;
import java.util.List;

/**
 * Which contacts hold some e-mail addresses (lower-cased) or E.164 phone numbers, whoever they belong to: one look-up
 * in each index, read across users because under row level security the policy of every e-mail and phone row would
 * be checked first (lower() is not leakproof, so PostgreSQL cannot use the index before it), which costs O(the user's
 * contacts) per look-up. What it finds is only ever used after {@code ContactBook.holding} kept the caller's.
 */
@ApplicationScoped
public class CardHolders {

    @PersistenceContext
    EntityManager em;

    /** Rows of (lower-cased address, contact id). */
    @AcrossUsers
    public List<Object[]> ofEmails(Collection<String> lowerCased) {
        return em.createQuery("SELECT LOWER(e.address), c.id FROM Contact c JOIN c.emails e WHERE LOWER(e.address) IN "
                + ":emails", Object[].class).setParameter("emails", List.copyOf(lowerCased)).getResultList();
    }

    /**
     * Rows of (contact id, lower-cased address) of every e-mail of the contacts this user may access: scoped to the
     * user by the query itself ({@link Contact#ACCESSIBLE_BY_USER}), as row level security would, at the cost of one
     * scan instead of a policy check per row.
     */
    @AcrossUsers
    public List<Object[]> emailsAccessibleBy(UserId user) {
        return em.createQuery("SELECT c.id, LOWER(e.address) FROM Contact c JOIN c.emails e WHERE "
                + Contact.ACCESSIBLE_BY_USER, Object[].class).setParameter("user", user.value()).getResultList();
    }

    /** As {@link #emailsAccessibleBy}: rows of (contact id, E.164 number) of every phone that has one. */
    @AcrossUsers
    public List<Object[]> phonesAccessibleBy(UserId user) {
        return em.createQuery("SELECT c.id, p.e164 FROM Contact c JOIN c.phones p WHERE p.e164 IS NOT NULL AND "
                + Contact.ACCESSIBLE_BY_USER, Object[].class).setParameter("user", user.value()).getResultList();
    }

    /** As {@link #emailsAccessibleBy}: every label the user's contacts are filed under, once, in order. */
    @AcrossUsers
    public List<String> labelsAccessibleBy(UserId user) {
        return em.createQuery("SELECT DISTINCT l FROM Contact c JOIN c.labels l WHERE " + Contact.ACCESSIBLE_BY_USER,
                String.class).setParameter("user", user.value()).getResultStream().sorted().toList();
    }

    /** Rows of (E.164 number, contact id). */
    @AcrossUsers
    public List<Object[]> ofPhones(Collection<String> e164s) {
        return em.createQuery("SELECT p.e164, c.id FROM Contact c JOIN c.phones p WHERE p.e164 IN :phones",
                Object[].class).setParameter("phones", List.copyOf(e164s)).getResultList();
    }
}
