package dev.kontak.contacts.boundary;

/** A team operation that is not allowed, in words the user can act on. */
public class TeamRefused extends RuntimeException {

    public TeamRefused(String message) {
        super(message);
    }
}
