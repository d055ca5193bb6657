package io.mttkit.tb.cosim;

import io.mttkit.tb.dut.ResponseOrder;
import io.mttkit.bridge.Event;
import io.mttkit.bridge.Records;
import io.mttkit.golden.Access;
import io.mttkit.golden.ImplicitReadCheck;
import io.mttkit.golden.LookupConfig;
import io.mttkit.golden.LookupResult;
import io.mttkit.golden.MttLookup;
import io.mttkit.golden.MpteReader;
import io.mttkit.golden.MttMode;
import io.mttkit.golden.cache.CacheParams;
import io.mttkit.golden.cache.MttCacheModel;
import io.mttkit.golden.mem.PhysicalMemory;
import io.mttkit.tb.coverage.CoverageDb;
import io.mttkit.tb.coverage.WalkCoverage;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The contract v4 scoreboard ({@link WalkScoreboard}) on hand-built event streams of a checker with 4 walks in flight
 * (the generator of issue #15 is not merged yet): each scenario passes for the stream a correct checker produces and
 * reports the right mismatch for a stream with one thing wrong. Smmpt43, one table set; a walk from the root reads
 * the L2, L1 and L0 entries: each entry's PMP query in cycle q (pmpLatency 1: allowed in q + 1), its read in q + 1,
 * answered {@code LAT} = 2 cycles later, the next entry's query in the cycle after (the walker decodes first): a walk
 * from cycle s queries in s, s + 4, s + 8, gets its last response in s + 11 and ends (fills) in s + 13, its result
 * ready {@link WalkScoreboard#AFTER_RESPONSE} cycles after that response (one after a PMP answer that ends it). A walk
 * starts in the cycle after its lookup; the MSHRs parked on it replay in the cycle after it follows the pointer of
 * the shared entry (its next query) or ends.
 */
class WalkScoreboardTest {
    private static final MttMode MODE = MttMode.SMMPT43;
    private static final long TABLES = 0x8000_0000L;
    private static final long ROOT_PPN = TABLES >>> 12;
    /** A and A2 share a 64 KiB leaf; FAR is under another root entry. */
    private static final long A = 0x1_0000_0000L;
    private static final long A2 = A + 0x3000;
    private static final long FAR = 0x4_0000_0000L;
    private static final int LAT = 2;
    private static final String[] PORTS = {"obs_wc_hit", "obs_wc_index", "obs_fill_walk", "obs_fill_walk_evict",
        "obs_fill_walk_way", "obs_fill_leaf", "obs_fill_leaf_evict", "obs_fill_leaf_array", "obs_fill_leaf_set",
        "obs_fill_leaf_way", "obs_inv_apply", "obs_inv_leaf", "obs_inv_superpage", "obs_inv_walk", "obs_walk_id",
        "obs_wait", "obs_wait_on", "obs_replay", "obs_walk_end", "obs_fill_walk_id"};

    private final PhysicalMemory mem = new PhysicalMemory();
    private final MttLookup lookup;
    private long nextTable = TABLES + 0x1000;
    /** Bus-error injection of the golden memory, as the harness's oracle does it: read {@code failAt} of a walk fails. */
    private int failAt = -1;
    private int readsDone;
    /** The entry the golden PMP mirror refuses (-1: none), as the bridge's PMP region list would. */
    private long refused = -1;

    WalkScoreboardTest() {
        mem.addRegion(TABLES, 1 << 20);
        MpteReader reader = new MpteReader() {
            @Override
            public boolean canRead(long addr, int size) {
                return readsDone != failAt && mem.canRead(addr, size);
            }

            @Override
            public long read(long addr, int size, boolean bigEndian) {
                readsDone++;
                return mem.read(addr, size, bigEndian);
            }
        };
        ImplicitReadCheck pmp = (addr, size) -> addr != refused;
        lookup = new MttLookup(reader, pmp, LookupConfig.DEFAULT);
        map(A);
        map(FAR);
    }

    // ---- tables (smmpt ch. 4: non-leaf V=1 with PPN at bit 10; leaf V=L=1 with 16 XWR tuples from bit 8) -------

    private void map(long pa) {
        long l1 = table(entry(ROOT_PPN << 12, pa, 34));
        long l0 = table(entry(l1, pa, 25));
        long tuples = 0;
        for (int i = 0; i < 16; i++) {
            tuples |= 0b111L << (8 + 3 * i);
        }
        mem.write64(entry(l0, pa, 16), 0b011 | tuples);
    }

    private long table(long entryAddr) {
        long v = mem.read64(entryAddr);
        if (v != 0) {
            return (v >>> 10) << 12;
        }
        long t = nextTable;
        nextTable += 0x1000;
        mem.write64(entryAddr, 1 | (t >>> 12) << 10);
        return t;
    }

    private static long entry(long table, long pa, int shift) {
        return table + ((pa >>> shift) & 0x1FF) * 8;
    }

    /** The addresses a walk of {@code pa} from the root reads. */
    private List<Long> walkReads(long pa) {
        LookupResult r = lookup.lookup(MODE, ROOT_PPN, pa, Access.R, false, new LookupResult());
        List<Long> l = new ArrayList<>();
        for (int i = 0; i < r.readCount(); i++) {
            l.add(r.readAddr(i));
        }
        return l;
    }

    // ---- the event stream ------------------------------------------------------------------------

    /** A hand-built event stream, sorted by cycle when fed. */
    private final class Script {
        final List<Event> events = new ArrayList<>();
        final List<CheckRequest> checks = new ArrayList<>();
        final List<Long> syncs = new ArrayList<>();

        Script request(long cycle, int id, long pa) {
            checks.add(CheckRequest.of(MODE, ROOT_PPN, pa, Access.R, false));
            events.add(new Event.Accept(cycle, id, pa, checks.size() - 1));
            return this;
        }

        /** A request of {@code pa} in SDID {@code sdid} (another cache context: no conflict with SDID 0's walks). */
        Script request(long cycle, int id, long pa, int sdid) {
            CheckRequest c = CheckRequest.of(MODE, ROOT_PPN, pa, Access.R, false);
            checks.add(new CheckRequest(c.pa(), c.need(), c.mode(), c.rawMode(), c.rootPpn(), sdid, c.be(), c.bypass()));
            events.add(new Event.Accept(cycle, id, pa, checks.size() - 1));
            return this;
        }

        /** Entry {@code k} of the walk of {@code pa}, tag {@code tag}: query in {@code q}, read in q + 1, answer in {@code rsp}. */
        Script entry(int tag, long pa, int k, long q, long rsp) {
            long addr = walkReads(pa).get(k);
            pmp(q, addr, true);
            events.add(new Event.MemoryRead(q + 1, 8, tag, addr));
            events.add(new Event.MemoryResponse(rsp, false, tag, mem.read64(addr), addr));
            return this;
        }

        Script miss(long cycle, long pa, int walkId) {
            events.add(new Event.Observation(cycle, Records.OBS_MISS, 0, 0, (int) ((pa >>> 16) & 15), 0));
            return ext(cycle, "obs_walk_id", walkId);
        }

        Script waitOn(long cycle, long pa, int walkId, int on) {
            miss(cycle, pa, walkId);
            ext(cycle, "obs_wait", 1);
            return ext(cycle, "obs_wait_on", on);
        }

        Script leafHit(long cycle, long pa, int way) {
            events.add(new Event.Observation(cycle, Records.OBS_HIT, 0, way, (int) ((pa >>> 16) & 15), 0));
            return this;
        }

        Script replay(long cycle, int walkId) {
            ext(cycle, "obs_replay", 1);
            return ext(cycle, "obs_walk_id", walkId);
        }

        /** The walk of {@code pa} with tag {@code tag}: its first PMP query in {@code start}; see the class comment. */
        long walk(int tag, long pa, long start) {
            return walk(tag, pa, start, LAT);
        }

        /** {@link #walk(int, long, long)} with memory latency {@code lat}. */
        long walk(int tag, long pa, long start, int lat) {
            long c = start;
            for (long addr : walkReads(pa)) {
                pmp(c, addr, true);
                events.add(new Event.MemoryRead(c + 1, 8, tag, addr));
                c += 1 + lat;
                events.add(new Event.MemoryResponse(c, false, tag, mem.read64(addr), addr));
                c++;
            }
            return c - 1; // the cycle of the last response
        }

        /** A PMP query of the entry at {@code addr} in {@code cycle}, answered {@code ok} in the next (pmpLatency 1). */
        Script pmp(long cycle, long addr, boolean ok) {
            events.add(new Event.PmpQuery(cycle, 8, addr));
            events.add(new Event.PmpAnswer(cycle + 1, ok, addr));
            return this;
        }

        /** Replays MSHR {@code walkId} in {@code cycle}: it parks again on walk {@code on}. */
        Script rewait(long cycle, long pa, int walkId, int on) {
            replay(cycle, walkId);
            return waitOn(cycle, pa, walkId, on);
        }

        /** Walk {@code j}'s fill cycle: walk-cache way, leaf set/way (-1: not filled). */
        Script done(long cycle, int j, int walkWay, long pa, int leafWay) {
            ext(cycle, "obs_walk_end", 1);
            ext(cycle, "obs_fill_walk_id", j);
            if (walkWay >= 0) {
                ext(cycle, "obs_fill_walk", 1);
                ext(cycle, "obs_fill_walk_way", walkWay);
            }
            if (leafWay >= 0) {
                ext(cycle, "obs_fill_leaf", 1);
                ext(cycle, "obs_fill_leaf_set", (pa >>> 16) & 15);
                ext(cycle, "obs_fill_leaf_way", leafWay);
            }
            return this;
        }

        /** The walk of {@code pa} whose read {@code err} the bus answers with an error: it ends there. */
        long walkWithError(int tag, long pa, long start, int err) {
            long c = start;
            List<Long> rs = walkReads(pa);
            for (int i = 0; i <= err; i++) {
                pmp(c, rs.get(i), true);
                events.add(new Event.MemoryRead(c + 1, 8, tag, rs.get(i)));
                c += 1 + LAT;
                events.add(new Event.MemoryResponse(c, i == err, tag, i == err ? 0 : mem.read64(rs.get(i)), rs.get(i)));
                c++;
            }
            return c - 1;
        }

        Script response(long cycle, int id, long pa, boolean stale) {
            return response(cycle, id, pa, stale, -1);
        }

        /** The golden answer to {@code pa}, with read {@code err} failing (-1: none). */
        Script response(long cycle, int id, long pa, boolean stale, int err) {
            failAt = err;
            readsDone = 0;
            LookupResult g = lookup.lookup(MODE, ROOT_PPN, pa, Access.R, false, new LookupResult());
            failAt = -1;
            events.add(new Event.Response(cycle, g.allow(), !g.allow(), g.cacheable() && !stale, stale,
                    g.cause().ordinal(), Math.max(0, g.xwr()), id, g.level(), g.leafLog2(), g.uniformLog2()));
            return this;
        }

        Script invalidation(long accepted, long applied) {
            events.add(new Event.InvalidationAccept(accepted, true, false, 0, 0x7_0000_0000L, 0));
            return ext(applied, "obs_inv_apply", 1);
        }

        Script sync(long presented, long acked) {
            syncs.add(presented);
            events.add(new Event.SyncAck(acked, 0));
            return this;
        }

        Script ext(long cycle, String port, long value) {
            if (value != 0) { // the bridge records non-zero words only
                events.add(new Event.ExtensionWord(cycle, 0, List.of(PORTS).indexOf(port), value));
            }
            return this;
        }

        /** Drops the first event matching {@code what}. */
        Script without(java.util.function.Predicate<Event> what) {
            events.remove(events.stream().filter(what).findFirst().orElseThrow());
            return this;
        }

        /** Runs the stream through a fresh scoreboard; the differences it reports. */
        List<String> run(ResponseOrder order) {
            return run(order, (step, walks, level) -> { });
        }

        List<String> run(ResponseOrder order, WalkObserver observer) {
            return run(order, observer, false);
        }

        /** Runs the stream with {@code rsp_ready} high every cycle: answers must leave as soon as they may. */
        List<String> runAlwaysReady(ResponseOrder order) {
            return run(order, (step, walks, level) -> { }, true);
        }

        List<String> run(ResponseOrder order, WalkObserver observer, boolean alwaysReady) {
            MttCacheModel model = new MttCacheModel(CacheParams.defaults(64), lookup);
            model.setWalksInFlight(4);
            Map<String, Integer> ids = new HashMap<>();
            for (int i = 0; i < PORTS.length; i++) {
                ids.put(PORTS[i], i);
            }
            WalkScoreboard sb = new WalkScoreboard(model, WalkPorts.of(ids), order, PORTS.length, 8, 56, true,
                    k -> {
                        failAt = k;
                        readsDone = 0;
                    });
            sb.setObserver(observer);
            sb.setResponseReadyAlways(alwaysReady);
            sb.start(checks);
            syncs.forEach(sb::syncPresented);
            List<String> diffs = new ArrayList<>();
            List<Event> sorted = new ArrayList<>(events);
            sorted.sort(Comparator.comparingLong(Event::cycle));
            for (Event e : sorted) {
                diffs.addAll(sb.onEvent(e));
            }
            diffs.addAll(sb.finish());
            return diffs;
        }
    }

    private static void assertClean(List<String> diffs) {
        assertEquals(List.of(), diffs);
    }

    private static void assertReports(List<String> diffs, String expected) {
        assertTrue(!diffs.isEmpty() && diffs.get(0).contains(expected),
                "expected the first difference to contain \"" + expected + "\", got " + diffs);
    }

    // ---- two overlapping walks ---------------------------------------------------------------------------

    /** Requests 0 (A) and 1 (FAR) walk at once; FAR's reads start later but are faster: walk 1 ends first. */
    private Script twoWalks(boolean inOrder) {
        Script s = new Script().request(1, 0, A).miss(1, A, 0).request(2, 1, FAR).miss(2, FAR, 1);
        long end1 = s.walk(1, FAR, 3);
        long end0 = s.walk(0, A, 2, 4);
        // both fill the leaf array (sets 0 and 0 of A and FAR: way 0 then way 1) and the walk cache
        s.done(end1 + 2, 1, 0, FAR, 0).done(end0 + 2, 0, 1, A, 1);
        if (inOrder) {
            s.response(end0 + 3, 0, A, false).response(end0 + 4, 1, FAR, false);
        } else {
            s.response(end1 + 3, 1, FAR, false).response(end0 + 3, 0, A, false);
        }
        return s;
    }

    @Test
    void twoOverlappingWalksMatchInOrderAndById() {
        assertClean(twoWalks(true).run(ResponseOrder.IN_ORDER));
        assertClean(twoWalks(false).run(ResponseOrder.BY_ID));
    }

    @Test
    void twoOverlappingWalksReportWhatIsWrong() {
        assertReports(twoWalks(false).run(ResponseOrder.IN_ORDER),
                "IN_ORDER: the response in cycle 17 carries id 1 but the oldest request in flight is request 0");
        Script wrongTag = twoWalks(true);
        Event.MemoryRead first = (Event.MemoryRead) wrongTag.events.stream()
                .filter(e -> e instanceof Event.MemoryRead r && r.tag() == 1).findFirst().orElseThrow();
        wrongTag.events.set(wrongTag.events.indexOf(first), new Event.MemoryRead(first.cycle(), 8, 1,
                walkReads(A).get(0)));
        assertReports(wrongTag.run(ResponseOrder.IN_ORDER), "walk 1 of request 1 (id 1, pa 0x400000000): read 0 at");
        Script wrongMshr = twoWalks(true).without(e -> e instanceof Event.ExtensionWord x && x.cycle() == 2
                && x.port() == List.of(PORTS).indexOf("obs_walk_id"));
        assertReports(wrongMshr.run(ResponseOrder.IN_ORDER), "expected MSHR 1 (the lowest FREE one), RTL reported "
                + "obs_walk_id 0");
        Script early = twoWalks(false);
        early.events.add(new Event.Response(4, true, false, true, false, 0, 7, 0, 0, 16, 16));
        assertReports(early.run(ResponseOrder.BY_ID), "request 0 (id 0, pa 0x100000000) answered in cycle 4 before its "
                + "answer is known");
    }

    // ---- a conflict and its replay -------------------------------------------------------------------------

    /**
     * Request 1 (A2) misses in A's leaf while walk 0 (from cycle 2) reads it: WAIT(0). A2 shares every entry of A's
     * walk, so each time walk 0 follows a pointer (its queries in cycles 6 and 10) MSHR 1 replays in the next cycle
     * and parks again; after walk 0's fill (cycle 15) it replays in {@code replayCycle} and hits what walk 0 filled.
     */
    private Script conflict(long replayCycle) {
        Script s = new Script().request(1, 0, A).miss(1, A, 0).request(2, 1, A2).waitOn(2, A2, 1, 0);
        long end0 = s.walk(0, A, 2);
        s.rewait(7, A2, 1, 0).rewait(11, A2, 1, 0);
        s.done(end0 + 2, 0, 0, A, 0);
        s.replay(replayCycle, 1).leafHit(replayCycle, A2, 0);
        s.response(end0 + 3, 0, A, false).response(Math.max(replayCycle, end0 + 3) + 1, 1, A2, false);
        return s;
    }

    @Test
    void aConflictParksTheMissAndItsReplayHitsWhatTheWalkFilled() {
        assertClean(conflict(16).run(ResponseOrder.IN_ORDER));
        assertClean(conflict(16).run(ResponseOrder.BY_ID));
        assertClean(conflict(16).runAlwaysReady(ResponseOrder.IN_ORDER));
    }

    @Test
    void aReplayIsTakenAtTheFirstLookupSlotAfterTheWalkPassed() {
        // walk 0 fills in cycle 15: the replay is due in 16
        assertReports(conflict(17).run(ResponseOrder.IN_ORDER), "cycle 16: walk 0 passed the entry MSHR 1 waits on in "
                + "cycle 15, so its replay takes this lookup slot (the lowest released MSHR, before a new request); "
                + "the RTL left the slot unused");
        // walk 0 follows the pointer of the shared L2 entry in cycle 6 (its second query): due in 7, not 8
        Script late = new Script().request(1, 0, A).miss(1, A, 0).request(2, 1, A2).waitOn(2, A2, 1, 0);
        late.walk(0, A, 2);
        late.request(7, 2, FAR).miss(7, FAR, 2).rewait(8, A2, 1, 0);
        assertReports(late.run(ResponseOrder.IN_ORDER), "cycle 7: walk 0 passed the entry MSHR 1 waits on in cycle 6, "
                + "so its replay takes this lookup slot (the lowest released MSHR, before a new request); the RTL "
                + "accepted a new request");
        // walk 0's first response (cycle 5) lets the golden model release MSHR 1 from cycle 6, but the walk follows
        // the pointer only in cycle 6, with its next query: a replay in cycle 6 is early
        Script early = new Script().request(1, 0, A).miss(1, A, 0).request(2, 1, A2).waitOn(2, A2, 1, 0);
        early.walk(0, A, 2);
        early.rewait(6, A2, 1, 0);
        assertReports(early.run(ResponseOrder.IN_ORDER), "R8: MSHR 1 replayed in cycle 6 but walk 0 it waits on had "
                + "neither followed the pointer of the shared entry (its next PMP query) nor ended before this cycle");
    }

    @Test
    void aConflictReportsAMissedWaitAndAnEarlyReplay() {
        Script noWait = conflict(17).without(e -> e instanceof Event.ExtensionWord x && x.cycle() == 2
                && x.port() == List.of(PORTS).indexOf("obs_wait"));
        assertReports(noWait.run(ResponseOrder.IN_ORDER), "expected WAIT on walk 0, RTL reported a walk of its own");
        // walk 0's first response is in cycle 5: the replay may come from cycle 6, not in cycle 5
        Script tooEarly = new Script().request(1, 0, A).miss(1, A, 0).request(2, 1, A2).waitOn(2, A2, 1, 0);
        tooEarly.walk(0, A, 2);
        tooEarly.replay(5, 1).waitOn(5, A2, 1, 0);
        assertReports(tooEarly.run(ResponseOrder.IN_ORDER), "R8: MSHR 1 replayed in cycle 5 but walk 0 it waits on had "
                + "not passed the conflicting entry before this cycle");
        // walk 0 ends in cycle 15: a replay in that cycle would share it with the fill
        assertReports(conflict(15).run(ResponseOrder.IN_ORDER), "cycle 15: a lookup and a fill share the cycle");
    }

    // ---- an invalidation overtaking two walks ----------------------------------------------------------------

    private Script overtaken(boolean fillAnyway) {
        Script s = new Script().request(1, 0, A).miss(1, A, 0).request(2, 1, FAR).miss(2, FAR, 1);
        s.invalidation(3, 4); // applied while both walks are in flight: both stale (R1), neither fills
        long end0 = s.walk(0, A, 2);
        long end1 = s.walk(1, FAR, 3);
        s.done(end0 + 2, 0, fillAnyway ? 0 : -1, A, fillAnyway ? 0 : -1).done(end1 + 2, 1, -1, FAR, -1);
        s.response(end0 + 3, 0, A, true).response(end1 + 3, 1, FAR, true);
        return s;
    }

    @Test
    void anInvalidationOvertakingTwoWalksStalesBoth() {
        assertClean(overtaken(false).run(ResponseOrder.IN_ORDER));
        assertReports(overtaken(true).run(ResponseOrder.IN_ORDER), "fill of walk 0 in cycle 15: expected none (stale: "
                + "R1), RTL reported [FILL WALK way=0, FILL LEAF set=0 way=0]");
        Script notStale = overtaken(false);
        Event.Response r = (Event.Response) notStale.events.stream().filter(e -> e instanceof Event.Response x
                && x.id() == 1).findFirst().orElseThrow();
        notStale.events.set(notStale.events.indexOf(r), new Event.Response(r.cycle(), r.allow(), r.fault(), true,
                false, r.cause(), r.xwr(), r.id(), r.level(), r.leafLog2(), r.uniformLog2()));
        assertReports(notStale.run(ResponseOrder.IN_ORDER), "response to request 1 (id 1, pa 0x400000000) in cycle 17: "
                + "cacheable expected 0 actual 1, stale expected 1 actual 0");
    }

    // ---- a sync waiting on an older walk -------------------------------------------------------------------

    private Script syncBehindWalk(long ack) {
        Script s = new Script().request(1, 0, A).miss(1, A, 0);
        long end0 = s.walk(0, A, 2);
        s.sync(3, ack); // presented with an empty queue while walk 0, older, may still fill (R7)
        s.done(end0 + 2, 0, 0, A, 0).response(end0 + 3, 0, A, false);
        return s;
    }

    @Test
    void aSyncWaitsForAnOlderWalk() {
        assertClean(syncBehindWalk(16).run(ResponseOrder.IN_ORDER)); // walk 0 fills in cycle 15
        assertReports(syncBehindWalk(5).run(ResponseOrder.IN_ORDER), "sync_ack in cycle 5: R7: an MSHR allocated "
                + "before the sync's request rose is neither FREE nor stale");
        Script never = syncBehindWalk(16).without(e -> e instanceof Event.SyncAck);
        assertReports(never.run(ResponseOrder.IN_ORDER), "cycle 16: sync_ack due");
        assertReports(syncBehindWalk(17).run(ResponseOrder.IN_ORDER), "cycle 16: sync_ack due");
    }

    /**
     * Request 1 parks on walk 0 (and parks again at each pointer walk 0 follows); an invalidation applied in cycle 13
     * stales both, a sync is presented in 13; walk 0 ends without a fill and request 1 replays (a walk of its own,
     * stale bit sampled anew) in cycle {@code replay} = 16; the sync is acknowledged in cycle {@code ack}. R7 is
     * judged on the MSHRs at the start of the ack's cycle.
     */
    private Script syncAndAReplay(long ack) {
        Script s = new Script().request(1, 0, A).miss(1, A, 0).request(2, 1, A2).waitOn(2, A2, 1, 0);
        long end0 = s.walk(0, A, 2);
        s.rewait(7, A2, 1, 0).rewait(11, A2, 1, 0);
        s.invalidation(12, 13);
        s.sync(13, 0);
        s.done(end0 + 2, 0, -1, A, -1).response(end0 + 3, 0, A, true);
        long replay = end0 + 3;
        s.replay(replay, 1).miss(replay, A2, 1);
        long end1 = s.walk(1, A2, replay + 1);
        s.done(end1 + 2, 1, 0, A2, 0).response(end1 + 3, 1, A2, false);
        s.events.removeIf(e -> e instanceof Event.SyncAck);
        s.events.add(new Event.SyncAck(ack, 0));
        return s;
    }

    @Test
    void aParkedStaleMissDoesNotHoldASync() {
        // from cycle 14 walk 0 and the parked MSHR 1 are both stale and the queue is empty: the ack is due then
        assertClean(syncAndAReplay(14).run(ResponseOrder.IN_ORDER));
        // a cycle later MSHR 1 is still the parked stale miss at the cycle's start, but the ack is late
        assertReports(syncAndAReplay(15).run(ResponseOrder.IN_ORDER), "cycle 14: sync_ack due");
        // in the cycle the invalidation applies it is still queued at the cycle's start
        assertReports(syncAndAReplay(13).run(ResponseOrder.IN_ORDER), "sync_ack in cycle 13: 1 invalidation(s) still "
                + "queued");
    }

    // ---- coverage: walks in flight x event ---------------------------------------------------------------

    private static CoverageDb covered(Script s, ResponseOrder order) {
        CoverageDb db = new CoverageDb("test");
        WalkCoverage cov = new WalkCoverage(db, 4, 3);
        assertClean(s.run(order, cov));
        return db;
    }

    private static void assertHit(CoverageDb db, String group, String... bins) {
        for (String b : bins) {
            assertTrue(db.count(group, b) > 0, b + " not hit; hit: " + db.summary(100));
        }
    }

    @Test
    void theScenariosReachTheirWalksInFlightBins() {
        CoverageDb two = covered(twoWalks(true), ResponseOrder.IN_ORDER);
        assertHit(two, WalkCoverage.IN_FLIGHT, "miss with 0 walks", "miss with 1 walks", "fill with 2 walks",
                "fill with 1 walks");
        assertEquals(4, two.hitBins(WalkCoverage.IN_FLIGHT), two.summary(100));
        CoverageDb conflict = covered(conflict(16), ResponseOrder.IN_ORDER);
        assertHit(conflict, WalkCoverage.IN_FLIGHT, "wait with 1 walks", "replay with 0 walks", "fill with 1 walks");
        assertHit(conflict, WalkCoverage.CONFLICT, "conflict at L2", "conflict at L1", "conflict at L0");
        assertEquals(3, conflict.hitBins(WalkCoverage.CONFLICT));
        CoverageDb overtaken = covered(overtaken(false), ResponseOrder.IN_ORDER);
        assertHit(overtaken, WalkCoverage.IN_FLIGHT, "invalidation with 2 walks", "stale fill with 2 walks",
                "stale fill with 1 walks");
        CoverageDb sync = covered(syncBehindWalk(16), ResponseOrder.IN_ORDER);
        assertHit(sync, WalkCoverage.IN_FLIGHT, "sync with 1 walks");
    }

    @Test
    void aMismatchedStepIsNotCovered() {
        CoverageDb db = new CoverageDb("test");
        overtaken(true).run(ResponseOrder.IN_ORDER, new WalkCoverage(db, 4, 3));
        assertEquals(0, db.count(WalkCoverage.IN_FLIGHT, "stale fill with 2 walks"), "walk 0's fill mismatched");
        assertEquals(1, db.count(WalkCoverage.IN_FLIGHT, "stale fill with 1 walks"));
    }

    // ---- a bus error on one walk's read -----------------------------------------------------------------

    /** Walk 1's second read fails: its golden walk is recomputed from the reads of its own tag, walk 0 unaffected. */
    private Script busError(boolean readOn) {
        Script s = new Script().request(1, 0, A).miss(1, A, 0).request(2, 1, FAR).miss(2, FAR, 1);
        long end0 = s.walk(0, A, 2);
        long end1 = s.walkWithError(1, FAR, 3, 1);
        if (readOn) { // an RTL that ignores the error and reads the leaf anyway
            long leaf = walkReads(FAR).get(2);
            s.events.add(new Event.MemoryRead(end1 + 1, 8, 1, leaf));
            s.events.add(new Event.MemoryResponse(end1 + 4, false, 1, mem.read64(leaf), leaf));
            end1 += 4;
        }
        s.done(end1 + 2, 1, -1, FAR, -1).done(end0 + 2, 0, 0, A, 0);
        s.response(end1 + 3, 1, FAR, false, 1).response(end0 + 3, 0, A, false);
        return s;
    }

    @Test
    void aBusErrorIsJudgedFromTheReadsOfItsOwnTag() {
        assertClean(busError(false).run(ResponseOrder.BY_ID));
        List<String> readOn = busError(true).run(ResponseOrder.BY_ID);
        assertReports(readOn, "walk 1 of request 1 (id 1, pa 0x400000000): read 2 at");
        assertTrue(readOn.stream().anyMatch(x -> x.contains("walk 1 of request 1 (id 1, pa 0x400000000): the reads "
                + "of tag 1 differ from its golden walk")), readOn.toString());
    }

    // ---- a hit under a miss, and BY_ID's one rule for the requester -------------------------------------------

    /** A's leaf is filled by request 0; request 2 hits it while request 1's walk (FAR) is in flight. */
    private Script hitUnderMiss(boolean inOrder) {
        Script s = new Script().request(1, 0, A).miss(1, A, 0);
        long end0 = s.walk(0, A, 2); // fills in cycle 15, the hit is in cycle 17
        s.done(end0 + 2, 0, 0, A, 0).response(end0 + 3, 0, A, false);
        long t = end0 + 3;
        s.request(t, 1, FAR).miss(t, FAR, 0).request(t + 1, 2, A2).leafHit(t + 1, A2, 0);
        long end1 = s.walk(0, FAR, t + 1);
        s.done(end1 + 2, 0, 1, FAR, 1);
        if (inOrder) { // answered in one cycle, delivered behind the older miss
            s.response(end1 + 3, 1, FAR, false).response(end1 + 4, 2, A2, false);
        } else {
            s.response(t + 2, 2, A2, false).response(end1 + 3, 1, FAR, false);
        }
        return s;
    }

    @Test
    void aHitIsAnsweredUnderAMiss() {
        assertClean(hitUnderMiss(true).run(ResponseOrder.IN_ORDER));
        assertClean(hitUnderMiss(false).run(ResponseOrder.BY_ID));
        assertReports(hitUnderMiss(false).run(ResponseOrder.IN_ORDER), "IN_ORDER: the response in cycle 18 carries "
                + "id 2 but the oldest request in flight is request 1");
    }

    @Test
    void twoRequestsInFlightWithOneIdAreAStimulusError() {
        Script s = new Script().request(1, 5, A).miss(1, A, 0).request(2, 5, FAR).miss(2, FAR, 1);
        long end0 = s.walk(0, A, 2);
        long end1 = s.walk(1, FAR, 3);
        s.done(end0 + 2, 0, 0, A, 0).done(end1 + 2, 1, 1, FAR, 1);
        s.response(end0 + 3, 5, A, false).response(end1 + 3, 5, FAR, false);
        assertReports(s.run(ResponseOrder.BY_ID), "stimulus error (not an RTL mismatch)");
        assertClean(s.run(ResponseOrder.IN_ORDER)); // in order the sequence decides
    }

    // ---- PMP queries: attributed by address and walk state, each read behind its allowed query ------------------

    private static boolean isPmp(Event e, long cycle) {
        return (e instanceof Event.PmpQuery q && q.cycle() == cycle)
                || (e instanceof Event.PmpAnswer a && a.cycle() == cycle + 1);
    }

    @Test
    void everyReadNeedsItsEntrysPmpQueryAllowed() {
        // walk 1 (FAR) queries its first entry in cycle 3 and reads it in 4; without the query the read is reported
        Script noQuery = twoWalks(true);
        noQuery.events.removeIf(e -> isPmp(e, 3));
        List<String> diffs = noQuery.run(ResponseOrder.IN_ORDER);
        assertReports(diffs, "cycle 3: walk 1 of request 1 (id 1, pa 0x400000000) is about to check its entry");
        assertTrue(diffs.stream().anyMatch(x -> x.contains("walk 1 of request 1 (id 1, pa 0x400000000): read 0 at 0x"
                + Long.toHexString(walkReads(FAR).get(0)) + " in cycle 4 without a PMP query of that entry allowed")),
                diffs.toString());
        assertEquals(1, diffs.stream().filter(x -> x.contains("no PMP query went out")).count(), "reported once");
        // a read in the query's own cycle comes before pmp_ok
        Script early = twoWalks(true);
        Event.MemoryRead r = (Event.MemoryRead) early.events.stream().filter(e -> e instanceof Event.MemoryRead m
                && m.cycle() == 4).findFirst().orElseThrow();
        early.events.set(early.events.indexOf(r), new Event.MemoryRead(3, 8, 1, r.addr()));
        assertReports(early.run(ResponseOrder.IN_ORDER), "read 0 at 0x" + Long.toHexString(r.addr()) + " in cycle 3 "
                + "without a PMP query of that entry allowed");
    }

    @Test
    void aPmpQueryBelongsToTheWalkAboutToReadThatEntry() {
        // walk 1 queries an entry of A's walk instead of its own: no walk is about to check that entry in cycle 3
        Script wrong = twoWalks(true);
        Event.PmpQuery q = (Event.PmpQuery) wrong.events.stream().filter(e -> e instanceof Event.PmpQuery x
                && x.cycle() == 3).findFirst().orElseThrow();
        wrong.events.set(wrong.events.indexOf(q), new Event.PmpQuery(3, 8, walkReads(A).get(1)));
        assertReports(wrong.run(ResponseOrder.IN_ORDER), String.format("the PMP query of 0x%x (8 bytes) in cycle 3 "
                + "belongs to no walk; the walks about to check an entry: [walk 1 0x%x (8 bytes)]",
                walkReads(A).get(1), walkReads(FAR).get(0)));
        // a walk queries its next entry only after its read was answered (cycle 6 for walk 1): not in 5
        Script soon = twoWalks(true);
        Event.PmpQuery q2 = (Event.PmpQuery) soon.events.stream().filter(e -> e instanceof Event.PmpQuery x
                && x.cycle() == 7).findFirst().orElseThrow();
        soon.events.set(soon.events.indexOf(q2), new Event.PmpQuery(6, 8, q2.addr()));
        assertReports(soon.run(ResponseOrder.IN_ORDER), "the PMP query of 0x" + Long.toHexString(q2.addr())
                + " (8 bytes) in cycle 6 belongs to no walk");
    }

    @Test
    void theQueryArbiterGrantsTheLowestWalkerAskingInTheCycleItAsks() {
        // walk 1 asks from cycle 3 (its lookup was in 2); a query one cycle late is reported
        Script late = twoWalks(true);
        late.events.removeIf(e -> isPmp(e, 3));
        late.pmp(4, walkReads(FAR).get(0), true);
        assertReports(late.run(ResponseOrder.IN_ORDER), String.format("cycle 3: walk 1 of request 1 (id 1, pa "
                + "0x400000000) is about to check its entry 0x%x but no PMP query went out", walkReads(FAR).get(0)));
        // both walks' first responses come in cycle 6: both ask in 7, walk 0 goes first, walk 1 in 8
        Script both = new Script().request(1, 0, A).miss(1, A, 0).request(2, 1, FAR).miss(2, FAR, 1);
        both.walk(0, A, 2, 3);
        both.walk(1, FAR, 3, 2);
        assertReports(both.run(ResponseOrder.IN_ORDER), "cycle 7: 2 PMP queries (one per cycle)");
        both.events.removeIf(e -> isPmp(e, 7) && (e instanceof Event.PmpQuery q ? q.addr() : ((Event.PmpAnswer) e)
                .addr()) == walkReads(A).get(1));
        assertReports(both.run(ResponseOrder.IN_ORDER), "cycle 7: the PMP query went to walk 1 but walk 0 asks too "
                + "(the arbiter grants the lowest walker)");
    }

    /**
     * Two walks of A in SDIDs 1 and 2 (no conflict: other contexts) read the same entries; both get their first
     * response in cycle 6 and ask for the same L1 entry in 7: the query of 7 is walk 0's (the lowest MSHR), walk 1's
     * comes in 8; again in 12 and 13 for the leaf. {@code swapped}: walk 1 reads in 8, in its own query's cycle, as if the query of 7 had been its own.
     */
    private Script sameEntryTwice(boolean swapped) {
        Script s = new Script().request(1, 0, A, 1).miss(1, A, 0).request(2, 1, A, 2).miss(2, A, 1);
        s.entry(0, A, 0, 2, 6).entry(0, A, 1, 7, 11).entry(0, A, 2, 12, 16);
        s.entry(1, A, 0, 3, 6);
        if (swapped) {
            long l1 = walkReads(A).get(1);
            s.pmp(8, l1, true); // its own query, allowed only in 9
            s.events.add(new Event.MemoryRead(8, 8, 1, l1));
            return s;
        }
        s.entry(1, A, 1, 8, 11).entry(1, A, 2, 13, 16);
        s.done(18, 0, 0, A, 0).done(19, 1, 1, A, 1);
        return s.response(20, 0, A, false).response(21, 1, A, false);
    }

    @Test
    void aQueryBothWalksCouldMakeIsTheLowestMshrs() {
        assertClean(sameEntryTwice(false).run(ResponseOrder.IN_ORDER));
        assertReports(sameEntryTwice(true).run(ResponseOrder.IN_ORDER), "walk 1 of request 1 (id 1, pa 0x100000000): "
                + "read 1 at 0x" + Long.toHexString(walkReads(A).get(1)) + " in cycle 8 without a PMP query of that "
                + "entry allowed (pmp_ok) by then");
    }

    /**
     * Walk 1 (FAR): PMP refuses its leaf entry (query in cycle 11, refused in 12); it ends without a read, in 13, before
     * walk 0 (last response in 13, ends in 15).
     */
    private Script refusedLeaf(boolean readAnyway, boolean bridgeAllows) {
        long leaf = farLeaf();
        refused = leaf;
        Script s = new Script().request(1, 0, A).miss(1, A, 0).request(2, 1, FAR).miss(2, FAR, 1);
        long end0 = s.walk(0, A, 2);
        List<Long> rs = walkReads(FAR);
        long c = 3;
        for (long addr : rs) {
            s.pmp(c, addr, true);
            s.events.add(new Event.MemoryRead(c + 1, 8, 1, addr));
            s.events.add(new Event.MemoryResponse(c + 1 + LAT, false, 1, mem.read64(addr), addr));
            c += 2 + LAT;
        }
        s.pmp(c, leaf, bridgeAllows);
        if (readAnyway) {
            s.events.add(new Event.MemoryRead(c + 1, 8, 1, leaf));
            s.events.add(new Event.MemoryResponse(c + 1 + LAT, false, 1, mem.read64(leaf), leaf));
        }
        // refused: its result is ready the cycle after the answer; read anyway: two cycles after that read's response
        long end1 = readAnyway ? c + 1 + LAT + WalkScoreboard.AFTER_RESPONSE : c + 1 + WalkScoreboard.AFTER_PMP_ANSWER;
        s.done(end0 + 2, 0, 0, A, 0).done(end1, 1, -1, FAR, -1);
        s.response(end0 + 3, 0, A, false).response(Math.max(end0 + 3, end1) + 1, 1, FAR, false);
        return s;
    }

    /** The address of FAR's leaf entry (the walk's third read when PMP refuses nothing). */
    private long farLeaf() {
        long keep = refused;
        refused = -1;
        long leaf = walkReads(FAR).get(2);
        refused = keep;
        return leaf;
    }

    @Test
    void aWalkWhoseEntryPmpRefusesGetsTheGoldenAccessFault() {
        assertClean(refusedLeaf(false, false).run(ResponseOrder.IN_ORDER));
        assertReports(refusedLeaf(true, false).run(ResponseOrder.IN_ORDER), "walk 1 of request 1 (id 1, pa "
                + "0x400000000): read 2 at 0x" + Long.toHexString(farLeaf()) + " in cycle 12 without a "
                + "PMP query of that entry allowed");
        assertReports(refusedLeaf(false, true).run(ResponseOrder.IN_ORDER), "walk 1 of request 1 (id 1, pa "
                + "0x400000000): the bridge's PMP allowed its query 2");
        // the verdict: an RTL that answers as if the leaf had been read
        Script allowed = refusedLeaf(false, false);
        Event.Response rsp = (Event.Response) allowed.events.stream().filter(e -> e instanceof Event.Response x
                && x.id() == 1).findFirst().orElseThrow();
        allowed.events.set(allowed.events.indexOf(rsp), new Event.Response(rsp.cycle(), true, false, true, false, 0, 7,
                1, 0, 16, 16));
        assertReports(allowed.run(ResponseOrder.IN_ORDER), "response to request 1 (id 1, pa 0x400000000) in cycle 17: "
                + "allow expected 0 actual 1, cause expected 2 actual 0");
    }

    // ---- walk ends: the fill arbiter, lowest ready walk first, one per cycle -------------------------------------

    /**
     * Walks ready together (one memory response port): walk 0 (A) gets its last response in cycle 13, walk 1 (FAR)
     * its leaf entry's PMP refusal in 14 — both results are ready in 15. Walk 0 reads L2, L1, L0 with queries in 2, 6,
     * 10 and responses in 5, 9, 13; walk 1 queries in 3 and 8 (each the cycle after its previous response, 7) and
     * its leaf in 13 (response 12), refused in 14. {@code highestFirst}: the RTL ends walk 1 in 15 and walk 0 in 16.
     */
    private Script endTogether(boolean highestFirst) {
        refused = farLeaf();
        Script s = new Script().request(1, 0, A).miss(1, A, 0).request(2, 1, FAR).miss(2, FAR, 1);
        s.entry(0, A, 0, 2, 5).entry(0, A, 1, 6, 9).entry(0, A, 2, 10, 13);
        s.entry(1, FAR, 0, 3, 7).entry(1, FAR, 1, 8, 12).pmp(13, refused, false);
        if (highestFirst) {
            return s.done(15, 1, -1, FAR, -1).done(16, 0, 0, A, 0).response(17, 0, A, false).response(18, 1, FAR, false);
        }
        return s.done(15, 0, 0, A, 0).done(16, 1, -1, FAR, -1).response(16, 0, A, false).response(17, 1, FAR, false);
    }

    @Test
    void walksReadyTogetherEndLowestFirstOnePerCycle() {
        assertClean(endTogether(false).run(ResponseOrder.IN_ORDER));
        assertClean(endTogether(false).runAlwaysReady(ResponseOrder.IN_ORDER));
        CoverageDb db = covered(endTogether(false), ResponseOrder.IN_ORDER);
        assertEquals(1, db.count(WalkCoverage.IN_FLIGHT, "walks end together with 2 walks"), db.summary(100));
        assertReports(endTogether(true).run(ResponseOrder.IN_ORDER), "walk 1 of request 1 (id 1, pa 0x400000000) "
                + "ended in cycle 15 but walk 0 of request 0 (id 0, pa 0x100000000), lower, was ready too (its last "
                + "response of 0x" + Long.toHexString(walkReads(A).get(2)) + " came in cycle 13): the fill arbiter ends "
                + "the lowest ready walk first");
        // the same two ends, reported step by step, are not covered
        CoverageDb wrong = new CoverageDb("test");
        endTogether(true).run(ResponseOrder.IN_ORDER, new WalkCoverage(wrong, 4, 3));
        assertEquals(0, wrong.count(WalkCoverage.IN_FLIGHT, "walks end together with 2 walks"));
    }

    @Test
    void aWalkEndingEarlyOrLateIsReported() {
        // twoWalks: walk 1 (FAR) gets its last response in 14, so it ends in 16 (walk 0 in 21)
        Script early = twoWalks(true);
        early.events.removeIf(e -> e instanceof Event.ExtensionWord x && x.cycle() == 16);
        early.done(15, 1, 0, FAR, 0);
        assertReports(early.run(ResponseOrder.IN_ORDER), "walk 1 of request 1 (id 1, pa 0x400000000) ended in cycle 15 "
                + "before its result was ready (its last response of 0x" + Long.toHexString(walkReads(FAR).get(2))
                + " came in cycle 14: ready in cycle 16)");
        Script late = twoWalks(true);
        late.events.removeIf(e -> e instanceof Event.ExtensionWord x && x.cycle() == 16);
        late.done(17, 1, 0, FAR, 0);
        List<String> diffs = late.run(ResponseOrder.IN_ORDER);
        assertReports(diffs, "walk 1 of request 1 (id 1, pa 0x400000000) did not end in cycle 16: its result was ready "
                + "in cycle 16 (its last response of 0x" + Long.toHexString(walkReads(FAR).get(2)) + " came in cycle "
                + "14) and no lower walk was ready");
        assertEquals(1, diffs.size(), "reported once: " + diffs);
        // a walk whose entry PMP refused ends the cycle after the answer: refusedLeaf's walk 1 in 13, not 14
        Script refusedLate = refusedLeaf(false, false);
        refusedLate.events.removeIf(e -> e instanceof Event.ExtensionWord x && x.cycle() == 13);
        refusedLate.done(14, 1, -1, FAR, -1);
        assertReports(refusedLate.run(ResponseOrder.IN_ORDER), "walk 1 of request 1 (id 1, pa 0x400000000) did not "
                + "end in cycle 13: its result was ready in cycle 13 (its entry 0x" + Long.toHexString(farLeaf())
                + " was refused by the PMP answer of cycle 12)");
        // a failed read ends the walk two cycles after its response: busError's walk 1 (error in 10) in 12, not 11
        Script busEarly = busError(false);
        busEarly.events.removeIf(e -> e instanceof Event.ExtensionWord x && x.cycle() == 12);
        busEarly.done(11, 1, -1, FAR, -1);
        assertReports(busEarly.run(ResponseOrder.BY_ID), "walk 1 of request 1 (id 1, pa 0x400000000) ended in cycle "
                + "11 before its result was ready (the failed response (bus error) of 0x"
                + Long.toHexString(walkReads(FAR).get(1)) + " came in cycle 10: ready in cycle 12)");
    }

    // ---- responses: order and promptness -------------------------------------------------------------------

    @Test
    void answersLeaveAsSoonAsTheyMayWhenRspReadyIsHigh() {
        assertClean(hitUnderMiss(false).runAlwaysReady(ResponseOrder.BY_ID));
        assertClean(hitUnderMiss(true).runAlwaysReady(ResponseOrder.IN_ORDER));
        assertClean(twoWalks(false).runAlwaysReady(ResponseOrder.BY_ID));
        // the hit in cycle 17 may leave in 18 under the outstanding miss (BY_ID); one cycle late is reported
        Script late = hitUnderMiss(false);
        Event.Response hit = (Event.Response) late.events.stream().filter(e -> e instanceof Event.Response x
                && x.id() == 2).findFirst().orElseThrow();
        late.events.set(late.events.indexOf(hit), new Event.Response(19, hit.allow(), hit.fault(), hit.cacheable(),
                hit.stale(), hit.cause(), hit.xwr(), hit.id(), hit.level(), hit.leafLog2(), hit.uniformLog2()));
        assertReports(late.runAlwaysReady(ResponseOrder.BY_ID), "request 2 (id 2, pa 0x100003000) may leave in cycle "
                + "18 (answered in cycle 17, the oldest answer of the out queue, rsp_ready high) but no response left");
        assertClean(late.run(ResponseOrder.BY_ID)); // with rsp_ready stalls a late answer is legal
    }

    @Test
    void byIdAnswersLeaveInCompletionOrder() {
        // walk 1 (FAR) ends in cycle 16, walk 0 (A) in 21: FAR's answer leaves first
        Script swapped = twoWalks(true);
        assertReports(swapped.run(ResponseOrder.BY_ID), "BY_ID: the response to request 0 (id 0, pa 0x100000000) "
                + "(answered in cycle 21) leaves in cycle 22 before request 1 (id 1, pa 0x400000000), answered in "
                + "cycle 16");
    }

    @Test
    void everyRequestIsAnsweredByTheEndOfTheStream() {
        Script lost = twoWalks(true).without(e -> e instanceof Event.Response r && r.id() == 1);
        assertReports(lost.run(ResponseOrder.IN_ORDER), "1 request(s) never answered: [request 1 (id 1, pa "
                + "0x400000000)]");
    }

    // ---- data ports without their qualifier are 0 -------------------------------------------------------------

    @Test
    void anUnqualifiedDataPortIsReported() {
        assertReports(twoWalks(true).ext(5, "obs_wc_index", 2).run(ResponseOrder.IN_ORDER), "cycle 5: obs_wc_index = 2 "
                + "without obs_wc_hit (data ports are 0 when unqualified, port-contract.md)");
        assertReports(twoWalks(true).ext(6, "obs_fill_walk_id", 1).run(ResponseOrder.IN_ORDER), "cycle 6: "
                + "obs_fill_walk_id = 1 without obs_walk_end");
        assertReports(twoWalks(true).ext(7, "obs_walk_id", 3).run(ResponseOrder.IN_ORDER), "cycle 7: obs_walk_id = 3 "
                + "without a MISS pulse or obs_replay");
        assertReports(twoWalks(true).ext(16, "obs_fill_leaf_set", 3).without(e -> e instanceof Event.ExtensionWord x
                && x.cycle() == 16 && x.port() == List.of(PORTS).indexOf("obs_fill_leaf")).run(ResponseOrder.IN_ORDER),
                "cycle 16: obs_fill_leaf_set = 3 without obs_fill_leaf");
    }
}
