package dev.kontak.auth.boundary;

/** Why a sign-up was refused, in words the person can act on. */
public abstract class SignUpRefused extends RuntimeException {

    protected SignUpRefused(String message) {
        super(message);
    }
}
