package dev.kontak.contacts.entity;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A birthday or anniversary, whose year may be unknown: {@code 1815-12-10}, or {@code --12-10} without a year
 * (vCard 4.0's form, which is also how it is kept in its column). February 29 without a year is a valid date.
 */
public record PartialDate(Integer year, MonthDay day) {

    private static final Pattern FORM = Pattern.compile("(\\d{4}|--)-?(\\d{2})-?(\\d{2})");

    public PartialDate {
        if (year != null) {
            LocalDate.of(year, day.getMonthValue(), day.getDayOfMonth()); // throws on 1900-02-29
        }
    }

    /**
     * Reads {@code YYYY-MM-DD}, {@code --MM-DD} and the same without dashes ({@code 18151210}, {@code --1210}).
     *
     * @throws IllegalArgumentException if the text is no such date
     */
    public static PartialDate parse(String text) {
        Matcher form = FORM.matcher(text.strip());
        if (!form.matches()) {
            throw new IllegalArgumentException("Enter a date as YYYY-MM-DD, or --MM-DD without the year.");
        }
        try {
            Integer year = form.group(1).equals("--") ? null : Integer.valueOf(form.group(1));
            return new PartialDate(year, MonthDay.of(Integer.parseInt(form.group(2)), Integer.parseInt(form.group(3))));
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("There is no such date: " + text.strip() + ".", e);
        }
    }

    @Override
    public String toString() {
        return (year == null ? "-" : String.format("%04d", year)) + day.toString().substring(1);
    }
}
