package io.mttkit.bridge;

import static io.mttkit.bridge.TinyFixture.R;
import static io.mttkit.bridge.TinyFixture.ROOT_PPN;
import static io.mttkit.bridge.TinyFixture.W;
import static io.mttkit.bridge.TinyFixture.X;
import static io.mttkit.bridge.TinyFixture.entry;
import static io.mttkit.bridge.TinyFixture.entryAddr;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Checker fast path on the tiny test design: directed scenarios with expectations derived from the
 *  design's documented behaviour (docs/bridge.md, "Test design"), plus batching invariance. */
class CheckerFastPathTest {
    private static LoadedLibrary lib;

    @BeforeAll
    static void build() {
        lib = TinyFixture.fast();
    }

    /** Events of one kind, in order. */
    private static List<String> only(List<String> lines, String kind) {
        return lines.stream().filter(l -> l.split(" ")[1].equals(kind)).map(l -> l.substring(l.indexOf(' ') + 1))
                .collect(Collectors.toList());
    }

    @Test
    void libraryReportsItsHashAndLayouts() {
        assertTrue(lib.buildInfo().contains("hash=" + lib.built().hash()), lib.buildInfo());
        assertTrue(lib.buildInfo().contains("variant=fast"), lib.buildInfo());
        assertTrue(lib.hasChecker());
        // a contract v1 top: no extension observation ports, the base event bound
        assertEquals(List.of(), lib.observationPorts());
        assertEquals(Records.MAX_EVENTS_PER_CYCLE, lib.maxEventsPerCycle());
    }

    @Test
    void missThenHitReadsTheEntryOnceAndAnswersFromIt() {
        ByteBuffer mem = TinyFixture.memory();
        long entry = entry(true, R | X);
        TinyFixture.putEntry(mem, 3, entry);
        try (CheckerSession s = TinyFixture.open(lib, SessionConfig.defaults(1), mem)) {
            RequestBuffer q = new RequestBuffer(4);
            q.check(10, 0x3123, R, 5, 1, ROOT_PPN, false, false);
            q.check(11, 0x3FF8, X, 5, 1, ROOT_PPN, false, false);
            q.check(12, 0x3000, W, 5, 1, ROOT_PPN, false, false);
            List<String> ev = TinyFixture.runAll(s, q, 64, new EventBuffer(256));
            assertEquals(List.of("MRD size=8 tag=0 addr=0x" + Long.toHexString(entryAddr(3))), only(ev, "MRD"));
            assertEquals(List.of("MRS err=0 tag=0 data=0x" + Long.toHexString(entry) + " addr=0x"
                    + Long.toHexString(entryAddr(3))), only(ev, "MRS"));
            assertEquals(List.of("PMP_QUERY size=8 addr=0x" + Long.toHexString(entryAddr(3))), only(ev, "PMP_QUERY"));
            List<String> rsp = only(ev, "RSP");
            assertEquals(3, rsp.size());
            // allow, cacheable; xwr = X|R = 5; a 4 KiB leaf at level 0
            assertEquals("RSP allow=1 fault=0 cacheable=1 stale=0 cause=0 xwr=5 id=10 level=0 leaf_log2=12 uniform_log2=12",
                    rsp.get(0));
            assertEquals("RSP allow=1 fault=0 cacheable=1 stale=0 cause=0 xwr=5 id=11 level=0 leaf_log2=12 uniform_log2=12",
                    rsp.get(1));
            // store to a read/execute page: fault, cacheable, PERM_DENY = 9
            assertEquals("RSP allow=0 fault=1 cacheable=1 stale=0 cause=9 xwr=5 id=12 level=0 leaf_log2=12 uniform_log2=12",
                    rsp.get(2));
            List<String> obsKinds = only(ev, "OBS").stream().map(o -> o.split(" ")[1]).toList();
            assertEquals(List.of("obs_kind=1", "obs_kind=2", "obs_kind=0", "obs_kind=0"), obsKinds);  // miss, fill, hit, hit
        }
    }

    @Test
    void faultsComeFromTheEntryTheBusAndThePmpHook() {
        ByteBuffer mem = TinyFixture.memory();
        TinyFixture.putEntry(mem, 1, entry(false, R));          // V = 0
        TinyFixture.putEntry(mem, 2, entry(true, R) | 1L << 40); // reserved bit
        TinyFixture.putEntry(mem, 4, entry(true, W));           // W without R: reserved encoding
        TinyFixture.putEntry(mem, 5, Long.reverseBytes(entry(true, R | W))); // big-endian entry
        SessionConfig cfg = SessionConfig.defaults(2);
        try (CheckerSession s = TinyFixture.open(lib, cfg, mem)) {
            s.setPmpRegions(List.of(new PmpRegion(entryAddr(6), 8, false)));
            RequestBuffer q = new RequestBuffer(16);
            q.check(1, 0x1000, R, 0, 0, ROOT_PPN, false, false);
            q.check(2, 0x2000, R, 0, 0, ROOT_PPN, false, false);
            q.check(3, 0x4000, R, 0, 0, ROOT_PPN, false, false);
            q.check(4, 0x5000, W, 0, 0, ROOT_PPN, true, false);
            q.check(5, 0x6000, R, 0, 0, ROOT_PPN, false, false);                   // PMP denies the entry read
            q.check(6, 0x10000L << 12, R, 0, 0, ROOT_PPN, false, false);            // entry outside memory
            q.check(7, 1L << TestDesigns.TINY_CHECKER_PAW, R, 0, 0, ROOT_PPN, false, false); // PA range
            q.check(8, 0xdead_0000L, X, 0, 0, ROOT_PPN, false, true);              // bypass
            List<String> ev = TinyFixture.runAll(s, q, 3, new EventBuffer(64));
            List<String> causes = only(ev, "RSP").stream().map(r -> r.split(" ")[7] + " " + r.split(" ")[5]
                    + " " + r.split(" ")[6]).toList();
            assertEquals(List.of("id=1 cause=4 xwr=0", "id=2 cause=5 xwr=0", "id=3 cause=6 xwr=0", "id=4 cause=0 xwr=3",
                    "id=5 cause=2 xwr=0", "id=6 cause=3 xwr=0", "id=7 cause=1 xwr=0", "id=8 cause=0 xwr=7"), causes);
            // reads: pages 1, 2, 4, 5 and the out-of-memory one; none for the PMP denial, PA range or bypass
            assertEquals(5, only(ev, "MRD").size());
            assertEquals(List.of("ok=1", "ok=1", "ok=1", "ok=1", "ok=0", "ok=1"),
                    only(ev, "PMP_ANSWER").stream().map(a -> a.split(" ")[1]).toList());
            assertTrue(only(ev, "MRS").get(4).contains("err=1"), only(ev, "MRS").toString());
        }
    }

    @Test
    void invalidationAndSyncTakeEffectAtTheirPositionInTheStream() {
        ByteBuffer mem = TinyFixture.memory();
        TinyFixture.putEntry(mem, 7, entry(true, R));
        try (CheckerSession s = TinyFixture.open(lib, SessionConfig.defaults(3), mem)) {
            RequestBuffer q = new RequestBuffer(8);
            q.check(1, 0x7000, R, 2, 0, ROOT_PPN, false, false);
            q.check(2, 0x7000, R, 2, 0, ROOT_PPN, false, false);   // hit
            q.invalidate(true, 0x7abc, false, 0);                   // same page, any SDID
            q.sync();
            q.check(3, 0x7000, R, 2, 0, ROOT_PPN, false, false);   // miss again
            q.idle(5);
            q.invalidate(false, 0, true, 9);                        // other SDID: nothing cleared
            q.check(4, 0x7000, R, 2, 0, ROOT_PPN, false, false);   // hit
            List<String> ev = TinyFixture.runAll(s, q, 2, new EventBuffer(64));
            List<String> order = ev.stream().map(l -> l.split(" ")[1] + (l.contains(" obs_kind=") ? l.substring(
                    l.indexOf(" obs_kind="), l.indexOf(" array")) : "")).filter(k -> !k.startsWith("PMP") && !k.startsWith("MR"))
                    .toList();
            assertEquals(List.of("ACCEPT", "OBS obs_kind=1", "OBS obs_kind=2", "RSP", "ACCEPT", "OBS obs_kind=0", "RSP",
                    "INV_ACCEPT", "OBS obs_kind=4", "SYNC_ACK", "ACCEPT", "OBS obs_kind=1", "OBS obs_kind=2", "RSP",
                    "INV_ACCEPT", "ACCEPT", "OBS obs_kind=0", "RSP"), order);
            assertEquals(2, only(ev, "MRD").size());
        }
    }

    /** Fields of the first event line of {@code kind} with {@code text} in it: "cycle kind k=v ..." split on blanks. */
    private static String[] first(List<String> lines, String kind, String text) {
        return lines.stream().filter(l -> l.split(" ")[1].equals(kind) && l.contains(text)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + " with " + text + " in " + lines)).split(" ");
    }

    private static long field(String[] line, String name) {
        for (String f : line) {
            if (f.startsWith(name + "=")) {
                String v = f.substring(name.length() + 1);
                return v.startsWith("0x") ? Long.parseLong(v.substring(2), 16) : Long.parseLong(v);
            }
        }
        throw new AssertionError("no " + name + " in " + String.join(" ", line));
    }

    @Test
    void anInvalidationWithACheckIsPresentedWithItAndConsumedWhenBothAreTaken() {
        // ABI 5: the tiny design takes a check when idle and an invalidation only when idle with req_valid low, so
        // the pair's check is taken first (a hit: the invalidation is not applied yet), its invalidation once the
        // check has answered and is no longer driven; the next check comes after both and misses
        ByteBuffer mem = TinyFixture.memory();
        TinyFixture.putEntry(mem, 7, entry(true, R));
        try (CheckerSession s = TinyFixture.open(lib, SessionConfig.defaults(3), mem)) {
            RequestBuffer q = new RequestBuffer(8);
            q.check(1, 0x7000, R, 2, 0, ROOT_PPN, false, false);
            q.invalidate(true, 0x7abc, false, 0, true);
            q.check(2, 0x7000, R, 2, 0, ROOT_PPN, false, false);
            q.check(3, 0x7000, R, 2, 0, ROOT_PPN, false, false);
            List<String> ev = TinyFixture.runAll(s, q, 2, new EventBuffer(64));
            List<String> order = ev.stream().map(l -> l.split(" ")[1] + (l.contains(" obs_kind=") ? l.substring(
                    l.indexOf(" obs_kind="), l.indexOf(" array")) : "")).filter(k -> !k.startsWith("PMP") && !k.startsWith("MR"))
                    .toList();
            assertEquals(List.of("ACCEPT", "OBS obs_kind=1", "OBS obs_kind=2", "RSP", "ACCEPT", "OBS obs_kind=0", "RSP",
                    "INV_ACCEPT", "OBS obs_kind=4", "ACCEPT", "OBS obs_kind=1", "OBS obs_kind=2", "RSP"), order);
            String[] check2 = first(ev, "ACCEPT", "id=2");
            String[] inv = first(ev, "INV_ACCEPT", "");
            String[] check3 = first(ev, "ACCEPT", "id=3");
            assertEquals(1, field(inv, "position"));
            assertEquals(2, field(check2, "position"));
            assertEquals(3, field(check3, "position"));
            assertTrue(Long.parseLong(check2[0]) < Long.parseLong(inv[0]), "the check of the pair is taken first");
            assertTrue(Long.parseLong(inv[0]) < Long.parseLong(check3[0]), "the next request follows the whole pair");
        }
    }

    @Test
    void aPairMustHaveItsCheckInTheSameCall() {
        ByteBuffer mem = TinyFixture.memory();
        try (CheckerSession s = TinyFixture.open(lib, SessionConfig.defaults(3), mem)) {
            RequestBuffer q = new RequestBuffer(4);
            q.invalidate(false, 0, false, 0, true);
            q.check(1, 0x7000, R, 2, 0, ROOT_PPN, false, false);
            BridgeException e = assertThrows(BridgeException.class, () -> s.run(q, 0, 1, new EventBuffer(64), 0));
            assertTrue(e.getMessage().contains("last request of this call"), e.getMessage());
        }
        try (CheckerSession s = TinyFixture.open(lib, SessionConfig.defaults(3), mem)) {
            RequestBuffer q = new RequestBuffer(4);
            q.invalidate(false, 0, false, 0, true);
            q.sync();
            BridgeException e = assertThrows(BridgeException.class, () -> s.run(q, 0, 2, new EventBuffer(64), 0));
            assertTrue(e.getMessage().contains("request 1 is not a check"), e.getMessage());
        }
    }

    @Test
    void batchingNeverChangesTheCycleByCycleTrace() {
        ByteBuffer mem = TinyFixture.memory();
        Random rnd = new Random(42);
        for (int p = 0; p < 64; p++) {
            TinyFixture.putEntry(mem, p, rnd.nextInt(8) == 0 ? 0 : entry(true, rnd.nextInt(8)));
        }
        RequestBuffer q = new RequestBuffer(400);
        for (int i = 0; i < 300; i++) {
            int pick = rnd.nextInt(20);
            if (pick == 0) {
                q.invalidate(rnd.nextBoolean(), (long) rnd.nextInt(64) << 12, rnd.nextBoolean(), rnd.nextInt(4));
            } else if (pick == 3) { // ABI 5: an invalidation presented with the check after it
                q.invalidate(rnd.nextBoolean(), (long) rnd.nextInt(64) << 12, rnd.nextBoolean(), rnd.nextInt(4), true);
                q.check(i, (long) rnd.nextInt(64) << 12, R, rnd.nextInt(4), 0, ROOT_PPN, false, false);
            } else if (pick == 1) {
                q.sync();
            } else if (pick == 2) {
                q.idle(1 + rnd.nextInt(5));
            } else {
                q.check(i, (long) rnd.nextInt(64) << 12 | rnd.nextInt(4096), 1 << rnd.nextInt(3), rnd.nextInt(4), 0,
                        ROOT_PPN, rnd.nextInt(10) == 0, rnd.nextInt(30) == 0);
            }
        }
        SessionConfig cfg = SessionConfig.defaults(99).withLatency(1, 9).withStalls(300, 200).withBusErrors(50);
        List<List<String>> traces = new ArrayList<>();
        for (int k : new int[] {1, 7, 64, 400}) {
            try (CheckerSession s = TinyFixture.open(lib, cfg, mem)) {
                traces.add(TinyFixture.runAll(s, q, k, new EventBuffer(k == 7 ? 16 : 4096)));
            }
        }
        assertTrue(traces.get(0).size() > 1000, "trace too short: " + traces.get(0).size());
        for (List<String> t : traces) {
            assertEquals(traces.get(0), t);
        }
        // a v1 top writes no extension observation events
        assertFalse(traces.get(0).stream().anyMatch(l -> l.split(" ")[1].equals("OBSX")));
        // the seeded backpressure and errors really happened
        assertTrue(traces.get(0).stream().anyMatch(l -> l.contains("MRS") && l.contains("err=1")));
    }

    @Test
    void differentSeedsGiveDifferentTimingButTheSameAnswers() {
        ByteBuffer mem = TinyFixture.memory();
        for (int p = 0; p < 16; p++) {
            TinyFixture.putEntry(mem, p, entry(true, p & 7));
        }
        RequestBuffer q = new RequestBuffer(64);
        for (int i = 0; i < 64; i++) {
            q.check(i, (long) (i % 16) << 12, R, 0, 0, ROOT_PPN, false, false);
        }
        List<List<String>> rsps = new ArrayList<>();
        List<List<String>> all = new ArrayList<>();
        for (long seed : new long[] {1, 2}) {
            try (CheckerSession s = TinyFixture.open(lib, SessionConfig.defaults(seed).withLatency(1, 20), mem)) {
                List<String> ev = TinyFixture.runAll(s, q, 16, new EventBuffer(1024));
                all.add(ev);
                rsps.add(only(ev, "RSP").stream().map(r -> r.substring(r.indexOf(' '))).toList());
            }
        }
        assertEquals(rsps.get(0), rsps.get(1));
        assertFalse(all.get(0).equals(all.get(1)), "latency should differ between seeds");
    }

    @Test
    void rtlFatalEndsTheBatchAndTheJvmSurvives() {
        ByteBuffer mem = TinyFixture.memory();
        try (CheckerSession s = TinyFixture.open(lib, SessionConfig.defaults(4), mem)) {
            RequestBuffer q = new RequestBuffer(4);
            q.check(1, 0x1000, R, 0, 0, ROOT_PPN, false, false);
            q.check(77, TestDesigns.TINY_CHECKER_FATAL_PA, R, 0, 0, ROOT_PPN, false, false);
            q.check(2, 0x1000, R, 0, 0, ROOT_PPN, false, false);
            EventBuffer ev = new EventBuffer(64);
            RunResult r = s.run(q, 0, 3, ev, 0);
            assertEquals(StopReason.RTL_STOP, r.reason());
            assertTrue(r.message().contains("fatal trigger request id 77"), r.message());
            assertEquals(new Event.Stop(ev.event(ev.size() - 1).cycle(), StopReason.RTL_STOP.code()), ev.event(ev.size() - 1));
            assertEquals(StopReason.RTL_STOP, s.terminalReason());
            // $fatal's text went into the session's log, not to the process's stdout
            assertTrue(s.drainLog().contains("fatal trigger request id 77"));
            assertEquals("", s.drainLog());
            BridgeException again = assertThrows(BridgeException.class, () -> s.run(q, 2, 1, ev, 0));
            assertTrue(again.getMessage().contains("stopped earlier"), again.getMessage());
        }
        // a fresh session in the same JVM works
        try (CheckerSession s = TinyFixture.open(lib, SessionConfig.defaults(4), mem)) {
            RequestBuffer q = new RequestBuffer(1);
            q.check(1, 0x1000, R, 0, 0, ROOT_PPN, false, false);
            assertEquals(1, only(TinyFixture.runAll(s, q, 1, new EventBuffer(64)), "RSP").size());
        }
    }

    @Test
    void watchdogNamesTheOutstandingRequests() {
        ByteBuffer mem = TinyFixture.memory();
        SessionConfig cfg = SessionConfig.defaults(5).withLatency(500, 500).withWatchdog(100);
        try (CheckerSession s = TinyFixture.open(lib, cfg, mem)) {
            RequestBuffer q = new RequestBuffer(2);
            q.check(31, 0x1000, R, 0, 0, ROOT_PPN, false, false);
            q.check(32, 0x2000, R, 0, 0, ROOT_PPN, false, false);
            RunResult r = s.run(q, 0, 2, new EventBuffer(64), 0);
            assertEquals(StopReason.TIMEOUT, r.reason());
            assertTrue(r.message().contains("id 31"), r.message());
            assertTrue(r.message().contains("request 1 (check id 32)"), r.message());
        }
    }

    @Test
    void cycleLimitAndFullEventBufferResumeWhereTheyStopped() {
        ByteBuffer mem = TinyFixture.memory();
        TinyFixture.putEntry(mem, 1, entry(true, R));
        RequestBuffer q = new RequestBuffer(40);
        for (int i = 0; i < 40; i++) {
            q.check(i, 0x1000L * (1 + i % 3), R, 0, 0, ROOT_PPN, false, false);
        }
        List<String> reference;
        try (CheckerSession s = TinyFixture.open(lib, SessionConfig.defaults(6), mem)) {
            reference = TinyFixture.runAll(s, q, 40, new EventBuffer(4096));
        }
        try (CheckerSession s = TinyFixture.open(lib, SessionConfig.defaults(6), mem)) {
            List<String> lines = new ArrayList<>();
            EventBuffer ev = new EventBuffer(4096);
            int from = 0;
            int limits = 0;
            while (from < q.size()) {
                RunResult r = s.run(q, from, q.size() - from, ev, 7);
                limits += r.reason() == StopReason.CYCLE_LIMIT ? 1 : 0;
                for (int i = 0; i < ev.size(); i++) {
                    lines.add(ev.format(i));
                }
                from += (int) r.consumed();
            }
            RunResult d;
            do {
                d = s.drain(ev, 7);
                for (int i = 0; i < ev.size(); i++) {
                    lines.add(ev.format(i));
                }
            } while (d.reason() != StopReason.DONE);
            assertTrue(limits > 5);
            assertEquals(reference, lines);
        }
    }

    @Test
    void memoryChangesBetweenBatchesAreSeenInPlace() {
        ByteBuffer mem = TinyFixture.memory();
        TinyFixture.putEntry(mem, 9, entry(true, R));
        try (CheckerSession s = TinyFixture.open(lib, SessionConfig.defaults(7), mem)) {
            RequestBuffer q = new RequestBuffer(4);
            q.check(1, 0x9000, W, 0, 0, ROOT_PPN, false, false);
            q.invalidate(false, 0, false, 0);
            q.check(2, 0x9000, W, 0, 0, ROOT_PPN, false, false);
            EventBuffer ev = new EventBuffer(64);
            List<String> first = TinyFixture.runAll(s, sub(q, 0, 2), 2, ev);
            TinyFixture.putEntry(mem, 9, entry(true, R | W));  // Java edits the table the RTL reads
            List<String> second = TinyFixture.runAll(s, sub(q, 2, 1), 1, ev);
            assertTrue(only(first, "RSP").get(0).contains("cause=9"));
            assertTrue(only(second, "RSP").get(0).contains("cause=0 xwr=3"), second.toString());
        }
    }

    @Test
    void idleRunsExactlyTheGivenCyclesAndDeliversLateResponses() {
        ByteBuffer mem = TinyFixture.memory();
        try (CheckerSession s = TinyFixture.open(lib, SessionConfig.defaults(8).withLatency(30, 30), mem)) {
            RequestBuffer q = new RequestBuffer(1);
            q.check(5, 0x1000, R, 0, 0, ROOT_PPN, false, false);
            EventBuffer ev = new EventBuffer(64);
            RunResult r = s.run(q, 0, 1, ev, 0);
            assertEquals(1, r.outstanding());
            long before = r.cycle();
            RunResult idle = s.idle(50, ev);
            assertEquals(StopReason.DONE, idle.reason());
            assertEquals(50, idle.cyclesRun());
            assertEquals(before + 50, idle.cycle());
            assertEquals(1, idle.responses());
            assertEquals(0, idle.outstanding());
        }
    }

    @Test
    void severalMemoryRegionsAreServedAndOverlapsRefused() {
        ByteBuffer low = TinyFixture.memory();
        ByteBuffer high = ByteBuffer.allocateDirect(4096).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        long highBase = 0x9000_0000L;
        high.putLong(0x18, entry(true, R | W));   // page 3 of a table rooted at highBase
        try (CheckerSession s = TinyFixture.open(lib, SessionConfig.defaults(9), low)) {
            s.attachMemory(highBase, high);
            BridgeException overlap = assertThrows(BridgeException.class,
                    () -> s.attachMemory(TinyFixture.MEM_BASE + 4096, ByteBuffer.allocateDirect(16)));
            assertTrue(overlap.getMessage().contains("overlaps"), overlap.getMessage());
            assertThrows(BridgeException.class, () -> s.attachMemory(0, ByteBuffer.allocate(16)));  // not direct
            RequestBuffer q = new RequestBuffer(1);
            q.check(1, 0x3000, W, 0, 0, highBase >>> 12, false, false);
            List<String> ev = TinyFixture.runAll(s, q, 1, new EventBuffer(64));
            assertEquals("MRS err=0 tag=0 data=0x7 addr=0x90000018", only(ev, "MRS").get(0));
            assertTrue(only(ev, "RSP").get(0).contains("cause=0 xwr=3"));
        }
    }

    @Test
    void genericBindingOfRunBehavesLikeTheDirectOne() {
        ByteBuffer mem = TinyFixture.memory();
        Random rnd = new Random(3);
        for (int p = 0; p < 32; p++) {
            TinyFixture.putEntry(mem, p, entry(true, rnd.nextInt(8)));
        }
        RequestBuffer q = new RequestBuffer(200);
        for (int i = 0; i < 200; i++) {
            q.check(i, (long) rnd.nextInt(40) << 12, R, 0, 0, ROOT_PPN, false, false);
        }
        SessionConfig cfg = SessionConfig.defaults(10).withLatency(1, 5).withStalls(100, 100);
        long direct;
        try (CheckerSession s = TinyFixture.open(lib, cfg, mem)) {
            direct = WaveReplay.runAll(s, q, new EventBuffer(128));
        }
        // the fallback used when every direct-mapping slot is taken: one call with everything, then a drain
        RunEntry.Call generic = RunEntry.genericCall(lib.fRun);
        try (CheckerSession s = TinyFixture.open(lib, cfg, mem)) {
            EventBuffer ev = new EventBuffer(1 << 14);
            com.sun.jna.Memory stats = new com.sun.jna.Memory(Records.STATS_SIZE);
            assertEquals(0, generic.run(s.handle, q.memory(), q.size(), ev.memory(), ev.capacity(), 0, stats));
            ev.setSize((int) stats.getLong(24));
            long digest = ev.digest(Records.DIGEST_SEED);
            assertEquals(0, generic.run(s.handle, q.memory(), 0, ev.memory(), ev.capacity(), 0, stats));
            ev.setSize((int) stats.getLong(24));
            assertEquals(direct, ev.digest(digest));
        }
    }

    private static RequestBuffer sub(RequestBuffer q, int from, int n) {
        RequestBuffer r = new RequestBuffer(n);
        for (int i = from; i < from + n; i++) {
            switch (q.kind(i)) {
                case Records.REQ_CHECK -> r.check(q.id(i), q.pa(i), q.need(i), q.sdid(i), q.mode(i), q.rootPpn(i),
                        (q.flags(i) & Records.RF_BE) != 0, (q.flags(i) & Records.RF_BYPASS) != 0);
                case Records.REQ_INVAL -> r.invalidate((q.flags(i) & Records.RF_INV_HAS_PA) != 0, q.pa(i),
                        (q.flags(i) & Records.RF_INV_HAS_SDID) != 0, q.sdid(i));
                default -> throw new AssertionError();
            }
        }
        return r;
    }
}
