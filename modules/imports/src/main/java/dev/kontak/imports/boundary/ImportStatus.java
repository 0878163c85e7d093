package dev.kontak.imports.boundary;

import dev.kontak.imports.entity.ContactImport;
import dev.kontak.jobs.boundary.JobProgress;
import dev.kontak.jobs.entity.JobOutcome;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * Where an import is: {@code status} draft (a CSV file waiting to be told what its columns hold), running,
 * completed, cancelled, failed or undone, with {@code phase} import or
 * undo saying which of the two runs it is about; how many of the file's contacts were handled and what became of
 * them; the rate and the time left while it runs; and, after an undo, how many contacts it left as they were.
 */
public record ImportStatus(UUID id, String fileName, String format, String onMatch, String status, String phase,
        int total, int done, int created, int updated, int skipped, int failed, int undoLeft, double ratePerSecond,
        Long secondsLeft, boolean cancelRequested, Instant startedAt) {

    static ImportStatus of(ContactImport imported, Optional<JobProgress> importRun, Optional<JobProgress> undoRun) {
        if (imported.importRun() == null) {
            return new ImportStatus(imported.id(), imported.fileName(), imported.format().name().toLowerCase(Locale.ROOT),
                    imported.onMatch().key(), "draft", "import", imported.total(), 0, 0, 0, 0, 0, 0, 0, null, false,
                    imported.startedAt());
        }
        boolean undo = undoRun.isPresent();
        Optional<JobProgress> run = undo ? undoRun : importRun;
        JobOutcome outcome = run.map(JobProgress::outcome).orElse(JobOutcome.INTERRUPTED);
        boolean running = run.map(JobProgress::running).orElse(false);
        String status = running ? "running" : switch (outcome) {
            case COMPLETED -> undo ? "undone" : "completed";
            case CANCELLED -> "cancelled";
            case INTERRUPTED -> "failed";
        };
        int total = undo ? run.get().total() : imported.total();
        int done = undo ? run.get().done() : imported.position();
        return new ImportStatus(imported.id(), imported.fileName(), imported.format().name().toLowerCase(Locale.ROOT),
                imported.onMatch().key(), status, undo ? "undo" : "import", total, done, imported.created(),
                imported.updated(), imported.skipped(), imported.failed(), imported.undoLeft(),
                run.map(JobProgress::ratePerSecond).orElse(0.0), run.map(JobProgress::secondsLeft).orElse(null),
                run.map(JobProgress::cancelRequested).orElse(false), imported.startedAt());
    }

    public boolean running() {
        return "running".equals(status);
    }

    /** An import that ended and changed something can be undone, again if an undo was stopped. */
    public boolean undoable() {
        return !running() && !"undone".equals(status) && created + updated > 0;
    }
}
