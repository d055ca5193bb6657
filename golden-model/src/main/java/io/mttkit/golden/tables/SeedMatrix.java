package io.mttkit.golden.tables;

import io.mttkit.golden.Access;

import java.util.List;

/**
 * The seed's matrix (VERIFICATION-PLAN.md §2): three regions with one permission, built for every mode ×
 * {disallow, rx, rw, rwx}:
 * <ul>
 *   <li>1 GiB at 0xC000_0000 — one {@code 1G_*} range / an Smmpt NAPOT or high-level leaf;</li>
 *   <li>at 0xB000_0000: 4 MiB on RV32 (one {@code 4M_PAGES} page / one Smmpt34 level-1 tuple) and 2 MiB on
 *       RV64 (the smallest "2 MiB-granular" region: one {@code 2M_PAGES} page / one level-1 tuple);</li>
 *   <li>4 KiB at 0xB800_0000 — one MTTL1 nibble / one level-0 tuple.</li>
 * </ul>
 * {@link #TABLE_BASE} holds the tables clear of all three: the largest image (Smmtt56: an 8 KiB MTTL3, two
 * 16 MiB MTTL2 tables and a few MTTL1 pages, about 32 MiB) ends at 0x8240_3000 at most, far below 0xB000_0000, and
 * every address involved stays below 2^34 as Smmtt34/Smmpt34 require.
 */
public final class SeedMatrix {
    /** Default image base for the seed's tables: 4 MiB above the usual RAM base 0x8000_0000, 32 KiB aligned. */
    public static final long TABLE_BASE = 0x8040_0000L;

    /** The four permissions of the matrix: disallow, allow-rx, allow-rw, allow-rwx. */
    public static final List<Integer> PERMISSIONS = List.of(0, Access.R | Access.X, Access.R | Access.W,
            Access.R | Access.W | Access.X);

    public static final long ONE_GIB_BASE = 0xC000_0000L;
    public static final long MID_BASE = 0xB000_0000L;
    public static final long PAGE_BASE = 0xB800_0000L;

    private SeedMatrix() {
    }

    /**
     * The three regions of the matrix, all with permissions {@code xwr}.
     *
     * @param xlen 32 or 64 (selects the 4 MiB or 2 MiB middle region)
     * @param xwr  one of {@link #PERMISSIONS}
     */
    public static List<Region> regions(int xlen, int xwr) {
        if (xlen != 32 && xlen != 64) {
            throw new IllegalArgumentException("xlen must be 32 or 64, got " + xlen);
        }
        if (!PERMISSIONS.contains(xwr)) {
            throw new IllegalArgumentException("the seed's matrix uses none, rx, rw or rwx; got '"
                    + Access.format(xwr) + "'");
        }
        long mid = xlen == 32 ? 4L << 20 : 2L << 20;
        return List.of(new Region(ONE_GIB_BASE, 1L << 30, xwr), new Region(MID_BASE, mid, xwr),
                new Region(PAGE_BASE, 4096, xwr));
    }
}
