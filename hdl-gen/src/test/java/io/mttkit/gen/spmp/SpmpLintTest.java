package io.mttkit.gen.spmp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.mttkit.gen.walker.WalkerParams;
import io.mttkit.hdl.Hdl;
import io.mttkit.hdl.support.Tools;
import io.mttkit.hdl.support.Verilator;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code mtt_spmp} passes {@code verilator --lint-only -Wall} with no warning at 8, 16 and 64 entries × RV32/RV64 ×
 * 0/1 pipeline stage, and at the corners (1 entry, 33 entries on RV32 for {@code spmpenh}, no Sspmpen, G = 1 and 3,
 * the smallest paw).
 */
class SpmpLintTest {
    @BeforeEach
    void tools() {
        Tools.requireVerilator();
    }

    static List<SpmpParams> configurations() {
        List<SpmpParams> out = new ArrayList<>();
        for (int n : new int[] {8, 16, 64}) {
            for (int xlen : new int[] {32, 64}) {
                for (int pipeline = 0; pipeline < 2; pipeline++) {
                    out.add(new SpmpParams(xlen, n, 0, true, pipeline, xlen == 32 ? 34 : 56));
                }
            }
        }
        out.add(new SpmpParams(64, 1, 0, true, 0, 56));
        out.add(new SpmpParams(32, 33, 1, true, 1, 32));
        out.add(new SpmpParams(64, 5, 3, false, 0, 34));
        out.add(new SpmpParams(32, 2, 2, false, 1, 34));
        return out;
    }

    /** The composed top ({@code mtt_spmp_checker}) at both XLENs and pipeline depths, and at 64 entries. */
    static List<SpmpMptChecker> composed() {
        return List.of(composed(new SpmpParams(64, 16, 0, true, 0, 56)), composed(new SpmpParams(64, 64, 2, false, 1, 56)),
                composed(new SpmpParams(32, 8, 0, true, 1, 34)), composed(new SpmpParams(32, 40, 1, true, 0, 32)));
    }

    static SpmpMptChecker composed(SpmpParams sp) {
        WalkerParams d = WalkerParams.defaults(sp.xlen());
        return new SpmpMptChecker(sp, new WalkerParams(sp.xlen(), d.formats(), sp.paw(), d.sdidLen(), d.idWidth(),
                d.rsvdTupleScope(), d.v01OneGigAsOneGiB(), d.bigEndianSupport(), d.pmpLatency()));
    }

    @ParameterizedTest
    @MethodSource("composed")
    void composedTopLintsCleanWithAllWarnings(SpmpMptChecker top) throws Exception {
        Verilator.Run r = Verilator.lint(Hdl.elaborate(top));
        assertEquals("", r.output().trim(), "verilator -Wall output");
        assertEquals(0, r.exitCode());
    }

    @ParameterizedTest
    @MethodSource("configurations")
    void spmpLintsCleanWithAllWarnings(SpmpParams p) throws Exception {
        Verilator.Run r = Verilator.lint(Hdl.elaborate(new SpmpChecker(p)));
        assertEquals("", r.output().trim(), "verilator -Wall output for " + p);
        assertEquals(0, r.exitCode());
    }
}
