package io.mttkit.tb.cosim;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mttkit.gen.ShippedRtl;
import io.mttkit.golden.Cause;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The default suite's random regression of every shipped configuration ({@code rtl/}, the cached checker): at least
 * 200 000 checks each (issue #5), zero mismatches, with the cache behaviours and the walk outcomes the stimulus is
 * meant to reach, and every coverage bin the testbench can reach hit ({@code CoverageRequirement}, issue #17). Raise with {@code -Dmttkit.cosim.shippedChecks=N}.
 */
class ShippedRegressionTest {
    @BeforeAll
    static void tools() {
        Bench.requireTools();
    }

    static final long CHECKS = Long.getLong("mttkit.cosim.shippedChecks", 200_000);

    /**
     * The blocking shipped checkers. The non-blocking one ({@code rv64-smmpt-nb}) runs its 200 000 checks under
     * {@code mtt regress --config rv64-smmpt-nb} (docs/nonblocking.md); the default suite gives it a short regression
     * ({@code NonBlockingRegressionTest}), so that this test does not grow by minutes.
     */
    static Stream<String> shipped() {
        return ShippedRtl.ALL.stream().filter(s -> !s.settings().containsKey("walksInFlight"))
                .map(ShippedRtl.Shipped::name);
    }

    @ParameterizedTest
    @MethodSource("shipped")
    void shippedConfigurationMatchesTheGoldenModels(String name) {
        CheckerLibrary lib = CheckerLibrary.shipped(name);
        RegressionResult r = Regression.run(lib, 20261122L, CHECKS);
        assertTrue(r.passed(), r::firstMismatch);
        assertTrue(r.checks() >= CHECKS - lib.description().modes().size(), "checks run: " + r.checks());
        Map<String, Long> cache = new LinkedHashMap<>();
        for (int i = 0; i < r.cache().length; i++) {
            cache.put(CosimHarness.CACHE_STATS.get(i), r.cache()[i]);
        }
        System.out.printf("%s: %d checks, %.0f checks/s, causes %s, cache %s%n", name, r.checks(), r.checksPerSecond(),
                Arrays.toString(r.causes()), cache);
        long[] c = r.causes();
        assertTrue(c[Cause.NONE.ordinal()] > 0 && c[Cause.PERM_DENY.ordinal()] > 0, Arrays.toString(c));
        // issue #17: every bin this testbench can reach is reached on every shipped configuration
        java.util.List<io.mttkit.tb.coverage.CoverageRequirement.Hole> missing =
                io.mttkit.tb.coverage.CoverageRequirement.missing(r.coverage());
        assertTrue(missing.isEmpty(), name + ": reachable coverage bins never hit: " + missing);
        for (String s : new String[] {"hit_leaf", "hit_superpage", "miss", "walk_hit", "fill_leaf", "fill_superpage",
                "fill_walk", "evict", "invalidations_applied", "entries_cleared", "stale_walks", "syncs"}) {
            assertTrue(cache.get(s) > 0, s + " never happened in " + name + ": " + cache);
        }
    }
}
