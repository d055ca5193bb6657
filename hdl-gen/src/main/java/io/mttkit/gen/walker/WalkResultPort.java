package io.mttkit.gen.walker;

import io.mttkit.hdl.Bool;
import io.mttkit.hdl.Bundle;
import io.mttkit.hdl.Scope;
import io.mttkit.hdl.UInt;

/**
 * {@code result_*}: the walker's answer (valid/ready), and the deciding leaf normalised for a cache fill
 * (CHECKER-MICROARCH §1; meaningful when {@code cacheable}).
 */
public final class WalkResultPort extends Bundle {
    public final Bool valid;
    public final Bool ready;
    public final Verdict verdict;
    public final UInt level;
    /** The deciding entry as read (after the byte swap). */
    public final UInt mpte;
    /** {@code MttWalker.KIND_*}. */
    public final UInt leafKind;
    public final UInt tupleLog2;
    /** XWR per tuple, tuple i in bits 3i+2:3i. */
    public final UInt tuples;
    /** A reserved XWR (or v0.1 nibble) encoding anywhere in the leaf: not cached (cache-model.md §6.2.1). */
    public final Bool leafRsvd;

    public WalkResultPort(Scope s, WalkerParams p) {
        super(s);
        valid = s.bool("valid");
        ready = s.in().bool("ready");
        verdict = s.bundle("", Verdict::new);
        level = s.uint("level", MttWalker.LEVEL_WIDTH);
        mpte = s.uint("mpte", p.xlen());
        leafKind = s.uint("leaf_kind", 2);
        tupleLog2 = s.uint("tuple_log2", MttWalker.LOG2_WIDTH);
        tuples = s.uint("tuples", 3 * p.tupleCount());
        leafRsvd = s.bool("leaf_rsvd");
    }
}
