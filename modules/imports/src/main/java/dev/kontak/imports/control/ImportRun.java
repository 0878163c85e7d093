package dev.kontak.imports.control;

import dev.kontak.jobs.boundary.Job;
import dev.kontak.jobs.boundary.JobStep;
import dev.kontak.kernel.UserId;
import dev.kontak.kernel.rls.ActingUser;
import java.util.UUID;

/**
 * An import in the background: batch after batch of its file ({@link ImportBatch}), for its owner. The file is read
 * from the database once per run and held while it runs; what was imported is known from the import's row, so a run
 * resumed elsewhere goes on where the last batch ended.
 */
public final class ImportRun implements Job {

    public static final String KIND = "contact-import";

    private final UUID importId;
    private final UserId owner;
    private final int total;
    private final CardSource cards;
    private final FileMatches inFile = new FileMatches();
    private final ImportBatch batch;
    private final ActingUser acting;
    private final int batchSize;

    public ImportRun(UUID importId, UserId owner, int total, ImportFile file, ImportBatch batch, ActingUser acting,
            int batchSize) {
        this.importId = importId;
        this.owner = owner;
        this.total = total;
        this.cards = new CardSource(file);
        this.batch = batch;
        this.acting = acting;
        this.batchSize = batchSize;
    }

    /** One run at a time per user, of an import or an undo, on any node. */
    public static String leaseOf(UserId owner) {
        return KIND + ":" + owner;
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public String lease() {
        return leaseOf(owner);
    }

    @Override
    public int total() {
        return total;
    }

    @Override
    public JobStep next(String checkpoint) {
        return acting.as(owner, () -> batch.run(importId, cards, inFile, batchSize));
    }
}
