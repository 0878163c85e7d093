package dev.kontak.web.architecture.boundary;

import jakarta.transaction.Transactional;

/** A boundary as a newcomer might write it: transactional, and silent about whom it acts for. */
@Transactional
public class UndeclaredBoundary {

    public void change() {
    }
}
