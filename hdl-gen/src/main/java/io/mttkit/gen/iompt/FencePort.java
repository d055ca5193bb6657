package io.mttkit.gen.iompt;

import io.mttkit.hdl.Bool;
import io.mttkit.hdl.Bundle;
import io.mttkit.hdl.Scope;
import io.mttkit.hdl.UInt;

/**
 * {@code fence_*}: the register block asking the DMA side of {@code mtt_io_checker} to finish an {@code IOFENCE} or
 * an {@code MPTINVAL} (Smmpt v0.9 ch. 6 §"IOFENCE", §"MPTINVAL"), seen from the register block. {@code fence_req}
 * is high while the register FSM waits in its FENCE state (status.BUSY stays 1); {@code fence_inval} says the
 * operation is an MPTINVAL and the operand fields carry its scope straight from {@code command} and {@code data1}
 * (which cannot change while BUSY). The checker answers {@code fence_done} when every earlier DMA transaction has
 * its verdict and the invalidation is applied; the register FSM then returns to IDLE and BUSY falls.
 */
public final class FencePort extends Bundle {
    /** Width of {@code fence_ppn}: {@code data1.PPN[53:10]}. */
    public static final int PPN_WIDTH = 44;

    public final Bool req;
    /** The operation is MPTINVAL (else IOFENCE). */
    public final Bool inval;
    /** {@code command.SDIDV}. */
    public final Bool sdidv;
    /** {@code command.SDID}. */
    public final UInt sdid;
    /** {@code data1.PPNV}. */
    public final Bool ppnv;
    /** {@code data1.S}. */
    public final Bool s;
    /** {@code data1.PPN}. */
    public final UInt ppn;
    public final Bool done;

    public FencePort(Scope sc) {
        super(sc);
        req = sc.bool("req");
        inval = sc.bool("inval");
        sdidv = sc.bool("sdidv");
        sdid = sc.uint("sdid", SdclRule.SDID_WIDTH);
        ppnv = sc.bool("ppnv");
        s = sc.bool("s");
        ppn = sc.uint("ppn", PPN_WIDTH);
        done = sc.in().bool("done");
    }
}
