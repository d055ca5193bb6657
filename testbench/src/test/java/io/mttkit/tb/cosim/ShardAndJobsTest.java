package io.mttkit.tb.cosim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mttkit.gen.walker.WalkerParams;
import io.mttkit.golden.MttMode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * {@code mtt regress --shard K/N} and {@code --jobs J} (issue #7): the worlds of a run are seeded from (seed, mode,
 * world index) alone, so N shards merged give the unsharded run exactly, and J threads give what one thread gives.
 * Runs the shipped cached checker (rv64-smmpt: three modes) on a small run of three short worlds.
 */
class ShardAndJobsTest {
    /** Three modes of 1 200 checks: one world each, three phases of 400. */
    private static final long CHECKS = 3_600;
    private static final long SEED = 77;

    @Test
    void shardsPartitionThePlan() {
        WalkerParams p = WalkerParams.defaults(64);
        List<RunPlan.World> plan = RunPlan.plan(Checkers.describe(p), 1_000_001);
        assertEquals(1_000_001, plan.stream().mapToLong(RunPlan.World::checks).sum(), "exactly the checks asked for");
        long perMode = 1_000_001 / Checkers.describe(p).modes().size();
        for (MttMode m : Checkers.describe(p).modes()) {
            long share = plan.stream().filter(w -> w.mode() == m).mapToLong(RunPlan.World::checks).sum();
            assertTrue(share == perMode || share == perMode + 1, "every mode gets its share of the checks: " + m + " " + share);
        }
        long max = plan.stream().mapToLong(RunPlan.World::checks).max().orElseThrow();
        long min = plan.stream().mapToLong(RunPlan.World::checks).min().orElseThrow();
        assertTrue(max <= RunPlan.WORLD_CHECKS && max - min <= 1, "worlds of equal size: " + min + ".." + max);
        for (int i = 0; i < plan.size(); i++) {
            assertEquals(i, plan.get(i).ordinal());
        }
        for (int n : new int[] {1, 2, 3, 7, plan.size(), plan.size() + 5}) {
            Set<Integer> seen = new HashSet<>();
            for (int k = 0; k < n; k++) {
                RunPlan.Shard s = new RunPlan.Shard(k, n);
                for (RunPlan.World w : plan) {
                    if (s.owns(w.ordinal())) {
                        assertTrue(seen.add(w.ordinal()), "world " + w + " in two shards of " + n);
                    }
                }
            }
            assertEquals(plan.size(), seen.size(), "the shards of " + n + " cover every world");
        }
        assertEquals(new RunPlan.Shard(2, 5), RunPlan.Shard.parse("2/5"));
        assertThrows(IllegalArgumentException.class, () -> RunPlan.Shard.parse("5/5"));
        assertThrows(IllegalArgumentException.class, () -> RunPlan.Shard.parse("1/0"));
        assertThrows(IllegalArgumentException.class, () -> RunPlan.Shard.parse("two/3"));
    }

    @Test
    void worldSeedsDependOnSeedModeAndIndexOnly() {
        long a = RunPlan.worldSeed(1, MttMode.SMMPT43, 0);
        assertEquals(a, RunPlan.worldSeed(1, MttMode.SMMPT43, 0));
        assertNotEquals(a, RunPlan.worldSeed(2, MttMode.SMMPT43, 0));
        assertNotEquals(a, RunPlan.worldSeed(1, MttMode.SMMPT52, 0));
        assertNotEquals(a, RunPlan.worldSeed(1, MttMode.SMMPT43, 1));
    }

    @Test
    void threeShardsMergedEqualTheUnshardedRun() {
        Bench.requireTools();
        CheckerLibrary lib = CheckerLibrary.shipped("rv64-smmpt");
        RegressionResult whole = Regression.run(lib, RegressionOptions.of(SEED, CHECKS));
        assertTrue(whole.passed(), whole::firstMismatch);
        List<RegressionResult> shards = new ArrayList<>();
        for (int k = 0; k < 3; k++) {
            RegressionResult r = Regression.run(lib, RegressionOptions.of(SEED, CHECKS)
                    .withShard(new RunPlan.Shard(k, 3)));
            assertTrue(r.passed(), r::firstMismatch);
            assertTrue(r.checks() > 0 && r.checks() < whole.checks(), "shard " + k + " runs a part: " + r.checks());
            shards.add(r);
        }
        RegressionResult merged = ResultMerge.merge(shards);
        assertSame(whole, merged);
        assertTrue(whole.cache()[CosimHarness.CACHE_STATS.indexOf("hit_leaf")] > 0, "the run exercises the cache");
    }

    @Test
    void twoJobsGiveWhatOneJobGives() {
        Bench.requireTools();
        CheckerLibrary lib = CheckerLibrary.shipped("rv64-smmpt");
        RegressionResult one = Regression.run(lib, RegressionOptions.of(SEED + 1, CHECKS));
        RegressionResult two = Regression.run(lib, RegressionOptions.of(SEED + 1, CHECKS).withJobs(2));
        assertTrue(one.passed(), one::firstMismatch);
        assertSame(one, two);
    }

    /** Same checks, cycles, reads, causes, cache counters and coverage (everything but the speed). */
    static void assertSame(RegressionResult want, RegressionResult got) {
        assertEquals(want.checks(), got.checks(), "checks");
        assertEquals(want.mismatches(), got.mismatches(), "mismatches");
        assertEquals(want.cycles(), got.cycles(), "simulated cycles");
        assertEquals(want.reads(), got.reads(), "MPTE reads");
        assertArrayEquals(want.causes(), got.causes(), "causes");
        assertArrayEquals(want.cache(), got.cache(), "cache counters " + CosimHarness.CACHE_STATS);
        assertEquals(want.coverage().toJson(), got.coverage().toJson(), "coverage");
    }
}
