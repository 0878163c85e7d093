package dev.kontak.carddav.control;

import dev.kontak.contacts.entity.Contact;
import dev.kontak.contacts.entity.ContactDetails;
import dev.kontak.contacts.entity.InvalidPhoto;
import dev.kontak.vcards.control.VCardMapping;
import ezvcard.Ezvcard;
import ezvcard.VCard;
import ezvcard.VCardVersion;
import ezvcard.property.Uid;
import java.time.DateTimeException;
import java.util.List;

/**
 * A contact as a CardDAV card and back, with the mapping of import and export ({@link VCardMapping}): vCard 3.0
 * unless 4.0 is asked for, with the UID the client gave it (kept with the card's other properties), or one made of
 * the contact's id.
 */
public final class DavCards {

    public static final String MEDIA_TYPE = "text/vcard; charset=utf-8";

    private DavCards() {
    }

    public static String text(Contact contact, VCardVersion version) {
        VCard card = VCardMapping.toVCard(contact.details(), version);
        if (card.getUid() == null) {
            card.setUid(new Uid("urn:uuid:" + contact.id()));
        }
        return Ezvcard.write(card).version(version).prodId(false).go();
    }

    /** 4.0 where the client's Accept header or address-data asks for it, else 3.0 (RFC 6352, 5.1.1). */
    public static VCardVersion versionFor(String accept) {
        return accept != null && accept.replace(" ", "").contains("version=4.0") ? VCardVersion.V4_0 : VCardVersion.V3_0;
    }

    /** @throws InvalidDavRequest for anything but one readable vCard with a name, an e-mail, a phone or a company */
    public static ContactDetails details(String text) {
        List<VCard> cards;
        try {
            cards = Ezvcard.parse(text).all();
        } catch (RuntimeException unreadable) {
            throw new InvalidDavRequest(400, "This is no vCard.");
        }
        if (cards.size() != 1) {
            throw new InvalidDavRequest(400, "A card holds exactly one vCard, not " + cards.size() + ".");
        }
        try {
            ContactDetails details = VCardMapping.toDetails(cards.get(0));
            if (details.name().isBlank()) {
                throw new InvalidDavRequest(400, "This card has no name, organisation, e-mail or phone.");
            }
            return details;
        } catch (InvalidPhoto photo) {
            throw new InvalidDavRequest(400, "This card's photo cannot be kept: " + photo.getMessage());
        } catch (DateTimeException noSuchDay) {
            throw new InvalidDavRequest(400, "This card has a birthday or anniversary that is no date.");
        }
    }
}
