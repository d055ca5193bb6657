package io.mttkit.gen;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.mttkit.gen.cache.CacheShape;
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
import org.junit.jupiter.params.provider.Arguments;
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

    /** The cached top over the same walker corners, each with a different cache geometry corner. */
    static Stream<Arguments> cachedConfigurations() {
        List<WalkerParams> walkers = configurations().toList();
        List<CacheShape> shapes = List.of(CacheShape.DEFAULT, new CacheShape(1, 1, 1, 0, 1, false),
                new CacheShape(2, 16, 2, 1, 64, true), new CacheShape(256, 2, 64, 64, 2, false),
                new CacheShape(4, 1, 4, 2, 3, true));
        List<Arguments> out = new ArrayList<>();
        for (int i = 0; i < walkers.size(); i++) {
            out.add(Arguments.of(walkers.get(i), i < 6 ? CacheShape.DEFAULT : shapes.get(i % shapes.size())));
        }
        return out.stream();
    }

    @ParameterizedTest
    @MethodSource("cachedConfigurations")
    void cachedTopLintsCleanWithAllWarnings(WalkerParams params, CacheShape shape) throws Exception {
        Verilator.Run r = Verilator.lint(Hdl.elaborate(new MttChecker(params, shape)));
        assertEquals("", r.output().trim(), "verilator -Wall output for " + params + " " + shape);
        assertEquals(0, r.exitCode());
    }
}
