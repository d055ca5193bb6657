package io.mttkit.golden;

/**
 * The {@code uniform_log2} of a TUPLES leaf (CHECKER-MICROARCH.md §1; {@code docs/cache-model.md} §4.1): the log2 of
 * the largest naturally aligned block of tuples around the selected tuple whose tuples all have the selected tuple's
 * XWR. Both formats' walks ({@code SmmptLookup}, {@code SmmttLookup}) and the cache model's answer from a stored leaf
 * report it; it lives here, beside {@link LeafKind}, so that none of them depends on another for it.
 */
public final class UniformBlock {
    private UniformBlock() {
    }

    /**
     * For a leaf of {@code count} tuples of 2^{@code tupleLog2} bytes each (XWR packed 3 bits per tuple, tuple 0
     * lowest), the log2 of the largest naturally aligned block of tuples around tuple {@code selected} whose tuples
     * all have the selected tuple's XWR: a value in [tupleLog2, tupleLog2 + log2(count)].
     */
    public static int log2(long packedXwr, int count, int selected, int tupleLog2) {
        final long want = (packedXwr >>> (3 * selected)) & 7;
        int best = 1;
        for (int block = 2; block <= count; block <<= 1) {
            int first = selected & ~(block - 1);
            boolean same = true;
            for (int t = first; t < first + block; t++) {
                if (((packedXwr >>> (3 * t)) & 7) != want) {
                    same = false;
                    break;
                }
            }
            if (!same) {
                break;
            }
            best = block;
        }
        return tupleLog2 + Integer.numberOfTrailingZeros(best);
    }
}
