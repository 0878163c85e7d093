package dev.kontak.contacts.boundary;

import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** Contacts that are probably one person, and why: they share an e-mail or a phone, or their names are alike. */
public record DuplicateGroup(List<Candidate> contacts, Set<Reason> reasons) {

    public DuplicateGroup {
        contacts = List.copyOf(contacts);
        reasons = Collections.unmodifiableSet(EnumSet.copyOf(reasons));
    }

    public List<UUID> ids() {
        return contacts.stream().map(Candidate::id).toList();
    }

    /** What ties a group together. */
    public enum Reason {
        EMAIL, PHONE, NAME
    }

    /** One of the contacts, as a list shows it. */
    public record Candidate(UUID id, String name, String email, String phone, String organization, UUID ownerId,
            long version) {
    }
}
