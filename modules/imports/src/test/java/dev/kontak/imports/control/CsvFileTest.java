package dev.kontak.imports.control;

import static dev.kontak.imports.control.Files.cards;
import static dev.kontak.imports.control.Files.file;
import static dev.kontak.imports.control.Files.text;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kontak.contacts.entity.ContactDetails;
import dev.kontak.contacts.entity.EmailAddress;
import dev.kontak.contacts.entity.PartialDate;
import dev.kontak.contacts.entity.PhoneNumber;
import dev.kontak.contacts.entity.PostalAddress;
import dev.kontak.contacts.entity.StructuredName;
import dev.kontak.contacts.entity.WebAddress;
import dev.kontak.imports.entity.ImportFormat;
import java.nio.charset.StandardCharsets;
import java.time.MonthDay;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CsvFileTest {

    @Test
    void googlesCurrentExportKeepsSeveralValuesInACellAndItsLabels() {
        CsvFile file = (CsvFile) file("google-current.csv", ImportFormat.CSV);

        assertEquals("First Name", file.headings().get(0), "the byte order mark is not part of the heading");
        assertEquals(38, file.headings().size());
        assertEquals(5, file.count());
        List<ImportedCard> cards = cards(file);
        assertEquals(List.of(2, 8, 9, 10, 11), cards.stream().map(ImportedCard::line).toList(),
                "the first line of each row, quoted cells of several lines counted");

        ContactDetails rina = cards.get(0).details();
        assertAll(
                () -> assertEquals("Ir. Rina Dewi Kartika M.T.", rina.name(), "made of the name's parts"),
                () -> assertEquals(new StructuredName("Ir.", "Rina", "Dewi", "Kartika", "M.T."), rina.structuredName()),
                () -> assertEquals("Rin", rina.nickname()),
                () -> assertEquals("CV Kartika Teknik", rina.organization()),
                () -> assertEquals("Pemilik", rina.title()),
                () -> assertEquals("Rekayasa", rina.department()),
                () -> assertEquals(List.of(new EmailAddress("work", "rina@kartikateknik.example"),
                        new EmailAddress("work", "rina.k@kartikateknik.example"),
                        new EmailAddress("home", "rina.dewi@mail.example")), rina.emails()),
                () -> assertEquals(List.of(new PhoneNumber("mobile", "+62 812-7777-8888"),
                        new PhoneNumber("mobile", "+62 813-9999-0000"), new PhoneNumber("work", "(022) 250-1234")),
                        rina.phones()),
                () -> assertEquals(List.of(new PostalAddress("home", null, null, "Jl. Riau No. 5\nBlok C", "Bandung",
                        "Jawa Barat", "40115", "Indonesia")), rina.addresses()),
                () -> assertEquals(List.of(new WebAddress("profile", "https://kartikateknik.example/rina")),
                        rina.urls()),
                () -> assertEquals(new PartialDate(1990, MonthDay.of(1, 31)), rina.birthday()),
                () -> assertEquals(new PartialDate(2015, MonthDay.of(6, 20)), rina.anniversary(), "Event 1"),
                () -> assertEquals(Set.of("Klien", "Teman"), rina.labels()),
                () -> assertTrue(rina.favourite(), "* starred"),
                () -> assertEquals("Suka bersepeda.\nTeman SMA.", rina.notes()));

        ContactDetails joko = cards.get(1).details();
        assertEquals("Joko", joko.name());
        assertEquals(List.of(new EmailAddress(null, "joko@desa.example")), joko.emails(), "Google's \"* \" is no label");
        assertEquals(new PartialDate(null, MonthDay.of(12, 25)), joko.birthday());
        assertEquals(Set.of(), joko.labels());
        assertFalse(joko.favourite());

        assertEquals(new ImportedCard(9, null, "This row has no name, organisation, e-mail or phone."), cards.get(2));
        assertEquals(new ImportedCard(10, null, "Birthday \"1990-02-30\" is not a date."), cards.get(3));

        ContactDetails toko = cards.get(4).details();
        assertEquals("Toko Roti Enak", toko.name());
        assertEquals(List.of(new PhoneNumber("work", "022 731 5555")), toko.phones());
        assertEquals(List.of(new PostalAddress("work", null, null, "Jl. Braga 20\nBandung", null, null, null, null)),
                toko.addresses(), "only formatted: kept as the street");
        assertEquals("Grand opening: 2010-08-01", toko.notes(), "an event Kontak has no field for");
    }

    @Test
    void googlesLegacyExportIsReadByItsOwnHeadings() {
        ImportFile file = file("google-legacy.csv", ImportFormat.CSV);

        assertEquals(2, file.count());
        List<ImportedCard> cards = cards(file);
        assertEquals(List.of(2, 7), cards.stream().map(ImportedCard::line).toList());

        ContactDetails agus = cards.get(0).details();
        assertAll(
                () -> assertEquals("Agus Salim", agus.name()),
                () -> assertEquals(new StructuredName(null, "Agus", null, "Salim", null), agus.structuredName()),
                () -> assertEquals("Gus", agus.nickname()),
                () -> assertEquals(new PartialDate(1975, MonthDay.of(11, 11)), agus.birthday()),
                () -> assertEquals("Rekan lama dari Surabaya.", agus.notes()),
                () -> assertEquals(Set.of("Kantor"), agus.labels()),
                () -> assertEquals(List.of(new EmailAddress("work", "agus@salim.example"),
                        new EmailAddress("home", "agus.salim@mail.example"),
                        new EmailAddress("home", "gus@mail.example")), agus.emails()),
                () -> assertEquals(List.of(new PhoneNumber("mobile", "+62 811 222 333"),
                        new PhoneNumber("work fax", "031 555 0102")), agus.phones()),
                () -> assertEquals(List.of(new PostalAddress("work", "PO Box 99", "Gedung B", "Jl. Pemuda 10",
                        "Surabaya", "Jawa Timur", "60271", "Indonesia")), agus.addresses()),
                () -> assertEquals("PT Salim Logistik", agus.organization()),
                () -> assertEquals("Direktur", agus.title()),
                () -> assertEquals("Keuangan", agus.department()),
                () -> assertEquals(List.of(new WebAddress("blog", "https://agus.example")), agus.urls()));

        ContactDetails maya = cards.get(1).details();
        assertTrue(maya.favourite());
        assertEquals(Set.of(), maya.labels(), "My Contacts and Starred are no labels");
        assertEquals(List.of(new EmailAddress("other", "maya@putri.example")), maya.emails());
    }

    @Test
    void outlooksExportKeepsItsAddressesPhonesAndDates() {
        ImportFile file = file("outlook.csv", ImportFormat.CSV);

        assertEquals(2, file.count());
        List<ImportedCard> cards = cards(file);
        ContactDetails hendra = cards.get(0).details();
        assertAll(
                () -> assertEquals(2, cards.get(0).line()),
                () -> assertEquals(new StructuredName("Mr.", "Hendra", "Adi", "Gunawan", "Jr."),
                        hendra.structuredName(), "Outlook's Title is the name's prefix"),
                () -> assertEquals("Mr. Hendra Adi Gunawan Jr.", hendra.name()),
                () -> assertEquals("Gunawan & Partners", hendra.organization()),
                () -> assertEquals("Legal", hendra.department()),
                () -> assertEquals("Senior Partner", hendra.title()),
                () -> assertEquals(List.of(
                        new PostalAddress("work", null, null, "Menara Sudirman Lt. 20\nJl. Jend. Sudirman Kav. 60",
                                "Jakarta Selatan", "DKI Jakarta", "12190", "Indonesia"),
                        new PostalAddress("home", null, null, "Jl. Bangka Raya 3", "Jakarta Selatan", null, "12730",
                                null)), hendra.addresses()),
                () -> assertEquals(List.of(new PhoneNumber("work fax", "+62 21 5290 1001"),
                        new PhoneNumber("work", "+62 21 5290 1000"), new PhoneNumber("home", "+62 21 719 2020"),
                        new PhoneNumber("mobile", "+62 816 123 4567")), hendra.phones()),
                () -> assertEquals(List.of(new EmailAddress(null, "hendra@gunawanpartners.example"),
                        new EmailAddress(null, "hendra.gunawan@mail.example")), hendra.emails()),
                () -> assertEquals(new PartialDate(1972, MonthDay.of(2, 29)), hendra.birthday()),
                () -> assertEquals(new PartialDate(2008, MonthDay.of(9, 14)), hendra.anniversary()),
                () -> assertEquals(Set.of("Klien", "VIP"), hendra.labels()),
                () -> assertEquals("Pengacara perusahaan.\nHubungi lewat sekretaris: Bu Lina.", hendra.notes()),
                () -> assertEquals(List.of(new WebAddress(null, "https://gunawanpartners.example")), hendra.urls()));

        ContactDetails lina = cards.get(1).details();
        assertEquals("Lina Marlina", lina.name());
        assertNull(lina.birthday(), "Outlook's 0/0/00");
        assertNull(lina.anniversary());
        assertEquals(List.of(new PhoneNumber("work", "+62 21 5290 1002")), lina.phones());
    }

    @Test
    void excelsSemicolonFileInWindows1252IsReadWithItsAccents() {
        CsvFile file = (CsvFile) file("semicolon-windows-1252.csv", ImportFormat.CSV);

        assertEquals(List.of("Nama", "Email", "Telepon", "Perusahaan", "Catatan", "Ulang Tahun"), file.headings());
        assertEquals(2, file.count());
        ContactDetails jose = cards(file).get(0).details();
        assertAll(
                () -> assertEquals("José Rizal", jose.name()),
                () -> assertEquals(List.of(new EmailAddress(null, "jose@rizal.example")), jose.emails()),
                () -> assertEquals(List.of(new PhoneNumber(null, "+63 2 8527 0000")), jose.phones()),
                () -> assertEquals("Café Ramé", jose.organization()),
                () -> assertEquals("Suka café; kopi \"tubruk\"", jose.notes()),
                () -> assertEquals(new PartialDate(1861, MonthDay.of(6, 19)), jose.birthday()));
        assertEquals("Renée Wijaya", cards(file).get(1).details().name());
    }

    @Test
    void thePreviewIsTheHeadingsAndTheFirstRows() {
        CsvFile file = (CsvFile) file("semicolon-windows-1252.csv", ImportFormat.CSV);

        assertEquals(List.of(file.headings(),
                        List.of("José Rizal", "jose@rizal.example", "+63 2 8527 0000", "Café Ramé",
                                "Suka café; kopi \"tubruk\"", "1861-06-19")),
                file.preview(1));
        assertEquals(3, file.preview(10).size());
    }

    @Test
    void headingsNoExportWritesNeedTheColumnsSaid() {
        String text = "Kolom A,Kolom B,Kolom C,Kolom D\nAda Lovelace,ada@engines.example,+44 20 7946 0958,x\n";
        CsvFile unsaid = (CsvFile) text(ImportFormat.CSV, text);
        assertFalse(unsaid.columns().recognisesAny());
        assertEquals(new ImportedCard(2, null, "This row has no name, organisation, e-mail or phone."),
                cards(unsaid).get(0));

        assertFalse(((CsvFile) ImportFile.of(ImportFormat.CSV, text.getBytes(StandardCharsets.UTF_8), " "))
                .columns().recognisesAny(), "a blank mapping is none");
        ImportFile said = ImportFile.of(ImportFormat.CSV, text.getBytes(StandardCharsets.UTF_8),
                "name, email:work ,phone:Mobile,-");
        ContactDetails ada = cards(said).get(0).details();
        assertEquals("Ada Lovelace", ada.name());
        assertEquals(List.of(new EmailAddress("work", "ada@engines.example")), ada.emails());
        assertEquals(List.of(new PhoneNumber("mobile", "+44 20 7946 0958")), ada.phones());
    }

    @Test
    void aMappingThatDoesNotFitIsRefusedNamingWhatIsWrong() {
        byte[] bytes = "A,B,C,D\n1,2,3,4\n".getBytes(StandardCharsets.UTF_8);

        assertEquals("The columns list has 3 entries, but the file has 4 columns: give one entry for each column, "
                        + "and - for a column to leave out.",
                assertThrows(IllegalArgumentException.class,
                        () -> ImportFile.of(ImportFormat.CSV, bytes, "name,email,phone")).getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> ImportFile.of(ImportFormat.CSV, bytes, "name,emial,phone,-")).getMessage()
                .startsWith("Column 2's \"emial\" is not something a column can hold: use one of name, given, "));
        assertEquals("Column 1's \"name:work\" has a label, but only e-mail, phone, web address, address and event "
                        + "columns take one.",
                assertThrows(IllegalArgumentException.class,
                        () -> ImportFile.of(ImportFormat.CSV, bytes, "name:work,email,phone,-")).getMessage());
    }

    @Test
    void plainHeadingsInEnglishAndIndonesianAreRecognised() {
        ImportFile file = text(ImportFormat.CSV, """
                Nama,E-mail,Telepon,Mobile,Perusahaan,Job Title,Catatan,Ulang Tahun,Labels
                Siti Nurhaliza,siti@example.my,03-2141 0000,012-345 6789,Suria Records,Penyanyi,Artis,1979-01-11,VIP; Musik
                """);

        ContactDetails siti = cards(file).get(0).details();
        assertAll(
                () -> assertEquals("Siti Nurhaliza", siti.name()),
                () -> assertEquals(List.of(new EmailAddress(null, "siti@example.my")), siti.emails()),
                () -> assertEquals(List.of(new PhoneNumber(null, "03-2141 0000"),
                        new PhoneNumber("mobile", "012-345 6789")), siti.phones()),
                () -> assertEquals("Suria Records", siti.organization()),
                () -> assertEquals("Penyanyi", siti.title()),
                () -> assertEquals("Artis", siti.notes()),
                () -> assertEquals(new PartialDate(1979, MonthDay.of(1, 11)), siti.birthday()),
                () -> assertEquals(Set.of("Musik", "VIP"), siti.labels()));
    }

    @Test
    void aDateThatIsNoneIsAProblemNamingItsColumn() {
        ImportFile file = text(ImportFormat.CSV, "Name,Birthday,Anniversary\nAda,31/02/2020,\nGrace,,2/30/1950\n"
                + "Hedy,11/9/1914,\n");

        List<ImportedCard> cards = cards(file);
        assertEquals(new ImportedCard(2, null, "Birthday \"31/02/2020\" is not a date."), cards.get(0));
        assertEquals(new ImportedCard(3, null, "Anniversary \"2/30/1950\" is not a date."), cards.get(1));
        assertEquals(new PartialDate(1914, MonthDay.of(11, 9)), cards.get(2).details().birthday(), "M/d/yyyy");
    }

    @Test
    void aQuoteNeverClosedEndsTheFileWithAProblemRow() {
        ImportFile file = text(ImportFormat.CSV, "Name,Email\nAda,ada@example.com\n\"Bob,bob@example.com\n"
                + "Cid,cid@example.com\n");

        assertEquals(2, file.count());
        List<ImportedCard> cards = cards(file);
        assertEquals("Ada", cards.get(0).details().name());
        assertEquals(3, cards.get(1).line());
        assertTrue(cards.get(1).problem().startsWith("This row cannot be read: a cell's opening quote"));
    }

    @Test
    void blankLinesAreSkippedAndLineNumbersStayThoseOfTheFile() {
        ImportFile file = text(ImportFormat.CSV, "\r\nName,Email\r\n\r\nAda,ada@example.com\r\n , \r\n"
                + "\"Grace\nHopper\",grace@example.com\r\n\r\nHedy,hedy@example.com");

        assertEquals(3, file.count());
        assertEquals(List.of(4, 6, 9), cards(file).stream().map(ImportedCard::line).toList());
        assertEquals("Grace\nHopper", cards(file).get(1).details().name());
    }

    @Test
    void tabsAndExcelsSeparatorLineSayHowCellsAreSeparated() {
        ImportFile tabs = text(ImportFormat.CSV, "Name\tEmail\tNotes\nAda\tada@example.com\tone, two; three\n");
        assertEquals("one, two; three", cards(tabs).get(0).details().notes());

        ImportFile excel = text(ImportFormat.CSV, "sep=;\nName;Email\nAda;ada@example.com\n");
        assertEquals(List.of("Name", "Email"), ((CsvFile) excel).headings());
        assertEquals(3, cards(excel).get(0).line());
    }

    @Test
    void aFileWithoutHeadingsIsRefused() {
        assertEquals("Line 1 has no column headings: a CSV file of contacts begins with a row of them, "
                        + "e.g. Name,E-mail,Phone.",
                assertThrows(NotThisFormat.class, text(ImportFormat.CSV, "")::count).getMessage());
        NotThisFormat data = assertThrows(NotThisFormat.class,
                text(ImportFormat.CSV, "\n\nAda Lovelace,ada@engines.example\n")::count);
        assertEquals(3, data.line());
        assertTrue(data.getMessage().startsWith("Line 3 has no column headings: \"ada@engines.example\" is a "
                + "contact's e-mail or phone, not a heading."));
        assertEquals(1, assertThrows(NotThisFormat.class,
                text(ImportFormat.CSV, "+62 812 3456 7890,Ada\n")::count).line());
        assertEquals("Line 1 begins a vCard, not column headings: send the file as a vCard (text/vcard).",
                assertThrows(NotThisFormat.class,
                        file("iphone-3.0.vcf", ImportFormat.CSV)::count).getMessage());
        assertEquals(0, text(ImportFormat.CSV, "Name,Email\n").count(), "headings only: nothing to import");
    }

    @Test
    void noTextMakesTheRowsThrow() {
        for (String text : List.of("\"", "\"\"\"", "a,b\n\"", ",,,\n,,,", "Name\n\u0000\u0001", "Name,Birthday\nX,--13-45",
                "Name,Labels\nX,*", "Name,Labels\nX,* ::: :::", "E-mail 1 - Label,E-mail 1 - Value\n:::,:::",
                "sep=\"\nName,Email\nAda,ada@example.com", "sep=\n\n")) {
            ImportFile file = text(ImportFormat.CSV, text);
            assertTrue(cards(file).size() >= 0, text);
            ((CsvFile) file).preview(5);
        }
    }
}
