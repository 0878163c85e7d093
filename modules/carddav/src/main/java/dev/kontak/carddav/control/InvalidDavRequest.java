package dev.kontak.carddav.control;

/** A request Kontak cannot read (400) or will not (413), answered with its status and why; nothing is written. */
public class InvalidDavRequest extends RuntimeException {

    private final int status;

    public InvalidDavRequest(int status, String message) {
        super(message);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
