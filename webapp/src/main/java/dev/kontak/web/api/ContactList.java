package dev.kontak.web.api;

import dev.kontak.contacts.boundary.ContactPage;
import java.util.List;

/** One page of the caller's contacts, newest first; pages count from 1. */
public record ContactList(List<ContactView> items, int page, int size, long total, boolean hasNext) {

    static ContactList of(ContactPage page) {
        return new ContactList(page.contacts().stream().map(ContactView::of).toList(), page.page(), page.size(),
                page.total(), page.hasNext());
    }
}
