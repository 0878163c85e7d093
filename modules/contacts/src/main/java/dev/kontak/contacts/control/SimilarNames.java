package dev.kontak.contacts.control;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Which names are alike: pairs whose trigram similarity is at least a threshold, with PostgreSQL pg_trgm's measure
 * (each word padded with two spaces before and one after, the set of its three-character pieces, and the share of
 * pieces two names have in common among all they have: shared / (left + right - shared)), over names folded for
 * case and accents, so that "José" and "jose" are alike.
 *
 * <p>Found without comparing every pair (a prefix-filtered similarity join): each name's pieces are ordered rarest
 * first, and two names that pass the threshold must share a piece among the first {@code n - ceil(t * n) + 1} of
 * either, so only names sharing one of those rare pieces are ever compared. Each name is compared with at most
 * {@value #MOST_COMPARED} others (those that share its rarest pieces first): where thousands of names are all alike
 * ("Customer 1" … "Customer 5000") the work stays linear, and each name is still paired with alike ones, so they
 * end in one group all the same.
 */
public final class SimilarNames {

    static final int MOST_COMPARED = 100;

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NOT_A_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

    private final double threshold;

    public SimilarNames(double threshold) {
        if (!(threshold > 0 && threshold <= 1)) {
            throw new IllegalArgumentException("A name similarity is more than 0 and at most 1, not " + threshold);
        }
        this.threshold = threshold;
    }

    /** A pair of alike names, by their positions in the list given to {@link #pairs}, {@code left < right}. */
    public record Pair(int left, int right) {
    }

    public List<Pair> pairs(List<String> names) {
        int[][] pieces = numbered(names.stream().map(SimilarNames::trigrams).toList());
        Integer[] bySize = new Integer[names.size()];
        Arrays.setAll(bySize, i -> i);
        Arrays.sort(bySize, Comparator.comparingInt(i -> pieces[i].length));
        Map<Integer, List<Integer>> holdersOfPrefixPiece = new HashMap<>();
        List<Pair> pairs = new ArrayList<>();
        for (int name : bySize) {
            int[] own = pieces[name];
            Set<Integer> candidates = new LinkedHashSet<>();
            for (int k = 0; k < prefixLength(own.length); k++) {
                List<Integer> holders = holdersOfPrefixPiece.computeIfAbsent(own[k], piece -> new ArrayList<>());
                for (int i = holders.size() - 1; i >= 0 && candidates.size() < MOST_COMPARED; i--) {
                    candidates.add(holders.get(i));
                }
                holders.add(name);
            }
            for (int other : candidates) {
                if (similarity(own, pieces[other]) >= threshold) {
                    pairs.add(new Pair(Math.min(name, other), Math.max(name, other)));
                }
            }
        }
        return pairs;
    }

    /** pg_trgm's similarity of two names (as {@link #pairs} compares them). */
    public static double similarity(String left, String right) {
        int[][] pieces = numbered(List.of(trigrams(left), trigrams(right)));
        return similarity(pieces[0], pieces[1]);
    }

    private int prefixLength(int size) {
        return size == 0 ? 0 : size - (int) Math.ceil(threshold * size - 1e-9) + 1;
    }

    /** Shared / (left + right - shared), over two sorted sets of piece numbers. */
    private static double similarity(int[] left, int[] right) {
        if (left.length == 0 || right.length == 0) {
            return 0;
        }
        int shared = 0;
        for (int i = 0, j = 0; i < left.length && j < right.length; ) {
            if (left[i] == right[j]) {
                shared++;
                i++;
                j++;
            } else if (left[i] < right[j]) {
                i++;
            } else {
                j++;
            }
        }
        return (double) shared / (left.length + right.length - shared);
    }

    static Set<String> trigrams(String name) {
        String folded = MARKS.matcher(Normalizer.normalize(name == null ? "" : name, Normalizer.Form.NFD))
                .replaceAll("").toLowerCase(Locale.ROOT);
        Set<String> pieces = new TreeSet<>();
        for (String word : NOT_A_WORD.split(folded)) {
            if (word.isEmpty()) {
                continue;
            }
            int[] padded = ("  " + word + " ").codePoints().toArray();
            for (int i = 0; i + 3 <= padded.length; i++) {
                pieces.add(new String(padded, i, 3));
            }
        }
        return pieces;
    }

    /** Each piece numbered by how rare it is among all the names (rarest first); each name's numbers sorted. */
    private static int[][] numbered(List<Set<String>> names) {
        Map<String, Integer> counts = new HashMap<>();
        names.forEach(pieces -> pieces.forEach(piece -> counts.merge(piece, 1, Integer::sum)));
        List<String> rarestFirst = new ArrayList<>(counts.keySet());
        rarestFirst.sort(Comparator.comparing((String piece) -> counts.get(piece)).thenComparing(piece -> piece));
        Map<String, Integer> numbers = new HashMap<>();
        for (int i = 0; i < rarestFirst.size(); i++) {
            numbers.put(rarestFirst.get(i), i);
        }
        return names.stream().map(pieces -> pieces.stream().mapToInt(numbers::get).sorted().toArray())
                .toArray(int[][]::new);
    }
}
