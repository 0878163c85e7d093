package dev.kontak.web.signin;

import dev.kontak.auth.entity.Account;
import dev.kontak.auth.entity.Role;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.io.Serializable;
import java.util.Optional;
import java.util.UUID;

/** Who is signed in on this browser session; kept in the HTTP session by {@link SignInMechanism}. */
public record SignedIn(UUID id, String email, String displayName, Role role) implements Serializable {

    private static final String ATTRIBUTE = SignedIn.class.getName();

    static SignedIn of(Account account) {
        return new SignedIn(account.id(), account.email(), account.displayName(), account.role());
    }

    public static Optional<SignedIn> in(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        return Optional.ofNullable(session == null ? null : (SignedIn) session.getAttribute(ATTRIBUTE));
    }

    void rememberIn(HttpSession session) {
        session.setAttribute(ATTRIBUTE, this);
    }
}
