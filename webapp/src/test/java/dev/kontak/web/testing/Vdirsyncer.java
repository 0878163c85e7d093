package dev.kontak.web.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Debian's vdirsyncer (.ci/run installs it), a real CardDAV client, syncing one user's Kontak address book with a
 * folder of .vcf files: Kontak is side "a" and wins a conflict (both sides changed a card since the last sync).
 */
public final class Vdirsyncer {

    private static final Path BINARY = Path.of(System.getProperty("kontak.vdirsyncer", "/usr/bin/vdirsyncer"));

    private final Path config;
    private final Path folder;

    private Vdirsyncer(Path config, Path folder) {
        this.config = config;
        this.folder = folder;
    }

    public static boolean installed() {
        return Files.isExecutable(BINARY);
    }

    /** Skips the calling test, saying why, where vdirsyncer is not installed. */
    public static Vdirsyncer of(URI book, String username, String password) {
        assumeTrue(installed(), "Sync tests skipped: install Debian's vdirsyncer (" + BINARY + ")");
        try {
            Path home = Files.createTempDirectory("kontak-vdirsyncer-");
            Path folder = Files.createDirectories(home.resolve("cards"));
            Path config = home.resolve("config");
            Files.writeString(config, """
                    [general]
                    status_path = "%s"

                    [pair phone]
                    a = "kontak"
                    b = "folder"
                    collections = null
                    conflict_resolution = "a wins"

                    [storage kontak]
                    type = "carddav"
                    url = "%s"
                    username = "%s"
                    password = "%s"

                    [storage folder]
                    type = "filesystem"
                    path = "%s"
                    fileext = ".vcf"
                    """.formatted(home.resolve("status"), book, username, password, folder));
            Vdirsyncer client = new Vdirsyncer(config, folder);
            client.run("discover");
            return client;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One sync both ways; what vdirsyncer printed. */
    public String sync() {
        return run("sync");
    }

    /** The local cards by file name. */
    public Map<String, String> cards() {
        try (Stream<Path> files = Files.list(folder)) {
            return files.collect(Collectors.toMap(file -> file.getFileName().toString(), Vdirsyncer::read));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The local card holding this text (an FN, a UID), or null. */
    public Path cardWith(String text) {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(file -> read(file).contains(text)).findFirst().orElse(null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void write(String fileName, String vcard) {
        try {
            Files.writeString(folder.resolve(fileName), vcard);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String run(String command) {
        try {
            Process process = new ProcessBuilder(BINARY.toString(), "-c", config.toString(), command)
                    .redirectErrorStream(true).redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                    .start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
            assertEquals(0, process.exitValue(), "vdirsyncer " + command + ":\n" + output);
            return output;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The local card files, for an assertion's message. */
    public List<String> names() {
        return List.copyOf(cards().keySet());
    }
}
