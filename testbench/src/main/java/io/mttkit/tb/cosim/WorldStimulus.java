package io.mttkit.tb.cosim;

import io.mttkit.bridge.PmpRegion;
import io.mttkit.tb.dut.CheckerDescription;
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
 * The random world of one regression world: one mode, random regions and the tables the golden {@code TableBuilder}
 * builds over them, then phase after phase of random checks, each phase in a fresh session with its own memory
 * latency (1..8), backpressure, bus-error rate and PMP regions over table pages, and with a few random table entries
 * corrupted (random bits flipped; restored after the phase). A cached checker's phases add the cache stimulus
 * ({@link CacheStimulus}: locality, SDIDs, fences, table entries rewritten mid-stream), and a share of them are
 * <em>clean</em> (no corruption, no PMP denial, no bus errors, PAs mostly inside the regions), so that hits,
 * evictions and walk-cache hits are common. Everything follows from the world's seed.
 */
final class WorldStimulus {
    /** Percentage of a cached checker's phases that are clean (no corruption, PMP denial or bus errors). */
    static final int CLEAN_PERCENT = 50;

    private final CheckerLibrary lib;
    private final CheckerDescription params;
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

    /** The failing phase, as a repro bundle, after a {@link CosimMismatchException} from {@link #phase}; else null. */
    io.mttkit.tb.repro.ReproBundle failure() {
        return failure;
    }

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

    WorldStimulus(CheckerLibrary lib, MttMode mode, long worldSeed) {
        this(lib, mode, worldSeed, false);
    }

    /**
     * The world of {@code mode} seeded by {@code worldSeed}; {@code directed}: its first phases run the
     * {@link DirectedStimulus} slots (the first world of each mode) before the random ones.
     */
    WorldStimulus(CheckerLibrary lib, MttMode mode, long worldSeed, boolean directed) {
        this.lib = lib;
        this.params = lib.description();
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
        if (width > 32 && width <= 36) {
            // RV32 (34-bit PAs): regions above 2^32 too, so that the top PA bits (and cache tag bits) are 1
            r.addAll(RandomDomains.generate(mode, rnd.nextLong(), 6, 1L << 32, 1L << 30));
            r.addAll(RandomDomains.generate(mode, rnd.nextLong(), 6, 3L << 32, 1L << 32));
        }
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
        if (directed) {
            DirectedStimulus d = new DirectedStimulus(params, mode, world, regions, bigEndian, RunPlan.mix(worldSeed ^ 0xD1EC7EDL));
            this.directedSlots.addAll(d.slots());
            this.directedPmp = d.pmpRegions();
        }
    }

    /** Directed slots not yet run (first world of a mode only). */
    private final java.util.ArrayDeque<DirectedStimulus.Slot> directedSlots = new java.util.ArrayDeque<>();
    /** PMP regions of the directed phases. */
    private List<PmpRegion> directedPmp = List.of();

    /**
     * One phase of {@code n} checks in a fresh session. A cached checker's phase is clean
     * ({@value #CLEAN_PERCENT} %): no corrupted entries, no PMP regions, no bus errors and PAs mostly inside the
     * regions, so that walks succeed and fill the cache; the others fault in every way the walker can. Both
     * rewrite a few entries halfway through the stream, without a fence (stale cached entries).
     */
    CosimHarness.Totals phase(int n, long seed, CheckObserver observer) {
        return phase(n, seed, observer, null);
    }

    /**
     * As {@link #phase(int, long, CheckObserver)}; a checker with several walks in flight
     * ({@link CheckerDescription#nonBlocking()}) runs the phase through a {@link WalkHarness} (memory out of order,
     * every cycle compared by the {@link WalkScoreboard}), its stream adds the {@link WalkStimulus} after every
     * check, and {@code walkObserver} is told of every compared walk step (null: nobody).
     */
    CosimHarness.Totals phase(int n, long seed, CheckObserver observer, WalkObserver walkObserver) {
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
        SessionSettings s = new SessionSettings(RunPlan.mix(worldSeed + phase++), lmin, lmax,
                stalls ? 50 + rnd.nextInt(200) : 0, stalls ? 50 + rnd.nextInt(200) : 0, busErrors, pmpDefault);
        hot.clear();
        boolean directed = !directedSlots.isEmpty();
        if (directed) {
            clean = true;
            s = s.withBusErrors(0).withPmpDefaultAllow(true);
        }
        int corruptions = rnd.nextInt(24);
        List<long[]> restore = corrupt(clean ? 0 : corruptions);
        List<PmpRegion> pmp = pmpRegions(pmpDefault);
        if (clean) {
            pmp = directed ? directedPmp : List.of();
        }
        List<Stimulus> stream = new ArrayList<>(n + n / 8);
        List<io.mttkit.tb.repro.PhaseStream.EntryWrite> writes = new ArrayList<>();
        int done = directed ? directedPhase(n, stream, writes) : 0;
        for (int i = done; i < n; i++) {
            CheckRequest c = cs == null ? randomCheck() : cs.check(this::randomCheck);
            Stimulus.Invalidate with = cs == null ? null : cs.withNextCheck();
            if (with != null) {
                stream.add(with); // presented in the same cycle as c
            }
            stream.add(c);
            if (cs != null) {
                cs.fences(stream);
            }
            if (params.nonBlocking() && !directed) {
                walkStimulus(cs).after(c, this::randomCheck, stream);
            }
        }
        if (cs != null && !directed) {
            // two halves with table entries rewritten in between and no fence: cached entries go stale, and the
            // RTL must use (or drop) them exactly as the golden cache model does. Drawn now, applied by the run.
            int half = stream.size() / 2;
            if (stream.get(half - 1) instanceof Stimulus.Invalidate inv && inv.withCheck()) {
                half++; // not between an invalidation and the check it is presented with (one run call each)
            }
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
        try (PhaseHarness h = PhaseHarness.open(lib, world.memory(), s)) {
            h.setPmpRegions(pmp);
            h.setObserver(observer);
            if (h instanceof WalkHarness wh) {
                wh.setWalkObserver(walkObserver);
            }
            io.mttkit.tb.repro.PhaseStream.Run run = ps.start(h, world.memory());
            try {
                run.all();
            } catch (CosimMismatchException e) {
                // the memory as at the phase start: corrupted entries in, the mid-stream writes undone
                run.undoWrites();
                failure = new io.mttkit.tb.repro.ReproBundle(seed, params, s, pmp,
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

    /**
     * Appends directed slots (at most {@code n} checks; at least one slot) to {@code stream}: each slot's entry
     * writes before its items and their undoing after them, fenced (invalidate everything, sync) on a cached checker
     * so that no cached copy of the old entries answers. Returns the checks appended.
     */
    private int directedPhase(int n, List<Stimulus> stream, List<io.mttkit.tb.repro.PhaseStream.EntryWrite> writes) {
        int checks = 0;
        boolean cached = lib.cache() != null;
        while (!directedSlots.isEmpty()) {
            DirectedStimulus.Slot slot = directedSlots.peek();
            if (checks > 0 && checks + slot.checks() > n) {
                break;
            }
            directedSlots.poll();
            List<long[]> undo = new ArrayList<>();
            for (long[] w : slot.writes()) {
                long old = world.readEntry(w[0]);
                undo.add(0, new long[] {w[0], old});
                long v = toMemory(w[1]);
                writes.add(new io.mttkit.tb.repro.PhaseStream.EntryWrite(stream.size(), w[0], world.entryBytes(), v));
                world.writeEntry(w[0], v); // so that later slots of this phase read what the run will see
            }
            if (cached && !undo.isEmpty()) {
                stream.add(Stimulus.Invalidate.all());
                stream.add(new Stimulus.Sync());
            }
            stream.addAll(slot.items());
            checks += slot.checks();
            for (long[] u : undo) {
                writes.add(new io.mttkit.tb.repro.PhaseStream.EntryWrite(stream.size(), u[0], world.entryBytes(), u[1]));
                world.writeEntry(u[0], u[1]);
            }
            if (cached && !undo.isEmpty()) {
                stream.add(Stimulus.Invalidate.all());
                stream.add(new Stimulus.Sync());
            }
        }
        return checks;
    }

    private long toMemory(long v) {
        if (!bigEndian) {
            return v;
        }
        return world.entryBytes() == 8 ? Long.reverseBytes(v) : Integer.reverseBytes((int) v) & 0xFFFF_FFFFL;
    }

    /** The walk stimulus of a checker with several walks in flight: its own stream, split off the cache's. */
    private WalkStimulus walkStimulus;

    private WalkStimulus walkStimulus(CacheStimulus cs) {
        if (walkStimulus == null) {
            walkStimulus = new WalkStimulus(cacheRnd().split(), params.walksInFlight(),
                    lib.cache().minvalQueueDepth(), params.paWidth());
        }
        return walkStimulus;
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
