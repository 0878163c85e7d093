package dev.kontak.contacts.entity;

/** A file that is no photo Kontak keeps (not a JPEG or PNG, too large, unreadable), with what to do instead. */
public class InvalidPhoto extends IllegalArgumentException {

    public InvalidPhoto(String message) {
        super(message);
    }
}
