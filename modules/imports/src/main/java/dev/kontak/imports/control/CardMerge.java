package dev.kontak.imports.control;

import dev.kontak.contacts.entity.ContactDetails;
import dev.kontak.contacts.entity.EmailAddress;
import dev.kontak.contacts.entity.StructuredName;
import java.util.List;
import java.util.Locale;

/**
 * What an import's "update" makes of a contact and a matching row: the row's value of each field where it has one,
 * the contact's where it has none, and every e-mail, phone, address, web address and label of both (one of each
 * e-mail whatever its case, one of each phone whatever its spacing), the row's photo and other vCard properties where it has them. Nothing the
 * contact had is lost.
 */
public final class CardMerge {

    private CardMerge() {
    }

    public static ContactDetails merge(ContactDetails contact, ContactDetails row) {
        StructuredName name = row.structuredName().spoken().isEmpty() ? contact.structuredName() : row.structuredName();
        ContactDetails lists = contact.withListsOf(row);
        return new ContactDetails(row.name(), name, either(row.nickname(), contact.nickname()), lists.emails(),
                lists.phones(), lists.addresses(), lists.urls(), either(row.organization(), contact.organization()),
                either(row.department(), contact.department()), either(row.title(), contact.title()),
                either(row.birthday(), contact.birthday()), either(row.anniversary(), contact.anniversary()),
                lists.labels(), contact.favourite() || row.favourite(), either(row.notes(), contact.notes()),
                either(row.photo(), contact.photo()), either(row.otherProperties(), contact.otherProperties()));
    }

    private static <T> T either(T preferred, T otherwise) {
        return preferred != null ? preferred : otherwise;
    }

    /** The e-mail addresses a row or contact is matched by: lower-cased. */
    static List<String> emailKeys(ContactDetails card) {
        return card.emails().stream().map(EmailAddress::address).map(address -> address.toLowerCase(Locale.ROOT))
                .toList();
    }
}
