package dev.kontak.web.signin;

import dev.kontak.auth.control.AppPasswordCredential;
import dev.kontak.auth.entity.AppToken;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * What an API request's {@code Authorization} header presents: {@code Bearer <app password>}, or HTTP Basic with
 * the e-mail address and either an app password (anything of its shape, {@code kontak_} and 43 characters) or the
 * account password.
 */
final class ApiCredentials {

    private static final String BASIC = "Basic ";
    private static final String BEARER = "Bearer ";

    private ApiCredentials() {
    }

    /** Whether the request tries to sign in at all (a header of a scheme Kontak takes). */
    static boolean presented(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        return header != null && (startsWith(header, BASIC) || startsWith(header, BEARER));
    }

    /** @return empty for a Basic header that does not decode to {@code e-mail:password} */
    static Optional<Credential> of(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        String value = header.substring(header.indexOf(' ') + 1).strip();
        if (startsWith(header, BEARER)) {
            return Optional.of(new AppPasswordCredential(null, value, request.getRemoteAddr()));
        }
        return basic(value).map(pair -> AppToken.parse(pair.getPasswordAsString()).isPresent()
                ? new AppPasswordCredential(pair.getCaller(), pair.getPasswordAsString(), request.getRemoteAddr())
                : pair);
    }

    static boolean isBearer(HttpServletRequest request) {
        return startsWith(request.getHeader("Authorization"), BEARER);
    }

    private static Optional<UsernamePasswordCredential> basic(String encoded) {
        try {
            String pair = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
            int colon = pair.indexOf(':');
            return colon < 0
                    ? Optional.empty()
                    : Optional.of(new UsernamePasswordCredential(pair.substring(0, colon), pair.substring(colon + 1)));
        } catch (IllegalArgumentException notBase64) {
            return Optional.empty();
        }
    }

    private static boolean startsWith(String header, String scheme) {
        return header != null && header.regionMatches(true, 0, scheme, 0, scheme.length());
    }
}
