package dev.kontak.metadata.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.UUID;

/** Every user's id, in id order: what the runs over all users go through, a batch at a time. */
@ApplicationScoped
@Transactional
public class UserIds {

    @PersistenceContext
    EntityManager em;

    public int count() {
        return em.createQuery("SELECT COUNT(a) FROM Account a", Long.class).getSingleResult().intValue();
    }

    /** The next {@code size} users after {@code after} (from the first when null). */
    public List<UUID> after(UUID after, int size) {
        return (after == null
                ? em.createQuery("SELECT a.id FROM Account a ORDER BY a.id", UUID.class)
                : em.createQuery("SELECT a.id FROM Account a WHERE a.id > :after ORDER BY a.id", UUID.class)
                        .setParameter("after", after))
                .setMaxResults(size).getResultList();
    }
}
