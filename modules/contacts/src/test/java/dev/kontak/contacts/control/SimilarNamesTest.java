package dev.kontak.contacts.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;
import org.junit.jupiter.api.Test;

class SimilarNamesTest {

    /** The figures PostgreSQL 15's pg_trgm gives for these names (SELECT similarity(...)). */
    @Test
    void measuresAsPgTrgmDoes() {
        assertEquals(0.61538464, SimilarNames.similarity("john smith", "jon smith"), 1e-6);
        assertEquals(0.73333335, SimilarNames.similarity("budi santoso", "budi santosa"), 1e-6);
        assertEquals(0.75, SimilarNames.similarity("Anna-Marie O'Neil", "anna marie oneil"), 1e-6);
        assertEquals(0.71428573, SimilarNames.similarity("Dewi", "dewi s"), 1e-6);
    }

    @Test
    void foldsCaseAndAccents() {
        assertEquals(1.0, SimilarNames.similarity("Ünal Çelik", "unal celik"));
        assertEquals(1.0, SimilarNames.similarity("JOSÉ", "José"));
        assertEquals(0.0, SimilarNames.similarity("", "José"));
    }

    @Test
    void tiesTheAlikeNamesOnly() {
        List<SimilarNames.Pair> ties = new SimilarNames(0.6)
                .ties(List.of("John Smith", "Siti Rahayu", "Jon Smith", "Budi Santoso", "budi santosa", "—"));

        assertEquals(Set.of(new SimilarNames.Pair(0, 2), new SimilarNames.Pair(3, 4)), new HashSet<>(ties));
    }

    @Test
    void thousandsOfAlikeNamesArePairedWithAlikeOnesIntoOneWhole() {
        List<String> names = IntStream.range(0, 5000).mapToObj(i -> "Customer " + i).toList();

        List<SimilarNames.Pair> ties = new SimilarNames(0.6).ties(names);

        ties.forEach(pair -> assertTrue(SimilarNames.similarity(names.get(pair.left()), names.get(pair.right())) >= 0.6));
        assertEquals(1, Set.copyOf(groups(names.size(), ties)).size(), "one group");
    }

    /** Each name's group, named by its smallest position. */
    private static List<Integer> groups(int size, Collection<SimilarNames.Pair> ties) {
        int[] group = IntStream.range(0, size).toArray();
        boolean changed = true;
        while (changed) {
            changed = false;
            for (SimilarNames.Pair pair : ties) {
                int least = Math.min(group[pair.left()], group[pair.right()]);
                if (group[pair.left()] != least || group[pair.right()] != least) {
                    group[pair.left()] = least;
                    group[pair.right()] = least;
                    changed = true;
                }
            }
        }
        return Arrays.stream(group).boxed().toList();
    }

    @Test
    void refusesAThresholdOutsideZeroToOne() {
        assertThrows(IllegalArgumentException.class, () -> new SimilarNames(0));
        assertThrows(IllegalArgumentException.class, () -> new SimilarNames(1.5));
    }

    /** The rare-pieces filter ties the names into exactly the groups that a comparison of every pair makes. */
    @Property(tries = 300)
    void findsWhatComparingEveryPairFinds(@ForAll("names") List<String> names,
            @ForAll @DoubleRange(min = 0.1, max = 1.0) double threshold) {
        Set<SimilarNames.Pair> everyPair = new HashSet<>();
        for (int i = 0; i < names.size(); i++) {
            for (int j = i + 1; j < names.size(); j++) {
                if (SimilarNames.similarity(names.get(i), names.get(j)) >= threshold) {
                    everyPair.add(new SimilarNames.Pair(i, j));
                }
            }
        }
        List<SimilarNames.Pair> ties = new SimilarNames(threshold).ties(names);

        assertTrue(everyPair.containsAll(ties), "only alike names are tied");
        assertEquals(groups(names.size(), everyPair), groups(names.size(), ties));
    }

    @Provide
    Arbitrary<List<String>> names() {
        Arbitrary<String> word = Arbitraries.strings().withChars("abcdeéo -").ofMinLength(0).ofMaxLength(9);
        return word.list().ofMaxSize(40).map(ArrayList::new);
    }
}
