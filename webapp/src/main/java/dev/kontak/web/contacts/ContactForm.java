package dev.kontak.web.contacts;

import dev.kontak.contacts.entity.Contact;
import dev.kontak.contacts.entity.ContactDetails;
import dev.kontak.contacts.entity.EmailAddress;
import dev.kontak.contacts.entity.PartialDate;
import dev.kontak.contacts.entity.PhoneNumber;
import dev.kontak.contacts.entity.PostalAddress;
import dev.kontak.contacts.entity.StructuredName;
import dev.kontak.contacts.entity.WebAddress;
import dev.kontak.web.page.Parameters;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

/**
 * The whole card as the new-contact and edit-contact pages show it and as they send it: the card, with the
 * birthday, the anniversary and the labels ("friends, vip") as typed, since those may not parse. Each list is sent
 * as repeated fields in the page's order ({@code emailLabel}/{@code email}, {@code phoneLabel}/{@code phone},
 * {@code urlLabel}/{@code url}, and an address's parts); a row whose value (or every part of an address) is blank
 * is dropped, its label with it, so row {@code i} of the form is entry {@code i} of the card. Saving replaces the
 * whole card but its photo (the contact page changes it) and its other vCard properties.
 */
record ContactForm(ContactDetails card, String birthday, String anniversary, String labels) {

    static final ContactForm EMPTY = of(ContactDetails.of("", null, null, null, null));

    private static final Pattern LIST_PATH = Pattern.compile("(emails|phones|urls|addresses)\\[(\\d+)]\\.(\\w+)");

    private static final List<String> ADDRESS_PARTS =
            List.of("addressLabel", "poBox", "extended", "street", "locality", "region", "postalCode", "country");

    /** As typed: a rejected form shows exactly what was sent. */
    static ContactForm read(HttpServletRequest request) {
        StructuredName parts = new StructuredName(text(request, "prefix"), text(request, "given"),
                text(request, "additional"), text(request, "family"), text(request, "suffix"));
        ContactDetails card = new ContactDetails(text(request, "name"), parts, text(request, "nickname"),
                rows(request, "emailLabel", "email", EmailAddress::new),
                rows(request, "phoneLabel", "phone", PhoneNumber::new), addresses(request),
                rows(request, "urlLabel", "url", WebAddress::new), text(request, "company"),
                text(request, "department"), text(request, "title"), null, null,
                new TreeSet<>(Arrays.asList(text(request, "labels").split(","))),
                request.getParameter("favourite") != null, text(request, "notes"), null, null);
        return new ContactForm(card, text(request, "birthday"), text(request, "anniversary"),
                text(request, "labels"));
    }

    static ContactForm of(Contact contact) {
        return of(contact.details());
    }

    private static ContactForm of(ContactDetails card) {
        return new ContactForm(card, Objects.toString(card.birthday(), ""), Objects.toString(card.anniversary(), ""),
                String.join(", ", card.labels()));
    }

    /** The card to save, with the dates that parsed; {@link #dateErrors()} says which did not. */
    ContactDetails details() {
        return new ContactDetails(card.name(), card.structuredName(), card.nickname(), card.emails(), card.phones(),
                card.addresses(), card.urls(), card.organization(), card.department(), card.title(),
                date(birthday), date(anniversary), card.labels(), card.favourite(), card.notes(), card.photo(),
                card.otherProperties());
    }

    /** The e-mails as rows of the form, with one blank row to fill, or two after "add another" ({@code more}). */
    public List<EmailAddress> emailRows(String more) {
        return withBlanks(card.emails(), new EmailAddress(null, null), "email".equals(more));
    }

    public List<PhoneNumber> phoneRows(String more) {
        return withBlanks(card.phones(), new PhoneNumber(null, null), "phone".equals(more));
    }

    public List<PostalAddress> addressRows(String more) {
        return withBlanks(card.addresses(), new PostalAddress(null, null, null, null, null, null, null, null),
                "address".equals(more));
    }

    public List<WebAddress> urlRows(String more) {
        return withBlanks(card.urls(), new WebAddress(null, null), "url".equals(more));
    }

    private static <T> List<T> withBlanks(List<T> rows, T blank, boolean more) {
        List<T> shown = new ArrayList<>(rows);
        shown.add(blank);
        if (more) {
            shown.add(blank);
        }
        return shown;
    }

    /** Field to message for a birthday or anniversary that is no date. */
    Map<String, String> dateErrors() {
        Map<String, String> errors = new TreeMap<>();
        dateError(birthday).ifPresent(message -> errors.put("birthday", message));
        dateError(anniversary).ifPresent(message -> errors.put("anniversary", message));
        return errors;
    }

    /**
     * The form's field for a path of the card's errors, as the page names its inputs: {@code emails[0].address} is
     * {@code email}, {@code emails[2].label} is {@code emailLabel-2}, {@code structuredName.given} is {@code given}.
     */
    static String field(String path) {
        Matcher list = LIST_PATH.matcher(path);
        if (list.matches()) {
            String name = switch (list.group(1) + "." + list.group(3)) {
                case "emails.address" -> "email";
                case "emails.label" -> "emailLabel";
                case "phones.number" -> "phone";
                case "phones.label" -> "phoneLabel";
                case "urls.url" -> "url";
                case "urls.label" -> "urlLabel";
                case "addresses.label" -> "addressLabel";
                default -> list.group(3);
            };
            return rowField(name, Integer.parseInt(list.group(2)));
        }
        return switch (path) {
            case "organization" -> "company";
            default -> path.startsWith("structuredName.") ? path.substring("structuredName.".length()) : path;
        };
    }

    /** The id of a list's input in row {@code row}: the first row's is the field's name, so that it reads plainly. */
    private static String rowField(String name, int row) {
        return row == 0 ? name : name + "-" + row;
    }

    private static <T> List<T> rows(HttpServletRequest request, String labelField, String valueField,
            BiFunction<String, String, T> row) {
        String[] labels = values(request, labelField);
        String[] values = values(request, valueField);
        return IntStream.range(0, Math.max(labels.length, values.length))
                .filter(at -> !blank(at(values, at)))
                .mapToObj(at -> row.apply(at(labels, at), at(values, at))).toList();
    }

    private static List<PostalAddress> addresses(HttpServletRequest request) {
        List<String[]> parts = ADDRESS_PARTS.stream().map(part -> values(request, part)).toList();
        int rows = parts.stream().mapToInt(values -> values.length).max().orElse(0);
        List<PostalAddress> addresses = new ArrayList<>();
        for (int at = 0; at < rows; at++) {
            int row = at;
            List<String> typed = parts.stream().map(values -> at(values, row)).toList();
            if (!typed.stream().skip(1).allMatch(ContactForm::blank)) {
                addresses.add(new PostalAddress(typed.get(0), typed.get(1), typed.get(2), typed.get(3),
                        typed.get(4), typed.get(5), typed.get(6), typed.get(7)));
            }
        }
        return addresses;
    }

    private static String[] values(HttpServletRequest request, String name) {
        return Objects.requireNonNullElse(request.getParameterValues(name), new String[0]);
    }

    private static String at(String[] values, int index) {
        return index < values.length ? values[index] : "";
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    private static String text(HttpServletRequest request, String name) {
        return Parameters.text(request, name);
    }

    private static PartialDate date(String text) {
        return dateError(text).isPresent() || blank(text) ? null : PartialDate.parse(text);
    }

    private static Optional<String> dateError(String text) {
        if (blank(text)) {
            return Optional.empty();
        }
        try {
            PartialDate.parse(text);
            return Optional.empty();
        } catch (IllegalArgumentException invalid) {
            return Optional.of(invalid.getMessage());
        }
    }
}
