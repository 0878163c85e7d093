package dev.kontak.jobs.boundary;

import java.util.UUID;

/** Resuming was asked for a run that is not an interrupted run of that job. */
public class JobNotResumable extends RuntimeException {

    public JobNotResumable(UUID run) {
        super("Run " + run + " is not an interrupted run of this job");
    }
}
