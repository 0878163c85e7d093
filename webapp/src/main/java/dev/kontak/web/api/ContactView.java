package dev.kontak.web.api;

import dev.kontak.contacts.entity.Contact;
import dev.kontak.contacts.entity.ContactDetails;
import dev.kontak.contacts.entity.PartialDate;
import dev.kontak.contacts.entity.PhoneNumber;
import dev.kontak.contacts.entity.PostalAddress;
import dev.kontak.contacts.entity.StructuredName;
import java.time.Instant;
import java.util.List;
import java.util.SortedSet;
import java.util.UUID;
import java.util.function.Function;

/**
 * A contact as API clients see it, shaped like a vCard card; {@code email}, {@code phone} and {@code company} repeat
 * the first e-mail and phone and the organisation for clients of the first API. {@code photo} is where the photo is
 * ({@link ContactPhotosResource}), null for none. {@code version} goes back in a PUT to detect concurrent edits.
 */
public record ContactView(UUID id, UUID ownerId, UUID teamId, String name, Name nameParts, String nickname,
        String email, String phone, String company, List<Email> emails, List<Phone> phones, List<Address> addresses,
        List<Web> urls, String organization, String department, String title, String birthday, String anniversary,
        SortedSet<String> labels, boolean favourite, String notes, String photo, int activityCount, Instant lastActivityAt,
        Instant createdAt, Instant updatedAt, long version) {

    public record Name(String prefix, String given, String additional, String family, String suffix) {

        StructuredName structured() {
            return new StructuredName(prefix, given, additional, family, suffix);
        }
    }

    public record Email(String label, String address) {
    }

    /** {@code e164} and {@code formatted} only where the number is a valid one. */
    public record Phone(String label, String number, String e164, String formatted) {
    }

    public record Address(String label, String poBox, String extended, String street, String locality, String region,
            String postalCode, String country) {

        PostalAddress postal() {
            return new PostalAddress(label, poBox, extended, street, locality, region, postalCode, country);
        }
    }

    public record Web(String label, String url) {
    }

    /** @param formatted how a phone number is shown (internationally formatted where valid) */
    static ContactView of(Contact contact, Function<PhoneNumber, String> formatted) {
        ContactDetails card = contact.details();
        StructuredName parts = card.structuredName();
        return new ContactView(contact.id(), contact.ownerId(), contact.teamId(), card.name(),
                new Name(parts.prefix(), parts.given(), parts.additional(), parts.family(), parts.suffix()),
                card.nickname(), card.email(), card.phone(), card.organization(),
                card.emails().stream().map(e -> new Email(e.label(), e.address())).toList(),
                card.phones().stream().map(p -> new Phone(p.label(), p.number(), p.e164(),
                        p.e164() == null ? null : formatted.apply(p))).toList(),
                card.addresses().stream().map(a -> new Address(a.label(), a.poBox(), a.extended(), a.street(),
                        a.locality(), a.region(), a.postalCode(), a.country())).toList(),
                card.urls().stream().map(u -> new Web(u.label(), u.url())).toList(), card.organization(),
                card.department(), card.title(), text(card.birthday()), text(card.anniversary()), card.labels(),
                card.favourite(), card.notes(),
                card.photo() == null ? null : "/api/contacts/" + contact.id() + "/photo", contact.activityCount(), contact.lastActivityAt(), contact.createdAt(),
                contact.updatedAt(), contact.version());
    }

    private static String text(PartialDate date) {
        return date == null ? null : date.toString();
    }
}
