package dev.kontak.contacts.boundary;

/** A page cursor Kontak did not give out for this user and this list: altered, cut short, or garbled. */
public class CursorRefused extends RuntimeException {

    public static final String MESSAGE = "This page link is not one Kontak gave out for this list (it was changed or cut "
            + "short). Start again from the first page.";

    public CursorRefused() {
        super(MESSAGE);
    }
}
