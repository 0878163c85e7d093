package dev.kontak.web.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What the scale benchmark measured: milliseconds per path and user, the failures (a wrong status is not a
 * measurement), and the paths that this build cannot serve; printed as one markdown table.
 */
final class Timings {

    private final Map<String, Map<String, List<Double>>> samples = new LinkedHashMap<>();
    private final Map<String, String> failures = new LinkedHashMap<>();
    private final Map<String, String> unavailable = new LinkedHashMap<>();
    private final Map<String, Map<String, String>> figures = new LinkedHashMap<>();

    void add(String path, String user, double millis) {
        samples.computeIfAbsent(path, p -> new LinkedHashMap<>()).computeIfAbsent(user, u -> new ArrayList<>())
                .add(millis);
    }

    void failed(String path, String user, String why) {
        failures.merge(path + " (" + user + ")", why, (first, later) -> first);
    }

    void unavailable(String path, String why) {
        unavailable.putIfAbsent(path, why);
    }

    /** A figure that is not a timing, such as bytes, per user. */
    void figure(String row, String user, String value) {
        figures.computeIfAbsent(row, r -> new LinkedHashMap<>()).put(user, value);
    }

    String table(String small, String large) {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "| path | %s: median | p95 | %s: median | p95 | ratio of medians | n |%n",
                small, large));
        out.append("|---|---|---|---|---|---|---|\n");
        samples.forEach((path, byUser) -> {
            List<Double> a = byUser.getOrDefault(small, List.of());
            List<Double> b = byUser.getOrDefault(large, List.of());
            out.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %s | %d / %d |%n", path,
                    ms(quantile(a, 0.5)), ms(quantile(a, 0.95)), ms(quantile(b, 0.5)), ms(quantile(b, 0.95)),
                    a.isEmpty() || b.isEmpty() ? "—" : String.format(Locale.ROOT, "%.2f",
                            quantile(b, 0.5) / quantile(a, 0.5)), a.size(), b.size()));
        });
        figures.forEach((row, byUser) -> out.append(String.format(Locale.ROOT, "| %s | %s | | %s | | | |%n", row,
                byUser.getOrDefault(small, "—"), byUser.getOrDefault(large, "—"))));
        unavailable.forEach((path, why) -> out.append(String.format(Locale.ROOT,
                "| %s | not available: %s | | | | | |%n", path, why)));
        if (!failures.isEmpty()) {
            out.append("\nFailed requests (first answer of each kind):\n");
            failures.forEach((path, why) -> out.append("- ").append(path).append(": ").append(why).append('\n'));
        }
        return out.toString();
    }

    /** Nearest rank: the smallest sample with at least the share {@code q} of the samples at or below it. */
    static double quantile(List<Double> values, double q) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        List<Double> sorted = new ArrayList<>(values);
        sorted.sort(Double::compare);
        int rank = (int) Math.ceil(q * sorted.size());
        return sorted.get(Math.max(0, rank - 1));
    }

    private static String ms(double millis) {
        if (Double.isNaN(millis)) {
            return "—";
        }
        return String.format(Locale.ROOT, millis < 10 ? "%.2f ms" : "%.0f ms", millis);
    }
}
