package dev.kontak.imports.control;

import dev.kontak.contacts.entity.PartialDate;
import java.time.DateTimeException;
import java.time.MonthDay;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A birthday or anniversary as exports write it: ISO ({@code 1980-04-15}, {@code --04-15}) or Outlook's M/d/yyyy. */
final class WrittenDate {

    private static final Pattern OUTLOOK = Pattern.compile("(\\d{1,2})/(\\d{1,2})/(\\d{4})");
    /** Outlook's date that is none. */
    private static final Pattern OUTLOOK_NONE = Pattern.compile("0{1,2}/0{1,2}/(00|0000)");

    private WrittenDate() {
    }

    /**
     * @return null when the text says there is no date
     * @throws IllegalArgumentException if the text is no date
     */
    static PartialDate parse(String text) {
        String date = text.strip();
        if (OUTLOOK_NONE.matcher(date).matches()) {
            return null;
        }
        Matcher outlook = OUTLOOK.matcher(date);
        if (!outlook.matches()) {
            return PartialDate.parse(date);
        }
        try {
            return new PartialDate(Integer.valueOf(outlook.group(3)),
                    MonthDay.of(Integer.parseInt(outlook.group(1)), Integer.parseInt(outlook.group(2))));
        } catch (DateTimeException noSuchDay) {
            throw new IllegalArgumentException("There is no such date: " + date + ".", noSuchDay);
        }
    }
}
