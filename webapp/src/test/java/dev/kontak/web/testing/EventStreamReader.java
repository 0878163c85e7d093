package dev.kontak.web.testing;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * One open {@code text/event-stream} answer, read on its own thread as the browser's EventSource would: each
 * {@code metadata} event's cacheVersion is queued for the test to take.
 */
public final class EventStreamReader implements AutoCloseable {

    private static final Pattern VERSION = Pattern.compile("\\{\"cacheVersion\":(\\d+)}");
    private static final long NONE = -1;

    private final HttpResponse<Stream<String>> response;
    private final BlockingQueue<Long> versions = new LinkedBlockingQueue<>();
    private final Thread reader;

    EventStreamReader(HttpResponse<Stream<String>> response) {
        this.response = response;
        this.reader = new Thread(this::read, "event-stream-reader");
        reader.setDaemon(true);
        reader.start();
    }

    public HttpResponse<Stream<String>> response() {
        return response;
    }

    /** The next metadata event's cacheVersion; fails if none comes within 15 s. */
    public long next() throws InterruptedException {
        Long version = versions.poll(15, TimeUnit.SECONDS);
        assertNotNull(version, "no metadata event within 15 s");
        assertTrue(version != NONE, "the stream ended");
        return version;
    }

    /** Fails unless the server ends the stream within 15 s; events before the end are skipped. */
    public void awaitEnd() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        Long version;
        do {
            version = versions.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            assertNotNull(version, "the stream is still open after 15 s");
        } while (version != NONE);
    }

    private void read() {
        String event = "message";
        try (Stream<String> lines = response.body()) {
            for (String line : (Iterable<String>) lines::iterator) {
                if (line.startsWith("event:")) {
                    event = line.substring("event:".length()).strip();
                } else if (line.startsWith("data:") && "metadata".equals(event)) {
                    Matcher version = VERSION.matcher(line.substring("data:".length()).strip());
                    if (version.matches()) {
                        versions.add(Long.parseLong(version.group(1)));
                    }
                } else if (line.isEmpty()) {
                    event = "message";
                }
            }
        } catch (RuntimeException closed) {
            // the test closed the stream, or the server did
        }
        versions.add(NONE);
    }

    @Override
    public void close() {
        response.body().close();
        reader.interrupt();
    }
}
