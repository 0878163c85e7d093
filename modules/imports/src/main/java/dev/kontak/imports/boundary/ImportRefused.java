package dev.kontak.imports.boundary;

/** An import, or an action on one, that Kontak refuses, with the HTTP status that says why and a sentence. */
public class ImportRefused extends RuntimeException {

    private final int status;

    public ImportRefused(int status, String message) {
        super(message);
        this.status = status;
    }

    static ImportRefused badFile(String message) {
        return new ImportRefused(400, message);
    }

    static ImportRefused notFound() {
        return new ImportRefused(404, "There is no such import.");
    }

    static ImportRefused busy() {
        return new ImportRefused(409, "An import or undo of yours is running: wait until it ends, or cancel it.");
    }

    public int status() {
        return status;
    }
}
