package dev.kontak.web.api;

import dev.kontak.contacts.entity.ContactDetails;
import dev.kontak.contacts.entity.EmailAddress;
import dev.kontak.contacts.entity.PartialDate;
import dev.kontak.contacts.entity.PhoneNumber;
import dev.kontak.contacts.entity.WebAddress;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The body of {@code POST /api/contacts} and {@code PUT /api/contacts/{id}}: a contact as vCard-shaped JSON, or in
 * the quick form of the first API ({@code email}, {@code phone}, {@code company} without the lists and
 * {@code organization}), which stands for the first e-mail and phone and the organisation: a PUT in the quick form
 * changes those and leaves the rest of the card as it is, any other PUT replaces the whole card. {@code version},
 * on a PUT, is the version the client last saw: without one the update overwrites whatever is there; with one, a
 * newer save answers 409.
 */
public record ContactInput(String name, ContactView.Name nameParts, String nickname, String email, String phone,
        String company, List<ContactView.Email> emails, List<ContactView.Phone> phones,
        List<ContactView.Address> addresses, List<ContactView.Web> urls, String organization, String department,
        String title, String birthday, String anniversary, List<String> labels, Boolean favourite, String notes,
        Long version) {

    /** @throws InvalidParameter for a birthday or anniversary that is no date */
    ContactDetails details() {
        ContactDetails quick = ContactDetails.of(name, email, phone, company, notes);
        return new ContactDetails(name, nameParts == null ? null : nameParts.structured(), nickname,
                emails == null ? quick.emails() : each(emails, e -> new EmailAddress(e.label(), e.address())),
                phones == null ? quick.phones() : each(phones, p -> new PhoneNumber(p.label(), p.number())),
                addresses == null ? List.of() : each(addresses, ContactView.Address::postal),
                urls == null ? List.of() : each(urls, u -> new WebAddress(u.label(), u.url())),
                organization == null ? company : organization, department, title, date("birthday", birthday),
                date("anniversary", anniversary), labels == null ? null : new TreeSet<>(labels),
                Boolean.TRUE.equals(favourite), notes, null, null);
    }

    boolean usesQuickFields() {
        return (email != null || phone != null || company != null) && emails == null && phones == null
                && organization == null;
    }

    /** What a PUT in the quick form makes of the contact's current card. */
    ContactDetails appliedTo(ContactDetails current) {
        return current.withQuick(name, email, phone, company, notes);
    }

    private static <T, R> List<R> each(List<T> items, Function<T, R> converted) {
        return items.stream().filter(Objects::nonNull).map(converted).toList();
    }

    private static PartialDate date(String field, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return PartialDate.parse(text);
        } catch (IllegalArgumentException invalid) {
            throw new InvalidParameter(field, invalid.getMessage());
        }
    }
}
