package dev.kontak.vcards.control;

import dev.kontak.contacts.boundary.CardWidths;
import dev.kontak.contacts.entity.ContactDetails;
import dev.kontak.contacts.entity.PostalAddress;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Contacts written as Google Contacts writes its CSV export (its current headings), one row per contact: "File As"
 * holds the display name, "Labels" the labels (" ::: " between them; "* starred" for a favourite, as Google marks
 * it), and as many "E-mail n", "Phone n", "Address n" and "Website n" columns as the fullest card needs
 * ({@link CardWidths}); the anniversary is "Event 1". Cells a spreadsheet would run are kept from it
 * ({@link SpreadsheetSafe}).
 */
public final class GoogleCsv {

    private static final String SEVERAL = " ::: ";
    private static final List<String> ADDRESS_PARTS = List.of("Label", "Street", "City", "PO Box", "Region",
            "Postal Code", "Country", "Extended Address");

    private final CSVPrinter csv;
    private final CardWidths widths;

    public GoogleCsv(Writer out, CardWidths widths) throws IOException {
        this.csv = CSVFormat.DEFAULT.print(out);
        this.widths = widths;
        csv.printRecord(headings());
    }

    public void write(ContactDetails card) throws IOException {
        List<String> row = new ArrayList<>(List.of(text(card.structuredName().given()),
                text(card.structuredName().additional()), text(card.structuredName().family()),
                text(card.structuredName().prefix()), text(card.structuredName().suffix()), text(card.nickname()),
                card.name(), text(card.organization()), text(card.title()), text(card.department()),
                card.birthday() == null ? "" : card.birthday().toString(), text(card.notes()), labels(card)));
        pairs(row, card.emails(), widths.emails(), email -> email.label(), email -> email.address());
        pairs(row, card.phones(), widths.phones(), phone -> phone.label(), phone -> phone.number());
        for (int i = 0; i < widths.addresses(); i++) {
            PostalAddress address = i < card.addresses().size() ? card.addresses().get(i) : null;
            row.addAll(address == null ? List.of("", "", "", "", "", "", "", "") : List.of(text(address.label()),
                    text(address.street()), text(address.locality()), text(address.poBox()), text(address.region()),
                    text(address.postalCode()), text(address.country()), text(address.extended())));
        }
        pairs(row, card.urls(), widths.urls(), url -> url.label(), url -> url.url());
        row.add(card.anniversary() == null ? "" : "Anniversary");
        row.add(card.anniversary() == null ? "" : card.anniversary().toString());
        csv.printRecord(row.stream().map(SpreadsheetSafe::cell).toList());
    }

    public void flush() throws IOException {
        csv.flush();
    }

    private List<String> headings() {
        List<String> headings = new ArrayList<>(List.of("First Name", "Middle Name", "Last Name", "Name Prefix",
                "Name Suffix", "Nickname", "File As", "Organization Name", "Organization Title",
                "Organization Department", "Birthday", "Notes", "Labels"));
        numbered(headings, "E-mail", widths.emails(), List.of("Label", "Value"));
        numbered(headings, "Phone", widths.phones(), List.of("Label", "Value"));
        numbered(headings, "Address", widths.addresses(), ADDRESS_PARTS);
        numbered(headings, "Website", widths.urls(), List.of("Label", "Value"));
        numbered(headings, "Event", 1, List.of("Label", "Value"));
        return headings;
    }

    private static void numbered(List<String> headings, String kind, int count, List<String> parts) {
        for (int n = 1; n <= count; n++) {
            for (String part : parts) {
                headings.add(kind + " " + n + " - " + part);
            }
        }
    }

    private static <T> void pairs(List<String> row, List<T> values, int width, Function<T, String> label,
            Function<T, String> value) {
        for (int i = 0; i < width; i++) {
            row.add(i < values.size() ? text(label.apply(values.get(i))) : "");
            row.add(i < values.size() ? value.apply(values.get(i)) : "");
        }
    }

    private static String labels(ContactDetails card) {
        List<String> labels = new ArrayList<>(List.of("* myContacts"));
        if (card.favourite()) {
            labels.add("* starred");
        }
        labels.addAll(card.labels());
        return String.join(SEVERAL, labels);
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }
}
