package dev.kontak.contacts.events;

import dev.kontak.kernel.UserId;
import java.util.Collections;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.UUID;

/**
 * As {@link ContactAccessRequested} for many contacts at once (a bulk action): fired in the operation's transaction
 * before anything is written. An observer refuses a contact by {@link #deny denying} it; the others may proceed.
 */
public final class ContactsAccessRequested {

    private final UserId user;
    private final SortedSet<UUID> contactIds;
    private final ContactOperation operation;
    private final SortedSet<UUID> denied = new TreeSet<>();

    public ContactsAccessRequested(UserId user, SortedSet<UUID> contactIds, ContactOperation operation) {
        this.user = user;
        this.contactIds = Collections.unmodifiableSortedSet(new TreeSet<>(contactIds));
        this.operation = operation;
    }

    public UserId user() {
        return user;
    }

    /** In id order, the order their rows are locked in. */
    public SortedSet<UUID> contactIds() {
        return contactIds;
    }

    public ContactOperation operation() {
        return operation;
    }

    public void deny(UUID contactId) {
        denied.add(contactId);
    }

    public SortedSet<UUID> denied() {
        return Collections.unmodifiableSortedSet(denied);
    }
}
