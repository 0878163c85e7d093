package dev.kontak.web.api;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.ext.Provider;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@code Content-Type} whose quality parameter is not one (RFC 9110 section 12.4.2: 0 to 1, three decimals at most)
 * is the client's mistake: Jersey reads it while choosing the method and would otherwise fail with a 500.
 */
@Provider
@PreMatching
public class MalformedContentTypes implements ContainerRequestFilter {

    static final String MESSAGE = "The Content-Type header is malformed: its q parameter must be a number from 0 to 1.";

    private static final Pattern QUALITY = Pattern.compile(";\\s*q\\s*=\\s*([^;]*)", Pattern.CASE_INSENSITIVE);
    private static final Pattern HTTP_QUALITY = Pattern.compile("0(\\.\\d{0,3})?|1(\\.0{0,3})?");

    @Override
    public void filter(ContainerRequestContext request) {
        String type = request.getHeaderString("Content-Type");
        if (type == null) {
            return;
        }
        for (Matcher quality = QUALITY.matcher(type); quality.find(); ) {
            if (!HTTP_QUALITY.matcher(quality.group(1).strip()).matches()) {
                request.abortWith(ApiError.answer(400, MESSAGE));
                return;
            }
        }
    }
}
