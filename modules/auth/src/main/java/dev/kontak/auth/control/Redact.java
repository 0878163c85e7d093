package dev.kontak.auth.control;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What personal data looks like in logs: enough to tell entries apart, not enough to identify anyone. */
public final class Redact {

    private static final Pattern EMAIL = Pattern.compile("[\\w.%+-]+@[\\w-]+(?:\\.[\\w-]+)*\\.[A-Za-z]{2,}");
    /**
     * A run of digits and the separators people type in phone numbers, with at least seven digits, that does not
     * start or end inside a longer word or number: UUIDs (one whose first group is all digits included), ISO times
     * and dotted numbers do not match.
     */
    private static final Pattern PHONE = Pattern.compile("(?<![\\w.:/-])\\+?\\d[\\d ()./-]{5,}\\d(?![\\w:]|\\.\\d|-\\w)");
    private static final Pattern NOT_A_PHONE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}.*|\\d{1,3}(?:\\.\\d{1,3}){3}"
            + "|\\d{8}-\\d{4}-\\d{4}-\\d{4}-\\d{12}");
    private static final int PHONE_DIGITS = 7;

    /** Every e-mail address and phone number in free text (a log message, an exception's), masked. */
    public static String text(String text) {
        if (text == null) {
            return null;
        }
        String withoutEmails = EMAIL.matcher(text).replaceAll(found -> Matcher.quoteReplacement(email(found.group())));
        return PHONE.matcher(withoutEmails).replaceAll(found -> Matcher.quoteReplacement(
                looksLikePhone(found.group()) ? phone(found.group()) : found.group()));
    }

    private static boolean looksLikePhone(String candidate) {
        return candidate.replaceAll("\\D", "").length() >= PHONE_DIGITS && !NOT_A_PHONE.matcher(candidate).matches();
    }

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
