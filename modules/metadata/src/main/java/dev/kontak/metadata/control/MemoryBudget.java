package dev.kontak.metadata.control;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A number of bytes as a setting gives it: a plain count ({@code 268435456}), a size with a binary unit
 * ({@code 512k}, {@code 256m}, {@code 2g}) or a share of the JVM's maximum heap ({@code 10%}).
 */
final class MemoryBudget {

    private static final Pattern FORMAT = Pattern.compile("(\\d+)\\s*([kmg%]?)b?");

    private MemoryBudget() {
    }

    static long bytes(String setting, long maxHeap) {
        Matcher parts = FORMAT.matcher(setting.strip().toLowerCase(Locale.ROOT));
        if (!parts.matches()) {
            throw new IllegalArgumentException("Not a size in bytes (like 268435456, 256m or 10%): " + setting);
        }
        try {
            long number = Long.parseLong(parts.group(1));
            return switch (parts.group(2)) {
                case "k" -> Math.multiplyExact(number, 1L << 10);
                case "m" -> Math.multiplyExact(number, 1L << 20);
                case "g" -> Math.multiplyExact(number, 1L << 30);
                case "%" -> share(number, maxHeap, setting);
                default -> number;
            };
        } catch (ArithmeticException | NumberFormatException e) {
            throw new IllegalArgumentException("Too large a size in bytes: " + setting, e);
        }
    }

    private static long share(long percent, long maxHeap, String setting) {
        if (percent > 100) {
            throw new IllegalArgumentException("A share of the heap is at most 100%: " + setting);
        }
        return (long) (maxHeap * (percent / 100.0));
    }
}
