package dev.kontak.admin.boundary;

import dev.kontak.admin.boundary.MetadataHealthReport.Bucket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * The staleness histogram's age limits: one minute, {@code kontak.metadata.max-age} (where fresh ends), ten
 * minutes, an hour, a day, a week; the buckets lie between them, the last one holds everything older.
 */
final class AgeBuckets {

    private static final List<Duration> STEPS = List.of(Duration.ofMinutes(1), Duration.ofMinutes(10),
            Duration.ofHours(1), Duration.ofDays(1), Duration.ofDays(7));

    private final List<Duration> limits;

    AgeBuckets(Duration maxAge) {
        TreeSet<Duration> all = new TreeSet<>(STEPS);
        all.add(maxAge);
        limits = List.copyOf(all);
    }

    /** The upper limits of all buckets but the last, shortest first. */
    List<Duration> limits() {
        return limits;
    }

    /**
     * @param rows        how many rows there are
     * @param withinLimit for each limit, how many rows are at most that old (so never decreasing)
     */
    List<Bucket> of(long rows, long[] withinLimit) {
        if (withinLimit.length != limits.size()) {
            throw new IllegalArgumentException(limits.size() + " counts expected, not " + withinLimit.length);
        }
        List<Bucket> buckets = new ArrayList<>();
        buckets.add(new Bucket("≤ " + label(limits.get(0)), withinLimit[0]));
        for (int i = 1; i < limits.size(); i++) {
            buckets.add(new Bucket(label(limits.get(i - 1)) + " – " + label(limits.get(i)),
                    withinLimit[i] - withinLimit[i - 1]));
        }
        buckets.add(new Bucket("> " + label(limits.get(limits.size() - 1)), rows - withinLimit[limits.size() - 1]));
        return buckets;
    }

    /** The largest whole unit: "2 min", "90 s", "1 h", "7 d". */
    static String label(Duration age) {
        if (age.toSeconds() % 86_400 == 0) {
            return age.toDays() + " d";
        }
        if (age.toSeconds() % 3_600 == 0) {
            return age.toHours() + " h";
        }
        if (age.toSeconds() % 60 == 0) {
            return age.toMinutes() + " min";
        }
        return age.toSeconds() + " s";
    }
}
