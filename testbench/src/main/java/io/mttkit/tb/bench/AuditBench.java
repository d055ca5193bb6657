package io.mttkit.tb.bench;

import io.mttkit.golden.Access;
import io.mttkit.golden.LookupConfig;
import io.mttkit.golden.MttMode;
import io.mttkit.golden.audit.IntendedMap;
import io.mttkit.golden.audit.TableAudit;
import io.mttkit.golden.audit.TableWalk;
import io.mttkit.golden.mem.PhysicalMemory;
import io.mttkit.golden.tables.BuildOptions;
import io.mttkit.golden.tables.BuiltTables;
import io.mttkit.golden.tables.Region;
import io.mttkit.golden.tables.TableBuilder;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * {@code mtt bench audit}: how long {@code mtt audit} takes over a full Smmpt64 table of a 1 TiB domain. Two tables
 * of the same domain (1 TiB rwx at 1 TiB, with seeded 4 KiB no-access holes and 2 MiB rx windows carved by later
 * regions): as the builder writes it (largest leaves), and with every 64 KiB of the terabyte a level-0 leaf of its
 * own (2^24 leaves, a 128 MiB table — the most entries a 1 TiB domain can have). Each is audited against the
 * intent, then against an intent with one extra hole the table lacks. Prints figures; never fails on speed.
 */
public final class AuditBench {
    static final long DOMAIN = 1L << 40;
    static final long IMAGE_BASE = 0x8000_0000L;

    private final long seed;
    private final int holes;

    public AuditBench(long seed, int holes) {
        this.seed = seed;
        this.holes = holes;
    }

    /** The domain's regions, overlapping, later wins. */
    List<Region> regions() {
        Random rnd = new Random(seed);
        List<Region> out = new ArrayList<>();
        out.add(new Region(DOMAIN, DOMAIN, Access.R | Access.W | Access.X));
        for (int i = 0; i < holes; i++) {
            if (rnd.nextBoolean()) {
                out.add(new Region(DOMAIN + (rnd.nextLong(DOMAIN) & -0x1000L), 0x1000, 0));
            } else {
                out.add(new Region(DOMAIN + (rnd.nextLong(DOMAIN) & -0x20_0000L), 0x20_0000, Access.R | Access.X));
            }
        }
        return out;
    }

    public void print(PrintWriter out) {
        MttMode mode = MttMode.SMMPT64;
        List<Region> regions = regions();
        IntendedMap intent = IntendedMap.of(regions, -1L);
        List<Region> extra = new ArrayList<>(regions);
        extra.add(new Region(DOMAIN + DOMAIN / 2 + 0x3000, 0x1000, 0));
        IntendedMap wrongIntent = IntendedMap.of(extra, -1L);
        out.printf("mtt audit over a 1 TiB Smmpt64 domain (%d regions, seed %d), one thread%n", regions.size(), seed);
        out.printf("%-40s %10s %12s %9s %8s %9s%n", "table", "image MiB", "entries", "build s", "audit s", "diffs");
        for (boolean full : new boolean[] {false, true}) {
            BuildOptions options = BuildOptions.DEFAULT.withUseLargestLeaves(!full);
            long t0 = System.nanoTime();
            BuiltTables t = TableBuilder.build(intent.asDisjointRegions(), mode, IMAGE_BASE, options);
            double build = (System.nanoTime() - t0) / 1e9;
            PhysicalMemory mem = new PhysicalMemory();
            mem.load(t.base(), t.image());
            for (boolean wrong : new boolean[] {false, true}) {
                TableWalk walk = new TableWalk(mem, LookupConfig.DEFAULT, mode, t.rootPpn(), false);
                TableAudit.Result r = TableAudit.run(walk, wrong ? wrongIntent : intent, 10);
                out.printf("%-40s %10.1f %12d %9s %8.2f %9d%n",
                        (full ? "64 KiB leaves everywhere" : "largest leaves") + (wrong ? ", one hole missing" : ""),
                        t.image().length / 1048576.0, r.stats().entries(), wrong ? "" : String.format("%.2f", build),
                        r.nanos() / 1e9, r.total());
            }
            out.flush();
        }
    }
}
