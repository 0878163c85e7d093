package dev.kontak.jobs.entity;

/** How a run ended. */
public enum JobOutcome {
    COMPLETED,
    CANCELLED,
    /** It stopped before its end: a step failed, its lease was lost, or its node stopped reporting (went down). */
    INTERRUPTED
}
