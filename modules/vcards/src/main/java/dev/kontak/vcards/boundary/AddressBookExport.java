package dev.kontak.vcards.boundary;

import dev.kontak.contacts.boundary.ContactBook;
import dev.kontak.contacts.boundary.ContactOrder;
import dev.kontak.contacts.boundary.ContactPage;
import dev.kontak.contacts.boundary.ContactQuery;
import dev.kontak.contacts.entity.Contact;
import dev.kontak.vcards.control.GoogleCsv;
import dev.kontak.vcards.control.VCardMapping;
import ezvcard.VCard;
import ezvcard.VCardVersion;
import ezvcard.io.text.VCardWriter;
import ezvcard.property.Uid;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.UUID;

/**
 * The caller's contacts (all of them, or those a search finds) written as vCards, or as CSV in Google's layout
 * ({@link GoogleCsv}), while they are read: a page of
 * {@value #PAGE} at a time, each in transactions of its own, so that 100,000 contacts are never held at once. Each
 * card's UID is the contact's id ({@code urn:uuid:…}), by which a re-import or a phone recognises it.
 */
@ApplicationScoped
public class AddressBookExport {

    static final int PAGE = 500;

    /** What an export is written as: {@code vcard} (4.0, the default), {@code vcard3} (3.0) or {@code csv}. */
    public enum Format {
        VCARD("text/vcard", "kontak-contacts.vcf"), VCARD3("text/vcard", "kontak-contacts.vcf"),
        CSV("text/csv", "kontak-contacts.csv");

        private final String mediaType;
        private final String fileName;

        Format(String mediaType, String fileName) {
            this.mediaType = mediaType;
            this.fileName = fileName;
        }

        /** @throws IllegalArgumentException naming the formats, for anything else; blank is {@link #VCARD} */
        public static Format of(String format) {
            return switch (format == null || format.isBlank() ? "vcard" : format) {
                case "vcard" -> VCARD;
                case "vcard3" -> VCARD3;
                case "csv" -> CSV;
                default -> throw new IllegalArgumentException("Use vcard, vcard3 or csv.");
            };
        }

        public String mediaType() {
            return mediaType;
        }

        /** The name under which a browser saves the export. */
        public String fileName() {
            return fileName;
        }
    }

    @Inject
    ContactBook contacts;

    /** The caller's contacts, or those a search finds; @return how many contacts were written */
    public int write(String search, Format format, Writer out) throws IOException {
        return write(search, "", format, out);
    }

    /** As {@link #write(String, Format, Writer)}, of the contacts filed under the label (any, for a blank one). */
    public int write(String search, String label, Format format, Writer out) throws IOException {
        return write(new SearchPages(ContactQuery.first(search, ContactOrder.NEWEST, PAGE).filedUnder(label)), format,
                out);
    }

    /** The contacts chosen among the caller's (those the caller may not see are left out); @return how many */
    public int write(List<UUID> selected, Format format, Writer out) throws IOException {
        List<List<UUID>> pages = new ArrayList<>();
        for (int from = 0; from < selected.size(); from += PAGE) {
            pages.add(selected.subList(from, Math.min(selected.size(), from + PAGE)));
        }
        return write(pages.iterator(), format, out);
    }

    private int write(Iterator<List<UUID>> pages, Format format, Writer out) throws IOException {
        if (format == Format.CSV) {
            GoogleCsv rows = new GoogleCsv(out, contacts.widths());
            return eachPage(pages, contact -> rows.write(contact.details()), rows::flush);
        }
        VCardVersion version = format == Format.VCARD3 ? VCardVersion.V3_0 : VCardVersion.V4_0;
        VCardWriter cards = new VCardWriter(out, version);
        return eachPage(pages, contact -> {
            VCard card = VCardMapping.toVCard(contact.details(), version);
            card.setUid(new Uid("urn:uuid:" + contact.id()));
            cards.write(card);
        }, cards::flush);
    }

    /** How one contact is written. */
    private interface ContactWriter {
        void write(Contact contact) throws IOException;
    }

    /** What is done after each page: the writer flushed. */
    private interface AfterPage {
        void run() throws IOException;
    }

    private int eachPage(Iterator<List<UUID>> pages, ContactWriter write, AfterPage flush) throws IOException {
        int written = 0;
        while (pages.hasNext()) {
            for (Contact contact : contacts.cards(pages.next())) {
                write.write(contact);
                written++;
            }
            flush.run();
        }
        return written;
    }

    /** The ids of a search's pages (every contact's for no search), read one page ahead of the writer. */
    private final class SearchPages implements Iterator<List<UUID>> {
        private ContactQuery query;

        SearchPages(ContactQuery first) {
            this.query = first;
        }

        @Override
        public boolean hasNext() {
            return query != null;
        }

        @Override
        public List<UUID> next() {
            ContactPage page = contacts.list(query);
            query = page.hasNext() ? query.nextPage(page.next()) : null;
            return page.contacts().stream().map(Contact::id).toList();
        }
    }
}
