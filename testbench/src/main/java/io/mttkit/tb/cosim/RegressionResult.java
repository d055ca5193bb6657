package io.mttkit.tb.cosim;

/** The outcome of a regression run, or of the shards of one merged ({@link ResultMerge}). */
public record RegressionResult(long checks, long mismatches, double checksPerSecond, long cycles, long reads,
                               long[] causes, String firstMismatch, io.mttkit.tb.coverage.CoverageDb coverage,
                               java.nio.file.Path bundle, long[] cache, java.util.SortedMap<Integer, Long> worldDigests) {
    /** True when every check matched. */
    public boolean passed() {
        return mismatches == 0;
    }

    /**
     * The run's event digest: every world's {@link EventDigest} chained in world order with its ordinal, so
     * that the shards of a run, merged, give the digest of the whole run, whatever the jobs.
     */
    public long eventDigest() {
        long d = io.mttkit.bridge.Records.DIGEST_SEED;
        for (java.util.Map.Entry<Integer, Long> e : worldDigests.entrySet()) {
            d = EventDigest.chain(EventDigest.chain(d, e.getKey()), e.getValue());
        }
        return d;
    }
}
