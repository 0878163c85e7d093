package dev.kontak.imports.control;

import dev.kontak.contacts.entity.ContactDetails;
import dev.kontak.contacts.entity.EmailAddress;
import dev.kontak.contacts.entity.PartialDate;
import dev.kontak.contacts.entity.PhoneNumber;
import dev.kontak.contacts.entity.StructuredName;
import dev.kontak.contacts.entity.WebAddress;
import dev.kontak.imports.control.CsvColumns.Column;
import dev.kontak.imports.control.CsvColumns.Part;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.BiConsumer;
import java.util.function.IntFunction;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** A contact as it is read from a row's cells, one cell after the other. */
final class CsvContact {

    /** How Google writes several values in one cell: "a@example.com ::: b@example.com". */
    private static final Pattern SEVERAL = Pattern.compile("\\s*:::\\s*");
    /** Google's labels are " ::: "-separated; Outlook's categories and people's own ";" or ",". */
    private static final Pattern LABELS = Pattern.compile("\\s*(?::::|;|,)\\s*");

    /** The cells of the row's label columns ("E-mail 1 - Label"), by their part and group. */
    private final Map<Column, String> labelCells = new HashMap<>();
    private final Map<Part, String> first = new EnumMap<>(Part.class);
    private final List<EmailAddress> emails = new ArrayList<>();
    private final List<PhoneNumber> phones = new ArrayList<>();
    private final List<WebAddress> urls = new ArrayList<>();
    private final Map<Integer, CsvAddress> addresses = new LinkedHashMap<>();
    private final TreeSet<String> labels = new TreeSet<>();
    private final List<String> notes = new ArrayList<>();
    private final List<String> events = new ArrayList<>();
    private boolean favourite;
    private PartialDate birthday;
    private PartialDate anniversary;

    CsvContact(List<Column> columns, IntFunction<String> cells) {
        for (int i = 0; i < columns.size(); i++) {
            Column column = columns.get(i);
            if (column.part().name().endsWith("_LABEL")) {
                labelCells.put(new Column(column.part(), null, column.group()), cells.apply(i));
            }
        }
    }

    /** @return why the row holds no contact, or null */
    String add(Column column, String cell) {
        List<String> values = List.of(SEVERAL.split(cell));
        switch (column.part()) {
            case EMAIL -> each(values, labelsOf(column), (label, value) -> emails.add(new EmailAddress(label, value)));
            case PHONE -> each(values, labelsOf(column), (label, value) -> phones.add(new PhoneNumber(label, value)));
            case URL -> each(values, labelsOf(column), (label, value) -> urls.add(new WebAddress(label, value)));
            case ADDRESS_STREET, ADDRESS_EXTENDED, ADDRESS_POBOX, ADDRESS_CITY, ADDRESS_REGION, ADDRESS_POSTCODE,
                    ADDRESS_COUNTRY, ADDRESS -> addresses.computeIfAbsent(column.group(), group -> new CsvAddress())
                    .add(column.part(), values, labelsOf(column));
            case LABELS -> addLabels(cell);
            case NOTES -> notes.add(cell);
            case BIRTHDAY -> {
                return addDate("Birthday", cell);
            }
            case ANNIVERSARY -> {
                return addDate("Anniversary", cell);
            }
            case EVENT -> {
                String event = eventName(column);
                if (event.equalsIgnoreCase("birthday") || event.equalsIgnoreCase("anniversary")) {
                    return addDate(event.substring(0, 1).toUpperCase(Locale.ROOT)
                            + event.substring(1).toLowerCase(Locale.ROOT), cell);
                }
                events.add(event + ": " + cell);
            }
            case EMAIL_LABEL, PHONE_LABEL, URL_LABEL, ADDRESS_LABEL, EVENT_LABEL, IGNORE -> {
            }
            default -> first.putIfAbsent(column.part(), cell);
        }
        return null;
    }

    /**
     * The contact, named as address books name a card without a name: by its name's parts, else its organisation,
     * first e-mail or first phone; none if it has none of them.
     */
    Optional<ContactDetails> details() {
        StructuredName name = new StructuredName(first.get(Part.PREFIX), first.get(Part.GIVEN),
                first.get(Part.ADDITIONAL), first.get(Part.FAMILY), first.get(Part.SUFFIX));
        Optional<String> shown = Stream.of(first.get(Part.NAME), name.spoken(), first.get(Part.ORGANIZATION),
                        emails.isEmpty() ? null : emails.get(0).address(),
                        phones.isEmpty() ? null : phones.get(0).number())
                .filter(candidate -> candidate != null && !candidate.isBlank()).findFirst();
        List<String> paragraphs = new ArrayList<>(notes);
        if (!events.isEmpty()) {
            paragraphs.add(String.join("\n", events));
        }
        return shown.map(display -> new ContactDetails(display, name, first.get(Part.NICKNAME), emails, phones,
                addresses.values().stream().flatMap(address -> address.addresses().stream()).toList(), urls,
                first.get(Part.ORGANIZATION), first.get(Part.DEPARTMENT), first.get(Part.TITLE), birthday,
                anniversary, labels, favourite, paragraphs.isEmpty() ? null : String.join("\n\n", paragraphs), null, null));
    }

    /** Google marks its own groups with "* ": "* starred" is a favourite, "* myContacts" is every contact. */
    private void addLabels(String cell) {
        for (String label : LABELS.split(cell)) {
            String filed = unstarred(label);
            if (label.startsWith("*") && filed.equalsIgnoreCase("starred")) {
                favourite = true;
            } else if (!CsvColumns.squash(filed).equals("mycontacts")) {
                labels.add(filed);
            }
        }
    }

    private String addDate(String what, String cell) {
        PartialDate date;
        try {
            date = WrittenDate.parse(cell);
        } catch (IllegalArgumentException notADate) {
            return what + " \"" + cell + "\" is not a date.";
        }
        if (what.equals("Birthday") && birthday == null) {
            birthday = date;
        } else if (what.equals("Anniversary") && anniversary == null) {
            anniversary = date;
        }
        return null;
    }

    /**
     * The labels of a column's values: the column's own, else those in its group's label cell, one for each value
     * when Google wrote several ("* Work ::: Home"). Google's "* " marks the primary value; labels are lower case.
     */
    private List<String> labelsOf(Column column) {
        if (column.label() != null) {
            return List.of(column.label().toLowerCase(Locale.ROOT));
        }
        String cell = labelCells.get(new Column(column.part().labelledBy(), null, column.group()));
        if (cell == null || cell.isEmpty()) {
            return List.of();
        }
        return Stream.of(SEVERAL.split(cell)).map(CsvContact::unstarred)
                .map(label -> label.toLowerCase(Locale.ROOT)).toList();
    }

    private String eventName(Column column) {
        if (column.label() != null) {
            return column.label();
        }
        String cell = labelCells.get(new Column(Part.EVENT_LABEL, null, column.group()));
        return cell == null || unstarred(cell).isEmpty() ? "Event" : unstarred(cell);
    }

    private static String unstarred(String label) {
        return label.startsWith("*") ? label.substring(1).strip() : label.strip();
    }

    /** The label of the value at {@code index}: its own, else the last one given. */
    static String labelAt(List<String> labels, int index) {
        if (labels.isEmpty()) {
            return null;
        }
        String label = labels.get(Math.min(index, labels.size() - 1));
        return label.isEmpty() ? null : label;
    }

    private static void each(List<String> values, List<String> labels, BiConsumer<String, String> add) {
        for (int i = 0; i < values.size(); i++) {
            if (!values.get(i).isBlank()) {
                add.accept(labelAt(labels, i), values.get(i));
            }
        }
    }
}
