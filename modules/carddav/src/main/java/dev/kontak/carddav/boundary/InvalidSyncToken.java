package dev.kontak.carddav.boundary;

/** A sync token Kontak cannot answer from (not its own, or older than what it keeps): the client syncs again. */
public class InvalidSyncToken extends RuntimeException {

    public InvalidSyncToken(String message) {
        super(message);
    }
}
