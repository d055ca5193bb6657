package io.mttkit.tb.cosim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mttkit.gen.walker.WalkerParams;
import io.mttkit.gen.walker.WalkerParams.Formats;
import io.mttkit.gen.walker.WalkerParams.TupleScope;
import io.mttkit.golden.Cause;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Seeded random co-simulation per configuration ({@link Regression}): 50 000 checks (by default) each over every mode the
 * configuration implements, with corrupted entries, random PAs, latency 1..8, backpressure, bus errors and PMP
 * regions over table pages; zero mismatches. The number of checks can be raised with
 * {@code -Dmttkit.cosim.checks=N} and the seed changed with {@code -Dmttkit.cosim.seed=S}.
 */
class RandomCosimTest {
    @org.junit.jupiter.api.BeforeAll
    static void tools() {
        Bench.requireTools();
    }

    static final long CHECKS = Long.getLong("mttkit.cosim.checks", 50_000);
    static final long SEED = Long.getLong("mttkit.cosim.seed", 20261122);

    static Stream<WalkerParams> configurations() {
        return Stream.of(Bench.RV64, Bench.RV32, Bench.RV64_ALT, Bench.RV32_ALT, Bench.RV64_WIDE,
                new WalkerParams(64, Formats.V09, 52, 2, 3, TupleScope.ANY, false, true, 4),
                new WalkerParams(32, Formats.V01, 34, 6, 12, TupleScope.SELECTED, false, false, 1));
    }

    @ParameterizedTest
    @MethodSource("configurations")
    void randomChecksMatchTheGoldenModel(WalkerParams params) {
        RegressionResult r = Regression.run(Checkers.of(params), SEED, CHECKS);
        assertTrue(r.passed(), () -> r.firstMismatch());
        assertTrue(r.checks() >= CHECKS - Checkers.describe(params).modes().size(), "checks run: " + r.checks());
        // the stimulus reaches the verdicts it is meant to reach
        long[] c = r.causes();
        assertTrue(c[Cause.NONE.ordinal()] > 0 && c[Cause.PERM_DENY.ordinal()] > 0, java.util.Arrays.toString(c));
        assertTrue(c[Cause.WALK_PMP.ordinal()] > 0 && c[Cause.WALK_BUS_ERROR.ordinal()] > 0, java.util.Arrays.toString(c));
        assertTrue(c[Cause.MPTE_RSVD_BITS.ordinal()] > 0 && c[Cause.MPTE_RSVD_ENC.ordinal()] > 0, java.util.Arrays.toString(c));
        System.out.printf("%s: %d checks, %.0f checks/s, %d cycles, %d reads, causes %s%n", Checkers.of(params).top(),
                r.checks(), r.checksPerSecond(), r.cycles(), r.reads(), java.util.Arrays.toString(c));
    }

    @Test
    void sameSeedSameRun() {
        RegressionResult a = Regression.run(Checkers.of(Bench.RV32), 99, 2_000);
        RegressionResult b = Regression.run(Checkers.of(Bench.RV32), 99, 2_000);
        assertTrue(a.passed(), a::firstMismatch);
        assertEquals(a.cycles(), b.cycles());
        assertEquals(a.reads(), b.reads());
        assertArrayEquals(a.causes(), b.causes());
    }
}
