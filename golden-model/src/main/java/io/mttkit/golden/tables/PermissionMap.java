package io.mttkit.golden.tables;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The validated, non-overlapping regions sorted by base, answering the one question the table layout
 * needs: what permission does a naturally aligned range of physical addresses have?
 *
 * <p>All addresses are unsigned 64-bit values; ranges are given by their first and last byte so that the
 * top of the 64-bit space (Smmpt64) needs no 65-bit arithmetic.
 */
final class PermissionMap {
    /** {@link #profile} result: no region intersects the range. */
    static final int NONE = -2;
    /** {@link #profile} result: the range holds more than one permission. */
    static final int MIXED = -1;

    private final long[] bases;
    private final long[] lasts;
    private final int[] xwrs;

    /** @param regions validated regions: aligned, non-empty, non-wrapping, non-overlapping */
    PermissionMap(List<Region> regions) {
        List<Region> sorted = new ArrayList<>(regions);
        sorted.sort(Comparator.comparing(Region::base, Long::compareUnsigned));
        int n = sorted.size();
        bases = new long[n];
        lasts = new long[n];
        xwrs = new int[n];
        for (int i = 0; i < n; i++) {
            bases[i] = sorted.get(i).base();
            lasts[i] = sorted.get(i).last();
            xwrs[i] = sorted.get(i).xwr();
        }
    }

    /** True when some region has a byte in {@code [lo, last]}. */
    boolean intersects(long lo, long last) {
        int i = firstEndingAtOrAfter(lo);
        return i < bases.length && Long.compareUnsigned(bases[i], last) <= 0;
    }

    /** The permission at {@code pa}; memory outside every region reads as no access (0). */
    int permAt(long pa) {
        int i = firstEndingAtOrAfter(pa);
        return i < bases.length && Long.compareUnsigned(bases[i], pa) <= 0 ? xwrs[i] : 0;
    }

    /**
     * The permission of each of {@code count} consecutive granules of 2^granuleLog2 bytes from {@code base}
     * (what a leaf's tuples or PERM fields hold; a granule no region touches is 0), or null when one granule
     * is {@link #MIXED}.
     *
     * @param gapsAreNoAccess as for {@link #profile(long, long, boolean)}
     */
    int[] granules(long base, int count, int granuleLog2, boolean gapsAreNoAccess) {
        int[] xwr = new int[count];
        for (int i = 0; i < count; i++) {
            long gBase = base + ((long) i << granuleLog2);
            int p = profile(gBase, gBase + (1L << granuleLog2) - 1, gapsAreNoAccess);
            if (p == MIXED) {
                return null;
            }
            xwr[i] = p == NONE ? 0 : p;
        }
        return xwr;
    }

    /**
     * The permission of the range {@code [lo, last]}.
     *
     * @param gapsAreNoAccess true: bytes outside every region count as permission 0 (what a tuple or
     *                        {@code 1G_disallow} says about them); false: they differ from every
     *                        permission, so a range is uniform only when regions of one permission cover it
     * @return {@link #NONE} when no region intersects the range, {@link #MIXED} when it holds two different
     *         permissions, otherwise the one permission (XWR bits)
     */
    int profile(long lo, long last, boolean gapsAreNoAccess) {
        int i = firstEndingAtOrAfter(lo);
        if (i == bases.length || Long.compareUnsigned(bases[i], last) > 0) {
            return NONE;
        }
        final int gap = gapsAreNoAccess ? 0 : MIXED;
        int value = Integer.MIN_VALUE;
        long cursor = lo;
        boolean reachedEnd = false;
        for (; i < bases.length && Long.compareUnsigned(bases[i], last) <= 0; i++) {
            if (Long.compareUnsigned(bases[i], cursor) > 0) {
                value = merge(value, gap);
            }
            value = merge(value, xwrs[i]);
            if (value == MIXED) {
                return MIXED;
            }
            if (Long.compareUnsigned(lasts[i], last) >= 0) {
                reachedEnd = true;
                break;
            }
            cursor = lasts[i] + 1;
        }
        if (!reachedEnd) {
            value = merge(value, gap);
        }
        return value;
    }

    private static int merge(int sofar, int next) {
        if (sofar == Integer.MIN_VALUE) {
            return next;
        }
        return sofar == next ? sofar : MIXED;
    }

    /** Index of the first region whose last byte is at or after {@code pa} (regions are sorted, disjoint). */
    private int firstEndingAtOrAfter(long pa) {
        int lo = 0;
        int hi = lasts.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (Long.compareUnsigned(lasts[mid], pa) < 0) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
