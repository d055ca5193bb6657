package io.mttkit.bridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The bridge's I/O loop (ABI 3, port contract v3) on {@code mttb_tiny_io}, whose answers are documented functions of
 * its inputs: DMA verdict fields and timing, register answers with BUSY sampled at the handshake, status polls, the
 * refusal of hart-side requests and the watchdog of a poll whose BUSY never falls.
 */
class IoLoopTest {
    private static final String TOP = "mttb_tiny_io";
    private static LoadedLibrary lib;

    @BeforeAll
    static void build() throws URISyntaxException {
        BuildDriver d = ToolSupport.driverOrSkip();
        lib = d.load(BuildSpec.checker(List.of(Path.of(IoLoopTest.class.getResource("rtl/mttb_tiny_io.v").toURI())),
                TOP, Variant.FAST));
    }

    private static List<Event> run(CheckerSession s, RequestBuffer q) {
        List<Event> out = new ArrayList<>();
        EventBuffer ev = new EventBuffer(64);
        int from = 0;
        while (from < q.size()) {
            RunResult r = s.run(q, from, q.size() - from, ev, 0);
            for (int i = 0; i < ev.size(); i++) {
                out.add(ev.event(i));
            }
            from += (int) r.consumed();
        }
        RunResult r;
        do {
            r = s.drain(ev, 0);
            for (int i = 0; i < ev.size(); i++) {
                out.add(ev.event(i));
            }
        } while (r.reason() == StopReason.EVENTS_FULL);
        return out;
    }

    @Test
    void theTopIsAnIoChecker() {
        assertTrue(PortContract.isIo(lib.ports()));
        assertEquals(List.of(), PortContract.violations(lib.ports()));
    }

    @Test
    void dmaVerdictCarriesEveryFieldOneCycleAfterTheHandshake() {
        try (CheckerSession s = lib.openChecker(SessionConfig.defaults(1))) {
            s.reset(2);
            RequestBuffer q = new RequestBuffer(4);
            q.dma(0x2A, 0x12345, true, 0x0327, true, false, 0x8000_0100L, 0x40, 5);
            q.dma(0x2B, 0x6, false, 0x1111, false, true, 0x8000_0F00L, 0x100, 2);
            List<Event> evs = run(s, q);
            List<Event.DmaAccept> acc = evs.stream().filter(e -> e instanceof Event.DmaAccept)
                    .map(e -> (Event.DmaAccept) e).toList();
            List<Event.DmaResponse> rsp = evs.stream().filter(e -> e instanceof Event.DmaResponse)
                    .map(e -> (Event.DmaResponse) e).toList();
            assertEquals(2, acc.size());
            assertEquals(2, rsp.size());
            Event.DmaResponse a = rsp.get(0);
            assertTrue(a.allow() && a.matched() && !a.reportToIommu());
            assertEquals(0, a.abortReason());
            assertEquals(0x5, a.rule());
            assertEquals(0x27, a.sdid());
            assertEquals(5, a.xwr());
            assertEquals(0x0, a.cause()); // size 0x40: bits 3:0
            assertEquals(0x2A, a.id());
            assertEquals(acc.get(0).cycle() + 1, a.validCycle());
            Event.DmaResponse b = rsp.get(1);
            assertFalse(b.allow());
            assertEquals(3, b.abortReason());
            assertTrue(b.reportToIommu());
            assertEquals(0, b.sdid(), "no IDE stream: dma_ide_id is driven but the design ignores it");
            assertEquals(0x2B, b.id());
        }
    }

    @Test
    void registerAnswersCarryBusyAtTheHandshakeAndAPollEndsWhenBusyFalls() {
        try (CheckerSession s = lib.openChecker(SessionConfig.defaults(1))) {
            s.reset(2);
            RequestBuffer q = new RequestBuffer(8);
            q.register(12, 4, true, 5);      // command: busy for 5 cycles
            q.register(16, 8, true, 0x77);   // a write while BUSY
            q.poll();
            q.register(8, 4, false, 0);      // a read after the poll
            List<Event.RegisterAccess> regs = run(s, q).stream().filter(e -> e instanceof Event.RegisterAccess)
                    .map(e -> (Event.RegisterAccess) e).toList();
            assertTrue(regs.stream().allMatch(r -> r.latency() == 1), regs.toString());
            assertFalse(regs.get(0).busy());
            assertTrue(regs.get(1).busy() && regs.get(1).write());
            List<Event.RegisterAccess> polls = regs.stream().filter(Event.RegisterAccess::poll).toList();
            assertTrue(polls.size() >= 2, "the poll read BUSY=1 before it fell: " + polls);
            for (int i = 0; i < polls.size(); i++) {
                boolean last = i == polls.size() - 1;
                assertEquals(last ? 0 : 1, polls.get(i).rdata() >>> 31, polls.get(i).toString());
                assertEquals(polls.get(i).busy(), !last);
                assertEquals(2, polls.get(i).position());
            }
            for (int i = 1; i < polls.size(); i++) {
                assertEquals(2, polls.get(i).cycle() - polls.get(i - 1).cycle(), "one status read at a time");
            }
            Event.RegisterAccess after = regs.get(regs.size() - 1);
            assertEquals(3, after.position());
            assertEquals(8, after.rdata());
            assertEquals(polls.get(polls.size() - 1).cycle() + 2, after.cycle(),
                    "presented the cycle after the poll ended, answered the cycle after that");
        }
    }

    @Test
    void hartSideRequestsAreRefusedAndAPollThatNeverEndsTimesOut() {
        try (CheckerSession s = lib.openChecker(SessionConfig.defaults(1))) {
            s.reset(2);
            RequestBuffer q = new RequestBuffer(1);
            q.sync();
            BridgeException e = assertThrows(BridgeException.class, () -> s.run(q, 0, 1, new EventBuffer(64), 0));
            assertTrue(e.getMessage().contains("hart-side requests"), e.getMessage());
        }
        SessionConfig c = new SessionConfig(1, 1, 1, 0, 0, 0, 1, 8, true);
        try (CheckerSession s = lib.openChecker(c)) {
            s.reset(2);
            RequestBuffer q = new RequestBuffer(2);
            q.register(12, 4, true, 15); // busy 15 cycles, the watchdog is 8
            q.poll();
            RunResult r = s.run(q, 0, 2, new EventBuffer(64), 0);
            assertEquals(StopReason.TIMEOUT, r.reason());
            assertTrue(r.message().contains("status.BUSY never fell"), r.message());
        }
    }
}
