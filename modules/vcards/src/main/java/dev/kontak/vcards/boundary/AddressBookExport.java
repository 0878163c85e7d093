package dev.kontak.vcards.boundary;

import dev.kontak.contacts.boundary.ContactBook;
import dev.kontak.contacts.boundary.ContactOrder;
import dev.kontak.contacts.boundary.ContactPage;
import dev.kontak.contacts.boundary.ContactQuery;
import dev.kontak.contacts.entity.Contact;
import dev.kontak.vcards.control.VCardMapping;
import ezvcard.VCard;
import ezvcard.VCardVersion;
import ezvcard.io.text.VCardWriter;
import ezvcard.property.Uid;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.Writer;

/**
 * The caller's contacts (all of them, or those a search finds) written as vCards while they are read: a page of
 * {@value #PAGE} at a time, each in transactions of its own, so that 100,000 contacts are never held at once. Each
 * card's UID is the contact's id ({@code urn:uuid:…}), by which a re-import or a phone recognises it.
 */
@ApplicationScoped
public class AddressBookExport {

    static final int PAGE = 500;

    /** What an export is written as: {@code vcard} (4.0, the default) or {@code vcard3} (3.0, for older books). */
    public static VCardVersion versionOf(String format) {
        return switch (format == null || format.isBlank() ? "vcard" : format) {
            case "vcard" -> VCardVersion.V4_0;
            case "vcard3" -> VCardVersion.V3_0;
            default -> throw new IllegalArgumentException("Use vcard or vcard3.");
        };
    }

    /** The name under which a browser saves an export. */
    public static final String FILE_NAME = "kontak-contacts.vcf";

    @Inject
    ContactBook contacts;

    /** @return how many cards were written */
    public int write(String search, VCardVersion version, Writer out) throws IOException {
        int written = 0;
        VCardWriter cards = new VCardWriter(out, version);
        ContactQuery query = ContactQuery.first(search, ContactOrder.NEWEST, PAGE);
        while (true) {
            ContactPage page = contacts.list(query);
            for (Contact contact : contacts.cards(page.contacts().stream().map(Contact::id).toList())) {
                VCard card = VCardMapping.toVCard(contact.details(), version);
                card.setUid(new Uid("urn:uuid:" + contact.id()));
                cards.write(card);
                written++;
            }
            cards.flush();
            if (!page.hasNext()) {
                return written;
            }
            query = new ContactQuery(search, ContactOrder.NEWEST, page.next(), null, PAGE);
        }
    }
}
