package dev.kontak.web.page;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.regex.Pattern;

/** Form and query parameters as pages read them: an absent text is empty, a malformed number or id is absent. */
public final class Parameters {

    private static final Pattern CANONICAL_UUID = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private Parameters() {
    }

    public static String text(HttpServletRequest request, String name) {
        return Objects.requireNonNullElse(request.getParameter(name), "");
    }

    public static OptionalLong number(HttpServletRequest request, String name) {
        try {
            return OptionalLong.of(Long.parseLong(text(request, name).strip()));
        } catch (NumberFormatException notANumber) {
            return OptionalLong.empty();
        }
    }

    /** Only the canonical form: {@link UUID#fromString} also takes "1-2-3-4-5", which no Kontak link carries. */
    public static Optional<UUID> uuid(String text) {
        return CANONICAL_UUID.matcher(text).matches() ? Optional.of(UUID.fromString(text)) : Optional.empty();
    }
}
