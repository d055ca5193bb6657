package io.mttkit.gen.spmp;

import io.mttkit.gen.walker.WalkCause;
import io.mttkit.hdl.Bool;
import io.mttkit.hdl.Bundle;
import io.mttkit.hdl.Scope;
import io.mttkit.hdl.UInt;

/**
 * {@code rsp_*} of {@code mtt_spmp_checker}: the answer (valid/ready, one access at a time). {@code rsp_unit} says
 * which unit decided a denial ({@link #UNIT_NONE} when allowed), {@code rsp_cause} the RISC-V exception code (SPMP:
 * page faults 12/13/15; PMP/PMA and MPT: access faults 1/5/7), {@code rsp_spmp_matched}/{@code rsp_spmp_entry} the
 * SPMP's deciding entry, {@code rsp_mpt_cause} the MPT checker's contract cause when the MPT was asked (else 0).
 */
public final class SpmpMptResponsePort extends Bundle {
    /** Width of {@code rsp_unit}. */
    public static final int UNIT_WIDTH = 2;
    /** allowed. */
    public static final int UNIT_NONE = 0;
    /** the SPMP denied. */
    public static final int UNIT_SPMP = 1;
    /** the PMP/PMA hook denied. */
    public static final int UNIT_PMP = 2;
    /** the MPT checker denied. */
    public static final int UNIT_MPT = 3;
    /** "Instruction access fault". */
    public static final int INSTRUCTION_ACCESS_FAULT = 1;
    /** "Load access fault". */
    public static final int LOAD_ACCESS_FAULT = 5;
    /** "Store/AMO access fault". */
    public static final int STORE_ACCESS_FAULT = 7;

    public final Bool valid;
    public final Bool ready;
    public final UInt id;
    public final Bool allow;
    public final UInt unit;
    public final UInt cause;
    public final Bool spmpMatched;
    public final UInt spmpEntry;
    public final UInt mptCause;

    public SpmpMptResponsePort(Scope s, int idWidth, int entryWidth) {
        super(s);
        valid = s.bool("valid");
        ready = s.in().bool("ready");
        id = s.uint("id", idWidth);
        allow = s.bool("allow");
        unit = s.uint("unit", UNIT_WIDTH);
        cause = s.uint("cause", SpmpCheckResponsePort.CAUSE_WIDTH);
        spmpMatched = s.bool("spmp_matched");
        spmpEntry = s.uint("spmp_entry", entryWidth);
        mptCause = s.uint("mpt_cause", WalkCause.WIDTH);
    }
}
