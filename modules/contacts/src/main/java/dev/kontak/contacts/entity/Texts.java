package dev.kontak.contacts.entity;

/** How typed text is kept: without the spaces at its edges, and blank as absent. */
final class Texts {

    /** The longest label of an e-mail, phone, address or web address. */
    static final int LABEL_LENGTH = 50;

    private Texts() {
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
