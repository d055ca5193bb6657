package io.mttkit.tb.cosim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mttkit.golden.Access;
import io.mttkit.golden.MttMode;
import io.mttkit.golden.TableFormat;
import io.mttkit.golden.tables.BuildOptions;
import io.mttkit.golden.tables.Region;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The cached checker's timing targets (issue #5, docs/checker.md), per mode on the shipped configuration that
 * implements it, with no stalls: a miss walks in {@code 2 + levels × (pmpLatency + memory latency + 1)} cycles; a hit
 * answers in the cycle after the handshake; a miss whose last table comes from the walk cache reads one entry; and
 * hits stream at one check per cycle.
 */
class CachedTimingTest {
    @BeforeAll
    static void tools() {
        Bench.requireTools();
    }

    static Stream<MttMode> modes() {
        return Bench.allModes();
    }

    private static String shippedFor(MttMode mode) {
        return "rv" + mode.xlen() + "-" + (mode.format() == TableFormat.SMMPT_V0_9 ? "smmpt" : "smmtt");
    }

    @ParameterizedTest
    @MethodSource("modes")
    void hitsTakeOneCycleAndStreamAtOneCheckPerCycle(MttMode mode) {
        CheckerLibrary lib = CheckerLibrary.shipped(shippedFor(mode));
        TableWorld world = TableWorld.build(mode, List.of(new Region(Bench.TARGET, 1 << 20, Access.R | Access.W | Access.X)),
                BuildOptions.DEFAULT.withUseNapot(false));
        int mem = 3;
        int perLevel = lib.description().pmpLatency() + mem + 1;
        SessionSettings s = SessionSettings.simple(1).withLatency(mem, mem);
        try (CosimHarness h = new CosimHarness(lib, world.memory(), s)) {
            h.run(List.of(
                    CheckRequest.of(mode, world.rootPpn(), Bench.TARGET, Access.R, false),              // cold miss
                    CheckRequest.of(mode, world.rootPpn(), Bench.TARGET + 0x3000, Access.W, false),     // same leaf
                    CheckRequest.of(mode, world.rootPpn(), Bench.TARGET + 0x10000, Access.R, false)));  // another leaf
            List<Long> lat = h.latencies();
            List<CheckAnswer> ans = h.answers();
            assertFalse(ans.get(0).hit());
            assertEquals(2 + mode.levels() * perLevel, lat.get(0), "cold miss: a full walk");
            assertTrue(ans.get(1).hit(), "the same 64 KiB (32 KiB) leaf must hit");
            assertEquals(1, lat.get(1), "a hit answers in the cycle after the handshake");
            assertFalse(ans.get(2).hit());
            assertEquals(2 + perLevel, lat.get(2), "the walk cache supplies the last table: one read");

            long before = h.totals().cycles();
            List<CheckRequest> hits = new ArrayList<>();
            int pagesPerLeaf = mode.xlen() == 64 ? 16 : 8; // the first leaf: 64 KiB (RV64) or 32 KiB (RV32)
            for (int i = 0; i < 256; i++) {
                hits.add(CheckRequest.of(mode, world.rootPpn(), Bench.TARGET + (i % pagesPerLeaf) * 0x1000L, Access.R,
                        false));
            }
            h.run(hits);
            long cycles = h.totals().cycles() - before;
            assertTrue(h.answers().stream().allMatch(CheckAnswer::hit), "every check of the stream hits");
            // one check per cycle: 256 handshakes in 256 consecutive cycles, plus the last response's cycle
            assertTrue(cycles <= 256 + 2, "256 hits took " + cycles + " cycles");
        }
    }
}
