package dev.kontak.auth.control;

/** What personal data looks like in logs: enough to tell entries apart, not enough to identify anyone. */
public final class Redact {

    private Redact() {
    }

    /** {@code alice@example.com} becomes {@code a***@e***.com}. */
    public static String email(String email) {
        if (email == null) {
            return null;
        }
        int at = email.indexOf('@');
        if (at < 1) {
            return "***";
        }
        String domain = email.substring(at + 1);
        int dot = domain.lastIndexOf('.');
        String maskedDomain = dot > 0 ? domain.charAt(0) + "***" + domain.substring(dot) : "***";
        return email.charAt(0) + "***@" + maskedDomain;
    }

    /** Keeps only the last two digits: {@code +62 812 3456 7890} becomes {@code ***90}. */
    public static String phone(String phone) {
        if (phone == null) {
            return null;
        }
        String digits = phone.replaceAll("\\D", "");
        return digits.length() < 2 ? "***" : "***" + digits.substring(digits.length() - 2);
    }
}
