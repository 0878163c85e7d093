package dev.kontak.imports.control;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * A CSV file of contacts: a row of column headings, then a contact a row. Cells are separated by commas, or by
 * semicolons or tabs (what Excel writes where the comma is the decimal separator), as the heading row shows, or as
 * Excel's {@code sep=;} first line says. A quoted cell may hold several lines; a row's line is its first.
 */
public final class CsvFile implements ImportFile {

    /** Excel's first line that names the separator. */
    private static final Pattern SEPARATOR_LINE = Pattern.compile("(?i)sep=([,;\t|])[ \t]*(\\R|$)");
    private static final Pattern PHONE_LIKE = Pattern.compile("[+0-9 ()./-]*\\d[+0-9 ()./-]*");

    private final String text;
    /** The lines before the text, Excel's {@code sep=} line. */
    private final int linesBefore;
    private final CSVFormat format;
    private final CsvRow heading;
    private final List<String> headings;
    private final CsvColumns columns;

    /**
     * @param columns what each column holds, as {@link CsvColumns#parse} reads it; null or blank to let the headings
     *                say
     * @throws IllegalArgumentException if {@code columns} is given and does not fit the headings
     */
    CsvFile(String text, String columns) {
        Matcher separatorLine = SEPARATOR_LINE.matcher(text);
        boolean named = separatorLine.lookingAt();
        this.text = named ? text.substring(separatorLine.end()) : text;
        this.linesBefore = named ? 1 : 0;
        char separator = named ? separatorLine.group(1).charAt(0) : separatorOf(firstLine(this.text));
        this.format = CSVFormat.DEFAULT.builder().setDelimiter(separator).setIgnoreEmptyLines(false)
                .setIgnoreSurroundingSpaces(true).setTrailingData(true).get();
        Rows rows = new Rows(null);
        this.heading = rows.hasNext() ? rows.next() : new CsvRow(1 + linesBefore, List.of());
        this.headings = heading.cells() == null ? List.of() : heading.cells().stream().map(String::strip).toList();
        this.columns = columns == null || columns.isBlank() || headings.isEmpty() ? CsvColumns.recognise(headings)
                : CsvColumns.parse(columns, headings.size());
    }

    /** The column headings as written; none when the first row cannot be read. */
    public List<String> headings() {
        return headings;
    }

    /** What each column holds, as the headings say or as the caller said. */
    public CsvColumns columns() {
        return columns;
    }

    /** The heading row, then up to {@code rows} rows as read: what a page shows to have the columns said. */
    public List<List<String>> preview(int rows) {
        List<List<String>> preview = new ArrayList<>();
        if (headings.isEmpty()) {
            return preview;
        }
        preview.add(headings);
        Rows read = new Rows(heading);
        while (preview.size() <= rows && read.hasNext()) {
            CsvRow row = read.next();
            if (row.cells() == null) {
                break;
            }
            preview.add(row.cells());
        }
        return preview;
    }

    @Override
    public int count() {
        String refused = headingsRefused();
        if (refused != null) {
            throw new NotThisFormat(heading.line(), refused);
        }
        Rows rows = new Rows(heading);
        int count = 0;
        while (rows.hasNext()) {
            rows.next();
            count++;
        }
        return count;
    }

    @Override
    public Iterator<ImportedCard> cards() {
        Rows rows = new Rows(heading);
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return !headings.isEmpty() && rows.hasNext();
            }

            @Override
            public ImportedCard next() {
                return rows.next().card(columns);
            }
        };
    }

    /** Why the first row is no heading row, as the rest of a sentence after "Line N"; null if it is one. */
    private String headingsRefused() {
        if (headings.stream().allMatch(String::isBlank)) {
            return "has no column headings: a CSV file of contacts begins with a row of them, e.g. Name,E-mail,Phone.";
        }
        if (headings.get(0).equalsIgnoreCase("BEGIN:VCARD")) {
            return "begins a vCard, not column headings: send the file as a vCard (text/vcard).";
        }
        for (String heading : headings) {
            if (heading.codePoints().anyMatch(c -> Character.isISOControl(c) && c != '\t' || c == '\uFFFD')) {
                return "is not text: save the spreadsheet as CSV and send that file.";
            }
            if (heading.contains("@") || PHONE_LIKE.matcher(heading).matches()
                    && heading.chars().filter(Character::isDigit).count() >= 6) {
                return "has no column headings: \"" + heading + "\" is a contact's e-mail or phone, not a heading. "
                        + "Add a row of headings, e.g. Name,E-mail,Phone.";
            }
        }
        return null;
    }

    private static String firstLine(String text) {
        return text.lines().filter(line -> !line.isBlank()).findFirst().orElse("");
    }

    /** The one of comma, semicolon and tab that separates the most cells of the line, outside quotes. */
    private static char separatorOf(String line) {
        int commas = 0;
        int semicolons = 0;
        int tabs = 0;
        boolean quoted = false;
        for (char c : line.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && c == ',') {
                commas++;
            } else if (!quoted && c == ';') {
                semicolons++;
            } else if (!quoted && c == '\t') {
                tabs++;
            }
        }
        if (semicolons > commas && semicolons >= tabs) {
            return ';';
        }
        return tabs > commas ? '\t' : ',';
    }

    /**
     * The rows after {@code after} (all rows when null), blank rows skipped. A row that cannot be read (a quote
     * never closed) is the last.
     */
    private final class Rows implements Iterator<CsvRow> {

        private final Iterator<CSVRecord> records;
        private final CSVParser parser;
        private CsvRow next;
        private boolean ended;

        Rows(CsvRow after) {
            try {
                parser = CSVParser.parse(text, format);
            } catch (IOException impossible) {
                throw new UncheckedIOException(impossible);
            }
            records = parser.iterator();
            advance();
            while (after != null && next != null && next.line() <= after.line()) {
                advance();
            }
        }

        @Override
        public boolean hasNext() {
            return next != null;
        }

        @Override
        public CsvRow next() {
            if (next == null) {
                throw new NoSuchElementException();
            }
            CsvRow row = next;
            advance();
            return row;
        }

        private void advance() {
            next = null;
            while (!ended && next == null) {
                int line = (int) parser.getCurrentLineNumber() + 1 + linesBefore;
                try {
                    if (!records.hasNext()) {
                        ended = true;
                        return;
                    }
                    CsvRow row = new CsvRow(line, records.next().toList());
                    next = row.isBlank() ? null : row;
                } catch (RuntimeException unreadable) { // commons-csv says why as an UncheckedIOException
                    ended = true;
                    next = CsvRow.unreadable(line);
                }
            }
        }
    }
}
