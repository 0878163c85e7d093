package dev.kontak.admin.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.kontak.admin.boundary.MetadataHealthReport.Bucket;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class AgeBucketsTest {

    @Test
    void theMaximumAgeIsOneOfTheLimitsInItsPlace() {
        assertEquals(List.of(Duration.ofMinutes(1), Duration.ofMinutes(2), Duration.ofMinutes(10), Duration.ofHours(1),
                Duration.ofDays(1), Duration.ofDays(7)), new AgeBuckets(Duration.ofMinutes(2)).limits());
        assertEquals(5, new AgeBuckets(Duration.ofHours(1)).limits().size(), "a limit that is already there counts once");
    }

    @Test
    void bucketsAreTheDifferencesOfRowsAtMostEachAgeAndTheRestIsOlder() {
        AgeBuckets buckets = new AgeBuckets(Duration.ofSeconds(90));

        List<Bucket> histogram = buckets.of(20, new long[] {3, 5, 5, 9, 12, 15});

        assertEquals(List.of(new Bucket("≤ 1 min", 3), new Bucket("1 min – 90 s", 2), new Bucket("90 s – 10 min", 0),
                new Bucket("10 min – 1 h", 4), new Bucket("1 h – 1 d", 3), new Bucket("1 d – 7 d", 3),
                new Bucket("> 7 d", 5)), histogram);
        assertEquals(20, histogram.stream().mapToLong(Bucket::count).sum());
    }

    @Test
    void aCountPerLimitIsRequired() {
        assertThrows(IllegalArgumentException.class, () -> new AgeBuckets(Duration.ofMinutes(2)).of(1, new long[] {1}));
    }
}
