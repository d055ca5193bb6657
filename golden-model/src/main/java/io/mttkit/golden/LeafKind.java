package io.mttkit.golden;

/**
 * The normalised shape of a leaf (CHECKER-MICROARCH.md §1): both formats' leaves are one of these.
 */
public enum LeafKind {
    /** 8 or 16 permission tuples, one per granule: Smmpt non-NAPOT leaf, v0.1 MTTL1 word, 2M/4M_PAGES. */
    TUPLES,
    /** Smmpt NAPOT leaf: one XWR for the whole 2^(G+1)-entry naturally aligned range. */
    NAPOT,
    /** v0.1 {@code 1G_*} MTTL2 entry: one XWR for the entry's range. */
    UNIFORM
}
