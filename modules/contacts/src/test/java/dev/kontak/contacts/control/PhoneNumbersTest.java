package dev.kontak.contacts.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.kontak.contacts.entity.PhoneNumber;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PhoneNumbersTest {

    private final PhoneNumbers indonesia = numbers("ID");

    @Test
    void aNumberWithoutCountryCodeIsReadInTheDefaultRegion() {
        assertEquals(Optional.of("+6281234567890"), indonesia.e164("0812-3456-7890"));
        assertEquals(Optional.of("+6281234567890"), indonesia.e164("+62 812 3456 7890"));
        assertEquals(Optional.of("+442079460958"), indonesia.e164("+44 20 7946 0958"));
        assertEquals(Optional.of("+442079460958"), numbers("GB").e164("020 7946 0958"));
        assertEquals(Optional.empty(), numbers("GB").e164("0812-3456-7890"), "not a British number");
    }

    @Test
    void whatIsNoValidNumberKeepsWhatWasTypedAndGetsNoE164() {
        List<PhoneNumber> normalised = indonesia.normalised(List.of(new PhoneNumber("mobile", "0812-3456-7890"),
                new PhoneNumber("work", "12"), new PhoneNumber(null, "+62 812 3456 7890 ext. 5")));

        assertEquals(new PhoneNumber("mobile", "0812-3456-7890", "+6281234567890"), normalised.get(0));
        assertNull(normalised.get(1).e164());
        assertEquals("12", normalised.get(1).number());
        assertEquals("+62 812 3456 7890 ext. 5", normalised.get(2).number());
        assertEquals("+6281234567890", normalised.get(2).e164(), "the extension is no part of the number");
    }

    @Test
    void aValidNumberIsShownInternationallyFormattedAndAnInvalidOneAsTyped() {
        assertEquals("+62 812-3456-7890", indonesia.formatted(new PhoneNumber(null, "081234567890")));
        assertEquals("+44 20 7946 0958", indonesia.formatted(new PhoneNumber(null, "+442079460958")));
        assertEquals("12 34", indonesia.formatted(new PhoneNumber(null, "12 34")));
    }

    private static PhoneNumbers numbers(String region) {
        PhoneNumbers numbers = new PhoneNumbers();
        numbers.defaultRegion = region;
        return numbers;
    }
}
