package io.mttkit.tb.bench;

import io.mttkit.golden.Access;
import io.mttkit.golden.ImplicitReadCheck;
import io.mttkit.golden.LookupConfig;
import io.mttkit.golden.LookupResult;
import io.mttkit.golden.MttLookup;
import io.mttkit.golden.MttMode;
import io.mttkit.golden.mem.PhysicalMemory;
import io.mttkit.golden.tables.BuiltTables;
import io.mttkit.golden.tables.Region;
import io.mttkit.golden.tables.TableBuilder;
import io.mttkit.tb.selftest.RandomDomains;
import java.io.PrintWriter;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Golden-model lookup throughput per mode on seeded random tables, single-threaded. A figure, printed;
 * never an assertion. The golden model must never be what limits a co-simulation.
 */
public final class GoldenBench {
    private static final long WINDOW_BASE = 0x1_0000_0000L;
    private static final long TABLE_BASE = 0x8000_0000L;

    /** Result for one mode. */
    public record Figure(MttMode mode, double lookupsPerSecond, double readsPerLookup, int regions, int pages) {
    }

    private final double seconds;
    private final long seed;

    public GoldenBench(double seconds, long seed) {
        this.seconds = seconds;
        this.seed = seed;
    }

    public Figure measure(MttMode mode) {
        // 34-bit modes keep everything below 2^34; the window is 8 GiB above the tables.
        List<Region> regions = RandomDomains.generate(mode, seed, 400, WINDOW_BASE, 1L << 33);
        BuiltTables t = TableBuilder.build(regions, mode, TABLE_BASE);
        PhysicalMemory mem = new PhysicalMemory();
        mem.load(t.base(), t.image());
        MttLookup lookup = new MttLookup(mem, ImplicitReadCheck.ALLOW_ALL, LookupConfig.DEFAULT);

        // Pre-generate the queries so the timed loop measures the lookup alone.
        int n = 1 << 16;
        long[] pas = new long[n];
        int[] needs = new int[n];
        SplittableRandom rnd = new SplittableRandom(seed ^ mode.ordinal());
        int[] needChoices = {Access.R, Access.W, Access.X, Access.R | Access.W};
        for (int i = 0; i < n; i++) {
            Region r = regions.get(rnd.nextInt(regions.size()));
            pas[i] = rnd.nextInt(10) == 0 ? WINDOW_BASE + (rnd.nextLong(1L << 33) & ~7L)
                    : r.base() + (rnd.nextLong(r.size()) & ~7L);
            needs[i] = needChoices[rnd.nextInt(needChoices.length)];
        }
        LookupResult out = new LookupResult();
        run(lookup, mode, t.rootPpn(), pas, needs, out, (long) (0.3e9)); // warm-up (JIT)
        long t0 = System.nanoTime();
        long[] count = run(lookup, mode, t.rootPpn(), pas, needs, out, (long) (seconds * 1e9));
        double elapsed = (System.nanoTime() - t0) / 1e9;
        return new Figure(mode, count[0] / elapsed, (double) count[1] / count[0], regions.size(), t.pagesUsed());
    }

    private static long[] run(MttLookup lookup, MttMode mode, long rootPpn, long[] pas, int[] needs,
                              LookupResult out, long nanos) {
        long lookups = 0;
        long reads = 0;
        long deadline = System.nanoTime() + nanos;
        int mask = pas.length - 1;
        do {
            for (int i = 0; i < 4096; i++) {
                int k = (int) (lookups & mask);
                lookup.lookup(mode, rootPpn, pas[k], needs[k], false, out);
                reads += out.readCount();
                lookups++;
            }
        } while (System.nanoTime() < deadline);
        return new long[] {lookups, reads};
    }

    /** Measures every mode (or one) and prints a table. */
    public void print(List<MttMode> modes, PrintWriter out) {
        out.printf("golden lookup throughput, single thread, %.1f s per mode, seed %d%n", seconds, seed);
        out.printf("%-9s %14s %12s %9s %7s%n", "mode", "lookups/s", "reads/check", "regions", "pages");
        for (MttMode m : modes) {
            Figure f = measure(m);
            out.printf("%-9s %14.0f %12.2f %9d %7d%n", m.id(), f.lookupsPerSecond(), f.readsPerLookup(),
                    f.regions(), f.pages());
            out.flush();
        }
        out.println("goal: >= 5 M lookups/s for smmpt43 (indicative on a 2-core machine)");
    }
}
