package dev.kontak.contacts.entity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.UUID;

/**
 * The terms of a user's data checksum: each contact and each activity contributes the first 64 bits of
 * SHA-256("c:" + id + ":" + version) (or "a:" for an activity). A user's checksum is the sum of the terms of
 * everything they can access, modulo 2^64: independent of order, and changed by one addition or subtraction
 * when one item changes. The PostgreSQL function calculate_user_data_checksum computes the same.
 */
public final class Checksums {

    private Checksums() {
    }

    public static long contactTerm(UUID id, long version) {
        return term("c:" + id + ":" + version);
    }

    public static long activityTerm(UUID id, long version) {
        return term("a:" + id + ":" + version);
    }

    /** How a checksum is written in user_metadata.data_checksum: 16 lower-case hex digits. */
    public static String format(long checksum) {
        return String.format("%016x", checksum);
    }

    private static long term(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            long term = 0;
            for (int i = 0; i < 8; i++) {
                term = (term << 8) | (digest[i] & 0xff);
            }
            return term;
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
