package dev.kontak.kernel.rls;

import dev.kontak.kernel.UserId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.SecurityContext;
import java.security.Principal;
import java.util.function.Supplier;

/**
 * Whom the work on this thread acts for: the user that background work declared with {@link #as}, or else the
 * signed-in caller, whose principal's name is their account id. Whoever signed in can declare only themselves, so a
 * request acts for its caller and for no one else; work for other users is {@link AcrossUsers}.
 */
@ApplicationScoped
public class ActingUser {

    private static final ThreadLocal<UserId> DECLARED = new ThreadLocal<>();

    @Inject
    SecurityContext security;

    /** @throws IllegalStateException if no one signed in and no background work declared a user */
    public UserId id() {
        UserId declared = DECLARED.get();
        if (declared != null) {
            return declared;
        }
        Principal caller = security.getCallerPrincipal();
        if (caller == null) {
            throw new IllegalStateException("No one is signed in, and no background work declared whom it acts for");
        }
        return UserId.parse(caller.getName());
    }

    /**
     * Runs background work (a job's step, a copy load, an app password check before sign-in completes) for this
     * user. A transaction that already acts for someone else still refuses them ({@link RowLevelSecurity}).
     *
     * @throws IllegalStateException if someone else is signed in on this thread
     */
    public <T> T as(UserId user, Supplier<T> work) {
        Principal caller = security.getCallerPrincipal();
        if (caller != null && !caller.getName().equals(user.toString())) {
            throw new IllegalStateException("A signed-in caller acts for themselves only, not for user " + user);
        }
        UserId before = DECLARED.get();
        DECLARED.set(user);
        try {
            return work.get();
        } finally {
            if (before == null) {
                DECLARED.remove();
            } else {
                DECLARED.set(before);
            }
        }
    }

    public void as(UserId user, Runnable work) {
        as(user, () -> {
            work.run();
            return null;
        });
    }
}
