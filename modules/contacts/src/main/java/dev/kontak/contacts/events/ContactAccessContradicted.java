package dev.kontak.contacts.events;

import dev.kontak.kernel.UserId;
import java.util.UUID;

/**
 * Fired when an operation that the user's metadata allowed ({@link ContactAccessRequested} passed) finds that the
 * data does not grant it: the contact is gone, or neither owned by the user nor shared with one of their teams.
 * The operation is refused all the same (the boundary throws after firing this); observers record the refusal and
 * have the metadata checked, since it disagrees with the data. In the operation's transaction, before anything is
 * written.
 */
public record ContactAccessContradicted(UserId user, UUID contactId, ContactOperation operation) {
}
