package dev.kontak.imports.entity;

import java.util.Locale;

/** What became of one contact of an imported file. */
public enum RowOutcome {
    CREATED, UPDATED, SKIPPED, FAILED;

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
