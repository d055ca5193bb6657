package io.mttkit.gen.checker;

import io.mttkit.gen.cache.CacheShape;
import io.mttkit.gen.cache.MttCache;
import io.mttkit.gen.cache.MttCacheParams;
import io.mttkit.gen.walker.LeafTuples;
import io.mttkit.gen.walker.ModeDecode;
import io.mttkit.gen.walker.MttWalker;
import io.mttkit.gen.walker.WalkCause;
import io.mttkit.gen.walker.WalkMode;
import io.mttkit.gen.walker.WalkerParams;
import io.mttkit.hdl.Bool;
import io.mttkit.hdl.Hw;
import io.mttkit.hdl.Module;
import io.mttkit.hdl.UInt;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * The MTT checker top (CHECKER-MICROARCH §6): checker port contract v2 ({@code docs/port-contract.md}) around one
 * {@link MttWalker} and, unless built cache-less, one {@link MttCache}.
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
    /** Width of {@code req_mode}: {@code {format, MODE[3:0]}}. */
    public static final int MODE_WIDTH = 5;
    /** Width of {@code obs_kind}. */
    public static final int OBS_KIND_WIDTH = 3;
    /** Width of {@code obs_array}. */
    public static final int OBS_ARRAY_WIDTH = 2;
    /** {@code obs_kind} of a hit. */
    public static final int OBS_HIT = 0;
    /** {@code obs_kind} of a miss. */
    public static final int OBS_MISS = 1;

    private final WalkerParams p;
    private final CacheShape cache;

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
        param("xlen", params.xlen());
        param("fmt", params.formats().name().toLowerCase());
        param("paw", params.paw());
        param("sdid", params.sdidLen());
        param("id", params.idWidth());
        param("scope", params.rsvdTupleScope().name().toLowerCase());
        param("gig", params.v01OneGigAsOneGiB() ? 1 : 0);
        param("be", params.bigEndianSupport() ? 1 : 0);
        param("pmplat", params.pmpLatency());
        if (cache != null) {
            param("sets", cache.leafSets());
            param("ways", cache.leafWays());
            param("sp", cache.superpageEntries());
            param("wc", cache.walkCacheEntries());
            param("q", cache.minvalQueueDepth());
            param("pfd", cache.paFenceDropsWalkCache() ? 1 : 0);
        }
    }

    /** The ports every checker top has (contract v1 names). */
    private record Io(Bool reqValid, Bool reqReady, UInt reqId, UInt reqPa, UInt reqNeed, UInt reqSdid, UInt reqMode,
                      UInt reqRootPpn, Bool reqBe, Bool reqBypass,
                      Bool invValid, Bool invReady, Bool invHasPa, UInt invPa, Bool invHasSdid, UInt invSdid,
                      Bool syncReq, Bool syncAck,
                      Bool rspValid, Bool rspReady, UInt rspId, Bool rspAllow, Bool rspFault, UInt rspCause,
                      UInt rspXwr, UInt rspLevel, UInt rspLeafLog2, UInt rspUniformLog2, Bool rspCacheable,
                      Bool rspStale,
                      Bool obsValid, UInt obsKind, UInt obsArray, UInt obsSet, UInt obsWay) {
    }

    @Override
    protected void build() {
        doc(cache == null
                ? "MTT checker, port contract v1, no cache (" + p.xlen() + "-bit, formats " + p.formats() + ", paw "
                        + p.paw() + ").\nOne check at a time through u_walker; bypass/Bare answered here; "
                        + "invalidations and syncs complete at once (nothing is cached)."
                : "MTT checker, port contract v2 (" + p.xlen() + "-bit, formats " + p.formats() + ", paw " + p.paw()
                        + "; cache " + cache.leafSets() + " sets x " + cache.leafWays() + " ways, "
                        + cache.superpageEntries() + " superpage, " + cache.walkCacheEntries() + " walk-cache entries).\n"
                        + "Hits and bypass answered from rsp_q_* one cycle after the handshake, one per cycle; a miss\n"
                        + "walks in u_walker (no hit under miss); the walk's response handshake fills u_cache.");
        int paW = p.paWidth();
        int ppnW = p.ppnWidth();

        Bool reqValid = input("req_valid");
        Bool reqReady = output("req_ready");
        UInt reqId = input("req_id", p.idWidth());
        UInt reqPa = input("req_pa", paW);
        UInt reqNeed = input("req_need", 3);
        UInt reqSdid = input("req_sdid", p.sdidPortWidth());
        UInt reqMode = input("req_mode", MODE_WIDTH);
        UInt reqRootPpn = input("req_root_ppn", ppnW);
        Bool reqBe = input("req_be");
        Bool reqBypass = input("req_bypass");

        MttWalker walker = instance("u_walker", new MttWalker(p));
        // ---- memory and PMP ports: the walker's own ----
        output("mrd_valid").set(walker.port("mrd_valid").asBool());
        walker.port("mrd_ready").set(input("mrd_ready"));
        output("mrd_addr", p.paw()).set(walker.port("mrd_addr"));
        output("mrd_size", MttWalker.SIZE_WIDTH).set(walker.port("mrd_size"));
        output("mrd_tag", MttWalker.TAG_WIDTH).set(walker.port("mrd_tag"));
        walker.port("mrs_valid").set(input("mrs_valid"));
        walker.port("mrs_data").set(input("mrs_data", MttWalker.DATA_WIDTH));
        walker.port("mrs_err").set(input("mrs_err"));
        walker.port("mrs_tag").set(input("mrs_tag", MttWalker.TAG_WIDTH));
        output("pmp_valid").set(walker.port("pmp_valid").asBool());
        output("pmp_addr", p.paw()).set(walker.port("pmp_addr"));
        output("pmp_size", MttWalker.SIZE_WIDTH).set(walker.port("pmp_size"));
        walker.port("pmp_ok").set(input("pmp_ok"));

        Bool invValid = input("inv_valid");
        Bool invReady = output("inv_ready");
        Bool invHasPa = input("inv_has_pa");
        UInt invPa = input("inv_pa", p.paw());
        Bool invHasSdid = input("inv_has_sdid");
        UInt invSdid = input("inv_sdid", p.sdidPortWidth());
        Bool syncReq = input("sync_req");
        Bool syncAck = output("sync_ack");

        Io io = new Io(reqValid, reqReady, reqId, reqPa, reqNeed, reqSdid, reqMode, reqRootPpn, reqBe, reqBypass,
                invValid, invReady, invHasPa, invPa, invHasSdid, invSdid, syncReq, syncAck,
                output("rsp_valid"), input("rsp_ready"), output("rsp_id", p.idWidth()), output("rsp_allow"),
                output("rsp_fault"), output("rsp_cause", WalkCause.WIDTH), output("rsp_xwr", 3),
                output("rsp_level", MttWalker.LEVEL_WIDTH), output("rsp_leaf_log2", MttWalker.LOG2_WIDTH),
                output("rsp_uniform_log2", MttWalker.LOG2_WIDTH), output("rsp_cacheable"), output("rsp_stale"),
                output("obs_valid"), output("obs_kind", OBS_KIND_WIDTH), output("obs_array", OBS_ARRAY_WIDTH),
                output("obs_set", cache == null ? 1 : setWidth()), output("obs_way", cache == null ? 1 : wayWidth()));
        output("obs_walker_state", walker.port("walker_state").width()).set(walker.port("walker_state"));

        walker.port("lookup_pa").set(reqPa);
        walker.port("lookup_need").set(reqNeed);
        walker.port("lookup_format").set(reqMode.bit(4));
        walker.port("lookup_mode").set(reqMode.bits(3, 0));
        walker.port("lookup_be").set(reqBe);
        if (cache == null) {
            buildCacheLess(io, walker);
        } else {
            buildCached(io, walker);
        }
    }

    /** Bare (MODE 0, either format) behaves as bypass (docs/port-contract.md). */
    private Bool bypassOf(Io io) {
        return io.reqBypass.or(io.reqMode.bits(3, 0).eq(0)).named("req_is_bypass");
    }

    // ------------------------------------------------------------------------------------------------
    // Cache-less top (contract v1)
    // ------------------------------------------------------------------------------------------------

    private void buildCacheLess(Io io, MttWalker walker) {
        UInt rspIdReg = regInit("rsp_id_q", p.idWidth(), 0);
        Bool bypassPending = regInit("bypass_pending", false);
        Bool isBypass = bypassOf(io);
        Bool walkerIdle = walker.port("lookup_ready").asBool();
        io.reqReady.set(walkerIdle.and(bypassPending.not()));
        Bool reqFire = io.reqValid.and(io.reqReady).named("req_fire");

        walker.port("lookup_valid").set(io.reqValid.and(isBypass.not()).and(bypassPending.not()));
        walker.port("lookup_root_ppn").set(io.reqRootPpn);
        walker.port("lookup_start").set(0);
        walker.port("lookup_start_level").set(Hw.lit(0, MttWalker.LEVEL_WIDTH));

        when(reqFire, () -> {
            rspIdReg.set(io.reqId);
            when(isBypass, () -> bypassPending.set(true));
        });
        when(bypassPending.and(io.rspReady), () -> bypassPending.set(false));

        // ---- response: the bypass answer, else the walker's result ----
        Bool walkerValid = walker.port("result_valid").asBool();
        walker.port("result_ready").set(io.rspReady);
        io.rspValid.set(bypassPending.or(walkerValid));
        io.rspId.set(rspIdReg);
        Bool allow = bypassPending.or(walker.port("result_allow").asBool()).named("allow");
        io.rspAllow.set(allow);
        io.rspFault.set(allow.not());
        io.rspCause.set(Hw.mux(bypassPending, Hw.lit(WalkCause.NONE.code(), WalkCause.WIDTH), walker.port("result_cause")));
        io.rspXwr.set(Hw.mux(bypassPending, Hw.lit(0, 3), walker.port("result_xwr")));
        io.rspLevel.set(Hw.mux(bypassPending, Hw.lit(0, MttWalker.LEVEL_WIDTH), walker.port("result_level")));
        io.rspLeafLog2.set(Hw.mux(bypassPending, Hw.lit(0, MttWalker.LOG2_WIDTH), walker.port("result_leaf_log2")));
        io.rspUniformLog2.set(Hw.mux(bypassPending, Hw.lit(0, MttWalker.LOG2_WIDTH), walker.port("result_uniform_log2")));
        io.rspCacheable.set(bypassPending.not().and(walker.port("result_cacheable").asBool()));
        io.rspStale.set(false); // no cache: nothing can go stale

        // ---- invalidation and sync: nothing cached, nothing to apply ----
        io.invReady.set(true);
        io.syncAck.set(io.syncReq);

        // ---- observation: no cache events ----
        io.obsValid.set(false);
        io.obsKind.set(Hw.lit(0, OBS_KIND_WIDTH));
        io.obsArray.set(Hw.lit(0, OBS_ARRAY_WIDTH));
        io.obsSet.set(Hw.lit(0, 1));
        io.obsWay.set(Hw.lit(0, 1));

        // Inputs and walker outputs a cache-less checker does not need; Verilator accepts names matching *unused*.
        wireInit("inputs_unused", Hw.cat(List.of(io.reqSdid, io.invValid, io.invHasPa, io.invPa, io.invHasSdid,
                io.invSdid, walker.port("result_mpte"), walker.port("result_leaf_kind"),
                walker.port("result_tuple_log2"), walker.port("result_tuples"), walker.port("result_leaf_rsvd"),
                walker.port("ptr_valid"), walker.port("ptr_level"), walker.port("ptr_ppn"))).xorR());
    }

    // ------------------------------------------------------------------------------------------------
    // Cached top (contract v2)
    // ------------------------------------------------------------------------------------------------

    private int setWidth() {
        return Math.max(1, Integer.numberOfTrailingZeros(cache.leafSets()));
    }

    private int wayWidth() {
        return Hw.indexWidth(Math.max(cache.leafWays(), cache.superpageEntries()));
    }

    private void buildCached(Io io, MttWalker walker) {
        MttCacheParams cp = cache.params(p);
        if (MttCache.KIND_TUPLES != MttWalker.KIND_TUPLES || MttCache.KIND_NAPOT != MttWalker.KIND_NAPOT
                || MttCache.KIND_UNIFORM != MttWalker.KIND_UNIFORM) {
            throw new IllegalStateException("MttCache and MttWalker disagree on the leaf-kind encoding");
        }
        MttCache c = instance("u_cache", new MttCache(cp));
        int sdidLen = p.sdidLen();
        int wcN = cache.walkCacheEntries();
        int tuples = cp.tupleCount();

        // ---- front end: what the request is (Bare/bypass, out of range, or a cache probe) ----
        Bool isBypass = bypassOf(io);
        ModeDecode md = ModeDecode.of(p, io.reqPa, io.reqMode.bit(4), io.reqMode.bits(3, 0));
        Bool probe = isBypass.not().and(md.paRangeFault().not()).named("req_probes_cache");

        Bool rspQValid = regInit("rsp_q_valid", false);
        Bool walkerIdle = walker.port("lookup_ready").asBool();
        Bool rspSlotFree = rspQValid.not().or(io.rspReady).named("rsp_slot_free");
        // one walk at a time and no hit under miss; a fill cycle serves no lookup (cache lookup_ready)
        io.reqReady.set(walkerIdle.and(rspSlotFree).and(c.port("lookup_ready").asBool()));
        Bool reqFire = io.reqValid.and(io.reqReady).named("req_fire");

        c.port("lookup_valid").set(reqFire.and(probe));
        c.port("lookup_pa").set(io.reqPa.bits(p.paw() - 1, 0));
        if (sdidLen > 0) {
            c.port("lookup_sdid").set(io.reqSdid.bits(sdidLen - 1, 0));
        }
        c.port("lookup_format").set(io.reqMode.bit(4));
        c.port("lookup_mode").set(io.reqMode.bits(1, 0));
        c.port("walk_ready").set(walkerIdle);
        Bool hit = c.port("hit").asBool();
        Bool miss = c.port("miss").asBool();

        // ---- walk start: a miss (from the deepest walk-cache hit), or a PA-range fault the walker answers ----
        Bool rangeWalk = reqFire.and(isBypass.not()).and(md.paRangeFault()).named("req_range_walk");
        walker.port("lookup_valid").set(miss.or(rangeWalk));
        Bool wcUsed = wcN > 0 ? miss.and(c.port("wc_hit").asBool()).named("walk_from_walk_cache") : Hw.low();
        walker.port("lookup_root_ppn").set(wcN > 0 ? Hw.mux(wcUsed, c.port("wc_ppn"), io.reqRootPpn) : io.reqRootPpn);
        walker.port("lookup_start").set(wcUsed);
        walker.port("lookup_start_level").set(wcN > 0 ? c.port("wc_table_level") : Hw.lit(0, MttWalker.LEVEL_WIDTH));
        UInt walkId = regInit("walk_id", p.idWidth(), 0);
        Bool walkFromMiss = regInit("walk_from_miss", false);
        when(miss.or(rangeWalk), () -> {
            walkId.set(io.reqId);
            walkFromMiss.set(miss);
        });

        // the deepest pointer the walk itself followed: the walk-cache fill (docs/cache-rtl.md "Fill")
        if (wcN > 0) {
            Bool ptrQValid = regInit("fill_ptr_q_valid", false);
            UInt ptrQLevel = regInit("fill_ptr_q_level", MttWalker.LEVEL_WIDTH, 0);
            UInt ptrQPpn = regInit("fill_ptr_q_ppn", p.ppnWidth(), 0);
            when(miss.or(rangeWalk), () -> ptrQValid.set(false)).elseWhen(walker.port("ptr_valid").asBool(), () -> {
                ptrQValid.set(true);
                ptrQLevel.set(walker.port("ptr_level"));
                ptrQPpn.set(walker.port("ptr_ppn"));
            });
            c.port("fill_ptr_valid").set(ptrQValid);
            c.port("fill_ptr_level").set(ptrQLevel);
            c.port("fill_ptr_ppn").set(ptrQPpn);
        }

        // ---- the answer of a hit: the stored leaf, the request's PA and need (cache-model.md §4.1) ----
        HitAnswer ha = hitAnswer(c, io.reqPa, io.reqNeed, tuples);

        // ---- the response register: bypass and hits, answered the cycle after the handshake ----
        UInt qId = regInit("rsp_q_id", p.idWidth(), 0);
        Bool qAllow = regInit("rsp_q_allow", false);
        UInt qCause = regInit("rsp_q_cause", WalkCause.WIDTH, 0);
        UInt qXwr = regInit("rsp_q_xwr", 3, 0);
        UInt qLevel = regInit("rsp_q_level", MttWalker.LEVEL_WIDTH, 0);
        UInt qLeafLog2 = regInit("rsp_q_leaf_log2", MttWalker.LOG2_WIDTH, 0);
        UInt qUniformLog2 = regInit("rsp_q_uniform_log2", MttWalker.LOG2_WIDTH, 0);
        Bool qCacheable = regInit("rsp_q_cacheable", false);
        Bool frontAnswer = reqFire.and(isBypass.or(hit)).named("req_answered_here");
        when(frontAnswer, () -> {
            rspQValid.set(true);
            qId.set(io.reqId);
            // bypass: allow, everything else 0 (contract); hit: the cached leaf's answer
            qAllow.set(isBypass.or(ha.allow));
            qCause.set(Hw.mux(isBypass.or(ha.allow), Hw.lit(WalkCause.NONE.code(), WalkCause.WIDTH),
                    Hw.lit(WalkCause.PERM_DENY.code(), WalkCause.WIDTH)));
            qXwr.set(Hw.mux(isBypass, Hw.lit(0, 3), ha.xwr));
            qLevel.set(Hw.mux(isBypass, Hw.lit(0, MttWalker.LEVEL_WIDTH), c.port("hit_level")));
            qLeafLog2.set(Hw.mux(isBypass, Hw.lit(0, MttWalker.LOG2_WIDTH), c.port("hit_leaf_log2").zext(MttWalker.LOG2_WIDTH)));
            qUniformLog2.set(Hw.mux(isBypass, Hw.lit(0, MttWalker.LOG2_WIDTH), ha.uniformLog2));
            qCacheable.set(isBypass.not());
        }).elseWhen(io.rspReady, () -> rspQValid.set(false));

        // ---- the response port: the register, else the walker's result ----
        Bool walkerValid = walker.port("result_valid").asBool();
        walker.port("result_ready").set(io.rspReady.and(rspQValid.not()));
        io.rspValid.set(rspQValid.or(walkerValid));
        Bool walkStale = walkFromMiss.and(c.port("walk_stale").asBool()).named("walk_stale");
        Bool wAllow = walker.port("result_allow").asBool();
        io.rspId.set(Hw.mux(rspQValid, qId, walkId));
        Bool allow = Hw.mux(rspQValid, qAllow, wAllow).named("allow");
        io.rspAllow.set(allow);
        io.rspFault.set(allow.not());
        io.rspCause.set(Hw.mux(rspQValid, qCause, walker.port("result_cause")));
        io.rspXwr.set(Hw.mux(rspQValid, qXwr, walker.port("result_xwr")));
        io.rspLevel.set(Hw.mux(rspQValid, qLevel, walker.port("result_level")));
        io.rspLeafLog2.set(Hw.mux(rspQValid, qLeafLog2, walker.port("result_leaf_log2")));
        io.rspUniformLog2.set(Hw.mux(rspQValid, qUniformLog2, walker.port("result_uniform_log2")));
        // R6: stale is judged at the response handshake; a stale walk's result is not cacheable
        io.rspCacheable.set(Hw.mux(rspQValid, qCacheable,
                walker.port("result_cacheable").asBool().and(walkStale.not())));
        io.rspStale.set(rspQValid.not().and(walkStale));

        // ---- fill at the walk's response handshake ----
        c.port("fill_valid").set(walkerValid.and(rspQValid.not()).and(io.rspReady).and(walkFromMiss));
        c.port("fill_cacheable").set(walker.port("result_cacheable"));
        c.port("fill_leaf_rsvd").set(walker.port("result_leaf_rsvd"));
        c.port("fill_leaf_level").set(walker.port("result_level"));
        c.port("fill_leaf_kind").set(walker.port("result_leaf_kind"));
        c.port("fill_leaf_log2").set(walker.port("result_leaf_log2").bits(5, 0));
        c.port("fill_tuple_log2").set(walker.port("result_tuple_log2").bits(5, 0));
        c.port("fill_tuples").set(walker.port("result_tuples"));

        // ---- invalidation and sync: the cache's MINVAL.PA queue ----
        c.port("inv_valid").set(io.invValid);
        io.invReady.set(c.port("inv_ready").asBool());
        c.port("inv_has_pa").set(io.invHasPa);
        c.port("inv_pa").set(io.invPa);
        if (sdidLen > 0) {
            c.port("inv_has_sdid").set(io.invHasSdid);
            c.port("inv_sdid").set(io.invSdid.bits(sdidLen - 1, 0));
        }
        c.port("sync_valid").set(io.syncReq);
        io.syncAck.set(c.port("sync_ack").asBool());

        // ---- observation: v1's pulse carries the lookup; the obs_* extension outputs the rest ----
        int s = setWidth();
        UInt paSet = cache.leafSets() > 1
                ? io.reqPa.bits(cp.leafRange() + cp.setBits() - 1, cp.leafRange()).named("req_leaf_set")
                : Hw.lit(0, 1);
        io.obsValid.set(hit.or(miss));
        io.obsKind.set(Hw.mux(hit, Hw.lit(OBS_HIT, OBS_KIND_WIDTH), Hw.lit(OBS_MISS, OBS_KIND_WIDTH)));
        io.obsArray.set(Hw.mux(hit, c.port("hit_array").zext(OBS_ARRAY_WIDTH), Hw.lit(0, OBS_ARRAY_WIDTH)));
        io.obsSet.set(Hw.mux(hit, c.port("hit_set"), paSet.zext(s)));
        io.obsWay.set(Hw.mux(hit, c.port("hit_way"), Hw.lit(0, wayWidth())));
        if (wcN > 0) {
            output("obs_wc_hit").set(wcUsed);
            output("obs_wc_index", Hw.indexWidth(wcN)).set(c.port("wc_index"));
            output("obs_fill_walk").set(c.port("obs_fill_walk").asBool());
            output("obs_fill_walk_evict").set(c.port("obs_fill_walk_evict").asBool());
            output("obs_fill_walk_way", Hw.indexWidth(wcN)).set(c.port("obs_fill_walk_way"));
        }
        output("obs_fill_leaf").set(c.port("obs_fill_leaf").asBool());
        output("obs_fill_leaf_evict").set(c.port("obs_fill_leaf_evict").asBool());
        output("obs_fill_leaf_array").set(c.port("obs_fill_leaf_array").asBool());
        output("obs_fill_leaf_set", s).set(c.port("obs_fill_leaf_set"));
        output("obs_fill_leaf_way", wayWidth()).set(c.port("obs_fill_leaf_way"));
        output("obs_inv_apply").set(c.port("obs_inv_apply").asBool());
        output("obs_inv_leaf", cache.leafSets() * cache.leafWays()).set(c.port("obs_inv_leaf"));
        output("obs_inv_superpage", cache.superpageEntries()).set(c.port("obs_inv_superpage"));
        if (wcN > 0) {
            output("obs_inv_walk", wcN).set(c.port("obs_inv_walk"));
        }

        // log2 values stay below 64: the cache stores 6 bits of them
        List<UInt> unused = new ArrayList<>(List.of(walker.port("result_mpte"), walker.port("result_leaf_log2").bit(6),
                walker.port("result_tuple_log2").bit(6)));
        if (wcN == 0) {
            unused.addAll(List.of(walker.port("ptr_valid"), walker.port("ptr_level"), walker.port("ptr_ppn")));
        }
        if (sdidLen == 0) {
            unused.add(io.reqSdid);
            unused.add(io.invHasSdid);
            unused.add(io.invSdid);
        }
        if (p.paw() < p.paWidth()) {
            unused.add(io.reqPa.bits(p.paWidth() - 1, p.paw())); // out-of-range PAs never reach the cache
        }
        wireInit("inputs_unused", Hw.cat(unused).xorR());
    }

    /** The answer of a hit, from the cache's {@code hit_*} outputs. */
    private record HitAnswer(UInt xwr, Bool allow, UInt uniformLog2) {
    }

    /**
     * Selects the tuple covering the PA ({@code tuple_log2} is one of a few constants per configuration, so a
     * small mux replaces a shifter), then XWR, allow and {@code uniform_log2} exactly as the walker derives them
     * for a fresh leaf ({@link LeafTuples#uniformExtra}).
     */
    private HitAnswer hitAnswer(MttCache c, UInt pa, UInt need, int tuples) {
        int k = Integer.numberOfTrailingZeros(tuples);
        UInt kind = c.port("hit_kind");
        UInt tupleLog2 = c.port("hit_tuple_log2");
        UInt packed = c.port("hit_tuples");
        List<UInt> tupleList = new ArrayList<>();
        for (int i = 0; i < tuples; i++) {
            tupleList.add(packed.bits(3 * i + 2, 3 * i));
        }
        UInt index = Hw.lit(0, k);
        for (int t : tupleLog2Values()) {
            index = Hw.mux(tupleLog2.eq(t), pa.bits(t + k - 1, t), index);
        }
        Bool tuplesKind = kind.eq(MttWalker.KIND_TUPLES).named("hit_is_tuples");
        UInt tupleIndex = Hw.mux(tuplesKind, index, Hw.lit(0, k)).named("hit_tuple_index");
        UInt xwr = Hw.select(tupleIndex, tupleList).named("hit_xwr");
        Bool allow = need.and(xwr.not()).orR().not().named("hit_allow");
        UInt uniform = Hw.mux(tuplesKind,
                tupleLog2.zext(MttWalker.LOG2_WIDTH).add(
                        LeafTuples.uniformExtra("hit_tuple", tupleList, xwr, tupleIndex).zext(MttWalker.LOG2_WIDTH)),
                c.port("hit_leaf_log2").zext(MttWalker.LOG2_WIDTH)).named("hit_uniform_log2");
        return new HitAnswer(xwr, allow, uniform);
    }

    /** Every tuple range a TUPLES leaf of this configuration can have (v0.9 per level, v0.1 MTTL1 and pages). */
    private TreeSet<Integer> tupleLog2Values() {
        TreeSet<Integer> out = new TreeSet<>();
        boolean rv64 = p.xlen() == 64;
        for (WalkMode m : p.modes()) {
            for (int level = 0; level <= m.rootLevel(); level++) {
                if (m.v09()) {
                    out.add(rv64 ? 12 + 9 * level : 12 + 10 * level);
                } else if (level <= 1) {
                    out.add(level == 0 ? 12 : (rv64 ? 21 : 22));
                }
            }
        }
        return out;
    }
}
