package io.mttkit.gen.checker;

import io.mttkit.gen.cache.CacheIo;
import io.mttkit.gen.cache.CacheShape;
import io.mttkit.gen.cache.LookupObservation;
import io.mttkit.gen.cache.MttCache;
import io.mttkit.gen.cache.MttCacheParams;
import io.mttkit.gen.contract.CheckRequestPort;
import io.mttkit.gen.contract.CheckerIo;
import io.mttkit.gen.contract.ContractWidths;
import io.mttkit.gen.contract.ObservationPort;
import io.mttkit.gen.walker.LookupRequest;
import io.mttkit.gen.walker.ModeDecode;
import io.mttkit.gen.walker.MttWalker;
import io.mttkit.gen.walker.PointerPort;
import io.mttkit.gen.walker.Verdict;
import io.mttkit.gen.walker.WalkCause;
import io.mttkit.gen.walker.WalkResultPort;
import io.mttkit.gen.walker.WalkerParams;
import io.mttkit.hdl.Bool;
import io.mttkit.hdl.Hw;
import io.mttkit.hdl.Module;
import io.mttkit.hdl.UInt;
import java.util.ArrayList;
import java.util.List;

/**
 * The MTT checker top (CHECKER-MICROARCH §6): checker port contract v2 ({@code docs/port-contract.md}) around one
 * {@link MttWalker} and, unless built cache-less, one {@link MttCache}. Its ports are {@link CheckerIo}; it reaches
 * its children's ports through their typed {@code io} bundles and connects the ones they share with it by name.
 *
 * <p><b>With a cache</b>: a request the front end can answer itself — bypass/Bare, or a hit in the leaf or
 * superpage array — is answered in the cycle after its handshake from a response register, one request per cycle.
 * A miss starts a walk, from the deepest walk-cache hit if there is one; while it is in flight {@code req_ready} is
 * low (no hit under miss: responses stay in request order with no reorder buffer; docs/checker.md). A PA the
 * walk would reject for its range (or an unimplemented mode) never probes the cache: the walker answers it with
 * {@code PA_RANGE} and nothing is cached. The walk's response handshake is the cache's fill cycle. Invalidations go
 * to the cache's MINVAL.PA queue, syncs to its sync port. Every cache event is visible on the observation port:
 * v1's one pulse per cycle carries the lookup (HIT or MISS) and the {@code obs_*} extension outputs carry
 * walk-cache hits, fills, evictions and the entries each applied invalidation cleared.
 *
 * <p><b>Cache-less</b> ({@code cache == null}): one check at a time through the walker; invalidations are accepted
 * at once, {@code sync_ack} follows {@code sync_req}, {@code rsp_stale} is 0 and only v1's observation port exists
 * (always idle).
 */
public final class MttChecker extends Module {
    /** The Verilog name of the checker top unless the user asks for another (the header comment says which). */
    public static final String MODULE_NAME = "mtt_checker";

    private final WalkerParams p;
    private final CacheShape cache;

    /** The checker's ports (the port contract), after it is built. */
    public CheckerIo io;

    /** A cache-less checker top for {@code params}. */
    public MttChecker(WalkerParams params) {
        this(params, null);
    }

    /** A checker top for {@code params} with a cache of {@code cache} ({@code null}: cache-less). */
    public MttChecker(WalkerParams params, CacheShape cache) {
        this.p = params;
        this.cache = cache;
        if (cache != null) {
            cache.params(params); // checks the combination now, with the cache's own message
        }
        moduleName(MODULE_NAME);
    }

    /** The widths of the contract's fields for these parameters. */
    public static ContractWidths widths(WalkerParams p) {
        return new ContractWidths(p.idWidth(), p.paWidth(), p.paw(), p.sdidPortWidth(), p.ppnWidth());
    }

    @Override
    protected void build() {
        String params = "Parameters: xlen=" + p.xlen() + " " + p.values() + (cache == null ? "" : " " + cache.values())
                + ".\n";
        doc(cache == null
                ? "MTT checker, port contract v1, no cache (" + p.xlen() + "-bit, formats " + p.formats().spelling()
                        + ", paw " + p.paw() + ").\n" + params
                        + "One check at a time through u_walker; bypass/Bare answered here; "
                        + "invalidations and syncs complete at once (nothing is cached)."
                : "MTT checker, port contract v2 (" + p.xlen() + "-bit, formats " + p.formats().spelling() + ", paw "
                        + p.paw() + "; cache " + cache.leafSets() + " sets x " + cache.leafWays() + " ways, "
                        + cache.superpageEntries() + " superpage, " + cache.walkCacheEntries() + " walk-cache entries).\n"
                        + params
                        + "Hits and bypass answered from rsp_q_* one cycle after the handshake, one per cycle; a miss\n"
                        + "walks in u_walker (no hit under miss); the walk's response handshake fills u_cache.");
        io = ports(s -> new CheckerIo(s, widths(p), cache == null ? null : cache.params(p).geometry(),
                MttWalker.STATE_WIDTH));

        MttWalker walker = instance("u_walker", new MttWalker(p));
        // ---- memory and PMP ports: the walker's own ----
        connect(io.mrd, walker.io.mrd);
        connect(io.mrs, walker.io.mrs);
        connect(io.pmp, walker.io.pmp);
        io.obs.walkerState.set(walker.io.state);

        LookupRequest lookup = walker.io.lookup.request;
        lookup.pa.set(io.req.pa);
        lookup.need.set(io.req.need);
        lookup.format.set(io.req.formatV09());
        lookup.mode.set(io.req.modeField());
        lookup.be.set(io.req.be);
        if (cache == null) {
            buildCacheLess(walker);
        } else {
            buildCached(walker);
        }
    }

    /** Bare (MODE 0, either format) behaves as bypass (docs/port-contract.md). */
    private Bool bypassOf(CheckRequestPort req) {
        return req.bypass.or(req.modeField().eq(0)).named("req_is_bypass");
    }

    // ------------------------------------------------------------------------------------------------
    // Cache-less top (contract v1)
    // ------------------------------------------------------------------------------------------------

    private void buildCacheLess(MttWalker walker) {
        UInt rspIdReg = regInit("rsp_id_q", p.idWidth(), 0);
        Bool bypassPending = regInit("bypass_pending", false);
        Bool isBypass = bypassOf(io.req);
        Bool walkerIdle = walker.io.lookup.ready;
        io.req.ready.set(walkerIdle.and(bypassPending.not()));
        Bool reqFire = io.req.valid.and(io.req.ready).named("req_fire");

        walker.io.lookup.valid.set(io.req.valid.and(isBypass.not()).and(bypassPending.not()));
        walker.io.lookup.request.rootPpn.set(io.req.rootPpn);
        walker.io.lookup.request.start.set(0);
        walker.io.lookup.request.startLevel.set(Hw.lit(0, MttWalker.LEVEL_WIDTH));

        when(reqFire, () -> {
            rspIdReg.set(io.req.id);
            when(isBypass, () -> bypassPending.set(true));
        });
        when(bypassPending.and(io.rsp.ready), () -> bypassPending.set(false));

        // ---- response: the bypass answer, else the walker's result ----
        WalkResultPort result = walker.io.result;
        Verdict v = result.verdict;
        result.ready.set(io.rsp.ready);
        io.rsp.valid.set(bypassPending.or(result.valid));
        io.rsp.id.set(rspIdReg);
        Bool allow = bypassPending.or(v.allow).named("allow");
        io.rsp.allow.set(allow);
        io.rsp.fault.set(allow.not());
        io.rsp.cause.set(Hw.mux(bypassPending, Hw.lit(WalkCause.NONE.code(), WalkCause.WIDTH), v.cause));
        io.rsp.xwr.set(Hw.mux(bypassPending, Hw.lit(0, 3), v.xwr));
        io.rsp.level.set(Hw.mux(bypassPending, Hw.lit(0, MttWalker.LEVEL_WIDTH), result.level));
        io.rsp.leafLog2.set(Hw.mux(bypassPending, Hw.lit(0, MttWalker.LOG2_WIDTH), v.leafLog2));
        io.rsp.uniformLog2.set(Hw.mux(bypassPending, Hw.lit(0, MttWalker.LOG2_WIDTH), v.uniformLog2));
        io.rsp.cacheable.set(bypassPending.not().and(v.cacheable));
        io.rsp.stale.set(false); // no cache: nothing can go stale

        // ---- invalidation and sync: nothing cached, nothing to apply ----
        io.inv.ready.set(true);
        io.sync.ack.set(io.sync.req);

        // ---- observation: no cache events ----
        io.obs.valid.set(false);
        io.obs.kind.set(Hw.lit(0, ObservationPort.KIND_WIDTH));
        io.obs.array.set(Hw.lit(0, ObservationPort.ARRAY_WIDTH));
        io.obs.set.set(Hw.lit(0, 1));
        io.obs.way.set(Hw.lit(0, 1));

        // Inputs and walker outputs a cache-less checker does not need; Verilator accepts names matching *unused*.
        wireInit("inputs_unused", Hw.cat(List.of(io.req.sdid, io.inv.valid, io.inv.hasPa, io.inv.pa, io.inv.hasSdid,
                io.inv.sdid, result.mpte, result.leafKind, result.tupleLog2, result.tuples, result.leafRsvd,
                walker.io.ptr.valid, walker.io.ptr.level, walker.io.ptr.ppn)).xorR());
    }

    // ------------------------------------------------------------------------------------------------
    // Cached top (contract v2)
    // ------------------------------------------------------------------------------------------------

    private void buildCached(MttWalker walker) {
        MttCacheParams cp = cache.params(p);
        if (MttCache.KIND_TUPLES != MttWalker.KIND_TUPLES || MttCache.KIND_NAPOT != MttWalker.KIND_NAPOT
                || MttCache.KIND_UNIFORM != MttWalker.KIND_UNIFORM) {
            throw new IllegalStateException("MttCache and MttWalker disagree on the leaf-kind encoding");
        }
        MttCache c = instance("u_cache", new MttCache(cp));
        CacheIo cio = c.io;
        int sdidLen = p.sdidLen();
        int wcN = cache.walkCacheEntries();
        int tuples = cp.tupleCount();
        WalkResultPort result = walker.io.result;
        Verdict v = result.verdict;
        LookupRequest lookup = walker.io.lookup.request;

        // ---- front end: what the request is (Bare/bypass, out of range, or a cache probe) ----
        Bool isBypass = bypassOf(io.req);
        ModeDecode md = ModeDecode.of(p, io.req.pa, io.req.formatV09(), io.req.modeField());
        Bool probe = isBypass.not().and(md.paRangeFault().not()).named("req_probes_cache");

        Bool rspQValid = regInit("rsp_q_valid", false);
        Bool walkerIdle = walker.io.lookup.ready;
        Bool rspSlotFree = rspQValid.not().or(io.rsp.ready).named("rsp_slot_free");
        // one walk at a time and no hit under miss; a fill cycle serves no lookup (cache lookup_ready)
        io.req.ready.set(walkerIdle.and(rspSlotFree).and(cio.lookup.ready));
        Bool reqFire = io.req.valid.and(io.req.ready).named("req_fire");

        cio.lookup.valid.set(reqFire.and(probe));
        cio.lookup.pa.set(io.req.pa.bits(p.paw() - 1, 0));
        if (sdidLen > 0) {
            cio.lookup.ctx.sdid.set(io.req.sdid);
        }
        cio.lookup.ctx.format.set(io.req.formatV09());
        cio.lookup.ctx.mode.set(io.req.mode.bits(1, 0));
        cio.walkReady.set(walkerIdle);
        Bool hit = cio.hit.valid;
        Bool miss = cio.miss;

        // ---- walk start: a miss (from the deepest walk-cache hit), or a PA-range fault the walker answers ----
        Bool rangeWalk = reqFire.and(isBypass.not()).and(md.paRangeFault()).named("req_range_walk");
        walker.io.lookup.valid.set(miss.or(rangeWalk));
        Bool wcUsed = wcN > 0 ? miss.and(cio.wc.hit).named("walk_from_walk_cache") : Hw.low();
        lookup.rootPpn.set(wcN > 0 ? Hw.mux(wcUsed, cio.wc.ppn, io.req.rootPpn) : io.req.rootPpn);
        lookup.start.set(wcUsed);
        lookup.startLevel.set(wcN > 0 ? cio.wc.tableLevel : Hw.lit(0, MttWalker.LEVEL_WIDTH));
        UInt walkId = regInit("walk_id", p.idWidth(), 0);
        Bool walkFromMiss = regInit("walk_from_miss", false);
        when(miss.or(rangeWalk), () -> {
            walkId.set(io.req.id);
            walkFromMiss.set(miss);
        });

        // the deepest pointer the walk itself followed: the walk-cache fill (docs/cache-rtl.md "Fill")
        if (wcN > 0) {
            PointerPort deepest = regInit("fill_ptr_q", s -> new PointerPort(s, p.ppnWidth()));
            when(miss.or(rangeWalk), () -> deepest.valid.set(false))
                    .elseWhen(walker.io.ptr.valid, () -> deepest.set(walker.io.ptr));
            cio.fill.ptr.set(deepest);
        }

        // ---- the answer of a hit: the stored leaf, the request's PA and need (cache-model.md §4.1) ----
        HitAnswer ha = HitAnswer.of(p, cio.hit, io.req.pa, io.req.need, tuples);

        // ---- the response register: bypass and hits, answered the cycle after the handshake ----
        Answer q = regInit("rsp_q", s -> new Answer(s, p.idWidth()));
        Bool frontAnswer = reqFire.and(isBypass.or(hit)).named("req_answered_here");
        when(frontAnswer, () -> {
            rspQValid.set(true);
            q.id.set(io.req.id);
            // bypass: allow, everything else 0 (contract); hit: the cached leaf's answer
            q.allow.set(isBypass.or(ha.allow()));
            q.cause.set(Hw.mux(isBypass.or(ha.allow()), Hw.lit(WalkCause.NONE.code(), WalkCause.WIDTH),
                    Hw.lit(WalkCause.PERM_DENY.code(), WalkCause.WIDTH)));
            q.xwr.set(Hw.mux(isBypass, Hw.lit(0, 3), ha.xwr()));
            q.level.set(Hw.mux(isBypass, Hw.lit(0, MttWalker.LEVEL_WIDTH), cio.hit.level));
            q.leafLog2.set(Hw.mux(isBypass, Hw.lit(0, MttWalker.LOG2_WIDTH), cio.hit.leafLog2.zext(MttWalker.LOG2_WIDTH)));
            q.uniformLog2.set(Hw.mux(isBypass, Hw.lit(0, MttWalker.LOG2_WIDTH), ha.uniformLog2()));
            q.cacheable.set(isBypass.not());
        }).elseWhen(io.rsp.ready, () -> rspQValid.set(false));

        // ---- the response port: the register, else the walker's result ----
        result.ready.set(io.rsp.ready.and(rspQValid.not()));
        io.rsp.valid.set(rspQValid.or(result.valid));
        Bool walkStale = walkFromMiss.and(cio.walkStale).named("walk_stale");
        Answer walked = wire("walk_answer", s -> new Answer(s, p.idWidth()));
        walked.id.set(walkId);
        walked.allow.set(v.allow);
        walked.cause.set(v.cause);
        walked.xwr.set(v.xwr);
        walked.level.set(result.level);
        walked.leafLog2.set(v.leafLog2);
        walked.uniformLog2.set(v.uniformLog2);
        // R6: stale is judged at the response handshake; a stale walk's result is not cacheable
        walked.cacheable.set(v.cacheable.and(walkStale.not()));
        Hw.mux(rspQValid, q, walked).drive(io.rsp);
        io.rsp.stale.set(rspQValid.not().and(walkStale));

        // ---- fill at the walk's response handshake ----
        cio.fill.valid.set(result.valid.and(rspQValid.not()).and(io.rsp.ready).and(walkFromMiss));
        cio.fill.cacheable.set(v.cacheable);
        cio.fill.leafRsvd.set(result.leafRsvd);
        cio.fill.leafLevel.set(result.level);
        cio.fill.leafKind.set(result.leafKind);
        cio.fill.leafLog2.set(v.leafLog2.bits(5, 0));
        cio.fill.tupleLog2.set(result.tupleLog2.bits(5, 0));
        cio.fill.tuples.set(result.tuples);

        // ---- invalidation and sync: the cache's MINVAL.PA queue and sync port ----
        connect(io.inv, cio.inv);
        connect(io.sync, cio.sync);

        // ---- observation: v1's pulse carries the lookup; the obs_* extension outputs the rest ----
        LookupObservation.drive(io.obs, cio, cp, io.req.pa, "req_leaf_set", hit, miss, wcUsed);
        connect(io.obs.cache, cio.obs);

        // log2 values stay below 64: the cache stores 6 bits of them
        List<UInt> unused = new ArrayList<>(List.of(result.mpte, v.leafLog2.bit(6), result.tupleLog2.bit(6)));
        if (wcN == 0) {
            unused.addAll(List.of(walker.io.ptr.valid, walker.io.ptr.level, walker.io.ptr.ppn));
        }
        if (sdidLen == 0) {
            unused.add(io.req.sdid);
        }
        if (p.paw() < p.paWidth()) {
            unused.add(io.req.pa.bits(p.paWidth() - 1, p.paw())); // out-of-range PAs never reach the cache
        }
        wireInit("inputs_unused", Hw.cat(unused).xorR());
    }
}
