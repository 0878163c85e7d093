package dev.kontak.auth.control;

import jakarta.security.enterprise.credential.Credential;
import java.util.Optional;

/**
 * An app password as a client presented it: over HTTP Basic with the account's e-mail address, or alone as a
 * Bearer token (then the client's network address is what failures count against). Checked by
 * {@link AppPasswordSignIn} only; {@link PasswordSignIn} never sees one, so the sign-in form cannot take it.
 *
 * @param email the e-mail address given with it (HTTP Basic), or null for a Bearer token
 * @param token what the client sent, not yet known to be anyone's
 * @param clientAddress where the request came from
 */
public record AppPasswordCredential(String email, String token, String clientAddress) implements Credential {

    public Optional<String> givenEmail() {
        return Optional.ofNullable(email);
    }

    /** Never the secret itself. */
    @Override
    public String toString() {
        return "AppPasswordCredential[" + (email == null ? "Bearer" : "Basic") + "]";
    }
}
