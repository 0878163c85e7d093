package dev.kontak.web.architecture.boundary;

import dev.kontak.kernel.rls.AcrossUsers;
import dev.kontak.kernel.rls.ActsForUser;
import jakarta.transaction.Transactional;

/** The same, declared: one method for a user, one across users. */
public class DeclaredBoundary {

    @Transactional
    @ActsForUser
    public void change(java.util.UUID user) {
    }

    @Transactional
    @AcrossUsers
    public void repair() {
    }
}
