package dev.kontak.imports.boundary;

/**
 * A cell of a CSV file Kontak writes, safe to open in a spreadsheet: text that a spreadsheet would take for a formula
 * (it begins with = + - @, a tab or a carriage return) gets a leading apostrophe.
 */
final class SpreadsheetSafe {

    private SpreadsheetSafe() {
    }

    static String cell(String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        return "=+-@\t\r".indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
    }
}
