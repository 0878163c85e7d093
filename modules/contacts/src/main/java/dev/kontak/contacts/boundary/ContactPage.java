package dev.kontak.contacts.boundary;

import dev.kontak.contacts.entity.Contact;
import java.util.List;

/**
 * One page of a contact list, in {@code order}; {@code next} and {@code previous} are where the neighbouring pages
 * start, or null when there is none. No count: counting a list costs a scan of it (see {@link ContactBook#count}).
 */
public record ContactPage(List<Contact> contacts, ContactOrder order, ContactCursor next, ContactCursor previous) {

    public boolean hasNext() {
        return next != null;
    }

    public boolean hasPrevious() {
        return previous != null;
    }
}
