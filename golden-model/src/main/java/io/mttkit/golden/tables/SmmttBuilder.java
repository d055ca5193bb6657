package io.mttkit.golden.tables;

import io.mttkit.golden.MttMode;

import java.util.List;
import java.util.Map;

/**
 * Lays out smmtt-v0.1 (chapter 4) tables. For each 1 GiB range that touches a region:
 * <ul>
 *   <li>{@code 1G_*} in all 32 of its MTTL2 entries when the whole 1 GiB has one permission (§4 "RDSM must
 *       ensure that 32 MTTL2 entries ... have identical TYPE field values");</li>
 *   <li>otherwise per 32 MiB MTTL2 entry: {@code 2M_PAGES} (RV64) / {@code 4M_PAGES} (RV32) when each 2/4 MiB
 *       page has one permission, else {@code MTT_L1_DIR} and an MTTL1 page of 4 KiB PERMs. A 32 MiB entry
 *       that touches no region gets {@code 2M_PAGES}/{@code 4M_PAGES} with every PERM 00 rather than
 *       {@code 1G_disallow}, which would break the 32-identical-entries rule for its 1 GiB range.</li>
 * </ul>
 * 1 GiB ranges that touch no region keep all-zero ({@code 1G_disallow}) entries. For Smmtt56 every MTTL3
 * entry must point to an MTTL2 table because MTTL3 has no valid bit (SPEC-DECISIONS #6); the entries whose
 * 64 TiB touch no region share one all-disallow MTTL2 table.
 */
final class SmmttBuilder {
    private static final int MTTL2_ENTRY_LOG2 = 25;
    private static final int ONE_GIB_LOG2 = 30;
    private static final int ENTRIES_PER_GIB = 32;
    private static final int MTTL3_ENTRIES = 1024;
    private static final int MTTL3_ENTRY_LOG2 = 46;

    private final MttMode mode;
    private final int xlen;
    private final PermissionMap map;
    private final ImageWriter out;
    private final BuildOptions options;
    private final Map<String, Integer> kinds;
    private final List<String> notes;
    private int fillers;

    SmmttBuilder(MttMode mode, PermissionMap map, ImageWriter out, BuildOptions options, Map<String, Integer> kinds,
                 List<String> notes) {
        this.mode = mode;
        this.xlen = mode.xlen();
        this.map = map;
        this.out = out;
        this.options = options;
        this.kinds = kinds;
        this.notes = notes;
    }

    /** Builds every table and returns the physical address of the root (MTTL3 for Smmtt56, else MTTL2). */
    long build() {
        long root;
        if (mode == MttMode.SMMTT56) {
            root = buildMttl3();
        } else {
            // SPEC-DECISIONS #4: mttp.PPN[1:0] read as zero for Smmtt34/46, so the root must be 16 KiB aligned.
            root = buildMttl2(0L, 4 * ImageWriter.PAGE);
        }
        if (fillers > 0) {
            notes.add(fillers + " MTTL2 entr" + (fillers == 1 ? "y" : "ies") + " outside every region but inside a"
                    + " partly used 1 GiB range hold " + SmmttEntries.pagesName(xlen) + " with every PERM 00, not "
                    + "1G_disallow, so that no 1 GiB range has disagreeing entries");
        }
        return root;
    }

    private long buildMttl3() {
        // v0.1 chapter 3 (mttp): for 56 >= PAW > 46 the MTTL3 table is 2^(PAW-43) bytes and naturally
        // aligned: 8 KiB, 8 KiB aligned for the full 56-bit table built here.
        long l3Bytes = (long) MTTL3_ENTRIES * 8;
        long l3 = out.allocate(l3Bytes, l3Bytes);
        long shared = -1;
        int sharers = 0;
        for (int i = 0; i < MTTL3_ENTRIES; i++) {
            long base = (long) i << MTTL3_ENTRY_LOG2;
            long ppn;
            if (map.intersects(base, base + (1L << MTTL3_ENTRY_LOG2) - 1)) {
                ppn = buildMttl2(base, ImageWriter.PAGE) >>> 12;
            } else {
                if (shared < 0) {
                    shared = out.allocate(mttl2Bytes(), ImageWriter.PAGE);
                }
                sharers++;
                ppn = shared >>> 12;
            }
            out.put(l3 + 8L * i, 8, SmmttEntries.mttl3(ppn));
        }
        if (shared >= 0) {
            notes.add(sharers + " MTTL3 entries whose 64 TiB touch no region share one all-1G_disallow MTTL2 table at 0x"
                    + Long.toHexString(shared) + " (MTTL3 entries have no valid bit)");
        }
        return l3;
    }

    /** MTTL2 entries: 2^21 (pn[2] is 21 bits) on RV64, 2^9 on RV32. */
    private int mttl2Entries() {
        return xlen == 64 ? 1 << 21 : 512;
    }

    private long mttl2Bytes() {
        return (long) mttl2Entries() * mode.entryBytes();
    }

    private long buildMttl2(long coveredBase, long align) {
        int eb = mode.entryBytes();
        long table = out.allocate(mttl2Bytes(), align);
        int blocks = mttl2Entries() / ENTRIES_PER_GIB;
        for (int b = 0; b < blocks; b++) {
            long blockBase = coveredBase + ((long) b << ONE_GIB_LOG2);
            long blockLast = blockBase + (1L << ONE_GIB_LOG2) - 1;
            if (!map.intersects(blockBase, blockLast)) {
                continue;
            }
            int first = b * ENTRIES_PER_GIB;
            int p = map.profile(blockBase, blockLast, true);
            if (options.useLargestLeaves() && p >= 0) {
                long e = SmmttEntries.oneGig(xlen, p);
                for (int i = first; i < first + ENTRIES_PER_GIB; i++) {
                    out.put(table + (long) i * eb, eb, e);
                }
                count(SmmttEntries.oneGigName(p), ENTRIES_PER_GIB);
                continue;
            }
            for (int i = first; i < first + ENTRIES_PER_GIB; i++) {
                long entryBase = coveredBase + ((long) i << MTTL2_ENTRY_LOG2);
                long entryAddr = table + (long) i * eb;
                if (!map.intersects(entryBase, entryBase + (1L << MTTL2_ENTRY_LOG2) - 1)) {
                    out.put(entryAddr, eb, SmmttEntries.pages(xlen, new int[xlen == 64 ? 16 : 8]));
                    fillers++;
                    continue;
                }
                int[] pages = options.useLargestLeaves() ? pages(entryBase) : null;
                if (pages != null) {
                    out.put(entryAddr, eb, SmmttEntries.pages(xlen, pages));
                    count(SmmttEntries.pagesName(xlen), 1);
                } else {
                    long l1 = buildMttl1(entryBase);
                    out.put(entryAddr, eb, SmmttEntries.l1Dir(xlen, l1 >>> 12));
                }
            }
        }
        return table;
    }

    /** PERMs of the 16 × 2 MiB (RV64) / 8 × 4 MiB (RV32) pages of a 32 MiB entry, or null when one is mixed. */
    private int[] pages(long entryBase) {
        // v0.1 has no valid bit: bytes outside every region are simply not accessible (PERM 00).
        return map.granules(entryBase, xlen == 64 ? 16 : 8, xlen == 64 ? 21 : 22, true);
    }

    /** One MTTL1 page for a 32 MiB entry: 512 × 64-bit words (RV64) or 1024 × 32-bit words (RV32). */
    private long buildMttl1(long entryBase) {
        long page = out.allocate(ImageWriter.PAGE, ImageWriter.PAGE);
        if (out.stopped()) {
            return page; // only counting the image size now
        }
        int wordBytes = xlen / 8;
        int words = (int) (ImageWriter.PAGE / wordBytes);
        int nibbles = xlen / 4;
        int wordLog2 = 12 + Integer.numberOfTrailingZeros(nibbles);
        int[] xwr = new int[nibbles];
        for (int w = 0; w < words; w++) {
            long wordBase = entryBase + ((long) w << wordLog2);
            if (!map.intersects(wordBase, wordBase + (1L << wordLog2) - 1)) {
                continue;
            }
            for (int k = 0; k < nibbles; k++) {
                xwr[k] = map.permAt(wordBase + ((long) k << 12));
            }
            out.put(page + (long) w * wordBytes, wordBytes, SmmttEntries.mttl1Word(xlen, xwr));
            count("MTTL1 word", 1);
        }
        return page;
    }

    private void count(String kind, int n) {
        kinds.merge(kind, n, Integer::sum);
    }
}
