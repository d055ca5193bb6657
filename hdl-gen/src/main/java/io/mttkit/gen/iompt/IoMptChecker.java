package io.mttkit.gen.iompt;

import io.mttkit.gen.Param;
import io.mttkit.gen.ParamValues;
import io.mttkit.gen.cache.CacheHitPort;
import io.mttkit.gen.cache.CacheIo;
import io.mttkit.gen.cache.CacheShape;
import io.mttkit.gen.cache.LookupObservation;
import io.mttkit.gen.cache.MttCache;
import io.mttkit.gen.cache.MttCacheParams;
import io.mttkit.gen.contract.CacheGeometry;
import io.mttkit.gen.contract.MemReadPort;
import io.mttkit.gen.contract.MemResponsePort;
import io.mttkit.gen.contract.ObservationPort;
import io.mttkit.gen.contract.PmpPort;
import io.mttkit.gen.walker.LookupRequest;
import io.mttkit.gen.walker.ModeDecode;
import io.mttkit.gen.walker.MttWalker;
import io.mttkit.gen.walker.PointerPort;
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
import java.util.TreeSet;

/**
 * The I/O MPT checker top ({@code mtt_io_checker}, Smmpt v0.9 ch. 6): the configuration side {@code u_front}
 * ({@link IoMptFront}: registers + SDCL), one {@link MttWalker} {@code u_walker} configured for smmpt-v0.9 at the
 * checker's XLEN and, unless built cache-less, one {@link MttCache} {@code u_cache} whose every entry is tagged with
 * the SDID the transaction was classified into. Ports (port contract v3, {@code docs/port-contract.md}): the
 * register port {@code reg_*}, the DMA request {@code dma_*} ({@link DmaRequestPort}) and verdict {@code rsp_*}
 * ({@link DmaResponsePort}), the walker's contract ports {@code mrd_*}, {@code mrs_*}, {@code pmp_*} (names and
 * widths of the hart-side checker), the observation port {@code obs_*} (cache-less: v1's, always idle; cached:
 * contract v2's, the names and encodings of {@code mtt_checker}), and {@code mode}, {@code busy},
 * {@code regs_state}, {@code dma_state}.
 *
 * <p>One DMA transaction is in flight at a time. At the handshake the decision of {@code DmaCheck} is taken from
 * {@code control.MODE}, the classification and the SDID's configuration: Off → CHECKER_OFF; Bare → allow, or
 * BARE_TEE for TEE traffic; On → UNCLASSIFIED, SDID_NOT_CONFIGURED, allow (SDID {@code MPT_MODE} Bare) or an MPT
 * check of {@code dma_pa} and {@code dma_need} in the SDID's table. The classification is latched in
 * {@code rsp_q_*} and the configuration (mode, root PPN, MBE) in the walker's lookup registers at that edge, so a
 * register write during the walk cannot change the answer of the transaction in flight.
 *
 * <p><b>Cache-less</b> ({@code cache == null}): FSM ({@link State}) IDLE → (WALK →) RESP → IDLE, {@code dma_ready}
 * only in IDLE; every MPT check walks. <b>Cached</b>: the MPT check probes {@code u_cache} with the context
 * {SDID, smmpt-v0.9, MPT_MODE[1:0]}; a hit is answered from {@code rsp_q_*} in the cycle after the handshake and a
 * new transaction can be taken in the cycle its verdict is taken (RESP with {@code rsp_ready}); a miss walks (from
 * the deepest walk-cache hit) and fills the cache when the walker's result is taken; a PA out of range for the
 * SDID's mode (or an MXL the walker lacks) never probes the cache.
 *
 * <p><b>IOFENCE and MPTINVAL</b> (both builds): while the register block waits in FENCE ({@link FencePort})
 * {@code dma_ready} is low; the fence completes when no transaction is in flight (every earlier one has had its
 * verdict taken) and, cached, when the cache's sync acknowledges the MPTINVAL's invalidation
 * ({@link #cacheInvalidation}: one entry of the cache's MINVAL.PA queue).
 */
public final class IoMptChecker extends Module {
    /** The Verilog name. */
    public static final String MODULE_NAME = "mtt_io_checker";

    /** The checker's DMA FSM. */
    public enum State {
        /** waiting for a DMA transaction (dma_ready = 1 unless a fence waits). */
        IDLE,
        /** the walk of the SDID's MPT is in flight. */
        WALK,
        /** the verdict is offered on rsp_*. */
        RESP
    }

    /** Width of {@code dma_state}. */
    public static final int STATE_WIDTH = Hw.indexWidth(State.values().length);

    /** The cache geometry descriptors of a cached I/O checker (those of the hart-side checker, same defaults). */
    public static final List<Param<?>> CACHE_PARAMETERS = List.of(CacheShape.LEAF_SETS, CacheShape.LEAF_WAYS,
            CacheShape.SUPERPAGE_ENTRIES, CacheShape.WALK_CACHE_ENTRIES);

    /**
     * The MINVAL.PA queue depth of the I/O checker's cache: an MPTINVAL enqueues one operand and BUSY stays 1 until
     * it is applied, so one entry is all the queue ever holds (it is then full and applied in the next cycle).
     */
    public static final int INVALIDATION_QUEUE_DEPTH = 1;

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

        /** @param geometry the cache's, or {@code null} for a cache-less checker */
        public Io(Scope s, IoMptParams p, CacheGeometry geometry) {
            super(s);
            reg = s.in().bundle("reg", RegPort::new);
            dma = s.in().bundle("dma", x -> new DmaRequestPort(x, p));
            mrd = s.out().bundle("mrd", x -> new MemReadPort(x, p.paw()));
            mrs = s.in().bundle("mrs", MemResponsePort::new);
            pmp = s.out().bundle("pmp", x -> new PmpPort(x, p.paw()));
            rsp = s.out().bundle("rsp", x -> new DmaResponsePort(x, p));
            obs = s.out().bundle("obs", x -> new ObservationPort(x, geometry, MttWalker.STATE_WIDTH));
            mode = s.out().uint("mode", 4);
            busy = s.out().bool("busy");
            regsState = s.out().uint("regs_state", IoMptRegs.STATE_WIDTH);
            dmaState = s.out().uint("dma_state", STATE_WIDTH);
        }
    }

    private final IoMptParams p;
    private final CacheShape cache;
    /** The ports, after the module is built. */
    public Io io;

    /** A cache-less checker (configurations {@code io-checker-rv64/rv32}). */
    public IoMptChecker(IoMptParams params) {
        this(params, null);
    }

    /**
     * A checker with an MPT cache of {@code cache} ({@code null}: cache-less). The cache must drop the walk-cache
     * entries covering an invalidated PA ({@code paFenceDropsWalkCache}): MPTINVAL invalidates "information cached
     * from the MPT for the address range", the non-leaf entries that lead to it included.
     */
    public IoMptChecker(IoMptParams params, CacheShape cache) {
        this.p = params;
        this.cache = cache;
        if (cache != null && !cache.paFenceDropsWalkCache()) {
            throw new IllegalArgumentException("the I/O checker's cache needs paFenceDropsWalkCache=true: an MPTINVAL"
                    + " range must also drop the walk-cache pointers leading to it");
        }
        moduleName(MODULE_NAME);
    }

    /** The cache shape of a cached I/O checker from its geometry values ({@link #CACHE_PARAMETERS}). */
    public static CacheShape cacheShape(ParamValues v) {
        return new CacheShape(v.get(CacheShape.LEAF_SETS), v.get(CacheShape.LEAF_WAYS),
                v.get(CacheShape.SUPERPAGE_ENTRIES), v.get(CacheShape.WALK_CACHE_ENTRIES), INVALIDATION_QUEUE_DEPTH,
                true);
    }

    /** The cache's parameters ({@code null} when cache-less). */
    public MttCacheParams cacheParams() {
        return cache == null ? null : cache.params(p.walker());
    }

    @Override
    protected void build() {
        WalkerParams wp = p.walker();
        MttCacheParams cp = cacheParams();
        doc((cp == null
                ? "I/O MPT checker top (Smmpt v0.9 ch. 6), no MPT cache: u_front (registers + SDCL) and u_walker.\n"
                : "I/O MPT checker top (Smmpt v0.9 ch. 6) with an SDID-tagged MPT cache: u_front (registers + SDCL),\n"
                        + "u_walker and u_cache (" + cp.leafSets() + " sets x " + cp.leafWays() + " ways, "
                        + cp.superpageEntries() + " superpage, " + cp.walkCacheEntries() + " walk-cache entries).\n")
                + "Parameters: xlen=" + p.xlen() + " " + p.values(true) + (cp == null ? "" : " " + cp.shape().values())
                + ".\n"
                + (cp == null
                        ? "One DMA transaction in flight; FSM IDLE -> (WALK ->) RESP -> IDLE; classification and SDCFG\n"
                        : "One DMA transaction in flight; FSM IDLE/RESP -> (WALK ->) RESP; a hit or a front-end verdict\n"
                                + "is offered the cycle after the handshake, a new one taken as it is; a miss walks\n"
                                + "and fills u_cache. Cache context {SDID, smmpt-v0.9, MPT_MODE[1:0]}; classification and SDCFG\n")
                + "latched at the dma handshake. dma_pa..dma_pa+dma_size-1 must stay within one 4 KiB granule.\n"
                + "IOFENCE/MPTINVAL: dma_ready low while u_front waits in FENCE; fence_done when no transaction\n"
                + "is in flight" + (cp == null ? "" : " and u_cache acknowledges the sync after the MPTINVAL's invalidation")
                + ".\nrsp_abort_reason: " + IoAbortReason.legend() + ".");
        io = ports(s -> new Io(s, p, cp == null ? null : cp.geometry()));

        IoMptFront front = instance("u_front", new IoMptFront(p, true));
        MttWalker walker = instance("u_walker", new MttWalker(wp));
        connect(io.reg, front.io.reg);
        connect(io.mrd, walker.io.mrd);
        connect(io.mrs, walker.io.mrs);
        connect(io.pmp, walker.io.pmp);
        io.mode.set(front.io.mode);
        io.busy.set(front.io.busy);
        io.regsState.set(front.io.state);
        io.obs.walkerState.set(walker.io.state);

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
        UInt walkPa = p.paw() < wp.paWidth() ? io.dma.pa.zext(wp.paWidth()).named("dma_walk_pa")
                : io.dma.pa.bits(wp.paWidth() - 1, 0);
        lookup.pa.set(walkPa);
        lookup.need.set(io.dma.need);
        lookup.format.set(true);
        // MXL 0 names the RV64 modes, 1 Smmpt34; SET_SDCFG_ENTRY accepts only the walker's XLEN, and a mismatch
        // would name an unimplemented mode (15): the walker answers PA_RANGE (MPT_DISALLOWED), fail safe
        Bool mxlMatches = (p.xlen() == 32 ? cfg.cfg.mxl : cfg.cfg.mxl.not()).named("sd_mxl_matches");
        UInt walkMode = Hw.mux(mxlMatches, cfg.cfg.mptMode, Hw.lit(15, 4));
        lookup.mode.set(walkMode);
        UInt rootPpn = cfg.cfg.ppn.bits(wp.ppnWidth() - 1, 0);
        lookup.be.set(cfg.cfg.mbe);

        // ---- the verdict register ----
        Verdicts q = new Verdicts();
        io.rsp.allow.set(q.allow);
        io.rsp.abortReason.set(q.reason);
        io.rsp.matched.set(q.matched);
        io.rsp.rule.set(q.rule);
        io.rsp.sdid.set(q.sdid);
        if (p.hasIommu()) {
            // "ignore the IOMMU_ID of the rule" for the IOMMU's own accesses: reported with none
            io.rsp.iommuValid.set(q.matched.and(q.iommuOrig.not()));
            io.rsp.iommuId.set(q.iommuId);
        }
        io.rsp.reportToIommu.set(q.iommuOrig.and(q.allow.not()));
        io.rsp.xwr.set(q.xwr);
        io.rsp.cause.set(q.cause);
        io.rsp.id.set(q.id);

        // ---- the walk's reason ----
        WalkResultPort result = walker.io.result;
        Verdict v = result.verdict;
        UInt walkReason = wireInit("walk_abort_reason", IoAbortReason.WIDTH, IoAbortReason.MPT_DISALLOWED.code());
        when(v.cause.eq(WalkCause.NONE.code()), () -> walkReason.set(IoAbortReason.NONE.code()))
                .elseWhen(v.cause.eq(WalkCause.WALK_PMP.code()),
                        () -> walkReason.set(IoAbortReason.MPT_ACCESS_PMP_PMA.code()))
                .elseWhen(v.cause.eq(WalkCause.WALK_BUS_ERROR.code()),
                        () -> walkReason.set(IoAbortReason.MPT_DATA_CORRUPTED.code()));

        Front f = new Front(cls, classified, frontReason, needsWalk, walkPa, walkMode, rootPpn, walkReason);
        List<UInt> ignored = new ArrayList<>(List.of(io.dma.size, result.mpte, v.uniformLog2));
        if (wp.ppnWidth() < SdConfig.PPN_WIDTH) {
            ignored.add(cfg.cfg.ppn.bits(SdConfig.PPN_WIDTH - 1, wp.ppnWidth()));
        }
        if (cp == null) {
            buildCacheLess(walker, front.io.fence, f, q, ignored);
        } else {
            buildCached(walker, front.io.fence, f, q, cp, ignored);
        }
        // Inputs and child outputs the checker does not need; Verilator accepts names matching *unused*.
        wireInit("inputs_unused", Hw.cat(ignored).xorR());
    }

    /** What the front end decided about the offered transaction, and the walk it would start. */
    private record Front(ClassifyPort cls, Bool classified, UInt reason, Bool needsWalk, UInt walkPa, UInt walkMode,
                         UInt rootPpn, UInt walkReason) {}

    /** The verdict registers {@code rsp_q_*}. */
    private final class Verdicts {
        final Bool allow = regInit("rsp_q_allow", false);
        final UInt reason = regInit("rsp_q_abort_reason", IoAbortReason.WIDTH, 0);
        final Bool matched = regInit("rsp_q_matched", false);
        final UInt rule = regInit("rsp_q_rule", p.ruleIndexWidth(), 0);
        final UInt sdid = regInit("rsp_q_sdid", SdclRule.SDID_WIDTH, 0);
        final Bool iommuOrig = regInit("rsp_q_iommu_originated", false);
        final UInt iommuId = p.hasIommu() ? regInit("rsp_q_iommu_id", SdclRule.IOMMU_ID_WIDTH, 0) : null;
        final UInt xwr = regInit("rsp_q_xwr", 3, 0);
        final UInt cause = regInit("rsp_q_cause", WalkCause.WIDTH, 0);
        final UInt id = regInit("rsp_q_id", p.idWidth(), 0);

        /** The classification of the transaction taken now (called under its handshake). */
        void classification(Front f) {
            id.set(io.dma.id);
            matched.set(f.classified());
            rule.set(Hw.mux(f.classified(), f.cls().rule, Hw.lit(0, p.ruleIndexWidth())));
            sdid.set(Hw.mux(f.classified(), f.cls().sdid, Hw.lit(0, SdclRule.SDID_WIDTH)));
            if (p.hasIommu()) {
                iommuId.set(Hw.mux(f.classified().and(io.dma.iommuOriginated.not()), f.cls().iommuId,
                        Hw.lit(0, SdclRule.IOMMU_ID_WIDTH)));
            }
            iommuOrig.set(io.dma.iommuOriginated);
        }

        /** The walker's answer (called under the result's handshake). */
        void walked(Verdict v, UInt walkReason) {
            allow.set(v.allow);
            reason.set(walkReason);
            xwr.set(v.xwr);
            cause.set(v.cause);
        }
    }

    // ------------------------------------------------------------------------------------------------
    // Cache-less
    // ------------------------------------------------------------------------------------------------

    private void buildCacheLess(MttWalker walker, FencePort fence, Front f, Verdicts q, List<UInt> ignored) {
        WalkResultPort result = walker.io.result;
        LookupRequest lookup = walker.io.lookup.request;
        lookup.rootPpn.set(f.rootPpn());
        lookup.start.set(false);
        lookup.startLevel.set(Hw.lit(0, MttWalker.LEVEL_WIDTH));

        Fsm<State> fsm = fsm("dma_fsm", State.class, State.IDLE);
        io.dmaState.set(fsm.state());
        io.dma.ready.withDefault(false);
        io.rsp.valid.withDefault(false);
        Bool walkerIdle = walker.io.lookup.ready;
        Bool inIdle = fsm.is(State.IDLE).named("dma_idle");
        // IOFENCE/MPTINVAL: no transaction is taken while the register block waits for the earlier ones
        Bool accepting = walkerIdle.and(fence.req.not()).named("dma_accepting");
        Bool dmaFire = io.dma.valid.and(inIdle).and(accepting).named("dma_fire");
        walker.io.lookup.valid.set(dmaFire.and(f.needsWalk()));
        result.ready.set(fsm.is(State.WALK));

        fsm.on(State.IDLE, () -> {
            io.dma.ready.set(accepting);
            when(dmaFire, () -> {
                q.classification(f);
                q.allow.set(f.reason().eq(IoAbortReason.NONE.code()));
                q.reason.set(f.reason());
                q.xwr.set(0);
                q.cause.set(WalkCause.NONE.code());
                when(f.needsWalk(), () -> fsm.go(State.WALK)).otherwise(() -> fsm.go(State.RESP));
            });
        }).on(State.WALK, () -> when(result.valid, () -> {
            q.walked(result.verdict, f.walkReason());
            fsm.go(State.RESP);
        })).on(State.RESP, () -> {
            io.rsp.valid.set(true);
            when(io.rsp.ready, () -> fsm.go(State.IDLE));
        });

        // nothing is cached: a fence waits only for the transaction in flight
        fence.done.set(inIdle);

        // ---- observation: no cache, no events ----
        io.obs.valid.set(false);
        io.obs.kind.set(Hw.lit(0, ObservationPort.KIND_WIDTH));
        io.obs.array.set(Hw.lit(0, ObservationPort.ARRAY_WIDTH));
        io.obs.set.set(Hw.lit(0, 1));
        io.obs.way.set(Hw.lit(0, 1));

        Verdict v = result.verdict;
        ignored.addAll(List.of(result.level, result.leafKind, result.tupleLog2, result.tuples, result.leafRsvd,
                v.leafLog2, v.cacheable, walker.io.ptr.valid, walker.io.ptr.level, walker.io.ptr.ppn, fence.inval,
                fence.sdidv, fence.sdid, fence.ppnv, fence.s, fence.ppn));
    }

    // ------------------------------------------------------------------------------------------------
    // Cached
    // ------------------------------------------------------------------------------------------------

    private void buildCached(MttWalker walker, FencePort fence, Front f, Verdicts q, MttCacheParams cp,
                             List<UInt> ignored) {
        if (MttCache.KIND_TUPLES != MttWalker.KIND_TUPLES || MttCache.KIND_NAPOT != MttWalker.KIND_NAPOT
                || MttCache.KIND_UNIFORM != MttWalker.KIND_UNIFORM) {
            throw new IllegalStateException("MttCache and MttWalker disagree on the leaf-kind encoding");
        }
        WalkerParams wp = p.walker();
        MttCache c = instance("u_cache", new MttCache(cp));
        CacheIo cio = c.io;
        int wcN = cp.walkCacheEntries();
        WalkResultPort result = walker.io.result;
        Verdict v = result.verdict;
        LookupRequest lookup = walker.io.lookup.request;

        // ---- the FSM: a new transaction is taken in IDLE, or in RESP as the verdict is taken ----
        Fsm<State> fsm = fsm("dma_fsm", State.class, State.IDLE);
        io.dmaState.set(fsm.state());
        Bool walkerIdle = walker.io.lookup.ready;
        Bool inIdle = fsm.is(State.IDLE).named("dma_idle");
        Bool slotFree = inIdle.or(fsm.is(State.RESP).and(io.rsp.ready)).named("dma_slot_free");
        // IOFENCE/MPTINVAL: no transaction is taken while the register block waits for the earlier ones; a fill
        // cycle serves no lookup (the cache's lookup_ready)
        io.dma.ready.set(slotFree.and(walkerIdle).and(cio.lookup.ready).and(fence.req.not()));
        Bool dmaFire = io.dma.valid.and(io.dma.ready).named("dma_fire");
        io.rsp.valid.set(fsm.is(State.RESP));
        result.ready.set(fsm.is(State.WALK));

        // ---- the MPT check: a cache probe unless the PA is out of range for the SDID's mode ----
        ModeDecode md = ModeDecode.of(wp, f.walkPa(), Hw.high(), f.walkMode());
        Bool probe = f.needsWalk().and(md.paRangeFault().not()).named("dma_probes_cache");
        Bool rangeWalk = dmaFire.and(f.needsWalk()).and(md.paRangeFault()).named("dma_range_walk");
        cio.lookup.valid.set(dmaFire.and(probe));
        cio.lookup.pa.set(io.dma.pa);
        cio.lookup.ctx.sdid.set(f.cls().sdid); // the SDID tag: a lookup never matches another SDID's entry
        cio.lookup.ctx.format.set(true);
        cio.lookup.ctx.mode.set(f.walkMode().bits(1, 0));
        cio.walkReady.set(walkerIdle);
        Bool hit = cio.hit.valid;
        Bool miss = cio.miss;
        Bool walkStart = miss.or(rangeWalk).named("dma_walk_start");

        // ---- walk start: from the deepest walk-cache hit of a miss, else from the SDID's root ----
        walker.io.lookup.valid.set(walkStart);
        Bool wcUsed = wcN > 0 ? miss.and(cio.wc.hit).named("walk_from_walk_cache") : Hw.low();
        lookup.rootPpn.set(wcN > 0 ? Hw.mux(wcUsed, cio.wc.ppn, f.rootPpn()) : f.rootPpn());
        lookup.start.set(wcUsed);
        lookup.startLevel.set(wcN > 0 ? cio.wc.tableLevel : Hw.lit(0, MttWalker.LEVEL_WIDTH));
        Bool walkFromMiss = regInit("walk_from_miss", false);
        when(walkStart, () -> walkFromMiss.set(miss));
        if (wcN > 0) {
            // the deepest pointer the walk itself followed: the walk-cache fill (docs/cache-rtl.md "Fill")
            PointerPort deepest = regInit("fill_ptr_q", s -> new PointerPort(s, wp.ppnWidth()));
            when(walkStart, () -> deepest.valid.set(false))
                    .elseWhen(walker.io.ptr.valid, () -> deepest.set(walker.io.ptr));
            cio.fill.ptr.set(deepest);
        }

        // ---- the answer of a hit: the stored leaf's XWR for the PA (cache-model.md §4.1) ----
        UInt hitXwr = hitXwr(cio.hit, f.walkPa(), cp.tupleCount());
        Bool hitAllow = io.dma.need.and(hitXwr.not()).orR().not().named("hit_allow");

        // ---- the verdict register: loaded at the handshake, then by the walk ----
        when(dmaFire, () -> {
            q.classification(f);
            q.allow.set(Hw.mux(hit, hitAllow, f.reason().eq(IoAbortReason.NONE.code())));
            q.reason.set(Hw.mux(hit, Hw.mux(hitAllow, Hw.lit(IoAbortReason.NONE.code(), IoAbortReason.WIDTH),
                    Hw.lit(IoAbortReason.MPT_DISALLOWED.code(), IoAbortReason.WIDTH)), f.reason()));
            q.xwr.set(Hw.mux(hit, hitXwr, Hw.lit(0, 3)));
            q.cause.set(Hw.mux(hit.and(hitAllow.not()), Hw.lit(WalkCause.PERM_DENY.code(), WalkCause.WIDTH),
                    Hw.lit(WalkCause.NONE.code(), WalkCause.WIDTH)));
        });
        fsm.on(State.IDLE, () -> { })
                .on(State.WALK, () -> when(result.valid, () -> {
                    q.walked(v, f.walkReason());
                    fsm.go(State.RESP);
                }))
                .on(State.RESP, () -> when(io.rsp.ready, () -> fsm.go(State.IDLE)));
        // whatever the state, a taken transaction that walks goes to WALK, any other to RESP
        when(dmaFire, () -> when(walkStart, () -> fsm.go(State.WALK)).otherwise(() -> fsm.go(State.RESP)));

        // ---- fill when the walker's result is taken (R1/R2 inside u_cache: a stale walk fills nothing) ----
        cio.fill.valid.set(fsm.is(State.WALK).and(result.valid).and(walkFromMiss));
        cio.fill.cacheable.set(v.cacheable);
        cio.fill.leafRsvd.set(result.leafRsvd);
        cio.fill.leafLevel.set(result.level);
        cio.fill.leafKind.set(result.leafKind);
        cio.fill.leafLog2.set(v.leafLog2.bits(5, 0));
        cio.fill.tupleLog2.set(result.tupleLog2.bits(5, 0));
        cio.fill.tuples.set(result.tuples);

        // ---- IOFENCE / MPTINVAL: one queued invalidation (MPTINVAL), then the cache's sync ----
        CacheInvalidation inv = cacheInvalidation(fence, cp);
        Bool invSent = regInit("fence_inval_sent", false);
        when(fence.req.not(), () -> invSent.set(false)).elseWhen(cio.inv.fire(), () -> invSent.set(true));
        cio.inv.valid.set(fence.req.and(fence.inval).and(invSent.not()));
        cio.inv.hasPa.set(inv.hasPa());
        cio.inv.pa.set(inv.pa());
        cio.inv.hasSdid.set(fence.sdidv);
        cio.inv.sdid.set(fence.sdid);
        cio.sync.req.set(fence.req.and(invSent.or(fence.inval.not())));
        fence.done.set(cio.sync.ack.and(inIdle));

        // ---- observation: contract v2, as mtt_checker ----
        LookupObservation.drive(io.obs, cio, cp, io.dma.pa, "dma_leaf_set", hit, miss, wcUsed);
        connect(io.obs.cache, cio.obs);

        // log2 values stay below 64: the cache stores 6 bits of them; a verdict needs no level or range
        ignored.addAll(List.of(v.leafLog2.bit(6), result.tupleLog2.bit(6), cio.hit.level, cio.hit.leafLog2,
                cio.walkStale, inv.unused()));
        if (wcN == 0) {
            ignored.addAll(List.of(walker.io.ptr.valid, walker.io.ptr.level, walker.io.ptr.ppn));
        }
    }

    /** The cache operand of an MPTINVAL, and the {@code fence_ppn} bits it does not look at. */
    private record CacheInvalidation(Bool hasPa, UInt pa, UInt unused) {}

    /**
     * MPTINVAL's scope as one operand of the cache's MINVAL.PA queue (docs/spec-notes.md, v0.9 chapter 6,
     * "MPTINVAL and the MPT cache"). {@code has_sdid}/{@code sdid} are SDIDV/SDID. The cache clears an entry for a
     * PA when the entry's range contains it; every entry covers at least {@code 2^r} bytes (a leaf-array entry), so
     * for a range of at most {@code 2^r} — S=0 (4 KiB), or S=1 with x ≤ r−13 — every entry that overlaps the range
     * contains it, and the one PA {@code PPN << 12} clears exactly those. A larger NAPOT range (and S=1 with an
     * all-ones PPN) invalidates more: {@code has_pa} = 0, every entry of the SDID (SDIDV=1) or every entry
     * (SDIDV=0). PPNV=0: {@code has_pa} = 0. PPN bits at and above {@code paw − 12} are dropped (an address no
     * entry can have: the aliased PA is invalidated instead, which is more, not less).
     */
    private CacheInvalidation cacheInvalidation(FencePort fence, MttCacheParams cp) {
        int x = cp.leafRange() - 13; // the largest x with 2^(13 + x) <= 2^r
        Bool withinLeaf = fence.ppn.bits(x, 0).andR().not().named("inval_range_within_leaf");
        Bool hasPa = fence.ppnv.and(fence.s.not().or(withinLeaf)).named("inval_has_pa");
        int ppnBits = Math.min(FencePort.PPN_WIDTH, p.paw() - 12);
        UInt pa = fence.ppn.bits(ppnBits - 1, 0).cat(Hw.lit(0, 12));
        pa = pa.width() < p.paw() ? pa.zext(p.paw()) : pa;
        UInt unused = ppnBits < FencePort.PPN_WIDTH ? fence.ppn.bits(FencePort.PPN_WIDTH - 1, ppnBits) : Hw.lit(0, 1);
        return new CacheInvalidation(hasPa, pa.named("inval_pa"), unused);
    }

    /**
     * The XWR of the tuple covering the PA in a hit's stored leaf ({@code tuple_log2} is one of a few constants
     * per XLEN, so a small mux replaces a shifter); NAPOT and UNIFORM leaves hold theirs in tuple 0.
     */
    private UInt hitXwr(CacheHitPort hit, UInt pa, int tuples) {
        int k = Integer.numberOfTrailingZeros(tuples);
        List<UInt> tupleList = new ArrayList<>();
        for (int i = 0; i < tuples; i++) {
            tupleList.add(hit.tuples.bits(3 * i + 2, 3 * i));
        }
        UInt index = Hw.lit(0, k);
        for (int t : tupleLog2Values()) {
            if (t + k - 1 < pa.width()) {
                index = Hw.mux(hit.tupleLog2.eq(t), pa.bits(t + k - 1, t), index);
            }
        }
        Bool tuplesKind = hit.kind.eq(MttWalker.KIND_TUPLES).named("hit_is_tuples");
        UInt tupleIndex = Hw.mux(tuplesKind, index, Hw.lit(0, k)).named("hit_tuple_index");
        return Hw.select(tupleIndex, tupleList).named("hit_xwr");
    }

    /** Every tuple range a TUPLES leaf of the smmpt-v0.9 modes of this XLEN can have (one per level). */
    private TreeSet<Integer> tupleLog2Values() {
        TreeSet<Integer> out = new TreeSet<>();
        for (WalkMode m : p.modes()) {
            for (int level = 0; level <= m.rootLevel(); level++) {
                out.add(p.xlen() == 64 ? 12 + 9 * level : 12 + 10 * level);
            }
        }
        return out;
    }

    /** The Smmpt modes of the walker (for documentation and tests). */
    public List<WalkMode> modes() {
        return p.modes();
    }
}
