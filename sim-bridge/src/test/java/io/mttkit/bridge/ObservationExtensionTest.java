package io.mttkit.bridge;

import static io.mttkit.bridge.TinyFixture.R;
import static io.mttkit.bridge.TinyFixture.ROOT_PPN;
import static io.mttkit.bridge.TinyFixture.W;
import static io.mttkit.bridge.TinyFixture.X;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Contract v2 extension observation ports on the test design {@code mttb_obsx_checker.v}: every OBSX event of
 * a long run is predicted from the design's documented port functions (its header comment) and compared with
 * the trace, record by record and in order.
 */
class ObservationExtensionTest {
    private static final String TOP = "mttb_obsx_checker";
    /** Cycles TinyFixture.open holds reset: the design's {@code cyc} is 0 at session cycle RESET. */
    private static final int RESET = 4;
    private static final long ECHO_MASK = (1L << 40) - 1;
    private static final long MIX = 0x9E37_79B9_7F4A_7C15L;

    private static LoadedLibrary lib;

    /** One event record, compared field by field. */
    @BeforeAll
    static void build() throws URISyntaxException {
        BuildDriver d = ToolSupport.driverOrSkip();
        lib = d.load(BuildSpec.checker(List.of(design()), TOP, Variant.FAST));
    }

    private static Path design() throws URISyntaxException {
        return Path.of(ObservationExtensionTest.class.getResource("rtl/mttb_obsx_checker.v").toURI());
    }

    @Test
    void testDesignIsLintClean() throws URISyntaxException {
        BuildDriver d = ToolSupport.driverOrSkip();
        assertEquals(List.of(), VerilatorLint.check(d.tool(), List.of(design()), TOP, List.of()));
    }

    @Test
    void extensionPortsAreTheObsOutputsOutsideV1InIdOrder() {
        List<PortContract.ObservationPort> ext = lib.observationPorts();
        assertEquals(List.of("obs_wide", "obs_bit", "obs_echo", "obs_mix", "obs_onehot"),
                ext.stream().map(PortContract.ObservationPort::name).toList());
        assertEquals(List.of(130, 1, 40, 64, 4096), ext.stream().map(PortContract.ObservationPort::width).toList());
        for (PortContract.ObservationPort p : ext) {
            assertEquals(lib.portId(p.name()), p.id(), p.name());
        }
        // 16 for the v1 kinds + 3 + 1 + 1 + 1 + 64 words
        assertEquals(86, lib.maxEventsPerCycle());
    }

    @Test
    void everyNonZeroWordIsOneEventRightAfterTheV1Pulse() {
        RequestBuffer q = stream();
        List<Event> trace;
        try (CheckerSession s = TinyFixture.open(lib, SessionConfig.defaults(5).withStalls(0, 250), TinyFixture.memory())) {
            trace = runAll(s, q, 16, new EventBuffer(lib.maxEventsPerCycle()));
        }
        // the v1 events of the design: checks answered in request order, nothing else
        List<Integer> accepted = trace.stream().filter(e -> e instanceof Event.Accept).map(e -> ((Event.Accept) e).id())
                .toList();
        List<Integer> answered = trace.stream().filter(e -> e instanceof Event.Response).map(e -> ((Event.Response) e).id())
                .toList();
        assertEquals(checkIds(q), accepted);
        assertEquals(checkIds(q), answered);

        Map<Long, Long> echoAt = new TreeMap<>();  // cycle -> obs_echo, from the checks taken one cycle earlier
        Map<Long, List<Event>> otherByCycle = new TreeMap<>();
        for (Event e : trace) {
            if (e instanceof Event.Accept a) {
                echoAt.put(e.cycle() + 1, a.pa() & ECHO_MASK);
            }
            if (!(e instanceof Event.Observation) && !(e instanceof Event.ExtensionWord)) {
                otherByCycle.computeIfAbsent(e.cycle(), c -> new ArrayList<>()).add(e);
            }
        }
        long first = trace.get(0).cycle();
        long last = trace.get(trace.size() - 1).cycle();
        assertEquals(RESET, first);
        List<Event> expected = new ArrayList<>();
        for (long c = first; c <= last; c++) {
            expected.addAll(observation(c, echoAt.getOrDefault(c, 0L)));
            expected.addAll(otherByCycle.getOrDefault(c, List.of()));
        }
        for (int i = 0; i < Math.min(expected.size(), trace.size()); i++) {
            assertEquals(expected.get(i), trace.get(i), "event " + i);
        }
        assertEquals(expected.size(), trace.size());
        // the stream reached every word of the 4096-bit port, and zero words really were left out
        int onehot = lib.portId("obs_onehot");
        assertEquals(64, trace.stream().filter(e -> e instanceof Event.ExtensionWord w && w.port() == onehot)
                .map(e -> ((Event.ExtensionWord) e).word()).distinct().count());
        assertTrue(last - first > 4096, "stream too short to wrap cyc[11:0]");
        assertTrue(trace.stream().anyMatch(e -> e instanceof Event.ExtensionWord w && w.port() == lib.portId("obs_echo")));
    }

    /** The OBS and OBSX events the design must produce at session cycle {@code c} (header of the .v file). */
    private static List<Event> observation(long c, long echo) {
        long cyc = c - RESET;
        List<Event> out = new ArrayList<>();
        if ((cyc & 3) == 3) {
            out.add(new Event.Observation(c, 2, 1, 3, (int) (cyc & 0xff), 5));
        }
        // ports in id order (obs_wide, obs_bit, obs_echo, obs_mix, obs_onehot), words ascending, zeros absent
        long[][] words = {
            {(cyc & 2) != 0 ? cyc : 0, (cyc & 4) != 0 ? ~cyc : 0, cyc & 3},
            {cyc & 1},
            {echo},
            {cyc * MIX},
            onehot(cyc & 4095),
        };
        String[] names = {"obs_wide", "obs_bit", "obs_echo", "obs_mix", "obs_onehot"};
        for (int p = 0; p < names.length; p++) {
            int id = lib.portId(names[p]);
            for (int w = 0; w < words[p].length; w++) {
                if (words[p][w] != 0) {
                    out.add(new Event.ExtensionWord(c, w, id, words[p][w]));
                }
            }
        }
        return out;
    }

    private static long[] onehot(long bit) {
        long[] w = new long[64];
        w[(int) (bit / 64)] = 1L << (bit % 64);
        return w;
    }

    @Test
    void batchingAndBufferSizeNeverChangeTheTrace() {
        RequestBuffer q = stream();
        SessionConfig cfg = SessionConfig.defaults(77).withStalls(0, 400);
        int min = lib.maxEventsPerCycle();
        List<List<String>> traces = new ArrayList<>();
        int[][] runs = {{1, min}, {5, min + 1}, {64, 3 * min - 1}, {q.size(), 1 << 16}};
        for (int[] r : runs) {
            try (CheckerSession s = TinyFixture.open(lib, cfg, TinyFixture.memory())) {
                traces.add(TinyFixture.runAll(s, q, r[0], new EventBuffer(r[1])));
            }
        }
        assertTrue(traces.get(0).stream().filter(l -> l.contains(" OBSX ")).count() > 10_000);
        for (List<String> t : traces) {
            assertEquals(traces.get(0), t);
        }
    }

    @Test
    void aBufferBelowTheDesignBoundIsRefusedNamingTheMinimum() {
        try (CheckerSession s = TinyFixture.open(lib, SessionConfig.defaults(1), TinyFixture.memory())) {
            RequestBuffer q = new RequestBuffer(1);
            q.check(1, 0x1000, R, 0, 0, ROOT_PPN, false, false);
            EventBuffer small = new EventBuffer(lib.maxEventsPerCycle() - 1);
            BridgeException e = assertThrows(BridgeException.class, () -> s.run(q, 0, 1, small, 0));
            assertTrue(e.getMessage().contains("n >= 86"), e.getMessage());
            assertThrows(BridgeException.class, () -> s.idle(1, small));
            // the library refuses it as well, for callers that bypass CheckerSession (e.g. the C++ runner)
            com.sun.jna.Memory stats = new com.sun.jna.Memory(Records.STATS_SIZE);
            assertEquals(-1, lib.run.run(s.handle, q.memory(), 1, small.memory(), small.capacity(), 0, stats));
            assertTrue(s.lastError().contains("needs at least 86"), s.lastError());
        }
    }

    @Test
    void obsxLinesNameThePort() {
        try (CheckerSession s = TinyFixture.open(lib, SessionConfig.defaults(1), TinyFixture.memory())) {
            EventBuffer ev = new EventBuffer(256);
            s.idle(2, ev);
            List<String> lines = new ArrayList<>();
            for (int i = 0; i < ev.size(); i++) {
                lines.add(ev.format(i));
            }
            // cyc 0: only obs_onehot bit 0; cyc 1: obs_wide word 2 = 1, obs_bit, obs_mix, obs_onehot bit 1
            assertEquals(List.of("4 OBSX word=0 port=obs_onehot value=0x1",
                    "5 OBSX word=2 port=obs_wide value=0x1", "5 OBSX word=0 port=obs_bit value=0x1",
                    "5 OBSX word=0 port=obs_mix value=0x" + Long.toHexString(MIX),
                    "5 OBSX word=0 port=obs_onehot value=0x2"), lines);
        }
    }

    /** Checks with high PA bits (dropped by the 40-bit req_pa), a PA whose low 40 bits are zero (no echo
     *  event), an invalidation, a sync and a long idle gap that wraps cyc[11:0]. */
    private static RequestBuffer stream() {
        RequestBuffer q = new RequestBuffer(64);
        int id = 1;
        for (int i = 0; i < 20; i++) {
            q.check(id++, 0x1234_5000L * (i + 1) | (long) i << 52, i % 2 == 0 ? R : W | R, 0, 0, ROOT_PPN, false, false);
        }
        q.check(id++, 1L << 45, X, 0, 0, ROOT_PPN, false, false);
        q.invalidate(true, 0x7000, false, 0);
        q.sync();
        q.idle(4200);
        for (int i = 0; i < 10; i++) {
            q.check(id++, 0xABCD_E000L + i, R, 0, 0, ROOT_PPN, false, false);
        }
        return q;
    }

    private static List<Integer> checkIds(RequestBuffer q) {
        List<Integer> ids = new ArrayList<>();
        for (int i = 0; i < q.size(); i++) {
            if (q.kind(i) == Records.REQ_CHECK) {
                ids.add(q.id(i));
            }
        }
        return ids;
    }

    /** Runs all requests in batches of {@code k} and drains, collecting every event record. */
    private static List<Event> runAll(CheckerSession s, RequestBuffer q, int k, EventBuffer ev) {
        List<Event> out = new ArrayList<>();
        int from = 0;
        for (;;) {
            boolean draining = from >= q.size();
            RunResult r = draining ? s.drain(ev, 0) : s.run(q, from, Math.min(k, q.size() - from), ev, 0);
            for (int i = 0; i < ev.size(); i++) {
                out.add(ev.event(i));
            }
            assertTrue(!r.reason().terminal(), r.reason() + " " + r.message());
            from += (int) r.consumed();
            if (draining && r.reason() == StopReason.DONE) {
                return out;
            }
        }
    }
}
