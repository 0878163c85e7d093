package dev.kontak.web.architecture.boundary;

import dev.kontak.kernel.rls.AcrossUsers;
import jakarta.transaction.Transactional;

/** A boundary as a newcomer might write it: transactional, and silent about whom it acts for. */
@Transactional
public class UndeclaredBoundary {

    public void change() {
    }

    /** Across users, and for every method the class will ever have: refused too. */
    @AcrossUsers
    public static class WideRepair {

        @Transactional
        public void repair() {
        }
    }
}
