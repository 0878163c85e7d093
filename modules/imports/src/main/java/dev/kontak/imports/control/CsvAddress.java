package dev.kontak.imports.control;

import dev.kontak.contacts.entity.PostalAddress;
import dev.kontak.imports.control.CsvColumns.Part;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The address columns of one group of a row (Google's "Address 1 - …", Outlook's "Home …"). Google writes several
 * addresses of a group in one set of cells, each cell's values separated by " ::: ", and Outlook a street in up to
 * three columns, whose lines are joined.
 */
final class CsvAddress {

    private final Map<Part, List<String>> parts = new EnumMap<>(Part.class);
    private List<String> labels = List.of();

    void add(Part part, List<String> values, List<String> labels) {
        if (this.labels.isEmpty()) {
            this.labels = labels;
        }
        List<String> kept = parts.computeIfAbsent(part, none -> new ArrayList<>());
        for (int i = 0; i < values.size(); i++) {
            if (i >= kept.size()) {
                kept.add(values.get(i));
            } else if (!values.get(i).isBlank()) {
                kept.set(i, kept.get(i).isBlank() ? values.get(i)
                        : kept.get(i) + (part == Part.ADDRESS_STREET ? "\n" : ", ") + values.get(i));
            }
        }
    }

    /** The formatted address only where no part was given: it says the same, less exactly. */
    List<PostalAddress> addresses() {
        int count = parts.values().stream().mapToInt(List::size).max().orElse(0);
        List<PostalAddress> addresses = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String label = CsvContact.labelAt(labels, i);
            PostalAddress address = new PostalAddress(label, at(Part.ADDRESS_POBOX, i), at(Part.ADDRESS_EXTENDED, i),
                    at(Part.ADDRESS_STREET, i), at(Part.ADDRESS_CITY, i), at(Part.ADDRESS_REGION, i),
                    at(Part.ADDRESS_POSTCODE, i), at(Part.ADDRESS_COUNTRY, i));
            if (address.isEmpty()) {
                address = new PostalAddress(label, null, null, at(Part.ADDRESS, i), null, null, null, null);
            }
            if (!address.isEmpty()) {
                addresses.add(address);
            }
        }
        return addresses;
    }

    private String at(Part part, int index) {
        List<String> values = parts.getOrDefault(part, List.of());
        return index < values.size() ? values.get(index) : null;
    }
}
