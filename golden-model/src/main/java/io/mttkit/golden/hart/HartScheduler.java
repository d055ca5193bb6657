package io.mttkit.golden.hart;

/**
 * The seeded interleaving of a {@link HartSystem}: round-robin over the harts in index order, each turn a
 * quantum of 1..{@code maxQuantum} instructions drawn from the seed; a hart waiting in WFI is passed over,
 * and its turn ends when it enters WFI. Same seed and same program → same interleaving.
 *
 * <p>The random numbers are SplitMix64 (Steele, Lea, Flood 2014), written out here so that the sequence
 * does not depend on the JDK.
 */
public final class HartScheduler {
    /** The default largest quantum. */
    public static final int DEFAULT_MAX_QUANTUM = 16;
    /** The largest quantum accepted. */
    public static final int MAX_QUANTUM_LIMIT = 1 << 20;

    private final int maxQuantum;
    private long state;

    /**
     * @param seed       the seed
     * @param maxQuantum largest quantum, 1..{@value #MAX_QUANTUM_LIMIT} (1 = strict instruction-by-instruction
     *                   round-robin, whatever the seed)
     */
    public HartScheduler(long seed, int maxQuantum) {
        if (maxQuantum < 1 || maxQuantum > MAX_QUANTUM_LIMIT) {
            throw new IllegalArgumentException("the largest quantum must be 1.." + MAX_QUANTUM_LIMIT + ", got "
                    + maxQuantum);
        }
        this.maxQuantum = maxQuantum;
        this.state = seed;
    }

    /** The length of the next turn, 1..maxQuantum. */
    public int nextQuantum() {
        long z = (state += 0x9E3779B97F4A7C15L);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        z ^= z >>> 31;
        return 1 + (int) Long.remainderUnsigned(z, maxQuantum);
    }
}
