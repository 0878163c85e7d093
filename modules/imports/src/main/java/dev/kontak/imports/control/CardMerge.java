package dev.kontak.imports.control;

import dev.kontak.contacts.entity.ContactDetails;
import dev.kontak.contacts.entity.EmailAddress;
import dev.kontak.contacts.entity.PhoneNumber;
import dev.kontak.contacts.entity.StructuredName;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * What an import's "update" makes of a contact and a matching row: the row's value of each field where it has one,
 * the contact's where it has none, and every e-mail, phone, address, web address and label of both (one of each
 * e-mail whatever its case, one of each phone whatever its spacing). Nothing the contact had is lost.
 */
public final class CardMerge {

    private CardMerge() {
    }

    public static ContactDetails merge(ContactDetails contact, ContactDetails row) {
        StructuredName name = row.structuredName().spoken().isEmpty() ? contact.structuredName() : row.structuredName();
        TreeSet<String> labels = new TreeSet<>(contact.labels());
        labels.addAll(row.labels());
        return new ContactDetails(row.name(), name, either(row.nickname(), contact.nickname()),
                union(contact.emails(), row.emails(), email -> email.address().toLowerCase(Locale.ROOT)),
                union(contact.phones(), row.phones(), CardMerge::phoneKey),
                union(contact.addresses(), row.addresses(), address -> address),
                union(contact.urls(), row.urls(), url -> url.url()),
                either(row.organization(), contact.organization()), either(row.department(), contact.department()),
                either(row.title(), contact.title()), either(row.birthday(), contact.birthday()),
                either(row.anniversary(), contact.anniversary()), labels, contact.favourite() || row.favourite(),
                either(row.notes(), contact.notes()));
    }

    private static String phoneKey(PhoneNumber phone) {
        return phone.e164() != null ? phone.e164() : phone.number().replaceAll("[^0-9+]", "");
    }

    private static <T> T either(T preferred, T otherwise) {
        return preferred != null ? preferred : otherwise;
    }

    private static <T> List<T> union(List<T> kept, List<T> added, Function<T, ?> key) {
        Map<Object, T> all = new LinkedHashMap<>();
        kept.forEach(value -> all.putIfAbsent(key.apply(value), value));
        added.forEach(value -> all.putIfAbsent(key.apply(value), value));
        return new ArrayList<>(all.values());
    }

    /** The e-mail addresses a row or contact is matched by: lower-cased. */
    static List<String> emailKeys(ContactDetails card) {
        return card.emails().stream().map(EmailAddress::address).map(address -> address.toLowerCase(Locale.ROOT))
                .toList();
    }
}
