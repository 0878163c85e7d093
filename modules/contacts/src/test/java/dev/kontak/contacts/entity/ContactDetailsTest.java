package dev.kontak.contacts.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.MonthDay;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class ContactDetailsTest {

    private static final ContactDetails ADA = new ContactDetails("", new StructuredName("Dr.", " Ada ", "King", "Lovelace",
            null), "  ", List.of(new EmailAddress("work", "ada@engines.example"), new EmailAddress(" ", "ada@home.example")),
            List.of(new PhoneNumber("mobile", "0812-3456-7890")), List.of(new PostalAddress("home", null, null,
            "12 St James's Square", "London", null, "SW1Y 4JH", "United Kingdom"), new PostalAddress("empty", "", " ",
            null, null, null, null, null)), List.of(new WebAddress(null, "https://engines.example")), " Engines ", null,
            "Countess", new PartialDate(1815, MonthDay.of(12, 10)), null, new TreeSet<>(List.of("friends", " ", " vip ")),
            true, "Met at the Royal Society.", null, null);

    @Test
    void aBlankDisplayNameIsMadeOfTheNamesPartsAndBlankTextIsNone() {
        assertEquals("Dr. Ada King Lovelace", ADA.name());
        assertNull(ADA.nickname());
        assertNull(ADA.emails().get(1).label());
        assertEquals("Engines", ADA.organization());
        assertEquals(1, ADA.addresses().size(), "an address with no part is dropped");
        assertEquals(new TreeSet<>(List.of("friends", "vip")), ADA.labels());
    }

    @Test
    void theQuickFormReplacesTheFirstEmailAndPhoneAndLeavesTheRestOfTheCard() {
        ContactDetails edited = ADA.withQuick("Ada Lovelace", "ada@analytical.example", "", "Analytical Engines", null);

        assertEquals("Ada Lovelace", edited.name());
        assertEquals(List.of(new EmailAddress("work", "ada@analytical.example"), new EmailAddress(null, "ada@home.example")),
                edited.emails(), "the first one's label stays");
        assertEquals(List.of(), edited.phones(), "a blank phone removes the first");
        assertEquals("Analytical Engines", edited.organization());
        assertNull(edited.notes());
        assertEquals(ADA.structuredName(), edited.structuredName());
        assertEquals(ADA.addresses(), edited.addresses());
        assertEquals(ADA.urls(), edited.urls());
        assertEquals(ADA.title(), edited.title());
        assertEquals(ADA.birthday(), edited.birthday());
        assertEquals(ADA.labels(), edited.labels());
        assertEquals(ADA.favourite(), edited.favourite());
    }

    @Test
    void theQuickFormOfANewContactIsItsFirstEmailAndPhone() {
        ContactDetails quick = ContactDetails.of("Grace", "grace@navy.example", "+1 202 555 0100", "Navy", "");

        assertEquals("grace@navy.example", quick.email());
        assertEquals("+1 202 555 0100", quick.phone());
        assertEquals(List.of(), ContactDetails.of("Grace", " ", null, null, null).emails());
        assertEquals("email", ContactDetails.quickField("emails[0].address"));
        assertEquals("emails[1].address", ContactDetails.quickField("emails[1].address"));
    }
}
