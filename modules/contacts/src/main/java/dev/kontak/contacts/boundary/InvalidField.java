package dev.kontak.contacts.boundary;

/** A request that says nothing Kontak can do (a merge, a bulk action), answered on its field; nothing is written. */
public class InvalidField extends IllegalArgumentException {

    private final String field;

    public InvalidField(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
