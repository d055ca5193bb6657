package io.mttkit.gen.checker;

import io.mttkit.gen.contract.CheckResponsePort;
import io.mttkit.gen.walker.WalkCause;
import io.mttkit.hdl.Bool;
import io.mttkit.hdl.Bundle;
import io.mttkit.hdl.Scope;
import io.mttkit.hdl.UInt;

/**
 * The fields of one response the checker top chooses between (its response register, {@code rsp_q_*}, or the
 * walker's result): everything on {@code rsp_*} but the handshake, {@code fault} (= not allow) and {@code stale}.
 */
final class Answer extends Bundle {
    final UInt id;
    final Bool allow;
    final UInt cause;
    final UInt xwr;
    final UInt level;
    final UInt leafLog2;
    final UInt uniformLog2;
    final Bool cacheable;

    Answer(Scope s, int idWidth) {
        super(s);
        id = s.uint("id", idWidth);
        allow = s.bool("allow");
        cause = s.uint("cause", WalkCause.WIDTH);
        xwr = s.uint("xwr", 3);
        level = s.uint("level", CheckResponsePort.LEVEL_WIDTH);
        leafLog2 = s.uint("leaf_log2", CheckResponsePort.LOG2_WIDTH);
        uniformLog2 = s.uint("uniform_log2", CheckResponsePort.LOG2_WIDTH);
        cacheable = s.bool("cacheable");
    }

    /** Drives {@code rsp}'s fields from this answer ({@code fault} = not allow). */
    void drive(CheckResponsePort rsp) {
        rsp.id.set(id);
        rsp.allow.set(allow);
        rsp.fault.set(allow.not());
        rsp.cause.set(cause);
        rsp.xwr.set(xwr);
        rsp.level.set(level);
        rsp.leafLog2.set(leafLog2);
        rsp.uniformLog2.set(uniformLog2);
        rsp.cacheable.set(cacheable);
    }
}
