package io.mttkit.tb.selftest;

import io.mttkit.golden.Access;
import io.mttkit.golden.ImplicitReadCheck;
import io.mttkit.golden.LookupConfig;
import io.mttkit.golden.LookupResult;
import io.mttkit.golden.MttLookup;
import io.mttkit.golden.MttMode;
import io.mttkit.golden.cache.CacheParams;
import io.mttkit.golden.cache.CheckContext;
import io.mttkit.golden.cache.CheckOutcome;
import io.mttkit.golden.cache.MttCacheModel;
import io.mttkit.golden.mem.PhysicalMemory;
import io.mttkit.golden.tables.BuiltTables;
import io.mttkit.golden.tables.Region;
import io.mttkit.golden.tables.SeedMatrix;
import io.mttkit.golden.tables.TableBuilder;
import java.util.ArrayList;
import java.util.List;

/**
 * The seed's permission matrix (VERIFICATION-PLAN.md §2) on the golden model: for one mode and one
 * permission, build the three regions' tables with the table builder, then probe pages of every region with
 * a load (R), a store (W) and a fetch (X) — the same probing scheme as the seed's kvm-unit-tests — through the
 * plain lookup and through the cache reference model, and compare the measured R/W/X with the region's.
 * Pages just outside each region must be inaccessible.
 */
public final class GoldenSeedMatrix {

    /** One cell of the matrix: a mode × a permission, with what was probed and what went wrong. */
    public record Cell(MttMode mode, int xwr, boolean pass, long probes, List<String> failures,
                       String tableSummary) {
        public String label() {
            return String.format("%s %-8s %s", mode.xlen(), mode.id(), permName(xwr));
        }
    }

    /** How densely the 1 GiB region is probed: every page (slow) or a stride of pages plus both ends. */
    private final long oneGibStridePages;

    public GoldenSeedMatrix(long oneGibStridePages) {
        if (oneGibStridePages < 1) {
            throw new IllegalArgumentException("stride must be at least 1 page");
        }
        this.oneGibStridePages = oneGibStridePages;
    }

    public static String permName(int xwr) {
        return xwr == 0 ? "disallow" : "allow-" + Access.format(xwr);
    }

    /** Runs one cell. */
    public Cell run(MttMode mode, int xwr) {
        List<Region> regions = SeedMatrix.regions(mode.xlen(), xwr);
        BuiltTables t = TableBuilder.build(regions, mode, SeedMatrix.TABLE_BASE);
        PhysicalMemory mem = new PhysicalMemory();
        mem.load(t.base(), t.image());
        MttLookup lookup = new MttLookup(mem, ImplicitReadCheck.ALLOW_ALL, LookupConfig.DEFAULT);
        MttCacheModel cache = new MttCacheModel(CacheParams.defaults(mode.xlen()), lookup);
        CheckContext ctx = new CheckContext(1, mode, t.rootPpn(), false);
        LookupResult r = new LookupResult();
        List<String> failures = new ArrayList<>();
        long probes = 0;
        for (Region region : regions) {
            long pages = region.size() >>> 12;
            long stride = region.size() >= (1L << 30) ? oneGibStridePages : 1;
            for (long p = 0; p < pages; p += stride) {
                probes += probePage(lookup, cache, ctx, r, region.base() + (p << 12), xwr, failures);
            }
            probes += probePage(lookup, cache, ctx, r, region.last() & ~0xfffL, xwr, failures);
            // Just outside: the page below and the page above the region belong to no region.
            probes += probePage(lookup, cache, ctx, r, region.base() - 4096, 0, failures);
            probes += probePage(lookup, cache, ctx, r, region.base() + region.size(), 0, failures);
        }
        return new Cell(mode, xwr, failures.isEmpty(), probes, failures, t.describe());
    }

    /** Probes one page with R, W and X through lookup and cache; returns the number of checks made. */
    private static int probePage(MttLookup lookup, MttCacheModel cache, CheckContext ctx, LookupResult r,
                                 long page, int expectedXwr, List<String> failures) {
        int checks = 0;
        int measured = 0;
        int measuredCached = 0;
        // Probe an address inside the page that is not its first byte, as a real access would.
        long pa = page + 0x10;
        for (int need : new int[] {Access.R, Access.W, Access.X}) {
            lookup.lookup(ctx.mode(), ctx.rootPpn(), pa, need, false, r);
            if (r.allow()) {
                measured |= need;
            }
            CheckOutcome c = cache.check(ctx, pa, need);
            if (c.allow()) {
                measuredCached |= need;
            }
            checks += 2;
        }
        if (measured != expectedXwr && failures.size() < 20) {
            failures.add(String.format("page 0x%x: measured %s, expected %s (lookup)", page,
                    permName(measured), permName(expectedXwr)));
        }
        if (measuredCached != expectedXwr && failures.size() < 20) {
            failures.add(String.format("page 0x%x: measured %s, expected %s (through the cache model)", page,
                    permName(measuredCached), permName(expectedXwr)));
        }
        return checks;
    }
}
