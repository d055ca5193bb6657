package io.mttkit.gen.contract;

import io.mttkit.hdl.Bool;
import io.mttkit.hdl.Bundle;
import io.mttkit.hdl.Scope;
import io.mttkit.hdl.UInt;

/**
 * {@code pmp_*}: the PMP/PMA query of an MPTE address, asked before the read; {@code ok} answers
 * {@code pmpLatency} cycles after the {@code valid} pulse.
 */
public final class PmpPort extends Bundle {
    public final Bool valid;
    public final UInt addr;
    public final UInt size;
    public final Bool ok;

    public PmpPort(Scope s, int paw) {
        super(s);
        valid = s.bool("valid");
        addr = s.uint("addr", paw);
        size = s.uint("size", MemReadPort.SIZE_WIDTH);
        ok = s.in().bool("ok");
    }
}
