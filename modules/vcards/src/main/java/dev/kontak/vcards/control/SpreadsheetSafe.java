package dev.kontak.vcards.control;

import java.util.regex.Pattern;

/**
 * A cell of a CSV file Kontak writes, safe to open in a spreadsheet: text that a spreadsheet would run as a formula
 * (it begins with = or @, a tab or a carriage return, or with + or - followed by more than a number, such as
 * {@code +HYPERLINK(…)}) gets a leading apostrophe, which Kontak's import takes off again. A phone number such as
 * {@code +62 812-3456-7890} stays as it is.
 */
public final class SpreadsheetSafe {

    private static final Pattern NUMBER = Pattern.compile("[+-][0-9 ().\\-/]*");
    private static final Pattern ESCAPED = Pattern.compile("'[=@+\\-\t\r].*", Pattern.DOTALL);

    private SpreadsheetSafe() {
    }

    public static String cell(String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        char first = text.charAt(0);
        boolean formula = "=@\t\r".indexOf(first) >= 0 || ((first == '+' || first == '-') && !NUMBER.matcher(text).matches());
        return formula ? "'" + text : text;
    }

    /** A cell as Kontak wrote it, without the apostrophe {@link #cell} added. */
    public static String uncell(String cell) {
        return ESCAPED.matcher(cell).matches() ? cell.substring(1) : cell;
    }
}
