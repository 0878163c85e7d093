package dev.kontak.contacts.entity;

import dev.kontak.kernel.columns.StorableText;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * What a person keeps about a contact, shaped like a vCard 4.0 card: a display name (FN; made of the name's parts
 * when left blank), the name's parts (N), nickname, any number of labelled e-mails, phones, postal and web
 * addresses, organisation, department and title, birthday and anniversary (the year may be unknown), the labels the
 * user files the contact under, favourite, notes, and a photo. Everything but a name is optional.
 * {@code otherProperties} are the vCard properties of a card Kontak has no field for (a phone's UID, X- properties),
 * as a vCard of only those properties, kept as a client sent them and written back with the card.
 */
public record ContactDetails(
        @NotBlank(message = "Enter a name.")
        @Size(max = 200, message = "Use at most 200 characters.")
        @StorableText
        String name,

        @Valid
        StructuredName structuredName,

        @Size(max = 200, message = "Use at most 200 characters.")
        @StorableText
        String nickname,

        @Size(max = MAX_EACH, message = "Keep at most 50 e-mail addresses.")
        List<@Valid @NotNull EmailAddress> emails,

        @Size(max = MAX_EACH, message = "Keep at most 50 phone numbers.")
        List<@Valid @NotNull PhoneNumber> phones,

        @Size(max = MAX_EACH, message = "Keep at most 50 addresses.")
        List<@Valid @NotNull PostalAddress> addresses,

        @Size(max = MAX_EACH, message = "Keep at most 50 web addresses.")
        List<@Valid @NotNull WebAddress> urls,

        @Size(max = 200, message = "Use at most 200 characters.")
        @StorableText
        String organization,

        @Size(max = 200, message = "Use at most 200 characters.")
        @StorableText
        String department,

        @Size(max = 200, message = "Use at most 200 characters.")
        @StorableText
        String title,

        PartialDate birthday,

        PartialDate anniversary,

        @Size(max = MAX_EACH, message = "Use at most 50 labels.")
        SortedSet<@NotBlank @Size(max = 100, message = "Use at most 100 characters for a label.") @StorableText String> labels,

        boolean favourite,

        @Size(max = 10000, message = "Use at most 10,000 characters.")
        @StorableText
        String notes,

        Photo photo,

        @Size(max = MAX_OTHER_PROPERTIES, message = "Keep at most 64 KB of other vCard properties.")
        String otherProperties) {

    public static final int MAX_EACH = 50;
    public static final int MAX_OTHER_PROPERTIES = 65_536;

    public ContactDetails {
        structuredName = structuredName == null ? StructuredName.none() : structuredName;
        name = name == null || name.isBlank() ? structuredName.spoken() : name.strip();
        nickname = Texts.blankToNull(nickname);
        emails = List.copyOf(emails == null ? List.of() : emails);
        phones = List.copyOf(phones == null ? List.of() : phones);
        addresses = addresses == null ? List.of() : addresses.stream().filter(Objects::nonNull)
                .filter(address -> !address.isEmpty()).toList();
        urls = List.copyOf(urls == null ? List.of() : urls);
        organization = Texts.blankToNull(organization);
        department = Texts.blankToNull(department);
        title = Texts.blankToNull(title);
        SortedSet<String> filed = new TreeSet<>();
        if (labels != null) {
            labels.stream().map(Texts::blankToNull).filter(Objects::nonNull).forEach(filed::add);
        }
        labels = Collections.unmodifiableSortedSet(filed);
        notes = Texts.blankToNull(notes);
        otherProperties = Texts.blankToNull(otherProperties);
    }

    /** The quick form: a name, one e-mail, one phone, an organisation and notes, any of them blank. */
    public static ContactDetails of(String name, String email, String phone, String organization, String notes) {
        return new ContactDetails(name, null, null,
                email == null || email.isBlank() ? List.of() : List.of(new EmailAddress(null, email)),
                phone == null || phone.isBlank() ? List.of() : List.of(new PhoneNumber(null, phone)),
                List.of(), List.of(), organization, null, null, null, null, null, false, notes, null, null);
    }

    /**
     * These details with what the quick form shows replaced: the name, the first e-mail and phone (their labels
     * kept; a blank one removed), the organisation and the notes. The rest of the card stays as it is.
     */
    public ContactDetails withQuick(String name, String email, String phone, String organization, String notes) {
        return new ContactDetails(name, structuredName, nickname,
                first(emails, email == null || email.isBlank() ? null
                        : new EmailAddress(emails.isEmpty() ? null : emails.get(0).label(), email)),
                first(phones, phone == null || phone.isBlank() ? null
                        : new PhoneNumber(phones.isEmpty() ? null : phones.get(0).label(), phone)),
                addresses, urls, organization, department, title, birthday, anniversary, labels, favourite, notes,
                photo, otherProperties);
    }

    /** The quick form's field for a path of these details' errors: {@code emails[0].address} is {@code email}. */
    public static String quickField(String path) {
        return switch (path) {
            case "emails[0].address" -> "email";
            case "phones[0].number" -> "phone";
            case "organization" -> "company";
            default -> path;
        };
    }

    private static <T> List<T> first(List<T> all, T replacement) {
        List<T> rest = all.isEmpty() ? List.of() : all.subList(1, all.size());
        if (replacement == null) {
            return rest;
        }
        return Stream.concat(Stream.of(replacement), rest.stream()).toList();
    }

    /** The first e-mail address, or null: what lists show and searches look in. */
    public String email() {
        return emails.isEmpty() ? null : emails.get(0).address();
    }

    /** The first phone number as typed, or null. */
    public String phone() {
        return phones.isEmpty() ? null : phones.get(0).number();
    }

    /**
     * These details with every e-mail, phone, postal and web address and label of {@code other} added that they do
     * not have: one of each e-mail whatever its case, one of each phone whatever its spacing, these details' first.
     */
    public ContactDetails withListsOf(ContactDetails other) {
        SortedSet<String> allLabels = new TreeSet<>(labels);
        allLabels.addAll(other.labels);
        return new ContactDetails(name, structuredName, nickname,
                union(emails, other.emails, email -> email.address().toLowerCase(Locale.ROOT)),
                union(phones, other.phones, PhoneNumber::key), union(addresses, other.addresses, address -> address),
                union(urls, other.urls, WebAddress::url), organization, department, title, birthday, anniversary,
                allLabels, favourite, notes, photo, otherProperties);
    }

    private static <T> List<T> union(List<T> kept, List<T> added, Function<T, ?> key) {
        Map<Object, T> all = new LinkedHashMap<>();
        kept.forEach(value -> all.putIfAbsent(key.apply(value), value));
        added.forEach(value -> all.putIfAbsent(key.apply(value), value));
        return List.copyOf(all.values());
    }

    public ContactDetails withLabels(SortedSet<String> filedUnder) {
        return new ContactDetails(name, structuredName, nickname, emails, phones, addresses, urls, organization,
                department, title, birthday, anniversary, filedUnder, favourite, notes, photo, otherProperties);
    }

    /** These details with the phones as {@code numbers} parsed them. */
    public ContactDetails withPhones(List<PhoneNumber> numbers) {
        return new ContactDetails(name, structuredName, nickname, emails, numbers, addresses, urls, organization,
                department, title, birthday, anniversary, labels, favourite, notes, photo, otherProperties);
    }

    /**
     * These details with what the edit form and the API's card do not carry taken from {@code current}: its photo
     * and its other vCard properties.
     */
    public ContactDetails keepingWhatIsNotShownOf(ContactDetails current) {
        return new ContactDetails(name, structuredName, nickname, emails, phones, addresses, urls, organization,
                department, title, birthday, anniversary, labels, favourite, notes, current.photo,
                current.otherProperties);
    }

    /** These details with another photo, or none. */
    public ContactDetails withPhoto(Photo picture) {
        return new ContactDetails(name, structuredName, nickname, emails, phones, addresses, urls, organization,
                department, title, birthday, anniversary, labels, favourite, notes, picture, otherProperties);
    }
}
