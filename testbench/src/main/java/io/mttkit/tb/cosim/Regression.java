package io.mttkit.tb.cosim;

import io.mttkit.tb.dut.CheckerDescription;

/**
 * Seeded random co-simulation of a generated (or bring-your-own) checker against the golden model: the entry point
 * and its vocabulary (options, progress, result). The work is split by job: {@link RunPlan} says which worlds a run
 * takes and how each is seeded, {@link RegressionRunner} runs them on threads in world order, {@link WorldStimulus}
 * is one world's random tables and phases of checks, and {@link ResultMerge} sums worlds and shards.
 *
 * <p>Every world follows from (seed, mode, world index) alone ({@link RunPlan#worldSeed}), never from the worlds run
 * before it, so a run can be split into shards ({@link RunPlan.Shard}: world ordinal ≡ K mod N) and run on several
 * threads ({@link RegressionOptions#jobs()}) with results identical to the plain run: totals, causes, cache counters and
 * coverage are sums over worlds, taken in world order (docs/scale-out.md).
 */
public final class Regression {
    private Regression() {}

    /**
     * Runs about {@code checks} random checks (split evenly over the configuration's modes) with {@code seed};
     * stops at the first mismatch and returns its report.
     */
    public static RegressionResult run(CheckerDescription params, long seed, long checks) {
        return run(CheckerLibrary.of(params), seed, checks);
    }

    /**
     * As {@link #run(CheckerDescription, long, long)} on a given library (bring-your-own RTL, a mutant): the stimulus and
     * the golden model follow {@code lib.description()}.
     */
    public static RegressionResult run(CheckerLibrary lib, long seed, long checks) {
        return run(lib, seed, checks, null);
    }

    /**
     * As {@link #run(CheckerLibrary, long, long)}; at a mismatch, writes a repro bundle of the failing phase
     * ({@link io.mttkit.tb.repro.ReproBundle}) to {@code bundleFile} unless it is {@code null}. The result carries
     * the coverage of every matched check ({@link io.mttkit.tb.coverage.CheckerCoverage}).
     */
    public static RegressionResult run(CheckerLibrary lib, long seed, long checks, java.nio.file.Path bundleFile) {
        return run(lib, seed, checks, bundleFile, RegressionProgress.NONE);
    }

    /** As {@link #run(CheckerLibrary, long, long, java.nio.file.Path)}, reporting progress after every phase. */
    public static RegressionResult run(CheckerLibrary lib, long seed, long checks, java.nio.file.Path bundleFile,
                             RegressionProgress progress) {
        return run(lib, RegressionOptions.of(seed, checks).withBundle(bundleFile).withProgress(progress));
    }

    /**
     * Runs the worlds of {@code o.shard()} on {@code o.jobs()} threads ({@link RegressionRunner}); stops at the first
     * mismatch (in world order: worlds after the failing one are dropped, worlds before it are completed, so the
     * result is the one {@code jobs = 1} gives) and returns its report.
     */
    public static RegressionResult run(CheckerLibrary lib, RegressionOptions o) {
        return RegressionRunner.run(lib, o);
    }
}
