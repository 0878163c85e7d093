package dev.kontak.jobs.boundary;

/** A run was asked for while another one of the same lease goes on, on this node or another. */
public class JobAlreadyRunning extends RuntimeException {

    public JobAlreadyRunning() {
        super("A run is in progress");
    }
}
