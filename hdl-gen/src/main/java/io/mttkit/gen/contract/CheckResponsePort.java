package io.mttkit.gen.contract;

import io.mttkit.hdl.Bool;
import io.mttkit.hdl.Bundle;
import io.mttkit.hdl.Scope;
import io.mttkit.hdl.UInt;

/** {@code rsp_*}: the checker's answer to one check, in request order, accepted by the requester ({@code ready}). */
public final class CheckResponsePort extends Bundle {
    /** Width of {@code rsp_cause} (contract cause codes). */
    public static final int CAUSE_WIDTH = 4;
    /** Width of {@code rsp_level} (0..4). */
    public static final int LEVEL_WIDTH = 3;
    /** Width of {@code rsp_leaf_log2}/{@code rsp_uniform_log2} (values up to 57). */
    public static final int LOG2_WIDTH = 7;

    public final Bool valid;
    public final Bool ready;
    public final UInt id;
    public final Bool allow;
    public final Bool fault;
    public final UInt cause;
    public final UInt xwr;
    public final UInt level;
    public final UInt leafLog2;
    public final UInt uniformLog2;
    public final Bool cacheable;
    public final Bool stale;

    public CheckResponsePort(Scope s, int idWidth) {
        super(s);
        valid = s.bool("valid");
        ready = s.in().bool("ready");
        id = s.uint("id", idWidth);
        allow = s.bool("allow");
        fault = s.bool("fault");
        cause = s.uint("cause", CAUSE_WIDTH);
        xwr = s.uint("xwr", 3);
        level = s.uint("level", LEVEL_WIDTH);
        leafLog2 = s.uint("leaf_log2", LOG2_WIDTH);
        uniformLog2 = s.uint("uniform_log2", LOG2_WIDTH);
        cacheable = s.bool("cacheable");
        stale = s.bool("stale");
    }

    /** {@code valid && ready}: the response handshake. */
    public Bool fire() {
        return valid.and(ready);
    }
}
