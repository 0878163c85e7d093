package dev.kontak.imports.control;

import dev.kontak.jobs.boundary.Job;
import dev.kontak.jobs.boundary.JobStep;
import dev.kontak.kernel.UserId;
import dev.kontak.kernel.rls.ActingUser;
import java.util.UUID;

/** An import's undo in the background: batch after batch ({@link UndoBatch}), for the import's owner. */
public final class UndoRun implements Job {

    public static final String KIND = "contact-import-undo";

    private final UUID importId;
    private final UserId owner;
    private final int total;
    private final UndoBatch batch;
    private final ActingUser acting;
    private final int batchSize;

    public UndoRun(UUID importId, UserId owner, int total, UndoBatch batch, ActingUser acting, int batchSize) {
        this.importId = importId;
        this.owner = owner;
        this.total = total;
        this.batch = batch;
        this.acting = acting;
        this.batchSize = batchSize;
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public String lease() {
        return ImportRun.leaseOf(owner);
    }

    @Override
    public int total() {
        return total;
    }

    @Override
    public JobStep next(String checkpoint) {
        return acting.as(owner, () -> batch.run(importId, batchSize));
    }
}
