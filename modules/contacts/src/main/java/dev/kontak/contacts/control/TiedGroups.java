package dev.kontak.contacts.control;

import java.util.Arrays;

/**
 * Positions tied into groups (a union-find): whatever is tied to something tied to a position is in its group. The
 * smaller group joins the larger, and look-ups halve their path, so every position stays a few steps from its root.
 */
public final class TiedGroups {

    private final int[] parent;
    private final int[] size;

    public TiedGroups(int positions) {
        parent = new int[positions];
        size = new int[positions];
        Arrays.setAll(parent, i -> i);
        Arrays.fill(size, 1);
    }

    public boolean together(int left, int right) {
        return root(left) == root(right);
    }

    /** @return the root of the joined group */
    public int join(int left, int right) {
        int a = root(left);
        int b = root(right);
        int joined = size[a] >= size[b] ? a : b;
        int joining = joined == a ? b : a;
        if (joining != joined) {
            parent[joining] = joined;
            size[joined] += size[joining];
        }
        return joined;
    }

    /** The position that stands for the group this one is in. */
    public int root(int position) {
        while (parent[position] != position) {
            parent[position] = parent[parent[position]];
            position = parent[position];
        }
        return position;
    }
}
