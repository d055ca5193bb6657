package io.mttkit.tb.cosim;

/**
 * How to run.
 *
 * @param seed       the seed; same seed, same worlds
 * @param checks     checks asked for (split evenly over the configuration's modes), ≥ 1
 * @param shard      which worlds to run
 * @param jobs       threads running worlds (one bridge session per thread at a time), ≥ 1; the result does
 *                   not depend on it
 * @param bundleFile where to write the repro bundle of the first mismatch, or {@code null} for none
 * @param progress   told after every phase
 */
public record RegressionOptions(long seed, long checks, RunPlan.Shard shard, int jobs, java.nio.file.Path bundleFile,
                                RegressionProgress progress) {
    public RegressionOptions {
        if (checks < 1) {
            throw new IllegalArgumentException("a run needs at least one check, got " + checks);
        }
        if (jobs < 1) {
            throw new IllegalArgumentException("jobs must be at least 1, got " + jobs);
        }
        java.util.Objects.requireNonNull(shard, "shard");
        java.util.Objects.requireNonNull(progress, "progress");
    }

    /** The whole run on one thread, no bundle, no progress. */
    public static RegressionOptions of(long seed, long checks) {
        return new RegressionOptions(seed, checks, RunPlan.Shard.ALL, 1, null, RegressionProgress.NONE);
    }

    public RegressionOptions withShard(RunPlan.Shard s) {
        return new RegressionOptions(seed, checks, s, jobs, bundleFile, progress);
    }

    public RegressionOptions withJobs(int j) {
        return new RegressionOptions(seed, checks, shard, j, bundleFile, progress);
    }

    public RegressionOptions withBundle(java.nio.file.Path file) {
        return new RegressionOptions(seed, checks, shard, jobs, file, progress);
    }

    public RegressionOptions withProgress(RegressionProgress p) {
        return new RegressionOptions(seed, checks, shard, jobs, bundleFile, p);
    }
}
