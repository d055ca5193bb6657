package io.mttkit.gen.walker;

import io.mttkit.hdl.Bool;
import io.mttkit.hdl.Bundle;
import io.mttkit.hdl.Scope;
import io.mttkit.hdl.UInt;

/** What a walk decided: the contract's response fields other than id, level and stale. */
public final class Verdict extends Bundle {
    public final Bool allow;
    public final UInt cause;
    public final UInt xwr;
    public final UInt leafLog2;
    public final UInt uniformLog2;
    /** A valid, well-formed leaf decided (allowed or PERM_DENY). */
    public final Bool cacheable;

    public Verdict(Scope s) {
        super(s);
        allow = s.bool("allow");
        cause = s.uint("cause", WalkCause.WIDTH);
        xwr = s.uint("xwr", 3);
        leafLog2 = s.uint("leaf_log2", MttWalker.LOG2_WIDTH);
        uniformLog2 = s.uint("uniform_log2", MttWalker.LOG2_WIDTH);
        cacheable = s.bool("cacheable");
    }
}
