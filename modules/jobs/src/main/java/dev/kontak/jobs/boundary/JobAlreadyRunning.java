package dev.kontak.jobs.boundary;

/** A run was asked for while another one of the same lease goes on, on this node or another. */
public class JobAlreadyRunning extends RuntimeException {

    private final transient JobProgress running;

    public JobAlreadyRunning(JobProgress running) {
        super("A run is in progress");
        this.running = running;
    }

    /** The run that goes on; null where it could not be read (it ended in between). */
    public JobProgress running() {
        return running;
    }
}
