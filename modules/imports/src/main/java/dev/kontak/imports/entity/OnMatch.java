package dev.kontak.imports.entity;

import java.util.Locale;

/** What an import does with a row whose e-mail or phone matches a contact the user may edit. */
public enum OnMatch {
    /** Leaves the contact as it is and reports the row as skipped. */
    SKIP,
    /** Adds the row's values to the contact: its fields where it has them, its e-mails, phones and addresses added. */
    UPDATE,
    /** Creates a new contact anyway. */
    CREATE;

    /** @throws IllegalArgumentException naming the choices, for anything else; blank is {@link #SKIP} */
    public static OnMatch of(String text) {
        if (text == null || text.isBlank()) {
            return SKIP;
        }
        try {
            return valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("onMatch must be skip, update or create.", e);
        }
    }

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
