package dev.kontak.auth.boundary;

/** Sign-up refused: an account already has this e-mail address (in any letter case). */
public class EmailAlreadyRegistered extends SignUpRefused {

    public EmailAlreadyRegistered() {
        super("An account with this e-mail address already exists.");
    }
}
