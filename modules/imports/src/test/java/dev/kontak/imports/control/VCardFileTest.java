package dev.kontak.imports.control;

import static dev.kontak.imports.control.Files.cards;
import static dev.kontak.imports.control.Files.file;
import static dev.kontak.imports.control.Files.text;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.kontak.contacts.entity.ContactDetails;
import dev.kontak.contacts.entity.EmailAddress;
import dev.kontak.contacts.entity.PartialDate;
import dev.kontak.contacts.entity.PhoneNumber;
import dev.kontak.contacts.entity.PostalAddress;
import dev.kontak.contacts.entity.StructuredName;
import dev.kontak.contacts.entity.WebAddress;
import dev.kontak.imports.entity.ImportFormat;
import java.time.MonthDay;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class VCardFileTest {

    @Test
    void anIphoneExportOfThreeCardsKeepsEveryEmailPhoneAddressAndDate() {
        ImportFile file = file("iphone-3.0.vcf", ImportFormat.VCARD);

        assertEquals(3, file.count());
        List<ImportedCard> cards = cards(file);
        assertEquals(List.of(1, 27, 37), cards.stream().map(ImportedCard::line).toList(), "the BEGIN:VCARD lines");

        ContactDetails sari = cards.get(0).details();
        assertAll(
                () -> assertEquals("Dr. Sari Ayu Wibowo", sari.name()),
                () -> assertEquals(new StructuredName("Dr.", "Sari", "Ayu", "Wibowo", null), sari.structuredName()),
                () -> assertEquals("Sari", sari.nickname()),
                () -> assertEquals("Rumah Sakit Harapan", sari.organization()),
                () -> assertEquals("Kardiologi", sari.department()),
                () -> assertEquals("Dokter Spesialis Jantung", sari.title()),
                () -> assertEquals(List.of(new EmailAddress("work", "sari.wibowo@rsharapan.example"),
                        new EmailAddress("home", "sari.ayu@mail.example")), sari.emails()),
                // item2's X-ABLabel, the user's own label, wins over its TYPE
                () -> assertEquals(List.of(new PhoneNumber("mobile", "+62 812-1111-2222"),
                        new PhoneNumber("work", "(021) 555-0101"), new PhoneNumber("Kantor", "+62 811-3333-4444")),
                        sari.phones()),
                () -> assertEquals(List.of(
                        new PostalAddress("home", null, null, "Jl. Kenanga No. 7", "Bandung", "Jawa Barat", "40115",
                                "Indonesia"),
                        new PostalAddress("work", null, null, "Jl. Merdeka 12\nLantai 3", "Jakarta Pusat",
                                "DKI Jakarta", "10110", "Indonesia")), sari.addresses()),
                () -> assertEquals(List.of(new WebAddress("homepage", "https://rsharapan.example/dokter/sari")),
                        sari.urls(), "Apple's own label, and no \"pref\""),
                () -> assertEquals(new PartialDate(1984, MonthDay.of(3, 21)), sari.birthday()),
                () -> assertEquals("Bertemu di seminar kardiologi 2023.\nSuka kopi hitam, tanpa gula.", sari.notes()));

        ContactDetails bengkel = cards.get(1).details();
        assertEquals("Bengkel Maju Jaya", bengkel.name(), "a company's card is named by its organisation");
        assertEquals("Bengkel Maju Jaya", bengkel.organization());
        assertNull(bengkel.department());
        assertEquals(List.of(new PhoneNumber("work", "022-7001234")), bengkel.phones());

        ContactDetails budi = cards.get(2).details();
        assertAll(
                () -> assertEquals("Budi Santoso", budi.name()),
                () -> assertEquals(List.of(new EmailAddress("work", "budi@tokosantoso.example"),
                        new EmailAddress("home", "budi.s@mail.example"),
                        new EmailAddress(null, "budi.santoso@kampus.example")), budi.emails()),
                () -> assertEquals(List.of(new PhoneNumber("mobile", "0813 5555 6666"),
                        new PhoneNumber("home", "022 423 1234"), new PhoneNumber("work", "022 423 1299")),
                        budi.phones()),
                () -> assertEquals(List.of(new PostalAddress("home", null, null, "Jl. Dago 45", "Bandung", null,
                        "40135", null)), budi.addresses()),
                () -> assertEquals(new PartialDate(null, MonthDay.of(8, 17)), budi.birthday(), "Apple's year 1604"),
                () -> assertEquals(Set.of("Keluarga", "Teman"), budi.labels()));
    }

    @Test
    void anAndroidExportReadsQuotedPrintableValuesAcrossTheirSoftLineBreaks() {
        ImportFile file = file("android-2.1.vcf", ImportFormat.VCARD);

        assertEquals(4, file.count());
        List<ImportedCard> cards = cards(file);
        assertEquals(List.of(1, 23, 27, 31), cards.stream().map(ImportedCard::line).toList());

        ContactDetails andre = cards.get(0).details();
        assertAll(
                () -> assertEquals("The photo was left out: This photo could not be read. Use a JPEG or PNG file.",
                        cards.get(0).problem(), "its photo is cut short"),
                () -> assertNull(andre.photo()),
                () -> assertEquals("André Hidayat", andre.name()),
                () -> assertEquals(new StructuredName(null, "André", null, "Hidayat", null), andre.structuredName()),
                () -> assertEquals(List.of(new PhoneNumber("mobile", "+6281234567890"),
                        new PhoneNumber("work", "+62215550100"), new PhoneNumber("home", "021 555 0199")),
                        andre.phones()),
                () -> assertEquals(List.of(new EmailAddress("home", "andre@rumah.example"),
                        new EmailAddress("work", "andre.hidayat@pabrik.example")), andre.emails()),
                () -> assertEquals(List.of(new PostalAddress("home", null, null,
                        "Jl. Cempaka Putih Raya No. 12, RT 05/RW 02, Kel. Cempaka Putih Timur", "Jakarta Pusat",
                        "DKI Jakarta", "10510", "Indonesia")), andre.addresses()),
                () -> assertEquals("PT Sumber Makmur Sejahtera Abadi", andre.organization()),
                () -> assertEquals("Produksi", andre.department()),
                () -> assertEquals("Kepala Produksi", andre.title()),
                () -> assertEquals("Kenal lewat Pak Rudi.\r\nTelepon sebelum jam 10, jangan hari Jum\u2019at.",
                        andre.notes()),
                () -> assertEquals(new PartialDate(1990, MonthDay.of(5, 1)), andre.birthday()));

        assertEquals("0857-1234-5678", cards.get(1).details().name(), "a card of only a phone is named by it");
        assertEquals(new ImportedCard(27, null, "This card has no name, organisation, e-mail or phone."),
                cards.get(2));
        assertEquals(List.of(new EmailAddress(null, "tiur.siregar@medan.example")), cards.get(3).details().emails());
    }

    @Test
    void aVcardFourCardKeepsItsYearlessBirthdayAndAnniversary() {
        ImportFile file = text(ImportFormat.VCARD, """
                BEGIN:VCARD
                VERSION:4.0
                FN:Grace Tan
                N:Tan;Grace;;;
                EMAIL;TYPE=work:grace@tan.example
                EMAIL;TYPE=home,pref:grace.tan@mail.example
                TEL;VALUE=uri;TYPE="voice,cell":tel:+65-9123-4567
                TEL;VALUE=uri;TYPE=home:tel:+65-6123-4567
                ADR;TYPE=work:;;1 Raffles Place;Singapore;;048616;Singapore
                ORG:Tan Trading;Export
                TITLE:Director
                BDAY:--0415
                ANNIVERSARY:20100612
                NOTE:Prefers WhatsApp.
                END:VCARD
                """);

        assertEquals(1, file.count());
        ContactDetails grace = cards(file).get(0).details();
        assertAll(
                () -> assertEquals("Grace Tan", grace.name()),
                () -> assertEquals(List.of(new EmailAddress("work", "grace@tan.example"),
                        new EmailAddress("home", "grace.tan@mail.example")), grace.emails()),
                () -> assertEquals(List.of(new PhoneNumber("mobile", "+65-9123-4567"),
                        new PhoneNumber("home", "+65-6123-4567")), grace.phones()),
                () -> assertEquals(List.of(new PostalAddress("work", null, null, "1 Raffles Place", "Singapore", null,
                        "048616", "Singapore")), grace.addresses()),
                () -> assertEquals("Tan Trading", grace.organization()),
                () -> assertEquals("Export", grace.department()),
                () -> assertEquals("Director", grace.title()),
                () -> assertEquals(new PartialDate(null, MonthDay.of(4, 15)), grace.birthday()),
                () -> assertEquals(new PartialDate(2010, MonthDay.of(6, 12)), grace.anniversary()),
                () -> assertEquals("Prefers WhatsApp.", grace.notes()));
    }

    @Test
    void aUtf16FileWithItsByteOrderMarkIsRead() {
        ImportFile file = file("utf16le-bom.vcf", ImportFormat.VCARD);

        assertEquals(1, file.count());
        ContactDetails zoe = cards(file).get(0).details();
        assertEquals("Zoë Ángeles", zoe.name());
        assertEquals(List.of(new PhoneNumber("mobile", "+34 600 123 456")), zoe.phones());
    }

    @Test
    void aFileThatGoesOnAfterItsCardsIsRefusedAtItsFirstStrayLine() {
        ImportFile file = file("not-a-vcard.vcf", ImportFormat.VCARD);

        NotThisFormat refused = assertThrows(NotThisFormat.class, file::count);
        assertEquals(7, refused.line());
        assertEquals("Line 7 is not part of a vCard: it should begin with BEGIN:VCARD.", refused.getMessage());
        List<ImportedCard> cards = cards(file);
        assertEquals("Ani Lestari", cards.get(0).details().name(), "read anyway, the cards never throw");
        assertEquals(List.of(7, 8), cards.subList(1, 3).stream().map(ImportedCard::line).toList());
        assertNotNull(cards.get(1).problem());
    }

    @Test
    void aCsvFileSentAsVcardIsRefusedAtLineOne() {
        NotThisFormat refused = assertThrows(NotThisFormat.class,
                text(ImportFormat.VCARD, "Name,E-mail\nAda,ada@example.com\n")::count);
        assertEquals(1, refused.line());
    }

    @Test
    void aCardThatDoesNotEndIsRefusedAtItsBeginning() {
        ImportFile file = text(ImportFormat.VCARD, "BEGIN:VCARD\nFN:Ada\nEND:VCARD\n\nBEGIN:VCARD\nFN:Grace\n");

        NotThisFormat refused = assertThrows(NotThisFormat.class, file::count);
        assertEquals("Line 5 begins a vCard that does not end: END:VCARD is missing.", refused.getMessage());
        assertEquals(new ImportedCard(5, null, "This card does not end: END:VCARD is missing."), cards(file).get(1));
    }

    @Test
    void aFileWithoutCardsIsRefused() {
        assertEquals("Line 1 is empty: a vCard file begins with BEGIN:VCARD.",
                assertThrows(NotThisFormat.class, text(ImportFormat.VCARD, "\r\n\r\n")::count).getMessage());
        assertThrows(NotThisFormat.class, ImportFile.of(ImportFormat.VCARD, new byte[0], null)::count);
    }

    @Test
    void continuationLinesAreNeverReadAsTheEndOfACard() {
        ImportFile file = text(ImportFormat.VCARD, """
                begin:vcard
                VERSION:2.1
                FN:Ada
                NOTE;ENCODING=QUOTED-PRINTABLE:Her last line was=
                END:VCARD
                NOTE:folded
                 END:VCARD
                end:vcard
                BEGIN:VCARD
                FN:Grace
                END:VCARD
                """);

        assertEquals(2, file.count());
        List<ImportedCard> cards = cards(file);
        assertEquals(List.of(1, 9), cards.stream().map(ImportedCard::line).toList());
        assertEquals("Ada", cards.get(0).details().name());
    }

    @Test
    void aCardThatCannotBeReadIsAProblemOfThatCardOnly() {
        ImportFile file = text(ImportFormat.VCARD, """
                BEGIN:VCARD
                BEGIN:VCARD
                BEGIN:VCARD
                FN:Deep
                END:VCARD
                END:VCARD
                END:VCARD
                BEGIN:VCARD
                VERSION:4.0
                FN:Ada
                BDAY:--0231
                END:VCARD
                BEGIN:VCARD
                VERSION:4.0
                FN:Grace
                END:VCARD
                """);

        assertEquals(3, file.count());
        List<ImportedCard> cards = cards(file);
        assertEquals(new ImportedCard(1, null, "This card holds cards within cards within cards."), cards.get(0));
        assertEquals(new ImportedCard(8, null, "This card has a birthday or anniversary that is no date."),
                cards.get(1));
        assertEquals("Grace", cards.get(2).details().name());
    }

    @Test
    void noTextMakesTheCardsThrow() {
        for (String text : List.of("BEGIN:VCARD\nBDAY:--0231\nFN:X\nEND:VCARD", "BEGIN:VCARD\n:::\n;;\nEND:VCARD",
                "BEGIN:VCARD\nVERSION:2.1\nN;ENCODING=QUOTED-PRINTABLE:=ZZ=\nEND:VCARD", "END:VCARD\nBEGIN:VCARD",
                "BEGIN:VCARD\nADR;TYPE=home:\nTEL:\nEMAIL:\nFN:\nEND:VCARD", "\u0000\u0001BEGIN:VCARD")) {
            List<ImportedCard> cards = cards(text(ImportFormat.VCARD, text));
            assertFalse(cards.isEmpty(), text);
        }
    }
}
