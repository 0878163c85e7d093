package dev.kontak.web.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The one Kontak server that the integration tests talking to it over HTTP share, per test run: the built WAR on
 * Payara Micro, set up as kontak.jar is, against this run's database with row level security on. Started by the
 * first test class that asks for it, stopped when the run ends ({@link TestDatabase}). A test class that needs a
 * server of its own (other settings, tests running inside the server, several nodes, a killed node, the embedded
 * default) says why and deploys it itself.
 *
 * <p>Its settings are those every sharing class can live with: batches of five users for the runs over every user
 * (so that AdminPagesIT catches a run midway), and readiness down while more than half the metadata rows are stale
 * (so that ObservabilityIT sees it go down).
 */
public final class SharedKontak {

    private static RunningKontak server;
    private static RuntimeException failedToStart;

    private SharedKontak() {
    }

    /** @throws IllegalStateException if the server could not start (then at once for every later class too) */
    public static synchronized URL url() {
        if (failedToStart != null) {
            throw failedToStart;
        }
        if (server == null) {
            try {
                server = start();
            } catch (RuntimeException e) {
                failedToStart = e;
                throw e;
            }
        }
        try {
            return server.base().toURL();
        } catch (MalformedURLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Everything the server has written to its console so far. */
    public static synchronized String log() {
        url();
        return server.log();
    }

    static synchronized void stop() {
        if (server != null) {
            server.close();
            server = null;
        }
    }

    private static RunningKontak start() {
        try {
            Path workDir = Files.createTempDirectory("kontak-shared-");
            Map<String, String> environment = TestDatabase.serverEnvironment();
            environment.put("KONTAK_BATCH_SIZE", "5");
            environment.put("KONTAK_HEALTH_MAX_STALE_RATIO", "0.5");
            environment.put("KONTAK_CARDDAV_PRUNE_INTERVAL", "PT1S"); // CardDavIT ages rows and waits for the pruning
            return RunningKontak.startWar(workDir, environment,
                    Path.of(System.getProperty("kontak.war", "target/kontak.war")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
