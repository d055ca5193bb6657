package io.mttkit.golden.cache;

/**
 * One set of ways with its tree-PLRU: a leaf-array set, or a whole fully associative array. Victim rule
 * (CHECKER-MICROARCH.md §5): the lowest-numbered invalid way first, else the PLRU way.
 */
final class WaySet<E> {
    private final Object[] ways;
    private final TreePlru plru;

    WaySet(int n) {
        ways = new Object[n];
        plru = new TreePlru(n);
    }

    int size() {
        return ways.length;
    }

    @SuppressWarnings("unchecked")
    E get(int way) {
        return (E) ways[way];
    }

    boolean valid(int way) {
        return ways[way] != null;
    }

    /** Lowest invalid way, else the PLRU victim. */
    int victim() {
        for (int w = 0; w < ways.length; w++) {
            if (ways[w] == null) {
                return w;
            }
        }
        return plru.victim();
    }

    /** Writes {@code e} into {@code way} and updates the PLRU (a fill). */
    void fill(int way, E e) {
        ways[way] = e;
        plru.touch(way);
    }

    /** Updates the PLRU for a hit. */
    void touch(int way) {
        plru.touch(way);
    }

    /** Clears one way (an invalidation: the PLRU is not updated). */
    void invalidate(int way) {
        ways[way] = null;
    }

    void reset() {
        java.util.Arrays.fill(ways, null);
        plru.reset();
    }

    long plruBits() {
        return plru.bits();
    }
}
