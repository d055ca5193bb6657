package io.mttkit.tb.lockstep;

import java.nio.file.Path;

/**
 * How a lockstep run batches and where it writes a repro bundle.
 *
 * @param batchSize checks per bridge run at most (1 = every check on its own); 1..65536
 * @param seed      seed of the bridge session (latency generator; with the simple settings nothing random is used)
 * @param bundleDir folder for the repro bundle of a mismatch (created when needed)
 */
public record LockstepOptions(int batchSize, long seed, Path bundleDir) {
    /** The default batch: the bridge's own batch size, so one fast-path call per batch. */
    public static final int DEFAULT_BATCH = 256;

    public LockstepOptions {
        if (batchSize < 1 || batchSize > 65_536) {
            throw new IllegalArgumentException("lockstep batch size must be 1..65536, got " + batchSize);
        }
        if (bundleDir == null) {
            throw new IllegalArgumentException("a folder for repro bundles must be given");
        }
    }

    /** Batch {@value #DEFAULT_BATCH}, seed 1, bundles under {@code bundleDir}. */
    public static LockstepOptions defaults(Path bundleDir) {
        return new LockstepOptions(DEFAULT_BATCH, 1, bundleDir);
    }

    /** With another batch size. */
    public LockstepOptions withBatchSize(int n) {
        return new LockstepOptions(n, seed, bundleDir);
    }
}
