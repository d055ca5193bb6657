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
 * @param onMismatch given the first mismatch report as soon as the run has ended and before anything (the repro
 *                   bundle) is written, so that a failing disk can never hide a found mismatch
 */
public record RegressionOptions(long seed, long checks, RunPlan.Shard shard, int jobs, java.nio.file.Path bundleFile,
                                RegressionProgress progress, java.util.function.Consumer<String> onMismatch) {
    public RegressionOptions {
        if (checks < 1) {
            throw new IllegalArgumentException("a run needs at least one check, got " + checks);
        }
        if (jobs < 1) {
            throw new IllegalArgumentException("jobs must be at least 1, got " + jobs);
        }
        java.util.Objects.requireNonNull(shard, "shard");
        java.util.Objects.requireNonNull(progress, "progress");
        java.util.Objects.requireNonNull(onMismatch, "onMismatch");
    }

    /** The whole run on one thread, no bundle, no progress. */
    public static RegressionOptions of(long seed, long checks) {
        return new RegressionOptions(seed, checks, RunPlan.Shard.ALL, 1, null, RegressionProgress.NONE, text -> { });
    }

    public RegressionOptions withShard(RunPlan.Shard s) {
        return new RegressionOptions(seed, checks, s, jobs, bundleFile, progress, onMismatch);
    }

    public RegressionOptions withJobs(int j) {
        return new RegressionOptions(seed, checks, shard, j, bundleFile, progress, onMismatch);
    }

    public RegressionOptions withBundle(java.nio.file.Path file) {
        return new RegressionOptions(seed, checks, shard, jobs, file, progress, onMismatch);
    }

    public RegressionOptions withProgress(RegressionProgress p) {
        return new RegressionOptions(seed, checks, shard, jobs, bundleFile, p, onMismatch);
    }

    public RegressionOptions withOnMismatch(java.util.function.Consumer<String> sink) {
        return new RegressionOptions(seed, checks, shard, jobs, bundleFile, progress, sink);
    }
}
