package io.mttkit.gen.spmp;

import io.mttkit.gen.contract.CheckRequestPort;
import io.mttkit.gen.contract.ContractWidths;
import io.mttkit.hdl.Bool;
import io.mttkit.hdl.Bundle;
import io.mttkit.hdl.Scope;
import io.mttkit.hdl.UInt;

/**
 * {@code req_*} of {@code mtt_spmp_checker}: one access (valid/ready) with what the SPMP needs
 * ({@link SpmpCheckRequestPort}'s size, type, privilege, SUM, MXR, satp.MODE = Bare) and what the MPT checker needs
 * (port contract's {@code req_sdid}, {@code req_mode}, {@code req_root_ppn}, {@code req_be}; its {@code need} and
 * {@code bypass} are derived from the type and privilege). {@code req_pa} is the contract's width (XLEN on RV64, 34
 * on RV32).
 */
public final class SpmpMptRequestPort extends Bundle {
    /** Width of {@code req_priv}: the RISC-V privilege encoding. */
    public static final int PRIV_WIDTH = 2;
    /** {@code req_priv}: U. */
    public static final int PRIV_U = 0;
    /** {@code req_priv}: S. */
    public static final int PRIV_S = 1;
    /** {@code req_priv}: M (2 is not a privilege and is treated as M: neither SPMP nor MPT checks it). */
    public static final int PRIV_M = 3;

    public final Bool valid;
    public final Bool ready;
    public final UInt id;
    public final UInt pa;
    public final UInt size;
    public final UInt type;
    public final UInt priv;
    public final Bool sum;
    public final Bool mxr;
    public final Bool satpBare;
    public final UInt sdid;
    public final UInt mode;
    public final UInt rootPpn;
    public final Bool be;

    public SpmpMptRequestPort(Scope s, ContractWidths w) {
        super(s);
        valid = s.bool("valid");
        ready = s.in().bool("ready");
        id = s.uint("id", w.id());
        pa = s.uint("pa", w.reqPa());
        size = s.uint("size", SpmpCheckRequestPort.SIZE_WIDTH);
        type = s.uint("type", SpmpCheckRequestPort.TYPE_WIDTH);
        priv = s.uint("priv", PRIV_WIDTH);
        sum = s.bool("sum");
        mxr = s.bool("mxr");
        satpBare = s.bool("satp_bare");
        sdid = s.uint("sdid", w.sdid());
        mode = s.uint("mode", CheckRequestPort.MODE_WIDTH);
        rootPpn = s.uint("root_ppn", w.ppn());
        be = s.bool("be");
    }
}
