package dev.kontak.admin.entity;

/** What an integrity check of one user's metadata found. */
public enum CheckOutcome {
    /** The row matched a full recompute from the data. */
    MATCHED,
    /** The row had drifted (or was missing) and was replaced by a full recompute. */
    REPAIRED,
    /** The check or the repair failed; the row is as it was. */
    FAILED
}
