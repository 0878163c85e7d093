package dev.kontak.contacts.boundary;

/** The most e-mails, phones, addresses and web addresses any one of a user's contacts has: a CSV export's columns. */
public record CardWidths(int emails, int phones, int addresses, int urls) {
}
