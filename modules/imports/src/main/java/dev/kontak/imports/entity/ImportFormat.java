package dev.kontak.imports.entity;

import java.util.Locale;
import java.util.Set;

/** What kind of contact file someone sends: vCard or CSV. */
public enum ImportFormat {
    VCARD, CSV;

    private static final Set<String> VCARD_TYPES = Set.of("text/vcard", "text/x-vcard", "text/directory");
    private static final Set<String> CSV_TYPES = Set.of("text/csv", "application/csv", "text/comma-separated-values");
    /**
     * Types that say nothing about the file, so its name decides. Browsers send .vcf and .csv files as
     * octet-stream when the system knows no type for them, and Windows with Excel installed sends .csv as
     * vnd.ms-excel.
     */
    private static final Set<String> UNSURE_TYPES = Set.of("", "application/octet-stream", "application/vnd.ms-excel");

    /**
     * The format a media type says (its parameters and case ignored), or, when it says nothing, the file name's
     * extension.
     *
     * @throws IllegalArgumentException if neither is a vCard's or a CSV's
     */
    public static ImportFormat of(String mediaType, String fileName) {
        String type = mediaType == null ? "" : mediaType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        if (VCARD_TYPES.contains(type)) {
            return VCARD;
        }
        if (CSV_TYPES.contains(type)) {
            return CSV;
        }
        String name = fileName == null ? "" : fileName.strip().toLowerCase(Locale.ROOT);
        if (UNSURE_TYPES.contains(type) && (name.endsWith(".vcf") || name.endsWith(".vcard"))) {
            return VCARD;
        }
        if (UNSURE_TYPES.contains(type) && name.endsWith(".csv")) {
            return CSV;
        }
        throw new IllegalArgumentException("Send a vCard (text/vcard) or CSV (text/csv) file.");
    }
}
