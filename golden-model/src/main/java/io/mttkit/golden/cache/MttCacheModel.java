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
 *
 * <p>Several walks in flight (docs/nonblocking.md): {@link #setWalksInFlight} gives W MSHRs;
 * {@link #probeInFlight} allocates one on a miss and starts its walk or parks it on a conflicting walk (WAIT);
 * {@link #readAnswered} follows each walk's memory responses, {@link #replay} re-looks-up a parked miss (R8),
 * {@link #fill} ends a walk (R2, R5, R6), {@link #stale} is R1 per MSHR and {@link #requestSync} /
 * {@link #syncMayAck} are R7.
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
    /** The MSHRs of a checker with several walks in flight (docs/nonblocking.md); one by default. */
    private Mshr[] mshrs = {new Mshr(0)};
    /** A sync's request rose and it is not acknowledged yet (R7). */
    private boolean syncPending;

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
        for (Mshr m : mshrs) {
            m.free();
        }
        syncPending = false;
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

    // ---- several walks in flight (docs/nonblocking.md) ----------------------------------------------

    /**
     * Sets W, the walks in flight (1..8; default 1), and frees every MSHR. Only the MSHR methods below
     * ({@link #probeInFlight}, {@link #readAnswered}, {@link #replay}, {@link #fill}, {@link #requestSync},
     * {@link #syncMayAck}) use it; {@link #check}, {@link #probe}, {@link #beginMiss} and {@link #finishMiss} are the
     * one-walk API of contract v2 and do not change.
     */
    public void setWalksInFlight(int w) {
        if (w < 1 || w > 8) {
            throw new IllegalArgumentException("walksInFlight must be 1..8, got " + w);
        }
        mshrs = new Mshr[w];
        for (int i = 0; i < w; i++) {
            mshrs[i] = new Mshr(i);
        }
        syncPending = false;
    }

    /** W, the walks in flight. */
    public int walksInFlight() {
        return mshrs.length;
    }

    /**
     * A new request's lookup with walks in flight. Answers Bare, PA range faults and hits (as {@link #probe}); on a
     * miss allocates the lowest-numbered FREE MSHR and either parks it on the walk it conflicts with (WAIT(j): same
     * cache context {sdid, mode} as walk j and the PA agrees with j's on every bit above the cover of the entry j
     * reads next — the lowest such j) or starts its walk there (MISS, walk-cache probe, R1 epoch sample, reads).
     *
     * @throws IllegalStateException when no MSHR is FREE: the checker must not accept a request then (req_ready
     *                               needs a free MSHR, docs/nonblocking.md "Lookup, one per cycle")
     */
    public Probe probeInFlight(CheckContext ctx, long pa, int need) {
        validate(ctx, need);
        Mshr m = null;
        for (int i = 0; i < mshrs.length && m == null; i++) {
            if (mshrs[i].state == Mshr.State.FREE) {
                m = mshrs[i];
            }
        }
        if (m == null) {
            throw new IllegalStateException("no MSHR is FREE (" + mshrs.length + " walks in flight): a request must "
                    + "not be accepted (req_ready needs a free MSHR)");
        }
        Optional<CheckOutcome> front = probe(ctx, pa, need);
        if (front.isPresent()) {
            return new Probe(Probe.Kind.ANSWERED, -1, -1, front.get(), null, front.get().events());
        }
        m.ctx = ctx;
        m.pa = pa;
        m.need = need;
        return missInto(m);
    }

    /**
     * The walk that a miss of {@code pa} in {@code ctx} would wait on now (WAIT(j)), or -1: walk j is in WALK, has
     * the same cache context {sdid, mode} and {@code pa} agrees with its PA above the cover of the entry it reads
     * next (they would read the same MPTE now). The lowest such j. No state change.
     */
    public int conflictingWalk(CheckContext ctx, long pa) {
        for (Mshr j : mshrs) {
            if (j.state == Mshr.State.WALK && j.ctx.sdid() == ctx.sdid() && j.ctx.mode() == ctx.mode()) {
                int cover = entryCoverLog2(j.ctx.mode(), j.nextEntryLevel());
                if (cover >= 64 || (pa >>> cover) == (j.pa >>> cover)) {
                    return j.index;
                }
            }
        }
        return -1;
    }

    /**
     * The memory answered one more read of walk {@code walkId} (its tag): the walk moves on to the next entry, and
     * when that entry differs from the one it read (it went a level deeper), every MSHR waiting on it may replay.
     *
     * @return the MSHRs whose replay this released (R8: from the next cycle on)
     */
    public List<Integer> readAnswered(int walkId) {
        Mshr j = mshr(walkId, Mshr.State.WALK, "a memory response");
        int before = j.nextReadIndex();
        j.readsAnswered++;
        return j.nextReadIndex() != before ? releaseWaiters(walkId) : List.of();
    }

    /**
     * The replay of MSHR {@code walkId} (R8): a new lookup of its request that sees every invalidation applied before
     * it. A hit answers it (the MSHR is freed); a miss parks it again on a walk it conflicts with, or starts its walk
     * in the same MSHR (from the walk-cache entry the walk it waited on filled, if any). Its stale bit is sampled anew.
     *
     * @throws IllegalStateException when the MSHR is not WAIT, or the walk it waits on has not passed the
     *                               conflicting entry yet
     */
    public Probe replay(int walkId) {
        Mshr m = mshr(walkId, Mshr.State.WAIT, "a replay");
        if (!m.replayReady) {
            throw new IllegalStateException("MSHR " + walkId + " replayed while walk " + m.waitOn
                    + " it waits on has not passed the conflicting entry (R8)");
        }
        Optional<CheckOutcome> front = probe(m.ctx, m.pa, m.need);
        if (front.isPresent()) {
            m.free();
            return new Probe(Probe.Kind.ANSWERED, walkId, -1, front.get(), null, front.get().events());
        }
        return missInto(m);
    }

    /**
     * The fill cycle of walk {@code walkId} (R6: staleness judged now; R2: an invalidation applied in this same step
     * suppresses the fill; R5: a tag another walk filled meanwhile is overwritten in place). Frees the MSHR and
     * releases every MSHR waiting on it.
     *
     * @return the walk's answer and fill events
     */
    public CheckOutcome fill(int walkId, boolean invalidationInSameStep) {
        Mshr m = mshr(walkId, Mshr.State.WALK, "a fill");
        CheckOutcome out = finishMiss(m.walk, invalidationInSameStep);
        m.free();
        releaseWaiters(walkId);
        return out;
    }

    /** R1 for MSHR {@code walkId} (WAIT or WALK): an invalidation was applied since its lookup. */
    public boolean stale(int walkId) {
        Mshr m = mshrs[checkIndex(walkId)];
        if (m.state == Mshr.State.FREE) {
            throw new IllegalStateException("MSHR " + walkId + " is FREE: no walk to be stale");
        }
        return epoch != m.epochAtLookup;
    }

    /** The walk in flight in MSHR {@code walkId} (state WALK), for its reads and verdict. */
    public PendingWalk walk(int walkId) {
        return mshr(walkId, Mshr.State.WALK, "a walk query").walk;
    }

    /** The level of the entry walk {@code walkId} reads next (what a miss conflicting with it now would share). */
    public int nextEntryLevel(int walkId) {
        return mshr(walkId, Mshr.State.WALK, "a walk query").nextEntryLevel();
    }

    /** State of MSHR {@code walkId}: "FREE", "WAIT" or "WALK". */
    public String mshrState(int walkId) {
        return mshrs[checkIndex(walkId)].state.name();
    }

    /** The walk MSHR {@code walkId} waits on (state WAIT), else -1. */
    public int waitingOn(int walkId) {
        Mshr m = mshrs[checkIndex(walkId)];
        return m.state == Mshr.State.WAIT ? m.waitOn : -1;
    }

    /** Whether MSHR {@code walkId} is parked (WAIT) and the walk it waits on has passed the entry (R8). */
    public boolean replayReady(int walkId) {
        Mshr m = mshrs[checkIndex(walkId)];
        return m.state == Mshr.State.WAIT && m.replayReady;
    }

    /** MSHRs not FREE. */
    public int busyMshrs() {
        int n = 0;
        for (Mshr m : mshrs) {
            n += m.state == Mshr.State.FREE ? 0 : 1;
        }
        return n;
    }

    /** {@code sync_req} rose: every MSHR busy now is older than this sync (R7). */
    public void requestSync() {
        for (Mshr m : mshrs) {
            m.olderThanSync = m.state != Mshr.State.FREE;
        }
        syncPending = true;
    }

    /**
     * Whether {@code sync_ack} may be given now: the MINVAL.PA queue is empty and (W > 1, R7) every MSHR allocated
     * before the sync's request rose is FREE or stale — so no walk older than the sync can fill after it. With one
     * walk (W = 1) the rule is contract v2's, unchanged: the queue is empty.
     */
    public boolean syncMayAck() {
        if (!minvalQueue.isEmpty()) {
            return false;
        }
        if (mshrs.length == 1) {
            return true;
        }
        for (Mshr m : mshrs) {
            if (syncPending && m.olderThanSync && m.state != Mshr.State.FREE && epoch == m.epochAtLookup) {
                return false;
            }
        }
        return true;
    }

    /** The sync was acknowledged: no sync is pending any more. */
    public void acknowledgeSync() {
        syncPending = false;
        for (Mshr m : mshrs) {
            m.olderThanSync = false;
        }
    }

    /** The MSHRs, for reports. */
    public String mshrsText() {
        StringBuilder b = new StringBuilder();
        for (Mshr m : mshrs) {
            b.append("  ").append(m).append(m.state != Mshr.State.FREE && epoch != m.epochAtLookup ? " stale" : "")
             .append('\n');
        }
        return b.toString();
    }

    /** A miss of MSHR {@code m}'s request: WAIT on a conflicting walk, or its own walk. */
    private Probe missInto(Mshr m) {
        CacheEvent miss = new CacheEvent(Kind.MISS, ArrayId.LEAF, leafSetIndex(m.pa), -1, m.ctx.sdid(), m.ctx.mode(),
                -1, m.pa, 0);
        m.epochAtLookup = epoch;
        m.replayReady = false;
        int j = conflictingWalk(m.ctx, m.pa);
        if (j >= 0) {
            m.state = Mshr.State.WAIT;
            m.waitOn = j;
            m.walk = null;
            // The lookup probes the walk cache whether or not the miss conflicts (docs/nonblocking.md "Decisions
            // taken while joining the two sides"): the conflict is decided beside the cache, not in front of it, so
            // a parked miss reports WALK_HIT and touches the replacement order like a miss that walks.
            List<CacheEvent> events = new ArrayList<>(List.of(miss));
            int hitWay = deepestWalkHit(m.ctx, m.pa);
            if (hitWay >= 0) {
                walkCache.touch(hitWay);
                events.add(walkEvent(Kind.WALK_HIT, hitWay, walkCache.get(hitWay)));
            }
            return new Probe(Probe.Kind.WAIT, m.index, j, null, null, events);
        }
        m.state = Mshr.State.WALK;
        m.waitOn = -1;
        m.readsAnswered = 0;
        m.walk = beginMiss(m.ctx, m.pa, m.need);
        return new Probe(Probe.Kind.WALK, m.index, -1, null, m.walk, m.walk.events());
    }

    private List<Integer> releaseWaiters(int walkId) {
        List<Integer> released = new ArrayList<>();
        for (Mshr w : mshrs) {
            if (w.state == Mshr.State.WAIT && w.waitOn == walkId && !w.replayReady) {
                w.replayReady = true;
                released.add(w.index);
            }
        }
        return released;
    }

    private Mshr mshr(int walkId, Mshr.State state, String what) {
        Mshr m = mshrs[checkIndex(walkId)];
        if (m.state != state) {
            throw new IllegalStateException(what + " for MSHR " + walkId + ", which is " + m.state + ", not " + state);
        }
        return m;
    }

    private int checkIndex(int walkId) {
        if (walkId < 0 || walkId >= mshrs.length) {
            throw new IllegalArgumentException("walk id " + walkId + " is not an MSHR index 0.." + (mshrs.length - 1));
        }
        return walkId;
    }

    /**
     * log2 of the PA range one entry of a table at {@code level} decides: a level-0 entry a leaf range (2^16,
     * RV32 2^15), an entry above it the range of the table it points to (the walk-cache cover of level − 1).
     */
    private int entryCoverLog2(MttMode mode, int level) {
        return level == 0 ? params.leafRangeLog2() : WalkGeometry.tableCoverLog2(mode, level - 1);
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
