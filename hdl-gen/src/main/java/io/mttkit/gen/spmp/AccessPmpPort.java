package io.mttkit.gen.spmp;

import io.mttkit.hdl.Bool;
import io.mttkit.hdl.Bundle;
import io.mttkit.hdl.Scope;
import io.mttkit.hdl.UInt;

/**
 * {@code apmp_*}: the PMP/PMA hook for the access itself (the MPT checker's {@code pmp_*} asks about the MPTE reads
 * of its walk). {@code apmp_valid} is high for one cycle with the access; {@code apmp_ok} is read in that same cycle
 * (a combinational answer from the hart's PMP and PMA checkers).
 */
public final class AccessPmpPort extends Bundle {
    public final Bool valid;
    public final UInt addr;
    public final UInt size;
    public final UInt type;
    public final UInt priv;
    public final Bool ok;

    public AccessPmpPort(Scope s, int paWidth) {
        super(s);
        valid = s.bool("valid");
        addr = s.uint("addr", paWidth);
        size = s.uint("size", SpmpCheckRequestPort.SIZE_WIDTH);
        type = s.uint("type", SpmpCheckRequestPort.TYPE_WIDTH);
        priv = s.uint("priv", SpmpMptRequestPort.PRIV_WIDTH);
        ok = s.in().bool("ok");
    }
}
