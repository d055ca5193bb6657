package io.mttkit.gen.walker;

import io.mttkit.hdl.Bool;
import io.mttkit.hdl.Bundle;
import io.mttkit.hdl.Scope;
import io.mttkit.hdl.UInt;

/**
 * What DECODE does with the current MPTE (v0.9 §4 steps 3–7, v0.1 §4 steps 3–7; priority per SPEC-DECISIONS #16):
 * descend to the next table, or decide with a cause; and, for a leaf, its answer and its normalised form for a
 * cache fill. One per implemented format; the walker takes the lookup's format's with one bundle multiplexer.
 */
public final class Decision extends Bundle {
    public final Bool descend;
    public final UInt nextPpn;
    /** A valid, well-formed leaf decided (cause NONE or PERM_DENY). */
    public final Bool leaf;
    public final UInt cause;
    public final UInt xwr;
    public final UInt leafLog2;
    public final UInt uniformLog2;
    /** For a fill: {@code MttWalker.KIND_*}, tuple range, packed XWR (tuple i in bits 3i+2:3i). */
    public final UInt leafKind;
    public final UInt tupleLog2;
    public final UInt tuples;
    /** A reserved tuple (or nibble) encoding anywhere in the leaf. */
    public final Bool leafRsvd;

    public Decision(Scope s, WalkerParams p) {
        super(s);
        descend = s.bool("descend");
        nextPpn = s.uint("next_ppn", p.ppnWidth());
        leaf = s.bool("leaf");
        cause = s.uint("cause", WalkCause.WIDTH);
        xwr = s.uint("xwr", 3);
        leafLog2 = s.uint("leaf_log2", MttWalker.LOG2_WIDTH);
        uniformLog2 = s.uint("uniform_log2", MttWalker.LOG2_WIDTH);
        leafKind = s.uint("leaf_kind", 2);
        tupleLog2 = s.uint("tuple_log2", MttWalker.LOG2_WIDTH);
        tuples = s.uint("tuples", 3 * p.tupleCount());
        leafRsvd = s.bool("leaf_rsvd");
    }
}
