package dev.kontak.contacts.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class MergedCardTest {

    private final ContactDetails kept = new ContactDetails("Ada Lovelace", null, null,
            List.of(new EmailAddress("work", "ada@engines.example")), List.of(new PhoneNumber("mobile", "0812", "+62812")),
            List.of(), List.of(), "Engines", null, null, null, null, new TreeSet<>(List.of("science")), false, null, null, null);
    private final ContactDetails other = new ContactDetails("A. Lovelace", null, "Ada",
            List.of(new EmailAddress(null, "ADA@engines.example"), new EmailAddress("home", "ada@home.example")),
            List.of(new PhoneNumber(null, "+62 812", "+62812"), new PhoneNumber("work", "021 555 0100")),
            List.of(), List.of(), "Analytical Engines", null, "Programmer", PartialDate.parse("--12-10"), null,
            new TreeSet<>(List.of("poetry")), true, "Wrote the first program.", null, null);

    @Test
    void takesTheKeptCardsFieldsThenTheOthersAndEveryListOfAll() {
        ContactDetails merged = MergedCard.of(kept, List.of(other), Map.of());

        assertEquals("Ada Lovelace", merged.name());
        assertEquals("Engines", merged.organization());
        assertEquals("Ada", merged.nickname(), "the kept card had none");
        assertEquals("Programmer", merged.title());
        assertEquals(PartialDate.parse("--12-10"), merged.birthday());
        assertTrue(merged.favourite());
        assertEquals("Wrote the first program.", merged.notes());
        assertEquals(List.of(new EmailAddress("work", "ada@engines.example"), new EmailAddress("home", "ada@home.example")),
                merged.emails(), "one of each address, whatever its case");
        assertEquals(List.of(new PhoneNumber("mobile", "0812", "+62812"), new PhoneNumber("work", "021 555 0100")),
                merged.phones(), "one of each number");
        assertEquals(List.of("poetry", "science"), List.copyOf(merged.labels()));
    }

    @Test
    void aChosenFieldComesFromTheCardChosenEvenWhereTheKeptOneHasAValue() {
        ContactDetails merged = MergedCard.of(kept, List.of(other),
                Map.of(MergedCard.Field.NAME, other, MergedCard.Field.ORGANIZATION, other, MergedCard.Field.FAVOURITE, kept));

        assertEquals("A. Lovelace", merged.name());
        assertEquals("Analytical Engines", merged.organization());
        assertEquals(false, merged.favourite());
    }

    @Test
    void fieldsAreNamedByTheirKeys() {
        assertEquals(MergedCard.Field.ORGANIZATION, MergedCard.Field.ofKey("organization").orElseThrow());
        assertTrue(MergedCard.Field.ofKey("colour").isEmpty());
    }
}
