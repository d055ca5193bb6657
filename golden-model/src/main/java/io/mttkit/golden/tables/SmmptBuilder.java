package io.mttkit.golden.tables;

import io.mttkit.golden.MttMode;

import java.util.Map;

/**
 * Lays out Smmpt (smmpt-v0.9 chapter 4) tables top-down from the root, choosing for every MPTE whose range
 * touches a region the largest description that fits:
 * <ol>
 *   <li>a NAPOT leaf, when the naturally aligned group of 2^(G+1) MPTEs containing it lies wholly inside
 *       regions of one permission (every MPTE of the group gets the same NAPOT leaf, as §4 requires);
 *       reaching a table at all means its parent could not be a leaf, since one parent tuple covers
 *       exactly one such group;</li>
 *   <li>a non-NAPOT leaf, when each of its 16 (8 on RV32) tuple granules lies wholly inside regions of one
 *       permission or wholly outside every region (that granule's tuple is XWR=000);</li>
 *   <li>otherwise a non-leaf MPTE pointing to a new table one level down (at level 0 every granule is a
 *       4 KiB page, so level 0 always ends in a leaf).</li>
 * </ol>
 * MPTEs whose range touches no region stay V=0 and get no table below them.
 */
final class SmmptBuilder {
    private final MttMode mode;
    private final int xlen;
    private final PermissionMap map;
    private final ImageWriter out;
    private final BuildOptions options;
    private final Map<String, Integer> kinds;

    SmmptBuilder(MttMode mode, PermissionMap map, ImageWriter out, BuildOptions options, Map<String, Integer> kinds) {
        this.mode = mode;
        this.xlen = mode.xlen();
        this.map = map;
        this.out = out;
        this.options = options;
        this.kinds = kinds;
    }

    /** Builds every table and returns the physical address of the root. */
    long build() {
        return buildTable(rootLevel(), 0L);
    }

    private int rootLevel() {
        return mode.levels() - 1;
    }

    /** log2 of the bytes one MPTE at {@code level} covers: 64 KiB × 512^level (RV64), 32 KiB × 1024^level (RV32). */
    private int entryLog2(int level) {
        return xlen == 64 ? 16 + 9 * level : 15 + 10 * level;
    }

    /** MPTEs per table: 2^9 (RV64; Smmpt64 root 2^12), Smmpt34 2^10 at level 0 and 2^9 at the root. */
    private int entries(int level) {
        if (xlen == 32) {
            return level == 0 ? 1024 : 512;
        }
        return mode == MttMode.SMMPT64 && level == rootLevel() ? 4096 : 512;
    }

    private long buildTable(int level, long coveredBase) {
        int n = entries(level);
        int eb = mode.entryBytes();
        // SPEC-DECISIONS #17: the Smmpt64 root is 32 KiB and 32 KiB aligned; every other table is one page.
        long align = mode == MttMode.SMMPT64 && level == rootLevel() ? 32 * 1024 : ImageWriter.PAGE;
        long table = out.allocate((long) n * eb, align);
        if (level == 0 && out.stopped()) {
            return table; // only counting the image size now, and level-0 tables have nothing below them
        }
        int log2 = entryLog2(level);
        boolean leavesHere = options.useLargestLeaves() || level == 0;
        int group = SmmptEntries.napotEntries(xlen);
        boolean napotHere = options.useNapot() && leavesHere;

        for (int g0 = 0; g0 < n; g0 += group) {
            long groupBase = coveredBase + ((long) g0 << log2);
            long groupLast = groupBase + ((long) group << log2) - 1;
            if (!map.intersects(groupBase, groupLast)) {
                continue;
            }
            if (napotHere) {
                int p = map.profile(groupBase, groupLast, false);
                if (p >= 0) {
                    long napot = SmmptEntries.napot(xlen, p);
                    for (int i = g0; i < g0 + group; i++) {
                        out.put(table + (long) i * eb, eb, napot);
                    }
                    count("NAPOT level-" + level + " G=" + SmmptEntries.napotG(xlen), group);
                    continue;
                }
            }
            for (int i = g0; i < g0 + group; i++) {
                long entryBase = coveredBase + ((long) i << log2);
                long entryLast = entryBase + (1L << log2) - 1;
                if (!map.intersects(entryBase, entryLast)) {
                    continue;
                }
                long entryAddr = table + (long) i * eb;
                int[] tuples = leavesHere ? tuples(entryBase, log2) : null;
                if (tuples != null) {
                    out.put(entryAddr, eb, SmmptEntries.leaf(xlen, tuples));
                    count("level-" + level + " leaf", 1);
                } else {
                    long child = buildTable(level - 1, entryBase);
                    out.put(entryAddr, eb, SmmptEntries.nonLeaf(xlen, child >>> 12));
                }
            }
        }
        return table;
    }

    /**
     * The tuples of a leaf covering 2^log2 bytes from {@code entryBase}, or null when a granule is neither
     * wholly inside regions of one permission nor wholly outside every region (XWR=000).
     */
    private int[] tuples(long entryBase, int log2) {
        int t = SmmptEntries.tupleCount(xlen);
        // Strict: a granule partly outside every region cannot be a tuple, even when its region is
        // no-access, so that unmapped memory stays V=0 wherever a deeper table can keep it so.
        return map.granules(entryBase, t, log2 - Integer.numberOfTrailingZeros(t), false);
    }

    private void count(String kind, int n) {
        kinds.merge(kind, n, Integer::sum);
    }
}
