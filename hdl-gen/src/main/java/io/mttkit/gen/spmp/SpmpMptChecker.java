package io.mttkit.gen.spmp;

import io.mttkit.gen.checker.MttChecker;
import io.mttkit.gen.contract.CheckResponsePort;
import io.mttkit.gen.contract.ContractWidths;
import io.mttkit.gen.contract.InvalidationPort;
import io.mttkit.gen.contract.MemReadPort;
import io.mttkit.gen.contract.MemResponsePort;
import io.mttkit.gen.contract.ObservationPort;
import io.mttkit.gen.contract.PmpPort;
import io.mttkit.gen.contract.SyncPort;
import io.mttkit.gen.walker.MttWalker;
import io.mttkit.gen.walker.WalkerParams;
import io.mttkit.hdl.Bool;
import io.mttkit.hdl.Bundle;
import io.mttkit.hdl.Fsm;
import io.mttkit.hdl.Hw;
import io.mttkit.hdl.Module;
import io.mttkit.hdl.Scope;
import io.mttkit.hdl.UInt;
import java.util.List;

/**
 * {@code mtt_spmp_checker}: the SPMP ({@link SpmpChecker}, {@code u_spmp}) in front of the PMP/PMA hook for the access
 * ({@code apmp_*}) and the cache-less MPT checker ({@link MttChecker}, {@code u_mpt}), one access at a time, with the
 * deciding unit and the exception code on the response.
 *
 * <p>Order (docs/spec-notes.md "Sspmp (generator)"): the SPMP first — "SPMP exceptions take priority over PMP or PMA
 * exceptions" and its faults are page faults, which come before access faults; then the PMP/PMA check of the access;
 * then the MPT lookup, whose own MPTE reads go through {@code pmp_*}. A later unit is not asked once an earlier one
 * denies (no MPT walk for an access the SPMP or PMP refuses). M-mode accesses ({@code req_priv} 3, or 2) are checked
 * by neither the SPMP ("If the effective privilege mode of the access is M, the access is allowed regardless of the
 * SPMP permissions") nor the MPT ({@code mmpt} is not active in M-mode): they go to the MPT checker as bypass.
 */
public final class SpmpMptChecker extends Module {
    /** The Verilog name. */
    public static final String MODULE_NAME = "mtt_spmp_checker";

    /** The states of the sequencer: one access from request to response. */
    enum State {
        IDLE, SPMP_REQ, SPMP_WAIT, PMP, MPT_REQ, MPT_WAIT, RESP
    }

    /** The composed top's ports. */
    public static final class Io extends Bundle {
        public final SpmpCsrPort csr;
        public final SpmpMptRequestPort req;
        public final AccessPmpPort apmp;
        public final MemReadPort mrd;
        public final MemResponsePort mrs;
        public final PmpPort pmp;
        public final InvalidationPort inv;
        public final SyncPort sync;
        public final SpmpMptResponsePort rsp;
        public final ObservationPort obs;

        public Io(Scope s, SpmpParams sp, ContractWidths w) {
            super(s);
            csr = s.in().bundle("csr", x -> new SpmpCsrPort(x, sp));
            req = s.in().bundle("req", x -> new SpmpMptRequestPort(x, w));
            apmp = s.out().bundle("apmp", x -> new AccessPmpPort(x, w.paw()));
            mrd = s.out().bundle("mrd", x -> new MemReadPort(x, w.paw()));
            mrs = s.in().bundle("mrs", MemResponsePort::new);
            pmp = s.out().bundle("pmp", x -> new PmpPort(x, w.paw()));
            inv = s.in().bundle("inv", x -> new InvalidationPort(x, w.paw(), w.sdid()));
            sync = s.in().bundle("sync", SyncPort::new);
            rsp = s.out().bundle("rsp", x -> new SpmpMptResponsePort(x, w.id(), sp.indexWidth()));
            obs = s.out().bundle("obs", x -> new ObservationPort(x, null, MttWalker.STATE_WIDTH));
        }
    }

    private final SpmpParams sp;
    private final WalkerParams wp;
    /** The ports, after the module is built. */
    public Io io;

    /** The composed top; {@code walker.paw()} must equal {@code spmp.paw()} (one physical address space). */
    public SpmpMptChecker(SpmpParams spmp, WalkerParams walker) {
        if (spmp.xlen() != walker.xlen() || spmp.paw() != walker.paw()) {
            throw new IllegalArgumentException("SPMP and MPT checker must share xlen and paw; got SPMP xlen "
                    + spmp.xlen() + " paw " + spmp.paw() + ", walker xlen " + walker.xlen() + " paw " + walker.paw());
        }
        this.sp = spmp;
        this.wp = walker;
        moduleName(MODULE_NAME);
    }

    @Override
    protected void build() {
        ContractWidths w = MttChecker.widths(wp);
        int paw = sp.paw();
        doc("SPMP in front of the PMP/PMA hook and the cache-less MPT checker (Sspmp + Smmpt), one access at a time.\n"
                + "SPMP: " + sp.values() + ". MPT: xlen=" + wp.xlen() + " " + wp.values() + ".\n"
                + "Order: u_spmp (page faults 12/13/15) -> apmp_* (access faults) -> u_mpt (access faults 1/5/7);\n"
                + "rsp_unit 0 none, 1 SPMP, 2 PMP, 3 MPT. req_priv 3 (M): SPMP not checked, MPT bypassed.");
        io = ports(s -> new Io(s, sp, w));
        SpmpChecker spmp = instance("u_spmp", new SpmpChecker(sp));
        MttChecker mpt = instance("u_mpt", new MttChecker(wp));
        connect(io.csr, spmp.io.csr);
        connect(io.mrd, mpt.io.mrd);
        connect(io.mrs, mpt.io.mrs);
        connect(io.pmp, mpt.io.pmp);
        connect(io.inv, mpt.io.inv);
        connect(io.sync, mpt.io.sync);
        connect(io.obs, mpt.io.obs);

        // ---- the access, held from its handshake to its response ----
        SpmpMptRequestPort req = io.req;
        UInt idQ = regInit("req_q_id", w.id(), 0);
        UInt paQ = regInit("req_q_pa", w.reqPa(), 0);
        UInt sizeQ = regInit("req_q_size", SpmpCheckRequestPort.SIZE_WIDTH, 0);
        UInt typeQ = regInit("req_q_type", SpmpCheckRequestPort.TYPE_WIDTH, 0);
        UInt privQ = regInit("req_q_priv", SpmpMptRequestPort.PRIV_WIDTH, 0);
        Bool sumQ = regInit("req_q_sum", false);
        Bool mxrQ = regInit("req_q_mxr", false);
        Bool bareQ = regInit("req_q_satp_bare", false);
        UInt sdidQ = regInit("req_q_sdid", w.sdid(), 0);
        UInt modeQ = regInit("req_q_mode", req.mode.width(), 0);
        UInt rootPpnQ = regInit("req_q_root_ppn", w.ppn(), 0);
        Bool beQ = regInit("req_q_be", false);
        // ---- the answer being built ----
        Bool allowQ = regInit("rsp_q_allow", false);
        UInt unitQ = regInit("rsp_q_unit", SpmpMptResponsePort.UNIT_WIDTH, 0);
        UInt causeQ = regInit("rsp_q_cause", SpmpCheckResponsePort.CAUSE_WIDTH, 0);
        Bool spmpMatchedQ = regInit("rsp_q_spmp_matched", false);
        UInt spmpEntryQ = regInit("rsp_q_spmp_entry", sp.indexWidth(), 0);
        UInt mptCauseQ = regInit("rsp_q_mpt_cause", CheckResponsePort.CAUSE_WIDTH, 0);

        Bool privM = privQ.bit(1).named("req_q_is_m"); // 3 is M; 2 is not a privilege and is treated as M
        Bool paHigh = paQ.width() > paw ? paQ.bits(paQ.width() - 1, paw).orR().named("req_q_pa_above_paw")
                : Hw.low();
        Bool isFetch = typeQ.eq(SpmpCheckRequestPort.FETCH);
        Bool isLoad = typeQ.eq(SpmpCheckRequestPort.LOAD);
        Bool isStore = typeQ.eq(SpmpCheckRequestPort.STORE);
        Bool isAmo = typeQ.eq(SpmpCheckRequestPort.AMO);
        UInt accessFault = Hw.mux(isFetch, Hw.lit(SpmpMptResponsePort.INSTRUCTION_ACCESS_FAULT, 5),
                Hw.mux(isLoad, Hw.lit(SpmpMptResponsePort.LOAD_ACCESS_FAULT, 5),
                        Hw.lit(SpmpMptResponsePort.STORE_ACCESS_FAULT, 5))).named("access_fault_cause");
        UInt pageFault = Hw.mux(isFetch, Hw.lit(SpmpCheckResponsePort.INSTRUCTION_PAGE_FAULT, 5),
                Hw.mux(isLoad, Hw.lit(SpmpCheckResponsePort.LOAD_PAGE_FAULT, 5),
                        Hw.lit(SpmpCheckResponsePort.STORE_PAGE_FAULT, 5))).named("page_fault_cause");

        // ---- SPMP: asked with the held access; active only for S/U with satp.MODE Bare ----
        Bool spmpActive = bareQ.and(privM.not()).named("spmp_active");
        SpmpCheckRequestPort chk = spmp.io.chk;
        chk.pa.set(paQ.resize(paw));
        chk.size.set(sizeQ);
        chk.type.set(typeQ);
        chk.privS.set(privQ.eq(SpmpMptRequestPort.PRIV_S));
        chk.sum.set(sumQ);
        chk.mxr.set(mxrQ);
        chk.bare.set(spmpActive);
        SpmpCheckResponsePort srsp = spmp.io.rsp;

        // ---- PMP/PMA hook of the access ----
        io.apmp.addr.set(paQ.resize(paw));
        io.apmp.size.set(sizeQ);
        io.apmp.type.set(typeQ);
        io.apmp.priv.set(privQ);

        // ---- MPT checker: need {X, W, R} from the type; M-mode is bypass ----
        var mreq = mpt.io.req;
        mreq.id.set(idQ);
        mreq.pa.set(paQ);
        mreq.need.set(Hw.cat(List.of(isFetch, isStore.or(isAmo), isLoad.or(isAmo))));
        mreq.sdid.set(sdidQ);
        mreq.mode.set(modeQ);
        mreq.rootPpn.set(rootPpnQ);
        mreq.be.set(beQ);
        mreq.bypass.set(privM);
        CheckResponsePort mrsp = mpt.io.rsp;

        Fsm<State> fsm = fsm("seq_state", State.class, State.IDLE);
        req.ready.withDefault(false);
        // the children's handshake inputs, through wires with a default (they are driven from the FSM's arms)
        Bool chkValid = wireInit("spmp_chk_valid", false);
        Bool srspReady = wireInit("spmp_rsp_ready", false);
        Bool mreqValid = wireInit("mpt_req_valid", false);
        Bool mrspReady = wireInit("mpt_rsp_ready", false);
        chk.valid.set(chkValid);
        srsp.ready.set(srspReady);
        mreq.valid.set(mreqValid);
        mrsp.ready.set(mrspReady);
        io.apmp.valid.withDefault(false);
        io.rsp.valid.withDefault(false);
        Bool reqFire = req.valid.and(fsm.is(State.IDLE)).named("req_fire");
        Bool srspFire = srsp.valid.and(srsp.ready).named("spmp_rsp_fire");
        // the SPMP's answer: a PA above paw is in no SPMP entry ("any memory region that cannot be addressed by an
        // SPMP entry is inaccessible to S-mode")
        Bool spmpAllow = srsp.allow.and(spmpActive.and(paHigh).not()).named("spmp_allow");
        // ... and no entry matched it: u_spmp saw the PA truncated to paw bits (co-simulation finding, spec-notes)
        Bool spmpOutside = spmpActive.and(paHigh).named("spmp_pa_outside");
        Bool spmpMatched = srsp.matched.and(spmpOutside.not()).named("spmp_matched");
        UInt spmpEntry = Hw.mux(spmpOutside, Hw.lit(0, sp.indexWidth()), srsp.entry).named("spmp_entry");
        Runnable takeSpmp = () -> {
            spmpMatchedQ.set(spmpMatched);
            spmpEntryQ.set(spmpEntry);
            when(spmpAllow, () -> fsm.go(State.PMP)).otherwise(() -> {
                allowQ.set(false);
                unitQ.set(SpmpMptResponsePort.UNIT_SPMP);
                causeQ.set(pageFault);
                fsm.go(State.RESP);
            });
        };

        fsm.on(State.IDLE, () -> {
            req.ready.set(true);
            when(reqFire, () -> {
                idQ.set(req.id);
                paQ.set(req.pa);
                sizeQ.set(req.size);
                typeQ.set(req.type);
                privQ.set(req.priv);
                sumQ.set(req.sum);
                mxrQ.set(req.mxr);
                bareQ.set(req.satpBare);
                sdidQ.set(req.sdid);
                modeQ.set(req.mode);
                rootPpnQ.set(req.rootPpn);
                beQ.set(req.be);
                allowQ.set(true);
                unitQ.set(SpmpMptResponsePort.UNIT_NONE);
                causeQ.set(0);
                spmpMatchedQ.set(false);
                spmpEntryQ.set(0);
                mptCauseQ.set(0);
                fsm.go(State.SPMP_REQ);
            });
        }).on(State.SPMP_REQ, () -> {
            // with pipeline 0 the answer comes in this cycle; with 1 the request is taken and answered next cycle
            chkValid.set(true);
            srspReady.set(true);
            when(srspFire, takeSpmp).elseWhen(chk.ready, () -> fsm.go(State.SPMP_WAIT));
        }).on(State.SPMP_WAIT, () -> {
            srspReady.set(true);
            when(srspFire, takeSpmp);
        }).on(State.PMP, () -> {
            io.apmp.valid.set(true);
            when(io.apmp.ok, () -> fsm.go(State.MPT_REQ)).otherwise(() -> {
                allowQ.set(false);
                unitQ.set(SpmpMptResponsePort.UNIT_PMP);
                causeQ.set(accessFault);
                fsm.go(State.RESP);
            });
        }).on(State.MPT_REQ, () -> {
            mreqValid.set(true);
            when(mreq.ready, () -> fsm.go(State.MPT_WAIT));
        }).on(State.MPT_WAIT, () -> {
            mrspReady.set(true);
            when(mrsp.valid, () -> {
                mptCauseQ.set(mrsp.cause);
                when(mrsp.allow.not(), () -> {
                    allowQ.set(false);
                    unitQ.set(SpmpMptResponsePort.UNIT_MPT);
                    causeQ.set(accessFault);
                });
                fsm.go(State.RESP);
            });
        }).on(State.RESP, () -> {
            io.rsp.valid.set(true);
            when(io.rsp.ready, () -> fsm.go(State.IDLE));
        });

        io.rsp.id.set(idQ);
        io.rsp.allow.set(allowQ);
        io.rsp.unit.set(unitQ);
        io.rsp.cause.set(causeQ);
        io.rsp.spmpMatched.set(spmpMatchedQ);
        io.rsp.spmpEntry.set(spmpEntryQ);
        io.rsp.mptCause.set(mptCauseQ);
        // the MPT checker's response fields this top does not report (its id is ours, echoed)
        wireInit("mpt_rsp_unused", Hw.cat(List.of(mrsp.id, mrsp.fault, mrsp.xwr, mrsp.level, mrsp.leafLog2,
                mrsp.uniformLog2, mrsp.cacheable, mrsp.stale)).xorR());
    }
}
