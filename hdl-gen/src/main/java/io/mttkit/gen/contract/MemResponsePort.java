package io.mttkit.gen.contract;

import io.mttkit.hdl.Bool;
import io.mttkit.hdl.Bundle;
import io.mttkit.hdl.Scope;
import io.mttkit.hdl.UInt;

/**
 * {@code mrs_*}: the memory's answer to a read (forward fields, no {@code ready}: responses cannot be refused).
 * Declared by the checker with {@code s.in()}.
 */
public final class MemResponsePort extends Bundle {
    /** Width of {@code mrs_data}. */
    public static final int DATA_WIDTH = 64;

    public final Bool valid;
    public final UInt data;
    /** Bus error or poison: the data is not an MPTE. */
    public final Bool err;
    public final UInt tag;

    public MemResponsePort(Scope s) {
        this(s, MemReadPort.TAG_WIDTH);
    }

    /** With a {@code tagWidth}-bit tag, the echo of {@code mrd_tag} (contract v4). */
    public MemResponsePort(Scope s, int tagWidth) {
        super(s);
        valid = s.bool("valid");
        data = s.uint("data", DATA_WIDTH);
        err = s.bool("err");
        tag = s.uint("tag", tagWidth);
    }
}
