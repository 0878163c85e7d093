package dev.kontak.imports.boundary;

import dev.kontak.imports.control.CsvFile;
import dev.kontak.imports.control.ImportBatch;
import dev.kontak.imports.control.ImportFile;
import dev.kontak.imports.control.ImportRecords;
import dev.kontak.imports.control.ImportRun;
import dev.kontak.imports.control.NotThisFormat;
import dev.kontak.imports.control.UndoBatch;
import dev.kontak.imports.control.UndoRun;
import dev.kontak.imports.entity.ContactImport;
import dev.kontak.imports.entity.ImportFormat;
import dev.kontak.imports.entity.ImportedRow;
import dev.kontak.imports.entity.OnMatch;
import dev.kontak.jobs.boundary.JobAlreadyRunning;
import dev.kontak.jobs.boundary.JobProgress;
import dev.kontak.jobs.boundary.JobRunner;
import dev.kontak.kernel.UserId;
import dev.kontak.kernel.rls.ActingUser;
import dev.kontak.vcards.control.SpreadsheetSafe;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.Writer;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The caller's imports: a file checked and started in the background (one import or undo per user at a time, on
 * any node), where it is, cancel, undo, and its report. A file that is too large, not what its type says, or
 * holds too many contacts is refused before anything is written.
 */
@ApplicationScoped
public class ContactImports {

    /** Rows of a report read per query. */
    private static final int REPORT_PAGE = 1000;

    @Inject
    ImportRecords records;

    @Inject
    ImportBatch batch;

    @Inject
    UndoBatch undoBatch;

    @Inject
    JobRunner runner;

    @Inject
    ActingUser caller;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "kontak.imports.max-bytes", defaultValue = "52428800")
    long maxBytes;

    @Inject
    @ConfigProperty(name = "kontak.imports.max-contacts", defaultValue = "200000")
    int maxContacts;

    @Inject
    @ConfigProperty(name = "kontak.imports.batch-size", defaultValue = "500")
    int batchSize;

    /** The largest file accepted, in bytes: readers of uploads stop there. */
    public long maxBytes() {
        return maxBytes;
    }

    /** A file that passed every check, and the contacts it holds. */
    private record CheckedFile(ImportFormat format, OnMatch onMatch, ImportFile parsed, int total) {

        boolean columnsUnknown() {
            return parsed instanceof CsvFile csv && !csv.columns().recognisesAny();
        }
    }

    /**
     * @param columns for a CSV file, what each column holds (see the API's {@code columns}); null to go by its headings
     * @throws ImportRefused 400 for a file that is not what its type says (naming its first bad line) or a CSV file
     *                       whose columns Kontak cannot tell, 409 while an import or undo of the caller runs, 413 for
     *                       a file or a number of contacts over the limits
     */
    public ImportStatus start(byte[] file, String mediaType, String fileName, String onMatch, String columns) {
        CheckedFile checked = check(file, () -> ImportFormat.of(mediaType, fileName), onMatch, columns);
        if (checked.columnsUnknown()) {
            throw ImportRefused.badFile(unknownColumns((CsvFile) checked.parsed()));
        }
        requireNothingRunning();
        ContactImport started = records.create(newImport(fileName, checked, columns), file);
        try {
            return launch(started, checked);
        } catch (ImportRefused busy) {
            records.forget(started.id());
            throw busy;
        }
    }

    /**
     * As {@link #start}, for the import page: a CSV file whose columns Kontak cannot tell is kept as a draft
     * (status {@code draft}) until the user says what each column holds ({@link #mapColumns}).
     */
    public ImportStatus startOrDraft(byte[] file, String mediaType, String fileName, String onMatch) {
        CheckedFile checked = check(file, () -> ImportFormat.of(mediaType, fileName), onMatch, null);
        if (!checked.columnsUnknown()) {
            return start(file, mediaType, fileName, onMatch, null);
        }
        return status(records.create(newImport(fileName, checked, null), file).id());
    }

    /** A draft's heading row and first rows, for the page that asks what each column holds. */
    public List<List<String>> preview(UUID id, int rows) {
        byte[] file = draftFile(id);
        return ((CsvFile) ImportFile.of(ImportFormat.CSV, file, null)).preview(rows);
    }

    /** Starts a draft with what each column holds, as the API's {@code columns} says it. */
    public ImportStatus mapColumns(UUID id, String columns) {
        byte[] file = draftFile(id);
        ContactImport draft = records.find(id).orElseThrow(ImportRefused::notFound);
        CheckedFile checked = check(file, draft::format, draft.onMatch().key(), columns);
        if (checked.columnsUnknown()) {
            throw ImportRefused.badFile("Choose what at least one column holds.");
        }
        requireNothingRunning();
        records.mapped(id, columns, checked.total());
        return launch(draft, checked);
    }

    private byte[] draftFile(UUID id) {
        if (!"draft".equals(status(id).status())) {
            throw new ImportRefused(409, "This import has started already.");
        }
        return records.file(id).orElseThrow(ImportRefused::notFound);
    }

    private CheckedFile check(byte[] file, Supplier<ImportFormat> format, String onMatch, String columns) {
        if (file.length > maxBytes) {
            throw new ImportRefused(413, "The file is larger than " + maxBytes / (1024 * 1024) + " MB.");
        }
        CheckedFile checked;
        try {
            ImportFormat type = format.get();
            OnMatch match = OnMatch.of(onMatch);
            ImportFile parsed = ImportFile.of(type, file, columns);
            checked = new CheckedFile(type, match, parsed, parsed.count());
        } catch (IllegalArgumentException | NotThisFormat refused) {
            throw ImportRefused.badFile(refused.getMessage());
        }
        if (checked.total() == 0) {
            throw ImportRefused.badFile("The file holds no contacts.");
        }
        if (checked.total() > maxContacts) {
            throw new ImportRefused(413, "The file holds " + checked.total() + " contacts; import at most "
                    + maxContacts + " at a time.");
        }
        return checked;
    }

    private ContactImport newImport(String fileName, CheckedFile checked, String columns) {
        return new ContactImport(caller.id().value(), fileName, checked.format(), checked.onMatch(),
                columns == null || columns.isBlank() ? null : columns, checked.total(), clock.instant());
    }

    private void requireNothingRunning() {
        if (runner.latest(ImportRun.leaseOf(caller.id())).filter(JobProgress::running).isPresent()) {
            throw ImportRefused.busy();
        }
    }

    private ImportStatus launch(ContactImport started, CheckedFile checked) {
        UserId owner = caller.id();
        try {
            JobProgress run = runner.start(new ImportRun(started.id(), owner, checked.total(), checked.parsed(), batch,
                    caller, batchSize), owner.value());
            records.importedBy(started.id(), run.id());
        } catch (JobAlreadyRunning busy) {
            throw ImportRefused.busy();
        }
        return status(started.id());
    }

    private static String unknownColumns(CsvFile csv) {
        return "Kontak knows none of the column headings (" + String.join(", ", csv.headings())
                + "): say what each column holds, in order, with columns= (for example name,email:work,phone:mobile,-).";
    }

    /** @throws ImportRefused 404 unless it is one of the caller's imports */
    public ImportStatus status(UUID id) {
        return statusOf(records.find(id).orElseThrow(ImportRefused::notFound));
    }

    /** The caller's latest import, if any: what the import page shows after a reload. */
    public Optional<ImportStatus> latest() {
        return records.latest().map(this::statusOf);
    }

    /** The rows after a line, in line order: what became of each contact of the file. */
    public List<ImportedRow> rows(UUID id, int afterLine, int limit) {
        status(id);
        return records.rows(id, afterLine, limit);
    }

    /** The first rows that need a look: failed, skipped, with a note, or left by undo. */
    public List<ImportedRow> notableRows(UUID id, int limit) {
        status(id);
        return records.notableRows(id, limit);
    }

    /**
     * Stops the import or undo after the batch in hand; what was done stays (and an import can be undone), the file of
     * an import is deleted.
     */
    public ImportStatus cancel(UUID id) {
        ContactImport imported = records.find(id).orElseThrow(ImportRefused::notFound);
        ImportStatus status = statusOf(imported);
        if (!status.running()) {
            throw new ImportRefused(409, "This import is not running.");
        }
        if ("undo".equals(status.phase())) {
            runner.cancel(imported.undoRun());
        } else {
            runner.cancel(imported.importRun());
            records.deleteFile(id); // the run holds what it reads; a cancelled import is not resumed
        }
        return status(id);
    }

    /**
     * Starts undoing the import in the background: what it created is deleted, what it updated restored, each
     * unless changed since (the rows then say which were left).
     */
    public ImportStatus undo(UUID id) {
        ContactImport imported = records.find(id).orElseThrow(ImportRefused::notFound);
        ImportStatus status = statusOf(imported);
        if (status.running()) {
            throw ImportRefused.busy();
        }
        if (!status.undoable()) {
            throw new ImportRefused(409, "undone".equals(status.status()) ? "This import was undone already."
                    : "This import created and updated nothing: there is nothing to undo.");
        }
        UserId owner = caller.id();
        try {
            JobProgress run = runner.start(new UndoRun(id, owner, records.countToUndo(id), undoBatch, caller, batchSize),
                    owner.value());
            records.undoneBy(id, run.id());
        } catch (JobAlreadyRunning busy) {
            throw ImportRefused.busy();
        }
        return status(id);
    }

    /** The report as CSV: one line per contact of the file, with what became of it and why. */
    public void report(UUID id, Writer out) throws IOException {
        status(id);
        CSVPrinter csv = CSVFormat.DEFAULT.builder().setHeader("line", "outcome", "reason", "contact_id", "undo")
                .get().print(out);
        int after = 0;
        List<ImportedRow> page;
        do {
            page = records.rows(id, after, REPORT_PAGE);
            for (ImportedRow row : page) {
                csv.printRecord(row.line(), row.outcome().key(), SpreadsheetSafe.cell(row.reason()),
                        row.contactId() == null ? "" : row.contactId(), SpreadsheetSafe.cell(row.undoLeft()));
                after = row.line();
            }
        } while (page.size() == REPORT_PAGE);
        csv.flush();
    }

    private ImportStatus statusOf(ContactImport imported) {
        return ImportStatus.of(imported, Optional.ofNullable(imported.importRun()).flatMap(runner::progress),
                Optional.ofNullable(imported.undoRun()).flatMap(runner::progress));
    }
}
