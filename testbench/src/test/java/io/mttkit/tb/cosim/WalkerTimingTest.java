package io.mttkit.tb.cosim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.mttkit.gen.walker.WalkerParams;
import io.mttkit.golden.Access;
import io.mttkit.golden.MttMode;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The walker's documented timing (docs/walker.md), in cycles from the request handshake to the response
 * handshake with no stalls: {@code 2 + levels × (pmpLatency + memory latency + 1)} for a full walk, 2 for a PA
 * range fault, 1 for a bypass.
 */
class WalkerTimingTest {
    @org.junit.jupiter.api.BeforeAll
    static void tools() {
        Bench.requireTools();
    }

    static Stream<MttMode> modes() {
        return Bench.allModes();
    }

    @ParameterizedTest
    @MethodSource("modes")
    void cyclesPerCheck(MttMode mode) {
        for (WalkerParams params : mode.xlen() == 64 ? List.of(Bench.RV64, Bench.RV64_ALT) : List.of(Bench.RV32, Bench.RV32_ALT)) {
            Bench b = Bench.of(params, mode);
            for (int mem : new int[] {1, 4}) {
                SessionSettings s = SessionSettings.simple(1).withLatency(mem, mem);
                int rangeBit = Math.min(mode.paBits(), params.paw());
                // a PA range fault: the first bit above the mode width / paw, or (where no such PA fits req_pa)
                // a MODE value no configuration implements, which fails the same way
                CheckRequest outOfRange = rangeBit < params.paWidth()
                        ? CheckRequest.of(mode, b.world.rootPpn(), 1L << rangeBit, Access.R, false)
                        : CheckRequest.rawMode(16 | 7, b.world.rootPpn(), Bench.TARGET, Access.R);
                try (CosimHarness h = new CosimHarness(b.lib, b.world.memory(), s)) {
                    h.run(List.of(
                            CheckRequest.of(mode, b.world.rootPpn(), Bench.TARGET, Access.R, false),
                            outOfRange,
                            CheckRequest.bypass(mode, b.world.rootPpn(), Bench.TARGET, Access.R)));
                    List<Long> lat = h.latencies();
                    assertEquals(2 + mode.levels() * (params.pmpLatency() + mem + 1), lat.get(0), "full walk");
                    assertEquals(2, lat.get(1), "PA range fault");
                    assertEquals(1, lat.get(2), "bypass");
                }
            }
        }
    }
}
