package io.mttkit.tb.cosim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.mttkit.golden.Access;
import io.mttkit.golden.Cause;
import io.mttkit.golden.LookupResult;
import io.mttkit.golden.MttMode;
import io.mttkit.golden.tables.BuildOptions;
import io.mttkit.golden.tables.Region;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** VERIFICATION-PLAN §4 items 4, 5 and 36: the Smmpt64 root, RV32 geometry, big-endian entries. */
class GeometryAndEndianTest {
    @org.junit.jupiter.api.BeforeAll
    static void tools() {
        Bench.requireTools();
    }

    static final int R = Access.R;
    static final int W = Access.W;
    static final int X = Access.X;

    static Stream<MttMode> modes() {
        return Bench.allModes();
    }

    /**
     * §4.4: the Smmpt64 root is 32 KiB; {@code mmpt.PPN[2:0]} read as zero is the CSR's legalisation (SD #17), so
     * the checker receives an aligned PPN. The walker's root index covers all 4096 entries from that PPN; a PPN
     * with low bits set (which the CSR never delivers) gives the same addresses in RTL and golden model.
     */
    @Test
    void item04_smmpt64RootIndexCovers32KiB() {
        Bench b = new Bench(Bench.RV64_WIDE, MttMode.SMMPT64,
                List.of(new Region(0xB000_0000L, 1 << 20, R | W), new Region(0xFFF0_0000_0000_0000L, 1 << 20, R | X)),
                BuildOptions.DEFAULT.withUseNapot(false));
        long root = b.world.rootPpn();
        assertEquals(0, root & 7, "the builder aligns the Smmpt64 root to 32 KiB");
        List<LookupResult> rs = b.checks(List.of(
                CheckRequest.of(MttMode.SMMPT64, root, 0xFFF0_0000_0000_5000L, X, false),
                CheckRequest.of(MttMode.SMMPT64, root, 0xB000_5000L, W, false),
                CheckRequest.of(MttMode.SMMPT64, root | 5, 0xFFF0_0000_0000_5000L, X, false)));
        assertEquals(Cause.NONE, rs.get(0).cause());
        assertEquals((root << 12) + 0xFFFL * 8, rs.get(0).readAddr(0), "root index pn[4] = PA[63:52]");
        assertEquals(Cause.NONE, rs.get(1).cause());
    }

    /** §4.5: RV32: 4-byte entries, 10-bit level-0 index, 8 tuples, 34-bit PAs. */
    @ParameterizedTest
    @MethodSource("modes")
    void item05_rv32Geometry(MttMode mode) {
        assumeTrue(mode.xlen() == 32, "RV32 modes only");
        long high = 0x3_FFF0_0000L; // the last MiB below 2^34: bit 33 set
        Bench b = new Bench(Bench.RV32, mode, List.of(new Region(high, 1 << 20, R | W)), BuildOptions.DEFAULT.withUseNapot(false));
        long lastL0 = 0x3_FFFF_F000L; // level-0 index PA[24:15] = 1023, tuple / nibble 7
        List<LookupResult> rs = b.checks(List.of(
                CheckRequest.of(mode, b.world.rootPpn(), high, R, false),
                CheckRequest.of(mode, b.world.rootPpn(), lastL0, W, false),
                CheckRequest.of(mode, b.world.rootPpn(), lastL0, X, false)));
        assertEquals(Cause.NONE, rs.get(0).cause());
        assertEquals(Cause.NONE, rs.get(1).cause());
        Bench.assertCause(Cause.PERM_DENY, rs.get(2));
        for (LookupResult r : rs) {
            for (int i = 0; i < r.readCount(); i++) {
                assertEquals(4, r.readSize(i));
            }
        }
        assertEquals(b.rv64() ? 0 : 0x3FFL * 4, rs.get(1).readAddr(1) & 0xFFF, "level-0 index 1023");
        if (mode.format() == io.mttkit.golden.TableFormat.SMMPT_V0_9) {
            assertEquals(15, rs.get(1).leafLog2(), "8 tuples of 4 KiB");
        }
    }

    /** §4.36: big-endian tables (4- and 8-byte entries) read with req_be, every mode. */
    @ParameterizedTest
    @MethodSource("modes")
    void item36_bigEndianEntries(MttMode mode) {
        List<Region> regions = List.of(new Region(0xB000_0000L, 1 << 20, R | W), new Region(0xB010_0000L, 1 << 16, R | X),
                new Region(0xC000_0000L, 1L << 30, R | X), new Region(0xB200_0000L, 1 << 21, W | R | X));
        Bench b = new Bench(mode.xlen() == 64 ? Bench.RV64 : Bench.RV32, mode, regions,
                BuildOptions.DEFAULT.withBigEndian(true));
        List<CheckRequest> reqs = new ArrayList<>();
        long[] pas = {0xB000_0000L, 0xB00F_F000L, 0xB010_8000L, 0xC765_4000L, 0xB201_0000L, 0xB300_0000L};
        for (long pa : pas) {
            for (int need : new int[] {R, W, X}) {
                reqs.add(CheckRequest.of(mode, b.world.rootPpn(), pa, need, true));
            }
        }
        // the same tables read little-endian: whatever the bytes mean then, RTL and golden model agree
        for (long pa : pas) {
            reqs.add(CheckRequest.of(mode, b.world.rootPpn(), pa, R, false));
        }
        List<LookupResult> rs = b.checks(reqs);
        assertEquals(Cause.NONE, rs.get(0).cause(), () -> rs.get(0).toString());
        assertEquals(Cause.NONE, rs.get(1).cause());
        Bench.assertCause(Cause.PERM_DENY, rs.get(2));
        assertEquals(Cause.NONE, rs.get(9).cause(), () -> rs.get(9).toString());
    }
}
