package io.mttkit.tb.cosim;

import io.mttkit.tb.dut.ResponseOrder;
import io.mttkit.bridge.Event;
import io.mttkit.bridge.Records;
import io.mttkit.golden.Cause;
import io.mttkit.golden.LookupResult;
import io.mttkit.golden.cache.CacheEvent;
import io.mttkit.golden.cache.CacheEvent.ArrayId;
import io.mttkit.golden.cache.CacheEvent.Kind;
import io.mttkit.golden.cache.CheckContext;
import io.mttkit.golden.cache.CheckOutcome;
import io.mttkit.golden.cache.Invalidation;
import io.mttkit.golden.cache.MttCacheModel;
import io.mttkit.golden.cache.PendingWalk;
import io.mttkit.golden.cache.Probe;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The scoreboard of a checker with several walks in flight (port contract v4, docs/nonblocking.md "Golden side and
 * scoreboard"): follows the RTL's events cycle by cycle and drives the golden cache model's MSHRs
 * ({@link MttCacheModel#probeInFlight} ...) at the points they say things happened.
 *
 * <ul>
 *   <li>in-flight walks are keyed by MSHR index: {@code obs_walk_id} with the MISS pulse (compared with the model's
 *       lowest FREE MSHR), {@code obs_wait}/{@code obs_wait_on} for a miss parked on a conflicting walk,
 *       {@code obs_replay} for a replayed lookup (R8: not before the cycle after the walk it waited on passed),
 *       {@code obs_walk_end}/{@code obs_fill_walk_id} for a walk's fill cycle (R2, R5, R6);</li>
 *   <li>the golden walk of each MSHR is the model's, its reads compared with the reads of the MSHR's own tag
 *       ({@code mrd_tag}/{@code mrs_tag}), so out-of-order memory is transparent;</li>
 *   <li>responses are matched by sequence ({@link ResponseOrder#IN_ORDER}) or by {@code rsp_id}
 *       ({@link ResponseOrder#BY_ID}; two requests in flight with one id are reported as a stimulus error), and
 *       may not leave before their answer is known;</li>
 *   <li>{@code sync_ack} only when the model's queue is empty and no MSHR older than the sync is busy and not stale
 *       (R7); invalidations, their cleared entries and the fills as contract v2's {@link CacheScoreboard}.</li>
 * </ul>
 *
 * Within a cycle the model is driven in this order: the sync's request rising, the lookup (a replay or a new request;
 * it sees the walks as they were at the start of the cycle), the memory reads and responses, the fill, the responses,
 * the sync acknowledged, the invalidation accepted, the invalidation applied. Differences are returned as text lines.
 */
final class WalkScoreboard {
    /** Prepares the golden memory for a walk whose read {@code failAt} the bus answered with an error (-1: none). */
    @FunctionalInterface
    interface ReadFaults {
        void prepare(int failAt);
    }

    /** The verdict a request must get. */
    private record Expected(boolean allow, int cause, int xwr, int level, int leafLog2, int uniformLog2,
                            boolean cacheable, boolean stale) {
        static Expected of(LookupResult r, boolean stale) {
            return new Expected(r.allow(), r.cause().ordinal(), Math.max(0, r.xwr()), r.level(), r.leafLog2(),
                    r.uniformLog2(), r.cacheable() && !stale, stale);
        }
    }

    /** A request accepted and not answered yet. */
    private static final class InFlight {
        final long seq;
        final int id;
        final CheckRequest req;
        Expected expected;
        long decidedCycle = -1;

        InFlight(long seq, int id, CheckRequest req) {
            this.seq = seq;
            this.id = id;
            this.req = req;
        }

        void decide(Expected e, long cycle) {
            expected = e;
            decidedCycle = cycle;
        }

        @Override
        public String toString() {
            return "request " + seq + " (id " + id + String.format(", pa 0x%x)", req.pa());
        }
    }

    private final MttCacheModel model;
    private final WalkPorts ports;
    private final ResponseOrder order;
    private final int idMask;
    private final int sdidMask;
    private final long pawMask;
    private final boolean bigEndianSupport;
    private final int leafWays;
    private final int leafSets;
    private final int superpageEntries;
    private final int walkEntries;
    private final ReadFaults faults;

    private final List<CheckRequest> pending = new ArrayList<>();
    private int nextRequest;
    private long nextSeq;
    private final List<InFlight> inFlight = new ArrayList<>();
    private final InFlight[] byMshr;
    private final List<List<MpteRead>> reads = new ArrayList<>();
    private final int[] responses;
    /**
     * Per MSHR: responses the walk received that the model has not been told of yet. A walk goes a level deeper in
     * the cycle its PMP query of the next entry is granted ({@code pmp_valid}), which is the response's next cycle
     * only when no other walk holds the query port; the model moves the walk on to the next entry at that query
     * (the conflict rule and R8 release of docs/nonblocking.md "goes a level deeper"), or at its fill.
     */
    private final int[] descentsDue;
    /** Per MSHR: responses the model has been told of ({@link MttCacheModel#readAnswered}). */
    private final int[] passed;
    private final List<Event.PmpQuery> pmpQueries = new ArrayList<>();
    /** Bytes above a table's base its entries can lie at (the largest table of any format is well inside). */
    private static final long TABLE_SPAN = 1 << 20;
    /** Per MSHR in WAIT: the cycle the walk it waits on passed the entry (or ended), -1 while it has not. */
    private final long[] releaseCycle;
    private long answered;

    // the current cycle
    private long cycle = -1;
    private Event.Observation obs;
    private Event.Accept accept;
    private final List<Event> memory = new ArrayList<>();
    private final List<Event.Response> rsps = new ArrayList<>();
    private Event.SyncAck syncAck;
    private Event.InvalidationAccept invAccept;
    private final long[][] words;
    private long syncRise = -1;
    private boolean syncRequested;
    private int walksAtSync;
    private WalkObserver observer = (step, walks, level) -> { };
    /** Told of every request's golden verdict when it is decided (coverage of the verdicts; null: none). */
    private CheckObserver checkObserver;

    /** Tells {@code o} of every step that matched (coverage). */
    void setObserver(WalkObserver o) {
        observer = o;
    }

    /**
     * Tells {@code o} of each request and its golden result when the verdict is decided (a lookup answered, a walk's
     * fill), as the blocking harness tells it of each matched check; {@code null} result for bypass and an
     * unimplemented {@code req_mode}. The result object is the model's: read it at once.
     */
    void setCheckObserver(CheckObserver o) {
        checkObserver = o;
    }

    private int walks() {
        int n = 0;
        for (int i = 0; i < byMshr.length; i++) {
            n += model.mshrState(i).equals("WALK") ? 1 : 0;
        }
        return n;
    }

    private void observe(List<String> d, int before, WalkObserver.Step step, int walks, int level) {
        if (d.size() == before) {
            observer.onWalkStep(step, walks, level);
        }
    }

    /**
     * @param model            the golden cache model, with {@link MttCacheModel#setWalksInFlight} set to the checker's W
     * @param ports            the observation port ids
     * @param order            how the checker delivers responses
     * @param portCount        number of bridge port ids (the highest id + 1)
     * @param idWidth          {@code req_id}/{@code rsp_id} width
     * @param paw              {@code inv_pa} width
     * @param bigEndianSupport the checker honours {@code req_be}
     * @param faults           the golden memory's bus-error injection (a no-op when none are injected)
     */
    WalkScoreboard(MttCacheModel model, WalkPorts ports, ResponseOrder order, int portCount, int idWidth, int paw,
                   boolean bigEndianSupport, ReadFaults faults) {
        this.model = model;
        this.ports = ports;
        this.order = order;
        this.idMask = (1 << idWidth) - 1;
        this.sdidMask = model.params().sdidMask();
        this.pawMask = paw >= 64 ? -1L : (1L << paw) - 1;
        this.bigEndianSupport = bigEndianSupport;
        this.leafWays = model.params().leafWays();
        this.leafSets = model.params().leafSets();
        this.superpageEntries = model.params().superpageEntries();
        this.walkEntries = model.params().walkCacheEntries();
        this.faults = faults;
        int w = model.walksInFlight();
        this.byMshr = new InFlight[w];
        this.responses = new int[w];
        this.descentsDue = new int[w];
        this.passed = new int[w];
        this.releaseCycle = new long[w];
        Arrays.fill(releaseCycle, -1);
        for (int i = 0; i < w; i++) {
            reads.add(new ArrayList<>());
        }
        this.words = new long[portCount][];
    }

    /** Appends the checks of the next run, in stream order. */
    void start(List<CheckRequest> checks) {
        pending.addAll(checks);
    }

    /**
     * {@code sync_req} rose in {@code riseCycle} (the driver presents it): MSHRs allocated before are older (R7). Call
     * it before the events of that cycle are taken; one sync is presented at a time (the stream waits for its ack).
     */
    void syncPresented(long riseCycle) {
        syncRise = riseCycle;
        syncRequested = false;
    }

    /** Requests answered so far. */
    long answered() {
        return answered;
    }

    /** Takes one event; closes the previous cycle when {@code e} starts a new one and returns its differences. */
    List<String> onEvent(Event e) {
        List<String> diffs = List.of();
        if (e.cycle() != cycle) {
            diffs = closeCycle();
            cycle = e.cycle();
        }
        if (e instanceof Event.Observation o) {
            obs = o;
        } else if (e instanceof Event.Accept a) {
            accept = a;
        } else if (e instanceof Event.PmpQuery q) {
            pmpQueries.add(q);
        } else if (e instanceof Event.MemoryRead || e instanceof Event.MemoryResponse) {
            memory.add(e);
        } else if (e instanceof Event.Response r) {
            rsps.add(r);
        } else if (e instanceof Event.SyncAck s) {
            syncAck = s;
        } else if (e instanceof Event.InvalidationAccept i) {
            invAccept = i;
        } else if (e instanceof Event.ExtensionWord x && x.port() >= 0 && x.port() < words.length) {
            long[] w = words[x.port()];
            if (w == null || w.length <= x.word()) {
                words[x.port()] = w = w == null ? new long[x.word() + 1] : Arrays.copyOf(w, x.word() + 1);
            }
            w[x.word()] = x.value();
        }
        return diffs;
    }

    /** Ends the stream: closes the last cycle; every request must have been answered. */
    List<String> finish() {
        List<String> diffs = new ArrayList<>(closeCycle());
        cycle = -1;
        int open = inFlight.size() + (pending.size() - nextRequest);
        if (open > 0) {
            diffs.add("  " + open + " request(s) never answered: " + inFlight);
        }
        if (syncRise >= 0) {
            diffs.add("  the sync presented in cycle " + syncRise + " was never acknowledged");
        }
        return diffs;
    }

    /** The model's MSHRs and cache, for reports. */
    String snapshot() {
        return "MSHRs:\n" + model.mshrsText() + model.snapshot();
    }

    // ---- one cycle ---------------------------------------------------------------------------------

    private List<String> closeCycle() {
        List<String> d = new ArrayList<>();
        if (cycle >= 0) {
            if (syncRise >= 0 && syncRise <= cycle && !syncRequested) {
                model.requestSync();
                syncRequested = true;
                walksAtSync = walks();
            }
            boolean invApplied = value(ports.invApply()) != 0;
            if (value(ports.walkEnd()) != 0 && (accept != null || value(ports.replay()) != 0)) {
                d.add("  cycle " + cycle + ": a lookup and a fill share the cycle (one structure write per cycle)");
            }
            // sync_ack is judged on the MSHRs as at the start of the cycle, as a lookup sees the walks: a parked
            // stale miss that replays in the ack's cycle walks after the invalidation, so it does not hold the sync
            boolean syncMayAck = syncRequested && model.syncMayAck();
            List<Integer> released = descents();
            lookup(d);
            for (int i : released) {
                releaseCycle[i] = cycle; // after the lookup: a replay is taken from the next cycle on (R8)
            }
            int ending = 0;
            for (Event e : memory) {
                if (e instanceof Event.MemoryResponse r && r.tag() < byMshr.length
                        && model.mshrState(r.tag()).equals("WALK")
                        && responses[r.tag()] + 1 == model.walk(r.tag()).result().readCount()) {
                    ending++;
                }
                if (e instanceof Event.MemoryRead rd) {
                    read(rd, d);
                } else {
                    response((Event.MemoryResponse) e, d);
                }
            }
            if (ending >= 2) {
                observe(d, 0, WalkObserver.Step.WALKS_END_TOGETHER, walks(), -1);
            }
            fill(invApplied, d);
            for (Event.Response r : rsps) {
                answer(r, d);
            }
            if (syncAck != null) {
                if (!syncRequested) {
                    d.add("  sync_ack in cycle " + cycle + " without a sync presented");
                } else if (!syncMayAck) {
                    d.add("  sync_ack in cycle " + cycle + ": " + (model.queuedCount() > 0 ? model.queuedCount()
                            + " invalidation(s) still queued" : "R7: an MSHR allocated before the sync's request "
                            + "rose is neither FREE nor stale:\n" + model.mshrsText()));
                }
                observe(d, 0, WalkObserver.Step.SYNC, walksAtSync, -1);
                model.acknowledgeSync();
                syncRise = -1;
                syncRequested = false;
            }
            if (invAccept != null) {
                Invalidation inv = new Invalidation(invAccept.hasPa(), invAccept.pa() & pawMask, invAccept.hasSdid(),
                        invAccept.sdid());
                if (!model.minval(inv)) {
                    d.add("  the RTL accepted " + inv + " in cycle " + cycle + " although the model's queue is full");
                }
            }
            if (invApplied) {
                if (model.queuedCount() == 0) {
                    d.add("  the RTL applied an invalidation in cycle " + cycle + " but none is queued");
                } else {
                    int before = d.size();
                    compareCleared(model.applyNextQueued(), d);
                    observe(d, before, WalkObserver.Step.INVALIDATION, walks(), -1);
                }
            } else if (any(ports.invLeaf()) || any(ports.invSuperpage()) || any(ports.invWalk())) {
                d.add("  the RTL cleared cache entries in cycle " + cycle + " without applying an invalidation");
            }
        }
        obs = null;
        accept = null;
        memory.clear();
        pmpQueries.clear();
        rsps.clear();
        syncAck = null;
        invAccept = null;
        Arrays.fill(words, null);
        return d;
    }

    /** The lookup slot of the cycle: a replay (it goes first) or a new request, never both. */
    private void lookup(List<String> d) {
        boolean replay = value(ports.replay()) != 0;
        if (replay && accept != null) {
            d.add("  cycle " + cycle + ": a replay (MSHR " + value(ports.walkId()) + ") and a new request share the "
                    + "one lookup slot");
        }
        if (replay) {
            int i = (int) value(ports.walkId());
            if (i >= byMshr.length || !model.mshrState(i).equals("WAIT")) {
                d.add("  cycle " + cycle + ": replay of MSHR " + i + ", which is "
                        + (i >= byMshr.length ? "not an MSHR" : model.mshrState(i) + ", not WAIT"));
            } else if (releaseCycle[i] < 0) {
                // the lookup runs before this cycle's responses and fill: a walk passing now releases it next cycle
                d.add("  R8: MSHR " + i + " replayed in cycle " + cycle + " but walk " + model.waitingOn(i)
                        + " it waits on had not passed the conflicting entry before this cycle");
            } else {
                InFlight f = byMshr[i];
                int before = d.size();
                int walks = walks();
                Probe p = model.replay(i);
                compareLookup(p, f, d);
                observe(d, before, WalkObserver.Step.REPLAY, walks, -1);
            }
        } else if (accept != null) {
            if (nextRequest >= pending.size()) {
                d.add("  cycle " + cycle + ": a request accepted beyond the stream");
                return;
            }
            CheckRequest req = pending.get(nextRequest++);
            InFlight f = new InFlight(nextSeq++, accept.id(), req);
            inFlight.add(f);
            if (req.isBypass() || req.mode() == null) {
                f.decide(req.isBypass() ? new Expected(true, 0, 0, 0, 0, 0, false, false)
                        : new Expected(false, Cause.PA_RANGE.ordinal(), 0, 0, 0, 0, false, false), cycle);
                if (checkObserver != null) {
                    checkObserver.onCheck(req, null);
                }
                if (obs != null) {
                    d.add("  cache lookup: " + f + " must not probe the cache, but the RTL reported " + obsText());
                }
                return;
            }
            if (model.busyMshrs() == model.walksInFlight()) {
                d.add("  " + f + " accepted in cycle " + cycle + " while all " + model.walksInFlight()
                        + " MSHRs were busy (req_ready needs a free MSHR)");
                return;
            }
            CheckContext ctx = new CheckContext(req.sdid() & sdidMask, req.mode(), req.rootPpn(), req.be());
            compareLookup(model.probeInFlight(ctx, req.pa(), req.need()), f, d);
        } else if (obs != null) {
            d.add("  the RTL reported a cache " + obsText() + " in cycle " + cycle + " without a request or a replay");
        }
    }

    private void compareLookup(Probe p, InFlight f, List<String> d) {
        int before = d.size();
        int walks = walks() - (p.kind() == Probe.Kind.WALK ? 1 : 0);
        int level = p.kind() == Probe.Kind.WAIT ? model.nextEntryLevel(p.waitOn()) : -1;
        compareProbe(p, f, d);
        if (p.kind() != Probe.Kind.ANSWERED) {
            observe(d, before, p.kind() == Probe.Kind.WAIT ? WalkObserver.Step.WAIT : WalkObserver.Step.MISS, walks,
                    level);
        }
    }

    private void compareProbe(Probe p, InFlight f, List<String> d) {
        switch (p.kind()) {
            case ANSWERED -> {
                CheckOutcome out = p.outcome();
                if (p.walkId() >= 0) {
                    byMshr[p.walkId()] = null;
                }
                f.decide(Expected.of(out.result(), false), cycle);
                if (checkObserver != null) {
                    checkObserver.onCheck(f.req, out.result());
                }
                if (out.hit()) {
                    CacheEvent h = p.events().get(0);
                    int array = h.array() == ArrayId.LEAF ? 0 : 1;
                    if (obs == null || obs.obsKind() != Records.OBS_HIT || obs.array() != array
                            || obs.set() != h.set() || obs.way() != h.way()) {
                        d.add("  cache lookup of " + f + ": expected " + h + ", RTL reported " + obsText());
                    }
                } else if (obs != null) {
                    d.add("  cache lookup of " + f + ": no probe (" + out.kind() + ") but the RTL reported "
                            + obsText());
                }
            }
            case WALK, WAIT -> {
                int i = p.walkId();
                byMshr[i] = f;
                CacheEvent m = p.events().get(0);
                boolean wait = p.kind() == Probe.Kind.WAIT;
                if (obs == null || obs.obsKind() != Records.OBS_MISS || obs.set() != m.set()) {
                    d.add("  cache lookup of " + f + ": expected MISS (leaf set " + m.set() + "), RTL reported "
                            + obsText());
                }
                if (value(ports.walkId()) != i) {
                    d.add("  cache lookup of " + f + ": expected MSHR " + i + " (the lowest FREE one), RTL reported "
                            + "obs_walk_id " + value(ports.walkId()));
                }
                boolean rtlWait = value(ports.waitFlag()) != 0;
                if (wait != rtlWait || (wait && value(ports.waitOn()) != p.waitOn())) {
                    d.add("  cache lookup of " + f + ": expected " + (wait ? "WAIT on walk " + p.waitOn()
                            : "a walk of its own") + ", RTL reported " + (rtlWait ? "WAIT on walk "
                            + value(ports.waitOn()) : "a walk of its own"));
                }
                int wc = -1;
                for (CacheEvent ev : p.events()) {
                    wc = ev.kind() == Kind.WALK_HIT ? ev.way() : wc;
                }
                boolean rtlWc = value(ports.wcHit()) != 0;
                if ((wc >= 0) != rtlWc || (wc >= 0 && value(ports.wcIndex()) != wc)) {
                    d.add("  walk cache of " + f + ": expected " + (wc >= 0 ? "WALK_HIT entry " + wc : "no walk-cache "
                            + "hit") + ", RTL reported " + (rtlWc ? "WALK_HIT entry " + value(ports.wcIndex()) : "none"));
                }
                if (wait) {
                    releaseCycle[i] = -1;
                } else {
                    reads.get(i).clear();
                    responses[i] = 0;
                    descentsDue[i] = 0;
                    passed[i] = 0;
                }
            }
        }
    }

    private void read(Event.MemoryRead rd, List<String> d) {
        int t = rd.tag();
        if (t >= byMshr.length || !model.mshrState(t).equals("WALK")) {
            d.add("  cycle " + cycle + String.format(": read of 0x%x with tag %d, but MSHR %d has no walk", rd.addr(),
                    t, t));
            return;
        }
        List<MpteRead> rs = reads.get(t);
        LookupResult g = model.walk(t).result();
        int k = rs.size();
        if (k >= g.readCount()) {
            d.add("  walk " + t + " of " + byMshr[t] + String.format(": read %d at 0x%x, but its golden walk reads ",
                    k, rd.addr()) + g.readCount() + " entries");
        } else if (g.readAddr(k) != rd.addr() || g.readSize(k) != rd.size()) {
            d.add("  walk " + t + " of " + byMshr[t] + String.format(": read %d at 0x%x (%d bytes), expected 0x%x "
                    + "(%d bytes)", k, rd.addr(), rd.size(), g.readAddr(k), g.readSize(k)));
        }
        rs.add(new MpteRead(rd.addr(), rd.size(), 0, false));
    }

    private void response(Event.MemoryResponse rs, List<String> d) {
        int t = rs.tag();
        if (t >= byMshr.length || !model.mshrState(t).equals("WALK") || responses[t] >= reads.get(t).size()) {
            d.add("  cycle " + cycle + ": memory response with tag " + t + " without a read of that walk");
            return;
        }
        MpteRead rd = reads.get(t).get(responses[t]);
        reads.get(t).set(responses[t]++, new MpteRead(rd.addr(), rd.size(), rs.data(), rs.err()));
        descentsDue[t]++;
    }

    /**
     * The walks going a level deeper in this cycle: each PMP query of the entry after one a walk has received
     * (matched by address; the entry PMP refuses, which has no read, by elimination) moves that walk on in the model
     * before the cycle's lookup, as the RTL's level counts the descent of the current cycle. Returns the MSHRs released.
     */
    private List<Integer> descents() {
        List<Integer> released = new ArrayList<>();
        for (Event.PmpQuery q : pmpQueries) {
            int match = -1;
            int refused = -1;
            for (int j = 0; j < byMshr.length && match < 0; j++) {
                if (descentsDue[j] == 0 || !model.mshrState(j).equals("WALK")) {
                    continue;
                }
                LookupResult g = model.walk(j).result();
                int next = passed[j] + 1;
                if (next < g.readCount()) {
                    match = (g.readAddr(next) & pawMask) == (q.addr() & pawMask) ? j : -1;
                } else if (refused < 0 && g.pointerCount() >= next) {
                    // the table the walk's last pointer leads to (its entry is refused by PMP: never read)
                    long table = (g.pointerNextPpn(next - 1) << 12) & pawMask;
                    long off = (q.addr() & pawMask) - table;
                    refused = off >= 0 && off < TABLE_SPAN ? j : -1;
                }
            }
            int j = match >= 0 ? match : refused;
            if (j >= 0) {
                descentsDue[j]--;
                passed[j]++;
                released.addAll(model.readAnswered(j));
            }
        }
        return released;
    }

    private void fill(boolean invApplied, List<String> d) {
        boolean done = value(ports.walkEnd()) != 0;
        if (!done) {
            if (value(ports.fillLeaf()) != 0 || value(ports.fillWalk()) != 0) {
                d.add("  the RTL reported a cache fill in cycle " + cycle + " without a walk ending (obs_walk_end)");
            }
            return;
        }
        int j = (int) value(ports.fillWalkId());
        if (j >= byMshr.length || !model.mshrState(j).equals("WALK")) {
            d.add("  walk " + j + " ended in cycle " + cycle + ", but MSHR " + j + " has no walk");
            return;
        }
        List<MpteRead> rs = reads.get(j);
        if (responses[j] != rs.size()) {
            d.add("  walk " + j + " of " + byMshr[j] + " ended in cycle " + cycle + " with " + (rs.size()
                    - responses[j]) + " read(s) unanswered");
        }
        int failAt = -1;
        for (int k = 0; k < rs.size() && failAt < 0; k++) {
            failAt = rs.get(k).failed() ? k : -1;
        }
        PendingWalk pw = model.walk(j);
        if (failAt >= 0) {
            faults.prepare(failAt);
            model.rewalk(pw);
            faults.prepare(-1); // the walks that start later read a fault-free memory
        }
        compareReads(j, pw, rs, d);
        for (int i = 0; i < byMshr.length; i++) {
            if (model.waitingOn(i) == j && releaseCycle[i] < 0) {
                releaseCycle[i] = cycle;
            }
        }
        int walks = walks();
        int before = d.size();
        CheckOutcome out = model.fill(j, invApplied);
        compareFill(j, out, d);
        observe(d, before, out.stale() ? WalkObserver.Step.STALE_FILL : WalkObserver.Step.FILL, walks, -1);
        InFlight f = byMshr[j];
        byMshr[j] = null;
        f.decide(Expected.of(pw.result(), out.stale()), cycle);
        if (checkObserver != null) {
            checkObserver.onCheck(f.req, pw.result());
        }
    }

    private void compareReads(int j, PendingWalk pw, List<MpteRead> rs, List<String> d) {
        LookupResult g = pw.result();
        boolean same = g.readCount() == rs.size();
        for (int k = 0; k < rs.size() && same; k++) {
            MpteRead a = rs.get(k);
            same = g.readAddr(k) == a.addr() && g.readSize(k) == a.size() && g.readFailed(k) == a.failed()
                    && (a.failed() || g.readValue(k) == a.interpreted(pw.context().bigEndian(), bigEndianSupport));
        }
        if (!same) {
            List<String> exp = new ArrayList<>();
            for (int k = 0; k < g.readCount(); k++) {
                exp.add(String.format("0x%x", g.readAddr(k)));
            }
            d.add("  walk " + j + " of " + byMshr[j] + ": the reads of tag " + j + " differ from its golden walk: "
                    + "expected " + exp + ", RTL " + rs.stream().map(r -> String.format("0x%x", r.addr())).toList());
        }
    }

    private void compareFill(int j, CheckOutcome out, List<String> d) {
        CacheEvent walkFill = null;
        CacheEvent walkEvict = null;
        CacheEvent leafFill = null;
        CacheEvent leafEvict = null;
        for (CacheEvent ev : out.events()) {
            boolean walk = ev.array() == ArrayId.WALK;
            if (ev.kind() == Kind.FILL) {
                walkFill = walk ? ev : walkFill;
                leafFill = walk ? leafFill : ev;
            } else if (ev.kind() == Kind.EVICT) {
                walkEvict = walk ? ev : walkEvict;
                leafEvict = walk ? leafEvict : ev;
            }
        }
        boolean same = (walkFill != null) == (value(ports.fillWalk()) != 0)
                && (walkFill == null || (value(ports.fillWalkWay()) == walkFill.way()
                        && (walkEvict != null) == (value(ports.fillWalkEvict()) != 0)))
                && (leafFill != null) == (value(ports.fillLeaf()) != 0)
                && (leafFill == null || (value(ports.fillLeafArray()) == (leafFill.array() == ArrayId.LEAF ? 0 : 1)
                        && value(ports.fillLeafSet()) == leafFill.set() && value(ports.fillLeafWay()) == leafFill.way()
                        && (leafEvict != null) == (value(ports.fillLeafEvict()) != 0)));
        if (!same) {
            d.add("  fill of walk " + j + " in cycle " + cycle + ": expected " + (out.events().isEmpty() ? "none"
                    : out.events().toString()) + (out.stale() ? " (stale: R1)" : "") + ", RTL reported " + fillText());
        }
    }

    private void answer(Event.Response r, List<String> d) {
        InFlight f = null;
        if (order == ResponseOrder.IN_ORDER) {
            if (!inFlight.isEmpty()) {
                f = inFlight.get(0);
                if ((f.id & idMask) != r.id()) {
                    d.add("  IN_ORDER: the response in cycle " + cycle + " carries id " + r.id() + " but the oldest "
                            + "request in flight is " + f);
                }
            }
        } else {
            List<InFlight> match = inFlight.stream().filter(x -> (x.id & idMask) == r.id()).toList();
            if (match.size() > 1) {
                d.add("  stimulus error (not an RTL mismatch): " + match + " are in flight with one req_id; BY_ID "
                        + "needs distinct ids");
            }
            f = match.isEmpty() ? null : match.get(0);
        }
        if (f == null) {
            d.add("  a response with id " + r.id() + " in cycle " + cycle + " but no request with that id is in flight");
            return;
        }
        if (f.expected == null) {
            d.add("  " + f + " answered in cycle " + cycle + " before its answer is known (its walk has not ended)");
            return;
        }
        if (f.decidedCycle >= cycle) {
            d.add("  " + f + " answered in cycle " + cycle + ", the cycle its answer was decided; the earliest is "
                    + "the next");
        }
        Expected e = f.expected;
        List<String> fields = new ArrayList<>();
        field(fields, "allow", e.allow() ? 1 : 0, r.allow() ? 1 : 0);
        field(fields, "cause", e.cause(), r.cause());
        field(fields, "xwr", e.xwr(), r.xwr());
        field(fields, "level", e.level(), r.level());
        field(fields, "leaf_log2", e.leafLog2(), r.leafLog2());
        field(fields, "uniform_log2", e.uniformLog2(), r.uniformLog2());
        field(fields, "cacheable", e.cacheable() ? 1 : 0, r.cacheable() ? 1 : 0);
        field(fields, "stale", e.stale() ? 1 : 0, r.stale() ? 1 : 0);
        if (!fields.isEmpty()) {
            d.add("  response to " + f + " in cycle " + cycle + ": " + String.join(", ", fields));
        }
        inFlight.remove(f);
        answered++;
    }

    private static void field(List<String> out, String name, int expected, int actual) {
        if (expected != actual) {
            out.add(name + " expected " + expected + " actual " + actual);
        }
    }

    // ---- observation words ----------------------------------------------------------------------------

    private long value(int port) {
        return port < 0 || words[port] == null ? 0 : words[port][0];
    }

    private boolean bit(int port, int b) {
        return port >= 0 && words[port] != null && b / 64 < words[port].length
                && ((words[port][b / 64] >>> (b % 64)) & 1) != 0;
    }

    private boolean any(int port) {
        return port >= 0 && words[port] != null && Arrays.stream(words[port]).anyMatch(w -> w != 0);
    }

    private void compareCleared(List<CacheEvent> expected, List<String> d) {
        boolean[] leaf = new boolean[leafSets * leafWays];
        boolean[] sp = new boolean[superpageEntries];
        boolean[] wc = new boolean[walkEntries];
        for (CacheEvent ev : expected) {
            switch (ev.array()) {
                case LEAF -> leaf[ev.set() * leafWays + ev.way()] = true;
                case SUPERPAGE -> sp[ev.way()] = true;
                case WALK -> wc[ev.way()] = true;
            }
        }
        compareMask("leaf array", leaf, ports.invLeaf(), d);
        compareMask("superpage array", sp, ports.invSuperpage(), d);
        compareMask("walk cache", wc, ports.invWalk(), d);
    }

    private void compareMask(String what, boolean[] expected, int port, List<String> d) {
        List<Integer> missing = new ArrayList<>();
        List<Integer> extra = new ArrayList<>();
        for (int i = 0; i < expected.length; i++) {
            if (expected[i] != bit(port, i)) {
                (expected[i] ? missing : extra).add(i);
            }
        }
        if (!missing.isEmpty() || !extra.isEmpty()) {
            d.add("  invalidation applied in cycle " + cycle + ", " + what + ": the model clears " + missing
                    + " which the RTL kept, the RTL cleared " + extra + " which the model kept");
        }
    }

    private String obsText() {
        if (obs == null) {
            return "no lookup event";
        }
        return (obs.obsKind() == Records.OBS_HIT ? "HIT" : obs.obsKind() == Records.OBS_MISS ? "MISS"
                : "kind " + obs.obsKind()) + " array " + obs.array() + " set " + obs.set() + " way " + obs.way();
    }

    private String fillText() {
        List<String> l = new ArrayList<>();
        if (value(ports.fillWalk()) != 0) {
            l.add((value(ports.fillWalkEvict()) != 0 ? "EVICT+" : "") + "FILL WALK way=" + value(ports.fillWalkWay()));
        }
        if (value(ports.fillLeaf()) != 0) {
            l.add((value(ports.fillLeafEvict()) != 0 ? "EVICT+" : "") + "FILL " + (value(ports.fillLeafArray()) == 0
                    ? "LEAF set=" + value(ports.fillLeafSet()) + " way=" : "SUPERPAGE way=") + value(ports.fillLeafWay()));
        }
        return l.isEmpty() ? "none" : l.toString();
    }
}
