package io.mttkit.golden.cache;

import io.mttkit.golden.Access;
import io.mttkit.golden.LeafKind;
import io.mttkit.golden.LookupResult;
import io.mttkit.golden.MttLookup;
import io.mttkit.golden.MttMode;
import io.mttkit.golden.TableFormat;
import io.mttkit.golden.cache.CacheEvent.ArrayId;
import io.mttkit.golden.cache.CacheEvent.Kind;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The golden reference model of the MTT cache in front of the walker (CHECKER-MICROARCH.md §5): a
 * set-associative leaf array, a fully associative superpage/NAPOT array, a fully associative walk cache,
 * the MINVAL.PA queue, and the race rules R1–R6. The generated RTL is compared against it event by event, so
 * every policy here is normative; {@code docs/cache-model.md} writes them down for the hardware engineer.
 *
 * <p>Request flow: {@link #check} is one whole request. A co-simulation driver that must place invalidations
 * while a walk is in flight uses {@link #probe} (front-end lookup; answers hits, Bare and PA-range faults),
 * then {@link #beginMiss} and, at the response handshake, {@link #finishMiss}.
 *
 * <p>Fences: {@link #mfencePa} (invalidation + sync), {@link #minval} (enqueue; refuses when full),
 * {@link #applyNextQueued} (the RTL applied the oldest queued invalidation), {@link #sync} (SFENCE.INVAL.IR:
 * apply everything queued), {@link #sfenceWInval} (no cache action). {@link #invalidateNow} applies one
 * invalidation directly.
 */
public final class MttCacheModel {
    private final CacheParams params;
    private final MttLookup lookup;
    private final List<WaySet<CachedLeaf>> leafArray = new ArrayList<>();
    private final WaySet<CachedLeaf> superpage;
    private final WaySet<WalkEntry> walkCache;
    private final ArrayDeque<Invalidation> minvalQueue = new ArrayDeque<>();
    private long epoch;
    private long resetGeneration;

    /**
     * @param params cache geometry and policies
     * @param lookup the walker's lookup (its {@code LookupConfig.v01OneGigAsOneGiB} must equal the parameter)
     */
    public MttCacheModel(CacheParams params, MttLookup lookup) {
        if (params == null || lookup == null) {
            throw new IllegalArgumentException("params and lookup must both be given");
        }
        if (params.v01OneGigAsOneGiB() != lookup.config().v01OneGigAsOneGiB()) {
            throw new IllegalArgumentException("CacheParams.v01OneGigAsOneGiB=" + params.v01OneGigAsOneGiB()
                    + " but the lookup's LookupConfig.v01OneGigAsOneGiB=" + lookup.config().v01OneGigAsOneGiB()
                    + "; set both to the same value (SPEC-DECISIONS #8)");
        }
        this.params = params;
        this.lookup = lookup;
        for (int s = 0; s < params.leafSets(); s++) {
            leafArray.add(new WaySet<>(params.leafWays()));
        }
        superpage = new WaySet<>(params.superpageEntries());
        walkCache = params.walkCacheEntries() == 0 ? null : new WaySet<>(params.walkCacheEntries());
    }

    public CacheParams params() {
        return params;
    }

    /** Invalidations applied since reset (the R1 epoch). */
    public long epoch() {
        return epoch;
    }

    /** MINVAL.PA operands waiting to be applied. */
    public int queuedCount() {
        return minvalQueue.size();
    }

    /** Reset: nothing valid, every PLRU bit 0, queue empty, epoch 0; walks in flight are abandoned. */
    public void reset() {
        leafArray.forEach(WaySet::reset);
        superpage.reset();
        if (walkCache != null) {
            walkCache.reset();
        }
        minvalQueue.clear();
        epoch = 0;
        resetGeneration++;
    }

    // ---- requests ----------------------------------------------------------------------------------

    /** One whole request: front-end probe, and on a miss a walk that finishes with no concurrent fence. */
    public CheckOutcome check(CheckContext ctx, long pa, int need) {
        Optional<CheckOutcome> front = probe(ctx, pa, need);
        if (front.isPresent()) {
            return front.get();
        }
        PendingWalk pw = beginMiss(ctx, pa, need);
        CheckOutcome done = finishMiss(pw, false);
        List<CacheEvent> all = new ArrayList<>(pw.events());
        all.addAll(done.events());
        return new CheckOutcome(done.kind(), done.result(), done.stale(), done.mustRetry(), done.walkStartLevel(),
                all);
    }

    /**
     * The front-end lookup alone. Answers Bare (bypass), PA-range faults (decided before the probe, no event)
     * and hits (HIT event, PLRU update); returns empty on a miss, with no state change — the driver then calls
     * {@link #beginMiss}.
     */
    public Optional<CheckOutcome> probe(CheckContext ctx, long pa, int need) {
        validate(ctx, need);
        if (ctx.mode() == MttMode.BARE) {
            LookupResult r = new LookupResult().reset();
            r.bypass();
            return Optional.of(new CheckOutcome(CheckOutcome.Kind.BYPASS, r, false, false, -1, List.of()));
        }
        if (outOfRange(ctx.mode(), pa)) {
            LookupResult r = lookup.lookup(ctx.mode(), ctx.rootPpn(), pa, need, ctx.bigEndian(), new LookupResult());
            return Optional.of(new CheckOutcome(CheckOutcome.Kind.RANGE_FAULT, r, false, false, -1, List.of()));
        }
        Slot hit = findHit(ctx, pa);
        if (hit == null) {
            return Optional.empty();
        }
        WaySet<CachedLeaf> ways = hit.array() == ArrayId.LEAF ? leafArray.get(hit.set()) : superpage;
        CachedLeaf e = ways.get(hit.way());
        ways.touch(hit.way());
        LookupResult r = new LookupResult();
        e.answer(pa, need, r);
        return Optional.of(new CheckOutcome(CheckOutcome.Kind.HIT, r, false, false, -1,
                List.of(leafEvent(Kind.HIT, hit.array(), hit.set(), hit.way(), e))));
    }

    /**
     * Starts the walk of a request that {@link #probe} answered with a miss: reports MISS, probes the walk
     * cache (deepest hit wins, WALK_HIT, PLRU update), samples the invalidation epoch (R1) and performs the
     * walk's reads now.
     *
     * @throws IllegalStateException if the request would not miss (Bare, PA range fault or a hit)
     */
    public PendingWalk beginMiss(CheckContext ctx, long pa, int need) {
        validate(ctx, need);
        if (ctx.mode() == MttMode.BARE || outOfRange(ctx.mode(), pa) || findHit(ctx, pa) != null) {
            throw new IllegalStateException("request " + String.format("pa=0x%x", pa) + " in " + ctx
                    + " does not miss (Bare, PA-range fault or cache hit); call probe() or check() first");
        }
        List<CacheEvent> events = new ArrayList<>();
        events.add(new CacheEvent(Kind.MISS, ArrayId.LEAF, leafSetIndex(pa), -1, ctx.sdid(), ctx.mode(), -1, pa, 0));
        int hitWay = deepestWalkHit(ctx, pa);
        LookupResult r = new LookupResult();
        int startLevel;
        long startPpn;
        if (hitWay >= 0) {
            WalkEntry we = walkCache.get(hitWay);
            walkCache.touch(hitWay);
            events.add(walkEvent(Kind.WALK_HIT, hitWay, we));
            startLevel = we.tableLevel();
            startPpn = we.tablePpn();
            lookup.lookupFrom(ctx.mode(), startLevel, startPpn, pa, need, ctx.bigEndian(), r);
        } else {
            startLevel = ctx.mode().levels() - 1;
            startPpn = ctx.rootPpn();
            lookup.lookup(ctx.mode(), startPpn, pa, need, ctx.bigEndian(), r);
        }
        return new PendingWalk(ctx, pa, need, epoch, resetGeneration, hitWay, startLevel, startPpn, r, events);
    }

    /**
     * Walks {@code pw} again from the same start (root, or the walk-cache entry's table), overwriting its result —
     * for a co-simulation driver whose memory system decides only during the walk whether a read fails (an
     * injected bus error), which the walk at {@link #beginMiss} could not know. Memory must not have changed since.
     */
    public void rewalk(PendingWalk pw) {
        if (pw.finished()) {
            throw new IllegalStateException("this walk was already finished");
        }
        CheckContext ctx = pw.context();
        if (pw.walkHitWay() >= 0) {
            lookup.lookupFrom(ctx.mode(), pw.startLevel(), pw.startTablePpn(), pw.pa(), pw.need(), ctx.bigEndian(),
                    pw.result());
        } else {
            lookup.lookup(ctx.mode(), pw.startTablePpn(), pw.pa(), pw.need(), ctx.bigEndian(), pw.result());
        }
    }

    /**
     * Finishes a walk at its response handshake (R6: staleness is judged now). Fills happen only when the walk
     * reached a cacheable leaf, no invalidation was applied since it started (R1) and none is applied in this
     * same step (R2 — pass {@code invalidationInSameStep = true} and apply that invalidation right after this
     * call). Fills use the walk's own context (R4): first the walk cache (EVICT?, FILL), then the leaf or
     * superpage array (EVICT?, FILL).
     */
    public CheckOutcome finishMiss(PendingWalk pw, boolean invalidationInSameStep) {
        if (pw.finished()) {
            throw new IllegalStateException("this walk was already finished");
        }
        if (pw.resetGeneration() != resetGeneration) {
            throw new IllegalStateException("this walk began before a reset; a reset abandons walks in flight");
        }
        pw.markFinished();
        boolean stale = epoch != pw.epochAtStart();
        LookupResult r = pw.result();
        List<CacheEvent> events = new ArrayList<>();
        if (r.cacheable() && !stale && !invalidationInSameStep) {
            fillWalkCache(pw, events);
            if (!hasReservedTuple(r, pw.context().mode())) {
                fillLeaf(CachedLeaf.from(r, pw.context().sdid(), pw.context().mode()), events);
            }
        }
        boolean retry = stale && params.fenceDuringWalk() == FenceDuringWalk.RETRY;
        return new CheckOutcome(CheckOutcome.Kind.MISS, r, stale, retry, pw.startLevel(), events);
    }

    // ---- fences --------------------------------------------------------------------------------------

    /**
     * MFENCE.PA: the invalidation enters behind any queued MINVAL.PA operands and the sync applies them all in
     * order; returns the INVALIDATE events in that order.
     */
    public List<CacheEvent> mfencePa(Invalidation inv) {
        List<CacheEvent> events = sync();
        events.addAll(invalidateNow(inv));
        return events;
    }

    /** MINVAL.PA: queues the invalidation; false when the queue is full (backpressure, nothing queued). */
    public boolean minval(Invalidation inv) {
        if (inv == null) {
            throw new IllegalArgumentException("invalidation must be given");
        }
        if (minvalQueue.size() == params.minvalQueueDepth()) {
            return false;
        }
        minvalQueue.addLast(inv);
        return true;
    }

    /** The oldest queued MINVAL.PA operand (the one {@link #applyNextQueued} applies), or null when none is queued. */
    public Invalidation nextQueued() {
        return minvalQueue.peekFirst();
    }

    /** The RTL applied the oldest queued invalidation now (it may do so before the sync). */
    public List<CacheEvent> applyNextQueued() {
        if (minvalQueue.isEmpty()) {
            throw new IllegalStateException("no MINVAL.PA is queued");
        }
        return invalidateNow(minvalQueue.removeFirst());
    }

    /** SFENCE.INVAL.IR: applies every queued invalidation, oldest first. */
    public List<CacheEvent> sync() {
        List<CacheEvent> events = new ArrayList<>();
        while (!minvalQueue.isEmpty()) {
            events.addAll(invalidateNow(minvalQueue.removeFirst()));
        }
        return events;
    }

    /** SFENCE.W.INVAL orders the hart's stores before later MINVAL.PA; the cache has nothing to do. */
    public List<CacheEvent> sfenceWInval() {
        return new ArrayList<>();
    }

    /**
     * Applies one invalidation now (CHECKER-MICROARCH.md §5 table): clears every matching valid entry — leaf
     * array (set, then way), superpage array, walk cache (by index) — and increments the epoch even when
     * nothing matched. PLRU bits are not changed.
     */
    public List<CacheEvent> invalidateNow(Invalidation inv) {
        if (inv == null) {
            throw new IllegalArgumentException("invalidation must be given");
        }
        List<CacheEvent> events = new ArrayList<>();
        int sdid = (int) (inv.sdid() & params.sdidMask());
        for (int s = 0; s < leafArray.size(); s++) {
            WaySet<CachedLeaf> set = leafArray.get(s);
            for (int w = 0; w < set.size(); w++) {
                CachedLeaf e = set.get(w);
                if (e != null && (!inv.hasSdid() || e.sdid() == sdid) && (!inv.hasPa() || e.contains(inv.pa()))) {
                    events.add(leafEvent(Kind.INVALIDATE, ArrayId.LEAF, s, w, e));
                    set.invalidate(w);
                }
            }
        }
        for (int i = 0; i < superpage.size(); i++) {
            CachedLeaf e = superpage.get(i);
            if (e != null && (!inv.hasSdid() || e.sdid() == sdid) && (!inv.hasPa() || e.contains(inv.pa()))) {
                events.add(leafEvent(Kind.INVALIDATE, ArrayId.SUPERPAGE, 0, i, e));
                superpage.invalidate(i);
            }
        }
        if (walkCache != null && (!inv.hasPa() || params.paFenceDropsWalkCache())) {
            for (int i = 0; i < walkCache.size(); i++) {
                WalkEntry e = walkCache.get(i);
                if (e != null && (!inv.hasSdid() || e.sdid() == sdid) && (!inv.hasPa() || e.covers(inv.pa()))) {
                    events.add(walkEvent(Kind.INVALIDATE, i, e));
                    walkCache.invalidate(i);
                }
            }
        }
        epoch++;
        return events;
    }

    // ---- inspection --------------------------------------------------------------------------------

    /** Valid entries, PLRU bits, epoch and queue, for reports and tests. */
    public CacheSnapshot snapshot() {
        List<CacheSnapshot.LeafSlot> leaf = new ArrayList<>();
        long[] leafPlru = new long[leafArray.size()];
        for (int s = 0; s < leafArray.size(); s++) {
            WaySet<CachedLeaf> set = leafArray.get(s);
            leafPlru[s] = set.plruBits();
            for (int w = 0; w < set.size(); w++) {
                if (set.valid(w)) {
                    leaf.add(new CacheSnapshot.LeafSlot(s, w, set.get(w)));
                }
            }
        }
        List<CacheSnapshot.LeafSlot> sp = new ArrayList<>();
        for (int i = 0; i < superpage.size(); i++) {
            if (superpage.valid(i)) {
                sp.add(new CacheSnapshot.LeafSlot(0, i, superpage.get(i)));
            }
        }
        List<CacheSnapshot.WalkSlot> wc = new ArrayList<>();
        if (walkCache != null) {
            for (int i = 0; i < walkCache.size(); i++) {
                if (walkCache.valid(i)) {
                    wc.add(new CacheSnapshot.WalkSlot(i, walkCache.get(i)));
                }
            }
        }
        return new CacheSnapshot(List.copyOf(leaf), List.copyOf(sp), List.copyOf(wc), leafPlru,
                superpage.plruBits(), walkCache == null ? 0 : walkCache.plruBits(), epoch,
                List.copyOf(minvalQueue));
    }

    @Override
    public String toString() {
        return snapshot().toString();
    }

    /** Leaf-array set of {@code pa}: PA bits [leafRangeLog2 + setBits − 1 : leafRangeLog2]. */
    public int leafSetIndex(long pa) {
        return (int) ((pa >>> params.leafRangeLog2()) & (params.leafSets() - 1));
    }

    // ---- internals ---------------------------------------------------------------------------------

    private void validate(CheckContext ctx, int need) {
        if (ctx == null) {
            throw new IllegalArgumentException("context must be given");
        }
        if (ctx.mode() != MttMode.BARE && ctx.mode().xlen() != params.xlen()) {
            throw new IllegalArgumentException("mode " + ctx.mode().id() + " is an RV" + ctx.mode().xlen()
                    + " mode but the cache is configured for xlen " + params.xlen());
        }
        if ((ctx.sdid() & ~params.sdidMask()) != 0) {
            throw new IllegalArgumentException("sdid " + ctx.sdid() + " does not fit in sdidLen=" + params.sdidLen()
                    + " bits (the SDID CSR field is WARL: write the legalised value)");
        }
        if (need < 0 || need > (Access.R | Access.W | Access.X)) {
            throw new IllegalArgumentException("need must be a subset of Access.R|W|X (0..7), got " + need);
        }
    }

    /** Same rule as the lookup's RANGE step: a PA bit at or above min(mode width, paw) is a fault. */
    private boolean outOfRange(MttMode mode, long pa) {
        int width = Math.min(mode.paBits(), lookup.config().paw());
        return width < 64 && (pa >>> width) != 0;
    }

    private boolean matches(CachedLeaf e, CheckContext ctx) {
        return e.sdid() == ctx.sdid() && e.mode() == ctx.mode();
    }

    /**
     * What {@link #probe} and {@link #beginMiss} would report for {@code pa} in {@code ctx}, with no state change
     * (no PLRU update): {kind (0 hit, 1 miss, -1 no probe: Bare or a PA-range fault), array (0 leaf, 1 superpage),
     * set, way, walk-cache entry or -1}. For a co-simulation driver that must tell which of several legal contexts
     * the RTL looked up before it drives the model with one.
     */
    public int[] peek(CheckContext ctx, long pa) {
        if (ctx.mode() == MttMode.BARE || outOfRange(ctx.mode(), pa)) {
            return new int[] {-1, 0, 0, 0, -1};
        }
        Slot hit = findHit(ctx, pa);
        if (hit != null) {
            return new int[] {0, hit.array() == ArrayId.LEAF ? 0 : 1, hit.set(), hit.way(), -1};
        }
        return new int[] {1, 0, leafSetIndex(pa), 0, deepestWalkHit(ctx, pa)};
    }

    /** Where a leaf or superpage entry sits. */
    private record Slot(ArrayId array, int set, int way) {
    }

    /**
     * The one entry that answers {@code pa} in {@code ctx}, or null (policy 4): the leaf array first (its
     * level-0 entries are the deepest possible answer); among superpage hits the lowest level, then the
     * smallest range, then the lowest index.
     */
    private Slot findHit(CheckContext ctx, long pa) {
        int set = leafSetIndex(pa);
        WaySet<CachedLeaf> leafSet = leafArray.get(set);
        for (int w = 0; w < leafSet.size(); w++) {
            CachedLeaf e = leafSet.get(w);
            if (e != null && matches(e, ctx) && e.contains(pa)) {
                return new Slot(ArrayId.LEAF, set, w);
            }
        }
        int best = -1;
        for (int i = 0; i < superpage.size(); i++) {
            CachedLeaf e = superpage.get(i);
            if (e != null && matches(e, ctx) && e.contains(pa)) {
                CachedLeaf b = best < 0 ? null : superpage.get(best);
                // Strict comparisons keep the lower index on a full tie.
                if (b == null || e.level() < b.level() || (e.level() == b.level() && e.leafLog2() < b.leafLog2())) {
                    best = i;
                }
            }
        }
        return best < 0 ? null : new Slot(ArrayId.SUPERPAGE, 0, best);
    }

    /** Deepest (lowest table level) matching walk-cache entry, lowest index on a tie; -1 when none. */
    private int deepestWalkHit(CheckContext ctx, long pa) {
        if (walkCache == null) {
            return -1;
        }
        int best = -1;
        for (int i = 0; i < walkCache.size(); i++) {
            WalkEntry e = walkCache.get(i);
            if (e != null && e.sdid() == ctx.sdid() && e.mode() == ctx.mode() && e.covers(pa)
                    && (best < 0 || e.tableLevel() < walkCache.get(best).tableLevel())) {
                best = i;
            }
        }
        return best;
    }

    /**
     * Walk-cache fill (policy 3): only the deepest pointer the walk itself followed; none when the walk
     * followed no pointer (a root leaf, or a leaf in the table a walk-cache hit supplied).
     */
    private void fillWalkCache(PendingWalk pw, List<CacheEvent> events) {
        LookupResult r = pw.result();
        if (walkCache == null || r.pointerCount() == 0) {
            return;
        }
        int last = r.pointerCount() - 1;
        int tableLevel = r.pointerLevel(last) - 1;
        MttMode mode = pw.context().mode();
        int cover = WalkGeometry.tableCoverLog2(mode, tableLevel);
        WalkEntry fill = new WalkEntry(pw.context().sdid(), mode, tableLevel, cover, pw.pa() >>> cover,
                r.pointerNextPpn(last));
        int way = -1;
        for (int i = 0; i < walkCache.size() && way < 0; i++) {
            WalkEntry e = walkCache.get(i);
            if (e != null && e.sameTag(fill)) {
                way = i;
            }
        }
        if (way < 0) {
            way = walkCache.victim();
            WalkEntry old = walkCache.get(way);
            if (old != null) {
                events.add(walkEvent(Kind.EVICT, way, old));
            }
        }
        walkCache.fill(way, fill);
        events.add(walkEvent(Kind.FILL, way, fill));
    }

    /**
     * Leaf fill (policies 1, 2, 6): level-0 TUPLES leaves into the leaf array, every other leaf into the
     * superpage array; an entry with the same tag is overwritten in place, else the victim is replaced.
     */
    private void fillLeaf(CachedLeaf leaf, List<CacheEvent> events) {
        boolean toLeafArray = leaf.level() == 0 && leaf.kind() == LeafKind.TUPLES;
        if (toLeafArray && leaf.leafLog2() != params.leafRangeLog2()) {
            throw new IllegalStateException("level-0 TUPLES leaf of 2^" + leaf.leafLog2()
                    + " bytes does not match the leaf array range 2^" + params.leafRangeLog2());
        }
        int set = toLeafArray ? leafSetIndex(leaf.base()) : 0;
        ArrayId array = toLeafArray ? ArrayId.LEAF : ArrayId.SUPERPAGE;
        WaySet<CachedLeaf> ways = toLeafArray ? leafArray.get(set) : superpage;
        int way = -1;
        for (int w = 0; w < ways.size() && way < 0; w++) {
            CachedLeaf e = ways.get(w);
            if (e != null && e.sameTag(leaf)) {
                way = w;
            }
        }
        if (way < 0) {
            way = ways.victim();
            CachedLeaf old = ways.get(way);
            if (old != null) {
                events.add(leafEvent(Kind.EVICT, array, set, way, old));
            }
        }
        ways.fill(way, leaf);
        events.add(leafEvent(Kind.FILL, array, set, way, leaf));
    }

    /**
     * A TUPLES leaf with any reserved tuple encoding is never filled: Smmpt XWR 010/110, or a v0.1 MTTL1 nibble
     * with bits [3:2] set (SPEC-DECISIONS #11). Under rsvdTupleScope=ANY such a leaf already faults; under
     * SELECTED it is cacheable for a PA selecting a legal tuple, and not caching it keeps every later request
     * to a reserved tuple a walk that faults, exactly as the spec lookup does (docs/cache-model.md §"Fill").
     * Public so that coverage can tell which fills the rule suppressed without restating it.
     *
     * @param r    the walk's result (its leaf and its reads)
     * @param mode the mode the walk ran in
     */
    public static boolean hasReservedTuple(LookupResult r, MttMode mode) {
        if (r.leafKind() != LeafKind.TUPLES) {
            return false;
        }
        for (int i = 0; i < r.tupleCount(); i++) {
            int xwr = r.tupleXwr(i);
            if (xwr == 0b010 || xwr == 0b110) {
                return true;
            }
        }
        if (mode.format() == TableFormat.SMMTT_V0_1 && r.level() == 0 && r.readCount() > 0) {
            // The MTTL1 word is the walk's last read; PERM is nibble bits [1:0], bits [3:2] are reserved.
            long word = r.readValue(r.readCount() - 1);
            long resvMask = mode.xlen() == 64 ? 0xCCCC_CCCC_CCCC_CCCCL : 0xCCCC_CCCCL;
            return (word & resvMask) != 0;
        }
        return false;
    }

    private static CacheEvent leafEvent(Kind kind, ArrayId array, int set, int way, CachedLeaf e) {
        return new CacheEvent(kind, array, set, way, e.sdid(), e.mode(), e.level(), e.base(), e.leafLog2());
    }

    private static CacheEvent walkEvent(Kind kind, int way, WalkEntry e) {
        return new CacheEvent(kind, ArrayId.WALK, 0, way, e.sdid(), e.mode(), e.tableLevel(),
                e.prefix() << e.coverLog2(), e.coverLog2());
    }
}
