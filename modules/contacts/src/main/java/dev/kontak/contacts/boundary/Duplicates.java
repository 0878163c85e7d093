package dev.kontak.contacts.boundary;

import dev.kontak.contacts.boundary.DuplicateGroup.Candidate;
import dev.kontak.contacts.boundary.DuplicateGroup.Reason;
import dev.kontak.contacts.control.CardHolders;
import dev.kontak.contacts.control.SimilarNames;
import dev.kontak.contacts.control.TiedGroups;
import dev.kontak.contacts.entity.Contact;
import dev.kontak.kernel.UserId;
import dev.kontak.kernel.rls.ActingUser;
import dev.kontak.kernel.rls.ActsForCaller;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The caller's probable duplicates among the contacts they may access: contacts that share an e-mail address
 * (whatever its case) or a phone number (its E.164 form), or whose names are at least
 * {@code kontak.duplicates.name-similarity} alike ({@link SimilarNames}), grouped with whatever they are tied to
 * in turn. Three reads (the contacts, their e-mails, their phones) and work in memory that grows with the number
 * of contacts, not of pairs.
 */
@ApplicationScoped
@Transactional
@ActsForCaller
public class Duplicates {

    @PersistenceContext
    EntityManager em;

    @Inject
    ActingUser caller;

    @Inject
    CardHolders holders;

    @Inject
    @ConfigProperty(name = "kontak.duplicates.name-similarity", defaultValue = "0.6")
    double nameSimilarity;

    private SimilarNames similarNames;

    @PostConstruct
    void checkConfiguration() {
        similarNames = new SimilarNames(nameSimilarity);
    }

    /** Every group, the largest first, then by name. */
    public List<DuplicateGroup> find() {
        UserId user = caller.id();
        List<Candidate> contacts = em.createQuery("SELECT c.id, c.name, c.email, c.phone, c.company, c.ownerId, "
                        + "c.version FROM Contact c WHERE " + Contact.ACCESSIBLE_BY_USER, Object[].class)
                .setParameter("user", user.value()).getResultStream()
                .map(row -> new Candidate((UUID) row[0], (String) row[1], (String) row[2], (String) row[3],
                        (String) row[4], (UUID) row[5], ((Number) row[6]).longValue())).toList();
        Groups groups = new Groups(contacts);
        groups.tieSharing(holders.emailsAccessibleBy(user), Reason.EMAIL);
        groups.tieSharing(holders.phonesAccessibleBy(user), Reason.PHONE);
        similarNames.ties(contacts.stream().map(Candidate::name).toList())
                .forEach(pair -> groups.tie(pair.left(), pair.right(), Reason.NAME));
        return groups.all();
    }

    /** Contacts tied into groups ({@link TiedGroups} over their positions), with the reasons each group is tied by. */
    private static final class Groups {
        private final List<Candidate> contacts;
        private final Map<UUID, Integer> positions = new HashMap<>();
        private final TiedGroups tied;
        private final Map<Integer, Set<Reason>> reasons = new HashMap<>();

        Groups(List<Candidate> contacts) {
            this.contacts = contacts;
            this.tied = new TiedGroups(contacts.size());
            for (int i = 0; i < contacts.size(); i++) {
                positions.put(contacts.get(i).id(), i);
            }
        }

        /** @param rows of (contact id, key): contacts with the same key are tied */
        void tieSharing(List<Object[]> rows, Reason reason) {
            Map<Object, Integer> firstHolder = new HashMap<>();
            for (Object[] row : rows) {
                Integer position = positions.get((UUID) row[0]);
                Integer first = position == null ? null : firstHolder.putIfAbsent(row[1], position);
                if (first != null && !first.equals(position)) {
                    tie(first, position, reason);
                }
            }
        }

        void tie(int left, int right, Reason reason) {
            Set<Reason> tiedBy = EnumSet.of(reason);
            for (int old : new int[] {tied.root(left), tied.root(right)}) {
                Set<Reason> had = reasons.remove(old);
                if (had != null) {
                    tiedBy.addAll(had);
                }
            }
            reasons.put(tied.join(left, right), tiedBy);
        }

        List<DuplicateGroup> all() {
            Map<Integer, List<Candidate>> members = new HashMap<>();
            for (int i = 0; i < contacts.size(); i++) {
                if (reasons.containsKey(tied.root(i))) {
                    members.computeIfAbsent(tied.root(i), root -> new ArrayList<>()).add(contacts.get(i));
                }
            }
            Comparator<Candidate> byName = Comparator.comparing(candidate -> candidate.name().toLowerCase(Locale.ROOT));
            List<DuplicateGroup> groups = new ArrayList<>();
            members.forEach((root, group) -> {
                group.sort(byName.thenComparing(Candidate::id));
                groups.add(new DuplicateGroup(group, reasons.get(root)));
            });
            groups.sort(Comparator.comparing((DuplicateGroup group) -> -group.contacts().size())
                    .thenComparing(group -> group.contacts().get(0), byName.thenComparing(Candidate::id)));
            return groups;
        }
    }
}
