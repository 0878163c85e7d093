package dev.kontak.imports.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ImportFormatTest {

    @Test
    void theMediaTypeSaysTheFormatWhateverItsParametersAndCase() {
        assertEquals(ImportFormat.VCARD, ImportFormat.of("text/vcard", "contacts.csv"));
        assertEquals(ImportFormat.VCARD, ImportFormat.of("Text/X-VCard; charset=UTF-8", null));
        assertEquals(ImportFormat.VCARD, ImportFormat.of("text/directory;profile=vCard", null));
        assertEquals(ImportFormat.CSV, ImportFormat.of("text/csv;charset=windows-1252", null));
        assertEquals(ImportFormat.CSV, ImportFormat.of("application/csv", null));
        assertEquals(ImportFormat.CSV, ImportFormat.of(" TEXT/COMMA-SEPARATED-VALUES ", null));
    }

    @Test
    void aTypeThatSaysNothingLeavesItToTheFileName() {
        assertEquals(ImportFormat.VCARD, ImportFormat.of(null, "Kontak iPhone.VCF"));
        assertEquals(ImportFormat.VCARD, ImportFormat.of("application/octet-stream", "all.vcard"));
        assertEquals(ImportFormat.CSV, ImportFormat.of("", "contacts.csv"));
        assertEquals(ImportFormat.CSV, ImportFormat.of("application/vnd.ms-excel", "outlook.csv"),
                "what Windows with Excel sends");
    }

    @Test
    void anythingElseIsRefusedSayingWhatToSend() {
        for (String[] typeAndName : new String[][] {{"application/pdf", "contacts.csv"}, {null, "contacts.xlsx"},
                {null, null}, {"application/octet-stream", "vcf"}, {"text/plain", "contacts.vcf"}}) {
            assertEquals("Send a vCard (text/vcard) or CSV (text/csv) file.", assertThrows(
                    IllegalArgumentException.class, () -> ImportFormat.of(typeAndName[0], typeAndName[1]))
                    .getMessage());
        }
    }
}
