package dev.kontak.auth.boundary;

/** Sign-up refused: this installation does not take new accounts ({@code kontak.signup.enabled=false}). */
public class SignUpClosed extends SignUpRefused {

    public SignUpClosed() {
        super("Sign-up is closed. Ask an administrator for an account.");
    }
}
