package io.mttkit.tb.cachesim;

import io.mttkit.golden.Access;
import io.mttkit.golden.MttMode;
import io.mttkit.golden.TableFormat;
import io.mttkit.golden.cache.CheckContext;
import io.mttkit.golden.mem.PhysicalMemory;
import io.mttkit.golden.tables.BuildOptions;
import io.mttkit.golden.tables.BuiltTables;
import io.mttkit.golden.tables.Region;
import io.mttkit.golden.tables.TableBuildException;
import io.mttkit.golden.tables.TableBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Seeded random supervisor domains for the cache co-simulation: per (SDID, mode) a list of random regions
 * (4 KiB .. 64 MiB, legal permissions of the format) and the tables the golden {@link TableBuilder} writes for
 * them (NAPOT and the largest leaves where possible, so every leaf kind and level occurs), all in one memory.
 */
final class CacheWorld {
    /** One domain: its check context and its regions. */
    record Domain(CheckContext ctx, List<Region> regions, BuiltTables tables) {}

    private static final int[] SMMPT_XWR = {0, Access.R, Access.R | Access.W, Access.X, Access.R | Access.X,
            Access.R | Access.W | Access.X};
    private static final int[] SMMTT_XWR = {0, Access.R | Access.X, Access.R | Access.W, Access.R | Access.W | Access.X};
    private static final long TABLE_BASE = 0x8040_0000L;

    final PhysicalMemory memory = new PhysicalMemory();
    final List<Domain> domains = new ArrayList<>();
    private long nextBase = TABLE_BASE;

    /** Builds one domain per (sdid, mode) pair: {@code sdids} × {@code modes}. */
    CacheWorld(Random rnd, int[] sdids, List<MttMode> modes) {
        for (int sdid : sdids) {
            for (MttMode mode : modes) {
                domains.add(build(rnd, sdid, mode));
            }
        }
    }

    /** A domain with fixed regions (directed tests). */
    Domain add(int sdid, MttMode mode, List<Region> regions, BuildOptions options) {
        BuiltTables t = TableBuilder.build(regions, mode, nextBase, options);
        memory.load(t.base(), t.image());
        nextBase = (t.end() + (1 << 20)) & ~((1L << 20) - 1);
        Domain d = new Domain(new CheckContext(sdid, mode, t.rootPpn(), false), regions, t);
        domains.add(d);
        return d;
    }

    private Domain build(Random rnd, int sdid, MttMode mode) {
        for (int attempt = 0; ; attempt++) {
            List<Region> regions = randomRegions(rnd, mode);
            try {
                BuildOptions opts = BuildOptions.DEFAULT.withUseNapot(rnd.nextInt(4) != 0);
                BuiltTables t = TableBuilder.build(regions, mode, nextBase, opts);
                memory.load(t.base(), t.image());
                nextBase = (t.end() + (1 << 20)) & ~((1L << 20) - 1);
                return new Domain(new CheckContext(sdid, mode, t.rootPpn(), false), regions, t);
            } catch (TableBuildException e) {
                if (attempt > 50) {
                    throw e;
                }
            }
        }
    }

    private static List<Region> randomRegions(Random rnd, MttMode mode) {
        int[] legal = mode.format() == TableFormat.SMMPT_V0_9 ? SMMPT_XWR : SMMTT_XWR;
        List<Region> out = new ArrayList<>();
        long cursor = (long) rnd.nextInt(1 << 14) << 12;
        int n = 3 + rnd.nextInt(6);
        for (int i = 0; i < n; i++) {
            int log2 = 12 + rnd.nextInt(15);                    // 4 KiB .. 64 MiB
            long size = (1L << log2) * (1 + rnd.nextInt(3));
            long align = 1L << Math.min(log2, 25);
            long base = (cursor + (rnd.nextInt(4) == 0 ? (long) rnd.nextInt(1 << 12) << 12 : 0) + align - 1) & -align;
            if (base + size > (1L << 31)) {
                break;
            }
            out.add(new Region(base, size, legal[rnd.nextInt(legal.length)]));
            cursor = base + size;
        }
        return out;
    }

    /** A random PA of {@code d}: mostly inside a region, sometimes anywhere below 2 GiB (unmapped: a fault). */
    static long randomPa(Random rnd, Domain d) {
        if (d.regions.isEmpty() || rnd.nextInt(10) == 0) {
            return (rnd.nextLong() & 0x7FFF_FFFFL) & ~0xFFFL | (rnd.nextInt(4096) & ~7);
        }
        Region r = d.regions.get(rnd.nextInt(d.regions.size()));
        return r.base() + ((rnd.nextLong() & Long.MAX_VALUE) % r.size() & ~7L);
    }
}
