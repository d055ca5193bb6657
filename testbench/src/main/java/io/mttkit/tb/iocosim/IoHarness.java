package io.mttkit.tb.iocosim;

import io.mttkit.bridge.CheckerSession;
import io.mttkit.bridge.Event;
import io.mttkit.bridge.EventBuffer;
import io.mttkit.bridge.EventKind;
import io.mttkit.bridge.RawEvent;
import io.mttkit.bridge.PmpRegion;
import io.mttkit.bridge.RequestBuffer;
import io.mttkit.bridge.RunResult;
import io.mttkit.bridge.SessionConfig;
import io.mttkit.bridge.StopReason;
import io.mttkit.golden.ImplicitReadCheck;
import io.mttkit.golden.LookupResult;
import io.mttkit.golden.MpteReader;
import io.mttkit.golden.MttLookup;
import io.mttkit.golden.iompt.AbortReason;
import io.mttkit.golden.iompt.Classification;
import io.mttkit.golden.iompt.CommandDone;
import io.mttkit.golden.iompt.Completion;
import io.mttkit.golden.iompt.ControlDone;
import io.mttkit.golden.iompt.DmaTransaction;
import io.mttkit.golden.iompt.DmaVerdict;
import io.mttkit.golden.iompt.IoMptChecker;
import io.mttkit.golden.iompt.IoMptParams;
import io.mttkit.golden.iompt.Op;
import io.mttkit.golden.iompt.RegisterInterface;
import io.mttkit.golden.mem.PhysicalMemory;
import io.mttkit.tb.cosim.EventDigest;
import io.mttkit.tb.cosim.SessionSettings;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Objects;

/**
 * Co-simulation of an I/O MPT checker (port contract v3) against the golden {@link IoMptChecker}: a stimulus of
 * {@link IoOp}s runs through the RTL in batches (one bridge call each) and every event is checked as it arrives.
 *
 * <p>What is compared: every DMA verdict (allow, abort reason, classification matched/rule/SDID, IOMMU fields,
 * report-to-IOMMU, the walk's cause and XWR, id), the exact ordered MPTE reads (address, size, bus error) and PMP
 * queries of its walk, the verdict latency the contract fixes (one cycle after the handshake without a walk);
 * every register access (latency 1; reads exact once BUSY is 0, status.BUSY = 1 legal only while an operation is
 * in progress, writes while BUSY ignored as the RTL says it was BUSY).
 *
 * <p>The golden side is {@link IoMptChecker}s over the same memory. {@code timed} completes an operation when
 * the RTL is first seen with BUSY = 0 after it (what software can observe); {@code eager} completes it at once (the
 * RTL may have finished before software looked); with {@link #allowUnfencedConfiguration} {@code fenced} applies
 * SET_SDCL_ENTRY / SET_SDCFG_ENTRY only when an IOFENCE completes (ch. 6 §"IOFENCE": "must observe the new
 * configurations within a bounded but UNSPECIFIED time ... Successful completion of an IOFENCE ... guarantees" it).
 * A verdict must equal one of theirs; where they agree it is exact. MPT memory is edited only between
 * {@link #run} calls (then every verdict has been given), so the newest MPT is the only legal answer for a cache-less
 * checker's walks. A cached checker (its manifest gives the cache geometry) is answered by the golden cache model in
 * {@link IoCacheScoreboard}, which also compares every cache event it reports (stale entries until the MPTINVAL
 * covering them are its legal old answers).
 */
public final class IoHarness implements AutoCloseable {
    /** Verdicts per {@link AbortReason} ordinal, and the other totals; {@code walkDelays}: cycles from a walk's end to
     *  rsp_valid by how it ended (without reads, PMP denial, memory response; -1 not seen), held constant. */
    public record Totals(long dmaChecks, long registerAccesses, long polls, long reads, long cycles, long[] reasons,
                         long windows, long digest, long[] walkDelays) {
    }

    private static final int EVENT_CAPACITY = 1 << 16;
    /** Cycles of reset before the stimulus (counted in {@link Totals#cycles()}). */
    public static final int RESET_CYCLES = 4;

    private final IoCheckerLibrary lib;
    private final IoCheckerLibrary.IoCheckerDescription desc;
    private final SessionSettings settings;
    private final CheckerSession session;
    private final EventBuffer events;
    private final EventDigest digest;
    private final IoMptParams params;
    private final IoMptChecker timed;
    private final IoMptChecker eager;
    private final IoMptChecker fenced;
    /** SETs completed since the last IOFENCE: what {@link #fenced} has not seen yet. */
    private final List<CommandDone> unfenced = new ArrayList<>();
    private final PhysicalMemory memory;
    private final long pawMask;
    private final boolean iommuPorts;
    /** Port names for the text of OBSX events in reports. */
    private final java.util.function.IntFunction<String> portName;
    private List<PmpRegion> pmp = List.of();
    // the oracle's walk: which read fails (the bridge's injected bus error), PMP queries seen
    private int failAtRead = -1;
    private int readsDone;
    private final List<Long> oraclePmp = new ArrayList<>();
    private final MttLookup oracle;
    /** The cache scoreboard of a cached checker (contract v3, "The cached I/O checker"); null without a cache. */
    private final IoCacheScoreboard cache;
    private IoObserver observer = new IoObserver() {
    };
    private int batch = 8192;
    /** Bench mode M1: the bridge calls and the trace digest only, no scoreboard (never for a verdict). */
    private boolean digestOnly;
    private long rawDigest = io.mttkit.bridge.Records.DIGEST_SEED;
    private long runNanos;
    private long nativeNanos;
    private boolean unfencedLegal;
    /** Cycle of the last command write taken (BUSY 0): an IOFENCE/MPTINVAL must outwait transactions taken before. */
    private long commandCycle = -1;

    // the run in progress
    private List<IoOp> ops = List.of();
    private long base;
    private final Deque<InFlight> inFlight = new ArrayDeque<>();
    /** The last events, formatted only for a report (formatting every event would cost the product path time). */
    private final long[][] recent = new long[RECENT][8];
    private long recentCount;
    private static final int RECENT = 24;
    private long dmaChecks;
    private long registerAccesses;
    private long polls;
    private long reads;
    private long windows;
    private final long[] reasons = new long[AbortReason.values().length];
    /** Cycles from a walk's end to rsp_valid, by how it ended (-1: not seen yet). */
    private final long[] walkDelay = {-1, -1, -1};
    private static final String[] WALK_END = {"the handshake (a walk without reads: PA range, unimplemented mode)",
        "the PMP denial's answer", "the walk's last memory response"};

    /** One DMA transaction between its handshake and its verdict. */
    /**
     * One DMA transaction between its handshake and its verdict. Reused from transaction to transaction (one is in
     * flight at a time): the product path allocates nothing for it per check.
     */
    private static final class InFlight {
        int index;
        DmaTransaction tx;
        long acceptCycle;
        final List<DmaVerdict> candidates = new ArrayList<>(3);
        /** Per candidate: the classifying rule and the one below it, as that model held them at the handshake. */
        final List<io.mttkit.golden.iompt.SdclRule[]> rules = new ArrayList<>(3);
        /** Per candidate: the PMP queries of its own walk (no bus error injected); the first {@code candidates.size()}. */
        final List<List<Long>> pmp = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        /** Addresses of the memory read handshakes, and whether each response was a bus error. */
        final List<Long> mrd = new ArrayList<>();
        final List<Boolean> mrsErr = new ArrayList<>();
        final List<Long> pmpQueries = new ArrayList<>();
        long lastWalkEvent = -1;
        /** Answered from the cache (timing: the cycle after the handshake, as a verdict without a walk). */
        boolean hit;
        /** The candidates' walks already account for the bridge's bus errors (the cache model redid the walk). */
        boolean walkFinal;
        /** The cache step taken at the handshake (null: none, or deferred to the verdict when {@link #cacheDeferred}). */
        IoCacheScoreboard.Lookup cacheLookup;
        io.mttkit.golden.cache.CheckContext cacheCtx;
        final List<Long> cachePmp = new ArrayList<>();
        boolean cacheDeferred;

        InFlight reset(int newIndex, DmaTransaction newTx, long newAcceptCycle) {
            index = newIndex;
            tx = newTx;
            acceptCycle = newAcceptCycle;
            candidates.clear();
            rules.clear();
            mrd.clear();
            mrsErr.clear();
            pmpQueries.clear();
            lastWalkEvent = -1;
            hit = false;
            walkFinal = false;
            cacheLookup = null;
            cacheCtx = null;
            cachePmp.clear();
            cacheDeferred = false;
            return this;
        }
    }

    /** The {@link InFlight} to reuse for the next handshake (null while one is in flight). */
    private InFlight spare = new InFlight();

    /** Opens a session on {@code lib} over {@code memory} (every region attached). */
    public IoHarness(IoCheckerLibrary lib, PhysicalMemory memory, SessionSettings settings) {
        this(lib, memory, settings, lib.description().golden());
    }

    /**
     * As above with the golden model configured from {@code goldenParams}: a test of the scoreboard itself (a golden
     * configuration the RTL was not built for must be caught).
     */
    IoHarness(IoCheckerLibrary lib, PhysicalMemory memory, SessionSettings settings, IoMptParams goldenParams) {
        this.lib = lib;
        this.desc = lib.description();
        this.settings = settings;
        this.memory = memory;
        this.params = goldenParams;
        this.pawMask = desc.paw() >= 64 ? -1L : (1L << desc.paw()) - 1;
        this.iommuPorts = lib.hasIommuPorts();
        List<io.mttkit.bridge.PortInfo> ports = lib.library().ports();
        this.portName = id -> id >= 0 && id < ports.size() ? ports.get(id).name() : null;
        SessionConfig config = new SessionConfig(settings.seed(), settings.memLatencyMin(), settings.memLatencyMax(),
                settings.mrdStallPerMille(), settings.rspStallPerMille(), settings.busErrorPerMille(),
                desc.pmpLatency(), 20_000, settings.pmpDefaultAllow());
        this.session = lib.library().openChecker(config);
        this.events = new EventBuffer(Math.max(EVENT_CAPACITY, 64 * lib.library().maxEventsPerCycle()));
        this.digest = new EventDigest(lib.library().observationPorts());
        for (PhysicalMemory.Region r : memory.regions()) {
            session.attachMemory(r.base(), r.buffer());
        }
        MpteReader reader = new MpteReader() {
            @Override
            public boolean canRead(long addr, int size) {
                return readsDone != failAtRead && memory.canRead(addr, size);
            }

            @Override
            public long read(long addr, int size, boolean bigEndian) {
                readsDone++;
                return memory.read(addr, size, bigEndian);
            }
        };
        ImplicitReadCheck recording = (addr, size) -> {
            oraclePmp.add(addr & pawMask);
            return PmpRegion.allows(pmp, settings.pmpDefaultAllow(), addr & pawMask, size);
        };
        // The golden checkers walk the same memory through the oracle's reader: with no bus error injected their
        // own walk is the answer; when the bridge injected one, the walk is redone knowing which read failed.
        this.timed = new IoMptChecker(params, reader, recording);
        this.eager = new IoMptChecker(params, reader, recording);
        this.fenced = new IoMptChecker(params, reader, recording);
        this.oracle = new MttLookup(reader, recording, params.lookupConfig());
        // the golden cache walks through the oracle too: its reads, bus errors and PMP queries are the oracle's
        this.cache = desc.cached() ? new IoCacheScoreboard(lib.library(), desc, oracle) : null;
        session.reset(RESET_CYCLES);
    }

    /** The PMP regions the bridge answers from (the golden side mirrors them). */
    public void setPmpRegions(List<PmpRegion> regions) {
        session.setPmpRegions(regions);
        this.pmp = List.copyOf(regions);
    }

    public void setObserver(IoObserver o) {
        this.observer = Objects.requireNonNull(o);
        if (cache != null) {
            cache.setObserver(o);
        }
    }

    /**
     * Whether a rule or SD configuration whose SET completed but that no IOFENCE has followed may still be used
     * (ch. 6 §"IOFENCE": the checker must observe it "within a bounded but UNSPECIFIED time"). Off by default: port
     * contract v3 fixes that a transaction taken after the SET completed (BUSY fell) uses the new configuration,
     * which is stricter and catches more. On, the harness checks only what the spec requires.
     */
    public void allowUnfencedConfiguration(boolean on) {
        this.unfencedLegal = on;
    }

    /**
     * Bench mode M1 only: runs the bridge calls and digests the trace without comparing anything, to separate the
     * cost of the JVM's bridge calls from the scoreboard's. A run in this mode checks nothing.
     */
    void digestOnly() {
        this.digestOnly = true;
    }

    /** Requests per bridge call (1..65536); the trace does not depend on it. */
    public void setBatch(int requests) {
        if (requests < 1 || requests > 65_536) {
            throw new IllegalArgumentException("batch must be 1..65536 requests; got " + requests);
        }
        this.batch = requests;
    }

    /** The golden checker that completes operations when the RTL's BUSY falls (read-only use: state queries). */
    public IoMptChecker golden() {
        return timed;
    }

    public IoCheckerLibrary library() {
        return lib;
    }

    /**
     * Runs {@code stream} to completion (every verdict given, every register access answered) and compares.
     *
     * @throws IoMismatchException at the first difference, with the report
     */
    public void run(List<IoOp> stream) {
        ops = List.copyOf(stream);
        RequestBuffer q = requests(ops, desc);
        // timed from here, as the C++ runner times only its run calls (the stimulus is encoded before either)
        long t0 = System.nanoTime();
        try {
            runRequests(q);
        } finally {
            runNanos += System.nanoTime() - t0;
        }
    }

    private void runRequests(RequestBuffer q) {
        int from = 0;
        while (from < q.size()) {
            long n0 = System.nanoTime();
            RunResult r = session.run(q, from, Math.min(batch, q.size() - from), events, 0);
            nativeNanos += System.nanoTime() - n0;
            consume(r);
            from += (int) r.consumed();
        }
        RunResult r;
        do {
            long n0 = System.nanoTime();
            r = session.drain(events, 0);
            nativeNanos += System.nanoTime() - n0;
            consume(r);
        } while (r.reason() == StopReason.EVENTS_FULL || r.reason() == StopReason.CYCLE_LIMIT);
        if (cache != null && !digestOnly) {
            cache.endOfRun();
            cacheDiffs(session.cycle());
        }
        if (!inFlight.isEmpty()) {
            throw mismatch(session.cycle(), "DMA transaction " + describe(inFlight.peek().tx) + " never got a verdict",
                    null);
        }
        base += ops.size();
    }

    /**
     * The bridge requests of {@code ops} ({@code mttb_io_request}): DMA ids are the transactions' ids cut to
     * {@code idWidth}.
     *
     * @throws IllegalArgumentException for a DMA whose range does not fit the {@code paw}-bit {@code dma_pa} port
     */
    public static RequestBuffer requests(List<IoOp> ops, IoCheckerLibrary.IoCheckerDescription desc) {
        RequestBuffer q = new RequestBuffer(Math.max(1, ops.size()));
        int idMask = (1 << desc.idWidth()) - 1;
        long pawMask = desc.paw() >= 64 ? -1L : (1L << desc.paw()) - 1;
        for (IoOp op : ops) {
            if (op instanceof IoOp.Dma d) {
                DmaTransaction tx = d.tx();
                if (((tx.pa() + tx.size() - 1) & ~pawMask) != 0) {
                    throw new IllegalArgumentException(String.format("DMA %s: the range does not fit the %d-bit dma_pa"
                            + " port; the golden model would see bits the RTL cannot", describe(tx), desc.paw()));
                }
                q.dma((int) (tx.id() & idMask), tx.deviceId(), tx.ide() != null, tx.ide() == null ? d.idleIdeId() : tx.ide().key(),
                        tx.tee(), tx.fromIommu(), tx.pa(), (int) tx.size(), tx.need());
            } else if (op instanceof IoOp.Reg r) {
                q.register(r.addr(), r.size(), r.write(), r.value());
            } else if (op instanceof IoOp.Poll) {
                q.poll();
            } else if (op instanceof IoOp.Idle i) {
                q.idle(i.cycles());
            }
        }
        return q;
    }

    /** The digest of every native event record so far, the function the C++ runner prints (bench: same trace). */
    public long rawDigest() {
        return rawDigest;
    }

    /** Holds every walk to delays learned elsewhere (a previous world of the same design); -1 entries still learn. */
    public void expectWalkDelays(long[] delays) {
        System.arraycopy(delays, 0, walkDelay, 0, walkDelay.length);
    }

    /** Nanoseconds spent in the bridge's run/drain calls so far (the simulation itself). */
    public long nativeNanos() {
        return nativeNanos;
    }

    /** Nanoseconds spent in {@link #run} so far, the requests' encoding excepted (bench: the product path's time). */
    public long runNanos() {
        return runNanos;
    }


    private void consume(RunResult r) {
        rawDigest = events.digest(rawDigest);
        for (int i = 0; i < (digestOnly ? 0 : events.size()); i++) { // bench M1: the digest alone
            // The walk's events are read from the record; only the events compared field by field are decoded
            // (decoding every record would cost the product path a third of its time).
            RawEvent raw = events.raw(i);
            digest.add(raw);
            remember(raw);
            if (cache != null) {
                cache.onEvent(raw);
                cacheDiffs(raw.cycle());
            }
            int k = raw.kind();
            if (k == EventKind.MRD.code()) {
                current(raw).mrd.add(raw.x());
            } else if (k == EventKind.MRS.code()) {
                InFlight f = current(raw);
                f.mrsErr.add((raw.b2() & 1) != 0);
                f.lastWalkEvent = raw.cycle();
            } else if (k == EventKind.PMP_QUERY.code()) {
                current(raw).pmpQueries.add(raw.x());
            } else if (k == EventKind.PMP_ANSWER.code()) {
                current(raw).lastWalkEvent = raw.cycle();
            } else if (k == EventKind.DMA_ACCEPT.code()) {
                accept((Event.DmaAccept) events.event(i)); // the buffer's decoder allocates only the event
            } else if (k == EventKind.DMA_RSP.code()) {
                verdict((Event.DmaResponse) events.event(i));
            } else if (k == EventKind.REG.code()) {
                register((Event.RegisterAccess) events.event(i));
            } else if (k == EventKind.OBS.code() || k == EventKind.OBSX.code()) {
                observer.observation(events.event(i)); // compared by the cache scoreboard above (cached checkers)
            }
        }
        if (r.reason().terminal()) {
            throw mismatch(session.cycle(), "the session stopped: " + r.reason() + ": " + r.message(), null);
        }
    }

    private void cacheDiffs(long cycle) {
        if (cache.hasDiffs()) {
            StringBuilder b = new StringBuilder("cache event differs from the golden cache model:\n");
            for (String s : cache.takeDiffs()) {
                b.append(s).append('\n');
            }
            b.append("  golden cache: ").append(cache.snapshot()).append('\n');
            throw mismatch(cycle, b.toString(), null);
        }
    }

    private void remember(RawEvent e) {
        // copied into a ring of primitives, so that the record need not outlive this call (no allocation per event)
        long[] r = recent[(int) (recentCount++ % RECENT)];
        r[0] = e.cycle();
        r[1] = e.kind();
        r[2] = e.b1();
        r[3] = e.b2();
        r[4] = e.b3();
        r[5] = e.a32();
        r[6] = e.x();
        r[7] = e.y();
    }

    private InFlight current(RawEvent e) {
        InFlight f = inFlight.peekLast();
        if (f == null) {
            throw mismatch(e.cycle(), "the checker accessed memory or the PMP with no DMA transaction in flight: "
                    + e.event().text(portName), null);
        }
        return f;
    }

    private IoOp op(long position, Event e) {
        long k = position - base;
        if (k < 0 || k >= ops.size()) {
            throw mismatch(e.cycle(), "event for stream position " + position + " outside this run: " + e.text(), null);
        }
        return ops.get((int) k);
    }

    // ---- DMA ------------------------------------------------------------------------------------------------

    private void accept(Event.DmaAccept a) {
        if (!(op(a.position(), a) instanceof IoOp.Dma d)) {
            throw mismatch(a.cycle(), "DMA handshake for a request that is not a DMA transaction: " + a.text(), null);
        }
        if (!inFlight.isEmpty()) {
            throw mismatch(a.cycle(), "dma_ready was 1 while transaction " + describe(inFlight.peek().tx)
                    + " had no verdict yet (contract v3: one transaction in flight)", d.tx());
        }
        InFlight f = (spare != null ? spare : new InFlight()).reset((int) (a.position() - base), d.tx(), a.cycle());
        spare = null;
        // eager differs from timed only while an operation is in progress (otherwise both performed every write)
        int n = 0;
        for (IoMptChecker m : new IoMptChecker[] {timed, timed.busy() ? eager : null, unfencedLegal ? fenced : null}) {
            if (m == null) {
                continue;
            }
            failAtRead = -1;
            readsDone = 0;
            oraclePmp.clear();
            DmaVerdict v = m.check(d.tx());
            List<Long> queries = f.pmp.get(n++);
            queries.clear();
            queries.addAll(oraclePmp);
            f.candidates.add(v);
            Classification k = v.classification();
            f.rules.add(new io.mttkit.golden.iompt.SdclRule[] {k == null ? null : m.rule(k.ruleId()),
                k == null || k.ruleId() == 0 ? null : m.rule(k.ruleId() - 1)});
        }
        if (cache != null) {
            cacheAccept(f);
        }
        inFlight.addLast(f);
        observer.accepted(d.tx(), a.cycle());
    }

    /** The fields the RTL reports, as the golden verdict {@code v} with the oracle's walk {@code w} (null: none). */
    private record Expected(boolean allow, int reason, boolean matched, int rule, int sdid, boolean iommuValid,
                            int iommuId, boolean report, int cause, int xwr, List<Long> reads, List<Boolean> failed,
                            List<Long> pmpQueries, DmaVerdict verdict) {
        /** Same fields (the golden verdict objects themselves are not compared). */
        boolean sameAs(Expected o) {
            return allow == o.allow && reason == o.reason && matched == o.matched && rule == o.rule && sdid == o.sdid
                    && iommuValid == o.iommuValid && iommuId == o.iommuId && report == o.report && cause == o.cause
                    && xwr == o.xwr && reads.equals(o.reads) && failed.equals(o.failed) && pmpQueries.equals(o.pmpQueries);
        }

        String text() {
            return String.format("allow=%d abort_reason=%d (%s) matched=%d rule=%d sdid=%d iommu_valid=%d iommu_id=%d"
                            + " report_to_iommu=%d cause=%d xwr=%d reads=%s%s pmp=%s", allow ? 1 : 0, reason,
                    AbortReason.values()[reason], matched ? 1 : 0, rule, sdid, iommuValid ? 1 : 0, iommuId,
                    report ? 1 : 0, cause, xwr, hex(reads), failed.contains(true) ? " (failed " + failed + ")" : "",
                    hex(pmpQueries));
        }
    }

    private Expected expected(InFlight f, int k) {
        DmaVerdict v = f.candidates.get(k);
        boolean allow = v.allowed();
        int reason = v.reason().ordinal();
        int cause = 0;
        int xwr = 0;
        List<Long> rd = new ArrayList<>();
        List<Boolean> failed = new ArrayList<>();
        List<Long> pq = new ArrayList<>();
        if (v.lookup() != null && !f.walkFinal) {
            int failAt = -1;
            for (int i = 0; i < f.mrsErr.size(); i++) {
                if (f.mrsErr.get(i)) {
                    failAt = i;
                    break;
                }
            }
            LookupResult g = v.lookup();
            List<Long> queries = f.pmp.get(k);
            if (failAt >= 0) { // the bridge failed a read: walk again knowing which
                failAtRead = failAt;
                readsDone = 0;
                oraclePmp.clear();
                g = oracle.lookup(v.mptMode(), v.sdConfig().ppn(), f.tx.pa(), f.tx.need(), v.sdConfig().mbe(),
                        new LookupResult());
                queries = oraclePmp;
            }
            allow = g.allow();
            reason = AbortReason.ofLookup(g.cause()).ordinal();
            cause = g.cause().ordinal();
            xwr = Math.max(0, g.xwr());
            for (int i = 0; i < g.readCount(); i++) {
                rd.add(g.readAddr(i));
                failed.add(g.readFailed(i));
            }
            pq.addAll(queries);
        } else if (v.lookup() != null) { // the cache model's walk, bus errors included, or its hit
            LookupResult g = v.lookup();
            allow = g.allow();
            reason = AbortReason.ofLookup(g.cause()).ordinal();
            cause = g.cause().ordinal();
            xwr = Math.max(0, g.xwr());
            for (int i = 0; i < g.readCount(); i++) {
                rd.add(g.readAddr(i));
                failed.add(g.readFailed(i));
            }
            pq.addAll(f.pmp.get(k));
        }
        Classification c = v.classification();
        return new Expected(allow, reason, c != null, c == null ? 0 : c.ruleId(), c == null ? 0 : c.sdid(),
                c != null && c.hasIommu(), c != null && c.hasIommu() ? c.iommuId() : 0, !allow && f.tx.fromIommu(),
                cause, xwr, rd, failed, pq, v);
    }

    private List<String> diffs(Expected x, Event.DmaResponse v, InFlight f) {
        List<String> d = new ArrayList<>();
        field(d, "allow", x.allow ? 1 : 0, v.allow() ? 1 : 0);
        field(d, "abort_reason", x.reason, v.abortReason());
        field(d, "matched", x.matched ? 1 : 0, v.matched() ? 1 : 0);
        field(d, "rule", x.rule, v.rule());
        field(d, "sdid", x.sdid, v.sdid());
        if (iommuPorts) {
            field(d, "iommu_valid", x.iommuValid ? 1 : 0, v.iommuValid() ? 1 : 0);
            field(d, "iommu_id", x.iommuId, v.iommuId());
        }
        field(d, "report_to_iommu", x.report ? 1 : 0, v.reportToIommu() ? 1 : 0);
        field(d, "cause", x.cause, v.cause());
        field(d, "xwr", x.xwr, v.xwr());
        boolean sameReads = x.reads.size() == f.mrd.size();
        for (int i = 0; sameReads && i < f.mrd.size(); i++) {
            sameReads = x.reads.get(i).longValue() == f.mrd.get(i).longValue();
        }
        if (!sameReads) {
            d.add("  MPTE reads: expected " + hex(x.reads) + " got " + hex(f.mrd));
        } else {
            for (int i = 0; i < f.mrsErr.size() && i < x.failed.size(); i++) {
                if (!f.mrsErr.get(i).equals(x.failed.get(i))) {
                    d.add("  MPTE read " + i + " bus error: expected " + x.failed.get(i) + " got " + f.mrsErr.get(i));
                }
            }
        }
        if (!x.pmpQueries.equals(f.pmpQueries)) {
            d.add("  PMP queries: expected " + hex(x.pmpQueries) + " got " + hex(f.pmpQueries));
        }
        return d;
    }

    private void verdict(Event.DmaResponse v) {
        InFlight f = inFlight.pollFirst();
        if (f == null) {
            throw mismatch(v.cycle(), "a verdict with no DMA transaction in flight: " + v.text(), null);
        }
        if (cache != null) {
            cacheVerdict(f, v);
        }
        int idMask = (1 << desc.idWidth()) - 1;
        if (f.candidates.size() == 1 && agrees(f, v, (int) (f.tx.id() & idMask))) {
            // the common case, one legal answer and the RTL gave it: counted without building the comparison records
            DmaVerdict c = f.candidates.get(0);
            learnTiming(f, c, v);
            dmaChecks++;
            reads += f.mrd.size();
            reasons[v.abortReason()]++;
            observer.verdict(c, f.rules.get(0)[0], f.rules.get(0)[1], v, false);
            spare = f;
            return;
        }
        List<String> idDiff = new ArrayList<>();
        field(idDiff, "id", (int) (f.tx.id() & idMask), v.id());
        List<Expected> xs = new ArrayList<>();
        Expected match = null;
        int matchedModel = -1;
        List<String> firstDiffs = null;
        for (int k = 0; k < f.candidates.size(); k++) {
            Expected x = expected(f, k);
            xs.add(x);
            List<String> d = diffs(x, v, f);
            d.addAll(timing(f, f.candidates.get(k), v));
            if (d.isEmpty() && match == null) {
                match = x;
                matchedModel = k;
            } else if (firstDiffs == null) {
                firstDiffs = d;
            }
        }
        // the models disagree on some field (the golden verdict objects themselves never compare equal)
        boolean window = false;
        for (int k = 1; k < xs.size(); k++) {
            window |= !xs.get(k).sameAs(xs.get(0));
        }
        if (match == null || !idDiff.isEmpty()) {
            StringBuilder b = new StringBuilder();
            b.append("DMA verdict differs for transaction #").append(f.tx.id()).append(" (stream position ")
                    .append(base + f.index).append(", as in the events' position=): ").append(describe(f.tx))
                    .append('\n');
            b.append("  accepted at cycle ").append(f.acceptCycle).append(", verdict handshake at cycle ")
                    .append(v.cycle()).append('\n');
            for (String s : idDiff) {
                b.append(s).append('\n');
            }
            if (match == null) {
                for (String s : firstDiffs) {
                    b.append(s).append('\n');
                }
                b.append("  got:      ").append(v.text()).append('\n');
                b.append("  expected: ").append(xs.get(0).text()).append(" [").append(xs.get(0).verdict).append("]\n");
                if (window) {
                    for (int k = 1; k < xs.size(); k++) {
                        b.append("  also legal (").append(k == 1 ? "the operation in progress completed"
                                : "configuration written but not yet fenced").append("): ").append(xs.get(k).text())
                                .append('\n');
                    }
                }
            }
            throw mismatch(v.cycle(), b.toString(), f.tx);
        }
        learnTiming(f, match.verdict, v);
        dmaChecks++;
        reads += f.mrd.size();
        reasons[v.abortReason()]++;
        if (window) {
            windows++;
        }
        observer.verdict(match.verdict, f.rules.get(matchedModel)[0], f.rules.get(matchedModel)[1], v, window);
        spare = f;
    }

    /**
     * True when {@code v} is exactly the single candidate's answer (every field, reads, bus errors, PMP queries,
     * timing): the same decision as {@link #diffs} and {@link #timing} with nothing allocated. Anything else goes the
     * long way, which builds the report.
     */
    private boolean agrees(InFlight f, Event.DmaResponse v, int id) {
        DmaVerdict c = f.candidates.get(0);
        if (v.id() != id || !timing(f, c, v).isEmpty()) {
            return false;
        }
        for (Boolean err : f.mrsErr) {
            if (err) {
                return false; // a bus error: the walk is redone knowing which read failed (the long way)
            }
        }
        boolean allow = c.allowed();
        int reason = c.reason().ordinal();
        int cause = 0;
        int xwr = 0;
        LookupResult g = c.lookup();
        if (g != null) {
            allow = g.allow();
            reason = AbortReason.ofLookup(g.cause()).ordinal();
            cause = g.cause().ordinal();
            xwr = Math.max(0, g.xwr());
            if (g.readCount() != f.mrd.size() || !f.pmp.get(0).equals(f.pmpQueries)) {
                return false;
            }
            for (int i = 0; i < g.readCount(); i++) {
                if (g.readAddr(i) != f.mrd.get(i) || g.readFailed(i)) {
                    return false;
                }
            }
        } else if (!f.mrd.isEmpty() || !f.pmpQueries.isEmpty()) {
            return false;
        }
        Classification k = c.classification();
        boolean iommu = k != null && k.hasIommu();
        return v.allow() == allow && v.abortReason() == reason && v.matched() == (k != null)
                && v.rule() == (k == null ? 0 : k.ruleId()) && v.sdid() == (k == null ? 0 : k.sdid())
                && (!iommuPorts || (v.iommuValid() == iommu && v.iommuId() == (iommu ? k.iommuId() : 0)))
                && v.reportToIommu() == (!allow && f.tx.fromIommu()) && v.cause() == cause && v.xwr() == xwr;
    }

    /**
     * Timing (contract v3): without a walk rsp_valid rises the cycle after the handshake. With one it rises a fixed
     * number of cycles after the walk's last event, the same for every walk that ends the same way (the walker's
     * pipeline depth is the design's: learned from the first such walk, then held to).
     */
    private List<String> timing(InFlight f, DmaVerdict c, Event.DmaResponse v) {
        if (c.lookup() == null || f.hit) {
            return v.validCycle() == f.acceptCycle + 1 ? List.of() : List.of("  rsp_valid rose at cycle "
                    + v.validCycle() + ", expected " + (f.acceptCycle + 1) + " (the cycle after the handshake at "
                    + f.acceptCycle + ": no walk)");
        }
        int kind = walkEnd(f);
        long from = kind == 0 ? f.acceptCycle : f.lastWalkEvent;
        long delay = v.validCycle() - from;
        return walkDelay[kind] < 0 || delay == walkDelay[kind] ? List.of() : List.of("  rsp_valid rose " + delay
                + " cycles after " + WALK_END[kind] + " (cycle " + from + "); earlier walks that ended so took "
                + walkDelay[kind]);
    }

    private void learnTiming(InFlight f, DmaVerdict c, Event.DmaResponse v) {
        if (c.lookup() != null && !f.hit) {
            int kind = walkEnd(f);
            if (walkDelay[kind] < 0) {
                walkDelay[kind] = v.validCycle() - (kind == 0 ? f.acceptCycle : f.lastWalkEvent);
            }
        }
    }

    /** How the walk ended: 0 without reads, 1 on a PMP denial, 2 on a memory response. */
    private static int walkEnd(InFlight f) {
        return f.pmpQueries.isEmpty() ? 0 : f.mrd.size() < f.pmpQueries.size() ? 1 : 2;
    }

    // ---- registers -------------------------------------------------------------------------------------------

    private void register(Event.RegisterAccess g) {
        IoOp o = op(g.position(), g);
        boolean poll = o instanceof IoOp.Poll;
        IoOp.Reg r = poll ? IoOp.Reg.read(RegisterInterface.STATUS, 4) : o instanceof IoOp.Reg x ? x : null;
        if (r == null || poll != g.poll()) {
            throw mismatch(g.cycle(), "register answer for a request that is not a register access: " + g.text(), null);
        }
        List<String> d = new ArrayList<>();
        if (g.latency() != 1) {
            d.add("  reg_rvalid " + g.latency() + " cycles after the handshake; contract v3 says the cycle after");
        }
        if (g.busy() && !timed.busy()) {
            d.add("  status.BUSY = 1 at the handshake while no operation is in progress (the last one already"
                    + " completed, or none was started)");
        }
        if (!g.busy() && timed.busy()) {
            complete();
        }
        boolean isStatus = r.addr() == RegisterInterface.STATUS && r.size() == 4 && !r.write();
        if (isStatus && ((g.rdata() >>> 31) & 1) != (g.busy() ? 1 : 0)) {
            d.add("  status reads BUSY=" + ((g.rdata() >>> 31) & 1) + " but the checker's busy output was "
                    + (g.busy() ? 1 : 0) + " at the handshake");
        }
        if (r.write()) {
            if (!g.busy() && r.addr() == RegisterInterface.COMMAND) {
                commandCycle = g.cycle();
            }
            if (!g.busy()) {
                timed.write(r.addr(), r.size(), r.value());
                eager.write(r.addr(), r.size(), r.value());
                if (eager.busy()) {
                    Completion done = eager.complete().orElseThrow();
                    // the RTL enqueues this MPTINVAL's operand in its FENCE state, after the command's EXECUTE
                    if (cache != null && done instanceof CommandDone cd && cd.succeeded() && cd.op() == Op.MPTINVAL) {
                        cache.mptinval(cd.invalidation());
                    }
                }
            } // while BUSY the write is ignored (contract v3; RegisterInterface: ignored)
            if (g.rdata() != 0) {
                d.add(String.format("  a write reads back 0x%x; contract v3 says 0", g.rdata()));
            }
        } else if (!g.busy()) {
            long exp = timed.read(r.addr(), r.size());
            if (exp != g.rdata()) {
                d.add(String.format("  read of %s (%d bytes): expected 0x%x got 0x%x", regName(r.addr()), r.size(), exp,
                        g.rdata()));
            }
        } // a read while BUSY: only BUSY itself is specified (status); data registers may be mid-update
        if (!d.isEmpty()) {
            StringBuilder b = new StringBuilder("register access differs at stream position ")
                    .append(g.position()).append(": ").append(r.write() ? "write " : "read ")
                    .append(regName(r.addr())).append(" (offset ").append(r.addr()).append(", ").append(r.size())
                    .append(" bytes").append(r.write() ? String.format(", value 0x%x", r.value()) : "").append(")\n");
            for (String s : d) {
                b.append(s).append('\n');
            }
            b.append("  golden: BUSY=").append(timed.busy() ? 1 : 0).append(", got: ").append(g.text()).append('\n');
            throw mismatch(g.cycle(), b.toString(), null);
        }
        if (poll) {
            polls++;
        } else {
            registerAccesses++;
        }
        observer.register(g);
    }

    /** The RTL finished the pending operation: so does the timed model; the fenced one follows the spec's rule. */
    private void complete() {
        Completion c = timed.complete().orElseThrow();
        if (cache != null && cache.invalidationPending()) {
            throw mismatch(session.cycle(), "BUSY fell after an MPTINVAL before its invalidation was applied"
                    + " (obs_inv_apply): contract v3 holds BUSY in the FENCE state until the cache acknowledges the"
                    + " sync", null);
        }
        if (c instanceof CommandDone done) {
            InFlight old = inFlight.peekFirst();
            if (done.succeeded() && (done.op() == Op.IOFENCE || done.op() == Op.MPTINVAL) && old != null
                    && old.acceptCycle < commandCycle) {
                // contract v3: the FENCE state ends only when every transaction taken before has had its verdict
                throw mismatch(session.cycle(), "BUSY fell after " + done.op() + " (command written at cycle "
                        + commandCycle + ") while DMA transaction " + describe(old.tx) + ", taken at cycle "
                        + old.acceptCycle + ", has no verdict yet", old.tx);
            }
            observer.command(done);
            if (done.succeeded() && (done.op() == Op.SET_SDCL_ENTRY || done.op() == Op.SET_SDCFG_ENTRY)) {
                unfenced.add(done);
            } else if (done.succeeded() && done.op() == Op.IOFENCE) {
                for (CommandDone u : unfenced) {
                    fenced.run(u.command(), u.data1(), u.data2());
                }
                unfenced.clear();
            }
        } else if (c instanceof ControlDone done) {
            observer.control(done);
            fenced.setMode(done.written());
        }
    }

    private static String regName(int addr) {
        return switch (addr) {
            case RegisterInterface.CAPABILITIES -> "capabilities";
            case RegisterInterface.STATUS -> "status";
            case RegisterInterface.CONTROL -> "control";
            case RegisterInterface.COMMAND -> "command";
            case RegisterInterface.DATA1 -> "data1";
            case RegisterInterface.DATA1 + 4 -> "data1[63:32]";
            case RegisterInterface.DATA2 -> "data2";
            case RegisterInterface.DATA2 + 4 -> "data2[63:32]";
            default -> "offset " + addr;
        };
    }

    // ---- reports ---------------------------------------------------------------------------------------------

    static String describe(DmaTransaction tx) {
        return String.format("id %d device 0x%x%s%s%s pa 0x%x size %d need %s", tx.id(), tx.deviceId(),
                tx.ide() == null ? "" : String.format(" ide 0x%04x", tx.ide().key()), tx.tee() ? " TEE" : "",
                tx.fromIommu() ? " IOMMU-originated" : "", tx.pa(), tx.size(),
                ((tx.need() & 4) != 0 ? "X" : "") + ((tx.need() & 2) != 0 ? "W" : "") + ((tx.need() & 1) != 0 ? "R" : ""));
    }

    private IoMismatchException mismatch(long cycle, String body, DmaTransaction tx) {
        StringBuilder b = new StringBuilder();
        b.append("MISMATCH (I/O checker ").append(desc.top()).append(", seed ").append(settings.seed())
                .append(") at cycle ").append(cycle).append(":\n").append(body);
        if (!body.endsWith("\n")) {
            b.append('\n');
        }
        b.append("golden: MODE ").append(timed.mode()).append(", BUSY ").append(timed.busy() ? 1 : 0)
                .append(", SETs not yet fenced ").append(unfenced.size()).append('\n');
        b.append("last events:\n");
        for (long k = Math.max(0, recentCount - RECENT); k < recentCount; k++) {
            long[] r = recent[(int) (k % RECENT)];
            RawEvent e = new RawEvent(r[0], (int) r[1], (int) r[2], (int) r[3], (int) r[4], (int) r[5], r[6], r[7]);
            b.append("  ").append(e.event().text(portName)).append('\n');
        }
        return new IoMismatchException(cycle, b.toString());
    }

    /**
     * A cached checker answers the MPT part of a verdict from its cache: the golden cache model, probed with the
     * candidate's context {sdid, mode, root, MBE}, gives the hit's answer (possibly an entry kept after an MPT store
     * or a root change until the MPTINVAL covering it: the legal old answer) or the walk (from the deepest walk-cache
     * hit, redone knowing which read the bridge failed), and the RTL's lookup and fill events must match it.
     * Candidates with that context take the cache's answer; one with another context (a reconfiguration window)
     * keeps its own.
     */
    private io.mttkit.golden.cache.CheckContext contextOf(DmaVerdict c) {
        if (c.lookup() == null || c.sdConfig().xlen() != desc.xlen()) {
            return null; // decided without the MPT, or an MXL the walker lacks (PA_RANGE without a probe)
        }
        return new io.mttkit.golden.cache.CheckContext(c.classification().sdid(), c.mptMode(), c.sdConfig().ppn(),
                c.sdConfig().mbe());
    }

    /** {@link #contextOf} when that context probes the cache for {@code pa} (not a PA-range fault), else null. */
    private io.mttkit.golden.cache.CheckContext probing(DmaVerdict c, long pa) {
        io.mttkit.golden.cache.CheckContext x = contextOf(c);
        return x != null && cache.model().peek(x, pa)[0] >= 0 ? x : null;
    }

    /**
     * The cache step of a transaction at its handshake, when the RTL's cache is probed: an invalidation an MPTINVAL
     * applies while the walk is in flight must find the walk begun (R1: it then fills nothing). With one lookup
     * context among the candidates the model probes now; when some candidates probe and others do not (a
     * reconfiguration window), whether the RTL probed in this cycle says which ones stay legal; candidates with
     * different contexts (rare: an SDCFG or rule SET in progress) defer the step to the verdict, which says which
     * candidate the RTL followed.
     */
    private void cacheAccept(InFlight f) {
        List<String> d = new ArrayList<>();
        io.mttkit.golden.cache.CheckContext ctx = null;
        boolean several = false;
        boolean without = false;
        long pa = f.tx.pa() & pawMask;
        for (DmaVerdict c : f.candidates) {
            io.mttkit.golden.cache.CheckContext x = probing(c, pa);
            if (x == null) {
                without = true;
            } else if (ctx == null) {
                ctx = x;
            } else if (!ctx.equals(x)) {
                several = true;
            }
        }
        if (several) {
            f.cacheDeferred = true;
            return;
        }
        if (ctx != null && without) {
            // the RTL's own probe (or its absence) in the handshake cycle picks the candidates that stay legal
            boolean probed = cache.probedIn(f.acceptCycle);
            int keep = -1;
            for (int i = 0; i < f.candidates.size() && keep < 0; i++) {
                if ((probing(f.candidates.get(i), pa) != null) == probed) {
                    keep = i;
                }
            }
            for (int i = 0; i < f.candidates.size(); i++) {
                if ((probing(f.candidates.get(i), pa) != null) != probed) {
                    f.candidates.set(i, f.candidates.get(keep));
                    f.rules.set(i, f.rules.get(keep));
                    f.pmp.get(i).clear();
                    f.pmp.get(i).addAll(f.pmp.get(keep));
                }
            }
            if (!probed) {
                ctx = null;
            }
        }
        if (ctx == null) {
            cache.noLookup(f.acceptCycle, d);
        } else {
            failAtRead = -1;
            readsDone = 0;
            oraclePmp.clear();
            f.cacheCtx = ctx;
            f.cacheLookup = cache.lookup(f.acceptCycle, ctx, f.tx.pa() & pawMask, f.tx.need(), d).orElse(null);
            f.cachePmp.addAll(oraclePmp);
        }
        cacheFailure(f, d, f.acceptCycle, null);
    }

    /**
     * A cached checker answers the MPT part of a verdict from its cache: the golden cache model, probed with the
     * candidate's context {sdid, mode, root, MBE}, gives the hit's answer (possibly an entry kept after an MPT store
     * or a root change until the MPTINVAL covering it: the legal old answer) or the walk (from the deepest walk-cache
     * hit, redone knowing which read the bridge failed), and the RTL's lookup and fill events must match it.
     * Candidates with that context take the cache's answer; one with another context keeps its own.
     */
    private void cacheVerdict(InFlight f, Event.DmaResponse v) {
        List<String> d = new ArrayList<>();
        if (f.cacheDeferred) {
            // the candidate the RTL followed; none: the RTL decided without the MPT, so it must not have probed
            // (among those, the context whose cache lookup and root-table read the RTL's events show)
            io.mttkit.golden.cache.CheckContext first = null;
            long firstRead = f.mrd.isEmpty() ? -1 : f.mrd.get(0);
            for (int i = 0; i < f.candidates.size() && f.cacheCtx == null; i++) {
                DmaVerdict c = f.candidates.get(i);
                io.mttkit.golden.cache.CheckContext x = contextOf(c);
                if (x != null && v.matched() && c.classification().sdid() == v.sdid()
                        && c.classification().ruleId() == v.rule()) {
                    first = first == null ? x : first;
                    if (cache.consistent(f.acceptCycle, x, f.tx.pa() & pawMask, firstRead)) {
                        f.cacheCtx = x;
                    }
                }
            }
            if (f.cacheCtx == null) {
                f.cacheCtx = first; // none consistent: compared against the first, which reports the difference
            }
            if (f.cacheCtx == null) {
                cache.noLookup(f.acceptCycle, d);
            } else {
                failAtRead = -1;
                readsDone = 0;
                oraclePmp.clear();
                f.cacheLookup = cache.lookup(f.acceptCycle, f.cacheCtx, f.tx.pa() & pawMask, f.tx.need(), d)
                        .orElse(null);
                f.cachePmp.addAll(oraclePmp);
            }
        }
        if (f.cacheLookup != null) {
            io.mttkit.golden.cache.CheckContext ctx = f.cacheCtx;
            LookupResult r;
            List<Long> pq;
            if (f.cacheLookup.hit() != null) {
                r = f.cacheLookup.hit().result();
                pq = List.of();
                f.hit = true;
            } else {
                io.mttkit.golden.cache.PendingWalk pw = f.cacheLookup.walk();
                int failAt = f.mrsErr.indexOf(Boolean.TRUE);
                pq = f.cachePmp;
                if (failAt >= 0) {
                    failAtRead = failAt;
                    readsDone = 0;
                    oraclePmp.clear();
                    cache.model().rewalk(pw);
                    pq = new ArrayList<>(oraclePmp);
                }
                r = cache.finishWalk(pw, v.validCycle(), d).result();
            }
            f.walkFinal = true;
            boolean first = true;
            for (int i = 0; i < f.candidates.size(); i++) {
                DmaVerdict o = f.candidates.get(i);
                if (ctx.equals(contextOf(o))) {
                    if (first) {
                        first = false;
                        LookupResult now = o.lookup();
                        if (f.hit && (now.allow() != r.allow() || now.cause() != r.cause()
                                || Math.max(0, now.xwr()) != Math.max(0, r.xwr()))) {
                            cache.staleHit(); // an entry kept after an MPT store or root change: the old answer
                        }
                    }
                    // each candidate keeps its own classification (rules may differ in a window with one SDID)
                    f.candidates.set(i, new DmaVerdict(f.tx, AbortReason.ofLookup(r.cause()), o.classification(),
                            o.sdConfig(), o.mptMode(), r, f.tx.pa(), 1));
                    f.pmp.get(i).clear();
                    f.pmp.get(i).addAll(pq);
                }
            }
        }
        cacheFailure(f, d, v.cycle(), v);
    }

    private void cacheFailure(InFlight f, List<String> d, long cycle, Event.DmaResponse v) {
        if (!d.isEmpty()) {
            StringBuilder b = new StringBuilder("cache event differs from the golden cache model for transaction ")
                    .append(describe(f.tx)).append(" (accepted at cycle ").append(f.acceptCycle).append("):\n");
            for (String s : d) {
                b.append(s).append('\n');
            }
            if (v != null) {
                b.append("  got:    ").append(v.text()).append('\n');
            }
            b.append("  golden cache: ").append(cache.snapshot()).append('\n');
            throw mismatch(cycle, b.toString(), f.tx);
        }
    }

    /** The cache scoreboard's counters (null for a cache-less checker), by {@code IoCacheScoreboard.Stat}. */
    public long[] cacheStats() {
        return cache == null ? null : cache.stats();
    }

    /** Applied invalidations by scope (all, SDID, PA, PA of an SDID) x cleared nothing / something (null: no cache). */
    public long[][] cacheInvalidationScopes() {
        return cache == null ? null : cache.invalidationScopes();
    }

    private static void field(List<String> d, String name, int expected, int actual) {
        if (expected != actual) {
            d.add("  " + name + ": expected " + expected + " got " + actual);
        }
    }

    private static String hex(List<Long> xs) {
        StringBuilder b = new StringBuilder("[");
        for (int i = 0; i < xs.size(); i++) {
            b.append(i == 0 ? "" : ", ").append("0x").append(Long.toHexString(xs.get(i)));
        }
        return b.append(']').toString();
    }

    /** Totals so far. */
    public Totals totals() {
        return new Totals(dmaChecks, registerAccesses, polls, reads, session.cycle(), reasons.clone(), windows,
                digest.value(), walkDelay.clone());
    }

    public IoMptParams params() {
        return params;
    }

    @Override
    public void close() {
        session.close();
    }
}
