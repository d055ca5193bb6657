package io.mttkit.gen.contract;

import io.mttkit.hdl.Bool;
import io.mttkit.hdl.Bundle;
import io.mttkit.hdl.Scope;
import io.mttkit.hdl.UInt;

/** {@code mrd_*}: an MPTE read issued by the checker, accepted by the memory ({@code ready}). */
public final class MemReadPort extends Bundle {
    /** Width of {@code mrd_size}/{@code pmp_size}: a byte count, 4 or 8. */
    public static final int SIZE_WIDTH = 4;
    /** Width of {@code mrd_tag}/{@code mrs_tag}: one read outstanding needs one tag value. */
    public static final int TAG_WIDTH = 1;

    public final Bool valid;
    public final Bool ready;
    public final UInt addr;
    public final UInt size;
    public final UInt tag;

    public MemReadPort(Scope s, int paw) {
        this(s, paw, TAG_WIDTH);
    }

    /** With a {@code tagWidth}-bit tag (contract v4: log2 of the walks in flight, at least 1). */
    public MemReadPort(Scope s, int paw, int tagWidth) {
        super(s);
        valid = s.bool("valid");
        ready = s.in().bool("ready");
        addr = s.uint("addr", paw);
        size = s.uint("size", SIZE_WIDTH);
        tag = s.uint("tag", tagWidth);
    }
}
