package dev.kontak.imports.control;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What each column of a CSV file holds: recognised from the headings that Google Contacts (current and legacy),
 * Outlook and people's own spreadsheets write, or as an API client says it.
 */
public final class CsvColumns {

    /** What a column can hold. A {@code …_LABEL} column holds the label of the values of its group. */
    public enum Part {
        NAME, GIVEN, ADDITIONAL, FAMILY, PREFIX, SUFFIX, NICKNAME,
        EMAIL, EMAIL_LABEL, PHONE, PHONE_LABEL, URL, URL_LABEL,
        ADDRESS_STREET, ADDRESS_EXTENDED, ADDRESS_POBOX, ADDRESS_CITY, ADDRESS_REGION, ADDRESS_POSTCODE,
        ADDRESS_COUNTRY, ADDRESS, ADDRESS_LABEL,
        ORGANIZATION, DEPARTMENT, TITLE, BIRTHDAY, ANNIVERSARY, EVENT, EVENT_LABEL, LABELS, NOTES, IGNORE;

        /** The part whose column labels this part's values, or null if a label means nothing here. */
        Part labelledBy() {
            return switch (this) {
                case EMAIL -> EMAIL_LABEL;
                case PHONE -> PHONE_LABEL;
                case URL -> URL_LABEL;
                case EVENT -> EVENT_LABEL;
                case ADDRESS_STREET, ADDRESS_EXTENDED, ADDRESS_POBOX, ADDRESS_CITY, ADDRESS_REGION, ADDRESS_POSTCODE,
                        ADDRESS_COUNTRY, ADDRESS -> ADDRESS_LABEL;
                default -> null;
            };
        }

        /** As an API client writes it in a mapping: {@code address_city}. */
        String written() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * One column.
     *
     * @param label the label of every value in the column ("work", "mobile"), or null
     * @param group which e-mail, phone, address, … of the row it belongs to: an address's parts and a label column
     *              go with the columns of the same part family and group
     */
    public record Column(Part part, String label, int group) {

        static final Column IGNORED = new Column(Part.IGNORE, null, 0);

        static Column of(Part part) {
            return new Column(part, null, 0);
        }
    }

    /** Google's numbered columns, "E-mail 2 - Value" or "Address 1 - Postal Code", and plain ones ("Phone 2"). */
    private static final Pattern NUMBERED = Pattern.compile(
            "(email|phone|address|website|event|organization|relation|im|customfield)(\\d+)([a-z]*)");
    private static final Map<String, Column> HEADINGS = CsvHeadings.all();

    private final List<Column> columns;

    private CsvColumns(List<Column> columns) {
        this.columns = List.copyOf(columns);
    }

    /** The columns as their headings say; a heading no export writes is a column to ignore. */
    public static CsvColumns recognise(List<String> headings) {
        List<String> squashed = headings.stream().map(CsvColumns::squash).toList();
        // Outlook's "Title" is Mr. or Dr.: its job title is "Job Title"
        boolean titleIsPrefix = squashed.contains("jobtitle");
        return new CsvColumns(squashed.stream()
                .map(heading -> titleIsPrefix && heading.equals("title") ? Column.of(Part.PREFIX) : column(heading))
                .toList());
    }

    /**
     * An API client's mapping: one entry per column, in order, separated by commas; an entry is a part
     * ({@code email}, {@code address_city}, …), with {@code :label} after it where the part takes a label, or
     * {@code -} for a column to leave out. E.g. {@code name,email:work,phone:mobile,-}. The second column of a part
     * is that part's second value (its second address, when it is an address's part).
     *
     * @throws IllegalArgumentException if there are not {@code width} entries, or an entry is no part
     */
    public static CsvColumns parse(String mapping, int width) {
        if (mapping == null || mapping.isBlank()) {
            throw new IllegalArgumentException("Say what each column holds, e.g. name,email:work,phone:mobile,-");
        }
        String[] entries = mapping.split(",", -1);
        if (entries.length != width) {
            throw new IllegalArgumentException("The columns list has " + entries.length + " entries, but the file has "
                    + width + " columns: give one entry for each column, and - for a column to leave out.");
        }
        Map<Part, Integer> seen = new EnumMap<>(Part.class);
        Column[] columns = new Column[width];
        for (int i = 0; i < width; i++) {
            columns[i] = entry(i + 1, entries[i].strip(), seen);
        }
        return new CsvColumns(Arrays.asList(columns));
    }

    /** False when no heading says anything Kontak keeps: the file needs its columns said. */
    public boolean recognisesAny() {
        return columns.stream().anyMatch(column -> column.part() != Part.IGNORE);
    }

    /** In the file's order; a row's cell beyond them is ignored. */
    public List<Column> columns() {
        return columns;
    }

    private static Column entry(int number, String entry, Map<Part, Integer> seen) {
        if (entry.equals("-")) {
            return Column.IGNORED;
        }
        String[] partAndLabel = entry.split(":", 2);
        String written = partAndLabel[0].strip().toLowerCase(Locale.ROOT).replace('-', '_');
        Part part = Arrays.stream(Part.values()).filter(candidate -> candidate.written().equals(written)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Column " + number + "'s \"" + entry
                        + "\" is not something a column can hold: use one of " + Arrays.stream(Part.values())
                        .map(Part::written).collect(Collectors.joining(", ")) + ", or - to leave the column out."));
        String label = partAndLabel.length < 2 || partAndLabel[1].isBlank() ? null : partAndLabel[1].strip();
        if (label != null && part.labelledBy() == null) {
            throw new IllegalArgumentException("Column " + number + "'s \"" + entry + "\" has a label, but only "
                    + "e-mail, phone, web address, address and event columns take one.");
        }
        return new Column(part, label, seen.merge(part, 1, Integer::sum));
    }

    private static Column column(String squashed) {
        Matcher numbered = NUMBERED.matcher(squashed);
        if (numbered.matches()) {
            Part part = CsvHeadings.numbered(numbered.group(1), numbered.group(3));
            if (part != null) {
                return new Column(part, null, Integer.parseInt(numbered.group(2)));
            }
        }
        return HEADINGS.getOrDefault(squashed, Column.IGNORED);
    }

    /** A heading as letters and digits only, lower case: "E-mail 2 - Value" is "email2value". */
    static String squash(String heading) {
        return heading.toLowerCase(Locale.ROOT).codePoints().filter(Character::isLetterOrDigit)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
    }
}
