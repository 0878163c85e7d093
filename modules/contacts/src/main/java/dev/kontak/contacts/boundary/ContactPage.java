package dev.kontak.contacts.boundary;

import dev.kontak.contacts.entity.Contact;
import java.util.List;

/** One page of a contact list, newest first. Pages count from 1. */
public record ContactPage(List<Contact> contacts, int page, int size, long total) {

    public boolean hasPrevious() {
        return page > 1;
    }

    public boolean hasNext() {
        return (long) page * size < total;
    }
}
