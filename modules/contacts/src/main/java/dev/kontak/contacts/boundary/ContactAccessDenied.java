package dev.kontak.contacts.boundary;

import dev.kontak.contacts.events.ContactOperation;
import java.util.UUID;

/**
 * The user may not touch this contact, or it does not exist: the same answer for both, so that nobody learns which
 * contacts exist.
 */
public class ContactAccessDenied extends RuntimeException {

    public static final String MESSAGE = "Access denied: Contact not found in your authorized list.";

    private final UUID contactId;
    private final ContactOperation operation;

    public ContactAccessDenied(UUID contactId, ContactOperation operation) {
        super(MESSAGE);
        this.contactId = contactId;
        this.operation = operation;
    }

    public UUID contactId() {
        return contactId;
    }

    public ContactOperation operation() {
        return operation;
    }
}
