package io.mttkit.bridge;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Generic port-by-id layer on a counter with 8-, 40-, 41- and 100-bit ports. */
class GenericLayerTest {
    private static LoadedLibrary lib;

    @BeforeAll
    static void build() {
        BuildDriver d = ToolSupport.driverOrSkip();
        lib = d.load(BuildSpec.generic(List.of(TestDesigns.wideCounter(d.cache().dir().resolve("rtl"))),
                TestDesigns.WIDE_COUNTER_TOP, Variant.FAST));
    }

    @Test
    void portsAreListedWithWidthsAndDirections() {
        assertEquals(new PortInfo("wide_in", 100, PortInfo.Direction.INPUT), lib.ports().get(lib.portId("wide_in")));
        assertEquals(new PortInfo("mid_sum", 41, PortInfo.Direction.OUTPUT), lib.ports().get(lib.portId("mid_sum")));
        assertEquals(9, lib.ports().size());
        assertTrue(!lib.hasChecker());
    }

    @Test
    void counterCountsOnlyWhenEnabled() {
        try (Dut dut = lib.openDut()) {
            dut.poke("rst", 1);
            dut.step(2);
            dut.poke("rst", 0);
            dut.poke("en", 1);
            dut.step(5);
            assertEquals(5, dut.peek("count"));
            dut.poke("en", 0);
            dut.step(3);
            assertEquals(5, dut.peek("count"));
            dut.poke("en", 1);
            dut.step(300);  // wraps modulo 256
            assertEquals((5 + 300) % 256, dut.peek("count"));
        }
    }

    @Test
    void wideAndMidPortsRoundTripThroughARegister() {
        Random rnd = new Random(7);
        try (Dut dut = lib.openDut()) {
            dut.poke("rst", 1);
            dut.step(1);
            dut.poke("rst", 0);
            for (int i = 0; i < 20; i++) {
                byte[] wide = new byte[13];
                rnd.nextBytes(wide);
                wide[12] &= 0x0f;  // 100 bits
                long mid = rnd.nextLong() & ((1L << 40) - 1);
                dut.pokeWide(dut.id("wide_in"), wide);
                dut.poke("mid_in", mid);
                dut.step(1);
                assertArrayEquals(wide, dut.peekWide(dut.id("wide_out")));
                assertEquals(mid, dut.peek("mid_out"));
                dut.eval();
                assertEquals(mid + dut.peek("count"), dut.peek("mid_sum"));
            }
        }
    }

    @Test
    void badPokesAreRefusedWithTheirReason() {
        try (Dut dut = lib.openDut()) {
            BridgeException tooWide = assertThrows(BridgeException.class, () -> dut.poke("en", 2));
            assertTrue(tooWide.getMessage().contains("does not fit port en"), tooWide.getMessage());
            BridgeException output = assertThrows(BridgeException.class, () -> dut.poke("count", 1));
            assertTrue(output.getMessage().contains("not an input"), output.getMessage());
            assertThrows(BridgeException.class, () -> dut.peek("wide_out"));  // > 64 bits needs peekWide
            assertThrows(BridgeException.class, () -> dut.id("nonexistent"));
        }
    }

    @Test
    void sessionRefusesAnotherThread() throws Exception {
        try (Dut dut = lib.openDut()) {
            Throwable[] seen = new Throwable[1];
            Thread t = new Thread(() -> {
                try {
                    dut.step(1);
                } catch (Throwable e) {
                    seen[0] = e;
                }
            });
            t.start();
            t.join();
            assertTrue(seen[0] instanceof BridgeException && seen[0].getMessage().contains("confined"),
                    String.valueOf(seen[0]));
        }
    }
}
