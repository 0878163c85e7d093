package dev.kontak.web.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** {@code java -jar kontak.jar}, exactly as the README runs it, configured only by environment variables. */
public final class RunningKontak implements AutoCloseable {

    private static final Duration STARTUP_LIMIT = Duration.ofMinutes(3);
    private static final String DEFAULT_HEAP = "512m";
    /**
     * JVM options of every server the suite starts ({@code kontak.test.jvm-options}, set by the failsafe plugin; the
     * benchmarks run without it): {@code -XX:TieredStopAtLevel=1} halves a start's CPU time, and the suite is
     * CPU-bound on two cores.
     */
    static final List<String> TEST_JVM_OPTIONS = List.of(System.getProperty("kontak.test.jvm-options", "").split("\\s+"))
            .stream().filter(option -> !option.isEmpty()).toList();

    private final Process process;
    private final Path workDir;
    private final Path log;
    private final URI base;

    private RunningKontak(Process process, Path workDir, Path log, URI base) {
        this.process = process;
        this.workDir = workDir;
        this.log = log;
        this.base = base;
    }

    /** Starts kontak.jar in {@code workDir} and returns once {@code /health/ready} answers 200. */
    public static RunningKontak start(Path workDir, Map<String, String> environment) throws IOException {
        return start(workDir, environment, List.of());
    }

    /** The same, with Payara Micro options after the jar (such as {@code --systemProperties cluster.properties}). */
    public static RunningKontak start(Path workDir, Map<String, String> environment, List<String> options)
            throws IOException {
        return start(workDir, environment, options, DEFAULT_HEAP);
    }

    /** The same with another maximum heap ({@code -Xmx}, such as {@code 2g}), for benchmarks at a real size. */
    public static RunningKontak start(Path workDir, Map<String, String> environment, List<String> options,
            String maxHeap) throws IOException {
        List<String> arguments = new ArrayList<>(List.of(jar("kontak.jar", "target/kontak.jar")));
        arguments.addAll(options);
        return run(workDir, environment, arguments, maxHeap, "health/ready");
    }

    /**
     * Another build of the WAR on plain Payara Micro, set up as kontak.jar is (single node, the port from
     * KONTAK_PORT): for comparisons against a variant of the application, and the server tests share. Returns once
     * {@code /health/live} answers 200 (the WAR is deployed, so migrated): readiness may be down by design there,
     * with many stale rows in a long test run.
     */
    public static RunningKontak startWar(Path workDir, Map<String, String> environment, Path war) throws IOException {
        return startWar(workDir, environment, war, List.of("--nocluster"));
    }

    /** The same with other Payara Micro options in place of {@code --nocluster} (such as a cluster's). */
    public static RunningKontak startWar(Path workDir, Map<String, String> environment, Path war, List<String> options)
            throws IOException {
        List<String> arguments = new ArrayList<>(List.of(jar("payara.microJar", "target/payara-micro.jar"),
                "--deploy", war.toAbsolutePath() + ":/",
                "--prebootcommandfile", Path.of("src/main/payara/pre-boot-commands.asadmin").toAbsolutePath().toString()));
        arguments.addAll(options);
        return run(workDir, environment, arguments, DEFAULT_HEAP, "health/live");
    }

    private static RunningKontak run(Path workDir, Map<String, String> environment, List<String> arguments,
            String maxHeap, String readyPath) throws IOException {
        int port = freePort();
        Path log = Files.createTempFile(workDir, "kontak-", ".log");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx" + maxHeap));
        command.addAll(TEST_JVM_OPTIONS);
        command.add("-jar");
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(workDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("KONTAK_"));
        builder.environment().put("KONTAK_PORT", Integer.toString(port));
        builder.environment().putAll(environment);
        RunningKontak kontak = new RunningKontak(builder.start(), workDir, log, URI.create("http://127.0.0.1:" + port + "/"));
        kontak.awaitAnswer(readyPath);
        return kontak;
    }

    private static String jar(String property, String fallback) {
        return Path.of(System.getProperty(property, fallback)).toAbsolutePath().toString();
    }

    public URI base() {
        return base;
    }

    /** Where it runs: its relative paths are resolved against this. */
    public Path workDir() {
        return workDir;
    }

    public String log() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void awaitAnswer(String readyPath) {
        HttpClient http = HttpClient.newHttpClient();
        Instant deadline = Instant.now().plus(STARTUP_LIMIT);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("kontak.jar exited with " + process.exitValue() + ":\n" + log());
            }
            try {
                HttpResponse<Void> ready = http.send(HttpRequest.newBuilder(base.resolve(readyPath)).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (ready.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYetListening) {
                // keep polling
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sleep();
        }
        close();
        throw new IllegalStateException("kontak.jar was not ready within " + STARTUP_LIMIT + ":\n" + log());
    }

    /** The process id of kontak.jar, for jcmd. */
    public long pid() {
        return process.pid();
    }

    /** Ends the process at once, as a crash or a pulled cable would: no goodbye to the cluster. */
    public void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
