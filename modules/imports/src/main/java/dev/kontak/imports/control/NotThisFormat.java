package dev.kontak.imports.control;

/** A file that is not what its type says, refused as a whole: its message says which line shows it. */
public class NotThisFormat extends RuntimeException {

    private final int line;

    /** @param what the rest of the sentence after "Line N ", e.g. "has no column headings." */
    NotThisFormat(int line, String what) {
        super("Line " + line + " " + what);
        this.line = line;
    }

    /** Counted from 1, as an editor shows the file. */
    public int line() {
        return line;
    }
}
