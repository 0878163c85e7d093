package dev.kontak.contacts.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.MonthDay;
import org.junit.jupiter.api.Test;

class PartialDateTest {

    @Test
    void aDateReadsWithOrWithoutItsYearAndIsWrittenAsVcardFourWritesIt() {
        assertEquals(new PartialDate(1815, MonthDay.of(12, 10)), PartialDate.parse("1815-12-10"));
        assertEquals(new PartialDate(1815, MonthDay.of(12, 10)), PartialDate.parse("18151210"));
        PartialDate yearless = PartialDate.parse(" --07-08 ");
        assertNull(yearless.year());
        assertEquals(MonthDay.of(7, 8), yearless.day());
        assertEquals(yearless, PartialDate.parse("--0708"));
        assertEquals("1815-12-10", PartialDate.parse("18151210").toString());
        assertEquals("--07-08", yearless.toString());
        assertEquals("0099-01-02", PartialDate.parse("0099-01-02").toString());
    }

    @Test
    void februaryTheTwentyNinthNeedsALeapYearOrNone() {
        assertEquals("--02-29", PartialDate.parse("--02-29").toString());
        assertEquals("2024-02-29", PartialDate.parse("2024-02-29").toString());
        assertEquals("There is no such date: 2023-02-29.",
                assertThrows(IllegalArgumentException.class, () -> PartialDate.parse("2023-02-29")).getMessage());
    }

    @Test
    void whatIsNoDateIsRefusedWithTheFormItNeeds() {
        for (String text : new String[] {"", "10/12/1815", "tomorrow", "1815-1-1"}) {
            assertEquals("Enter a date as YYYY-MM-DD, or --MM-DD without the year.",
                    assertThrows(IllegalArgumentException.class, () -> PartialDate.parse(text)).getMessage(), text);
        }
        for (String text : new String[] {"1815-13-01", "--00-10", "1815-12-32", "--04-31"}) {
            assertEquals("There is no such date: " + text + ".",
                    assertThrows(IllegalArgumentException.class, () -> PartialDate.parse(text)).getMessage(), text);
        }
    }
}
