package dev.kontak.carddav.control;

import dev.kontak.carddav.control.DavRequest.TextMatch;
import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;

/**
 * An addressbook-query's filter (RFC 6352, 10.5): text matches on the name (FN, N, NICKNAME), the e-mails (EMAIL) or
 * the phones (TEL, by their digits), each {@code equals}, {@code contains}, {@code starts-with} or
 * {@code ends-with}, negated or not, all of them or any ({@code test}), compared without case
 * ({@code i;unicode-casemap}). A filter on another property is refused (CARDDAV:supported-filter).
 */
public record CardQuery(List<TextMatch> matches, boolean anyOf) {

    private static final Set<String> NAMES = Set.of("FN", "N", "NICKNAME");
    private static final Set<String> SUPPORTED = Set.of("FN", "N", "NICKNAME", "EMAIL", "TEL");

    public CardQuery {
        for (TextMatch match : matches) {
            if (match.property() == null || !SUPPORTED.contains(match.property().toUpperCase(Locale.ROOT))) {
                throw new InvalidDavRequest(403, "Kontak filters on FN, N, NICKNAME, EMAIL and TEL only.");
            }
        }
        matches = List.copyOf(matches);
    }

    /** A card as the filter sees it. */
    public record Card(String name, String nickname, List<String> emails, List<String> phoneDigits) {
    }

    public boolean matches(Card card) {
        if (matches.isEmpty()) {
            return true;
        }
        return anyOf ? matches.stream().anyMatch(match -> holds(match, card))
                : matches.stream().allMatch(match -> holds(match, card));
    }

    private static boolean holds(TextMatch match, Card card) {
        String property = match.property().toUpperCase(Locale.ROOT);
        boolean phone = property.equals("TEL");
        String wanted = phone ? match.text().replaceAll("[^0-9]+", "") : folded(match.text());
        List<String> values = NAMES.contains(property)
                ? Stream.of(card.name(), card.nickname()).filter(Objects::nonNull).toList()
                : phone ? card.phoneDigits() : card.emails();
        boolean found = values.stream().map(value -> phone ? value : folded(value))
                .anyMatch(value -> compare(match.matchType(), value, wanted));
        return found != match.negate();
    }

    private static boolean compare(String type, String value, String wanted) {
        return switch (type) {
            case "equals" -> value.equals(wanted);
            case "starts-with" -> value.startsWith(wanted);
            case "ends-with" -> value.endsWith(wanted);
            default -> value.contains(wanted);
        };
    }

    private static String folded(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    }
}
