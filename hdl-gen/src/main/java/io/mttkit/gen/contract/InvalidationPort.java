package io.mttkit.gen.contract;

import io.mttkit.hdl.Bool;
import io.mttkit.hdl.Bundle;
import io.mttkit.hdl.Scope;
import io.mttkit.hdl.UInt;

/**
 * {@code inv_*}: an MPT invalidation (MINVAL.PA, or the invalidation half of MFENCE.PA) with its rs1/rs2 ≠ x0
 * flags, accepted by the checker ({@code ready}). Declared by the checker with {@code s.in()}.
 */
public final class InvalidationPort extends Bundle {
    public final Bool valid;
    public final Bool ready;
    public final Bool hasPa;
    public final UInt pa;
    public final Bool hasSdid;
    public final UInt sdid;

    public InvalidationPort(Scope s, int paw, int sdidWidth) {
        super(s);
        valid = s.bool("valid");
        ready = s.in().bool("ready");
        hasPa = s.bool("has_pa");
        pa = s.uint("pa", paw);
        hasSdid = s.bool("has_sdid");
        sdid = s.uint("sdid", sdidWidth);
    }

    /** {@code valid && ready}. */
    public Bool fire() {
        return valid.and(ready);
    }
}
