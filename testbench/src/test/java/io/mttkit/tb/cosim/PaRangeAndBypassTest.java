package io.mttkit.tb.cosim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.mttkit.golden.Access;
import io.mttkit.golden.Cause;
import io.mttkit.golden.LookupResult;
import io.mttkit.golden.MttMode;
import io.mttkit.golden.tables.BuildOptions;
import io.mttkit.golden.tables.Region;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** VERIFICATION-PLAN §4 items 1, 2, 3 and 27: PA range, last indices, Bare and bypass (every mode). */
class PaRangeAndBypassTest {
    @org.junit.jupiter.api.BeforeAll
    static void tools() {
        Bench.requireTools();
    }

    static java.util.stream.Stream<MttMode> modes() {
        return Bench.allModes();
    }

    /** §4.1: the first PA bit above the mode width → PA_RANGE, zero reads (RV32 PAs have no bit 34). */
    @ParameterizedTest
    @MethodSource("modes")
    void item01_paBitAboveModeWidth(MttMode mode) {
        Bench b = Bench.of(mode.xlen() == 64 ? Bench.RV64_WIDE : Bench.RV32, mode);
        assumeTrue(mode.paBits() < b.params.paWidth(), "no PA bit above " + mode.paBits() + " exists at this XLEN");
        List<CheckRequest> reqs = new ArrayList<>();
        for (int bit = mode.paBits(); bit < b.params.paWidth(); bit++) {
            reqs.add(CheckRequest.of(mode, b.world.rootPpn(), Bench.TARGET | (1L << bit), Access.R, false));
        }
        for (LookupResult r : b.checks(reqs)) {
            Bench.assertCause(Cause.PA_RANGE, r);
            assertEquals(0, r.readCount());
        }
    }

    /** §4.2: a PA above paw but inside the mode width → PA_RANGE, no read past the table. */
    @ParameterizedTest
    @MethodSource("modes")
    void item02_paAbovePawInsideModeWidth(MttMode mode) {
        Bench b = Bench.of(mode.xlen() == 64 ? Bench.RV64_ALT : Bench.RV32_ALT, mode);
        int paw = b.params.paw();
        assumeTrue(paw < mode.paBits(), "paw " + paw + " is not below the mode width " + mode.paBits());
        List<CheckRequest> reqs = new ArrayList<>();
        for (int bit = paw; bit < mode.paBits(); bit++) {
            reqs.add(CheckRequest.of(mode, b.world.rootPpn(), Bench.TARGET | (1L << bit), Access.R, false));
        }
        reqs.add(CheckRequest.of(mode, b.world.rootPpn(), Bench.TARGET, Access.R, false)); // still inside
        List<LookupResult> rs = b.checks(reqs);
        for (int i = 0; i < rs.size() - 1; i++) {
            Bench.assertCause(Cause.PA_RANGE, rs.get(i));
            assertEquals(0, rs.get(i).readCount());
        }
        assertEquals(Cause.NONE, rs.get(rs.size() - 1).cause());
    }

    /** §4.3: the PA with every bit below the mode width (and paw) set: the last index at every level. */
    @ParameterizedTest
    @MethodSource("modes")
    void item03_allOnesBelowModeWidth(MttMode mode) {
        var params = mode.xlen() == 64 ? Bench.RV64_WIDE : Bench.RV32;
        int width = Math.min(mode.paBits(), params.paw());
        long top = width == 64 ? -1L : (1L << width) - 1;
        long regionBase = (top & ~0xFFFFFL);
        Bench b = new Bench(params, mode, List.of(new Region(regionBase, 1 << 20, Access.R | Access.W)),
                BuildOptions.DEFAULT.withUseNapot(false));
        LookupResult r = b.check(top, Access.R);
        assertEquals(Cause.NONE, r.cause(), () -> r.toString());
        assertEquals(mode.levels(), r.readCount(), "a full walk");
        if (mode == MttMode.SMMPT64) {
            // bit 63 set is legal in Smmpt64: a 12-bit root index into the 32 KiB root
            LookupResult r2 = b.check(top, Access.W);
            assertEquals(Cause.NONE, r2.cause());
            assertEquals(b.world.rootPpn() * 4096 + 0xFFFL * 8, r2.readAddr(0));
        }
    }

    /** §4.27: Bare mode and effective M (bypass) → allow, no reads; an unimplemented mode fails safe. */
    @ParameterizedTest
    @MethodSource("modes")
    void item27_bareAndBypassMakeNoReads(MttMode mode) {
        Bench b = Bench.of(mode);
        long root = b.world.rootPpn();
        List<CheckRequest> reqs = List.of(
                CheckRequest.bypass(mode, root, Bench.TARGET, Access.W),
                CheckRequest.bypass(mode, root, -1L >>> (64 - b.params.paWidth()), Access.X), // every PA bit set
                CheckRequest.of(MttMode.BARE, root, Bench.TARGET, Access.R, false),
                // Bare of the other format: req_mode = {1, 0}
                new CheckRequest(Bench.TARGET, Access.R, MttMode.BARE, 16, root, 0, false, false),
                // a MODE value no configuration implements (driver error): deny with PA_RANGE, no reads
                CheckRequest.rawMode(16 | 7, root, Bench.TARGET, Access.R),
                CheckRequest.rawMode(mode.xlen() == 64 ? 16 | 4 : 2, root, Bench.TARGET, Access.R),
                CheckRequest.of(mode, root, Bench.TARGET, Access.R, false));
        List<LookupResult> rs = b.checks(reqs);
        for (int i = 0; i < 6; i++) {
            assertNull(rs.get(i), "answered by the contract, not the golden model");
        }
        assertEquals(Cause.NONE, rs.get(6).cause());
    }
}
