package dev.kontak.contacts.events;

import dev.kontak.contacts.entity.ContactState;
import dev.kontak.kernel.UserId;
import java.util.UUID;

/**
 * A contact, or its activity timeline, changed. {@code before} is null for a new contact; {@code after} is null for
 * a deleted one, and a deletion is reported before the row is removed, while who could access it is still known.
 */
public record ContactChanged(Kind kind, UserId actor, ContactState before, ContactState after) {

    /** What happened. */
    public enum Kind {
        CREATED, UPDATED, DELETED, SHARED, UNSHARED, ACTIVITY_LOGGED, ACTIVITY_EDITED, ACTIVITY_DELETED;

        public boolean isActivity() {
            return this == ACTIVITY_LOGGED || this == ACTIVITY_EDITED || this == ACTIVITY_DELETED;
        }
    }

    public UUID contactId() {
        return after != null ? after.id() : before.id();
    }
}
