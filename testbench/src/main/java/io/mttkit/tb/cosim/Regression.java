package io.mttkit.tb.cosim;

import io.mttkit.bridge.PmpRegion;
import io.mttkit.gen.walker.WalkerParams;
import io.mttkit.golden.Access;
import io.mttkit.golden.LookupResult;
import io.mttkit.golden.MttMode;
import io.mttkit.golden.tables.BuildOptions;
import io.mttkit.golden.tables.Region;
import io.mttkit.tb.selftest.RandomDomains;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Seeded random co-simulation of a generated (or bring-your-own) checker against the golden model. The unit of work
 * is a <em>world</em>: one mode, one set of random regions and the tables the golden {@code TableBuilder} builds
 * over them, and {@value #PHASES_PER_WORLD} phases of {@value #PHASE_CHECKS} random checks (PAs inside and outside
 * the regions and above the PA width, random needs, bypass and Bare), each phase in a fresh session with its own
 * memory latency (1..8), backpressure, bus-error rate and PMP regions over table pages, and with a few random table
 * entries corrupted (random bits flipped; restored after the phase). A cached checker's phases add the cache
 * stimulus ({@link CacheStimulus}: locality, SDIDs, fences, table entries rewritten mid-stream), and a share of
 * them are <em>clean</em> (no corruption, no PMP denial, no bus errors, PAs mostly inside the regions), so that
 * hits, evictions and walk-cache hits are common.
 *
 * <p>Every world follows from (seed, mode, world index) alone ({@link #worldSeed}), never from the worlds run before
 * it, so a run can be split into shards ({@link Shard}: world ordinal ≡ K mod N) and run on several threads
 * ({@link Options#jobs()}) with results identical to the plain run: totals, causes, cache counters and coverage
 * are sums over worlds, taken in world order (docs/scale-out.md).
 */
public final class Regression {
    /** Checks per phase (one bridge session, one set of corrupted entries and PMP regions). */
    public static final int PHASE_CHECKS = 400;
    /** Phases run on one set of regions and tables (one world). */
    public static final int PHASES_PER_WORLD = 20;
    /** Checks of a full world. */
    public static final long WORLD_CHECKS = (long) PHASE_CHECKS * PHASES_PER_WORLD;
    /** Percentage of a cached checker's phases that are clean (no corruption, PMP denial or bus errors). */
    static final int CLEAN_PERCENT = 50;

    /** Outcome of a run. */
    public record Result(long checks, long mismatches, double checksPerSecond, long cycles, long reads,
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

    /**
     * Which worlds a run takes: those whose ordinal (position in {@link #plan}) is ≡ {@code index} mod
     * {@code count}. Shards 0..count-1 together run every world exactly once.
     *
     * @param index this shard, 0 .. count-1
     * @param count number of shards, ≥ 1
     */
    public record Shard(int index, int count) {
        /** The whole run. */
        public static final Shard ALL = new Shard(0, 1);

        public Shard {
            if (count < 1 || index < 0 || index >= count) {
                throw new IllegalArgumentException("shard " + index + "/" + count + " does not exist: a run of N shards "
                        + "has shards 0 .. N-1 (N >= 1)");
            }
        }

        /**
         * Parses {@code K/N}.
         *
         * @throws IllegalArgumentException naming what is wrong
         */
        public static Shard parse(String text) {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d{1,6})/(\\d{1,6})").matcher(text.trim());
            if (!m.matches()) {
                throw new IllegalArgumentException("shard '" + text + "' is not K/N (for example 0/4: the first of "
                        + "four shards)");
            }
            return new Shard(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
        }

        /** Whether the world of this ordinal belongs to the shard. */
        public boolean owns(int ordinal) {
            return ordinal % count == index;
        }

        @Override
        public String toString() {
            return index + "/" + count;
        }
    }

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
    public record Options(long seed, long checks, Shard shard, int jobs, java.nio.file.Path bundleFile,
                          Progress progress) {
        public Options {
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
        public static Options of(long seed, long checks) {
            return new Options(seed, checks, Shard.ALL, 1, null, Progress.NONE);
        }

        public Options withShard(Shard s) {
            return new Options(seed, checks, s, jobs, bundleFile, progress);
        }

        public Options withJobs(int j) {
            return new Options(seed, checks, shard, j, bundleFile, progress);
        }

        public Options withBundle(java.nio.file.Path file) {
            return new Options(seed, checks, shard, jobs, file, progress);
        }

        public Options withProgress(Progress p) {
            return new Options(seed, checks, shard, jobs, bundleFile, p);
        }
    }

    /**
     * One unit of work.
     *
     * @param ordinal position in the run's plan (what shards split on)
     * @param mode    the mode
     * @param index   index among the mode's worlds (what, with the seed and mode, seeds the world)
     * @param checks  checks of the world (at most {@link #WORLD_CHECKS})
     */
    public record World(int ordinal, MttMode mode, int index, long checks) {
    }

    private Regression() {}

    /**
     * Runs about {@code checks} random checks (split evenly over the configuration's modes) with {@code seed};
     * stops at the first mismatch and returns its report.
     */
    public static Result run(WalkerParams params, long seed, long checks) {
        return run(CheckerLibrary.of(params), seed, checks);
    }

    /**
     * As {@link #run(WalkerParams, long, long)} on a given library (bring-your-own RTL, a mutant): the stimulus and
     * the golden model follow {@code lib.params()}.
     */
    public static Result run(CheckerLibrary lib, long seed, long checks) {
        return run(lib, seed, checks, null);
    }

    /**
     * As {@link #run(CheckerLibrary, long, long)}; at a mismatch, writes a repro bundle of the failing phase
     * ({@link io.mttkit.tb.repro.ReproBundle}) to {@code bundleFile} unless it is {@code null}. The result carries
     * the coverage of every matched check ({@link io.mttkit.tb.coverage.CheckerCoverage}).
     */
    public static Result run(CheckerLibrary lib, long seed, long checks, java.nio.file.Path bundleFile) {
        return run(lib, seed, checks, bundleFile, Progress.NONE);
    }

    /** Told after every phase how far a run is; the CLI shows it. Called from one thread at a time. */
    @FunctionalInterface
    public interface Progress {
        Progress NONE = (done, total, mode) -> { };

        void update(long done, long total, MttMode mode);
    }

    /** As {@link #run(CheckerLibrary, long, long, java.nio.file.Path)}, reporting progress after every phase. */
    public static Result run(CheckerLibrary lib, long seed, long checks, java.nio.file.Path bundleFile,
                             Progress progress) {
        return run(lib, Options.of(seed, checks).withBundle(bundleFile).withProgress(progress));
    }

    /**
     * The worlds of a run of {@code checks} checks: the checks split over the modes in {@link CheckerModes#of} order (the
     * first {@code checks % modes} modes one more, so that the run has exactly {@code checks}; at least 1 per mode),
     * each mode's share split evenly over as few worlds as hold at most {@link #WORLD_CHECKS} each (sizes differ by at
     * most one check, so that shards and threads get equal shares).
     */
    public static List<World> plan(WalkerParams params, long checks) {
        List<MttMode> modes = CheckerModes.of(params);
        List<World> out = new ArrayList<>();
        // one world count for every mode (from the largest share), so world sizes differ by at most one check
        long largest = Math.max(1, (checks + modes.size() - 1) / modes.size());
        long worlds = (largest + WORLD_CHECKS - 1) / WORLD_CHECKS;
        for (int m = 0; m < modes.size(); m++) {
            long perMode = Math.max(1, checks / modes.size() + (m < checks % modes.size() ? 1 : 0));
            for (int index = 0; index < worlds; index++) {
                long size = perMode / worlds + (index < perMode % worlds ? 1 : 0);
                out.add(new World(out.size(), modes.get(m), index, size));
            }
        }
        return out;
    }

    /** The seed of a world: from the run's seed, the mode and the world's index alone (never from other worlds). */
    public static long worldSeed(long seed, MttMode mode, int index) {
        return mix(mix(mix(seed) ^ mode.ordinal()) ^ index);
    }

    /** MurmurHash3's 64-bit finaliser over {@code x} plus the golden gamma: distinct inputs, spread outputs. */
    private static long mix(long x) {
        long z = x + 0x9E37_79B9_7F4A_7C15L;
        z = (z ^ (z >>> 33)) * 0xFF51_AFD7_ED55_8CCDL;
        z = (z ^ (z >>> 33)) * 0xC4CE_B9FE_1A85_EC53L;
        return z ^ (z >>> 33);
    }

    /**
     * Runs the worlds of {@code o.shard()} on {@code o.jobs()} threads; stops at the first mismatch (in world
     * order: worlds after the failing one are dropped, worlds before it are completed, so the result is the one
     * {@code jobs = 1} gives) and returns its report.
     */
    public static Result run(CheckerLibrary lib, Options o) {
        List<World> worlds = new ArrayList<>();
        for (World w : plan(lib.params(), o.checks())) {
            if (o.shard().owns(w.ordinal())) {
                worlds.add(w);
            }
        }
        long total = worlds.stream().mapToLong(World::checks).sum();
        Progress progress = synchronizedProgress(o.progress(), total);
        long t0 = System.nanoTime();
        List<WorldResult> results = o.jobs() == 1 || worlds.size() < 2
                ? runInOrder(lib, o.seed(), worlds, progress)
                : runParallel(lib, o.seed(), worlds, Math.min(o.jobs(), worlds.size()), progress);
        double s = Math.max((System.nanoTime() - t0) / 1e9, 1e-9);
        return combine(lib, results, s, o.bundleFile());
    }

    /** One world's outcome (up to and including its failing phase, if any). */
    private record WorldResult(int ordinal, long checks, long cycles, long reads, long[] causes, long[] cache,
                               long digest, io.mttkit.tb.coverage.CoverageDb coverage, String report,
                               io.mttkit.tb.repro.ReproBundle failure) {
        boolean failed() {
            return report != null;
        }
    }

    private static Progress synchronizedProgress(Progress p, long total) {
        java.util.concurrent.atomic.AtomicLong done = new java.util.concurrent.atomic.AtomicLong();
        Object lock = new Object();
        return (n, ignored, mode) -> {
            long d = done.addAndGet(n);
            synchronized (lock) {
                p.update(d, total, mode);
            }
        };
    }

    private static List<WorldResult> runInOrder(CheckerLibrary lib, long seed, List<World> worlds, Progress progress) {
        List<WorldResult> out = new ArrayList<>();
        for (World w : worlds) {
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
    private static List<WorldResult> runParallel(CheckerLibrary lib, long seed, List<World> worlds, int jobs,
                                                 Progress progress) {
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
    private static WorldResult runWorld(CheckerLibrary lib, long seed, World w, Progress progress,
                                        java.util.function.BooleanSupplier cancelled) {
        io.mttkit.tb.coverage.CheckerCoverage coverage =
                new io.mttkit.tb.coverage.CheckerCoverage(lib.params(), lib.cache());
        long[] causes = new long[io.mttkit.golden.Cause.values().length];
        long[] cacheStats = new long[CosimHarness.CACHE_STATS.size()];
        long done = 0;
        long cycles = 0;
        long reads = 0;
        long digest = io.mttkit.bridge.Records.DIGEST_SEED;
        WorldRun run = new WorldRun(lib, w.mode(), worldSeed(seed, w.mode(), w.index()));
        try {
            for (long left = w.checks(); left > 0 && !cancelled.getAsBoolean(); ) {
                int n = (int) Math.min(PHASE_CHECKS, left);
                CosimHarness.Totals t = run.phase(n, seed, coverage);
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
            if (run.failure != null && run.failure.failingIndex() > 0) {
                done += run.failure.failingIndex(); // the checks of the failing phase that matched
            }
            return new WorldResult(w.ordinal(), done, cycles, reads, causes, cacheStats, digest, coverage.db(),
                    e.getMessage(), run.failure);
        }
        return new WorldResult(w.ordinal(), done, cycles, reads, causes, cacheStats, digest, coverage.db(), null, null);
    }

    /** Sums the worlds (in world order) and writes the bundle of the failing one, if any. */
    private static Result combine(CheckerLibrary lib, List<WorldResult> worlds, double seconds,
                                  java.nio.file.Path bundleFile) {
        io.mttkit.tb.coverage.CoverageDb coverage =
                new io.mttkit.tb.coverage.CheckerCoverage(lib.params(), lib.cache()).db();
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
            return new Result(checks, 0, checks / seconds, cycles, reads, causes, null, coverage, null, cacheStats,
                    digests);
        }
        String report = failed.report();
        java.nio.file.Path written = null;
        if (bundleFile != null && failed.failure() != null) {
            try {
                written = io.mttkit.tb.repro.ReproBundle.writeWithDigest(failed.failure(), lib.library(), bundleFile);
                report += "repro bundle: " + written.toAbsolutePath() + " (mtt replay " + written + " [--waves])\n";
            } catch (java.io.IOException | RuntimeException w) {
                report += "repro bundle NOT written to " + bundleFile + ": " + w.getMessage() + "\n";
            }
        }
        return new Result(checks, 1, checks / seconds, cycles, reads, causes, report, coverage, written, cacheStats,
                digests);
    }

    /**
     * The sum of several runs' results (the shards of one run, in shard order): checks, mismatches, cycles, reads,
     * causes, cache counters and coverage add up; the first mismatch and bundle are the first shard's that has
     * one; checks per second is the total over the summed wall times.
     *
     * @throws IllegalArgumentException when the coverage databases differ in configuration or bins
     */
    public static Result merge(List<Result> parts) {
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
        for (Result r : parts) {
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
        return new Result(checks, mismatches, seconds > 0 ? checks / seconds : 0, cycles, reads, causes, first,
                coverage, bundle, cache, digests);
    }

    /** The random run of one world: its regions and tables, and phase after phase of checks. */
    private static final class WorldRun {
        private final CheckerLibrary lib;
        private final WalkerParams params;
        private final MttMode mode;
        private final SplittableRandom rnd;
        private final long worldSeed;
        private final TableWorld world;
        private final List<Region> regions;
        private final boolean bigEndian;
        private final long paMask;
        private int phase;
        /** The failing phase, captured at a mismatch (memory at the phase start, corrupted entries included). */
        private io.mttkit.tb.repro.ReproBundle failure;
        /**
         * Draws for the targeted stimulus added after the mutation run (field-shaped entries, top-of-range root PPNs):
         * a stream of its own, seeded from the regions (which follow from the seed), so that adding it left every
         * other draw of {@link #rnd} as before.
         */
        private final SplittableRandom shapes;
        /** Draws of the cache stimulus (locality, fences, clean phases): a stream of its own, unused by cache-less runs. */
        private SplittableRandom cacheStream;
        /** PAs whose walk reads a corrupted entry or crosses a PMP region (checked more often). */
        private final List<Long> hot = new ArrayList<>();
        /** The phase being built is clean: PAs mostly inside the regions. */
        private boolean clean;

        WorldRun(CheckerLibrary lib, MttMode mode, long worldSeed) {
            this.lib = lib;
            this.params = lib.params();
            this.mode = mode;
            this.worldSeed = worldSeed;
            this.rnd = new SplittableRandom(worldSeed);
            this.bigEndian = params.bigEndianSupport() && rnd.nextBoolean();
            this.paMask = params.paWidth() == 64 ? -1L : (1L << params.paWidth()) - 1;
            // Regions inside [0, 2^32) minus the table area, so that 34-bit modes fit as well.
            List<Region> r = new ArrayList<>(RandomDomains.generate(mode, rnd.nextLong(), 24, 0x9000_0000L, 0x6000_0000L));
            r.addAll(RandomDomains.generate(mode, rnd.nextLong(), 8, 0x1000_0000L, 0x4000_0000L));
            // high windows, so that root (and upper-level) indices other than 0 are walked as well
            int width = Math.min(mode.paBits(), params.paw());
            if (width > 36) {
                for (int shift : new int[] {width - 1, width - 3, 35, 34}) {
                    r.addAll(RandomDomains.generate(mode, rnd.nextLong(), 6, 1L << shift, 1L << 33));
                }
                // one more window at a random bit from 34 up: every upper index bit of the tables (and of the walk
                // cache's prefix compare) is set somewhere across worlds (docs/mutation.md, cache-wc-prefix-mask)
                int extra = 34 + rnd.nextInt(width - 1 - 34);
                if (extra > 35 && extra != width - 1 && extra != width - 3) {
                    r.addAll(RandomDomains.generate(mode, rnd.nextLong(), 4, 1L << extra, 1L << 33));
                }
            }
            r.sort((a, b) -> Long.compareUnsigned(a.base(), b.base()));
            this.regions = r;
            BuildOptions options = BuildOptions.DEFAULT.withBigEndian(bigEndian).withUseNapot(rnd.nextInt(4) != 0);
            this.world = TableWorld.build(mode, regions, options);
            long h = mode.ordinal();
            for (Region x : regions) {
                h = h * 1_000_003L + x.base() * 31 + x.size() * 7 + x.xwr();
            }
            this.shapes = new SplittableRandom(h);
        }

        /**
         * One phase of {@code n} checks in a fresh session. A cached checker's phase is clean
         * ({@value #CLEAN_PERCENT} %): no corrupted entries, no PMP regions, no bus errors and PAs mostly inside the
         * regions, so that walks succeed and fill the cache; the others fault in every way the walker can. Both
         * rewrite a few entries halfway through the stream, without a fence (stale cached entries).
         */
        CosimHarness.Totals phase(int n, long seed, CosimHarness.CheckObserver observer) {
            CacheStimulus cs = lib.cache() == null ? null : new CacheStimulus(cacheRnd(), params, lib.cache());
            clean = cs != null && cs.rnd().nextInt(100) < CLEAN_PERCENT;
            int lmin = 1 + rnd.nextInt(8);
            int lmax = lmin + rnd.nextInt(9 - lmin);
            boolean stalls = rnd.nextInt(3) == 0;
            int busErrors = rnd.nextInt(3) == 0 ? 5 + rnd.nextInt(30) : 0;
            boolean pmpDefault = rnd.nextInt(10) != 0;
            if (clean) {
                busErrors = 0;
                pmpDefault = true;
            }
            CosimHarness.Settings s = new CosimHarness.Settings(mix(worldSeed + phase++), lmin, lmax,
                    stalls ? 50 + rnd.nextInt(200) : 0, stalls ? 50 + rnd.nextInt(200) : 0, busErrors, pmpDefault);
            hot.clear();
            int corruptions = rnd.nextInt(24);
            List<long[]> restore = corrupt(clean ? 0 : corruptions);
            List<PmpRegion> pmp = pmpRegions(pmpDefault);
            if (clean) {
                pmp = List.of();
            }
            List<Stimulus> stream = new ArrayList<>(n + n / 8);
            for (int i = 0; i < n; i++) {
                CheckRequest c = cs == null ? randomCheck() : cs.check(this::randomCheck);
                stream.add(c);
                if (cs != null) {
                    cs.fences(stream);
                }
            }
            List<io.mttkit.tb.repro.PhaseStream.EntryWrite> writes = new ArrayList<>();
            if (cs != null) {
                // two halves with table entries rewritten in between and no fence: cached entries go stale, and the
                // RTL must use (or drop) them exactly as the golden cache model does. Drawn now, applied by the run.
                int half = stream.size() / 2;
                List<long[]> old = corrupt(1 + cs.rnd().nextInt(clean ? 2 : 4));
                for (long[] o : old) {
                    writes.add(new io.mttkit.tb.repro.PhaseStream.EntryWrite(half, o[0], world.entryBytes(),
                            world.readEntry(o[0])));
                }
                for (int i = old.size() - 1; i >= 0; i--) {
                    world.writeEntry(old.get(i)[0], old.get(i)[1]);
                }
            }
            io.mttkit.tb.repro.PhaseStream ps = new io.mttkit.tb.repro.PhaseStream(stream, writes);
            try (CosimHarness h = new CosimHarness(lib, world.memory(), s)) {
                h.setPmpRegions(pmp);
                h.setObserver(observer);
                io.mttkit.tb.repro.PhaseStream.Run run = ps.start(h, world.memory());
                try {
                    run.all();
                } catch (CosimMismatchException e) {
                    // the memory as at the phase start: corrupted entries in, the mid-stream writes undone
                    run.undoWrites();
                    failure = new io.mttkit.tb.repro.ReproBundle(seed, params, lib.cache(), s, pmp,
                            lib.library().built().hash(), 0, run.failingCheck(), e.getMessage(),
                            io.mttkit.tb.repro.ReproBundle.snapshot(world.memory()), ps);
                    throw e;
                } finally {
                    run.undoWrites();
                }
                if (Boolean.getBoolean("mttkit.cosim.debug")) { // per-phase stimulus summary, for tuning
                    System.out.println(mode + (clean ? " clean " : " ") + s + " pmp=" + pmp + " causes="
                            + java.util.Arrays.toString(h.totals().causes()));
                }
                return h.totals();
            } finally {
                for (int i = restore.size() - 1; i >= 0; i--) {
                    world.writeEntry(restore.get(i)[0], restore.get(i)[1]);
                }
            }
        }

        private SplittableRandom cacheRnd() {
            if (cacheStream == null) {
                cacheStream = shapes.split();
            }
            return cacheStream;
        }

        private CheckRequest randomCheck() {
            long pa = randomPa();
            int need = switch (rnd.nextInt(8)) {
                case 0 -> Access.R;
                case 1 -> Access.W;
                case 2 -> Access.X;
                case 3 -> Access.R | Access.W;
                case 4 -> Access.R | Access.X;
                case 5 -> Access.R | Access.W | Access.X;
                default -> rnd.nextInt(8);
            };
            int kind = rnd.nextInt(100);
            if (kind < 2) {
                return CheckRequest.bypass(mode, world.rootPpn(), pa, need);
            }
            if (kind < 3) {
                return CheckRequest.of(MttMode.BARE, world.rootPpn(), pa, need, false);
            }
            // now and then a root PPN at the top of the PPN range: the root entry address can then reach 2^paw
            // (Smmtt56 with paw 56), which must fail without a read (VERIFICATION-PLAN §4 item 20; docs/mutation.md)
            long root = kind == 3 && shapes.nextBoolean() ? (1L << params.ppnWidth()) - 1 - rnd.nextInt(2) : world.rootPpn();
            CheckRequest c = CheckRequest.of(mode, root, pa, need, bigEndian);
            return new CheckRequest(c.pa(), c.need(), c.mode(), c.rawMode(), c.rootPpn(),
                    rnd.nextInt(1 << params.sdidPortWidth()), c.be(), false);
        }

        private long randomPa() {
            int k = rnd.nextInt(100);
            if (clean && k >= 20) {
                k = 20 + (k - 20) % 45; // inside a region (the 20..64 branch) instead of a random or illegal PA
                if (rnd.nextInt(8) == 0) {
                    k = 65 + rnd.nextInt(35); // now and then the others, so that clean phases see faults as well
                }
            }
            long pa;
            if (k < 20 && !hot.isEmpty()) {
                long base = hot.get(rnd.nextInt(hot.size()));
                pa = rnd.nextBoolean() ? base : base ^ ((long) rnd.nextInt(1 << 16) << 12);
            } else if (k < 65) {
                Region r = regions.get(rnd.nextInt(regions.size()));
                long off = rnd.nextLong(r.size());
                pa = r.base() + (rnd.nextInt(4) == 0 ? (rnd.nextBoolean() ? 0 : r.size() - 1) : off);
            } else if (k < 80) {
                pa = rnd.nextLong() & ((1L << Math.min(mode.paBits(), 62)) - 1) & ((1L << 33) - 1);
            } else if (k < 88) {
                pa = rnd.nextLong() & (mode.paBits() >= 64 ? -1L : (1L << mode.paBits()) - 1);
            } else if (k < 96) {
                // one bit at or above the mode width or paw (PA range)
                int lo = Math.min(mode.paBits(), params.paw());
                int bit = lo >= params.paWidth() ? params.paWidth() - 1 : lo + rnd.nextInt(params.paWidth() - lo);
                pa = (rnd.nextLong() & 0xFFFF_FFFFL) | (1L << bit);
            } else if (k < 98) {
                pa = rnd.nextLong();
            } else {
                // PA-range corners (VERIFICATION-PLAN §5): 0, the largest legal PA, the first illegal one
                int w = Math.min(mode.paBits(), params.paw());
                long legal = w >= 64 ? -1L : (1L << w) - 1;
                pa = switch (rnd.nextInt(3)) {
                    case 0 -> 0L;
                    case 1 -> legal;
                    default -> w >= 64 ? legal : 1L << w;
                };
            }
            return pa & paMask;
        }

        /** One entry of a walk: the walk's result, which of its reads, and that read's address. */
        private record PathEntry(LookupResult path, int step, long addr) {
        }

        /**
         * The walk of a random PA inside a random region and one of the entries it reads — the root entry only
         * rarely, since corrupting or PMP-denying it stops most walks of the phase; null when the walk reads
         * nothing. The PA joins the {@code hot} list (checked more often).
         */
        private PathEntry randomPathEntry() {
            Region r = regions.get(rnd.nextInt(regions.size()));
            long target = r.base() + rnd.nextLong(r.size());
            LookupResult path = world.path(target);
            if (path.readCount() == 0) {
                return null;
            }
            int steps = path.readCount();
            int step = steps == 1 || rnd.nextInt(20) == 0 ? 0 : 1 + rnd.nextInt(steps - 1);
            hot.add(target);
            return new PathEntry(path, step, path.readAddr(step));
        }

        /** Flips 1–3 random bits of {@code count} entries on random walk paths; returns {addr, old value} pairs. */
        private List<long[]> corrupt(int count) {
            List<long[]> restore = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                PathEntry e = randomPathEntry();
                if (e == null) {
                    continue;
                }
                long addr = e.addr();
                LookupResult path = e.path();
                if (!world.memory().canRead(addr, world.entryBytes())) {
                    continue;
                }
                long old = world.readEntry(addr);
                long v = mutate(old, path);
                restore.add(new long[] {addr, old});
                world.writeEntry(addr, v);
            }
            return restore;
        }

        /**
         * A corrupted entry: random bit flips (half of them in the low 16 bits, where V/L/N, XWR, G and the v0.1
         * TYPE/PERM fields live), or a well-shaped entry of another kind: a pointer copied from higher up the
         * path (a non-leaf at level 0, loops), a NAPOT leaf with random XWR and G, random low bits.
         */
        private long mutate(long old, LookupResult path) {
            int bits = world.entryBytes() * 8;
            int kind = rnd.nextInt(10);
            if (kind < 5) {
                long v = old;
                for (int f = 1 + rnd.nextInt(3); f > 0; f--) {
                    v ^= 1L << (rnd.nextBoolean() ? rnd.nextInt(16) : rnd.nextInt(bits));
                }
                return v;
            }
            if (kind < 7 && path.readCount() > 1) {
                long ptr = path.readValue(rnd.nextInt(path.readCount() - 1)); // a pointer of this walk
                // sometimes with a reserved bit as well (at level 0: reserved bits and non-leaf-at-L0 together)
                return shapes.nextBoolean() ? fieldShaped(ptr, bits) : ptr;
            }
            boolean v09 = mode.format() == io.mttkit.golden.TableFormat.SMMPT_V0_9;
            if (kind < 9 && v09) {
                long napot = 0b111L | ((long) rnd.nextInt(8) << 8) | ((long) (rnd.nextInt(3) == 0 ? rnd.nextInt(16)
                        : (mode.xlen() == 64 ? 4 : 6)) << 12);
                return napot;
            }
            long low = (old & ~0xFFFFL) | rnd.nextInt(1 << 16);
            // v0.9: 1 in 4 only, since random low bits turn pointers into leaves (leaf kinds the stimulus needs)
            if (v09 ? shapes.nextInt(4) == 0 : shapes.nextInt(3) != 0) {
                // one or two reserved fields: two make the cause priority between them observable
                long v = fieldShaped(old, bits);
                return shapes.nextBoolean() ? v : fieldShaped(v, bits);
            }
            return low;
        }

        /**
         * An entry with one reserved field hit on purpose: random bit flips rarely form a given reserved encoding
         * (the mutation run, docs/mutation.md, showed such checks surviving). smmpt-v0.9: one reserved bit (3..7, the
         * NAPOT bit 11, a high bit) or a W-without-R tuple; smmtt-v0.1: a random MTTL2 TYPE plus one random bit.
         * Draws from {@link #shapes} only, so that the rest of the stimulus stays what the seed made it.
         */
        private long fieldShaped(long old, int bits) {
            if (mode.format() == io.mttkit.golden.TableFormat.SMMPT_V0_9) {
                if (shapes.nextBoolean()) {
                    int t = shapes.nextInt(bits == 64 ? 16 : 8);
                    return (old & ~(7L << (8 + 3 * t))) | ((shapes.nextBoolean() ? 2L : 6L) << (8 + 3 * t));
                }
                int b = switch (shapes.nextInt(4)) {
                    case 0, 1 -> 3 + shapes.nextInt(5); // reserved in every entry kind
                    case 2 -> 11;
                    default -> bits == 64 ? 54 + shapes.nextInt(10) : 16 + shapes.nextInt(16);
                };
                return old | (1L << b);
            }
            int typeLo = bits == 64 ? 44 : 22; // MTTL2 TYPE field (smmtt-v0.1 ch. 4)
            long v = shapes.nextBoolean() ? (old & ~(7L << typeLo)) | ((long) shapes.nextInt(8) << typeLo) : old;
            // mostly inside INFO: a bit above TYPE is a must-be-zero fault that hides the TYPE/INFO checks
            return v | (1L << (shapes.nextInt(4) == 0 ? shapes.nextInt(bits) : shapes.nextInt(typeLo)));
        }

        /** A few regions over table entries/pages: some deny, some split an entry (partial overlap denies). */
        private List<PmpRegion> pmpRegions(boolean defaultAllow) {
            List<PmpRegion> out = new ArrayList<>();
            int n = defaultAllow ? (rnd.nextBoolean() ? 0 : 1 + rnd.nextInt(3)) : 1 + rnd.nextInt(2);
            if (!defaultAllow) {
                // allow the whole table image so that walks can proceed at all
                out.add(new PmpRegion(world.tables().base(), world.tables().image().length, true));
            }
            for (int i = 0; i < n; i++) {
                PathEntry e = randomPathEntry();
                if (e == null) {
                    continue;
                }
                int step = e.step();
                long addr = e.addr();
                PmpRegion p = switch (step == 0 ? 1 + rnd.nextInt(2) : rnd.nextInt(3)) {
                    case 0 -> new PmpRegion(addr & ~0xFFFL, 4096, false);
                    case 1 -> new PmpRegion(addr, world.entryBytes(), rnd.nextBoolean());
                    default -> new PmpRegion(addr + world.entryBytes() / 2, 64, true); // partial overlap: denied
                };
                out.add(0, p);
            }
            return out;
        }
    }
}
