package dev.kontak.contacts.entity;

/** The label of an e-mail, phone, address or web address: blank is none, the rest as typed without edge spaces. */
final class Labels {

    static final int MAX_LENGTH = 50;

    private Labels() {
    }

    static String of(String label) {
        return label == null || label.isBlank() ? null : label.strip();
    }
}
