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
 *       (R7); invalidations, their cleared entries and the fills as contract v2's {@link CacheScoreboard};</li>
 *   <li>every PMP query, attributed without a tag to the walk whose next entry it is (lowest MSHR on a tie; the
 *       arbiter grants the lowest walker asking, in the cycle it asks), every read behind its entry's allowed query,
 *       and a refused entry ends the walk with the golden {@code WALK_PMP} (docs/cache-model.md §11 "PMP queries");</li>
 *   <li>walk ends, exactly (§11 "Walk ends"): each walk's ready cycle predicted from its responses and PMP answers,
 *       the lowest ready walk ends in every cycle (the fill arbiter), so an early, late or out-of-order end is
 *       reported; cycles with two or more ready walks are {@link WalkObserver.Step#WALKS_END_TOGETHER};</li>
 *   <li>latency bounds (§11 "Latency bounds"): a replay takes the first lookup slot after the walk it waits on
 *       passed; {@code BY_ID} answers leave in completion order; with {@link #setResponseReadyAlways} every answer
 *       leaves in the first cycle it may; every request and sync is answered by the end;</li>
 *   <li>the {@code obs_*} data ports are 0 without their qualifier (port-contract.md).</li>
 * </ul>
 *
 * Within a cycle the model is driven in this order: the sync's request rising, the lookup (a replay or a new request;
 * it sees the walks as they were at the start of the cycle), the PMP answers and queries, the memory reads and
 * responses, the walk end (checked against the ready walks), the fill, the responses, the sync acknowledged, the invalidation accepted, the invalidation applied.
 * Differences are returned as text lines.
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
    /** Per MSHR in WAIT: the cycle the walk it waits on passed the entry (or ended), -1 while it has not. */
    private final long[] releaseCycle;
    /** Per MSHR in WAIT: the cycle it parked (its lookup); a walk passing in that same cycle does not release it. */
    private final long[] parkCycle;
    /**
     * Per MSHR in WAIT: the cycle the walk it waits on, as the RTL shows it, began to descend past the shared entry
     * (its first cycle asking for the PMP query of the next entry: the cycle after the pointer's response) or ended
     * (obs_walk_end) after the park; -1 before. The replay is due from the next cycle (docs/nonblocking.md "Latency
     * bounds").
     */
    private final long[] passCycle;
    /** Per MSHR in WALK: the cycle of the lookup that started the walk. */
    private final long[] startCycle;
    /** Per MSHR in WALK: PMP queries granted to its walk so far. */
    private final int[] queries;
    /** Per MSHR in WALK: the number of queries granted when it last began to descend (asked for the next entry). */
    private final int[] descended;
    /** Per MSHR in WALK: the cycle its latest query was allowed (pmp_ok), -1 while unanswered or refused. */
    private final long[] allowedCycle;
    /** Per MSHR in WALK: the query (index) whose missing grant was reported, -1 none. */
    private final int[] stallReported;
    /** Per MSHR in WALK: a PMP answer refused its latest query, or a memory response failed: it queries no more. */
    private final boolean[] walkStops;
    /**
     * Per MSHR in WALK: the cycle its walker's result becomes valid (docs/cache-model.md §11 "Walk ends"), -1 while
     * the events seen so far do not decide it; {@link #readyBecause} says why, for reports.
     */
    private final long[] readyCycle;
    private final String[] readyBecause;
    /** Per MSHR in WALK: its late end was reported (once per walk, not every cycle it keeps waiting). */
    private final boolean[] lateReported;
    /** PMP queries granted and not answered yet, in grant order (the bridge answers them in order). */
    private final java.util.ArrayDeque<PmpGrant> pmpOutstanding = new java.util.ArrayDeque<>();
    private long answered;
    private boolean rspAlwaysReady;
    /** Told of every request's golden verdict when it is decided (coverage of the verdicts; null: none). */
    private CheckObserver checkObserver;

    // the current cycle
    private long cycle = -1;
    private Event.Observation obs;
    private Event.Accept accept;
    private final List<Event> memory = new ArrayList<>();
    private final List<Event.Response> rsps = new ArrayList<>();
    private Event.SyncAck syncAck;
    private Event.InvalidationAccept invAccept;
    private final List<Event.PmpQuery> pmpQueries = new ArrayList<>();
    private final List<Event.PmpAnswer> pmpAnswers = new ArrayList<>();
    private final long[][] words;
    private long syncRise = -1;
    private boolean syncRequested;
    private int walksAtSync;
    private WalkObserver observer = (step, walks, level) -> { };

    /**
     * Cycles from the memory response that ends a walk to its result: the walker takes the response, decodes the entry
     * in the next cycle and offers the result in the one after (docs/cache-model.md §11 "Walk ends").
     */
    static final int AFTER_RESPONSE = 2;
    /** Cycles from the PMP answer that ends a walk without a read (refused, or beyond {@code paw}) to its result. */
    static final int AFTER_PMP_ANSWER = 1;

    /** A PMP query attributed to walk {@code walk} (its query {@code k}; walk -1: attributed to none). */
    private record PmpGrant(long cycle, int walk, int k, long addr) {
    }

    /**
     * The requester holds {@code rsp_ready} high every cycle (no response backpressure): every answer must then leave
     * in the first cycle it may (docs/nonblocking.md "Latency bounds"). Off by default: the events do not show
     * {@code rsp_ready}, so with stalls only the order and "never before" are checked.
     */
    void setResponseReadyAlways(boolean always) {
        rspAlwaysReady = always;
    }

    /**
     * Tells {@code o} of each request and its golden result when the verdict is decided (a lookup answered, a walk's
     * fill), as the blocking harness tells it of each matched check; {@code null} result for bypass and an
     * unimplemented {@code req_mode}. The result object is the model's: read it at once.
     */
    void setCheckObserver(CheckObserver o) {
        checkObserver = o;
    }

    /** Tells {@code o} of every step that matched (coverage). */
    void setObserver(WalkObserver o) {
        observer = o;
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
        this.releaseCycle = new long[w];
        Arrays.fill(releaseCycle, -1);
        this.parkCycle = new long[w];
        this.passCycle = new long[w];
        Arrays.fill(passCycle, -1);
        this.startCycle = new long[w];
        this.queries = new int[w];
        this.descended = new int[w];
        this.allowedCycle = new long[w];
        this.walkStops = new boolean[w];
        this.stallReported = new int[w];
        this.readyCycle = new long[w];
        Arrays.fill(readyCycle, -1);
        this.readyBecause = new String[w];
        this.lateReported = new boolean[w];
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
            if (cycle >= 0) {
                // the bridge records only what happens: a cycle without events is still a cycle in which a walk,
                // a replay, a PMP query, an answer or a sync_ack may have been due (each checked by closeCycle)
                List<String> idle = new ArrayList<>(diffs);
                for (long c = cycle + 1; c < e.cycle(); c++) {
                    cycle = c;
                    idle.addAll(closeCycle());
                }
                diffs = idle;
            }
            cycle = e.cycle();
        }
        if (e instanceof Event.Observation o) {
            obs = o;
        } else if (e instanceof Event.Accept a) {
            accept = a;
        } else if (e instanceof Event.MemoryRead || e instanceof Event.MemoryResponse) {
            memory.add(e);
        } else if (e instanceof Event.Response r) {
            rsps.add(r);
        } else if (e instanceof Event.SyncAck s) {
            syncAck = s;
        } else if (e instanceof Event.InvalidationAccept i) {
            invAccept = i;
        } else if (e instanceof Event.PmpQuery q) {
            pmpQueries.add(q);
        } else if (e instanceof Event.PmpAnswer a) {
            pmpAnswers.add(a);
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
        if (!pmpOutstanding.isEmpty()) {
            diffs.add("  " + pmpOutstanding.size() + " PMP quer(ies) never answered, the first " + pmpOutstanding.peek());
        }
        return diffs;
    }

    /** The model's MSHRs and cache, for reports. */
    String snapshot() {
        return "MSHRs:\n" + model.mshrsText() + model.snapshot();
    }

    // ---- one cycle ---------------------------------------------------------------------------------

    /** Walk {@code j}, the lowest ready one, did not end in cycle {@code c}: reported once per walk. */
    private void late(int j, long c, List<String> d) {
        if (!lateReported[j]) {
            lateReported[j] = true; // once per walk, not every cycle it keeps waiting
            d.add("  walk " + j + " of " + byMshr[j] + " did not end in cycle " + c + ": its result was ready in cycle "
                    + readyCycle[j] + " (" + readyBecause[j] + ") and no lower walk was ready, so the fill arbiter "
                    + "ends it in the first such cycle");
        }
    }

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
            compareUnqualified(d);
            lookup(d);
            // pmp_ok of this cycle is sampled by the walk granted pmpLatency ago, which may read in this same cycle;
            // a query of this cycle follows responses of earlier cycles only (the walker decodes the cycle after)
            for (Event.PmpAnswer a : pmpAnswers) {
                pmpAnswer(a, d);
            }
            if (pmpQueries.size() > 1) {
                d.add("  cycle " + cycle + ": " + pmpQueries.size() + " PMP queries (one per cycle)");
            }
            int asking = -1; // the query arbiter grants the lowest walker asking, in the cycle it asks
            for (int j = byMshr.length - 1; j >= 0; j--) {
                asking = readyToQuery(j) ? j : asking;
                if (readyToQuery(j) && queries[j] > 0 && descended[j] != queries[j]) {
                    descended[j] = queries[j]; // its first cycle asking for the entry after a pointer
                    passed(j);
                }
            }
            for (Event.PmpQuery q : pmpQueries) {
                pmpQuery(q, asking, d);
            }
            if (pmpQueries.isEmpty() && asking >= 0 && stallReported[asking] != queries[asking]) {
                stallReported[asking] = queries[asking]; // once per query, not every cycle it keeps waiting
                d.add("  cycle " + cycle + ": walk " + asking + " of " + byMshr[asking] + String.format(" is about to "
                        + "check its entry 0x%x but no PMP query went out (the arbiter grants a walker the cycle it "
                        + "asks)", nextQueryAddr(asking)));
            }
            for (Event e : memory) {
                if (e instanceof Event.MemoryRead rd) {
                    read(rd, d);
                } else {
                    response((Event.MemoryResponse) e, d);
                }
            }
            // responses and PMP answers of this cycle make results ready in later cycles only
            walkEnds(d);
            fill(invApplied, d);
            if (rsps.size() > 1) {
                d.add("  cycle " + cycle + ": " + rsps.size() + " responses (one per cycle)");
            }
            InFlight due = deliverable();
            for (Event.Response r : rsps) {
                answer(r, due, d);
            }
            if (rsps.isEmpty() && due != null && rspAlwaysReady) {
                d.add("  " + due + " may leave in cycle " + cycle + " (answered in cycle " + due.decidedCycle + ", "
                        + (order == ResponseOrder.IN_ORDER ? "the head of the reorder buffer" : "the oldest answer of "
                        + "the out queue") + ", rsp_ready high) but no response left");
            }
            if (syncAck == null && syncMayAck) {
                // R7 is a bound both ways: once the queue is empty and every MSHR busy at the rise is FREE or stale,
                // nothing holds the ack (a parked MSHR made stale by an applied invalidation must not hold it)
                d.add("  cycle " + cycle + ": sync_ack due (the MINVAL.PA queue is empty and every MSHR busy when "
                        + "sync_req rose is FREE or stale) but the RTL did not acknowledge:\n" + model.mshrsText());
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
        rsps.clear();
        syncAck = null;
        invAccept = null;
        pmpQueries.clear();
        pmpAnswers.clear();
        Arrays.fill(words, null);
        return d;
    }

    /** The lookup slot of the cycle: a replay (it goes first) or a new request, never both. */
    private void lookup(List<String> d) {
        boolean replay = value(ports.replay()) != 0;
        // the lowest MSHR whose walk passed before this cycle is in REPLAY and takes the slot, unless a walk ends
        int due = -1;
        for (int i = byMshr.length - 1; i >= 0; i--) {
            due = model.mshrState(i).equals("WAIT") && passCycle[i] >= 0 && passCycle[i] < cycle ? i : due;
        }
        if (due >= 0 && value(ports.walkEnd()) == 0 && (!replay || value(ports.walkId()) != due)) {
            d.add("  cycle " + cycle + ": walk " + model.waitingOn(due) + " passed the entry MSHR " + due + " waits on "
                    + "in cycle " + passCycle[due] + ", so its replay takes this lookup slot (the lowest released MSHR, "
                    + "before a new request); the RTL " + (replay ? "replayed MSHR " + value(ports.walkId())
                    : accept != null ? "accepted a new request" : "left the slot unused"));
        }
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
            } else if (passCycle[i] < 0 || passCycle[i] >= cycle) {
                d.add("  R8: MSHR " + i + " replayed in cycle " + cycle + " but walk " + model.waitingOn(i) + " it "
                        + "waits on had neither followed the pointer of the shared entry (its next PMP query) nor "
                        + "ended before this cycle");
            } else {
                InFlight f = byMshr[i];
                int before = d.size();
                int walks = walks();
                passCycle[i] = -1;
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
                    parkCycle[i] = cycle;
                    passCycle[i] = -1;
                } else {
                    reads.get(i).clear();
                    responses[i] = 0;
                    startCycle[i] = cycle;
                    queries[i] = 0;
                    descended[i] = 0;
                    allowedCycle[i] = -1;
                    walkStops[i] = false;
                    stallReported[i] = -1;
                    readyCycle[i] = -1;
                    readyBecause[i] = null;
                    lateReported[i] = false;
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
        if (queries[t] != k + 1 || allowedCycle[t] < 0 || allowedCycle[t] > cycle) {
            d.add("  walk " + t + " of " + byMshr[t] + String.format(": read %d at 0x%x in cycle %d without a PMP query "
                    + "of that entry allowed (pmp_ok) by then: %d quer(ies) granted", k, rd.addr(), cycle, queries[t]));
        }
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
        walkStops[t] |= rs.err(); // a failed read ends the walk: no further query
        reads.get(t).set(responses[t]++, new MpteRead(rd.addr(), rd.size(), rs.data(), rs.err()));
        // the walker decodes the entry in the next cycle and offers its result in the one after, when the entry
        // ends the walk: a failed read, or the golden walk checks no further entry (a leaf or a fault)
        if (rs.err() || model.walk(t).result().queryCount() <= responses[t]) {
            ready(t, cycle + AFTER_RESPONSE, String.format("%s of 0x%x came in cycle %d", rs.err()
                    ? "the failed response (bus error)" : "its last response", rd.addr(), cycle));
        }
        if (!rs.err()) {
            // a failed read ends the walk where it is: the walk does not go deeper (its entry stays "being read"
            // until the fill, which the golden walk redone with that read failing confirms), so no release here
            for (int released : model.readAnswered(t)) {
                releaseCycle[released] = cycle;
            }
        }
    }

    /**
     * The fill arbiter, exactly (docs/cache-model.md §11 "Walk ends"): in every cycle the lowest walk whose result is
     * ready ends ({@code obs_walk_end}, {@code obs_fill_walk_id}), one per cycle; a walk ends neither before its result
     * is ready nor later than the first cycle no lower ready walk takes. Two or more ready walks in one cycle are the
     * "walks end together" step.
     */
    private void walkEnds(List<String> d) {
        int lowest = -1;
        int ready = 0;
        for (int j = byMshr.length - 1; j >= 0; j--) {
            if (model.mshrState(j).equals("WALK") && readyCycle[j] >= 0 && readyCycle[j] <= cycle) {
                lowest = j;
                ready++;
            }
        }
        int before = d.size();
        boolean done = value(ports.walkEnd()) != 0;
        int j = (int) value(ports.fillWalkId());
        if (done && j < byMshr.length && model.mshrState(j).equals("WALK")) {
            if (readyCycle[j] < 0 || readyCycle[j] > cycle) {
                d.add("  walk " + j + " of " + byMshr[j] + " ended in cycle " + cycle + " before its result was ready "
                        + (readyCycle[j] < 0 ? "(no response or PMP answer has ended it yet)" : "(" + readyBecause[j]
                        + ": ready in cycle " + readyCycle[j] + ")") + (lowest >= 0 ? "; walk " + lowest + " was ready"
                        : ""));
            } else if (lowest != j) {
                d.add("  walk " + j + " of " + byMshr[j] + " ended in cycle " + cycle + " but walk " + lowest + " of "
                        + byMshr[lowest] + ", lower, was ready too (" + readyBecause[lowest] + "): the fill arbiter "
                        + "ends the lowest ready walk first");
            }
        }
        if (lowest >= 0 && !done) {
            late(lowest, cycle, d);
        }
        if (ready >= 2) {
            observe(d, before, WalkObserver.Step.WALKS_END_TOGETHER, walks(), -1);
        }
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
        if (queries[j] != pw.result().queryCount()) {
            d.add("  walk " + j + " of " + byMshr[j] + " ended in cycle " + cycle + " after " + queries[j] + " PMP "
                    + "quer(ies); its golden walk checks " + pw.result().queryCount() + " entries");
        }
        if (pmpOutstanding.stream().anyMatch(g -> g.walk() == j)) {
            d.add("  walk " + j + " of " + byMshr[j] + " ended in cycle " + cycle + " before the answer to its PMP "
                    + "query");
        }
        for (int i = 0; i < byMshr.length; i++) {
            if (model.waitingOn(i) == j && releaseCycle[i] < 0) {
                releaseCycle[i] = cycle;
            }
        }
        passed(j);
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

    /**
     * The answer that may leave in this cycle (its answer known before it): {@code IN_ORDER} the oldest request in
     * flight, {@code BY_ID} the earliest answered of those in flight (the out queue is in completion order); null when
     * none may.
     */
    private InFlight deliverable() {
        InFlight due = null;
        for (InFlight f : inFlight) {
            if (order == ResponseOrder.IN_ORDER) {
                return f.expected != null && f.decidedCycle < cycle ? f : null;
            }
            if (f.expected != null && f.decidedCycle < cycle && (due == null || f.decidedCycle < due.decidedCycle)) {
                due = f;
            }
        }
        return due;
    }

    private void answer(Event.Response r, InFlight due, List<String> d) {
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
        } else if (order == ResponseOrder.BY_ID && due != null && due != f) {
            d.add("  BY_ID: the response to " + f + " (answered in cycle " + f.decidedCycle + ") leaves in cycle "
                    + cycle + " before " + due + ", answered in cycle " + due.decidedCycle + " (the out queue is in "
                    + "completion order)");
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

    // ---- PMP queries (no tag: attributed by address and walk state, docs/cache-model.md §11) -------------------

    /**
     * A PMP query belongs to the walk about to check its next entry with that address: a walk started before this
     * cycle, every earlier entry read and answered without an error (the walker decodes in the cycle after a
     * response), its previous query allowed, and its golden walk checks one more entry, this one. Several such walks:
     * the lowest MSHR (the query arbiter grants the lowest walker). (A walk passed the entry it read, for R8,
     * in the first cycle it asked for this query, not at its grant.)
     */
    private void pmpQuery(Event.PmpQuery q, int asking, List<String> d) {
        int walk = -1;
        List<String> expected = new ArrayList<>();
        for (int j = 0; j < byMshr.length && walk < 0; j++) {
            if (readyToQuery(j)) {
                LookupResult g = model.walk(j).result();
                int k = queries[j];
                long a = nextQueryAddr(j);
                int size = k < g.readCount() ? g.readSize(k) : g.unreadSize();
                expected.add(String.format("walk %d 0x%x (%d bytes)", j, a, size));
                walk = a == q.addr() && size == q.size() ? j : -1;
            }
        }
        if (walk >= 0 && walk != asking) {
            d.add("  cycle " + cycle + ": the PMP query went to walk " + walk + " but walk " + asking + " asks too "
                    + "(the arbiter grants the lowest walker)");
        }
        if (walk < 0) {
            d.add(String.format("  the PMP query of 0x%x (%d bytes) in cycle %d belongs to no walk; the walks about to "
                    + "check an entry: %s", q.addr(), q.size(), cycle, expected));
            pmpOutstanding.add(new PmpGrant(cycle, -1, -1, q.addr()));
            return;
        }
        int k = queries[walk]++;
        allowedCycle[walk] = -1;
        pmpOutstanding.add(new PmpGrant(cycle, walk, k, q.addr()));
    }

    /**
     * Walk {@code j} asks for its next PMP query in this cycle: it started in an earlier cycle, every entry it
     * checked was read and answered (in earlier cycles: the walker decodes the cycle after) without an error and
     * allowed, and its golden walk checks one more entry.
     */
    private boolean readyToQuery(int j) {
        if (!model.mshrState(j).equals("WALK") || startCycle[j] >= cycle || walkStops[j]) {
            return false;
        }
        int k = queries[j];
        return k < model.walk(j).result().queryCount() && reads.get(j).size() == k && responses[j] == k;
    }

    /** The ({@code paw}-bit) address of the entry walk {@code j} checks next, by its golden walk. */
    private long nextQueryAddr(int j) {
        LookupResult g = model.walk(j).result();
        int k = queries[j];
        return (k < g.readCount() ? g.readAddr(k) : g.unreadAddr()) & pawMask;
    }

    /** The bridge's answer to the oldest query outstanding: the walk it belongs to may read from now on, or stops. */
    private void pmpAnswer(Event.PmpAnswer a, List<String> d) {
        PmpGrant g = pmpOutstanding.poll();
        if (g == null) {
            d.add("  a PMP answer in cycle " + cycle + " without a query outstanding");
            return;
        }
        int j = g.walk();
        if (j < 0 || !model.mshrState(j).equals("WALK") || queries[j] != g.k() + 1) {
            return; // a query of no walk, or of a walk that already ended: reported there
        }
        LookupResult r = model.walk(j).result();
        boolean goldenOk = g.k() < r.readCount() || r.cause() != Cause.WALK_PMP;
        if (a.ok() != goldenOk) {
            d.add("  walk " + j + " of " + byMshr[j] + String.format(": the bridge's PMP %s its query %d (0x%x) in "
                    + "cycle %d, the golden walk's PMP check %s it (the bridge's PMP regions and the golden model's "
                    + "differ)", a.ok() ? "allowed" : "refused", g.k(), g.addr(), cycle, goldenOk ? "allows"
                    : "refuses"));
        }
        if (a.ok()) {
            allowedCycle[j] = cycle;
        } else {
            walkStops[j] = true;
        }
        // the walker samples pmp_ok in this cycle: a refused entry, or one beyond paw (the golden walk checks it and
        // reads nothing), ends the walk without a read, its result valid in the next cycle
        if (!a.ok() || g.k() >= r.readCount()) {
            ready(j, cycle + AFTER_PMP_ANSWER, String.format("its entry 0x%x was %s by the PMP answer of cycle %d",
                    g.addr(), a.ok() ? "allowed but lies beyond paw, then checked" : "refused", cycle));
        }
    }

    /** Walk {@code j}'s result is valid from {@code at} (docs/cache-model.md §11 "Walk ends"). */
    private void ready(int j, long at, String because) {
        readyCycle[j] = at;
        readyBecause[j] = because;
    }

    /** Walk {@code j} passed the entry it was reading (followed its pointer, or ended) in this cycle. */
    private void passed(int j) {
        for (int i = 0; i < byMshr.length; i++) {
            if (model.waitingOn(i) == j && parkCycle[i] < cycle && passCycle[i] < 0) {
                passCycle[i] = cycle;
            }
        }
    }

    // ---- data ports without their qualifier (port-contract.md "Unqualified data ports are 0") --------------------

    private void compareUnqualified(List<String> d) {
        boolean missPulse = obs != null && obs.obsKind() == Records.OBS_MISS;
        boolean replay = value(ports.replay()) != 0;
        unqualified(d, "obs_walk_id", ports.walkId(), missPulse || replay, "a MISS pulse or obs_replay");
        unqualified(d, "obs_wait", ports.waitFlag(), missPulse, "a MISS pulse");
        unqualified(d, "obs_wait_on", ports.waitOn(), value(ports.waitFlag()) != 0, "obs_wait");
        unqualified(d, "obs_wc_hit", ports.wcHit(), missPulse, "a MISS pulse");
        unqualified(d, "obs_wc_index", ports.wcIndex(), value(ports.wcHit()) != 0, "obs_wc_hit");
        unqualified(d, "obs_fill_walk_id", ports.fillWalkId(), value(ports.walkEnd()) != 0, "obs_walk_end");
        boolean fillWalk = value(ports.fillWalk()) != 0;
        unqualified(d, "obs_fill_walk_way", ports.fillWalkWay(), fillWalk, "obs_fill_walk");
        unqualified(d, "obs_fill_walk_evict", ports.fillWalkEvict(), fillWalk, "obs_fill_walk");
        boolean fillLeaf = value(ports.fillLeaf()) != 0;
        unqualified(d, "obs_fill_leaf_evict", ports.fillLeafEvict(), fillLeaf, "obs_fill_leaf");
        unqualified(d, "obs_fill_leaf_array", ports.fillLeafArray(), fillLeaf, "obs_fill_leaf");
        unqualified(d, "obs_fill_leaf_set", ports.fillLeafSet(), fillLeaf, "obs_fill_leaf");
        unqualified(d, "obs_fill_leaf_way", ports.fillLeafWay(), fillLeaf, "obs_fill_leaf");
    }

    private void unqualified(List<String> d, String name, int port, boolean qualified, String qualifier) {
        if (!qualified && any(port)) {
            d.add("  cycle " + cycle + ": " + name + " = " + value(port) + " without " + qualifier + " (data ports are 0 "
                    + "when unqualified, port-contract.md)");
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
