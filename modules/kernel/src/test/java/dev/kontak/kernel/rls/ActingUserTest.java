package dev.kontak.kernel.rls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.kontak.kernel.UserId;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.security.Principal;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ActingUserTest {

    private static final UserId ANNA = UserId.of(UUID.randomUUID());
    private static final UserId BUDI = UserId.of(UUID.randomUUID());

    @Test
    void aRequestActsForWhoeverSignedIn() {
        assertEquals(ANNA, signedIn(ANNA).id());
    }

    @Test
    void withNobodySignedInOnlyDeclaredWorkHasSomeoneToActFor() {
        ActingUser acting = signedIn(null);

        assertThrows(IllegalStateException.class, acting::id);
        assertEquals(BUDI, acting.as(BUDI, acting::id));
        assertEquals(ANNA, acting.as(BUDI, () -> acting.as(ANNA, acting::id)));
        assertEquals(BUDI, acting.as(BUDI, () -> {
            acting.as(ANNA, acting::id);
            return acting.id();
        }), "the outer declaration is back after the inner one");
        assertThrows(IllegalStateException.class, acting::id, "and none is left behind");
    }

    @Test
    void aSignedInCallerCanDeclareOnlyThemselves() {
        ActingUser acting = signedIn(ANNA);

        assertEquals(ANNA, acting.as(ANNA, acting::id));
        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> acting.as(BUDI, acting::id));
        assertEquals("A signed-in caller acts for themselves only, not for user " + BUDI, refused.getMessage());
    }

    private static ActingUser signedIn(UserId user) {
        ActingUser acting = new ActingUser();
        acting.security = new SignedIn(user == null ? null : user::toString);
        return acting;
    }

    private record SignedIn(Principal caller) implements SecurityContext {

        @Override
        public Principal getCallerPrincipal() {
            return caller;
        }

        @Override
        public <T extends Principal> Set<T> getPrincipalsByType(Class<T> type) {
            return Set.of();
        }

        @Override
        public boolean isCallerInRole(String role) {
            return false;
        }

        @Override
        public boolean hasAccessToWebResource(String resource, String... methods) {
            return false;
        }

        @Override
        public AuthenticationStatus authenticate(HttpServletRequest request, HttpServletResponse response,
                AuthenticationParameters parameters) {
            throw new UnsupportedOperationException();
        }
    }
}
