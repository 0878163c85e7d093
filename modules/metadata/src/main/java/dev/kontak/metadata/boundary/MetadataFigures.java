package dev.kontak.metadata.boundary;

import jakarta.enterprise.context.ApplicationScoped;

/** The figures of the admin metadata health page, read in one go. */
@ApplicationScoped
public class MetadataFigures {

    /** Not implemented yet: this commit fixes the contract only. */
    public MetadataHealthReport report() {
        throw new UnsupportedOperationException("MetadataFigures.report() is not implemented yet");
    }
}
