package dev.kontak.web.api;

/** A path or query parameter, or an id in a body, that cannot be read: answered 400 on that field. */
public class InvalidParameter extends RuntimeException {

    private final String name;

    public InvalidParameter(String name, String message) {
        super(message);
        this.name = name;
    }

    public String name() {
        return name;
    }
}
