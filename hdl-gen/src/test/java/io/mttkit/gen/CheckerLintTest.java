package io.mttkit.gen;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.mttkit.gen.checker.MttChecker;
import io.mttkit.gen.walker.WalkerParams;
import io.mttkit.gen.walker.WalkerParams.Formats;
import io.mttkit.gen.walker.WalkerParams.TupleScope;
import io.mttkit.hdl.Hdl;
import io.mttkit.hdl.support.Tools;
import io.mttkit.hdl.support.Verilator;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every emitted module of the checker passes {@code verilator --lint-only -Wall} with no warning, across the
 * parameter space: both XLENs × each format choice, and the corners of paw, sdidLen, idWidth, scope, flags and
 * PMP latency.
 */
class CheckerLintTest {
    @BeforeEach
    void tools() {
        Tools.requireVerilator();
    }

    static Stream<WalkerParams> configurations() {
        List<WalkerParams> out = new ArrayList<>();
        for (int xlen : new int[] {32, 64}) {
            for (Formats f : Formats.values()) {
                out.add(new WalkerParams(xlen, f, WalkerParams.defaultPaw(xlen), 6, 8, TupleScope.ANY, false, true, 1));
            }
        }
        out.add(new WalkerParams(64, Formats.BOTH, 32, 0, 1, TupleScope.SELECTED, true, false, 4));
        out.add(new WalkerParams(64, Formats.BOTH, 64, 1, 16, TupleScope.SELECTED, false, true, 2));
        out.add(new WalkerParams(64, Formats.V09, 57, 3, 5, TupleScope.ANY, true, false, 3));
        out.add(new WalkerParams(32, Formats.BOTH, 32, 0, 3, TupleScope.SELECTED, true, false, 2));
        out.add(new WalkerParams(32, Formats.V01, 33, 6, 16, TupleScope.ANY, false, true, 4));
        return out.stream();
    }

    @ParameterizedTest
    @MethodSource("configurations")
    void lintsCleanWithAllWarnings(WalkerParams params) throws Exception {
        Verilator.Run r = Verilator.lint(Hdl.elaborate(new MttChecker(params)));
        assertEquals("", r.output().trim(), "verilator -Wall output for " + params);
        assertEquals(0, r.exitCode());
    }
}
