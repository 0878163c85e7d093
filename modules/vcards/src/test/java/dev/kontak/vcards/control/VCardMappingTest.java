package dev.kontak.vcards.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kontak.contacts.entity.ContactDetails;
import dev.kontak.contacts.entity.EmailAddress;
import dev.kontak.contacts.entity.PartialDate;
import dev.kontak.contacts.entity.PhoneNumber;
import dev.kontak.contacts.entity.Photo;
import dev.kontak.contacts.entity.PostalAddress;
import dev.kontak.contacts.entity.StructuredName;
import dev.kontak.contacts.entity.WebAddress;
import ezvcard.Ezvcard;
import ezvcard.VCard;
import ezvcard.VCardVersion;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.MonthDay;
import java.util.List;
import java.util.TreeSet;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class VCardMappingTest {

    private static final ContactDetails ADA = new ContactDetails("Ada Lovelace",
            new StructuredName("Dr.", "Ada", "King", "Lovelace", "FRS"), "Ada",
            List.of(new EmailAddress("work", "ada@engines.example"), new EmailAddress("home", "ada@home.example"),
                    new EmailAddress(null, "ada@other.example")),
            List.of(new PhoneNumber("mobile", "+62 812-3456-7890"), new PhoneNumber("work", "+44 20 7946 0958")),
            List.of(new PostalAddress("home", null, "Flat 2", "12 St James's Square", "London", "Westminster",
                    "SW1Y 4JH", "United Kingdom")),
            List.of(new WebAddress("blog", "https://engines.example/ada")), "Analytical Engines", "Research",
            "Countess", new PartialDate(1815, MonthDay.of(12, 10)), new PartialDate(null, MonthDay.of(7, 8)),
            new TreeSet<>(List.of("friends", "vip")), true, "Met at the Royal Society.\nTwice.", null, null);

    @Test
    void aCardWrittenAsVcardFourReadsBackFieldForField() {
        assertEquals(ADA, roundTrip(ADA, VCardVersion.V4_0));
    }

    @Test
    void vcardThreeKeepsEveryFieldTooTheYearlessAnniversaryIncluded() {
        ContactDetails read = roundTrip(ADA, VCardVersion.V3_0);

        assertEquals(ADA.emails(), read.emails());
        assertEquals(ADA.phones(), read.phones());
        assertEquals(ADA.addresses(), read.addresses());
        assertEquals(ADA.birthday(), read.birthday());
        assertEquals(ADA, read);
        ContactDetails yearless = ContactDetails.of("Grace", null, null, null, null);
        yearless = new ContactDetails(yearless.name(), null, null, null, null, null, null, null, null, null,
                new PartialDate(null, MonthDay.of(12, 9)), null, null, false, null, null, null);
        assertEquals(yearless.birthday(), roundTrip(yearless, VCardVersion.V3_0).birthday(), "the year stays unknown");
        assertTrue(Ezvcard.write(VCardMapping.toVCard(yearless, VCardVersion.V3_0)).version(VCardVersion.V3_0).go()
                .contains("BDAY;X-APPLE-OMIT-YEAR=1604:1604-12-09"), "as Apple writes it");
    }

    @Test
    void whatPhonesAndGoogleWriteIsReadWithItsLabelsAndQuotedPrintableText() {
        String android = """
                BEGIN:VCARD\r
                VERSION:2.1\r
                N;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:Sukarno;Bung=C3=A9;;;\r
                FN;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:Bung=C3=A9 Sukarno\r
                TEL;CELL;PREF:0812-3456-7890\r
                TEL;HOME:021 555 0100\r
                EMAIL;INTERNET;WORK:bung@merdeka.example\r
                BDAY:1901-06-06\r
                END:VCARD\r
                """;
        ContactDetails read = VCardMapping.toDetails(Ezvcard.parse(android).first());

        assertEquals("Bungé Sukarno", read.name());
        assertEquals("Sukarno", read.structuredName().family());
        assertEquals(List.of(new PhoneNumber("mobile", "0812-3456-7890"), new PhoneNumber("home", "021 555 0100")),
                read.phones());
        assertEquals(List.of(new EmailAddress("work", "bung@merdeka.example")), read.emails());
        assertEquals(new PartialDate(1901, MonthDay.of(6, 6)), read.birthday());
    }

    /** FuzzedRequestsIT found a card with a line ":" answered 500: such lines cannot be kept, the rest is read. */
    @Test
    void linesWithoutAValidPropertyNameAreLeftOut() {
        VCard odd = Ezvcard.parse("BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Odd Card\r\n:\r\nX-\u00c4:umlaut\r\n"
                + "X-KEPT:yes\r\nEND:VCARD\r\n").first();

        ContactDetails read = VCardMapping.toDetails(odd);

        assertEquals("Odd Card", read.name());
        assertTrue(read.otherProperties().contains("X-KEPT:yes"), read.otherProperties());
        assertFalse(read.otherProperties().contains("umlaut"), read.otherProperties());
    }

    @Test
    void aCardWithoutANameIsNamedAsAddressBooksShowIt() {
        VCard onlyAnEmail = Ezvcard.parse("BEGIN:VCARD\r\nVERSION:3.0\r\nEMAIL;TYPE=INTERNET:x@y.example\r\nEND:VCARD\r\n")
                .first();
        VCard onlyAnOrganisation = Ezvcard.parse("BEGIN:VCARD\r\nVERSION:4.0\r\nORG:Acme;Sales\r\nEND:VCARD\r\n").first();

        assertEquals("x@y.example", VCardMapping.toDetails(onlyAnEmail).name());
        assertNull(VCardMapping.toDetails(onlyAnEmail).emails().get(0).label(), "INTERNET is no label");
        ContactDetails acme = VCardMapping.toDetails(onlyAnOrganisation);
        assertEquals("Acme", acme.name());
        assertEquals("Sales", acme.department());
        assertTrue(VCardMapping.toDetails(Ezvcard.parse("BEGIN:VCARD\r\nVERSION:4.0\r\nEND:VCARD\r\n").first())
                .name().isEmpty(), "nothing to name it by: the import reports it");
    }

    @Test
    void aPhotoIsWrittenInTheCardItselfAndReadBackAsThePicture() throws IOException {
        BufferedImage picture = new BufferedImage(120, 90, BufferedImage.TYPE_INT_ARGB);
        picture.setRGB(5, 5, 0xff00ff00);
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(picture, "png", png);
        ContactDetails withPhoto = ADA.withPhoto(Photo.read(png.toByteArray()));

        String four = Ezvcard.write(VCardMapping.toVCard(withPhoto, VCardVersion.V4_0)).version(VCardVersion.V4_0).go();
        assertTrue(four.contains("PHOTO:data:image/png;base64,"), four);
        assertEquals(withPhoto, roundTrip(withPhoto, VCardVersion.V4_0));
        assertEquals(withPhoto.photo(), roundTrip(withPhoto, VCardVersion.V3_0).photo());

        VCard linked = Ezvcard.parse("BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Linked\r\n"
                + "PHOTO:https://tracker.example/pixel.png\r\nEND:VCARD\r\n").first();
        assertNull(VCardMapping.toDetails(linked).photo(), "a photo given by its address is never fetched");
    }

    @Test
    void propertiesKontakHasNoFieldForAreKeptAndWrittenBackSoAPhoneLosesNothing() {
        VCard phone = Ezvcard.parse("BEGIN:VCARD\r\nVERSION:3.0\r\nPRODID:-//Apple Inc.//iPhone OS 17//EN\r\n"
                + "UID:8F1C5E2A-1B2C-4D5E-9F00-ABCDEF123456\r\nFN:Sri Mulyani\r\n"
                + "item1.EMAIL;type=INTERNET:sri@kementerian.example\r\nitem1.X-ABLabel:Kantor\r\n"
                + "item2.X-ABDATE:2010-05-20\r\nitem2.X-ABLabel:_$!<Anniversary>!$_\r\n"
                + "X-SOCIALPROFILE;type=twitter:https://twitter.example/sri\r\nREV:2024-01-01T00:00:00Z\r\n"
                + "END:VCARD\r\n").first();

        ContactDetails read = VCardMapping.toDetails(phone);

        assertEquals("Kantor", read.emails().get(0).label(), "the user's own label, as typed");
        String kept = read.otherProperties();
        assertTrue(kept.contains("UID:8F1C5E2A-1B2C-4D5E-9F00-ABCDEF123456"), kept);
        assertTrue(kept.contains("item2.X-ABDATE:2010-05-20") && kept.contains("item2.X-ABLabel:"), kept);
        assertTrue(kept.contains("X-SOCIALPROFILE"), kept);
        for (String rewritten : List.of("PRODID", "REV", "item1", "FN:", "EMAIL")) {
            assertTrue(!kept.contains(rewritten), rewritten + " is not kept twice: " + kept);
        }
        String written = Ezvcard.write(VCardMapping.toVCard(read, VCardVersion.V3_0)).version(VCardVersion.V3_0).go();
        assertTrue(written.contains("UID:8F1C5E2A-1B2C-4D5E-9F00-ABCDEF123456"), written);
        assertTrue(written.contains("X-SOCIALPROFILE"), written);
        assertEquals(kept, VCardMapping.toDetails(Ezvcard.parse(written).first()).otherProperties(),
                "read again, the same properties kept");
    }

    private static ContactDetails roundTrip(ContactDetails card, VCardVersion version) {
        String text = Ezvcard.write(VCardMapping.toVCard(card, version)).version(version).go();
        return VCardMapping.toDetails(Ezvcard.parse(text).first());
    }
}
