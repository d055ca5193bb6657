package io.mttkit.gen.iompt;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.mttkit.gen.cache.CacheShape;
import io.mttkit.gen.iompt.IoMptParams.Mbe;
import io.mttkit.gen.iompt.IoMptParams.StatusCodes;
import io.mttkit.hdl.Hdl;
import io.mttkit.hdl.support.Tools;
import io.mttkit.hdl.support.Verilator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every emitted module of the I/O checker passes {@code verilator --lint-only -Wall} with no warning, at the
 * defaults of both XLENs and at the corners of the rule, SDID, IOMMU and source-ID counts and the flags.
 */
class IoMptLintTest {
    @BeforeEach
    void tools() {
        Tools.requireVerilator();
    }

    static Stream<IoMptParams> configurations() {
        return Stream.of(IoMptParams.defaults(64), IoMptParams.defaults(32),
                new IoMptParams(64, 1, 1, 0, 1, false, StatusCodes.PROSE, true, Mbe.LITTLE, false, 32, 1, 1),
                new IoMptParams(64, 256, 64, 256, 24, true, StatusCodes.TABLE, true, Mbe.BIG, true, 64, 16, 4),
                new IoMptParams(64, 5, 3, 4, 16, true, StatusCodes.TABLE, false, Mbe.WRITABLE, true, 57, 8, 2),
                new IoMptParams(32, 7, 33, 1, 8, false, StatusCodes.PROSE, true, Mbe.WRITABLE, true, 33, 3, 1));
    }

    @ParameterizedTest
    @MethodSource("configurations")
    void frontLintsCleanWithAllWarnings(IoMptParams p) throws Exception {
        Verilator.Run r = Verilator.lint(Hdl.elaborate(new IoMptFront(p)));
        assertEquals("", r.output().trim(), "verilator -Wall output for " + p);
        assertEquals(0, r.exitCode());
    }

    @ParameterizedTest
    @MethodSource("configurations")
    void checkerLintsCleanWithAllWarnings(IoMptParams p) throws Exception {
        Verilator.Run r = Verilator.lint(Hdl.elaborate(new IoMptChecker(p)));
        assertEquals("", r.output().trim(), "verilator -Wall output for " + p);
        assertEquals(0, r.exitCode());
    }

    /** The cached top at the shipped geometry and at the cache's corners (1 set x 1 way, no walk cache, RV32). */
    static Stream<Arguments> cachedConfigurations() {
        return Stream.of(Arguments.of(IoMptParams.defaults(64), new CacheShape(16, 4, 8, 4, 1, true)),
                Arguments.of(IoMptParams.defaults(32), new CacheShape(16, 4, 8, 4, 1, true)),
                Arguments.of(new IoMptParams(64, 1, 1, 0, 1, false, StatusCodes.PROSE, true, Mbe.LITTLE, false, 32, 1, 1),
                        new CacheShape(1, 1, 1, 0, 1, true)),
                Arguments.of(new IoMptParams(64, 5, 3, 4, 16, true, StatusCodes.TABLE, false, Mbe.WRITABLE, true, 64, 8,
                        2), new CacheShape(2, 2, 2, 1, 1, true)),
                Arguments.of(new IoMptParams(32, 7, 33, 1, 8, false, StatusCodes.PROSE, true, Mbe.WRITABLE, true, 33, 3,
                        1), new CacheShape(256, 1, 4, 2, 1, true)));
    }

    @ParameterizedTest
    @MethodSource("cachedConfigurations")
    void cachedCheckerLintsCleanWithAllWarnings(IoMptParams p, CacheShape shape) throws Exception {
        Verilator.Run r = Verilator.lint(Hdl.elaborate(new IoMptChecker(p, shape)));
        assertEquals("", r.output().trim(), "verilator -Wall output for " + p + " " + shape);
        assertEquals(0, r.exitCode());
    }

    static List<IoMptParams> all() {
        return configurations().toList();
    }
}
