package io.mttkit.gen.iompt;

import io.mttkit.gen.contract.MemReadPort;
import io.mttkit.gen.contract.MemResponsePort;
import io.mttkit.gen.contract.ObservationPort;
import io.mttkit.gen.contract.PmpPort;
import io.mttkit.gen.walker.LookupRequest;
import io.mttkit.gen.walker.MttWalker;
import io.mttkit.gen.walker.Verdict;
import io.mttkit.gen.walker.WalkCause;
import io.mttkit.gen.walker.WalkMode;
import io.mttkit.gen.walker.WalkResultPort;
import io.mttkit.gen.walker.WalkerParams;
import io.mttkit.hdl.Bool;
import io.mttkit.hdl.Bundle;
import io.mttkit.hdl.Fsm;
import io.mttkit.hdl.Hw;
import io.mttkit.hdl.Module;
import io.mttkit.hdl.Scope;
import io.mttkit.hdl.UInt;
import java.util.ArrayList;
import java.util.List;

/**
 * The I/O MPT checker top ({@code mtt_io_checker}, Smmpt v0.9 ch. 6), without an MPT cache: the configuration
 * side {@code u_front} ({@link IoMptFront}: registers + SDCL) and one {@link MttWalker} {@code u_walker} configured
 * for smmpt-v0.9 at the checker's XLEN. Ports (port contract v3, {@code docs/port-contract.md}): the register port
 * {@code reg_*}, the DMA request {@code dma_*} ({@link DmaRequestPort}) and verdict {@code rsp_*}
 * ({@link DmaResponsePort}), the walker's contract ports {@code mrd_*}, {@code mrs_*}, {@code pmp_*} (names and
 * widths of the hart-side checker), v1's observation port {@code obs_*} (always idle; {@code obs_walker_state}),
 * and {@code mode}, {@code busy}, {@code regs_state}, {@code dma_state}.
 *
 * <p>One DMA transaction is in flight at a time ({@code dma_ready} is high only in IDLE). At the handshake the
 * decision of {@code DmaCheck} is taken from {@code control.MODE}, the classification and the SDID's
 * configuration: Off → CHECKER_OFF; Bare → allow, or BARE_TEE for TEE traffic; On → UNCLASSIFIED,
 * SDID_NOT_CONFIGURED, allow (SDID {@code MPT_MODE} Bare) or one walk of the SDID's table with {@code dma_pa}
 * and {@code dma_need}. The classification is latched in {@code rsp_q_*} and the configuration (mode, root PPN,
 * MBE) in the walker's lookup registers at that edge, so a register write during the walk cannot change the
 * answer of the transaction in flight (the spec allows old or new configuration until IOFENCE).
 *
 * <p>FSM ({@link State}): IDLE → (WALK → ) RESP → IDLE. The verdict is always offered from the {@code rsp_q_*}
 * registers: one cycle after the handshake without a walk, one cycle after the walker's result with one.
 */
public final class IoMptChecker extends Module {
    /** The Verilog name. */
    public static final String MODULE_NAME = "mtt_io_checker";

    /** The checker's DMA FSM. */
    public enum State {
        /** waiting for a DMA transaction (dma_ready = 1). */
        IDLE,
        /** the walk of the SDID's MPT is in flight. */
        WALK,
        /** the verdict is offered on rsp_*. */
        RESP
    }

    /** Width of {@code dma_state}. */
    public static final int STATE_WIDTH = Hw.indexWidth(State.values().length);

    /** The checker's ports. */
    public static final class Io extends Bundle {
        public final RegPort reg;
        public final DmaRequestPort dma;
        public final MemReadPort mrd;
        public final MemResponsePort mrs;
        public final PmpPort pmp;
        public final DmaResponsePort rsp;
        public final ObservationPort obs;
        public final UInt mode;
        public final Bool busy;
        public final UInt regsState;
        public final UInt dmaState;

        public Io(Scope s, IoMptParams p) {
            super(s);
            reg = s.in().bundle("reg", RegPort::new);
            dma = s.in().bundle("dma", x -> new DmaRequestPort(x, p));
            mrd = s.out().bundle("mrd", x -> new MemReadPort(x, p.paw()));
            mrs = s.in().bundle("mrs", MemResponsePort::new);
            pmp = s.out().bundle("pmp", x -> new PmpPort(x, p.paw()));
            rsp = s.out().bundle("rsp", x -> new DmaResponsePort(x, p));
            obs = s.out().bundle("obs", x -> new ObservationPort(x, null, MttWalker.STATE_WIDTH));
            mode = s.out().uint("mode", 4);
            busy = s.out().bool("busy");
            regsState = s.out().uint("regs_state", IoMptRegs.STATE_WIDTH);
            dmaState = s.out().uint("dma_state", STATE_WIDTH);
        }
    }

    private final IoMptParams p;
    /** The ports, after the module is built. */
    public Io io;

    public IoMptChecker(IoMptParams params) {
        this.p = params;
        moduleName(MODULE_NAME);
    }

    @Override
    protected void build() {
        WalkerParams wp = p.walker();
        doc("I/O MPT checker top (Smmpt v0.9 ch. 6), no MPT cache: u_front (registers + SDCL) and u_walker.\n"
                + "Parameters: xlen=" + p.xlen() + " " + p.values(true) + ".\n"
                + "One DMA transaction in flight; FSM IDLE -> (WALK ->) RESP -> IDLE; classification and SDCFG\n"
                + "latched at the dma handshake. dma_pa..dma_pa+dma_size-1 must stay within one 4 KiB granule.\n"
                + "rsp_abort_reason: " + IoAbortReason.legend() + ".");
        io = ports(s -> new Io(s, p));

        IoMptFront front = instance("u_front", new IoMptFront(p));
        MttWalker walker = instance("u_walker", new MttWalker(wp));
        connect(io.reg, front.io.reg);
        connect(io.mrd, walker.io.mrd);
        connect(io.mrs, walker.io.mrs);
        connect(io.pmp, walker.io.pmp);
        io.mode.set(front.io.mode);
        io.busy.set(front.io.busy);
        io.regsState.set(front.io.state);

        // ---- classification and the SDID's configuration, combinational from the offered transaction ----
        ClassifyPort cls = front.io.cls;
        cls.deviceId.set(io.dma.deviceId);
        cls.hasIde.set(io.dma.hasIde);
        cls.ideId.set(io.dma.ideId);
        cls.tee.set(io.dma.tee);
        SdcfgLookupPort cfg = front.io.cfg;
        cfg.sdid.set(cls.sdid);

        // control.MODE is WARL: only Off, Bare and On are ever stored; anything else would be treated as Off
        Bool checkerOn = front.io.mode.eq(IoMptRegs.MODE_ON).named("checker_on");
        Bool checkerBare = front.io.mode.eq(IoMptRegs.MODE_BARE).named("checker_bare");
        Bool classified = checkerOn.and(cls.match).named("dma_classified");
        Bool sdBare = cfg.cfg.mptMode.eq(0).named("sd_mpt_bare");
        Bool needsWalk = classified.and(cfg.valid).and(sdBare.not()).named("dma_needs_walk");
        UInt frontReason = wireInit("dma_front_reason", IoAbortReason.WIDTH, IoAbortReason.NONE.code());
        when(checkerOn, () -> when(cls.match.not(), () -> frontReason.set(IoAbortReason.UNCLASSIFIED.code()))
                .elseWhen(cfg.valid.not(), () -> frontReason.set(IoAbortReason.SDID_NOT_CONFIGURED.code())))
                .elseWhen(checkerBare, () -> when(io.dma.tee, () -> frontReason.set(IoAbortReason.BARE_TEE.code())))
                .otherwise(() -> frontReason.set(IoAbortReason.CHECKER_OFF.code()));

        // ---- the walk: the SDID's mode (MXL selects the walker's XLEN), root and MBE; the DMA's PA and need ----
        LookupRequest lookup = walker.io.lookup.request;
        lookup.pa.set(p.paw() < wp.paWidth() ? io.dma.pa.zext(wp.paWidth()) : io.dma.pa.bits(wp.paWidth() - 1, 0));
        lookup.need.set(io.dma.need);
        lookup.format.set(true);
        // MXL 0 names the RV64 modes, 1 Smmpt34; SET_SDCFG_ENTRY accepts only the walker's XLEN, and a mismatch
        // would name an unimplemented mode (15): the walker answers PA_RANGE (MPT_DISALLOWED), fail safe
        Bool mxlMatches = (p.xlen() == 32 ? cfg.cfg.mxl : cfg.cfg.mxl.not()).named("sd_mxl_matches");
        lookup.mode.set(Hw.mux(mxlMatches, cfg.cfg.mptMode, Hw.lit(15, 4)));
        lookup.rootPpn.set(cfg.cfg.ppn.bits(wp.ppnWidth() - 1, 0));
        lookup.be.set(cfg.cfg.mbe);
        lookup.start.set(false);
        lookup.startLevel.set(Hw.lit(0, MttWalker.LEVEL_WIDTH));

        // ---- the verdict register ----
        Bool qAllow = regInit("rsp_q_allow", false);
        UInt qReason = regInit("rsp_q_abort_reason", IoAbortReason.WIDTH, 0);
        Bool qMatched = regInit("rsp_q_matched", false);
        UInt qRule = regInit("rsp_q_rule", p.ruleIndexWidth(), 0);
        UInt qSdid = regInit("rsp_q_sdid", SdclRule.SDID_WIDTH, 0);
        Bool qIommuOrig = regInit("rsp_q_iommu_originated", false);
        UInt qIommuId = p.hasIommu() ? regInit("rsp_q_iommu_id", SdclRule.IOMMU_ID_WIDTH, 0) : null;
        UInt qXwr = regInit("rsp_q_xwr", 3, 0);
        UInt qCause = regInit("rsp_q_cause", WalkCause.WIDTH, 0);
        UInt qId = regInit("rsp_q_id", p.idWidth(), 0);

        io.rsp.allow.set(qAllow);
        io.rsp.abortReason.set(qReason);
        io.rsp.matched.set(qMatched);
        io.rsp.rule.set(qRule);
        io.rsp.sdid.set(qSdid);
        if (p.hasIommu()) {
            // "ignore the IOMMU_ID of the rule" for the IOMMU's own accesses: reported with none
            io.rsp.iommuValid.set(qMatched.and(qIommuOrig.not()));
            io.rsp.iommuId.set(qIommuId);
        }
        io.rsp.reportToIommu.set(qIommuOrig.and(qAllow.not()));
        io.rsp.xwr.set(qXwr);
        io.rsp.cause.set(qCause);
        io.rsp.id.set(qId);

        // ---- the walk's reason ----
        WalkResultPort result = walker.io.result;
        Verdict v = result.verdict;
        UInt walkReason = wireInit("walk_abort_reason", IoAbortReason.WIDTH, IoAbortReason.MPT_DISALLOWED.code());
        when(v.cause.eq(WalkCause.NONE.code()), () -> walkReason.set(IoAbortReason.NONE.code()))
                .elseWhen(v.cause.eq(WalkCause.WALK_PMP.code()),
                        () -> walkReason.set(IoAbortReason.MPT_ACCESS_PMP_PMA.code()))
                .elseWhen(v.cause.eq(WalkCause.WALK_BUS_ERROR.code()),
                        () -> walkReason.set(IoAbortReason.MPT_DATA_CORRUPTED.code()));

        // ---- the FSM ----
        Fsm<State> fsm = fsm("dma_fsm", State.class, State.IDLE);
        io.dmaState.set(fsm.state());
        io.dma.ready.withDefault(false);
        io.rsp.valid.withDefault(false);
        Bool walkerIdle = walker.io.lookup.ready;
        Bool inIdle = fsm.is(State.IDLE).named("dma_idle");
        Bool dmaFire = io.dma.valid.and(inIdle).and(walkerIdle).named("dma_fire");
        walker.io.lookup.valid.set(dmaFire.and(needsWalk));
        result.ready.set(fsm.is(State.WALK));

        fsm.on(State.IDLE, () -> {
            io.dma.ready.set(walkerIdle);
            when(dmaFire, () -> {
                qId.set(io.dma.id);
                qAllow.set(frontReason.eq(IoAbortReason.NONE.code()));
                qReason.set(frontReason);
                qMatched.set(classified);
                qRule.set(Hw.mux(classified, cls.rule, Hw.lit(0, p.ruleIndexWidth())));
                qSdid.set(Hw.mux(classified, cls.sdid, Hw.lit(0, SdclRule.SDID_WIDTH)));
                if (p.hasIommu()) {
                    qIommuId.set(Hw.mux(classified.and(io.dma.iommuOriginated.not()), cls.iommuId,
                            Hw.lit(0, SdclRule.IOMMU_ID_WIDTH)));
                }
                qIommuOrig.set(io.dma.iommuOriginated);
                qXwr.set(0);
                qCause.set(WalkCause.NONE.code());
                when(needsWalk, () -> fsm.go(State.WALK)).otherwise(() -> fsm.go(State.RESP));
            });
        }).on(State.WALK, () -> when(result.valid, () -> {
            qAllow.set(v.allow);
            qReason.set(walkReason);
            qXwr.set(v.xwr);
            qCause.set(v.cause);
            fsm.go(State.RESP);
        })).on(State.RESP, () -> {
            io.rsp.valid.set(true);
            when(io.rsp.ready, () -> fsm.go(State.IDLE));
        });

        // ---- observation: no cache, no events; the walker's state ----
        io.obs.valid.set(false);
        io.obs.kind.set(Hw.lit(0, ObservationPort.KIND_WIDTH));
        io.obs.array.set(Hw.lit(0, ObservationPort.ARRAY_WIDTH));
        io.obs.set.set(Hw.lit(0, 1));
        io.obs.way.set(Hw.lit(0, 1));
        io.obs.walkerState.set(walker.io.state);

        // Inputs and child outputs the cache-less checker does not need; Verilator accepts names matching *unused*.
        List<UInt> ignored = new ArrayList<>(List.of(io.dma.size, result.level, result.mpte,
                result.leafKind, result.tupleLog2, result.tuples, result.leafRsvd, v.leafLog2, v.uniformLog2,
                v.cacheable, walker.io.ptr.valid, walker.io.ptr.level, walker.io.ptr.ppn));
        if (wp.ppnWidth() < SdConfig.PPN_WIDTH) {
            ignored.add(cfg.cfg.ppn.bits(SdConfig.PPN_WIDTH - 1, wp.ppnWidth()));
        }
        wireInit("inputs_unused", Hw.cat(ignored).xorR());
    }

    /** The Smmpt modes of the walker (for documentation and tests). */
    public List<WalkMode> modes() {
        return p.modes();
    }
}
