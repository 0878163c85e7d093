package dev.kontak.metadata.entity;

/** The two actions an administrator runs over every user's metadata. */
public enum BatchKind {
    /** Compare every row with a full recompute and repair the ones that drifted. */
    VERIFY,
    /** Recompute every row from the data (the seed's "Bulk metadata refresh"). */
    REFRESH
}
