package dev.kontak.web.live;

import jakarta.servlet.AsyncContext;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.UUID;

/** One open {@code text/event-stream} response. Writes are serialized: heartbeats and events come from different threads. */
final class EventStream {

    private final UUID user;
    private final String sessionKey;
    private final AsyncContext async;
    private boolean closed;

    EventStream(UUID user, String sessionKey, AsyncContext async) {
        this.user = user;
        this.sessionKey = sessionKey;
        this.async = async;
    }

    UUID user() {
        return user;
    }

    String sessionKey() {
        return sessionKey;
    }

    /** @return false if the stream is closed, or the browser went away */
    synchronized boolean send(String text) {
        if (closed) {
            return false;
        }
        try {
            PrintWriter writer = async.getResponse().getWriter();
            writer.write(text);
            writer.flush();
            async.getResponse().flushBuffer();
            return !writer.checkError();
        } catch (IOException | IllegalStateException gone) {
            return false;
        }
    }

    synchronized void close() {
        if (!closed) {
            closed = true;
            try {
                async.complete();
            } catch (IllegalStateException alreadyOver) {
                // completed, timed out or failed meanwhile: nothing left to close
            }
        }
    }
}
