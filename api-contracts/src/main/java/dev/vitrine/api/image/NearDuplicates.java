package dev.vitrine.api.image;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The one rule for which photos are near-duplicates, so that every side that shows or counts them agrees: two photos
 * are near-duplicates when their {@link Fingerprint}s differ in at most a given number of bits, and near-duplicates
 * of near-duplicates belong to the same group (a chain of small steps can join two photos further apart than the
 * limit: grouping is transitive, like what a person sorting copies would do).
 */
public final class NearDuplicates {

    /**
     * Measured on the shared fixture photos (NearDuplicateFixturesTest): every half-size, JPEG-60, 2.5 %-cropped and
     * PNG copy is at most 10 bits from its original, and distinct photos are at least 22 apart, so anything from 10
     * to 21 groups them right (from 8, through chains of copies). 12 leaves 2 bits for copies a little worse than
     * those, and stays low because a gallery has far more pairs of unrelated photos than the fixtures, and one pair
     * that comes close merges two whole groups: were the fingerprints of unrelated photos random (with about half
     * their bits set, as pHash's are), 1 pair in 2 million would come within 12 bits and 1 in 15 000 within 16, so a
     * gallery of 1 000 photos (500 000 pairs) would see 0.2 and 33 such pairs.
     */
    public static final int DEFAULT_MAX_DISTANCE = 12;

    private NearDuplicates() {}

    /**
     * The groups of two or more items whose fingerprints are linked by distances of at most {@code maxDistance};
     * each group in input order, the groups in the order of their first member. Items with no near-duplicate are in
     * no group.
     */
    public static <T> List<List<T>> group(List<T> items, Function<T, Fingerprint> fingerprint, int maxDistance) {
        if (maxDistance < 0) {
            throw new IllegalArgumentException("maxDistance must be at least 0, not " + maxDistance);
        }
        long[] bits = new long[items.size()];
        for (int i = 0; i < bits.length; i++) {
            bits[i] = fingerprint.apply(items.get(i)).bits();
        }
        // Every pair: O(n²). Count on 1e8 comparisons a second (1e9 were measured once warm: 10 000 fingerprints,
        // 5e7 pairs, in 0.03 s), so a gallery of 10 000 photos takes under half a second; beyond that a BK-tree or
        // multi-index hashing would avoid comparing every pair.
        int[] parent = new int[bits.length];
        for (int i = 0; i < parent.length; i++) {
            parent[i] = i;
        }
        for (int i = 0; i < bits.length; i++) {
            for (int j = i + 1; j < bits.length; j++) {
                if (Long.bitCount(bits[i] ^ bits[j]) <= maxDistance) {
                    union(parent, i, j);
                }
            }
        }
        // Keyed by root, filled in input order: each group in input order, groups ordered by their first member.
        Map<Integer, List<T>> groups = new LinkedHashMap<>();
        for (int i = 0; i < bits.length; i++) {
            groups.computeIfAbsent(root(parent, i), root -> new ArrayList<>()).add(items.get(i));
        }
        return groups.values().stream()
                .filter(group -> group.size() > 1)
                .map(List::copyOf)
                .toList();
    }

    private static int root(int[] parent, int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }

    private static void union(int[] parent, int a, int b) {
        int rootA = root(parent, a);
        int rootB = root(parent, b);
        // the smaller index as root keeps roots stable and cheap to reason about; ranks are not worth it here
        if (rootA < rootB) {
            parent[rootB] = rootA;
        } else if (rootB < rootA) {
            parent[rootA] = rootB;
        }
    }
}
