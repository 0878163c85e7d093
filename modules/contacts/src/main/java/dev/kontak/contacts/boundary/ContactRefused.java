package dev.kontak.contacts.boundary;

/** The user may access the contact or team, but not do this with it (say, delete a contact someone else owns). */
public class ContactRefused extends RuntimeException {

    public ContactRefused(String message) {
        super(message);
    }
}
