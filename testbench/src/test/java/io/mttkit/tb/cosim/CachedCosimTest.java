package io.mttkit.tb.cosim;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mttkit.gen.cache.CacheShape;
import io.mttkit.gen.walker.WalkerParams;
import io.mttkit.gen.walker.WalkerParams.Formats;
import io.mttkit.gen.walker.WalkerParams.TupleScope;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Seeded random co-simulation of cached checkers: every check's verdict and reads against the golden model, and every
 * cache event (hit/miss with array/set/way, walk-cache hits, fills, evictions, the entries each applied invalidation
 * clears) against the golden cache model, with fences of all four kinds, MINVAL batches with backpressure and table
 * entries rewritten mid-stream without a fence. Geometry corners beyond the shipped defaults.
 */
class CachedCosimTest {
    @BeforeAll
    static void tools() {
        Bench.requireTools();
    }

    static final long CHECKS = Long.getLong("mttkit.cosim.cachedChecks", 20_000);
    static final long SEED = Long.getLong("mttkit.cosim.seed", 20261122);

    static Stream<Arguments> configurations() {
        return Stream.of(
                Arguments.of(new WalkerParams(64, Formats.BOTH, 56, 6, 8, TupleScope.ANY, false, true, 1),
                        new CacheShape(2, 2, 2, 2, 2, true)),
                Arguments.of(new WalkerParams(32, Formats.BOTH, 34, 2, 4, TupleScope.SELECTED, true, true, 2),
                        new CacheShape(1, 1, 1, 0, 1, false)),
                Arguments.of(new WalkerParams(64, Formats.V09, 48, 0, 5, TupleScope.SELECTED, false, false, 1),
                        new CacheShape(4, 8, 4, 1, 6, false)));
    }

    @ParameterizedTest
    @MethodSource("configurations")
    void cachedCheckerMatchesTheGoldenModels(WalkerParams params, CacheShape shape) {
        CheckerLibrary lib = Checkers.of(params, shape);
        RegressionResult r = Regression.run(lib, SEED, CHECKS);
        assertTrue(r.passed(), () -> r.firstMismatch());
        java.util.Map<String, Long> stats = new java.util.LinkedHashMap<>();
        for (int i = 0; i < r.cache().length; i++) {
            stats.put(CosimHarness.CACHE_STATS.get(i), r.cache()[i]);
        }
        System.out.printf("%s: %d checks, %.0f checks/s, cache %s%n", lib.top(), r.checks(), r.checksPerSecond(), stats);
        // the stimulus reaches every cache behaviour the scoreboard compares
        for (String s : java.util.List.of("hit_leaf", "hit_superpage", "miss", "fill_leaf", "fill_superpage", "evict",
                "invalidations_applied", "entries_cleared", "stale_walks", "syncs")) {
            assertTrue(stats.get(s) > 0, s + " never happened: " + stats);
        }
        if (shape.walkCacheEntries() > 0) {
            assertTrue(stats.get("walk_hit") > 0 && stats.get("fill_walk") > 0, "walk cache unused: " + stats);
        }
    }
}
