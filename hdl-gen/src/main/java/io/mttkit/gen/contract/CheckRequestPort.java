package io.mttkit.gen.contract;

import io.mttkit.hdl.Bool;
import io.mttkit.hdl.Bundle;
import io.mttkit.hdl.Scope;
import io.mttkit.hdl.UInt;

/**
 * {@code req_*}: one check, offered by the requester (forward fields) and accepted by the checker ({@code ready}).
 * Declared by the checker with {@code s.in()}.
 */
public final class CheckRequestPort extends Bundle {
    /** Width of {@code req_mode}: {@code {format, MODE[3:0]}}. */
    public static final int MODE_WIDTH = 5;
    /** Width of {@code req_need}: {X, W, R}. */
    public static final int NEED_WIDTH = 3;

    public final Bool valid;
    public final Bool ready;
    public final UInt id;
    /** The physical address, {@code XLEN} wide (34 bits on RV32) so that upper bits can be range-checked. */
    public final UInt pa;
    public final UInt need;
    public final UInt sdid;
    /** {@code {format, MODE}}: bit 4 selects smmpt-v0.9. */
    public final UInt mode;
    public final UInt rootPpn;
    /** MPTEs are big-endian ({@code mstatus.MBE}). */
    public final Bool be;
    /** Bare or effective M-mode: allow at once, no reads. */
    public final Bool bypass;

    public CheckRequestPort(Scope s, ContractWidths w) {
        super(s);
        valid = s.bool("valid");
        ready = s.in().bool("ready");
        id = s.uint("id", w.id());
        pa = s.uint("pa", w.reqPa());
        need = s.uint("need", NEED_WIDTH);
        sdid = s.uint("sdid", w.sdid());
        mode = s.uint("mode", MODE_WIDTH);
        rootPpn = s.uint("root_ppn", w.ppn());
        be = s.bool("be");
        bypass = s.bool("bypass");
    }

    /** The MODE field, {@code req_mode[3:0]}. */
    public UInt modeField() {
        return mode.bits(3, 0);
    }

    /** The format bit, {@code req_mode[4]}: smmpt-v0.9. */
    public Bool formatV09() {
        return mode.bit(4);
    }
}
