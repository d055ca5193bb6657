package io.mttkit.tb.bench;

import io.mttkit.tb.cosim.SessionSettings;
import io.mttkit.tb.dut.CheckerDescription;
import io.mttkit.golden.Access;
import io.mttkit.golden.MttMode;
import io.mttkit.golden.mem.PhysicalMemory;
import io.mttkit.golden.tables.BuildOptions;
import io.mttkit.golden.tables.BuiltTables;
import io.mttkit.golden.tables.Region;
import io.mttkit.golden.tables.TableBuilder;
import io.mttkit.tb.cosim.CheckRequest;
import io.mttkit.tb.cosim.CosimHarness;
import io.mttkit.tb.cosim.Stimulus;
import io.mttkit.tb.cosim.TableWorld;
import io.mttkit.tb.selftest.RandomDomains;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The benchmark's fixed-seed workload for a generated cached checker: what a checker in front of a memory
 * controller sees when a few supervisor domains run, not a stress test.
 * <ul>
 * <li><b>Tables</b>: {@value #DOMAINS} supervisor domains, each with its own SDID, mode (cycling through the
 * modes the configuration implements), random regions ({@link RandomDomains}) in a 2 GiB window of its own and
 * tables built by the golden {@link TableBuilder}, one image per domain from {@link TableWorld#TABLE_BASE} up.</li>
 * <li><b>Checks</b>: one domain runs for a while (about 1 in 100 checks switches domain); within it, a working
 * set of {@value #WORKING_SET} pages is touched most of the time (same page: leaf hits; another page of the same
 * 64 KiB: walk-cache hits), with fresh pages of the domain's regions replacing working-set pages (misses, fills,
 * evictions), accesses between regions (MTT faults), a few PAs above the mode's width (PA_RANGE), bypass
 * (M-mode) and Bare checks. Needs are one access type (R, W or X), nearly always one the region grants.</li>
 * <li><b>Fences</b> of all four operand kinds ({@code rs1}/{@code rs2} zero or not): MFENCE.PA (invalidation +
 * sync), MINVAL.PA batches of 1 to queue depth + 2 closed by SFENCE.INVAL.IR (now and then left open), lone
 * syncs; and idle gaps.</li>
 * <li><b>Session</b>: memory latency 2–8, 3 % stalls of {@code mrd_ready} and {@code rsp_ready}, 1 ‰ bus
 * errors, PMP allowing everything (firmware grants the tables).</li>
 * </ul>
 * Tables are not rewritten mid-stream (the C++ runner attaches a fixed image).
 */
final class CosimStimulus {
    /** Supervisor domains (SDIDs 1..DOMAINS). */
    static final int DOMAINS = 4;
    /** Pages each domain keeps touching. */
    static final int WORKING_SET = 24;
    /** Where each domain's regions live: window {@code d} is {@code [(d + 1) * 4 GiB, + 2 GiB)}. */
    private static final long WINDOW_STRIDE = 1L << 32;
    private static final long WINDOW_SIZE = 1L << 31;

    private CosimStimulus() {
    }

    /** One domain: its tables and what it is touching. */
    private record Domain(int sdid, MttMode mode, long rootPpn, long window, List<Region> regions, long[] workingSet,
                          int[] workingXwr) {
    }

    /**
     * The workload of {@code requests} stream items (checks, fences, idle gaps) for a checker of {@code params} with a
     * cache of {@code shape}; everything follows from {@code seed}.
     *
     * @throws IllegalArgumentException when {@code requests} < 1, the configuration has no cache, too few SDID bits for
     *                                  {@value #DOMAINS} domains or no MTT mode
     */
    static BenchWorkload generate(CheckerDescription params, CheckerDescription.Cache shape, long seed, int requests) {
        if (requests < 1) {
            throw new IllegalArgumentException("the workload needs at least one request; got " + requests);
        }
        if (params.sdidLen() < 3) {
            throw new IllegalArgumentException("the benchmark runs " + DOMAINS + " supervisor domains (SDIDs 1.."
                    + DOMAINS + "); this configuration implements sdidLen " + params.sdidLen()
                    + " bits. Benchmark a configuration with sdidLen >= 3 (the shipped ones have 6)");
        }
        if (shape == null) {
            throw new IllegalArgumentException("the benchmark measures a cached checker; this library has no cache "
                    + "(use a checker-rv* configuration, e.g. the shipped rv64-smmpt)");
        }
        List<MttMode> modes = params.modes();
        if (modes.isEmpty()) {
            throw new IllegalArgumentException("the configuration implements no MTT mode to benchmark");
        }
        SplittableRandom rnd = new SplittableRandom(seed);
        PhysicalMemory memory = new PhysicalMemory();
        List<Domain> domains = new ArrayList<>();
        long imageBase = TableWorld.TABLE_BASE;
        for (int d = 0; d < DOMAINS; d++) {
            MttMode mode = modes.get(d % modes.size());
            long window = (d + 1) * WINDOW_STRIDE;
            List<Region> regions = RandomDomains.generate(mode, rnd.nextLong(), 32, window, WINDOW_SIZE);
            if (regions.stream().allMatch(r -> r.xwr() == 0)) {
                throw new IllegalStateException("seed " + seed + " gives domain " + (d + 1) + " no accessible region; "
                        + "choose another seed");
            }
            BuildOptions options = BuildOptions.DEFAULT.withUseNapot(d % 2 == 0);
            BuiltTables t = TableBuilder.build(regions, mode, imageBase, options);
            memory.load(t.base(), t.image());
            imageBase = (t.end() + 0xF_FFFFL) & ~0xF_FFFFL; // next domain's image on the next 1 MiB boundary
            Domain dom = new Domain(d + 1, mode, t.rootPpn(), window, regions, new long[WORKING_SET],
                    new int[WORKING_SET]);
            for (int i = 0; i < WORKING_SET; i++) {
                touchFresh(dom, i, rnd);
            }
            domains.add(dom);
        }
        SessionSettings settings = new SessionSettings(seed, 2, 8, 30, 30, 1, true);
        Mix mix = new Mix();
        List<Stimulus> stream = new ArrayList<>(requests + 16);
        Domain cur = domains.get(0);
        while (stream.size() < requests) {
            if (rnd.nextInt(100) == 0) {
                cur = domains.get(rnd.nextInt(domains.size())); // a context switch
            }
            stream.add(check(cur, params, rnd, mix));
            fences(stream, domains, shape, rnd);
        }
        while (stream.size() > requests) {
            stream.remove(stream.size() - 1); // fences after the last check may overshoot: the size is exact
        }
        long invalidations = stream.stream().filter(x -> x instanceof Stimulus.Invalidate).count();
        long syncs = stream.stream().filter(x -> x instanceof Stimulus.Sync).count();
        long idles = stream.stream().filter(x -> x instanceof Stimulus.Idle).count();
        String summary = String.format("%d domains (%s), %d checks (%d%% working set, %d%% fresh pages, %d between "
                        + "regions, %d PA range, %d bypass, %d Bare), %d invalidations, %d syncs, %d idle gaps",
                DOMAINS, String.join(", ", domains.stream().map(x -> "SDID " + x.sdid() + " " + x.mode()).toList()),
                mix.checks, Math.round(100.0 * mix.workingSet / Math.max(1, mix.checks)),
                Math.round(100.0 * mix.fresh / Math.max(1, mix.checks)), mix.between, mix.paRange, mix.bypass, mix.bare,
                invalidations, syncs, idles);
        return new BenchWorkload(memory, stream, List.of(), settings, summary);
    }

    /** Counts of what was generated (for the summary line). */
    private static final class Mix {
        int checks, workingSet, fresh, between, paRange, bypass, bare;
    }

    private static CheckRequest check(Domain d, CheckerDescription params, SplittableRandom rnd, Mix mix) {
        mix.checks++;
        long paMask = params.paWidth() == 64 ? -1L : (1L << params.paWidth()) - 1;
        int k = rnd.nextInt(1000);
        long pa;
        int need;
        if (k < 10) {
            mix.bypass++;
            int slot = workingSlot(rnd);
            pa = d.workingSet()[slot] | rnd.nextInt(4096);
            return withSdid(CheckRequest.bypass(d.mode(), d.rootPpn(), pa, need(d.workingXwr()[slot], rnd)), d.sdid());
        } else if (k < 15) {
            mix.bare++;
            int slot = workingSlot(rnd);
            pa = d.workingSet()[slot] | rnd.nextInt(4096);
            CheckRequest c = CheckRequest.of(MttMode.BARE, d.rootPpn(), pa, need(d.workingXwr()[slot], rnd), false);
            return withSdid(c, d.sdid());
        } else if (k < 18) {
            // a bit at or above the mode's (or paw's) width, inside the port: PA_RANGE without a walk
            mix.paRange++;
            int lo = Math.min(d.mode().paBits(), params.paw());
            int bit = lo >= params.paWidth() ? params.paWidth() - 1 : lo + rnd.nextInt(params.paWidth() - lo);
            pa = (d.workingSet()[workingSlot(rnd)] | 1L << bit) & paMask;
            need = accessType(rnd);
        } else if (k < 38) {
            // a stray access between the domain's regions: the walk ends at an invalid entry (MTT fault)
            mix.between++;
            pa = d.window() + rnd.nextLong(WINDOW_SIZE);
            need = accessType(rnd);
        } else if (k < 140) {
            // a new page of the domain's memory joins the working set (a miss that fills and evicts)
            mix.fresh++;
            int slot = rnd.nextInt(WORKING_SET);
            touchFresh(d, slot, rnd);
            pa = d.workingSet()[slot] | rnd.nextInt(4096);
            need = need(d.workingXwr()[slot], rnd);
        } else {
            mix.workingSet++;
            int slot = workingSlot(rnd);
            long page = d.workingSet()[slot];
            if (rnd.nextInt(8) == 0) {
                page ^= (long) (1 + rnd.nextInt(15)) << 12; // a neighbour in the same 64 KiB: another leaf, same walk
            }
            pa = page | rnd.nextInt(4096);
            need = need(d.workingXwr()[slot], rnd);
        }
        return withSdid(CheckRequest.of(d.mode(), d.rootPpn(), pa & paMask, need, false), d.sdid());
    }

    /** A load, store or fetch (60 / 25 / 15 %): one access type, as the checker sees from a real requester. */
    private static int accessType(SplittableRandom rnd) {
        int k = rnd.nextInt(20);
        return k < 3 ? Access.X : k < 8 ? Access.W : Access.R;
    }

    /**
     * The access to a page whose region grants {@code xwr}: one the region allows, except 1 in 50 that need not be
     * (a wild store, a jump into data: PERM_DENY).
     */
    private static int need(int xwr, SplittableRandom rnd) {
        if (rnd.nextInt(50) == 0) {
            return accessType(rnd);
        }
        for (;;) {
            int a = accessType(rnd);
            if ((a & xwr) != 0) {
                return a;
            }
        }
    }

    private static CheckRequest withSdid(CheckRequest c, int sdid) {
        return new CheckRequest(c.pa(), c.need(), c.mode(), c.rawMode(), c.rootPpn(), sdid, c.be(), c.bypass());
    }

    /** A working-set slot, skewed: the first slots are the hottest (a stack, a code page, ...). */
    private static int workingSlot(SplittableRandom rnd) {
        return Math.min(rnd.nextInt(WORKING_SET), rnd.nextInt(WORKING_SET));
    }

    /**
     * Puts a random page of a random accessible region of the domain into working-set slot {@code slot} (software
     * does not keep touching memory its domain may not access; stray accesses are the "between regions" checks).
     */
    private static void touchFresh(Domain d, int slot, SplittableRandom rnd) {
        Region r;
        do {
            r = d.regions().get(rnd.nextInt(d.regions().size()));
        } while (r.xwr() == 0);
        d.workingSet()[slot] = (r.base() + rnd.nextLong(r.size())) & ~0xFFFL;
        d.workingXwr()[slot] = r.xwr();
    }

    /** The fences (if any) and idle gaps that follow a check; rates of a system that remaps now and then. */
    private static void fences(List<Stimulus> out, List<Domain> domains, CheckerDescription.Cache shape, SplittableRandom rnd) {
        int k = rnd.nextInt(1000);
        if (k < 3) {
            out.add(invalidation(domains, rnd)); // MFENCE.PA
            out.add(new Stimulus.Sync());
        } else if (k < 5) {
            int batch = 1 + rnd.nextInt(shape.minvalQueueDepth() + 2); // 1 .. depth + 2: the queue back-pressures
            for (int i = 0; i < batch; i++) {
                out.add(invalidation(domains, rnd)); // MINVAL.PA
            }
            if (rnd.nextInt(8) != 0) {
                out.add(new Stimulus.Sync()); // SFENCE.INVAL.IR; else the queue drains while checks go on
            }
        } else if (k < 6) {
            out.add(new Stimulus.Sync());
        } else if (k < 16) {
            out.add(new Stimulus.Idle(1 + rnd.nextInt(20)));
        }
    }

    /** An invalidation operand of any of the four kinds, aimed at a page some domain is using. */
    private static Stimulus.Invalidate invalidation(List<Domain> domains, SplittableRandom rnd) {
        Domain d = domains.get(rnd.nextInt(domains.size()));
        return switch (rnd.nextInt(4)) {
            case 0 -> new Stimulus.Invalidate(true, d.workingSet()[workingSlot(rnd)], true, d.sdid());
            case 1 -> new Stimulus.Invalidate(true, d.workingSet()[workingSlot(rnd)], false, 0);
            case 2 -> new Stimulus.Invalidate(false, 0, true, d.sdid());
            default -> Stimulus.Invalidate.all();
        };
    }
}
