package io.mttkit.tb.cosim;

import io.mttkit.bridge.CheckerSession;
import io.mttkit.bridge.Event;
import io.mttkit.bridge.EventBuffer;
import io.mttkit.bridge.PmpRegion;
import io.mttkit.bridge.RequestBuffer;
import io.mttkit.bridge.RunResult;
import io.mttkit.bridge.SessionConfig;
import io.mttkit.bridge.StopReason;
import io.mttkit.golden.Cause;
import io.mttkit.golden.LookupResult;
import io.mttkit.golden.mem.PhysicalMemory;
import io.mttkit.gen.walker.WalkerParams;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs checks through the generated checker (one bridge session) and compares every response, check by check,
 * with the golden model walking the same memory: the verdict fields, the exact ordered MPTE reads (address,
 * size, value, bus error), the PMP queries, and the latency bound of {@code docs/walker.md}. The first
 * divergence throws {@link CosimMismatchException} with a full text report.
 *
 * <p>The memory is the golden {@link PhysicalMemory}: its regions' direct buffers are attached to the session,
 * so both sides read the same bytes. Edit it only between {@link #run} calls.
 */
public final class CosimHarness implements AutoCloseable {

    /**
     * Session settings.
     *
     * @param seed            seed of the bridge's latency/stall/bus-error generator
     * @param memLatencyMin   smallest memory latency, cycles (≥ 1)
     * @param memLatencyMax   largest memory latency, cycles
     * @param mrdStallPerMille chance per cycle that {@code mrd_ready} is low
     * @param rspStallPerMille chance per cycle that {@code rsp_ready} is low
     * @param busErrorPerMille chance per read of a bus error
     * @param pmpDefaultAllow  PMP answer for an access no region overlaps
     */
    public record Settings(long seed, int memLatencyMin, int memLatencyMax, int mrdStallPerMille,
                           int rspStallPerMille, int busErrorPerMille, boolean pmpDefaultAllow) {
        /** Latency 1, no stalls, no bus errors, PMP allows by default. */
        public static Settings simple(long seed) {
            return new Settings(seed, 1, 1, 0, 0, 0, true);
        }

        /** With memory latency in {@code [min, max]}. */
        public Settings withLatency(int min, int max) {
            return new Settings(seed, min, max, mrdStallPerMille, rspStallPerMille, busErrorPerMille, pmpDefaultAllow);
        }

        /** With stalls of {@code mrd_ready} / {@code rsp_ready}. */
        public Settings withStalls(int mrd, int rsp) {
            return new Settings(seed, memLatencyMin, memLatencyMax, mrd, rsp, busErrorPerMille, pmpDefaultAllow);
        }

        /** With bus errors. */
        public Settings withBusErrors(int perMille) {
            return new Settings(seed, memLatencyMin, memLatencyMax, mrdStallPerMille, rspStallPerMille, perMille,
                    pmpDefaultAllow);
        }

        /** With the default PMP answer. */
        public Settings withPmpDefaultAllow(boolean allow) {
            return new Settings(seed, memLatencyMin, memLatencyMax, mrdStallPerMille, rspStallPerMille,
                    busErrorPerMille, allow);
        }

        /** Whether the latency bound can be checked (stall cycles are not visible in the event trace). */
        boolean latencyCheckable() {
            return mrdStallPerMille == 0 && rspStallPerMille == 0;
        }
    }

    /**
     * Called once per check that matched (coverage sampling, {@code io.mttkit.tb.coverage}): the request and the
     * golden result it was compared against, or {@code null} for a bypass/Bare check or an unimplemented
     * {@code req_mode} (answered by the contract, not by a walk). The result object is reused: read it at once.
     */
    public interface CheckObserver {
        void onCheck(CheckRequest request, LookupResult golden);

        /**
         * Called for every cache event that matched the RTL (cached checkers only; coverage of VERIFICATION-PLAN §5,
         * cache bins). Default: ignored.
         */
        default void onCache(CacheObservation observation) {
        }
    }

    /**
     * One compared cache step, in the order the scoreboard drives the golden cache model.
     *
     * @param step        what happened
     * @param request     the check (LOOKUP, FILL), else null
     * @param events      the golden cache model's events of the step (HIT / MISS, WALK_HIT / EVICT, FILL /
     *                    INVALIDATE ...), equal to what the RTL reported
     * @param invalidation the operand (INVALIDATION_ACCEPTED, INVALIDATION_APPLIED), else null
     * @param walkReads   MPTE reads the walk in flight had issued in that cycle, -1 when no walk was in flight
     * @param sameCycleInvalidation FILL: an invalidation was applied in the fill cycle (R2: no fill)
     * @param stale       FILL: the walk was stale (R1)
     * @param queued      MINVAL.PA operands queued after the step
     * @param syncWaitCycles SYNC: cycles from the sync's presentation to its acknowledgement, else -1
     */
    public record CacheObservation(CacheStep step, CheckRequest request,
                                   java.util.List<io.mttkit.golden.cache.CacheEvent> events,
                                   io.mttkit.golden.cache.Invalidation invalidation, int walkReads,
                                   boolean sameCycleInvalidation, boolean stale, int queued,
                                   long syncWaitCycles) {
    }

    /** Kinds of {@link CacheObservation}. */
    public enum CacheStep {
        /** a check probed the cache: HIT, or MISS [+ WALK_HIT]. */
        LOOKUP,
        /** a walk answered: its fills and evictions (possibly none). */
        FILL,
        /** the RTL accepted an invalidation into its MINVAL.PA queue. */
        INVALIDATION_ACCEPTED,
        /** the RTL applied the oldest queued invalidation: the entries it cleared. */
        INVALIDATION_APPLIED,
        /** the RTL acknowledged a sync. */
        SYNC
    }

    /**
     * The RTL's answer to one check.
     *
     * @param allow access allowed
     * @param cause contract cause code (the golden {@link Cause} ordinal)
     * @param xwr   permissions of the deciding leaf (0 without one)
     * @param hit   answered from the cache (no walk)
     * @param stale an invalidation overlapped the walk ({@code rsp_stale})
     */
    public record Answer(boolean allow, int cause, int xwr, boolean hit, boolean stale) {
    }

    /**
     * Totals of the checks run so far.
     *
     * @param cache counters of compared cache events by {@link #CACHE_STATS} name (all 0 for a cache-less checker)
     * @param digest the event digest of this session so far ({@link EventDigest})
     */
    public record Totals(long checks, long reads, long cycles, long[] causes, long[] cache, long digest) {
    }

    /** Names of the {@link Totals#cache()} counters, in order. */
    public static final List<String> CACHE_STATS = java.util.Arrays.stream(CacheScoreboard.Stat.values())
            .map(x -> x.name().toLowerCase(java.util.Locale.ROOT)).toList();

    private static final int EVENT_CAPACITY = 1 << 14;
    /** Default requests per bridge call ({@link #setBatch}). */
    public static final int DEFAULT_BATCH = 256;
    private static final int HISTORY = 64;

    private final CheckerLibrary lib;
    private final WalkerParams params;
    private final Settings settings;
    private final CheckerSession session;
    private final GoldenOracle oracle;
    /** The cache half of the scoreboard; null for a cache-less checker. */
    private final CacheScoreboard cache;
    private final EventBuffer events = new EventBuffer(EVENT_CAPACITY);
    private final EventDigest digest;
    private final Event[] history = new Event[HISTORY];
    private long historyCount;
    private long checks;
    private long reads;
    private final long[] causes = new long[Cause.values().length];
    private final LookupResult golden = new LookupResult();
    private long requestIndexBase;
    /** Cycle of the last request handshake (check or invalidation): the next item is presented one cycle later. */
    private long lastHandshakeCycle = -1;
    /** Per sync of the current run, in order: the idle-gap cycles presented between the item before it and it. */
    private final java.util.ArrayDeque<Long> syncIdleBefore = new java.util.ArrayDeque<>();
    private CheckObserver observer;
    private int batch = DEFAULT_BATCH;

    // the check in flight (contract: one at a time, answered in order)
    private final List<CheckRequest> pending = new ArrayList<>();
    private final List<Long> latencies = new ArrayList<>();
    private final List<Answer> answers = new ArrayList<>();
    private int nextAnswer;
    private Observed current;

    /** Opens a session on {@code lib} over {@code memory} (every region attached). */
    public CosimHarness(CheckerLibrary lib, PhysicalMemory memory, Settings settings) {
        this(lib, memory, settings, lib.params());
    }

    /**
     * As above, but the golden model is configured from {@code goldenParams} (a test of the scoreboard itself:
     * a configuration the RTL was not built for must be caught).
     */
    CosimHarness(CheckerLibrary lib, PhysicalMemory memory, Settings settings, WalkerParams goldenParams) {
        this.lib = lib;
        this.params = lib.params();
        this.settings = settings;
        SessionConfig config = new SessionConfig(settings.seed(), settings.memLatencyMin(), settings.memLatencyMax(),
                settings.mrdStallPerMille(), settings.rspStallPerMille(), settings.busErrorPerMille(),
                params.pmpLatency(), 20_000, settings.pmpDefaultAllow());
        this.session = lib.library().openChecker(config);
        this.digest = new EventDigest(lib.library().observationPorts());
        for (PhysicalMemory.Region r : memory.regions()) {
            session.attachMemory(r.base(), r.buffer());
        }
        this.oracle = new GoldenOracle(memory, goldenParams);
        oracle.setPmp(List.of(), settings.pmpDefaultAllow());
        this.cache = lib.cache() == null ? null
                : new CacheScoreboard(lib.library(), goldenParams, lib.cache(), oracle.lookup());
        session.reset(4);
    }

    /** Sets the PMP regions the bridge answers from (and the golden model mirrors). */
    public void setPmpRegions(List<PmpRegion> regions) {
        session.setPmpRegions(regions);
        oracle.setPmp(regions, settings.pmpDefaultAllow());
    }

    /**
     * Requests per bridge call (1..65536, default {@value #DEFAULT_BATCH}). Batching is invisible to the RTL (the
     * bridge gives the same cycle-by-cycle trace for any batch), so this only trades call overhead against latency
     * of the comparison; the benchmark measures it.
     */
    public void setBatch(int requests) {
        if (requests < 1 || requests > 65_536) {
            throw new IllegalArgumentException("batch must be 1..65536 requests; got " + requests);
        }
        this.batch = requests;
    }

    /** Sets the observer told about every matched check ({@code null}: none). */
    public void setObserver(CheckObserver observer) {
        this.observer = observer;
        if (cache != null) {
            cache.setObserver(observer);
        }
    }

    /**
     * Index, within the list of the last {@link #run}, of the check being answered: after a
     * {@link CosimMismatchException}, the failing check (or the first one never answered).
     */
    public int currentIndex() {
        return nextAnswer;
    }

    /** The settings of this session. */
    public Settings settings() {
        return settings;
    }

    /**
     * Runs {@code stream} (checks, invalidations, syncs, idle gaps, in order) to completion and compares every
     * response. The indices of {@link #currentIndex()} and of the reports count checks only.
     *
     * @throws CosimMismatchException at the first difference, with the report
     */
    public void run(List<? extends Stimulus> stream) {
        List<CheckRequest> list = new ArrayList<>();
        for (Stimulus s : stream) {
            if (s instanceof CheckRequest c) {
                list.add(c);
            }
        }
        pending.clear();
        pending.addAll(list);
        answers.clear();
        latencies.clear();
        nextAnswer = 0;
        current = null;
        long paMask = params.paWidth() == 64 ? -1L : (1L << params.paWidth()) - 1;
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i).be() && !params.bigEndianSupport()) {
                throw new IllegalArgumentException("check " + i + " asks for big-endian entries, but this configuration "
                        + "was generated with bigEndianSupport off (it ignores req_be); generate it with the option on");
            }
            if ((list.get(i).pa() & ~paMask) != 0) {
                throw new IllegalArgumentException(String.format("check %d: PA 0x%x does not fit the %d-bit req_pa port "
                        + "of this configuration (RV%d); the golden model would see bits the RTL cannot", i,
                        list.get(i).pa(), params.paWidth(), params.xlen()));
            }
        }
        RequestBuffer q = new RequestBuffer(Math.max(1, stream.size()));
        int idMask = (1 << params.idWidth()) - 1;
        int checkIndex = 0;
        syncIdleBefore.clear();
        long idleRun = 0;
        for (Stimulus s : stream) {
            if (s instanceof Stimulus.Idle idle) {
                idleRun += idle.cycles();
            } else {
                if (s instanceof Stimulus.Sync) {
                    syncIdleBefore.addLast(idleRun);
                }
                idleRun = 0;
            }
            if (s instanceof CheckRequest c) {
                q.check(checkIndex++ & idMask, c.pa(), c.need(), c.sdid(), c.rawMode(), c.rootPpn(), c.be(),
                        c.bypass());
            } else if (s instanceof Stimulus.Invalidate inv) {
                q.invalidate(inv.hasPa(), inv.pa(), inv.hasSdid(), inv.sdid());
            } else if (s instanceof Stimulus.Sync) {
                q.sync();
            } else if (s instanceof Stimulus.Idle idle) {
                q.idle(idle.cycles());
            }
        }
        lastHandshakeCycle = session.cycle() - 1; // the first item is presented in the session's next cycle
        int from = 0;
        while (from < q.size()) {
            RunResult r = session.run(q, from, Math.min(batch, q.size() - from), events, 0);
            consume(r);
            from += (int) r.consumed();
        }
        RunResult r;
        do {
            r = session.drain(events, 0);
            consume(r);
        } while (r.reason() == StopReason.EVENTS_FULL || r.reason() == StopReason.CYCLE_LIMIT);
        if (nextAnswer != list.size()) {
            throw new CosimMismatchException(header(nextAnswer) + "only " + nextAnswer + " of " + list.size()
                    + " checks were answered\n" + historyText());
        }
        requestIndexBase += list.size();
    }

    /** What the RTL answered to each check of the last {@link #run}, in order (all matched the golden model). */
    public List<Answer> answers() {
        return List.copyOf(answers);
    }

    /** Cycles from the request handshake to the response handshake of each check of the last {@link #run}. */
    public List<Long> latencies() {
        return List.copyOf(latencies);
    }

    /** Totals so far. */
    public Totals totals() {
        return new Totals(checks, reads, session.cycle(), causes.clone(),
                cache == null ? new long[CACHE_STATS.size()] : cache.stats(), digest.value());
    }

    @Override
    public void close() {
        session.close();
    }

    // ---------------------------------------------------------------------------------------------

    private void consume(RunResult r) {
        if (r.reason().ordinal() >= StopReason.TIMEOUT.ordinal()) {
            throw new CosimMismatchException(header(nextAnswer) + "the simulation stopped: " + r.reason() + " "
                    + r.message() + "\n" + historyText());
        }
        for (int i = 0; i < events.size(); i++) {
            Event e = events.event(i);
            history[(int) (historyCount++ % HISTORY)] = e;
            digest.add(events.raw(i));
            if (cache != null) {
                cacheDiffs(cache.onEvent(e));
            }
            onEvent(e);
        }
        if (cache != null) {
            cacheDiffs(cache.closeCycle()); // a batch ends on a cycle boundary
        }
    }

    private void cacheDiffs(List<String> diffs) {
        if (!diffs.isEmpty()) {
            StringBuilder sb = new StringBuilder("cache differences (expected = golden cache model):\n");
            diffs.forEach(d -> sb.append(d).append('\n'));
            sb.append("golden cache model after the difference:\n").append(cache.snapshot()).append('\n');
            fail(nextAnswer, sb.toString(), null);
        }
    }

    /** MPTE reads issued so far by the walk in flight, -1 when none is. */
    private int walkReads() {
        return current != null && current.lookup != null && current.lookup.walk() != null ? current.reads.size() : -1;
    }

    private void onEvent(Event e) {
        handle(e);
        if (e instanceof Event.Accept || e instanceof Event.InvalidationAccept || e instanceof Event.SyncAck) {
            lastHandshakeCycle = e.cycle(); // the next item is presented in the following cycle
        }
    }

    private void handle(Event e) {
        if (e instanceof Event.Accept) {
            if (current != null) {
                fail(nextAnswer, "a request was accepted while check " + nextAnswer + " had not been answered "
                        + "(contract: one check at a time)", null);
            }
            current = new Observed(e.cycle());
            if (cache != null && nextAnswer < pending.size()) {
                List<String> diffs = new ArrayList<>();
                current.lookup = cache.lookup(pending.get(nextAnswer), diffs).orElse(null);
                cacheDiffs(diffs);
            }
        } else if (e instanceof Event.InvalidationAccept inv) {
            if (cache != null) {
                List<String> diffs = new ArrayList<>();
                cache.invalidationAccepted(inv, diffs, walkReads());
                cacheDiffs(diffs);
            }
        } else if (e instanceof Event.SyncAck) {
            if (cache != null) {
                List<String> diffs = new ArrayList<>();
                long idle = syncIdleBefore.isEmpty() ? 0 : syncIdleBefore.pollFirst();
                cache.syncAcknowledged(diffs, e.cycle() - lastHandshakeCycle - 1 - idle);
                cacheDiffs(diffs);
            }
        } else if (e instanceof Event.PmpQuery q) {
            requireCurrent("PMP query").pmpQueries.add(q.addr());
        } else if (e instanceof Event.MemoryRead rd) {
            requireCurrent("MRD").reads.add(new MpteRead(rd.addr(), rd.size(), 0, false)); // answered by its MRS
        } else if (e instanceof Event.MemoryResponse rs) {
            Observed o = requireCurrent("MRS");
            if (o.responses >= o.reads.size()) {
                fail(nextAnswer, "a memory response without a read", null);
            }
            MpteRead rd = o.reads.get(o.responses);
            o.reads.set(o.responses++, new MpteRead(rd.addr(), rd.size(), rs.data(), rs.err()));
        } else if (e instanceof Event.Response rsp) {
            Observed o = requireCurrent("RSP");
            o.rsp = rsp;
            compare(o);
            current = null;
            nextAnswer++;
        }
        // PMP answers carry nothing to compare; OBS/OBSX are read by the cache scoreboard; STOP ends the run
    }

    private Observed requireCurrent(String what) {
        if (current == null) {
            fail(nextAnswer, what + " event outside any check", null);
        }
        return current;
    }

    private void compare(Observed o) {
        int idx = nextAnswer;
        CheckRequest req = pending.get(idx);
        Expected exp = expected(req, o);
        List<String> diffs = new ArrayList<>();
        Event.Response rsp = o.rsp;
        int idMask = (1 << params.idWidth()) - 1;
        field(diffs, "id", idx & idMask, rsp.id());
        field(diffs, "allow", exp.allow ? 1 : 0, rsp.allow() ? 1 : 0);
        field(diffs, "fault", exp.allow ? 0 : 1, rsp.fault() ? 1 : 0);
        if (rsp.cause() != exp.cause) {
            diffs.add(String.format("  %-14s expected %-16s actual %s", "cause", causeName(exp.cause),
                    causeName(rsp.cause())));
        }
        field(diffs, "xwr", exp.xwr, rsp.xwr());
        field(diffs, "level", exp.level, rsp.level());
        field(diffs, "leaf_log2", exp.leafLog2, rsp.leafLog2());
        field(diffs, "uniform_log2", exp.uniformLog2, rsp.uniformLog2());
        field(diffs, "cacheable", exp.cacheable ? 1 : 0, rsp.cacheable() ? 1 : 0);
        field(diffs, "stale", exp.stale ? 1 : 0, rsp.stale() ? 1 : 0);

        // the exact ordered MPTE reads
        int n = Math.max(exp.reads.size(), o.reads.size());
        int firstReadDiff = -1;
        for (int i = 0; i < n && firstReadDiff < 0; i++) {
            if (i >= exp.reads.size() || i >= o.reads.size() || !sameRead(exp.reads.get(i), o.reads.get(i), req.be())) {
                firstReadDiff = i;
            }
        }
        if (firstReadDiff >= 0) {
            diffs.add("  reads differ at read " + firstReadDiff);
        }
        if (!exp.pmpQueries.equals(o.pmpQueries)) {
            diffs.add("  PMP queries differ: expected " + hexList(exp.pmpQueries) + " actual " + hexList(o.pmpQueries));
        }
        long latency = rsp.cycle() - o.acceptCycle;
        if (settings.latencyCheckable() && exp.hit && latency != 1) {
            diffs.add("  latency " + latency + " cycles: a cache hit answers in the cycle after the handshake");
        } else if (settings.latencyCheckable()) {
            long bound = 2 + (long) o.pmpQueries.size()
                    * (params.pmpLatency() + settings.memLatencyMax() + 1);
            if (latency > bound) {
                diffs.add("  latency " + latency + " cycles exceeds the bound " + bound
                        + " = 2 + PMP queries x (pmpLatency + memLatencyMax + 1)");
            }
        }
        if (!diffs.isEmpty()) {
            StringBuilder sb = new StringBuilder();
            sb.append("field differences (expected = golden model):\n");
            diffs.forEach(d -> sb.append(d).append('\n'));
            sb.append(readsTable(exp.reads, o.reads, firstReadDiff, req.be()));
            sb.append("latency ").append(latency).append(" cycles (accept ").append(o.acceptCycle).append(", rsp ")
                    .append(rsp.cycle()).append(")\n");
            if (exp.result != null) {
                sb.append("golden result: ").append(exp.result).append('\n'); // text only when reporting
            }
            fail(idx, sb.toString(), req);
        }
        checks++;
        if (observer != null) {
            observer.onCheck(req, req.isBypass() || req.mode() == null ? null : exp.result);
        }
        latencies.add(latency);
        answers.add(new Answer(rsp.allow(), rsp.cause(), rsp.xwr(), exp.hit, rsp.stale()));
        reads += o.reads.size();
        causes[Math.min(rsp.cause(), causes.length - 1)]++;
    }

    private static void field(List<String> diffs, String name, int expected, int actual) {
        if (expected != actual) {
            diffs.add(String.format("  %-14s expected %-16d actual %d", name, expected, actual));
        }
    }

    private boolean sameRead(MpteRead exp, MpteRead act, boolean be) {
        if (exp.addr() != act.addr() || exp.size() != act.size() || exp.failed() != act.failed()) {
            return false;
        }
        return exp.failed() || exp.value() == asInterpreted(act.value(), act.size(), be);
    }

    /** The bridge returns the bytes little-endian; the golden lists the value after the MBE byte swap. */
    private long asInterpreted(long data, int size, boolean be) {
        if (!be || !params.bigEndianSupport()) {
            return data;
        }
        return size == 8 ? Long.reverseBytes(data) : Integer.reverseBytes((int) data) & 0xFFFF_FFFFL;
    }

    /** What the checker must answer, from the golden model (or the contract, for bypass and driver errors). */
    private Expected expected(CheckRequest req, Observed o) {
        Expected e = new Expected();
        if (req.isBypass()) {
            e.allow = true;
            return e;
        }
        if (req.mode() == null) {
            e.cause = Cause.PA_RANGE.ordinal();
            return e;
        }
        int failAt = -1;
        for (int i = 0; i < o.reads.size(); i++) {
            if (o.reads.get(i).failed()) {
                failAt = i;
                break;
            }
        }
        LookupResult g;
        if (o.lookup != null && o.lookup.hit() != null) {
            // answered from the cache: the stored leaf's answer, no reads, no PMP queries
            g = o.lookup.hit().result();
            e.hit = true;
        } else if (o.lookup != null) {
            // the walk the model started at the MISS, walked again now that the injected bus errors are known
            io.mttkit.golden.cache.PendingWalk pw = o.lookup.walk();
            oracle.prepare(failAt);
            cache.model().rewalk(pw);
            List<String> diffs = new ArrayList<>();
            io.mttkit.golden.cache.CheckOutcome out = cache.finishWalk(pw, diffs);
            cacheDiffs(diffs);
            g = pw.result();
            e.stale = out.stale();
        } else {
            g = oracle.evaluate(req, failAt, golden);
        }
        e.allow = g.allow();
        e.cause = g.cause().ordinal();
        e.xwr = Math.max(0, g.xwr());
        e.level = g.level();
        e.leafLog2 = g.leafLog2();
        e.uniformLog2 = g.uniformLog2();
        e.cacheable = g.cacheable() && !e.stale;
        for (int i = 0; i < g.readCount(); i++) {
            e.reads.add(new MpteRead(g.readAddr(i), g.readSize(i), g.readValue(i), g.readFailed(i)));
        }
        if (!e.hit) {
            e.pmpQueries.addAll(oracle.pmpQueries());
        }
        e.result = g;
        return e;
    }

    private void fail(int idx, String body, CheckRequest req) {
        StringBuilder sb = new StringBuilder(header(idx));
        CheckRequest r = req != null ? req : (idx < pending.size() ? pending.get(idx) : null);
        if (r != null) {
            sb.append(RequestDecoder.describe(r, params));
        }
        sb.append(body);
        sb.append(historyText());
        throw new CosimMismatchException(sb.toString());
    }

    private String header(int idx) {
        return "CO-SIMULATION MISMATCH\n" + "configuration " + lib.top() + "\n" + "session " + settings + "\n"
                + "seed " + settings.seed() + ", request index " + (requestIndexBase + idx) + " (index " + idx
                + " of this run)\n";
    }

    private String readsTable(List<MpteRead> exp, List<MpteRead> act, int firstDiff, boolean be) {
        StringBuilder sb = new StringBuilder("MPTE reads, expected (golden) | actual (RTL, value as interpreted):\n");
        int n = Math.max(exp.size(), act.size());
        for (int i = 0; i < n; i++) {
            String l = i < exp.size() ? readText(exp.get(i), false, be) : "-";
            String r = i < act.size() ? readText(act.get(i), true, be) : "-";
            sb.append(String.format("%s %2d  %-44s | %s%n", i == firstDiff ? ">>" : "  ", i, l, r));
        }
        if (n == 0) {
            sb.append("   (none on either side)\n");
        }
        return sb.toString();
    }

    private String readText(MpteRead rd, boolean fromRtl, boolean be) {
        if (rd.failed()) {
            return String.format("0x%x/%d BUS ERROR", rd.addr(), rd.size());
        }
        long v = fromRtl ? asInterpreted(rd.value(), rd.size(), be) : rd.value();
        return String.format("0x%x/%d = 0x%016x", rd.addr(), rd.size(), v);
    }

    private String historyText() {
        StringBuilder sb = new StringBuilder("last events (oldest first):\n");
        long start = Math.max(0, historyCount - HISTORY);
        for (long i = start; i < historyCount; i++) {
            sb.append("  ").append(history[(int) (i % HISTORY)].text(this::portName)).append('\n');
        }
        return sb.toString();
    }

    private static String hexList(List<Long> l) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < l.size(); i++) {
            sb.append(i == 0 ? "" : ", ").append("0x").append(Long.toHexString(l.get(i)));
        }
        return sb.append(']').toString();
    }

    private static String causeName(int code) {
        return code >= 0 && code < Cause.values().length ? Cause.values()[code] + " (" + code + ")" : "code " + code;
    }

    /**
     * One MPTE read: address and size (from the RTL's read, or the golden walk), the value (the golden model's after
     * the MBE byte swap; the RTL's as the bytes lie in memory) and whether the bus answered with an error.
     */
    private record MpteRead(long addr, int size, long value, boolean failed) {
    }

    /** The name of extension observation port {@code id} in event texts, null when unknown. */
    private String portName(int id) {
        return id >= 0 && id < lib.library().ports().size() ? lib.library().ports().get(id).name() : null;
    }

    /** What one check produced in the RTL. */
    private static final class Observed {
        final long acceptCycle;
        final List<Long> pmpQueries = new ArrayList<>();
        /** MPTE reads in issue order; a read's value and bus error arrive with its memory response. */
        final List<MpteRead> reads = new ArrayList<>();
        int responses;
        Event.Response rsp;
        /** What the cache front end did (cached checker, probed checks only). */
        CacheScoreboard.Lookup lookup;

        Observed(long acceptCycle) {
            this.acceptCycle = acceptCycle;
        }
    }

    /** What the check must produce. */
    private static final class Expected {
        boolean allow;
        int cause;
        int xwr;
        int level;
        int leafLog2;
        int uniformLog2;
        boolean cacheable;
        boolean hit;
        boolean stale;
        final List<MpteRead> reads = new ArrayList<>();
        final List<Long> pmpQueries = new ArrayList<>();
        LookupResult result;
    }
}
