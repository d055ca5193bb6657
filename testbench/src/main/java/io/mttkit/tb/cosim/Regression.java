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
 * Seeded random co-simulation of the generated cache-less checker against the golden model: for every mode the
 * configuration implements, tables from the golden {@code TableBuilder} over random regions, then phases of
 * random checks (PAs inside and outside the regions and above the PA width, random needs, bypass and Bare),
 * each phase in a fresh session with its own memory latency (1..8), backpressure, bus-error rate and PMP regions
 * over table pages, and with a few random table entries corrupted (random bits flipped; restored after the
 * phase). Everything follows from the seed.
 */
public final class Regression {
    /** Checks per phase (one bridge session, one set of corrupted entries and PMP regions). */
    static final int PHASE_CHECKS = 400;
    /** Phases run on one set of regions and tables before a new random set is built. */
    static final int PHASES_PER_WORLD = 20;

    /** Outcome of a run. */
    public record Result(long checks, long mismatches, double checksPerSecond, long cycles, long reads,
                         long[] causes, String firstMismatch, io.mttkit.tb.coverage.CoverageDb coverage,
                         java.nio.file.Path bundle, long[] cache) {
        /** True when every check matched. */
        public boolean passed() {
            return mismatches == 0;
        }
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

    /** Told after every phase how far a run is; the CLI shows it. */
    @FunctionalInterface
    public interface Progress {
        Progress NONE = (done, total, mode) -> { };

        void update(long done, long total, MttMode mode);
    }

    /** As {@link #run(CheckerLibrary, long, long, java.nio.file.Path)}, reporting progress after every phase. */
    public static Result run(CheckerLibrary lib, long seed, long checks, java.nio.file.Path bundleFile,
                             Progress progress) {
        WalkerParams params = lib.params();
        io.mttkit.tb.coverage.CheckerCoverage coverage = new io.mttkit.tb.coverage.CheckerCoverage(params);
        List<MttMode> modes = modesOf(params);
        long perMode = Math.max(1, checks / modes.size());
        long done = 0;
        long cycles = 0;
        long reads = 0;
        long[] causes = new long[io.mttkit.golden.Cause.values().length];
        long[] cacheStats = new long[CosimHarness.CACHE_STATS.size()];
        long t0 = System.nanoTime();
        ModeRun run = null;
        try {
            for (int m = 0; m < modes.size(); m++) {
                MttMode mode = modes.get(m);
                SplittableRandom rnd = new SplittableRandom(seed * 1_000_003L + mode.ordinal());
                long left = perMode;
                for (int phase = 0; left > 0; phase++) {
                    if (phase % PHASES_PER_WORLD == 0) {
                        run = new ModeRun(lib, mode, rnd); // fresh regions and tables now and then
                    }
                    int n = (int) Math.min(PHASE_CHECKS, left);
                    CosimHarness.Totals t = run.phase(n, seed, coverage);
                    done += t.checks();
                    cycles += t.cycles();
                    reads += t.reads();
                    for (int i = 0; i < causes.length; i++) {
                        causes[i] += t.causes()[i];
                    }
                    for (int i = 0; i < cacheStats.length; i++) {
                        cacheStats[i] += t.cache()[i];
                    }
                    left -= n;
                    progress.update(done, perMode * modes.size(), mode);
                }
            }
        } catch (CosimMismatchException e) {
            if (run != null && run.failure != null && run.failure.failingIndex() > 0) {
                done += run.failure.failingIndex(); // the checks of the failing phase that matched
            }
            double s = (System.nanoTime() - t0) / 1e9;
            String report = e.getMessage();
            java.nio.file.Path written = null;
            if (bundleFile != null && run != null && run.failure != null) {
                try {
                    written = io.mttkit.tb.repro.ReproBundle.writeWithDigest(run.failure, lib.library(), bundleFile);
                    report += "repro bundle: " + written.toAbsolutePath() + " (mtt replay " + written + " [--waves])\n";
                } catch (java.io.IOException | RuntimeException w) {
                    report += "repro bundle NOT written to " + bundleFile + ": " + w.getMessage() + "\n";
                }
            }
            return new Result(done, 1, done / s, cycles, reads, causes, report, coverage.db(), written, cacheStats);
        }
        double s = (System.nanoTime() - t0) / 1e9;
        return new Result(done, 0, done / s, cycles, reads, causes, null, coverage.db(), null, cacheStats);
    }

    /** The golden modes a configuration implements (both formats where built), in declaration order. */
    public static List<MttMode> modesOf(WalkerParams params) {
        List<MttMode> out = new ArrayList<>();
        for (MttMode m : MttMode.values()) {
            if (m == MttMode.BARE || m.xlen() != params.xlen()) {
                continue;
            }
            boolean v09 = m.format() == io.mttkit.golden.TableFormat.SMMPT_V0_9;
            if (v09 ? params.formats().v09() : params.formats().v01()) {
                out.add(m);
            }
        }
        return out;
    }

    /** The random run of one mode: its world, and phase after phase of checks. */
    private static final class ModeRun {
        private final CheckerLibrary lib;
        private final WalkerParams params;
        private final MttMode mode;
        private final SplittableRandom rnd;
        private final TableWorld world;
        private final List<Region> regions;
        private final boolean bigEndian;
        private final long paMask;
        private int phase;
        /** The failing phase, captured at a mismatch (memory as it was, corrupted entries included). */
        private io.mttkit.tb.repro.ReproBundle failure;
        /**
         * Draws for the targeted stimulus added after the mutation run (field-shaped entries, top-of-range root PPNs):
         * a stream of its own, seeded from the regions (which follow from the seed), so that adding it left every
         * other draw of {@link #rnd} as before.
         */
        private final SplittableRandom shapes;
        /** Draws of the cache stimulus (locality, fences): a stream of its own, so cache-less runs stay as they were. */
        private SplittableRandom cacheStream;
        /** PAs whose walk reads a corrupted entry or crosses a PMP region (checked more often). */
        private final List<Long> hot = new ArrayList<>();

        ModeRun(CheckerLibrary lib, MttMode mode, SplittableRandom rnd) {
            this.lib = lib;
            this.params = lib.params();
            this.mode = mode;
            this.rnd = rnd;
            this.bigEndian = params.bigEndianSupport() && rnd.nextBoolean();
            this.paMask = params.paWidth() == 64 ? -1L : (1L << params.paWidth()) - 1;
            // Regions inside [0, 2^32) minus the table area, so that 34-bit modes fit as well.
            List<Region> r = new ArrayList<>(RandomDomains.generate(mode, rnd.nextLong(), 24, 0x9000_0000L, 0x6000_0000L));
            r.addAll(RandomDomains.generate(mode, rnd.nextLong(), 8, 0x1000_0000L, 0x4000_0000L));
            // high windows, so that root (and upper-level) indices other than 0 are walked as well
            int width = Math.min(mode.paBits(), params.paw());
            if (width > 36) {
                for (int shift : new int[] {width - 1, width - 3, 35}) {
                    r.addAll(RandomDomains.generate(mode, rnd.nextLong(), 6, 1L << shift, 1L << 33));
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

        CosimHarness.Totals phase(int n, long seed, CosimHarness.CheckObserver observer) {
            int lmin = 1 + rnd.nextInt(8);
            int lmax = lmin + rnd.nextInt(9 - lmin);
            boolean stalls = rnd.nextInt(3) == 0;
            int busErrors = rnd.nextInt(3) == 0 ? 5 + rnd.nextInt(30) : 0;
            boolean pmpDefault = rnd.nextInt(10) != 0;
            CosimHarness.Settings s = new CosimHarness.Settings(seed ^ ((long) mode.ordinal() << 40) ^ phase++,
                    lmin, lmax, stalls ? 50 + rnd.nextInt(200) : 0, stalls ? 50 + rnd.nextInt(200) : 0, busErrors,
                    pmpDefault);
            hot.clear();
            List<long[]> restore = corrupt(rnd.nextInt(24));
            try (CosimHarness h = new CosimHarness(lib, world.memory(), s)) {
                List<PmpRegion> pmp = pmpRegions(pmpDefault);
                h.setPmpRegions(pmp);
                h.setObserver(observer);
                List<CheckRequest> checks = new ArrayList<>(n);
                List<Stimulus> stream = new ArrayList<>(n + n / 8);
                CacheStimulus cs = lib.cache() == null ? null : new CacheStimulus(cacheRnd(), params, lib.cache());
                for (int i = 0; i < n; i++) {
                    CheckRequest c = cs == null ? randomCheck() : cs.check(this::randomCheck);
                    checks.add(c);
                    stream.add(c);
                    if (cs != null) {
                        cs.fences(stream);
                    }
                }
                try {
                    if (cs == null) {
                        h.run(checks);
                    } else {
                        // two halves with table entries rewritten in between and no fence: cached entries go stale,
                        // and the RTL must use (or drop) them exactly as the golden cache model does
                        int half = stream.size() / 2;
                        h.run(stream.subList(0, half));
                        restore.addAll(corrupt(1 + cs.rnd().nextInt(4)));
                        h.run(stream.subList(half, stream.size()));
                    }
                } catch (CosimMismatchException e) {
                    // captured before the corrupted entries are restored: the bundle holds the memory as it was
                    failure = new io.mttkit.tb.repro.ReproBundle(seed, params, s, pmp,
                            lib.library().built().hash(), 0, h.currentIndex(), e.getMessage(),
                            io.mttkit.tb.repro.ReproBundle.snapshot(world.memory()), checks);
                    throw e;
                }
                if (Boolean.getBoolean("mttkit.cosim.debug")) { // per-phase stimulus summary, for tuning
                    System.out.println(mode + " " + s + " pmp=" + pmp + " causes="
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
