package dev.kontak.imports.control;

import dev.kontak.imports.control.CsvColumns.Column;
import dev.kontak.vcards.control.SpreadsheetSafe;
import java.util.List;
import java.util.regex.Pattern;

/**
 * One row of a CSV file, as its cells were read; null cells when the row could not be read.
 *
 * @param line where the row begins in the file, counted from 1
 */
record CsvRow(int line, List<String> cells) {

    private static final Pattern LINE_END = Pattern.compile("\\r\\n?");

    static CsvRow unreadable(int line) {
        return new CsvRow(line, null);
    }

    boolean isBlank() {
        return cells != null && cells.stream().allMatch(String::isBlank);
    }

    /** The contact in this row, as the columns say; a problem when it has none or a date is no date. */
    ImportedCard card(CsvColumns columns) {
        if (cells == null) {
            return ImportedCard.problem(line, "This row cannot be read: a cell's opening quote (\") is never "
                    + "closed, so the rest of the file would be part of it.");
        }
        List<Column> all = columns.columns();
        CsvContact contact = new CsvContact(all, this::cell);
        for (int i = 0; i < all.size(); i++) {
            String problem = cell(i).isEmpty() ? null : contact.add(all.get(i), cell(i));
            if (problem != null) {
                return ImportedCard.problem(line, problem);
            }
        }
        return contact.details().map(details -> ImportedCard.of(line, details))
                .orElseGet(() -> ImportedCard.problem(line, "This row has no name, organisation, e-mail or phone."));
    }

    /**
     * A cell's lines end as Kontak keeps them, with LF, whatever the file's ended with, and a formula Kontak's own
     * export kept from spreadsheets is a text again; "" past the row's end.
     */
    private String cell(int column) {
        return column < cells.size()
                ? LINE_END.matcher(SpreadsheetSafe.uncell(cells.get(column).strip())).replaceAll("\n") : "";
    }
}
