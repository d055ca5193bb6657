package io.mttkit.golden.cache;

import io.mttkit.golden.Access;
import io.mttkit.golden.LeafKind;
import io.mttkit.golden.LookupResult;
import io.mttkit.golden.MttMode;
import io.mttkit.golden.UniformBlock;

/**
 * A normalised leaf held by the leaf array or the superpage/NAPOT array (CHECKER-MICROARCH.md §1): its tag
 * ({@code sdid}, {@code mode} — which implies the format —, {@code base}, {@code leafLog2}, {@code level}) and
 * its data (kind, tuples). v0.1 PERM values are already converted to XWR by the lookup.
 *
 * @param sdid       implemented SDID bits of the context that filled it
 * @param mode       mode of the context that filled it
 * @param level      level of the leaf entry (0 = 64/32 KiB leaves and MTTL1 words)
 * @param kind       TUPLES, NAPOT or UNIFORM
 * @param base       first PA covered, aligned to {@code leafLog2}
 * @param leafLog2   log2 of the covered range
 * @param tupleCount 16 or 8 for TUPLES, 1 otherwise
 * @param tupleLog2  log2 of one tuple's range (= leafLog2 for NAPOT/UNIFORM)
 * @param tuples     packed XWR, tuple i in bits [3i+2:3i]
 */
public record CachedLeaf(int sdid, MttMode mode, int level, LeafKind kind, long base, int leafLog2,
                         int tupleCount, int tupleLog2, long tuples) {

    /** The leaf a lookup decided on, tagged with the walk's context. */
    static CachedLeaf from(LookupResult r, int sdid, MttMode mode) {
        return new CachedLeaf(sdid, mode, r.level(), r.leafKind(), r.leafBase(), r.leafLog2(), r.tupleCount(),
                r.tupleLog2(), r.packedTuples());
    }

    /** True when {@code pa} lies in {@code [base, base + 2^leafLog2)}. */
    boolean contains(long pa) {
        return ((pa ^ base) >>> leafLog2) == 0;
    }

    /** Same tag: a fill with this tag overwrites the entry in place. */
    boolean sameTag(CachedLeaf o) {
        return sdid == o.sdid && mode == o.mode && level == o.level && base == o.base && leafLog2 == o.leafLog2;
    }

    /** Index of the tuple that covers {@code pa} (0 for NAPOT/UNIFORM). */
    int tupleIndex(long pa) {
        return kind == LeafKind.TUPLES ? (int) ((pa >>> tupleLog2) & (tupleCount - 1)) : 0;
    }

    int tupleXwr(int i) {
        return (int) ((tuples >>> (3 * i)) & 7);
    }

    /**
     * log2 of the largest aligned block around {@code pa} whose tuples all equal the selected one, between
     * {@code tupleLog2} and {@code leafLog2} — the walk's rule ({@link UniformBlock}); the whole leaf for NAPOT and
     * UNIFORM.
     */
    int uniformLog2(long pa) {
        if (kind != LeafKind.TUPLES) {
            return leafLog2;
        }
        return UniformBlock.log2(tuples, tupleCount, tupleIndex(pa), tupleLog2);
    }

    /** Answers a hit: the verdict fields exactly as a fresh lookup of the same leaf would set them, no reads. */
    void answer(long pa, int need, LookupResult out) {
        out.reset();
        out.recordLeaf(kind, base, leafLog2, tupleCount, tupleLog2, tuples);
        out.decide(level, tupleXwr(tupleIndex(pa)), need, uniformLog2(pa));
    }

    /** One line for snapshots: range, level, kind, XWR of each tuple. */
    String describe() {
        StringBuilder sb = new StringBuilder();
        sb.append("sdid=").append(sdid).append(' ').append(mode.id()).append(" L").append(level).append(' ')
          .append(String.format("[0x%x, +2^%d)", base, leafLog2)).append(' ').append(kind).append(" xwr=");
        for (int i = 0; i < tupleCount; i++) {
            String f = Access.format(tupleXwr(i));
            sb.append(i == 0 ? "" : ",").append(f.isEmpty() ? "-" : f);
        }
        return sb.toString();
    }
}
