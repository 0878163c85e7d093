package dev.kontak.contacts.entity;

/** How typed text is kept: without the spaces at its edges, and blank as absent. */
final class Texts {

    private Texts() {
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
