package io.mttkit.golden.cache;

/**
 * Tree pseudo-LRU state of one set (or of one fully associative array) of {@code ways} ways, a power of two
 * from 1 to 64.
 *
 * <p>Encoding (normative for the RTL; docs/cache-model.md §"PLRU"): the {@code ways − 1} node bits are stored
 * in heap order — node 0 is the root, the children of node {@code i} are {@code 2i+1} (left, the lower-numbered
 * ways) and {@code 2i+2} (right); bit {@code i} of {@link #bits()} is node {@code i}. A node bit of 0 means
 * "the next victim is in the left subtree", 1 means "in the right subtree". Touching a way (hit or fill) sets
 * every node on its path to point <em>away</em> from it. Reset value: all bits 0 (victim = way 0).
 */
final class TreePlru {
    private final int ways;
    private long bits;

    TreePlru(int ways) {
        if (ways < 1 || ways > 64 || Integer.bitCount(ways) != 1) {
            throw new IllegalArgumentException("PLRU ways must be a power of two in 1..64, got " + ways);
        }
        this.ways = ways;
    }

    /** The way the tree points to. */
    int victim() {
        int node = 0;
        while (node < ways - 1) {
            node = ((bits >>> node) & 1) == 0 ? 2 * node + 1 : 2 * node + 2;
        }
        return node - (ways - 1);
    }

    /** Marks {@code way} most recently used: every node on its path points to the other side. */
    void touch(int way) {
        if (way < 0 || way >= ways) {
            throw new IndexOutOfBoundsException("way " + way + " of " + ways);
        }
        int node = way + ways - 1;
        while (node > 0) {
            int parent = (node - 1) / 2;
            boolean cameFromLeft = node == 2 * parent + 1;
            if (cameFromLeft) {
                bits |= 1L << parent;
            } else {
                bits &= ~(1L << parent);
            }
            node = parent;
        }
    }

    void reset() {
        bits = 0;
    }

    /** Node bits, node {@code i} in bit {@code i}. */
    long bits() {
        return bits;
    }
}
