package io.mttkit.tb.cosim;

import io.mttkit.bridge.CheckerSession;
import io.mttkit.bridge.EventBuffer;
import io.mttkit.bridge.PmpRegion;
import io.mttkit.bridge.Records;
import io.mttkit.bridge.RequestBuffer;
import io.mttkit.bridge.RunResult;
import io.mttkit.bridge.StopReason;
import io.mttkit.golden.mem.PhysicalMemory;
import io.mttkit.tb.dut.CheckerDescription;
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
public final class CosimHarness implements PhaseHarness {

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

    private final CheckerDescription params;
    private final SessionSettings settings;
    private final CheckerSession session;
    private final GoldenOracle oracle;
    /** The cache half of the scoreboard; null for a cache-less checker. */
    private final CacheScoreboard cache;
    private final EventBuffer events = new EventBuffer(EVENT_CAPACITY);
    private final EventDigest digest;
    private final CheckTracker tracker;
    private int batch = DEFAULT_BATCH;

    /** Opens a session on {@code lib} over {@code memory} (every region attached). */
    public CosimHarness(CheckerLibrary lib, PhysicalMemory memory, SessionSettings settings) {
        this(lib, memory, settings, lib.description());
    }

    /**
     * As above, but the golden model is configured from {@code goldenParams} (a test of the scoreboard itself:
     * a configuration the RTL was not built for must be caught); it must have the library's cache geometry.
     */
    CosimHarness(CheckerLibrary lib, PhysicalMemory memory, SessionSettings settings, CheckerDescription goldenParams) {
        this.params = lib.description();
        this.settings = settings;
        this.session = lib.library().openChecker(settings.sessionConfig(params));
        this.digest = new EventDigest(lib.library().observationPorts());
        for (PhysicalMemory.Region r : memory.regions()) {
            session.attachMemory(r.base(), r.buffer());
        }
        this.oracle = new GoldenOracle(memory, goldenParams);
        oracle.setPmp(List.of(), settings.pmpDefaultAllow());
        this.cache = lib.cache() == null ? null
                : new CacheScoreboard(lib.library(), goldenParams, oracle.lookup());
        List<io.mttkit.bridge.PortInfo> ports = lib.library().ports();
        MismatchReport report = new MismatchReport(lib.top(), settings, params,
                id -> id >= 0 && id < ports.size() ? ports.get(id).name() : null);
        this.tracker = new CheckTracker(settings, params, oracle, cache, report, digest);
        session.reset(4);
    }

    /** Sets the PMP regions the bridge answers from (and the golden model mirrors). */
    @Override
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
    @Override
    public void setObserver(CheckObserver observer) {
        tracker.setObserver(observer);
        if (cache != null) {
            cache.setObserver(observer);
        }
    }

    /**
     * Index, within the list of the last {@link #run}, of the check being answered: after a
     * {@link CosimMismatchException}, the failing check (or the first one never answered).
     */
    @Override
    public int currentIndex() {
        return tracker.currentIndex();
    }

    /** The settings of this session. */
    public SessionSettings settings() {
        return settings;
    }

    /**
     * Runs {@code stream} (checks, invalidations, syncs, idle gaps, in order) to completion and compares every
     * response. An invalidation marked {@link Stimulus.Invalidate#withCheck} is presented together with the check
     * after it (bridge ABI 5; never cut from it by a batch boundary). The indices of {@link #currentIndex()} and of
     * the reports count checks only.
     *
     * @throws CosimMismatchException at the first difference, with the report
     */
    @Override
    public void run(List<? extends Stimulus> stream) {
        List<CheckRequest> list = new ArrayList<>();
        for (Stimulus s : stream) {
            if (s instanceof CheckRequest c) {
                list.add(c);
            }
        }
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
        for (int i = 0; i < stream.size(); i++) {
            if (stream.get(i) instanceof Stimulus.Invalidate inv && inv.withCheck()
                    && (i + 1 >= stream.size() || !(stream.get(i + 1) instanceof CheckRequest))) {
                throw new IllegalArgumentException("stream item " + i + " is an invalidation to present with the next "
                        + "check, but " + (i + 1 >= stream.size() ? "it is the last item of the run"
                        : "item " + (i + 1) + " is not a check (" + stream.get(i + 1) + ")"));
            }
        }
        RequestBuffer q = new RequestBuffer(Math.max(1, stream.size()));
        int idMask = (1 << params.idWidth()) - 1;
        int checkIndex = 0;
        List<Long> syncIdleBefore = new ArrayList<>();
        List<Long> invIdleBefore = new ArrayList<>();
        List<Boolean> invWithCheck = new ArrayList<>();
        List<Boolean> checkWithInv = new ArrayList<>();
        boolean pairOpen = false;
        long idleRun = 0;
        for (Stimulus s : stream) {
            if (s instanceof Stimulus.Idle idle) {
                idleRun += idle.cycles();
            } else {
                if (s instanceof Stimulus.Sync) {
                    syncIdleBefore.add(idleRun);
                } else if (s instanceof Stimulus.Invalidate inv) {
                    invIdleBefore.add(idleRun);
                    invWithCheck.add(inv.withCheck());
                }
                idleRun = 0;
            }
            if (s instanceof CheckRequest) {
                checkWithInv.add(pairOpen);
            }
            pairOpen = s instanceof Stimulus.Invalidate inv && inv.withCheck();
            if (s instanceof CheckRequest c) {
                q.check(checkIndex++ & idMask, c.pa(), c.need(), c.sdid(), c.rawMode(), c.rootPpn(), c.be(),
                        c.bypass());
            } else if (s instanceof Stimulus.Invalidate inv) {
                q.invalidate(inv.hasPa(), inv.pa(), inv.hasSdid(), inv.sdid(), inv.withCheck());
            } else if (s instanceof Stimulus.Sync) {
                q.sync();
            } else if (s instanceof Stimulus.Idle idle) {
                q.idle(idle.cycles());
            }
        }
        tracker.start(list, syncIdleBefore, invIdleBefore, invWithCheck, checkWithInv, session.cycle());
        int from = 0;
        while (from < q.size()) {
            int n = Math.min(batch, q.size() - from);
            if ((q.flags(from + n - 1) & Records.RF_INV_WITH_CHECK) != 0) {
                n++; // an invalidation presented with a check goes to the bridge in the same call as its check
            }
            RunResult r = session.run(q, from, n, events, 0);
            tracker.consume(r, events);
            from += (int) r.consumed();
        }
        RunResult r;
        do {
            r = session.drain(events, 0);
            tracker.consume(r, events);
        } while (r.reason() == StopReason.EVENTS_FULL || r.reason() == StopReason.CYCLE_LIMIT);
        tracker.finish();
    }

    /** What the RTL answered to each check of the last {@link #run}, in order (all matched the golden model). */
    public List<CheckAnswer> answers() {
        return tracker.answers();
    }

    /** Cycles from the request handshake to the response handshake of each check of the last {@link #run}. */
    public List<Long> latencies() {
        return tracker.latencies();
    }

    /** Totals so far. */
    @Override
    public Totals totals() {
        return new Totals(tracker.checks(), tracker.reads(), session.cycle(), tracker.causes(),
                cache == null ? new long[CACHE_STATS.size()] : cache.stats(), digest.value());
    }

    @Override
    public void close() {
        session.close();
    }
}
