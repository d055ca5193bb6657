package io.mttkit.tb.coverage;

import io.mttkit.tb.cosim.Checkers;
import io.mttkit.tb.cosim.RegressionResult;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mttkit.gen.Configurations;
import io.mttkit.gen.checker.CheckerConfigurations;
import io.mttkit.gen.walker.WalkerParams;
import io.mttkit.tb.cosim.CheckerLibrary;
import io.mttkit.tb.cosim.CosimHarness;
import io.mttkit.tb.cosim.Regression;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A short random regression of the shipped cached checker fills every cache group, and its bins add up to the
 * scoreboard's own counters of compared cache events (counted independently of the observations the bins are
 * sampled from); a cache-less checker's coverage has no cache groups at all.
 */
class RegressionCacheCoverageTest {
    static final long SEED = 20261122;

    /** Skips without Verilator, unless MTTKIT_REQUIRE_TOOLS=1 (CI), as the cosim tests do. */
    @BeforeAll
    static void tools() {
        io.mttkit.tb.ToolGate.requireVerilator();
    }

    @Test
    void cachedRegressionFillsEveryCacheGroup() {
        CheckerLibrary lib = CheckerLibrary.shipped("rv64-smmpt");
        RegressionResult r = Regression.run(lib, SEED, 20_000);
        assertTrue(r.passed(), r::firstMismatch);
        CoverageDb db = r.coverage();
        System.out.println(db.summary(400));
        assertEquals(new CheckerCoverage(lib.description()).db().groups(), db.groups(),
                "Regression must build its coverage with the checker's cache shape: new CheckerCoverage(Checkers.describe(lib.description(), "
                        + "lib.cache())) where it builds the per-world and the combined model");
        for (String g : CacheCoverage.GROUPS) {
            // R2 (an invalidation applied in a walk's response cycle) needs a full queue or a waiting sync in that
            // very cycle: 20 000 random checks may not reach it (docs/coverage.md); its bins are checked below
            assertTrue(g.equals(CacheCoverage.FENCE_FILL) || db.hitBins(g) > 0, "cache group " + g + " was never sampled");
        }
        // every compared cache event is binned exactly once where it is binned per event
        assertEquals(stat(r, "hit_leaf"), sum(db, CacheCoverage.LOOKUP, b -> b.startsWith("leaf") && b.endsWith("hit")));
        assertEquals(stat(r, "hit_superpage"), sum(db, CacheCoverage.LOOKUP, b -> b.startsWith("superpage")));
        assertEquals(stat(r, "hit_superpage"), sum(db, CacheCoverage.SUPERPAGE, b -> true));
        assertEquals(stat(r, "miss"), sum(db, CacheCoverage.LOOKUP, b -> b.endsWith("miss")));
        assertEquals(stat(r, "walk_hit"), sum(db, CacheCoverage.WALK, b -> b.startsWith("entry")));
        assertEquals(stat(r, "fill_leaf") + stat(r, "fill_superpage") + stat(r, "fill_walk"),
                sum(db, CacheCoverage.VICTIM, b -> true));
        assertEquals(stat(r, "evict"), sum(db, CacheCoverage.VICTIM, b -> b.contains("plru victim")));
        assertEquals(stat(r, "invalidations_applied"), sum(db, CacheCoverage.FENCE, b -> true));
        assertEquals(stat(r, "stale_walks"), sum(db, CacheCoverage.FENCE_WALK, b -> b.startsWith("stale")));
        assertEquals(stat(r, "syncs"), sum(db, CacheCoverage.MINVAL, b -> b.startsWith("batch=")));
        // rsvdTupleScope ANY: a leaf with a reserved tuple faults, so every suppressed fill had one leaf destination
        assertEquals(io.mttkit.golden.RsvdTupleScope.ANY, lib.description().rsvdTupleScope());
        assertEquals(stat(r, "fills_suppressed_same_cycle"), sum(db, CacheCoverage.FENCE_FILL,
                b -> b.endsWith("leaf array fill suppressed") || b.endsWith("superpage fill suppressed")));
        assertEquals(stat(r, "hit_leaf") + stat(r, "hit_superpage") + stat(r, "miss"),
                sum(db, CacheCoverage.READS, b -> true), "one reads bin per probed check");
    }

    @Test
    void cacheLessCheckerHasNoCacheGroups() {
        io.mttkit.gen.ParamValues values = Configurations.resolve("walker-rv64", Map.of());
        WalkerParams params = CheckerConfigurations.params(64, values);
        CheckerLibrary lib = Checkers.of(params);
        RegressionResult r = Regression.run(lib, SEED, 2_000);
        assertTrue(r.passed(), r::firstMismatch);
        for (String g : CacheCoverage.GROUPS) {
            assertFalse(r.coverage().groups().contains(g), g);
        }
        assertTrue(r.coverage().hitBins(CheckerCoverage.RESULT) > 0);
    }

    private static long stat(RegressionResult r, String name) {
        int i = CosimHarness.CACHE_STATS.indexOf(name);
        if (i < 0) {
            throw new IllegalArgumentException("no cache counter '" + name + "'; counters: " + CosimHarness.CACHE_STATS);
        }
        return r.cache()[i];
    }

    private static long sum(CoverageDb db, String group, Predicate<String> bins) {
        long n = 0;
        for (String b : db.bins(group)) {
            if (bins.test(b)) {
                n += db.count(group, b);
            }
        }
        return n;
    }
}
