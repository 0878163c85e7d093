package dev.kontak.web.architecture.boundary;

import dev.kontak.kernel.rls.AcrossUsers;
import dev.kontak.kernel.rls.ActsForCaller;
import jakarta.transaction.Transactional;

/** The same, declared: one method for its caller, one across users. */
public class DeclaredBoundary {

    @Transactional
    @ActsForCaller
    public void change() {
    }

    @Transactional
    @AcrossUsers
    public void repair() {
    }
}
