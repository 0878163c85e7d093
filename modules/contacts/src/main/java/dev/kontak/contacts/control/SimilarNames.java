package dev.kontak.contacts.control;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Which names are alike: groups of names tied by pairs whose trigram similarity is at least a threshold, with
 * PostgreSQL pg_trgm's measure (each word padded with two spaces before and one after, the set of its
 * three-character pieces, and the share of pieces two names have in common among all they have:
 * shared / (left + right - shared)), over names folded for case and accents, so that "José" and "jose" are alike.
 *
 * <p>Found without comparing every pair (a prefix-filtered similarity join): each name's pieces are ordered rarest
 * first; two names with similarity t share at least {@code ceil(t * n)} of a name's n pieces, so the first k pieces
 * they share lie among the first {@code n - ceil(t * n) + k} of each. Names are therefore only compared when they
 * share a key made of k of those first pieces: pairs of pieces (k = 2, far rarer than single pieces, where names
 * come from a few thousand first and family names) when the threshold is above 0.5, else single pieces. Names with
 * the same pieces are tied at once, and each name is compared with at most {@value #MOST_COMPARED} others: where
 * thousands of names are all alike ("Customer 1" … "Customer 5000") the work stays linear, and each is still tied to
 * alike ones, so they end in one group all the same.
 */
public final class SimilarNames {

    static final int MOST_COMPARED = 100;
    private static final long SPREAD = 0x9E3779B97F4A7C15L;

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");

    private final double threshold;
    private final int mostCompared;
    /** How many shared pieces a key is made of: two where every alike pair shares at least two. */
    private final int keyWidth;

    public SimilarNames(double threshold) {
        this(threshold, MOST_COMPARED);
    }

    SimilarNames(double threshold, int mostCompared) {
        this.mostCompared = mostCompared;
        if (!(threshold > 0 && threshold <= 1)) {
            throw new IllegalArgumentException("A name similarity is more than 0 and at most 1, not " + threshold);
        }
        this.threshold = threshold;
        this.keyWidth = threshold > 0.5 ? 2 : 1; // every name has 2 pieces or more: ceil(t * n) >= 2
    }

    /** Two alike names, by their positions in the list given to {@link #ties}, {@code left < right}. */
    public record Pair(int left, int right) {
    }

    /**
     * Pairs of alike names that tie the names into the same groups as every alike pair would (a spanning forest of
     * the alike pairs): a name already tied to a candidate through others is not tied to it again.
     */
    public List<Pair> ties(List<String> names) {
        int[][] pieces = numbered(names.parallelStream().map(SimilarNames::trigrams).toList());
        TiedGroups groups = new TiedGroups(names.size());
        List<Pair> ties = new ArrayList<>();
        int[] order = distinctBySize(pieces, groups, ties);
        int rankBits = 64 - Long.numberOfLeadingZeros(order.length);
        long rankMask = (1L << rankBits) - 1;
        long[] entries = keyEntries(pieces, order, rankMask);
        int[] start = new int[order.length + 1];
        for (long entry : entries) {
            start[(int) (entry & rankMask) + 1]++;
        }
        Arrays.parallelPrefix(start, Integer::sum);
        int[] entriesOfRank = new int[entries.length];
        int[] filled = Arrays.copyOf(start, order.length);
        for (int position = 0; position < entries.length; position++) {
            entriesOfRank[filled[(int) (entries[position] & rankMask)]++] = position;
        }
        Sketches sketches = new Sketches(pieces);
        int[] seenBy = new int[names.size()];
        Arrays.fill(seenBy, -1);
        for (int rank = 0; rank < order.length; rank++) {
            int name = order[rank];
            int[] own = pieces[name];
            int smallest = (int) Math.ceil(threshold * own.length - 1e-9);
            int compared = 0;
            for (int e = start[rank]; e < start[rank + 1]; e++) {
                int position = entriesOfRank[e];
                long key = entries[position] & ~rankMask;
                // the names before it with the same key came earlier, the most recent (and largest) first
                for (int p = position - 1; p >= 0 && (entries[p] & ~rankMask) == key && compared < mostCompared; p--) {
                    int other = order[(int) (entries[p] & rankMask)];
                    if (pieces[other].length < smallest) {
                        break; // the rest are smaller still, too small to be alike
                    }
                    if (seenBy[other] == name) {
                        continue;
                    }
                    seenBy[other] = name;
                    compared++;
                    if (sketches.mayShare(name, other, needed(own.length, pieces[other].length))
                            && alike(own, pieces[other]) && !groups.together(name, other)) {
                        tie(groups, name, other, ties);
                    }
                }
            }
        }
        return ties;
    }

    /**
     * The names in order of size, each set of pieces once: a name with the same pieces as one before it is tied to
     * that one now and compared no more.
     */
    private static int[] distinctBySize(int[][] pieces, TiedGroups groups, List<Pair> ties) {
        Integer[] bySize = new Integer[pieces.length];
        Arrays.setAll(bySize, i -> i);
        Arrays.sort(bySize, Comparator.comparingInt(i -> pieces[i].length));
        Map<PieceSet, Integer> firstWith = new HashMap<>();
        int[] order = new int[pieces.length];
        int kept = 0;
        for (int name : bySize) {
            Integer same = pieces[name].length == 0 ? null : firstWith.putIfAbsent(new PieceSet(pieces[name]), name);
            if (same != null) {
                tie(groups, name, same, ties);
            } else if (pieces[name].length > 0) {
                order[kept++] = name;
            }
        }
        return Arrays.copyOf(order, kept);
    }

    private static void tie(TiedGroups groups, int name, int other, List<Pair> ties) {
        groups.join(name, other);
        ties.add(new Pair(Math.min(name, other), Math.max(name, other)));
    }

    /** A name's pieces as a map key. */
    private record PieceSet(int[] pieces) {

        @Override
        public boolean equals(Object other) {
            return other instanceof PieceSet that && Arrays.equals(pieces, that.pieces);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(pieces);
        }
    }

    /**
     * Every key of every name, with the name's rank in the low bits, sorted: the names that hold a key lie together, in
     * the order they are compared. (Two keys that differ only in the bits the rank takes are read as one, which costs a
     * few more comparisons and misses nothing.)
     */
    private long[] keyEntries(int[][] pieces, int[] order, long rankMask) {
        long[][] keys = new long[order.length][];
        int total = 0;
        for (int rank = 0; rank < order.length; rank++) {
            keys[rank] = keys(pieces[order[rank]]);
            total += keys[rank].length;
        }
        long[] entries = new long[total];
        int n = 0;
        for (int rank = 0; rank < order.length; rank++) {
            for (long key : keys[rank]) {
                entries[n++] = key & ~rankMask | rank;
            }
        }
        Arrays.parallelSort(entries);
        return entries;
    }

    /** The keys of a name's first pieces: each piece, or each pair of them, as one number. */
    private long[] keys(int[] pieces) {
        int first = pieces.length == 0 ? 0
                : Math.min(pieces.length, pieces.length - (int) Math.ceil(threshold * pieces.length - 1e-9) + keyWidth);
        if (keyWidth == 1) {
            return Arrays.stream(pieces, 0, first).asLongStream().toArray();
        }
        long[] keys = new long[first * (first - 1) / 2];
        int n = 0;
        for (int i = 0; i < first; i++) {
            for (int j = i + 1; j < first; j++) {
                // spread by an odd multiplier (one key per pair still): Long's hash of a << 32 | b alone is a ^ b
                keys[n++] = ((long) pieces[i] << 32 | pieces[j]) * SPREAD;
            }
        }
        return keys;
    }

    /** pg_trgm's similarity of two names (as {@link #pairs} compares them). */
    public static double similarity(String left, String right) {
        int[][] pieces = numbered(List.of(trigrams(left), trigrams(right)));
        return similarity(pieces[0], pieces[1]);
    }

    /**
     * Whether the similarity of two sorted sets of piece numbers reaches the threshold, giving up as soon as the
     * pieces left cannot share enough: shared / (left + right - shared) >= t needs shared >= t (left + right) / (1 + t).
     */
    private boolean alike(int[] left, int[] right) {
        int shared = shared(left, right, needed(left.length, right.length));
        return shared > 0 && (double) shared / (left.length + right.length - shared) >= threshold;
    }

    /** How many pieces two names of these sizes must share at least to be alike (a hair less, for rounding). */
    private double needed(int left, int right) {
        return threshold * (left + right) / (1 + threshold) - 1e-9;
    }

    /**
     * Each name's pieces as 128 bits (a piece's bit chosen by its number), and how many of its pieces share a bit with
     * another of them: two names share at most {@code bits in common + those collisions} pieces, a bound that rejects
     * most candidates without reading their pieces. Kept in arrays, read by position.
     */
    private static final class Sketches {
        private final long[] low;
        private final long[] high;
        private final int[] collisions;

        Sketches(int[][] pieces) {
            low = new long[pieces.length];
            high = new long[pieces.length];
            collisions = new int[pieces.length];
            for (int name = 0; name < pieces.length; name++) {
                for (int piece : pieces[name]) {
                    int bit = (int) ((piece * SPREAD) >>> 57);
                    if (bit < 64) {
                        low[name] |= 1L << bit;
                    } else {
                        high[name] |= 1L << (bit - 64);
                    }
                }
                collisions[name] = pieces[name].length - Long.bitCount(low[name]) - Long.bitCount(high[name]);
            }
        }

        boolean mayShare(int name, int other, double needed) {
            return Long.bitCount(low[name] & low[other]) + Long.bitCount(high[name] & high[other]) + collisions[name]
                    >= needed;
        }
    }

    /** Shared / (left + right - shared), over two sorted sets of piece numbers. */
    private static double similarity(int[] left, int[] right) {
        int shared = shared(left, right, 0);
        return shared == 0 ? 0 : (double) shared / (left.length + right.length - shared);
    }

    /** How many numbers two sorted sets share; -1 as soon as those left cannot make it {@code needed}. */
    private static int shared(int[] left, int[] right, double needed) {
        int shared = 0;
        for (int i = 0, j = 0; i < left.length && j < right.length; ) {
            if (shared + Math.min(left.length - i, right.length - j) < needed) {
                return -1;
            }
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
        return shared;
    }

    /** A name's pieces, each three code points in one number, sorted, each once. */
    static long[] trigrams(String name) {
        String text = name == null ? "" : name;
        String folded = (isAscii(text) ? text : MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFD))
                .replaceAll("")).toLowerCase(Locale.ROOT);
        long[] pieces = new long[folded.length() * 3 + 3];
        int count = 0;
        int before2 = ' ';
        int before1 = ' ';
        boolean inWord = false;
        for (int i = 0; i <= folded.length(); ) {
            int c = i < folded.length() ? folded.codePointAt(i) : ' ';
            i += i < folded.length() ? Character.charCount(c) : 1;
            boolean wordPart = Character.isLetterOrDigit(c);
            if (!wordPart && !inWord) {
                continue;
            }
            if (wordPart && !inWord) {
                before2 = ' ';
                before1 = ' ';
            }
            int current = wordPart ? c : ' ';
            pieces[count++] = (long) before2 << 42 | (long) before1 << 21 | current;
            before2 = before1;
            before1 = current;
            inWord = wordPart;
        }
        return Arrays.stream(pieces, 0, count).sorted().distinct().toArray();
    }

    private static boolean isAscii(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) > 127) {
                return false;
            }
        }
        return true;
    }

    /** Each piece numbered by how rare it is among all the names (rarest first); each name's numbers sorted. */
    /** Each piece numbered by how rare it is among all the names (rarest first); each name's numbers sorted. */
    private static int[][] numbered(List<long[]> names) {
        long[] all = names.stream().flatMapToLong(Arrays::stream).sorted().toArray();
        int distinct = 0;
        long[] pieces = new long[all.length];
        int[] counts = new int[all.length];
        for (int i = 0; i < all.length; i++) {
            if (i == 0 || all[i] != all[i - 1]) {
                pieces[distinct++] = all[i];
            }
            counts[distinct - 1]++;
        }
        long[] sortedPieces = Arrays.copyOf(pieces, distinct);
        Integer[] rarestFirst = new Integer[distinct];
        Arrays.setAll(rarestFirst, i -> i);
        Arrays.sort(rarestFirst, Comparator.comparingInt((Integer i) -> counts[i]).thenComparingLong(i -> sortedPieces[i]));
        int[] number = new int[distinct];
        for (int rank = 0; rank < distinct; rank++) {
            number[rarestFirst[rank]] = rank;
        }
        return names.stream().map(own -> Arrays.stream(own).mapToInt(piece -> number[Arrays.binarySearch(sortedPieces,
                piece)]).sorted().toArray()).toArray(int[][]::new);
    }
}
