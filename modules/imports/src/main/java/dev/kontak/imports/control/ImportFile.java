package dev.kontak.imports.control;

import dev.kontak.imports.entity.ImportFormat;
import java.util.Iterator;

/**
 * A contact file as sent, read one card (or row) at a time: its text is held, the contacts read from it are not.
 * Nothing in a file makes it throw, except {@link #count()} refusing a file that is not what its format says.
 */
public sealed interface ImportFile permits VCardFile, CsvFile {

    /**
     * @param columns only for CSV, and may be null: what each column holds, as {@link CsvColumns#parse} reads it;
     *                without it the headings say
     * @throws IllegalArgumentException if {@code columns} does not fit the file's columns
     */
    static ImportFile of(ImportFormat format, byte[] bytes, String columns) {
        String text = FileText.decode(bytes);
        return switch (format) {
            case VCARD -> new VCardFile(text);
            case CSV -> new CsvFile(text, columns);
        };
    }

    /**
     * How many cards (or rows) {@link #cards()} will give, reading the whole file once.
     *
     * @throws NotThisFormat if the file is not a vCard file, or a CSV file with column headings
     */
    int count();

    /** Each card or row in the file's order, read as the iterator moves. */
    Iterator<ImportedCard> cards();
}
