package io.mttkit.tb.cosim;

import java.util.List;

/**
 * Sums results: a run's worlds into its result (in world order; the failing world's repro bundle written), and the
 * results of a run's shards into the whole run's ({@code mtt merge}). Checks, cycles, reads, causes, cache counters
 * and coverage add up; world digests are kept per world, so the merged event digest is the plain run's.
 */
public final class ResultMerge {
    private ResultMerge() {
    }

    /** Sums the worlds (in world order) and writes the bundle of the failing one, if any. */
    static RegressionResult ofWorlds(CheckerLibrary lib, List<WorldResult> worlds, double seconds,
                                  java.nio.file.Path bundleFile, java.util.function.Consumer<String> onMismatch) {
        io.mttkit.tb.coverage.CoverageDb coverage =
                RegressionRunner.coverageModel(lib.description()).db();
        long[] causes = new long[io.mttkit.golden.Cause.values().length];
        long[] cacheStats = new long[CosimHarness.CACHE_STATS.size()];
        long checks = 0;
        long cycles = 0;
        long reads = 0;
        WorldResult failed = null;
        java.util.SortedMap<Integer, Long> digests = new java.util.TreeMap<>();
        for (WorldResult w : worlds) {
            digests.put(w.ordinal(), w.digest());
            checks += w.checks();
            cycles += w.cycles();
            reads += w.reads();
            for (int i = 0; i < causes.length; i++) {
                causes[i] += w.causes()[i];
            }
            for (int i = 0; i < cacheStats.length; i++) {
                cacheStats[i] += w.cache()[i];
            }
            coverage.merge(w.coverage());
            if (w.failed()) {
                failed = w;
            }
        }
        if (failed == null) {
            return new RegressionResult(checks, 0, checks / seconds, cycles, reads, causes, null, coverage, null, cacheStats,
                    digests);
        }
        String report = failed.report();
        onMismatch.accept(report); // before the bundle: a full disk must not hide the mismatch
        java.nio.file.Path written = null;
        if (bundleFile != null && failed.failure() != null) {
            try {
                written = io.mttkit.tb.repro.Replay.writeWithDigest(failed.failure(), lib.library(), bundleFile);
                report += "repro bundle: " + written.toAbsolutePath() + " (mtt replay " + written + " [--waves])\n";
            } catch (java.io.IOException | RuntimeException w) {
                report += "repro bundle NOT written to " + bundleFile + ": " + w.getMessage() + "\n";
            }
        }
        return new RegressionResult(checks, 1, checks / seconds, cycles, reads, causes, report, coverage, written, cacheStats,
                digests);
    }

    /**
     * The sum of several runs' results (the shards of one run, in shard order): checks, mismatches, cycles, reads,
     * causes, cache counters and coverage add up; the first mismatch and bundle are the first shard's that has
     * one; checks per second is the total over the summed wall times.
     *
     * @throws IllegalArgumentException when the coverage databases differ in configuration or bins
     */
    public static RegressionResult merge(List<RegressionResult> parts) {
        if (parts.isEmpty()) {
            throw new IllegalArgumentException("nothing to merge");
        }
        long[] causes = new long[parts.get(0).causes().length];
        long[] cache = new long[parts.get(0).cache().length];
        io.mttkit.tb.coverage.CoverageDb coverage = null;
        long checks = 0;
        long mismatches = 0;
        long cycles = 0;
        long reads = 0;
        double seconds = 0;
        String first = null;
        java.nio.file.Path bundle = null;
        java.util.SortedMap<Integer, Long> digests = new java.util.TreeMap<>();
        for (RegressionResult r : parts) {
            for (java.util.Map.Entry<Integer, Long> e : r.worldDigests().entrySet()) {
                if (digests.put(e.getKey(), e.getValue()) != null) {
                    throw new IllegalArgumentException("world " + e.getKey() + " is in two of the results merged: "
                            + "merge the shards of one run, each once");
                }
            }
            if (r.causes().length != causes.length || r.cache().length != cache.length) {
                throw new IllegalArgumentException("cannot merge results with different cause or cache counter lists");
            }
            checks += r.checks();
            mismatches += r.mismatches();
            cycles += r.cycles();
            reads += r.reads();
            seconds += r.checksPerSecond() > 0 ? r.checks() / r.checksPerSecond() : 0;
            for (int i = 0; i < causes.length; i++) {
                causes[i] += r.causes()[i];
            }
            for (int i = 0; i < cache.length; i++) {
                cache[i] += r.cache()[i];
            }
            if (r.coverage() != null) {
                if (coverage == null) {
                    coverage = io.mttkit.tb.coverage.CoverageDb.fromJson(r.coverage().toJson(), "merge");
                } else {
                    coverage.merge(r.coverage());
                }
            }
            if (first == null && r.firstMismatch() != null) {
                first = r.firstMismatch();
                bundle = r.bundle();
            }
        }
        return new RegressionResult(checks, mismatches, seconds > 0 ? checks / seconds : 0, cycles, reads, causes, first,
                coverage, bundle, cache, digests);
    }
}
