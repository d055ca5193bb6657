package io.mttkit.gen.iompt;

import io.mttkit.hdl.Bool;
import io.mttkit.hdl.Bundle;
import io.mttkit.hdl.Scope;
import io.mttkit.hdl.UInt;

/**
 * {@code cfg_*}: the MPT configuration of one SDID for the MPT check, combinational, seen from the asker:
 * {@code cfg_sdid} out; {@code cfg_valid} (a {@code SET_SDCFG_ENTRY} succeeded for it since reset) and the
 * stored {@code MPT_MODE}, {@code MBE}, {@code MXL}, {@code PPN} back.
 */
public final class SdcfgLookupPort extends Bundle {
    public final UInt sdid;
    public final Bool valid;
    public final SdConfig cfg;

    public SdcfgLookupPort(Scope s) {
        super(s);
        sdid = s.uint("sdid", SdclRule.SDID_WIDTH);
        valid = s.in().bool("valid");
        cfg = s.in().bundle("", x -> new SdConfig(x, false));
    }
}
