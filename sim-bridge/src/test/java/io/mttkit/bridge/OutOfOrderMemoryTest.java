package io.mttkit.bridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * ABI 4's out-of-order memory responses ({@link SessionConfig#memOutOfOrder}), on the burst reader test design (four
 * reads in flight per check, tags 0..3): every response carries the tag and the data of its own read, at most one
 * response per cycle, none before its latency; with the option off the responses keep request order exactly as
 * before; with it on and a latency range, some overtake; and a run is a function of its seed either way.
 */
class OutOfOrderMemoryTest {
    private static LoadedLibrary lib;

    @BeforeAll
    static void build() {
        BuildDriver d = ToolSupport.driverOrSkip();
        lib = d.load(TestDesigns.burstReaderSpec(d.cache(), Variant.FAST));
    }

    private record Read(long cycle, int tag, long addr) {
    }

    /** Runs {@code checks} checks; returns the MRD and MRS events (as reads) and the responses' xwr (overtakes seen). */
    private static List<List<Read>> run(SessionConfig cfg, int checks, List<Integer> overtakes) {
        ByteBuffer mem = TinyFixture.memory();
        for (int i = 0; i < 8; i++) {
            mem.putLong(i * 8, 0x1111_0000L + i); // the word at root + 8 * tag says which read it is
        }
        List<Read> mrd = new ArrayList<>();
        List<Read> mrs = new ArrayList<>();
        try (CheckerSession s = TinyFixture.open(lib, cfg, mem)) {
            RequestBuffer q = new RequestBuffer(checks);
            for (int i = 0; i < checks; i++) {
                q.check(i & 0xff, 0x1000, TinyFixture.R, 1, 1, TinyFixture.ROOT_PPN, false, false);
            }
            EventBuffer ev = new EventBuffer(4096);
            int from = 0;
            boolean draining = false;
            for (;;) {
                RunResult r = draining ? s.drain(ev, 0) : s.run(q, from, q.size() - from, ev, 0);
                for (int i = 0; i < ev.size(); i++) {
                    Event e = ev.event(i);
                    if (e instanceof Event.MemoryRead m) {
                        mrd.add(new Read(m.cycle(), m.tag(), m.addr()));
                    } else if (e instanceof Event.MemoryResponse m) {
                        assertEquals(0x1111_0000L + (m.addr() - TinyFixture.MEM_BASE) / 8, m.data(), m.toString());
                        mrs.add(new Read(m.cycle(), m.tag(), m.addr()));
                    } else if (e instanceof Event.Response rsp) {
                        assertTrue(rsp.allow(), "the design saw a response for a tag not in flight: " + rsp);
                        overtakes.add(rsp.xwr());
                    }
                }
                assertTrue(!r.reason().terminal(), r.reason() + " " + r.message());
                from += (int) r.consumed();
                if (draining && r.reason() == StopReason.DONE) {
                    break;
                }
                draining = from >= q.size();
            }
        }
        return List.of(mrd, mrs);
    }

    private static SessionConfig config(boolean outOfOrder) {
        return SessionConfig.defaults(7).withLatency(2, 12).withStalls(100, 0).withMemOutOfOrder(outOfOrder);
    }

    @Test
    void everyResponseIsItsOwnReadsAndComesWhenDue() {
        for (boolean ooo : new boolean[] {false, true}) {
            List<Integer> overtakes = new ArrayList<>();
            List<List<Read>> rw = run(config(ooo), 200, overtakes);
            List<Read> mrd = rw.get(0);
            List<Read> mrs = rw.get(1);
            assertEquals(800, mrd.size());
            assertEquals(800, mrs.size());
            Map<Integer, Read> inFlight = new HashMap<>();
            int i = 0;
            long lastCycle = -1;
            int outOfOrder = 0;
            List<Read> issued = new ArrayList<>();
            for (Read r : mrs) {
                while (i < mrd.size() && mrd.get(i).cycle() < r.cycle()) { // a read issued before this response
                    Read m = mrd.get(i++);
                    assertTrue(inFlight.put(m.tag(), m) == null, "tag " + m.tag() + " reused while in flight");
                    issued.add(m);
                }
                Read m = inFlight.remove(r.tag());
                assertTrue(m != null, "response with tag " + r.tag() + " and no read in flight: " + r);
                assertEquals(m.addr(), r.addr(), "the response is its own read's");
                assertTrue(r.cycle() >= m.cycle() + 2, "answered before the minimum latency: " + m + " -> " + r);
                assertTrue(r.cycle() > lastCycle, "two responses in one cycle");
                lastCycle = r.cycle();
                if (issued.get(0) != m) {
                    outOfOrder++;
                }
                issued.remove(m);
            }
            int reported = overtakes.stream().mapToInt(Integer::intValue).sum();
            if (ooo) {
                assertTrue(outOfOrder > 50, "only " + outOfOrder + " of 800 responses overtook an older read");
                assertTrue(reported > 0, "the design never saw an overtaking response");
            } else {
                assertEquals(0, outOfOrder, "in-order responses overtook");
                assertEquals(0, reported);
            }
        }
    }

    @Test
    void aRunIsAFunctionOfItsSeed() {
        List<Integer> a = new ArrayList<>();
        List<Integer> b = new ArrayList<>();
        assertEquals(run(config(true), 100, a), run(config(true), 100, b));
        assertEquals(a, b);
    }
}
