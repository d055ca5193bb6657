package io.mttkit.golden.tables;

import io.mttkit.golden.Access;
import io.mttkit.golden.MttMode;
import io.mttkit.golden.TableFormat;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Property test for every mode: random region sets → {@link TableBuilder} → image in
 * {@link io.mttkit.golden.mem.PhysicalMemory} → {@link io.mttkit.golden.MttLookup} at probed PAs with every
 * need; inside a region the lookup must allow exactly what the region grants and report its XWR, outside
 * every region it must deny everything.
 *
 * <p>Seeded: set {@code -Dmttkit.tables.seed=N} to change the seed and {@code -Dmttkit.tables.sets=N} for
 * the number of region sets per mode (default 200; v0.1 RV64 images are 16–48 MiB each).
 */
class TableLookupPropertyTest {
    private static final long SEED = Long.getLong("mttkit.tables.seed", 0x5EED_7AB1EL);
    private static final int SETS = Integer.getInteger("mttkit.tables.sets", 200);
    private static final long IMAGE_BASE = 0x8040_0000L;
    private static final long PAGE = 0x1000;

    @ParameterizedTest
    @EnumSource(value = MttMode.class, names = "BARE", mode = EnumSource.Mode.EXCLUDE)
    void builtTablesAgreeWithTheLookup(MttMode mode) {
        int checks = 0;
        Set<String> seen = new TreeSet<>();
        for (int set = 0; set < SETS; set++) {
            long seed = SEED * 31 + mode.ordinal() * 1_000_003L + set;
            Random rnd = new Random(seed);
            List<Region> regions = RegionGenerator.regions(rnd, mode);
            // Level-0 leaves only for small totals: a 2^48-byte region at 64 KiB per MPTE would need terabytes.
            long total = regions.stream().mapToLong(Region::size).sum();
            boolean smallLeavesOnly = total <= (8L << 30) && rnd.nextInt(8) == 0;
            BuildOptions options = BuildOptions.DEFAULT.withUseNapot(rnd.nextInt(8) != 0)
                    .withUseLargestLeaves(!smallLeavesOnly).withBigEndian(rnd.nextInt(4) == 0);
            String context = "seed " + seed + " (set " + set + "), options " + options;
            BuiltTables tables = TableBuilder.build(regions, mode, IMAGE_BASE, options);
            LookupOracle oracle = new LookupOracle(tables, regions, options.bigEndian(), context);
            for (long pa : probes(rnd, mode, regions)) {
                oracle.check(pa);
            }
            checks += oracle.checks();
            tables.leafKinds().keySet().forEach(k -> seen.add(k.startsWith("1G_") ? "1G_*" : k));
        }
        assertTrue(checks >= SETS * 6, "every set was probed");
        if (SETS >= 100) {
            // The generator must reach every leaf kind of the mode, or the agreement above proves little.
            assertTrue(seen.containsAll(expectedKinds(mode)), mode.id() + ": expected leaf kinds "
                    + expectedKinds(mode) + " among those built " + seen);
        }
    }

    private static List<String> expectedKinds(MttMode mode) {
        if (mode.format() == TableFormat.SMMTT_V0_1) {
            return List.of("1G_*", SmmttEntries.pagesName(mode.xlen()), "MTTL1 word");
        }
        String g = "G=" + SmmptEntries.napotG(mode.xlen());
        List<String> kinds = new ArrayList<>();
        for (int level = 0; level < mode.levels(); level++) {
            kinds.add("level-" + level + " leaf");
        }
        kinds.add("NAPOT level-0 " + g);
        kinds.add("NAPOT level-1 " + g);
        return kinds;
    }

    /** Region first/last pages, random pages inside, the pages just outside, and random PAs. */
    private static List<Long> probes(Random rnd, MttMode mode, List<Region> regions) {
        List<Long> pas = new ArrayList<>();
        long space = mode.paBits() == 64 ? -1L : (1L << mode.paBits()) - 1;
        for (Region r : regions) {
            long pages = r.size() / PAGE;
            pas.add(r.base() + rnd.nextInt(4096));
            pas.add(r.last() - rnd.nextInt(4096));
            for (int i = 0; i < 3; i++) {
                pas.add(r.base() + (Long.remainderUnsigned(rnd.nextLong(), pages) << 12) + rnd.nextInt(4096));
            }
            if (r.base() != 0) {
                pas.add(r.base() - 1 - rnd.nextInt(4096));
            }
            if (r.last() != space) {
                pas.add(r.last() + 1 + rnd.nextInt(4096));
            }
        }
        for (int i = 0; i < 8; i++) {
            pas.add(rnd.nextLong() & space);
        }
        // Near a region but not necessarily in it: exercises the V=0 / filler entries beside leaves.
        for (int i = 0; i < 8 && !regions.isEmpty(); i++) {
            Region r = regions.get(rnd.nextInt(regions.size()));
            long pa = r.base() + (rnd.nextLong() >> (64 - 28));
            pas.add(pa & space);
        }
        return pas;
    }

    /** Random non-overlapping regions with sizes and alignments that make every leaf kind likely. */
    static final class RegionGenerator {
        private RegionGenerator() {
        }

        static List<Region> regions(Random rnd, MttMode mode) {
            int paBits = mode.paBits();
            long space = paBits == 64 ? -1L : (1L << paBits) - 1;
            boolean rv32 = mode.xlen() == 32;
            // A few anchors keep regions close enough to share tables; Smmtt56 uses at most two 64 TiB
            // ranges (each costs a 16 MiB MTTL2 table).
            int anchorCount = 1 + rnd.nextInt(3);
            long[] anchors = new long[anchorCount];
            long anchorMtt3 = rnd.nextInt(1024);
            for (int a = 0; a < anchorCount; a++) {
                long anchor = rnd.nextInt(3) == 0 ? 0 : rnd.nextLong() & space;
                if (mode == MttMode.SMMTT56) {
                    long l3 = rnd.nextBoolean() ? 0 : anchorMtt3;
                    anchor = (l3 << 46) | (anchor & ((1L << 46) - 1));
                }
                anchors[a] = anchor & -(1L << 25);
            }
            List<Region> out = new ArrayList<>();
            int wanted = rnd.nextInt(9); // 0 regions is a legal input too
            for (int attempt = 0; attempt < 60 && out.size() < wanted; attempt++) {
                long size = size(rnd, rv32, paBits, mode == MttMode.SMMTT56);
                long align = rnd.nextInt(10) < 7 ? Long.highestOneBit(size) : PAGE;
                long anchor = anchors[rnd.nextInt(anchorCount)];
                int spread = new int[]{16, 22, 26, 31, 34}[rnd.nextInt(5)];
                long base = (anchor + (rnd.nextLong() & ((1L << spread) - 1))) & -align & space;
                long last = base + size - 1;
                if (Long.compareUnsigned(last, base) < 0 || Long.compareUnsigned(last, space) > 0) {
                    continue;
                }
                if (overlaps(out, base, last)) {
                    continue;
                }
                out.add(new Region(base, size, xwr(rnd, mode)));
            }
            return out;
        }

        private static long size(Random rnd, boolean rv32, int paBits, boolean smmtt56) {
            long size = switch (rnd.nextInt(12)) {
                case 0 -> PAGE * (1 + rnd.nextInt(16));
                case 1 -> (rv32 ? 32 * 1024 : 64 * 1024) * (1L + rnd.nextInt(4));
                case 2 -> rv32 ? 4L << 20 : 2L << 20;                       // level-0 NAPOT group
                case 3 -> (2L << 20) * (1 + rnd.nextInt(3));
                case 4 -> 4L << 20;
                case 5 -> 32L << 20;                                         // one level-1 / MTTL2 entry
                case 6 -> 1L << 30;                                          // 1G_* / level-1 NAPOT group
                case 7 -> rv32 ? 4L << 30 : 16L << 30;                       // Smmpt34 root NAPOT / RV64 level-2 entry
                case 8 -> rv32 ? 1L << 30 : 1L << 39;                        // RV64 level-2 NAPOT group
                case 9 -> rv32 ? 32L << 20 : 1L << 48;                       // Smmpt64 root tuple (256 TiB)
                default -> PAGE * (1 + (rnd.nextLong() & ((1L << 14) - 1)));  // up to 64 MiB, any page count
            };
            // Smmtt56: at most one 64 TiB MTTL3 range per region (each costs a 16 MiB MTTL2 table).
            return Math.min(size, 1L << (smmtt56 ? 46 : paBits - 2));
        }

        private static int xwr(Random rnd, MttMode mode) {
            if (mode.format() == TableFormat.SMMTT_V0_1) {
                return new int[]{0, Access.R | Access.X, Access.R | Access.W, 7}[rnd.nextInt(4)];
            }
            int[] legal = {0, 1, 3, 4, 5, 7};
            return legal[rnd.nextInt(legal.length)];
        }

        private static boolean overlaps(List<Region> regions, long base, long last) {
            for (Region r : regions) {
                if (Long.compareUnsigned(base, r.last()) <= 0 && Long.compareUnsigned(r.base(), last) <= 0) {
                    return true;
                }
            }
            return false;
        }
    }
}
