package io.mttkit.tb.cosim;

import io.mttkit.bridge.CheckerSession;
import io.mttkit.bridge.Event;
import io.mttkit.bridge.EventBuffer;
import io.mttkit.bridge.PmpRegion;
import io.mttkit.bridge.Records;
import io.mttkit.bridge.RequestBuffer;
import io.mttkit.bridge.RunResult;
import io.mttkit.bridge.SessionConfig;
import io.mttkit.bridge.StopReason;
import io.mttkit.golden.Cause;
import io.mttkit.golden.cache.MttCacheModel;
import io.mttkit.golden.mem.PhysicalMemory;
import io.mttkit.tb.dut.CheckerDescription;
import java.util.ArrayList;
import java.util.List;

/**
 * The phase harness of a checker with several walks in flight (port contract v4, docs/nonblocking.md): one bridge
 * session with memory answering out of order ({@link SessionConfig#memOutOfOrder}), every cycle's events compared by
 * a {@link WalkScoreboard} driving the golden cache model's MSHRs over the {@link GoldenOracle} — the same memory,
 * the bridge's PMP regions and the bus errors it injected (a walk whose read failed is walked again by the golden
 * model with that read failing). The first cycle with a difference ends the run with a
 * {@link CosimMismatchException}: the differences, the cycle, the request index, the model's MSHRs and cache, the
 * last events. Every event goes into the event digest, as in {@link CosimHarness}.
 *
 * <p>The scoreboard lives as long as the session, so several {@link #run} calls (the segments of a phase, with table
 * writes in between) are one continuous comparison. A sync's rise cycle, which the scoreboard needs for R7, is the
 * cycle after the handshake of the last item before it plus the idle gap in between (the bridge presents an item
 * in the cycle after the previous one was taken).
 */
public final class WalkHarness implements PhaseHarness {
    /** Opens the differences of a mismatch report; the shrinker reads the line after it as the mismatch's kind. */
    public static final String FIRST_DIFFERENCE = "first difference, up to cycle ";
    private static final int EVENT_CAPACITY = 1 << 14;
    private static final int BATCH = 256;
    /** Events the mismatch report shows (-Dmttkit.cosim.history=N to see further back). */
    private static final int HISTORY = Math.max(1, Integer.getInteger("mttkit.cosim.history", 64));

    private final CheckerDescription params;
    private final SessionSettings settings;
    private final CheckerSession session;
    private final GoldenOracle oracle;
    private final WalkScoreboard scoreboard;
    private final WalkPorts ports;
    private final EventDigest digest;
    private final EventBuffer events = new EventBuffer(EVENT_CAPACITY);
    private final List<io.mttkit.bridge.PortInfo> portInfo;
    private final Event[] history = new Event[HISTORY];
    private long historyCount;
    private final WalkCacheStats stats;

    private long checks;
    private long reads;
    private final long[] causes = new long[Cause.values().length];
    /** Checks of the earlier runs (report indices count from the session start). */
    private long checksBefore;
    /** Responses of the current run so far. */
    private int answeredInRun;

    /** Opens a session on {@code lib} (a checker with W > 1 walks) over {@code memory} (every region attached). */
    public WalkHarness(CheckerLibrary lib, PhysicalMemory memory, SessionSettings settings) {
        this(lib, memory, settings, null);
    }

    /**
     * As above; {@code golden}, when not null, makes the golden cache model from the oracle's lookup instead of the
     * library's own geometry (a test of the scoreboard: a wrong golden model must be reported).
     */
    WalkHarness(CheckerLibrary lib, PhysicalMemory memory, SessionSettings settings,
                java.util.function.Function<io.mttkit.golden.MttLookup, MttCacheModel> golden) {
        this.params = lib.description();
        if (!params.nonBlocking()) {
            throw new IllegalArgumentException("WalkHarness is for checkers with several walks in flight; "
                    + lib.top() + " has walksInFlight=1 (use CosimHarness)");
        }
        this.settings = settings;
        this.session = lib.library().openChecker(settings.sessionConfig(params)); // memory out of order
        this.digest = new EventDigest(lib.library().observationPorts());
        for (PhysicalMemory.Region r : memory.regions()) {
            session.attachMemory(r.base(), r.buffer());
        }
        this.oracle = new GoldenOracle(memory, params);
        oracle.setPmp(List.of(), settings.pmpDefaultAllow());
        MttCacheModel model;
        if (golden != null) {
            model = golden.apply(oracle.lookup());
        } else {
            model = new MttCacheModel(params.cacheParams(), oracle.lookup());
            model.setWalksInFlight(params.walksInFlight());
        }
        int portCount = 0;
        for (var o : lib.library().observationPorts()) {
            portCount = Math.max(portCount, o.id() + 1);
        }
        this.ports = WalkPorts.of(lib.library());
        this.scoreboard = new WalkScoreboard(model, ports, params.responseOrder(), portCount, params.idWidth(),
                params.paw(), params.bigEndianSupport(), oracle::prepare);
        // without rsp_ready stalls every answer must leave in the first cycle it may (the latency bound)
        scoreboard.setResponseReadyAlways(settings.rspStallPerMille() == 0);
        this.stats = new WalkCacheStats(ports, portCount);
        scoreboard.setObserver(stats);
        this.portInfo = lib.library().ports();
        session.reset(4);
    }

    @Override
    public void setPmpRegions(List<PmpRegion> regions) {
        session.setPmpRegions(regions);
        oracle.setPmp(regions, settings.pmpDefaultAllow());
    }

    @Override
    public void setObserver(CheckObserver observer) {
        scoreboard.setCheckObserver(observer);
    }

    /** Also tells {@code observer} of every compared walk step (walks-in-flight coverage); null: none. */
    public void setWalkObserver(WalkObserver observer) {
        stats.forward(observer);
    }

    @Override
    public int currentIndex() {
        return answeredInRun;
    }

    /** The settings of this session. */
    public SessionSettings settings() {
        return settings;
    }

    /**
     * Runs {@code stream} to completion, comparing every cycle. An invalidation marked
     * {@link Stimulus.Invalidate#withCheck} is presented with the check after it (bridge ABI 5).
     *
     * @throws CosimMismatchException at the first cycle with a difference
     */
    @Override
    public void run(List<? extends Stimulus> stream) {
        List<CheckRequest> checkList = new ArrayList<>();
        RequestBuffer q = new RequestBuffer(Math.max(1, stream.size()));
        int idMask = (1 << params.idWidth()) - 1;
        // per sync: how many handshakes come before it in this run, and the idle cycles right before it
        List<long[]> syncs = new ArrayList<>();
        int handshakesBefore = 0;
        long idle = 0;
        for (int k = 0; k < stream.size(); k++) {
            Stimulus s = stream.get(k);
            if (s instanceof CheckRequest c) {
                if (c.be() && !params.bigEndianSupport()) {
                    throw new IllegalArgumentException("check " + checkList.size() + " asks for big-endian entries, "
                            + "but this configuration was generated with bigEndianSupport off");
                }
                q.check(checkList.size() & idMask, c.pa(), c.need(), c.sdid(), c.rawMode(), c.rootPpn(), c.be(),
                        c.bypass());
                checkList.add(c);
            } else if (s instanceof Stimulus.Invalidate inv) {
                if (inv.withCheck() && (k + 1 >= stream.size() || !(stream.get(k + 1) instanceof CheckRequest))) {
                    throw new IllegalArgumentException("stream item " + k + " is an invalidation to present with the "
                            + "next check, but the next item is not a check");
                }
                q.invalidate(inv.hasPa(), inv.pa(), inv.hasSdid(), inv.sdid(), inv.withCheck());
            } else if (s instanceof Stimulus.Sync) {
                syncs.add(new long[] {handshakesBefore, idle});
                q.sync();
            } else if (s instanceof Stimulus.Idle i) {
                q.idle(i.cycles());
                idle += i.cycles();
                continue;
            }
            handshakesBefore++;
            idle = 0;
        }
        scoreboard.start(checkList);
        answeredInRun = 0;
        long answeredBefore = scoreboard.answered();
        int nextSync = 0;
        int handshakes = 0;
        if (!syncs.isEmpty() && syncs.get(0)[0] == 0) {
            scoreboard.syncPresented(session.cycle() + syncs.get(0)[1]); // first item: presented at once
            nextSync++;
        }
        long rise = -1;
        long riseAfter = -1;
        int from = 0;
        boolean draining = false;
        RunResult r;
        do {
            draining |= from >= q.size();
            if (draining) {
                r = session.drain(events, 0);
            } else {
                int n = Math.min(BATCH, q.size() - from);
                if ((q.flags(from + n - 1) & Records.RF_INV_WITH_CHECK) != 0) {
                    n++; // an invalidation presented with a check goes to the bridge in the same call as its check
                }
                r = session.run(q, from, n, events, 0);
                from += (int) r.consumed();
            }
            for (int i = 0; i < events.size(); i++) {
                Event e = events.event(i);
                history[(int) (historyCount++ % HISTORY)] = e;
                digest.add(events.raw(i));
                fail(scoreboard.onEvent(e), e.cycle());
                if (riseAfter >= 0 && e.cycle() > riseAfter) {
                    // told only once the handshake's cycle is closed: that cycle may acknowledge the sync before
                    scoreboard.syncPresented(rise);
                    riseAfter = -1;
                }
                stats.onEvent(e);
                if (e instanceof Event.Response rsp) {
                    answeredInRun = (int) (scoreboard.answered() - answeredBefore);
                    causes[Math.min(Math.max(rsp.cause(), 0), causes.length - 1)]++;
                } else if (e instanceof Event.MemoryRead) {
                    reads++;
                }
                if (e instanceof Event.Accept || e instanceof Event.InvalidationAccept || e instanceof Event.SyncAck) {
                    handshakes++;
                    if (nextSync < syncs.size() && syncs.get(nextSync)[0] == handshakes) {
                        rise = e.cycle() + 1 + syncs.get(nextSync)[1];
                        riseAfter = e.cycle();
                        nextSync++;
                    }
                }
            }
            if (r.reason().ordinal() >= StopReason.TIMEOUT.ordinal()) {
                fail(List.of("  the simulation stopped: " + r.reason() + " " + r.message()), session.cycle());
            }
        } while (!draining || r.reason() == StopReason.EVENTS_FULL || r.reason() == StopReason.CYCLE_LIMIT);
        if (riseAfter >= 0) {
            fail(List.of("  the sync presented in cycle " + rise + " was never acknowledged"), session.cycle());
        }
        fail(scoreboard.finish(), session.cycle());
        stats.closeCycle();
        answeredInRun = (int) (scoreboard.answered() - answeredBefore);
        checks = scoreboard.answered();
        checksBefore += checkList.size();
    }

    private void fail(List<String> diffs, long cycle) {
        if (diffs.isEmpty()) {
            return;
        }
        StringBuilder sb = new StringBuilder("CO-SIMULATION MISMATCH\n");
        sb.append("configuration ").append(params.top()).append(" (walksInFlight=").append(params.walksInFlight())
                .append(", responseOrder=").append(params.responseOrder()).append(")\n");
        sb.append("session ").append(settings).append(", memory out of order\n");
        sb.append("seed ").append(settings.seed()).append(", request index ").append(checksBefore + answeredInRun)
                .append(" (responses compared before it: ").append(scoreboard.answered()).append(")\n");
        sb.append(FIRST_DIFFERENCE).append(cycle).append(":\n");
        for (String d : diffs) {
            sb.append(d).append('\n');
        }
        sb.append(scoreboard.snapshot());
        if (sb.charAt(sb.length() - 1) != '\n') {
            sb.append('\n');
        }
        sb.append("last events (oldest first):\n");
        for (long i = Math.max(0, historyCount - HISTORY); i < historyCount; i++) {
            sb.append("  ").append(history[(int) (i % HISTORY)].text(id -> id >= 0 && id < portInfo.size()
                    ? portInfo.get(id).name() : null)).append('\n');
        }
        throw new CosimMismatchException(sb.toString());
    }

    @Override
    public CosimHarness.Totals totals() {
        return new CosimHarness.Totals(checks, reads, session.cycle(), causes.clone(), stats.values(),
                digest.value());
    }

    @Override
    public void close() {
        session.close();
    }
}
