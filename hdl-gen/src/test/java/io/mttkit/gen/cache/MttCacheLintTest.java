package io.mttkit.gen.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.mttkit.hdl.Hdl;
import io.mttkit.hdl.support.Tools;
import io.mttkit.hdl.support.Verilator;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The cache passes {@code verilator --lint-only -Wall} with no warning for the defaults and the corners of the
 * parameter space: 1 way, 16 ways, 1 set, no walk cache, 1-entry arrays, sdidLen 0, queue depth 1 and 64.
 */
class MttCacheLintTest {
    @BeforeEach
    void tools() {
        Tools.requireVerilator();
    }

    static Stream<MttCacheParams> configurations() {
        return Stream.of(
                MttCacheParams.defaults(64),
                MttCacheParams.defaults(32),
                MttCacheParams.of(64, 56, 4, 1, 2, 2, 6, 4, true, false),       // 1 way
                MttCacheParams.of(64, 64, 2, 16, 4, 4, 3, 3, false, true),      // 16 ways, paw 64
                MttCacheParams.of(64, 32, 1, 4, 1, 0, 0, 1, true, false),       // 1 set, no walk cache, sdidLen 0
                MttCacheParams.of(32, 32, 1, 1, 1, 1, 1, 64, true, false),      // everything minimal, deep queue
                MttCacheParams.of(32, 34, 8, 2, 16, 8, 6, 5, false, false));
    }

    @ParameterizedTest
    @MethodSource("configurations")
    void lintsCleanWithAllWarnings(MttCacheParams params) throws Exception {
        Verilator.Run r = Verilator.lint(Hdl.elaborate(new MttCache(params)));
        assertEquals("", r.output().trim(), "verilator -Wall output for " + params);
        assertEquals(0, r.exitCode());
    }
}
