package io.mttkit.gen.checker;

import io.mttkit.gen.contract.CheckRequestPort;
import io.mttkit.gen.contract.ContractWidths;
import io.mttkit.hdl.Bool;
import io.mttkit.hdl.Bundle;
import io.mttkit.hdl.Scope;
import io.mttkit.hdl.UInt;

/**
 * What an MSHR keeps of the miss it holds (docs/nonblocking.md "MSHR i"): the request as it came ({@code req_*}
 * fields, so that a replay probes the cache with it again) and its answer slot ({@code seq}: the sequence number
 * with {@code IN_ORDER}). The same shape is the lookup of a cycle (a new request or a replay).
 */
final class MshrEntry extends Bundle {
    final UInt id;
    final UInt pa;
    final UInt need;
    final UInt sdid;
    /** {@code {format, MODE}}, as {@code req_mode}. */
    final UInt mode;
    final UInt rootPpn;
    final Bool be;
    final UInt seq;

    MshrEntry(Scope s, ContractWidths w, int seqWidth) {
        super(s);
        id = s.uint("id", w.id());
        pa = s.uint("pa", w.reqPa());
        need = s.uint("need", CheckRequestPort.NEED_WIDTH);
        sdid = s.uint("sdid", w.sdid());
        mode = s.uint("mode", CheckRequestPort.MODE_WIDTH);
        rootPpn = s.uint("root_ppn", w.ppn());
        be = s.bool("be");
        seq = s.uint("seq", seqWidth);
    }

    /** Takes the request's fields and the answer slot {@code seq}. */
    void setFrom(CheckRequestPort req, UInt slot) {
        id.set(req.id);
        pa.set(req.pa);
        need.set(req.need);
        sdid.set(req.sdid);
        mode.set(req.mode);
        rootPpn.set(req.rootPpn);
        be.set(req.be);
        seq.set(slot);
    }

    /** {@code mode[4]}: smmpt-v0.9. */
    Bool formatV09() {
        return mode.bit(4);
    }

    /** {@code mode[3:0]}. */
    UInt modeField() {
        return mode.bits(3, 0);
    }
}
