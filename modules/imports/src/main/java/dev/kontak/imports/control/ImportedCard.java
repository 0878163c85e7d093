package dev.kontak.imports.control;

import dev.kontak.contacts.entity.ContactDetails;

/**
 * One card of a vCard file or one row of a CSV file: the contact it holds, or why it holds none.
 *
 * @param line where the card or row begins in the file, counted from 1
 * @param details null when the card holds no contact
 * @param problem a sentence for the person importing: why the card holds no contact, or, beside its details, what
 *                was left out of it (a photo that cannot be kept); null for a card taken whole
 */
public record ImportedCard(int line, ContactDetails details, String problem) {

    public ImportedCard {
        if (details == null && problem == null) {
            throw new IllegalArgumentException("A card without details has a problem.");
        }
    }

    static ImportedCard of(int line, ContactDetails details) {
        return new ImportedCard(line, details, null);
    }

    static ImportedCard problem(int line, String problem) {
        return new ImportedCard(line, null, problem);
    }
}
