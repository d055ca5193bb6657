package io.mttkit.gen.cache;

import io.mttkit.hdl.Bool;
import io.mttkit.hdl.Hw;
import io.mttkit.hdl.Module;
import io.mttkit.hdl.UInt;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The MTT cache in front of the table walker, generated from the normative policy {@code docs/cache-model.md}:
 * a set-associative leaf array (§3.1), a fully associative superpage/NAPOT array (§3.2), a fully associative
 * walk cache (§3.3), tree-PLRU replacement (§5), fills at the walk's response (§6), CAM invalidation with the
 * MINVAL.PA queue and sync (§7), and observation outputs that report every event of §8 exactly. The internal
 * interface (ports, timing, and why) is documented in {@code docs/cache-rtl.md}.
 *
 * <p>All state is in registers (valid bits, tags, data): an SDID or global invalidation compares every entry in
 * one cycle, which a RAM could not.
 */
public final class MttCache extends Module {
    /** {@code hit_kind}/{@code fill_leaf_kind} encoding of a TUPLES leaf. */
    public static final int KIND_TUPLES = 0;
    /** {@code hit_kind}/{@code fill_leaf_kind} encoding of a NAPOT leaf (one XWR in tuple 0). */
    public static final int KIND_NAPOT = 1;
    /** {@code hit_kind}/{@code fill_leaf_kind} encoding of a UNIFORM leaf (one XWR in tuple 0). */
    public static final int KIND_UNIFORM = 2;

    private final MttCacheParams p;

    /** @param params the checked parameters (cache-model.md §1) */
    public MttCache(MttCacheParams params) {
        this.p = params;
        param("xlen", params.xlen());
        param("paw", params.paw());
        param("sets", params.leafSets());
        param("ways", params.leafWays());
        param("sp", params.superpageEntries());
        param("wc", params.walkCacheEntries());
        param("sdidlen", params.sdidLen());
        param("qdepth", params.minvalQueueDepth());
        param("pafencewc", params.paFenceDropsWalkCache() ? 1 : 0);
        param("onegib", params.v01OneGigAsOneGiB() ? 1 : 0);
    }

    /** The parameters this module was built with. */
    public MttCacheParams params() {
        return p;
    }

    /** The common tag of every entry (cache-model.md §2); {@code sdid} is null when {@code sdidLen} is 0. */
    private record Ctx(UInt sdid, UInt format, UInt mode) {
        Bool matches(Ctx other) {
            Bool fm = format.eq(other.format).and(mode.eq(other.mode));
            return sdid == null ? fm : fm.and(sdid.eq(other.sdid));
        }
    }

    private int paw;
    private int sdidLen;

    @Override
    protected void build() {
        paw = p.paw();
        sdidLen = p.sdidLen();
        final int r = p.leafRange();
        final int s = p.setBits();
        final int sets = p.leafSets();
        final int ways = p.leafWays();
        final int spN = p.superpageEntries();
        final int wcN = p.walkCacheEntries();
        final int tupW = 3 * p.tupleCount();
        final int tagLo = r + s;
        final int tagW = paw - tagLo;
        final int setW = Hw.indexWidth(sets);
        final int leafWayW = Hw.indexWidth(ways);
        final int spW = Hw.indexWidth(spN);
        final int wayW = Math.max(leafWayW, spW);
        final int depth = p.minvalQueueDepth();
        doc("MTT cache (docs/cache-model.md, interface in docs/cache-rtl.md): " + sets + " sets x " + ways
                + " ways leaf array, " + spN + "-entry superpage/NAPOT array, " + wcN + "-entry walk cache,\n"
                + depth + "-entry MINVAL.PA queue. Entries are registers; PLRU trees in heap order (§5).\n"
                + "Lookups answer combinationally; fills take priority over lookups (lookup_ready = !fill_valid).\n"
                + "lookup_*/hit_*: front-end probe (§4.3, priority leaf > lowest level > smallest size > index);\n"
                + "miss/wc_*: walk start and deepest walk-cache match (§6.1); walk_stale_q: R1 for the walk in flight;\n"
                + "fill_*: fills at the response (§6.2 conditions, §6.3 placement: same tag in place, else lowest\n"
                + "invalid way, else PLRU victim); inv_*/q_*: MINVAL.PA queue, applied oldest first when idle, full\n"
                + "or syncing (§7, §7.1); *_clear_*: the CAM invalidation of the applied operand (§7 table);\n"
                + "obs_*: every event of §8 (fills, evictions; obs_inv_* = the entries cleared this cycle).");

        // ---------------------------------------------------------------- ports
        Bool lookupValid = input("lookup_valid");
        UInt lookupPa = input("lookup_pa", paw);
        Ctx lookupCtx = new Ctx(sdidLen > 0 ? input("lookup_sdid", sdidLen) : null, input("lookup_format"),
                input("lookup_mode", 2));
        Bool walkReady = input("walk_ready");
        Bool lookupReady = output("lookup_ready");
        Bool hitOut = output("hit");
        Bool hitArray = output("hit_array");
        UInt hitSet = output("hit_set", setW);
        UInt hitWay = output("hit_way", wayW);
        UInt hitLevel = output("hit_level", 3);
        UInt hitKind = output("hit_kind", 2);
        UInt hitLeafLog2 = output("hit_leaf_log2", 6);
        UInt hitTupleLog2 = output("hit_tuple_log2", 6);
        UInt hitTuples = output("hit_tuples", tupW);
        Bool missOut = output("miss");
        Bool wcHitOut = wcN > 0 ? output("wc_hit") : null;
        UInt wcIndexOut = wcN > 0 ? output("wc_index", Hw.indexWidth(wcN)) : null;
        UInt wcLevelOut = wcN > 0 ? output("wc_table_level", 3) : null;
        UInt wcPpnOut = wcN > 0 ? output("wc_ppn", p.ppnWidth()) : null;
        Bool walkStaleOut = output("walk_stale");

        Bool fillValid = input("fill_valid");
        Bool fillCacheable = input("fill_cacheable");
        Bool fillLeafRsvd = input("fill_leaf_rsvd");
        UInt fillLeafLevel = input("fill_leaf_level", 3);
        UInt fillLeafKind = input("fill_leaf_kind", 2);
        UInt fillLeafLog2 = input("fill_leaf_log2", 6);
        UInt fillTupleLog2 = input("fill_tuple_log2", 6);
        UInt fillTuples = input("fill_tuples", tupW);
        Bool fillPtrValid = wcN > 0 ? input("fill_ptr_valid") : null;
        UInt fillPtrLevel = wcN > 0 ? input("fill_ptr_level", 3) : null;
        UInt fillPtrPpn = wcN > 0 ? input("fill_ptr_ppn", p.ppnWidth()) : null;

        InvPort invPort = new InvPort(input("inv_valid"), output("inv_ready"), input("inv_has_pa"), input("inv_pa", paw),
                sdidLen > 0 ? input("inv_has_sdid") : null, sdidLen > 0 ? input("inv_sdid", sdidLen) : null,
                input("sync_valid"), output("sync_ack"));

        Bool obsFillWalk = wcN > 0 ? output("obs_fill_walk") : null;
        Bool obsFillWalkEvict = wcN > 0 ? output("obs_fill_walk_evict") : null;
        UInt obsFillWalkWay = wcN > 0 ? output("obs_fill_walk_way", Hw.indexWidth(wcN)) : null;
        Bool obsFillLeaf = output("obs_fill_leaf");
        Bool obsFillLeafEvict = output("obs_fill_leaf_evict");
        Bool obsFillLeafArray = output("obs_fill_leaf_array");
        UInt obsFillLeafSet = output("obs_fill_leaf_set", setW);
        UInt obsFillLeafWay = output("obs_fill_leaf_way", wayW);
        Bool obsInvApply = output("obs_inv_apply");
        UInt obsInvLeaf = output("obs_inv_leaf", sets * ways);
        UInt obsInvSuperpage = output("obs_inv_superpage", spN);
        UInt obsInvWalk = wcN > 0 ? output("obs_inv_walk", wcN) : null;

        // ---------------------------------------------------------------- state (§3, reset §5)
        List<List<LeafEntry>> leaf = new ArrayList<>();
        List<UInt> leafPlru = new ArrayList<>();
        for (int i = 0; i < sets; i++) {
            List<LeafEntry> row = new ArrayList<>();
            for (int j = 0; j < ways; j++) {
                String sfx = "_s" + i + "_w" + j;
                row.add(new LeafEntry(regInit("leaf_valid" + sfx, false), ctxRegs("leaf", sfx),
                        reg("leaf_tag" + sfx, tagW), reg("leaf_tuples" + sfx, tupW)));
            }
            leaf.add(row);
            if (ways > 1) {
                leafPlru.add(regInit("leaf_plru_s" + i, ways - 1, 0));
            }
        }
        List<SpEntry> sp = new ArrayList<>();
        for (int e = 0; e < spN; e++) {
            String sfx = "_" + e;
            sp.add(new SpEntry(regInit("sp_valid" + sfx, false), ctxRegs("sp", sfx), reg("sp_level" + sfx, 3),
                    reg("sp_size_log2" + sfx, 6), reg("sp_base" + sfx, paw), reg("sp_kind" + sfx, 2),
                    reg("sp_tuple_log2" + sfx, 6), reg("sp_tuples" + sfx, tupW)));
        }
        UInt spPlru = spN > 1 ? regInit("sp_plru", spN - 1, 0) : null;
        List<WcEntry> wc = new ArrayList<>();
        for (int e = 0; e < wcN; e++) {
            String sfx = "_" + e;
            wc.add(new WcEntry(regInit("wc_valid" + sfx, false), ctxRegs("wc", sfx), reg("wc_table_level" + sfx, 3),
                    reg("wc_prefix" + sfx, paw), reg("wc_ppn" + sfx, p.ppnWidth())));
        }
        UInt wcPlru = wcN > 1 ? regInit("wc_plru", wcN - 1, 0) : null;

        // The walk in flight: its start context (R4: fills carry it) and R1's staleness (one walk at a time).
        UInt walkPa = reg("walk_pa", paw);
        Ctx walkCtx = ctxRegs("walk", "");
        Bool walkStale = regInit("walk_stale_q", false);
        walkStaleOut.set(walkStale);

        // ---------------------------------------------------------------- MINVAL.PA queue (§7.1)
        QueueHead inv = minvalQueue(invPort, lookupValid.or(fillValid));
        Bool invApply = inv.apply;
        obsInvApply.set(invApply);

        // ---------------------------------------------------------------- front-end probe (§4.3)
        Bool ready = fillValid.not();
        lookupReady.set(ready);
        UInt lookupSet = s > 0 ? lookupPa.bits(tagLo - 1, r).named("lookup_set") : Hw.lit(0, 1);
        UInt lookupTag = lookupPa.bits(paw - 1, tagLo).named("lookup_tag");
        List<Bool> leafHits = new ArrayList<>();
        List<UInt> leafWayTuples = new ArrayList<>();
        for (int j = 0; j < ways; j++) {
            int jj = j;
            LeafEntry sel = selectLeaf(leaf, lookupSet, jj);
            leafHits.add(sel.valid.and(sel.ctx.matches(lookupCtx)).and(sel.tag.eq(lookupTag))
                    .named("leaf_hit_w" + j));
            leafWayTuples.add(sel.tuples);
        }
        // one bit per way, named so that the priority encoder reads its bits (not a temporary's)
        UInt leafHitWays = Hw.catLsbFirst(leafHits).named("leaf_hit_ways");
        Bool leafHit = leafHitWays.orR().named("leaf_hit");
        UInt leafHitWay = nameUnlessConstant(Hw.priorityEncode(leafHitWays), "leaf_hit_way", ways);
        List<Bool> spHits = new ArrayList<>();
        for (int e = 0; e < spN; e++) {
            SpEntry x = sp.get(e);
            spHits.add(x.valid.and(x.ctx.matches(lookupCtx)).and(covers(lookupPa, x.base, x.sizeLog2))
                    .named("sp_hit_" + e));
        }
        // Among superpage hits: lowest level, then smallest size_log2, then lowest index (§4.3).
        List<UInt> spPriority = new ArrayList<>();
        for (int e = 0; e < spN; e++) {
            UInt key = sp.get(e).level.cat(sp.get(e).sizeLog2);
            spPriority.add(spN == 1 ? key : key.named("sp_priority_" + e));
        }
        UInt spWin = Hw.catLsbFirst(lowestKey("sp_hit", spHits, spPriority))
                .named("sp_hit_onehot");
        Bool spHit = spWin.orR().named("sp_hit");
        Bool anyHit = leafHit.or(spHit).named("any_hit");
        Bool hit = lookupValid.and(ready).and(anyHit).named("hit_accepted");
        hitOut.set(hit);
        hitArray.set(leafHit.not());
        hitSet.set(Hw.mux(leafHit, lookupSet, Hw.lit(0, setW)));
        UInt spHitIndex = nameUnlessConstant(Hw.oneHotToIndex(spWin), "sp_hit_index", spN);
        hitWay.set(Hw.mux(leafHit, leafHitWay.zext(wayW), spHitIndex.zext(wayW)));
        hitLevel.set(Hw.mux(leafHit, Hw.lit(0, 3), Hw.selectOneHot(spWin, sp.stream().map(x -> x.level).toList())));
        hitKind.set(Hw.mux(leafHit, Hw.lit(KIND_TUPLES, 2),
                Hw.selectOneHot(spWin, sp.stream().map(x -> x.kind).toList())));
        hitLeafLog2.set(Hw.mux(leafHit, Hw.lit(r, 6),
                Hw.selectOneHot(spWin, sp.stream().map(x -> x.sizeLog2).toList())));
        hitTupleLog2.set(Hw.mux(leafHit, Hw.lit(12, 6),
                Hw.selectOneHot(spWin, sp.stream().map(x -> x.tupleLog2).toList())));
        hitTuples.set(Hw.mux(leafHit, ways == 1 ? leafWayTuples.get(0) : Hw.select(leafHitWay, leafWayTuples),
                Hw.selectOneHot(spWin, sp.stream().map(x -> x.tuples).toList())));
        Bool miss = lookupValid.and(ready).and(anyHit.not()).and(walkReady).named("miss_accepted");
        missOut.set(miss);

        // ---------------------------------------------------------------- walk start (§6.1)
        Bool wcHit = null;
        UInt wcIndex = null;
        if (wcN > 0) {
            List<Bool> wcHits = new ArrayList<>();
            for (int e = 0; e < wcN; e++) {
                WcEntry x = wc.get(e);
                wcHits.add(x.valid.and(x.ctx.matches(lookupCtx))
                        .and(lookupPa.and(coverMask(x.ctx.format, x.tableLevel)).eq(x.prefix)).named("wc_match_" + e));
            }
            // The deepest match: lowest table_level, then lowest index.
            UInt wcWin = Hw.catLsbFirst(lowestKey("wc_match", wcHits, wc.stream().map(x -> x.tableLevel).toList()))
                    .named("wc_match_onehot");
            wcHit = wcWin.orR().named("wc_match");
            wcIndex = nameUnlessConstant(Hw.oneHotToIndex(wcWin), "wc_match_index", wcN);
            wcHitOut.set(wcHit);
            wcIndexOut.set(wcIndex);
            wcLevelOut.set(Hw.selectOneHot(wcWin, wc.stream().map(x -> x.tableLevel).toList()));
            wcPpnOut.set(Hw.selectOneHot(wcWin, wc.stream().map(x -> x.ppn).toList()));
        }
        when(miss, () -> {
            walkPa.set(lookupPa);
            setCtx(walkCtx, lookupCtx);
        });
        // R1: the walk is stale once an invalidation is applied after its start; one applied in the start cycle
        // counts (the probe used the old entries).
        when(miss, () -> walkStale.set(invApply)).elseWhen(invApply, () -> walkStale.set(true));

        // ---------------------------------------------------------------- fills (§6.2, §6.3)
        // R1 (not stale) and R2 (no invalidation in the same cycle: it wins).
        Bool fillOk = fillValid.and(walkStale.not()).and(invApply.not()).named("fill_ok");
        // §6.2.1: a walk that faulted fills nothing, in any structure; a leaf with a reserved tuple encoding is not
        // filled into the leaf or superpage array (the walk-cache fill still happens).
        Bool leafFill = fillOk.and(fillCacheable).and(fillLeafRsvd.not()).named("fill_leaf");
        Bool toLeafArray = fillLeafLevel.eq(0).and(fillLeafKind.eq(KIND_TUPLES)).named("fill_is_level0_tuples");
        Bool fillLeafArr = leafFill.and(toLeafArray).named("fill_leaf_array");
        Bool fillSp = leafFill.and(toLeafArray.not()).named("fill_superpage");

        // Leaf array: the set from the walk's PA; overwrite a same-tag way in place, else the victim.
        UInt walkSet = s > 0 ? walkPa.bits(tagLo - 1, r).named("walk_set") : Hw.lit(0, 1);
        UInt walkTag = walkPa.bits(paw - 1, tagLo).named("walk_tag");
        List<Bool> leafDup = new ArrayList<>();
        List<Bool> leafValidSel = new ArrayList<>();
        for (int j = 0; j < ways; j++) {
            LeafEntry sel = selectLeaf(leaf, walkSet, j);
            Bool valid = sets == 1 ? sel.valid : sel.valid.named("walk_set_valid_w" + j);
            leafValidSel.add(valid);
            leafDup.add(valid.and(sel.ctx.matches(walkCtx)).and(sel.tag.eq(walkTag)).named("leaf_dup_w" + j));
        }
        UInt leafPlruSel = ways > 1
                ? (sets == 1 ? leafPlru.get(0) : Hw.select(walkSet, leafPlru).named("walk_set_plru"))
                : null;
        Placement leafPlace = place("leaf_fill", leafDup, leafValidSel, leafPlruSel, ways);
        for (int i = 0; i < sets; i++) {
            for (int j = 0; j < ways; j++) {
                LeafEntry x = leaf.get(i).get(j);
                when(fillLeafArr.and(walkSet.eq(i)).and(leafPlace.way.eq(j)), () -> {
                    x.valid.set(true);
                    setCtx(x.ctx, walkCtx);
                    x.tag.set(walkTag);
                    x.tuples.set(fillTuples);
                });
            }
            if (ways > 1) {
                UInt plru = leafPlru.get(i);
                when(hit.and(leafHit).and(lookupSet.eq(i)), () -> plru.set(PlruTree.touch(plru, leafHitWay, ways)))
                        .elseWhen(fillLeafArr.and(walkSet.eq(i)), () -> plru.set(PlruTree.touch(plru, leafPlace.way, ways)));
            }
        }

        // Superpage array: base = PA with the bits below the leaf's range cleared.
        UInt fillBase = walkPa.and(Hw.ones(paw).shl(fillLeafLog2)).named("fill_base");
        List<Bool> spDup = new ArrayList<>();
        for (int e = 0; e < spN; e++) {
            SpEntry x = sp.get(e);
            spDup.add(x.valid.and(x.ctx.matches(walkCtx)).and(x.level.eq(fillLeafLevel))
                    .and(x.sizeLog2.eq(fillLeafLog2)).and(x.base.eq(fillBase)).named("sp_dup_" + e));
        }
        Placement spPlace = place("sp_fill", spDup, sp.stream().map(x -> x.valid).toList(), spPlru, spN);
        for (int e = 0; e < spN; e++) {
            SpEntry x = sp.get(e);
            when(fillSp.and(spPlace.way.eq(e)), () -> {
                x.valid.set(true);
                setCtx(x.ctx, walkCtx);
                x.level.set(fillLeafLevel);
                x.sizeLog2.set(fillLeafLog2);
                x.base.set(fillBase);
                x.kind.set(fillLeafKind);
                x.tupleLog2.set(fillTupleLog2);
                x.tuples.set(fillTuples);
            });
        }
        if (spPlru != null) {
            when(hit.and(leafHit.not()), () -> spPlru.set(PlruTree.touch(spPlru, spHitIndex, spN)))
                    .elseWhen(fillSp, () -> spPlru.set(PlruTree.touch(spPlru, spPlace.way, spN)));
        }
        obsFillLeaf.set(fillLeafArr.or(fillSp));
        obsFillLeafArray.set(fillSp);
        obsFillLeafSet.set(Hw.mux(fillSp, Hw.lit(0, setW), walkSet));
        obsFillLeafWay.set(Hw.mux(fillSp, spPlace.way.zext(wayW), leafPlace.way.zext(wayW)));
        obsFillLeafEvict.set(Hw.mux(fillSp, spPlace.evict, leafPlace.evict).and(fillLeafArr.or(fillSp)));

        // Walk cache: the deepest pointer the walk followed; prefix = PA above the table's cover.
        if (wcN > 0) {
            Bool fillWc = fillOk.and(fillCacheable).and(fillPtrValid).named("fill_walk_cache");
            UInt fillPrefix = walkPa.and(coverMask(walkCtx.format, fillPtrLevel)).named("fill_prefix");
            List<Bool> wcDup = new ArrayList<>();
            for (int e = 0; e < wcN; e++) {
                WcEntry x = wc.get(e);
                wcDup.add(x.valid.and(x.ctx.matches(walkCtx)).and(x.tableLevel.eq(fillPtrLevel))
                        .and(x.prefix.eq(fillPrefix)).named("wc_dup_" + e));
            }
            Placement wcPlace = place("wc_fill", wcDup, wc.stream().map(x -> x.valid).toList(), wcPlru, wcN);
            for (int e = 0; e < wcN; e++) {
                WcEntry x = wc.get(e);
                when(fillWc.and(wcPlace.way.eq(e)), () -> {
                    x.valid.set(true);
                    setCtx(x.ctx, walkCtx);
                    x.tableLevel.set(fillPtrLevel);
                    x.prefix.set(fillPrefix);
                    x.ppn.set(fillPtrPpn);
                });
            }
            if (wcPlru != null) {
                UInt idx = wcIndex;
                Bool wh = wcHit;
                when(miss.and(wh), () -> wcPlru.set(PlruTree.touch(wcPlru, idx, wcN)))
                        .elseWhen(fillWc, () -> wcPlru.set(PlruTree.touch(wcPlru, wcPlace.way, wcN)));
            }
            obsFillWalk.set(fillWc);
            obsFillWalkWay.set(wcPlace.way);
            obsFillWalkEvict.set(fillWc.and(wcPlace.evict));
        }

        // ---------------------------------------------------------------- invalidation (§7)
        invalidate(inv, leaf, sp, wc, obsInvLeaf, obsInvSuperpage, obsInvWalk);
    }

    /** The invalidation port of cache-model.md §7: operand, rs1/rs2 ≠ x0 flags, and the sync handshake. */
    private record InvPort(Bool valid, Bool ready, Bool hasPa, UInt pa, Bool hasSdid, UInt sdid, Bool syncValid,
                           Bool syncAck) {}

    /** The queue head being applied in this cycle ({@code apply}) and its operand. */
    private record QueueHead(Bool apply, Bool hasPa, UInt pa, Bool hasSdid, UInt sdid) {}

    /**
     * The MINVAL.PA FIFO (§7.1): enqueue while not full; the head is applied when the cache is not {@code busy}
     * (no lookup, no fill), when the queue is full (so a stream of lookups cannot starve MINVAL.PA) or when a sync
     * waits; {@code sync_ack} once the queue is empty.
     */
    private QueueHead minvalQueue(InvPort port, Bool busy) {
        int depth = p.minvalQueueDepth();
        int ptrW = Hw.indexWidth(depth);
        UInt head = regInit("q_head", ptrW, 0);
        UInt tail = regInit("q_tail", ptrW, 0);
        UInt count = regInit("q_count", Hw.log2Ceil(depth + 1L), 0);
        List<Bool> qHasPa = new ArrayList<>();
        List<UInt> qPa = new ArrayList<>();
        List<Bool> qHasSdid = new ArrayList<>();
        List<UInt> qSdid = new ArrayList<>();
        for (int k = 0; k < depth; k++) {
            qHasPa.add(reg("q_has_pa_" + k));
            qPa.add(reg("q_pa_" + k, paw));
            if (sdidLen > 0) {
                qHasSdid.add(reg("q_has_sdid_" + k));
                qSdid.add(reg("q_sdid_" + k, sdidLen));
            }
        }
        Bool qEmpty = count.eq(0).named("q_empty");
        Bool qFull = count.eq(depth).named("q_full");
        port.ready.set(qFull.not());
        Bool enqueue = port.valid.and(qFull.not()).named("q_enqueue");
        // Apply the oldest queued invalidation when the cache is idle, when the queue is full (so a stream of
        // lookups cannot starve MINVAL.PA) or when a sync waits (§7.1: "at any time before the sync").
        Bool invApply = qEmpty.not().and(busy.not().or(qFull).or(port.syncValid))
                .named("inv_apply");
        port.syncAck.set(port.syncValid.and(qEmpty));
        for (int k = 0; k < depth; k++) {
            int kk = k;
            when(enqueue.and(tail.eq(kk)), () -> {
                qHasPa.get(kk).set(port.hasPa);
                qPa.get(kk).set(port.pa);
                if (sdidLen > 0) {
                    qHasSdid.get(kk).set(port.hasSdid);
                    qSdid.get(kk).set(port.sdid);
                }
            });
        }
        when(enqueue, () -> tail.set(wrapInc(tail, depth)));
        when(invApply, () -> head.set(wrapInc(head, depth)));
        when(enqueue.and(invApply.not()), () -> count.set(count.add(1)))
                .elseWhen(invApply.and(enqueue.not()), () -> count.set(count.sub(1)));
        Bool iHasPa = (depth == 1 ? qHasPa.get(0) : Hw.select(head, qHasPa).asBool()).named("inv_head_has_pa");
        UInt iPa = (depth == 1 ? qPa.get(0) : Hw.select(head, qPa)).named("inv_head_pa");
        Bool iHasSdid = sdidLen == 0 ? null
                : (depth == 1 ? qHasSdid.get(0) : Hw.select(head, qHasSdid).asBool()).named("inv_head_has_sdid");
        UInt iSdid = sdidLen == 0 ? null
                : (depth == 1 ? qSdid.get(0) : Hw.select(head, qSdid)).named("inv_head_sdid");
        return new QueueHead(invApply, iHasPa, iPa, iHasSdid, iSdid);
    }

    /**
     * The CAM invalidation of the applied queue head (§7 table): valid bits of every matching entry clear in this
     * cycle, PLRU bits untouched; the cleared entries are reported on {@code obs_inv_*}.
     */
    private void invalidate(QueueHead inv, List<List<LeafEntry>> leaf, List<SpEntry> sp, List<WcEntry> wc,
                            UInt obsInvLeaf, UInt obsInvSuperpage, UInt obsInvWalk) {
        int r = p.leafRange();
        int s = p.setBits();
        int tagLo = r + s;
        int sets = p.leafSets();
        int ways = p.leafWays();
        int spN = p.superpageEntries();
        int wcN = p.walkCacheEntries();
        UInt invSet = s > 0 ? inv.pa.bits(tagLo - 1, r).named("inv_set") : Hw.lit(0, 1);
        UInt invTag = inv.pa.bits(paw - 1, tagLo).named("inv_tag");
        List<Bool> leafClear = new ArrayList<>();
        for (int i = 0; i < sets; i++) {
            for (int j = 0; j < ways; j++) {
                LeafEntry x = leaf.get(i).get(j);
                Bool paOk = inv.hasPa.not().or(invSet.eq(i).and(x.tag.eq(invTag)));
                Bool clear = inv.apply.and(x.valid).and(sdidOk(x.ctx, inv.hasSdid, inv.sdid)).and(paOk)
                        .named("leaf_clear_s" + i + "_w" + j);
                leafClear.add(clear);
                when(clear, () -> x.valid.set(false));
            }
        }
        obsInvLeaf.set(Hw.catLsbFirst(leafClear));
        List<Bool> spClear = new ArrayList<>();
        for (int e = 0; e < spN; e++) {
            SpEntry x = sp.get(e);
            Bool paOk = inv.hasPa.not().or(covers(inv.pa, x.base, x.sizeLog2));
            Bool clear = inv.apply.and(x.valid).and(sdidOk(x.ctx, inv.hasSdid, inv.sdid)).and(paOk).named("sp_clear_" + e);
            spClear.add(clear);
            when(clear, () -> x.valid.set(false));
        }
        obsInvSuperpage.set(Hw.catLsbFirst(spClear));
        if (wcN > 0) {
            List<Bool> wcClear = new ArrayList<>();
            for (int e = 0; e < wcN; e++) {
                WcEntry x = wc.get(e);
                Bool paOk = p.paFenceDropsWalkCache()
                        ? inv.hasPa.not().or(inv.pa.and(coverMask(x.ctx.format, x.tableLevel)).eq(x.prefix))
                        : inv.hasPa.not();
                Bool clear = inv.apply.and(x.valid).and(sdidOk(x.ctx, inv.hasSdid, inv.sdid)).and(paOk)
                        .named("wc_clear_" + e);
                wcClear.add(clear);
                when(clear, () -> x.valid.set(false));
            }
            obsInvWalk.set(Hw.catLsbFirst(wcClear));
        }
    }

    // -------------------------------------------------------------------- helpers

    private record LeafEntry(Bool valid, Ctx ctx, UInt tag, UInt tuples) {}

    private record SpEntry(Bool valid, Ctx ctx, UInt level, UInt sizeLog2, UInt base, UInt kind, UInt tupleLog2,
                           UInt tuples) {}

    private record WcEntry(Bool valid, Ctx ctx, UInt tableLevel, UInt prefix, UInt ppn) {}

    /** The way a fill writes: the same-tag entry if any (no EVICT), else the lowest invalid way, else PLRU (§5). */
    private record Placement(UInt way, Bool evict) {}

    private Placement place(String name, List<Bool> dup, List<Bool> valid, UInt plru, int n) {
        int w = Hw.indexWidth(n);
        UInt dupWays = Hw.catLsbFirst(dup).named(name + "_dup_ways"); // one bit per way: a same-tag entry
        Bool dupAny = dupWays.orR().named(name + "_dup");
        UInt dupWay = Hw.priorityEncode(dupWays);
        UInt invalid = Hw.catLsbFirst(valid).not().named(name + "_invalid");
        Bool anyInvalid = invalid.orR().named(name + "_has_invalid");
        UInt plruVictim = n > 1 ? PlruTree.victim(name, plru, n) : Hw.lit(0, w);
        UInt victim = Hw.mux(anyInvalid, Hw.priorityEncode(invalid), plruVictim);
        UInt way = Hw.mux(dupAny, dupWay, victim).named(name + "_way");
        // With no same-tag entry and no invalid way the victim is valid: it is evicted.
        Bool evict = dupAny.or(anyInvalid).not();
        return new Placement(way, evict);
    }

    /** Names an index over {@code n} things; over one thing it is the constant 0, which has no wire. */
    private static UInt nameUnlessConstant(UInt index, String name, int n) {
        return n > 1 ? index.named(name) : index;
    }

    private Ctx ctxRegs(String array, String sfx) {
        return new Ctx(sdidLen > 0 ? reg(array + "_sdid" + sfx, sdidLen) : null, reg(array + "_format" + sfx),
                reg(array + "_mode" + sfx, 2));
    }

    private static void setCtx(Ctx to, Ctx from) {
        if (to.sdid != null) {
            to.sdid.set(from.sdid);
        }
        to.format.set(from.format);
        to.mode.set(from.mode);
    }

    private Bool sdidOk(Ctx entry, Bool hasSdid, UInt sdid) {
        return entry.sdid == null ? Hw.high() : hasSdid.not().or(entry.sdid.eq(sdid));
    }

    /** {@code (pa XOR base) >> size_log2 == 0} (§3.2). */
    private Bool covers(UInt pa, UInt base, UInt sizeLog2) {
        return pa.xor(base).and(Hw.ones(paw).shl(sizeLog2)).isZero();
    }

    /** The bits of a PA above a table's {@code cover} (§3.3), chosen by the entry's format and table level. */
    private UInt coverMask(UInt format, UInt tableLevel) {
        UInt result = Hw.lit(maskAbove(25), paw);
        for (int v = 0; v <= 1; v++) {
            for (int lvl = 1; lvl <= 3; lvl++) {
                int cover = p.cover(v == 1, lvl);
                if (cover > 0) {
                    result = Hw.mux(format.eq(v).and(tableLevel.eq(lvl)), Hw.lit(maskAbove(cover), paw), result);
                }
            }
        }
        return result;
    }

    private BigInteger maskAbove(int cover) {
        if (cover >= paw) {
            return BigInteger.ZERO;
        }
        return BigInteger.ONE.shiftLeft(paw).subtract(BigInteger.ONE.shiftLeft(cover));
    }

    /** One-hot winner among {@code hits}: the lowest {@code key}, then the lowest index. */
    /**
     * One-hot winners among {@code hits}: the lowest key, ties to the lowest index. Each winner is a named wire
     * ({@code <prefix>_win_<i>}): the n × n comparisons then spread over n lines instead of one line that
     * Verilator refuses beyond 40 000 tokens (64-entry arrays).
     */
    private static List<Bool> lowestKey(String prefix, List<Bool> hits, List<UInt> keys) {
        List<Bool> win = new ArrayList<>();
        for (int i = 0; i < hits.size(); i++) {
            Bool w = hits.get(i);
            for (int j = 0; j < hits.size(); j++) {
                if (j == i) {
                    continue;
                }
                Bool better = j < i ? keys.get(j).le(keys.get(i)) : keys.get(j).lt(keys.get(i));
                w = w.and(hits.get(j).and(better).not());
            }
            win.add(hits.size() > 1 ? w.named(prefix + "_win_" + i) : w);
        }
        return win;
    }

    private static UInt wrapInc(UInt ptr, int depth) {
        if (depth == 1) {
            return ptr;
        }
        return Hw.mux(ptr.eq(depth - 1), Hw.lit(0, ptr.width()), ptr.add(1));
    }

    private static LeafEntry selectLeaf(List<List<LeafEntry>> leaf, UInt set, int way) {
        if (leaf.size() == 1) {
            return leaf.get(0).get(way);
        }
        return new LeafEntry(
                pick(leaf, set, x -> x.get(way).valid).asBool(),
                new Ctx(leaf.get(0).get(way).ctx.sdid == null ? null : pick(leaf, set, x -> x.get(way).ctx.sdid),
                        pick(leaf, set, x -> x.get(way).ctx.format), pick(leaf, set, x -> x.get(way).ctx.mode)),
                pick(leaf, set, x -> x.get(way).tag), pick(leaf, set, x -> x.get(way).tuples));
    }

    private static UInt pick(List<List<LeafEntry>> leaf, UInt set, Function<List<LeafEntry>, UInt> f) {
        return Hw.select(set, leaf.stream().map(f).toList());
    }
}
