package io.mttkit.gen.checker;

import io.mttkit.gen.walker.MttWalker;
import io.mttkit.gen.walker.WalkCause;
import io.mttkit.gen.walker.WalkerParams;
import io.mttkit.hdl.Bool;
import io.mttkit.hdl.Hw;
import io.mttkit.hdl.Module;
import io.mttkit.hdl.UInt;
import java.util.List;

/**
 * The cache-less MTT checker top: checker port contract v1 (docs/bridge.md) around one {@link MttWalker}.
 *
 * <p>One check at a time ({@code req_ready} low while a check is in flight or its response waits); responses in
 * request order. Bare mode ({@code req_mode[3:0]} = 0) and {@code req_bypass} answer one cycle after the
 * handshake with allow and no reads. There is no cache, so invalidations are accepted at once and
 * {@code sync_ack} follows {@code sync_req} (nothing can be filled), {@code rsp_stale} is 0 and the observation
 * port only shows the walker state. The MTT cache will sit between these request ports and the walker's lookup
 * port.
 */
public final class MttChecker extends Module {
    /** Width of {@code req_mode}: {@code {format, MODE[3:0]}}. */
    public static final int MODE_WIDTH = 5;
    /** Width of {@code obs_kind}. */
    public static final int OBS_KIND_WIDTH = 3;
    /** Width of {@code obs_array}. */
    public static final int OBS_ARRAY_WIDTH = 2;

    private final WalkerParams p;

    /** A checker top for {@code params}. */
    public MttChecker(WalkerParams params) {
        this.p = params;
        param("xlen", params.xlen());
        param("fmt", params.formats().name().toLowerCase());
        param("paw", params.paw());
        param("sdid", params.sdidLen());
        param("id", params.idWidth());
        param("scope", params.rsvdTupleScope().name().toLowerCase());
        param("gig", params.v01OneGigAsOneGiB() ? 1 : 0);
        param("be", params.bigEndianSupport() ? 1 : 0);
        param("pmplat", params.pmpLatency());
    }

    @Override
    protected void build() {
        doc("MTT checker, port contract v1, no cache (" + p.xlen() + "-bit, formats " + p.formats() + ", paw "
                + p.paw() + ").\nOne check at a time through u_walker; bypass/Bare answered here; invalidations "
                + "and syncs complete at once (nothing is cached).");
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

        Bool mrdValid = output("mrd_valid");
        Bool mrdReady = input("mrd_ready");
        UInt mrdAddr = output("mrd_addr", p.paw());
        UInt mrdSize = output("mrd_size", MttWalker.SIZE_WIDTH);
        UInt mrdTag = output("mrd_tag", MttWalker.TAG_WIDTH);
        Bool mrsValid = input("mrs_valid");
        UInt mrsData = input("mrs_data", MttWalker.DATA_WIDTH);
        Bool mrsErr = input("mrs_err");
        UInt mrsTag = input("mrs_tag", MttWalker.TAG_WIDTH);

        Bool pmpValid = output("pmp_valid");
        UInt pmpAddr = output("pmp_addr", p.paw());
        UInt pmpSize = output("pmp_size", MttWalker.SIZE_WIDTH);
        Bool pmpOk = input("pmp_ok");

        Bool invValid = input("inv_valid");
        Bool invReady = output("inv_ready");
        Bool invHasPa = input("inv_has_pa");
        UInt invPa = input("inv_pa", p.paw());
        Bool invHasSdid = input("inv_has_sdid");
        UInt invSdid = input("inv_sdid", p.sdidPortWidth());
        Bool syncReq = input("sync_req");
        Bool syncAck = output("sync_ack");

        Bool rspValid = output("rsp_valid");
        Bool rspReady = input("rsp_ready");
        UInt rspId = output("rsp_id", p.idWidth());
        Bool rspAllow = output("rsp_allow");
        Bool rspFault = output("rsp_fault");
        UInt rspCause = output("rsp_cause", WalkCause.WIDTH);
        UInt rspXwr = output("rsp_xwr", 3);
        UInt rspLevel = output("rsp_level", MttWalker.LEVEL_WIDTH);
        UInt rspLeafLog2 = output("rsp_leaf_log2", MttWalker.LOG2_WIDTH);
        UInt rspUniformLog2 = output("rsp_uniform_log2", MttWalker.LOG2_WIDTH);
        Bool rspCacheable = output("rsp_cacheable");
        Bool rspStale = output("rsp_stale");

        MttWalker walker = instance("u_walker", new MttWalker(p));
        int stateW = walker.port("walker_state").width();
        Bool obsValid = output("obs_valid");
        UInt obsKind = output("obs_kind", OBS_KIND_WIDTH);
        UInt obsArray = output("obs_array", OBS_ARRAY_WIDTH);
        UInt obsSet = output("obs_set", 1);
        UInt obsWay = output("obs_way", 1);
        UInt obsWalkerState = output("obs_walker_state", stateW);

        // ---- request front end ----
        UInt rspIdReg = regInit("rsp_id_q", p.idWidth(), 0);
        Bool bypassPending = regInit("bypass_pending", false);
        // Bare (MODE 0, either format) behaves as bypass (docs/bridge.md, port contract v1).
        Bool isBypass = reqBypass.or(reqMode.bits(3, 0).eq(0)).named("req_is_bypass");
        Bool walkerIdle = walker.port("lookup_ready").asBool();
        reqReady.set(walkerIdle.and(bypassPending.not()));
        Bool reqFire = reqValid.and(reqReady).named("req_fire");

        walker.port("lookup_valid").set(reqValid.and(isBypass.not()).and(bypassPending.not()));
        walker.port("lookup_pa").set(reqPa);
        walker.port("lookup_need").set(reqNeed);
        walker.port("lookup_format").set(reqMode.bit(4));
        walker.port("lookup_mode").set(reqMode.bits(3, 0));
        walker.port("lookup_root_ppn").set(reqRootPpn);
        walker.port("lookup_be").set(reqBe);

        when(reqFire, () -> {
            rspIdReg.set(reqId);
            when(isBypass, () -> bypassPending.set(true));
        });
        when(bypassPending.and(rspReady), () -> bypassPending.set(false));

        // ---- memory and PMP ports: the walker's own ----
        mrdValid.set(walker.port("mrd_valid").asBool());
        walker.port("mrd_ready").set(mrdReady);
        mrdAddr.set(walker.port("mrd_addr"));
        mrdSize.set(walker.port("mrd_size"));
        mrdTag.set(walker.port("mrd_tag"));
        walker.port("mrs_valid").set(mrsValid);
        walker.port("mrs_data").set(mrsData);
        walker.port("mrs_err").set(mrsErr);
        walker.port("mrs_tag").set(mrsTag);
        pmpValid.set(walker.port("pmp_valid").asBool());
        pmpAddr.set(walker.port("pmp_addr"));
        pmpSize.set(walker.port("pmp_size"));
        walker.port("pmp_ok").set(pmpOk);

        // ---- response: the bypass answer, else the walker's result ----
        Bool walkerValid = walker.port("result_valid").asBool();
        walker.port("result_ready").set(rspReady);
        rspValid.set(bypassPending.or(walkerValid));
        rspId.set(rspIdReg);
        Bool allow = bypassPending.or(walker.port("result_allow").asBool()).named("allow");
        rspAllow.set(allow);
        rspFault.set(allow.not());
        rspCause.set(Hw.mux(bypassPending, Hw.lit(WalkCause.NONE.code(), WalkCause.WIDTH), walker.port("result_cause")));
        rspXwr.set(Hw.mux(bypassPending, Hw.lit(0, 3), walker.port("result_xwr")));
        rspLevel.set(Hw.mux(bypassPending, Hw.lit(0, MttWalker.LEVEL_WIDTH), walker.port("result_level")));
        rspLeafLog2.set(Hw.mux(bypassPending, Hw.lit(0, MttWalker.LOG2_WIDTH), walker.port("result_leaf_log2")));
        rspUniformLog2.set(Hw.mux(bypassPending, Hw.lit(0, MttWalker.LOG2_WIDTH), walker.port("result_uniform_log2")));
        rspCacheable.set(bypassPending.not().and(walker.port("result_cacheable").asBool()));
        rspStale.set(false); // no cache: nothing can go stale

        // ---- invalidation and sync: nothing cached, nothing to apply ----
        invReady.set(true);
        syncAck.set(syncReq);

        // ---- observation: no cache events; the walker state for debugging ----
        obsValid.set(false);
        obsKind.set(Hw.lit(0, OBS_KIND_WIDTH));
        obsArray.set(Hw.lit(0, OBS_ARRAY_WIDTH));
        obsSet.set(Hw.lit(0, 1));
        obsWay.set(Hw.lit(0, 1));
        obsWalkerState.set(walker.port("walker_state"));

        // Inputs a cache-less checker does not need; Verilator accepts names matching *unused*.
        wireInit("inputs_unused", Hw.cat(List.of(reqSdid, invValid, invHasPa, invPa, invHasSdid, invSdid)).xorR());
    }
}
