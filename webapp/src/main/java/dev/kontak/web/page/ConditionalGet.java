package dev.kontak.web.page;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.UUID;

/**
 * Conditional GETs for pages whose content follows from the signed-in user's metadata: while their
 * {@code cache_version} has not moved, the browser's copy of the page is still true. The ETag is
 * {@code "v<cacheVersion>-<hash>"}, the hash covering the user, the session's CSRF token (every page's forms carry
 * it: a copy from an earlier session must not come back), the path and query, and this start of the application
 * (a new release renders differently). Pages that send one are {@code private, no-cache}: the browser keeps them
 * but asks every time.
 */
public record ConditionalGet(String tag) {

    private static final String STARTED = HexFormat.of().formatHex(SecureRandom.getSeed(8));

    /** Read the version before the content, so that content rendered after a change never carries an older tag. */
    public static ConditionalGet of(HttpServletRequest request, UUID user, long cacheVersion) {
        return new ConditionalGet("\"v" + cacheVersion + "-" + hash(user, request) + "\"");
    }

    /**
     * Answers 304 without a body if the browser's copy has this tag.
     *
     * @return true if the 304 was sent and nothing more may be written
     */
    public boolean notModified(HttpServletRequest request, HttpServletResponse response) {
        if (!matches(request.getHeader("If-None-Match"), tag)) {
            return false;
        }
        mark(response);
        response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
        return true;
    }

    /** Before the page is written: only a page that is really rendered (never a refusal) gets the tag. */
    public void mark(HttpServletResponse response) {
        response.setHeader("ETag", tag);
        response.setHeader("Cache-Control", "private, no-cache");
    }

    static boolean matches(String ifNoneMatch, String tag) {
        if (ifNoneMatch == null) {
            return false;
        }
        for (String candidate : ifNoneMatch.split(",")) {
            String given = candidate.strip();
            if (given.startsWith("W/")) {
                given = given.substring(2);
            }
            if (given.equals(tag) || given.equals("*")) {
                return true;
            }
        }
        return false;
    }

    private static String hash(UUID user, HttpServletRequest request) {
        String query = request.getQueryString();
        String key = String.join("\n", STARTED, user.toString(), CsrfGuard.tokenFor(request.getSession()),
                request.getRequestURI(), query == null ? "" : query);
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java platform has SHA-256", e);
        }
    }
}
