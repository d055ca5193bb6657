package io.mttkit.tb.cosim;

import io.mttkit.tb.dut.ResponseOrder;
import io.mttkit.bridge.CheckerSession;
import io.mttkit.bridge.Event;
import io.mttkit.bridge.EventBuffer;
import io.mttkit.bridge.LoadedLibrary;
import io.mttkit.bridge.RequestBuffer;
import io.mttkit.bridge.RunResult;
import io.mttkit.bridge.SessionConfig;
import io.mttkit.bridge.StopReason;
import io.mttkit.golden.ImplicitReadCheck;
import io.mttkit.golden.MttLookup;
import io.mttkit.golden.cache.MttCacheModel;
import io.mttkit.golden.mem.PhysicalMemory;
import io.mttkit.tb.dut.CheckerDescription;
import java.util.ArrayList;
import java.util.List;

/**
 * Co-simulates a checker with several walks in flight (port contract v4, docs/nonblocking.md) event by event:
 * every cycle of the Verilator run goes through a {@link WalkScoreboard} driving the golden cache model's MSHRs, so
 * every cache event (hit, miss, wait, replay, walk-cache hit, fill, eviction, invalidation), every walk's reads of
 * its own tag and every response are compared. Memory answers out of order (bridge ABI 4).
 *
 * <p>The bridge raises {@code sync_req} in the cycle after the item before the sync was consumed (its accept or
 * acknowledgement event), which is where {@link WalkScoreboard#syncPresented} is told; a sync must therefore follow
 * a check, an invalidation or a sync in the stream, not an idle gap.
 */
public final class WalkCosim {
    /**
     * What a run compared.
     *
     * @param checks      responses compared
     * @param cycles      cycles of the run
     * @param differences the scoreboard's differences (empty: the RTL agrees)
     */
    public record Result(long checks, long cycles, List<String> differences) {
    }

    private WalkCosim() {
    }

    /**
     * Runs {@code stream} on {@code lib} (generated with {@code walksInFlight} walks and {@code order}) against the
     * golden model of {@code d} over {@code memory}; memory latency {@code latMin..latMax} per read from {@code seed},
     * out of order; {@code rspStallPerMille} of the cycles hold {@code rsp_ready} low.
     *
     * @param golden the golden cache model to drive (fresh, {@code setWalksInFlight} done), or null for the one of
     *               {@code d}; a test passes a deliberately wrong one
     * @param observer told of every matched step (coverage)
     */
    public static Result run(LoadedLibrary lib, CheckerDescription d, int walksInFlight, ResponseOrder order,
                             PhysicalMemory memory, List<Stimulus> stream, long seed, int latMin, int latMax,
                             int rspStallPerMille, MttCacheModel golden, WalkObserver observer) {
        SessionConfig config = new SessionConfig(seed, latMin, latMax, 0, rspStallPerMille, 0, d.pmpLatency(), 20_000,
                true, true);
        MttCacheModel model = golden;
        if (model == null) {
            model = new MttCacheModel(d.cacheParams(), new MttLookup(memory, ImplicitReadCheck.ALLOW_ALL,
                    d.lookupConfig()));
            model.setWalksInFlight(walksInFlight);
        }
        int portCount = 0;
        for (var o : lib.observationPorts()) {
            portCount = Math.max(portCount, o.id() + 1);
        }
        WalkScoreboard sb = new WalkScoreboard(model, WalkPorts.of(lib), order, portCount, d.idWidth(), d.paw(),
                d.bigEndianSupport(), failAt -> {
                    if (failAt >= 0) {
                        throw new IllegalStateException("bus errors are not injected in this run");
                    }
                });
        // without rsp_ready stalls every answer must leave in the first cycle it may (the latency bound)
        sb.setResponseReadyAlways(rspStallPerMille == 0);
        if (observer != null) {
            sb.setObserver(observer);
        }
        int idMask = (1 << d.idWidth()) - 1;
        List<CheckRequest> checks = new ArrayList<>();
        RequestBuffer q = new RequestBuffer(Math.max(1, stream.size()));
        boolean[] syncAt = new boolean[stream.size() + 1];
        for (int k = 0; k < stream.size(); k++) {
            Stimulus s = stream.get(k);
            if (s instanceof CheckRequest c) {
                q.check(checks.size() & idMask, c.pa(), c.need(), c.sdid(), c.rawMode(), c.rootPpn(), c.be(),
                        c.bypass());
                checks.add(c);
            } else if (s instanceof Stimulus.Invalidate inv) {
                q.invalidate(inv.hasPa(), inv.pa(), inv.hasSdid(), inv.sdid());
            } else if (s instanceof Stimulus.Sync) {
                if (k == 0 || stream.get(k - 1) instanceof Stimulus.Idle) {
                    throw new IllegalArgumentException("item " + k + ": a sync must follow a check, an invalidation "
                            + "or a sync (the cycle it is presented is taken from the item before)");
                }
                q.sync();
                syncAt[k] = true;
            } else if (s instanceof Stimulus.Idle idle) {
                q.idle(idle.cycles());
            }
        }
        sb.start(checks);
        List<String> diffs = new ArrayList<>();
        EventBuffer events = new EventBuffer(1 << 16);
        long lastCycle = 0;
        try (CheckerSession session = lib.openChecker(config)) {
            for (PhysicalMemory.Region r : memory.regions()) {
                session.attachMemory(r.base(), r.buffer());
            }
            session.reset(4);
            int from = 0;
            RunResult r;
            boolean draining = false;
            do {
                draining |= from >= q.size();
                r = draining ? session.drain(events, 0) : session.run(q, from, Math.min(4096, q.size() - from),
                        events, 0);
                from += draining ? 0 : (int) r.consumed();
                for (int i = 0; i < events.size(); i++) {
                    Event e = events.event(i);
                    diffs.addAll(sb.onEvent(e));
                    lastCycle = e.cycle();
                    long position = e instanceof Event.Accept a ? a.position()
                            : e instanceof Event.InvalidationAccept ia ? ia.position()
                            : e instanceof Event.SyncAck s ? s.position() : -1;
                    if (position >= 0 && position + 1 < syncAt.length && syncAt[(int) position + 1]) {
                        sb.syncPresented(e.cycle() + 1);
                    }
                }
            } while (!draining || r.reason() == StopReason.EVENTS_FULL
                    || r.reason() == StopReason.CYCLE_LIMIT);
        }
        diffs.addAll(sb.finish());
        return new Result(sb.answered(), lastCycle, diffs);
    }
}
