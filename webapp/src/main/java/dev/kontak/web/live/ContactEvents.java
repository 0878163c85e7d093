package dev.kontak.web.live;

import dev.kontak.web.signin.SignedIn;
import jakarta.inject.Inject;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Locale;

/**
 * {@code GET /contacts/events}: the signed-in user's metadata events as Server-Sent Events. Protected like every
 * page (the session's sign-in; {@code web.xml}); a request from another origin is refused, and no CORS header is
 * ever sent. A stream ends after {@link #LONGEST}, and the browser's EventSource opens a new one, so that no
 * response outlives its session by long even where the session end is not seen.
 */
@WebServlet(urlPatterns = "/contacts/events", asyncSupported = true)
public class ContactEvents extends HttpServlet {

    static final Duration LONGEST = Duration.ofMinutes(30);

    @Inject
    MetadataStreams streams;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        SignedIn signedIn = SignedIn.in(request).orElse(null);
        if (signedIn == null || !sameOrigin(request)) {
            response.sendError(HttpServletResponse.SC_FORBIDDEN);
            return;
        }
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType("text/event-stream;charset=UTF-8");
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("X-Accel-Buffering", "no");
        AsyncContext async = request.startAsync();
        async.setTimeout(LONGEST.toMillis());
        EventStream stream = new EventStream(signedIn.id(), MetadataStreams.keyOf(request.getSession()), async);
        async.addListener(new AsyncListener() {
            @Override
            public void onComplete(AsyncEvent event) {
                streams.closed(stream);
            }

            @Override
            public void onTimeout(AsyncEvent event) {
                streams.closed(stream);
            }

            @Override
            public void onError(AsyncEvent event) {
                streams.closed(stream);
            }

            @Override
            public void onStartAsync(AsyncEvent event) {
                // not restarted
            }
        });
        response.getWriter().write("retry: 5000\n\n");
        streams.open(stream);
    }

    /**
     * Browsers say where a request comes from (Sec-Fetch-Site, and Origin on cross-origin requests); where they
     * do, it must be this site. The host is compared, not the scheme, which a TLS proxy in front may change.
     */
    private static boolean sameOrigin(HttpServletRequest request) {
        String site = request.getHeader("Sec-Fetch-Site");
        if (site != null && !"same-origin".equals(site) && !"none".equals(site)) {
            return false;
        }
        String origin = request.getHeader("Origin");
        String host = request.getHeader("Host");
        return origin == null || host != null && origin.toLowerCase(Locale.ROOT).endsWith("://" + host.toLowerCase(Locale.ROOT));
    }
}
