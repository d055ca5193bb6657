package io.mttkit.gen.cache;

import io.mttkit.gen.contract.InvalidationPort;
import io.mttkit.gen.contract.SyncPort;
import io.mttkit.hdl.Bool;
import io.mttkit.hdl.BundleMem;
import io.mttkit.hdl.Hw;
import io.mttkit.hdl.Module;
import io.mttkit.hdl.UInt;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * The MTT cache in front of the table walker, generated from the normative policy {@code docs/cache-model.md}:
 * a set-associative leaf array (§3.1), a fully associative superpage/NAPOT array (§3.2), a fully associative
 * walk cache (§3.3), tree-PLRU replacement (§5), fills at the walk's response (§6), CAM invalidation with the
 * MINVAL.PA queue and sync (§7), and observation outputs that report every event of §8 exactly. The internal
 * interface ({@link CacheIo}: ports, timing, and why) is documented in {@code docs/cache-rtl.md}.
 *
 * <p>Entries are arrays ({@code leaf_tag[set * ways + way]}, {@code sp_base[e]}, one memory per field of the entry
 * type, {@link CacheEntries}); their valid bits are one register vector per structure, so that an SDID or global
 * invalidation compares every entry and clears every match in one cycle, which a RAM could not.
 */
public final class MttCache extends Module {
    /** The Verilog name of the cache (the same for every configuration; the header comment says which). */
    public static final String MODULE_NAME = "mtt_cache";
    /** {@code hit_kind}/{@code fill_leaf_kind} encoding of a TUPLES leaf. */
    public static final int KIND_TUPLES = 0;
    /** {@code hit_kind}/{@code fill_leaf_kind} encoding of a NAPOT leaf (one XWR in tuple 0). */
    public static final int KIND_NAPOT = 1;
    /** {@code hit_kind}/{@code fill_leaf_kind} encoding of a UNIFORM leaf (one XWR in tuple 0). */
    public static final int KIND_UNIFORM = 2;

    private final MttCacheParams p;
    private final int paw;
    private final int sets;
    private final int ways;
    /** Bits of a way number within a set (0 for one way). */
    private final int wayBits;
    /** Several walks in flight: the top keeps each walk's context and R1 bit and gives them with the fill. */
    private final boolean walksFromTop;

    /** The cache's ports, after it is built ({@code instance(...)}). */
    public CacheIo io;

    /** @param params the checked parameters (cache-model.md §1) */
    public MttCache(MttCacheParams params) {
        this(params, false);
    }

    /**
     * @param params       the checked parameters (cache-model.md §1)
     * @param walksFromTop for a top with several walks in flight (docs/nonblocking.md): no latched walk context and
     *                     no {@code walk_stale_q}; {@code fill_pa}, {@code fill_sdid/format/mode} and
     *                     {@code fill_stale} come with the fill from the walk's MSHR
     */
    public MttCache(MttCacheParams params, boolean walksFromTop) {
        this.walksFromTop = walksFromTop;
        this.p = params;
        this.paw = params.paw();
        this.sets = params.leafSets();
        this.ways = params.leafWays();
        this.wayBits = Integer.numberOfTrailingZeros(ways);
        moduleName(MODULE_NAME);
    }

    /** The parameters this module was built with. */
    public MttCacheParams params() {
        return p;
    }

    @Override
    protected void build() {
        final int r = p.leafRange();
        final int s = p.setBits();
        final int spN = p.superpageEntries();
        final int wcN = p.walkCacheEntries();
        final int tagLo = r + s;
        final int setW = p.geometry().setWidth();
        final int wayW = p.geometry().wayWidth();
        doc("MTT cache (docs/cache-model.md, interface in docs/cache-rtl.md): " + sets + " sets x " + ways
                + " ways leaf array, " + spN + "-entry superpage/NAPOT array, " + wcN + "-entry walk cache,\n"
                + p.minvalQueueDepth() + "-entry MINVAL.PA queue.\n"
                + "Parameters: xlen=" + p.xlen() + " paw=" + paw + " sdidLen=" + p.sdidLen() + " v01OneGigAsOneGiB="
                + p.v01OneGigAsOneGiB() + " " + p.shape().values() + ".\n"
                + "Entries are arrays (leaf_*[set * " + ways + " + way], sp_*[e], wc_entry_*[e]) with valid bits in\n"
                + "registers; PLRU trees in heap order (§5).\n"
                + "Lookups answer combinationally; fills take priority over lookups (lookup_ready = !fill_valid).\n"
                + "lookup_*/hit_*: front-end probe (§4.3, priority leaf > lowest level > smallest size > index);\n"
                + "miss/wc_*: walk start and deepest walk-cache match (§6.1); walk_stale_q: R1 for the walk in flight;\n"
                + "fill_*: fills at the response (§6.2 conditions, §6.3 placement: same tag in place, else lowest\n"
                + "invalid way, else PLRU victim); inv_*/q_*: MINVAL.PA queue, applied oldest first when idle, full\n"
                + "or syncing (§7, §7.1); *_clear_*: the CAM invalidation of the applied operand (§7 table);\n"
                + "obs_*: every event of §8 (fills, evictions; obs_inv_* = the entries cleared this cycle).");
        io = ports(x -> new CacheIo(x, p, walksFromTop));
        CacheLookupPort lookup = io.lookup;
        CacheFillPort fill = io.fill;

        // ---------------------------------------------------------------- state (§3, reset §5)
        BundleMem<CacheEntries.Leaf> leaf = mem("leaf", sets * ways, x -> new CacheEntries.Leaf(x, p));
        UInt leafValid = regInit("leaf_valid", sets * ways, 0);
        List<UInt> leafPlru = new ArrayList<>();
        for (int i = 0; ways > 1 && i < sets; i++) {
            leafPlru.add(regInit("leaf_plru_" + i, ways - 1, 0));
        }
        BundleMem<CacheEntries.Superpage> sp = mem("sp", spN, x -> new CacheEntries.Superpage(x, p));
        UInt spValid = regInit("sp_valid", spN, 0);
        UInt spPlru = spN > 1 ? regInit("sp_plru", spN - 1, 0) : null;
        BundleMem<CacheEntries.Walk> wc = wcN > 0 ? mem("wc_entry", wcN, x -> new CacheEntries.Walk(x, p)) : null;
        UInt wcValid = wcN > 0 ? regInit("wc_valid", wcN, 0) : null;
        UInt wcPlru = wcN > 1 ? regInit("wc_plru", wcN - 1, 0) : null;

        // The walk in flight: its start context (R4: fills carry it) and R1's staleness (one walk at a time).
        UInt walkPa = walksFromTop ? fill.pa : reg("walk_pa", paw);
        Context walkCtx = walksFromTop ? fill.ctx : reg("walk", x -> new Context(x, p.sdidLen()));
        Bool walkStale = walksFromTop ? fill.stale : regInit("walk_stale_q", false);
        if (!walksFromTop) {
            io.walkStale.set(walkStale);
        }

        // ---------------------------------------------------------------- MINVAL.PA queue (§7.1)
        QueueHead head = minvalQueue(io.inv, io.sync, lookup.valid.or(fill.valid));
        CacheEntries.QueuedInvalidation inv = head.operand();
        Bool invApply = head.apply();
        io.obs.invApply.set(invApply);

        // ---------------------------------------------------------------- front-end probe (§4.3)
        Bool ready = fill.valid.not();
        lookup.ready.set(ready);
        UInt lookupSet = s > 0 ? lookup.pa.bits(tagLo - 1, r).named("lookup_set") : Hw.lit(0, 1);
        UInt lookupTag = lookup.pa.bits(paw - 1, tagLo).named("lookup_tag");
        List<Bool> leafHits = new ArrayList<>();
        for (int j = 0; j < ways; j++) {
            CacheEntries.Leaf e = leaf.read(named(leafAddr(lookupSet, Hw.lit(j, Math.max(1, wayBits))),
                    "lookup_entry_w" + j));
            leafHits.add(leafValidAt(leafValid, lookupSet, j).and(e.ctx.matches(lookup.ctx)).and(e.tag.eq(lookupTag))
                    .named("leaf_hit_w" + j));
        }
        // one bit per way, named so that the priority encoder reads its bits (not a temporary's)
        UInt leafHitWays = Hw.catLsbFirst(leafHits).named("leaf_hit_ways");
        Bool leafHit = leafHitWays.orR().named("leaf_hit");
        UInt leafHitWay = nameUnlessConstant(Hw.priorityEncode(leafHitWays), "leaf_hit_way", ways);
        List<CacheEntries.Superpage> spEntries = new ArrayList<>();
        List<Bool> spHits = new ArrayList<>();
        for (int e = 0; e < spN; e++) {
            CacheEntries.Superpage x = sp.read(e);
            spEntries.add(x);
            spHits.add(spValid.bit(e).and(x.ctx.matches(lookup.ctx)).and(covers(lookup.pa, x.base, x.sizeLog2))
                    .named("sp_hit_" + e));
        }
        // Among superpage hits: lowest level, then smallest size_log2, then lowest index (§4.3).
        List<UInt> spPriority = new ArrayList<>();
        for (int e = 0; e < spN; e++) {
            UInt key = spEntries.get(e).level.cat(spEntries.get(e).sizeLog2);
            spPriority.add(spN == 1 ? key : key.named("sp_priority_" + e));
        }
        UInt spWin = Hw.catLsbFirst(lowestKey("sp_hit", spHits, spPriority)).named("sp_hit_onehot");
        Bool spHit = spWin.orR().named("sp_hit");
        Bool anyHit = leafHit.or(spHit).named("any_hit");
        Bool hit = lookup.valid.and(ready).and(anyHit).named("hit_accepted");
        CacheHitPort h = io.hit;
        h.valid.set(hit);
        h.array.set(leafHit.not());
        h.set.set(Hw.mux(leafHit, lookupSet, Hw.lit(0, setW)));
        UInt spHitIndex = nameUnlessConstant(Hw.oneHotToIndex(spWin), "sp_hit_index", spN);
        h.way.set(Hw.mux(leafHit, leafHitWay.zext(wayW), spHitIndex.zext(wayW)));
        h.level.set(Hw.mux(leafHit, Hw.lit(0, 3), Hw.selectOneHot(spWin, spEntries.stream().map(x -> x.level).toList())));
        h.kind.set(Hw.mux(leafHit, Hw.lit(KIND_TUPLES, 2),
                Hw.selectOneHot(spWin, spEntries.stream().map(x -> x.kind).toList())));
        h.leafLog2.set(Hw.mux(leafHit, Hw.lit(r, CacheHitPort.LOG2_WIDTH),
                Hw.selectOneHot(spWin, spEntries.stream().map(x -> x.sizeLog2).toList())));
        h.tupleLog2.set(Hw.mux(leafHit, Hw.lit(12, CacheHitPort.LOG2_WIDTH),
                Hw.selectOneHot(spWin, spEntries.stream().map(x -> x.tupleLog2).toList())));
        h.tuples.set(Hw.mux(leafHit, leaf.read(leafAddr(lookupSet, leafHitWay)).tuples,
                Hw.selectOneHot(spWin, spEntries.stream().map(x -> x.tuples).toList())));
        Bool miss = lookup.valid.and(ready).and(anyHit.not()).and(io.walkReady).named("miss_accepted");
        io.miss.set(miss);

        // ---------------------------------------------------------------- walk start (§6.1)
        Bool wcHit = null;
        UInt wcIndex = null;
        List<CacheEntries.Walk> wcEntries = new ArrayList<>();
        List<UInt> wcCoverMasks = new ArrayList<>(); // per entry: the PA bits its prefix holds (probe and PA fence)
        if (wcN > 0) {
            List<Bool> wcHits = new ArrayList<>();
            for (int e = 0; e < wcN; e++) {
                CacheEntries.Walk x = wc.read(e);
                wcEntries.add(x);
                UInt cover = coverMask(x.ctx.format, x.tableLevel);
                cover = cover.isConstant() ? cover : cover.named("wc_cover_mask_" + e);
                wcCoverMasks.add(cover);
                wcHits.add(wcValid.bit(e).and(x.ctx.matches(lookup.ctx))
                        .and(lookup.pa.and(cover).eq(x.prefix)).named("wc_match_" + e));
            }
            // The deepest match: lowest table_level, then lowest index.
            UInt wcWin = Hw.catLsbFirst(lowestKey("wc_match", wcHits,
                    wcEntries.stream().map(x -> x.tableLevel).toList())).named("wc_match_onehot");
            wcHit = wcWin.orR().named("wc_match");
            wcIndex = nameUnlessConstant(Hw.oneHotToIndex(wcWin), "wc_match_index", wcN);
            io.wc.hit.set(wcHit);
            io.wc.index.set(wcIndex);
            io.wc.tableLevel.set(Hw.selectOneHot(wcWin, wcEntries.stream().map(x -> x.tableLevel).toList()));
            io.wc.ppn.set(Hw.selectOneHot(wcWin, wcEntries.stream().map(x -> x.ppn).toList()));
        }
        if (!walksFromTop) {
            when(miss, () -> {
                walkPa.set(lookup.pa);
                walkCtx.set(lookup.ctx);
            });
            // R1: the walk is stale once an invalidation is applied after its start; one applied in the start cycle
            // counts (the probe used the old entries).
            when(miss, () -> walkStale.set(invApply)).elseWhen(invApply, () -> walkStale.set(true));
        }

        // ---------------------------------------------------------------- fills (§6.2, §6.3)
        // R1 (not stale) and R2 (no invalidation in the same cycle: it wins).
        Bool fillOk = fill.valid.and(walkStale.not()).and(invApply.not()).named("fill_ok");
        // §6.2.1: a walk that faulted fills nothing, in any structure; a leaf with a reserved tuple encoding is not
        // filled into the leaf or superpage array (the walk-cache fill still happens).
        Bool leafFill = fillOk.and(fill.cacheable).and(fill.leafRsvd.not()).named("fill_leaf");
        Bool toLeafArray = fill.leafLevel.eq(0).and(fill.leafKind.eq(KIND_TUPLES)).named("fill_is_level0_tuples");
        Bool fillLeafArr = leafFill.and(toLeafArray).named("fill_leaf_array");
        Bool fillSp = leafFill.and(toLeafArray.not()).named("fill_superpage");

        // Leaf array: the set from the walk's PA; overwrite a same-tag way in place, else the victim.
        UInt walkSet = s > 0 ? walkPa.bits(tagLo - 1, r).named("walk_set") : Hw.lit(0, 1);
        UInt walkTag = walkPa.bits(paw - 1, tagLo).named("walk_tag");
        List<Bool> leafDup = new ArrayList<>();
        List<Bool> leafValidSel = new ArrayList<>();
        for (int j = 0; j < ways; j++) {
            CacheEntries.Leaf e = leaf.read(named(leafAddr(walkSet, Hw.lit(j, Math.max(1, wayBits))), "walk_entry_w" + j));
            Bool valid = leafValidAt(leafValid, walkSet, j);
            valid = sets == 1 ? valid : valid.named("walk_set_valid_w" + j);
            leafValidSel.add(valid);
            leafDup.add(valid.and(e.ctx.matches(walkCtx)).and(e.tag.eq(walkTag)).named("leaf_dup_w" + j));
        }
        UInt leafPlruSel = ways > 1
                ? (sets == 1 ? leafPlru.get(0) : Hw.select(walkSet, leafPlru).named("walk_set_plru"))
                : null;
        Placement leafPlace = place("leaf_fill", leafDup, leafValidSel, leafPlruSel, ways);
        UInt leafFillAddr = named(leafAddr(walkSet, leafPlace.way()), "leaf_fill_entry");
        when(fillLeafArr, () -> {
            leaf.write(leafFillAddr, e -> e.ctx, walkCtx);
            leaf.write(leafFillAddr, e -> e.tag, walkTag);
            leaf.write(leafFillAddr, e -> e.tuples, fill.tuples);
        });
        for (int i = 0; ways > 1 && i < sets; i++) {
            UInt plru = leafPlru.get(i);
            when(hit.and(leafHit).and(lookupSet.eq(i)), () -> plru.set(PlruTree.touch(plru, leafHitWay, ways)))
                    .elseWhen(fillLeafArr.and(walkSet.eq(i)), () -> plru.set(PlruTree.touch(plru, leafPlace.way(), ways)));
        }

        // Superpage array: base = PA with the bits below the leaf's range cleared.
        UInt fillBase = walkPa.and(Hw.ones(paw).shl(fill.leafLog2)).named("fill_base");
        List<Bool> spDup = new ArrayList<>();
        List<Bool> spValids = new ArrayList<>();
        for (int e = 0; e < spN; e++) {
            CacheEntries.Superpage x = spEntries.get(e);
            spValids.add(spValid.bit(e));
            spDup.add(spValid.bit(e).and(x.ctx.matches(walkCtx)).and(x.level.eq(fill.leafLevel))
                    .and(x.sizeLog2.eq(fill.leafLog2)).and(x.base.eq(fillBase)).named("sp_dup_" + e));
        }
        Placement spPlace = place("sp_fill", spDup, spValids, spPlru, spN);
        when(fillSp, () -> {
            sp.write(spPlace.way(), e -> e.ctx, walkCtx);
            sp.write(spPlace.way(), e -> e.level, fill.leafLevel);
            sp.write(spPlace.way(), e -> e.sizeLog2, fill.leafLog2);
            sp.write(spPlace.way(), e -> e.base, fillBase);
            sp.write(spPlace.way(), e -> e.kind, fill.leafKind);
            sp.write(spPlace.way(), e -> e.tupleLog2, fill.tupleLog2);
            sp.write(spPlace.way(), e -> e.tuples, fill.tuples);
        });
        if (spPlru != null) {
            when(hit.and(leafHit.not()), () -> spPlru.set(PlruTree.touch(spPlru, spHitIndex, spN)))
                    .elseWhen(fillSp, () -> spPlru.set(PlruTree.touch(spPlru, spPlace.way(), spN)));
        }
        io.obs.fillLeaf.set(fillLeafArr.or(fillSp));
        io.obs.fillLeafArray.set(fillSp);
        // Placement ports are zero without a fill: the bridge records every non-zero extension word each cycle
        // (port contract v2), so an idle victim pointer would otherwise cost an event per cycle.
        io.obs.fillLeafSet.set(Hw.mux(fillLeafArr, walkSet, Hw.lit(0, setW)));
        io.obs.fillLeafWay.set(Hw.mux(fillSp, spPlace.way().zext(wayW),
                Hw.mux(fillLeafArr, leafPlace.way().zext(wayW), Hw.lit(0, wayW))));
        io.obs.fillLeafEvict.set(Hw.mux(fillSp, spPlace.evict(), leafPlace.evict()).and(fillLeafArr.or(fillSp)));

        // Walk cache: the deepest pointer the walk followed; prefix = PA above the table's cover.
        Bool fillWc = null;
        Placement wcPlace = null;
        if (wcN > 0) {
            fillWc = fillOk.and(fill.cacheable).and(fill.ptr.valid).named("fill_walk_cache");
            UInt fillPrefix = walkPa.and(coverMask(walkCtx.format, fill.ptr.level)).named("fill_prefix");
            List<Bool> wcDup = new ArrayList<>();
            List<Bool> wcValids = new ArrayList<>();
            for (int e = 0; e < wcN; e++) {
                CacheEntries.Walk x = wcEntries.get(e);
                wcValids.add(wcValid.bit(e));
                wcDup.add(wcValid.bit(e).and(x.ctx.matches(walkCtx)).and(x.tableLevel.eq(fill.ptr.level))
                        .and(x.prefix.eq(fillPrefix)).named("wc_dup_" + e));
            }
            Placement place = place("wc_fill", wcDup, wcValids, wcPlru, wcN);
            wcPlace = place;
            when(fillWc, () -> {
                wc.write(place.way(), e -> e.ctx, walkCtx);
                wc.write(place.way(), e -> e.tableLevel, fill.ptr.level);
                wc.write(place.way(), e -> e.prefix, fillPrefix);
                wc.write(place.way(), e -> e.ppn, fill.ptr.ppn);
            });
            if (wcPlru != null) {
                UInt idx = wcIndex;
                Bool wh = wcHit;
                Bool fw = fillWc;
                when(miss.and(wh), () -> wcPlru.set(PlruTree.touch(wcPlru, idx, wcN)))
                        .elseWhen(fw, () -> wcPlru.set(PlruTree.touch(wcPlru, place.way(), wcN)));
            }
            io.obs.fillWalk.set(fillWc);
            io.obs.fillWalkWay.set(Hw.mux(fillWc, place.way(), Hw.lit(0, place.way().width())));
            io.obs.fillWalkEvict.set(fillWc.and(place.evict()));
        }

        // ---------------------------------------------------------------- invalidation (§7)
        // The entries the applied queue head clears, one bit per entry; a fill and an invalidation never share a
        // cycle (fill_ok), so "set the filled entry, clear the matching ones" is one update per valid vector.
        UInt leafClear = leafClear(inv, invApply, leaf, leafValid);
        UInt spClear = superpageClear(inv, invApply, spEntries, spValid);
        io.obs.invLeaf.set(leafClear);
        io.obs.invSuperpage.set(spClear);
        leafValid.set(leafValid.or(onehotIf(fillLeafArr, leafFillAddr, sets * ways)).and(leafClear.not()));
        spValid.set(spValid.or(onehotIf(fillSp, spPlace.way(), spN)).and(spClear.not()));
        if (wcN > 0) {
            UInt wcClear = walkCacheClear(inv, invApply, wcEntries, wcCoverMasks, wcValid);
            io.obs.invWalk.set(wcClear);
            wcValid.set(wcValid.or(onehotIf(fillWc, wcPlace.way(), wcN)).and(wcClear.not()));
        }

        if (p.sdidLen() == 0) {
            // no SDID bits: the operand's SDID is never compared. Verilator accepts names matching *unused*.
            wireInit("inputs_unused", io.inv.hasSdid.cat(io.inv.sdid).xorR());
        }
    }

    /** The queue head: applied in this cycle ({@code apply}), and its operand. */
    private record QueueHead(Bool apply, CacheEntries.QueuedInvalidation operand) {}

    /**
     * The MINVAL.PA FIFO (§7.1): enqueue while not full; the head is applied when the cache is not {@code busy}
     * (no lookup, no fill), when the queue is full (so a stream of lookups cannot starve MINVAL.PA) or when a sync
     * waits; {@code sync_ack} once the queue is empty. Returns the head's operand ({@code inv_head_*}).
     */
    private QueueHead minvalQueue(InvalidationPort port, SyncPort sync, Bool busy) {
        int depth = p.minvalQueueDepth();
        int ptrW = Hw.indexWidth(depth);
        UInt head = regInit("q_head", ptrW, 0);
        UInt tail = regInit("q_tail", ptrW, 0);
        UInt count = regInit("q_count", Hw.log2Ceil(depth + 1L), 0);
        BundleMem<CacheEntries.QueuedInvalidation> slots = mem("q", depth,
                x -> new CacheEntries.QueuedInvalidation(x, p));
        Bool qEmpty = count.eq(0).named("q_empty");
        Bool qFull = count.eq(depth).named("q_full");
        port.ready.set(qFull.not());
        Bool enqueue = port.valid.and(qFull.not()).named("q_enqueue");
        // Apply the oldest queued invalidation when the cache is idle, when the queue is full (so a stream of
        // lookups cannot starve MINVAL.PA) or when a sync waits (§7.1: "at any time before the sync").
        Bool invApply = qEmpty.not().and(busy.not().or(qFull).or(sync.req)).named("inv_apply");
        sync.ack.set(sync.req.and(qEmpty));
        when(enqueue, () -> slots.write(tail, port)); // the operand: has_pa, pa, has_sdid, sdid by name
        when(enqueue, () -> tail.set(wrapInc(tail, depth)));
        when(invApply, () -> head.set(wrapInc(head, depth)));
        when(enqueue.and(invApply.not()), () -> count.set(count.add(1)))
                .elseWhen(invApply.and(enqueue.not()), () -> count.set(count.sub(1)));
        CacheEntries.QueuedInvalidation operand = wire("inv_head", x -> new CacheEntries.QueuedInvalidation(x, p));
        operand.set(slots.read(head));
        return new QueueHead(invApply, operand);
    }

    /** §7 table, leaf array: the applied operand's SDID (if given) and PA (if given: set and tag) match. */
    private UInt leafClear(CacheEntries.QueuedInvalidation inv, Bool apply, BundleMem<CacheEntries.Leaf> leaf,
                           UInt valid) {
        int r = p.leafRange();
        int s = p.setBits();
        int tagLo = r + s;
        UInt invSet = s > 0 ? inv.pa.bits(tagLo - 1, r).named("inv_set") : Hw.lit(0, 1);
        UInt invTag = inv.pa.bits(paw - 1, tagLo).named("inv_tag");
        List<Bool> clear = new ArrayList<>();
        for (int i = 0; i < sets; i++) {
            for (int j = 0; j < ways; j++) {
                int k = i * ways + j;
                CacheEntries.Leaf x = leaf.read(k);
                Bool paOk = inv.hasPa.not().or(invSet.eq(i).and(x.tag.eq(invTag)));
                clear.add(apply.and(valid.bit(k)).and(sdidOk(x.ctx, inv)).and(paOk)
                        .named("leaf_clear_s" + i + "_w" + j));
            }
        }
        return Hw.catLsbFirst(clear);
    }

    /** §7 table, superpage array: SDID (if given) and PA within the entry's range (if given). */
    private UInt superpageClear(CacheEntries.QueuedInvalidation inv, Bool apply,
                                List<CacheEntries.Superpage> entries, UInt valid) {
        List<Bool> clear = new ArrayList<>();
        for (int e = 0; e < entries.size(); e++) {
            CacheEntries.Superpage x = entries.get(e);
            Bool paOk = inv.hasPa.not().or(covers(inv.pa, x.base, x.sizeLog2));
            clear.add(apply.and(valid.bit(e)).and(sdidOk(x.ctx, inv)).and(paOk).named("sp_clear_" + e));
        }
        return Hw.catLsbFirst(clear);
    }

    /**
     * §7 table, walk cache: SDID (if given); a PA fence leaves it alone per the spec, or (default,
     * {@code paFenceDropsWalkCache}) drops the entries whose prefix covers the PA.
     */
    private UInt walkCacheClear(CacheEntries.QueuedInvalidation inv, Bool apply, List<CacheEntries.Walk> entries,
                                List<UInt> coverMasks, UInt valid) {
        List<Bool> clear = new ArrayList<>();
        for (int e = 0; e < entries.size(); e++) {
            CacheEntries.Walk x = entries.get(e);
            Bool paOk = p.paFenceDropsWalkCache()
                    ? inv.hasPa.not().or(inv.pa.and(coverMasks.get(e)).eq(x.prefix))
                    : inv.hasPa.not();
            clear.add(apply.and(valid.bit(e)).and(sdidOk(x.ctx, inv)).and(paOk).named("wc_clear_" + e));
        }
        return Hw.catLsbFirst(clear);
    }

    // -------------------------------------------------------------------- helpers

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

    /** The leaf-array address of {@code way} in {@code set}: {@code set * ways + way}. */
    private UInt leafAddr(UInt set, UInt way) {
        if (sets == 1) {
            return ways == 1 ? Hw.lit(0, 1) : way;
        }
        return ways == 1 ? set : set.cat(way);
    }

    /** Names a computed entry address (a concatenation of set and way); a constant one stays a constant. */
    private UInt named(UInt addr, String name) {
        return sets > 1 ? addr.named(name) : addr;
    }

    /** The valid bit of way {@code way} of {@code set}. */
    private Bool leafValidAt(UInt valid, UInt set, int way) {
        if (sets == 1) {
            return valid.bit(way);
        }
        return valid.bit(leafAddr(set, Hw.lit(way, Math.max(1, wayBits))));
    }

    /** {@code 1 << index} (n bits) when {@code cond}, else 0: the entry a fill sets valid. */
    private static UInt onehotIf(Bool cond, UInt index, int n) {
        UInt onehot = n == 1 ? Hw.lit(1, 1) : Hw.decode(index, n);
        return onehot.and(cond.repeat(n));
    }

    /** Names an index over {@code n} things; over one thing it is the constant 0, which has no wire. */
    private static UInt nameUnlessConstant(UInt index, String name, int n) {
        return n > 1 ? index.named(name) : index;
    }

    private Bool sdidOk(Context entry, CacheEntries.QueuedInvalidation inv) {
        return entry.sdid == null ? Hw.high() : inv.hasSdid.not().or(entry.sdid.eq(inv.sdid));
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
}
