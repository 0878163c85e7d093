package dev.kontak.contacts.events;

import dev.kontak.kernel.UserId;
import java.util.List;

/**
 * Many contacts changed in one transaction (an import's batch, an undo, a bulk action): observers handle them
 * together, so that each affected user's metadata is locked and written once, not once per contact.
 */
public record ContactsChanged(UserId actor, List<ContactChanged> changes) {

    public ContactsChanged {
        changes = List.copyOf(changes);
    }
}
