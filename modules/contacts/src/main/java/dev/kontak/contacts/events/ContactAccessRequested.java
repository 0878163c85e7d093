package dev.kontak.contacts.events;

import dev.kontak.kernel.UserId;
import java.util.UUID;

/**
 * Fired before any operation on an existing contact, in the operation's transaction and before anything is
 * written. An observer refuses by throwing {@link dev.kontak.contacts.boundary.ContactAccessDenied}.
 */
public record ContactAccessRequested(UserId user, UUID contactId, ContactOperation operation) {
}
