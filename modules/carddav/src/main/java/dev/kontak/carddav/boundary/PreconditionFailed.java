package dev.kontak.carddav.boundary;

/** A write whose If-Match or If-None-Match does not hold (412): the card changed, is there already, or is gone. */
public class PreconditionFailed extends RuntimeException {

    public PreconditionFailed(String message) {
        super(message);
    }
}
