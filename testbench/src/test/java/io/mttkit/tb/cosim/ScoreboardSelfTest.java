package io.mttkit.tb.cosim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mttkit.gen.walker.WalkerParams;
import io.mttkit.golden.Access;
import io.mttkit.golden.MttMode;
import io.mttkit.golden.tables.BuildOptions;
import io.mttkit.golden.tables.Region;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The scoreboard itself: an RTL built for one configuration, compared with a golden model configured for
 * another, must be reported at the first differing check, with the report the verification plan asks for.
 */
class ScoreboardSelfTest {
    @org.junit.jupiter.api.BeforeAll
    static void tools() {
        Bench.requireTools();
    }

    @Test
    void aConfigurationDifferenceIsReportedWithFieldsReadsAndEvents() {
        WalkerParams rtl = Bench.RV64;                      // v0.1 1G_* leaves reported as 32 MiB
        WalkerParams golden = new WalkerParams(64, rtl.formats(), rtl.paw(), rtl.sdidLen(), rtl.idWidth(),
                rtl.rsvdTupleScope(), true, rtl.bigEndianSupport(), rtl.pmpLatency()); // ... as 1 GiB
        TableWorld w = TableWorld.build(MttMode.SMMTT46, List.of(
                        new Region(0xB000_0000L, 1L << 16, Access.R | Access.W), new Region(0xC000_0000L, 1L << 30, Access.R | Access.W)),
                BuildOptions.DEFAULT);
        CheckerLibrary lib = Checkers.of(rtl);
        try (CosimHarness h = new CosimHarness(lib, w.memory(), SessionSettings.simple(3), Checkers.describe(golden))) {
            CheckRequest ok = CheckRequest.of(MttMode.SMMTT46, w.rootPpn(), 0xB000_0000L, Access.R, false);
            CheckRequest oneGig = CheckRequest.of(MttMode.SMMTT46, w.rootPpn(), 0xC123_4000L, Access.R, false);
            CosimMismatchException e = assertThrows(CosimMismatchException.class, () -> h.run(List.of(ok, ok, oneGig)));
            String report = e.getMessage();
            assertTrue(report.contains("request index 2"), report);
            assertTrue(report.contains("leaf_log2      expected 30"), report);
            assertTrue(report.contains("L1[45:25]=0x"), report);
            assertTrue(report.contains("MPTE reads"), report);
            assertTrue(report.contains("last events"), report);
            assertEquals(2, h.totals().checks(), "the two checks before the mismatch matched");
        }
    }

    @Test
    void requestsTheRtlCannotCarryAreRefusedBeforeTheRun() {
        TableWorld w = TableWorld.build(MttMode.SMMPT34, List.of(new Region(0xB000_0000L, 1 << 16, Access.R)));
        try (CosimHarness h = new CosimHarness(Checkers.of(Bench.RV32), w.memory(), SessionSettings.simple(1))) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> h.run(List.of(CheckRequest.of(MttMode.SMMPT34, w.rootPpn(), 1L << 34, Access.R, false))));
            assertTrue(e.getMessage().contains("34-bit req_pa"), e.getMessage());
        }
        try (CosimHarness h = new CosimHarness(Checkers.of(Bench.RV64_WIDE), w.memory(), SessionSettings.simple(1))) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> h.run(List.of(CheckRequest.of(MttMode.SMMPT43, w.rootPpn(), 0, Access.R, true))));
            assertTrue(e.getMessage().contains("bigEndianSupport off"), e.getMessage());
        }
    }
}
