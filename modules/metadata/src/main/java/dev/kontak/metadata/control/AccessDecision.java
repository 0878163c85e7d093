package dev.kontak.metadata.control;

/** The answer to "may this user touch this contact?" (the seed's validate_contact_access). */
public record AccessDecision(boolean hasAccess, String reason) {

    static final AccessDecision GRANTED = new AccessDecision(true, "Contact is in your authorized list.");
    static final AccessDecision DENIED = new AccessDecision(false, "Contact not found in your authorized list.");

    public static AccessDecision of(boolean granted) {
        return granted ? GRANTED : DENIED;
    }
}
