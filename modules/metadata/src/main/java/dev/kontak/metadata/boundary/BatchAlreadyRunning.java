package dev.kontak.metadata.boundary;

/** A batch run was asked for while another one runs, on this node or another. */
public class BatchAlreadyRunning extends RuntimeException {

    private final transient BatchProgress running;

    public BatchAlreadyRunning(BatchProgress running) {
        super("A batch run is in progress");
        this.running = running;
    }

    /** The run that goes on; null where it could not be read (it ended in between). */
    public BatchProgress running() {
        return running;
    }
}
