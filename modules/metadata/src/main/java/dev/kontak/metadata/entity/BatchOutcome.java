package dev.kontak.metadata.entity;

/** How a batch run ended. */
public enum BatchOutcome {
    COMPLETED,
    CANCELLED,
    /** Its node stopped reporting progress (it went down): the run ended without finishing. */
    INTERRUPTED
}
