package dev.kontak.web.live;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebListener;
import jakarta.servlet.http.HttpSessionEvent;
import jakarta.servlet.http.HttpSessionListener;

/** A stream lives no longer than the sign-in it was opened with. */
@WebListener
public class SessionEnds implements HttpSessionListener {

    @Inject
    MetadataStreams streams;

    @Override
    public void sessionDestroyed(HttpSessionEvent event) {
        streams.sessionEnded(event.getSession());
    }
}
