package dev.kontak.imports.control;

import dev.kontak.imports.entity.ImportFormat;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** The sample files under src/test/resources/files, and what a test reads of them. */
final class Files {

    private Files() {
    }

    static byte[] bytes(String name) {
        try (InputStream in = Files.class.getResourceAsStream("/files/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("No sample file " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ImportFile file(String name, ImportFormat format) {
        return ImportFile.of(format, bytes(name), null);
    }

    static ImportFile text(ImportFormat format, String text) {
        return ImportFile.of(format, text.getBytes(StandardCharsets.UTF_8), null);
    }

    static List<ImportedCard> cards(ImportFile file) {
        List<ImportedCard> cards = new ArrayList<>();
        file.cards().forEachRemaining(cards::add);
        return cards;
    }
}
