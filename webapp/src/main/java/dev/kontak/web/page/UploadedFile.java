package dev.kontak.web.page;

import dev.kontak.imports.boundary.ImportRefused;
import java.io.IOException;
import java.io.InputStream;

/** A file sent in a request, read whole up to a limit: one byte more answers 413 without reading further. */
public final class UploadedFile {

    private UploadedFile() {
    }

    public static byte[] read(InputStream in, long maxBytes) throws IOException {
        byte[] file = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
        if (file.length > maxBytes) {
            throw new ImportRefused(413, "The file is larger than " + maxBytes / (1024 * 1024) + " MB.");
        }
        return file;
    }
}
