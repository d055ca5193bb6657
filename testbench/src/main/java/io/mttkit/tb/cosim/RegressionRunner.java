package io.mttkit.tb.cosim;

import java.util.ArrayList;
import java.util.List;

/**
 * Runs the worlds of a plan: in world order on one thread, or on several (each world wholly on one thread, its
 * sessions confined to it, docs/bridge.md), cancelling the worlds after the first failing one so that the result is
 * the one a single thread gives.
 */
final class RegressionRunner {
    private RegressionRunner() {
    }

    /**
     * Runs the worlds of {@code o.shard()} on {@code o.jobs()} threads; stops at the first mismatch (in world
     * order: worlds after the failing one are dropped, worlds before it are completed, so the result is the one
     * {@code jobs = 1} gives) and returns its report.
     */
    static RegressionResult run(CheckerLibrary lib, RegressionOptions o) {
        List<RunPlan.World> worlds = new ArrayList<>();
        for (RunPlan.World w : RunPlan.plan(lib.description(), o.checks())) {
            if (o.shard().owns(w.ordinal())) {
                worlds.add(w);
            }
        }
        long total = worlds.stream().mapToLong(RunPlan.World::checks).sum();
        RegressionProgress progress = synchronizedProgress(o.progress(), total);
        long t0 = System.nanoTime();
        List<WorldResult> results = o.jobs() == 1 || worlds.size() < 2
                ? runInOrder(lib, o.seed(), worlds, progress)
                : runParallel(lib, o.seed(), worlds, Math.min(o.jobs(), worlds.size()), progress);
        double s = Math.max((System.nanoTime() - t0) / 1e9, 1e-9);
        return ResultMerge.ofWorlds(lib, results, s, o.bundleFile(), o.onMismatch());
    }

    private static RegressionProgress synchronizedProgress(RegressionProgress p, long total) {
        java.util.concurrent.atomic.AtomicLong done = new java.util.concurrent.atomic.AtomicLong();
        Object lock = new Object();
        return (n, ignored, mode) -> {
            long d = done.addAndGet(n);
            synchronized (lock) {
                p.update(d, total, mode);
            }
        };
    }

    private static List<WorldResult> runInOrder(CheckerLibrary lib, long seed, List<RunPlan.World> worlds, RegressionProgress progress) {
        List<WorldResult> out = new ArrayList<>();
        for (RunPlan.World w : worlds) {
            WorldResult r = runWorld(lib, seed, w, progress, () -> false);
            out.add(r);
            if (r.failed()) {
                break;
            }
        }
        return out;
    }

    /**
     * Worlds on {@code jobs} threads. Each world runs wholly on one thread (its sessions are confined to it,
     * docs/bridge.md); results are taken in world order and the first failure drops every later world.
     */
    private static List<WorldResult> runParallel(CheckerLibrary lib, long seed, List<RunPlan.World> worlds, int jobs,
                                                 RegressionProgress progress) {
        java.util.concurrent.atomic.AtomicInteger firstFailure = new java.util.concurrent.atomic.AtomicInteger(
                Integer.MAX_VALUE);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(jobs, r -> {
            Thread t = new Thread(r, "mtt-regress-world");
            t.setDaemon(true);
            return t;
        });
        try {
            List<java.util.concurrent.Future<WorldResult>> futures = new ArrayList<>();
            for (int i = 0; i < worlds.size(); i++) {
                int k = i;
                futures.add(pool.submit(() -> {
                    if (k > firstFailure.get()) {
                        return null; // a world before it failed: this one is not part of the result
                    }
                    WorldResult r = runWorld(lib, seed, worlds.get(k), progress, () -> k > firstFailure.get());
                    if (r.failed()) {
                        firstFailure.accumulateAndGet(k, Math::min);
                    }
                    return r;
                }));
            }
            List<WorldResult> out = new ArrayList<>();
            for (java.util.concurrent.Future<WorldResult> f : futures) {
                WorldResult r = f.get();
                out.add(r);
                if (r.failed()) {
                    break;
                }
            }
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the regression's worlds", e);
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * Runs one world, phase after phase, until its checks are done, its first mismatch, or {@code cancelled}
     * (checked between phases; the partial result is then discarded by the caller).
     */
    private static WorldResult runWorld(CheckerLibrary lib, long seed, RunPlan.World w, RegressionProgress progress,
                                        java.util.function.BooleanSupplier cancelled) {
        io.mttkit.tb.coverage.CheckerCoverage coverage = coverageModel(lib.description());
        WalkObserver walks = walkCoverage(lib.description(), coverage.db());
        long[] causes = new long[io.mttkit.golden.Cause.values().length];
        long[] cacheStats = new long[CosimHarness.CACHE_STATS.size()];
        long done = 0;
        long cycles = 0;
        long reads = 0;
        long digest = io.mttkit.bridge.Records.DIGEST_SEED;
        WorldStimulus run = new WorldStimulus(lib, w.mode(), RunPlan.worldSeed(seed, w.mode(), w.index()),
                w.index() == 0);
        try {
            for (long left = w.checks(); left > 0 && !cancelled.getAsBoolean(); ) {
                int n = (int) Math.min(RunPlan.PHASE_CHECKS, left);
                CosimHarness.Totals t = run.phase(n, seed, coverage, walks);
                done += t.checks();
                cycles += t.cycles();
                reads += t.reads();
                digest = EventDigest.chain(digest, t.digest());
                for (int i = 0; i < causes.length; i++) {
                    causes[i] += t.causes()[i];
                }
                for (int i = 0; i < cacheStats.length; i++) {
                    cacheStats[i] += t.cache()[i];
                }
                left -= n;
                progress.update(t.checks(), 0, w.mode());
            }
        } catch (CosimMismatchException e) {
            if (run.failure() != null && run.failure().failingIndex() > 0) {
                done += run.failure().failingIndex(); // the checks of the failing phase that matched
            }
            return new WorldResult(w.ordinal(), done, cycles, reads, causes, cacheStats, digest, coverage.db(),
                    e.getMessage(), run.failure());
        }
        return new WorldResult(w.ordinal(), done, cycles, reads, causes, cacheStats, digest, coverage.db(), null, null);
    }

    /** Levels of the deepest mode the checker implements (the conflict levels of {@code WalkCoverage}). */
    static int deepestLevels(io.mttkit.tb.dut.CheckerDescription d) {
        int levels = 1;
        for (io.mttkit.golden.MttMode m : d.modes()) {
            levels = Math.max(levels, m.levels());
        }
        return levels;
    }

    /**
     * The coverage model of a world: {@code CheckerCoverage} with the cache groups for a blocking cached checker; for
     * a checker with several walks in flight the verdict groups and {@code WalkCoverage} (added by the caller) but no
     * cache groups — its scoreboard compares the cache events but does not sample them as cache steps
     * (docs/coverage.md "Several walks in flight") — over a database whose configuration names the walks.
     */
    static io.mttkit.tb.coverage.CheckerCoverage coverageModel(io.mttkit.tb.dut.CheckerDescription d) {
        if (!d.nonBlocking()) {
            return new io.mttkit.tb.coverage.CheckerCoverage(d, d.cache());
        }
        io.mttkit.tb.coverage.CheckerCoverage c = new io.mttkit.tb.coverage.CheckerCoverage(d, null,
                new io.mttkit.tb.coverage.CoverageDb("non-blocking cached checker " + d.deviceLabel() + " "
                        + d.cache().label()));
        walkCoverage(d, c.db()); // its bins are defined in every world's database and in the merged one
        return c;
    }

    /** The walks-in-flight × events coverage of a checker with several walks, sampling into {@code db}; else null. */
    static WalkObserver walkCoverage(io.mttkit.tb.dut.CheckerDescription d, io.mttkit.tb.coverage.CoverageDb db) {
        return d.nonBlocking() ? new io.mttkit.tb.coverage.WalkCoverage(db, d.walksInFlight(), deepestLevels(d))
                : null;
    }
}
