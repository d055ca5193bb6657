package io.mttkit.golden.audit;

import io.mttkit.golden.Access;
import io.mttkit.golden.MttMode;
import io.mttkit.golden.TableFormat;
import io.mttkit.golden.tables.Region;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;

/**
 * What a list of regions intends, as a partition of the whole PA space {@code [0, top]} into ranges of one
 * permission: memory outside every region has no access, and where regions overlap the <b>later</b> region in the
 * list wins (firmware lists carve holes that way: a 2 MiB rwx region, then a 4 KiB no-access page inside it).
 * Adjacent ranges of one permission are merged. All addresses are unsigned; ranges are inclusive.
 */
public final class IntendedMap {
    private final long[] firsts;
    private final long[] lasts;
    private final int[] xwrs;

    private IntendedMap(long[] firsts, long[] lasts, int[] xwrs) {
        this.firsts = firsts;
        this.lasts = lasts;
        this.xwrs = xwrs;
    }

    /**
     * What is wrong with {@code regions} as the intent for {@code mode}: each problem names the region by its index
     * in the list and the field, and says what to do. Empty when they are fine.
     *
     * @param paw the platform physical address width (12..64): the audit covers {@code [0, 2^min(paw, PA width))}
     */
    public static List<String> problems(List<Region> regions, MttMode mode, int paw) {
        List<String> problems = new ArrayList<>();
        int width = Math.min(mode.paBits(), paw);
        for (int i = 0; i < regions.size(); i++) {
            Region r = regions.get(i);
            String name = "region " + i;
            if (r.size() == 0 || (r.size() & 0xFFF) != 0) {
                problems.add(name + " field 'size': 0x" + Long.toHexString(r.size()) + " is not a positive multiple"
                        + " of 4 KiB; the tables decide whole 4 KiB pages, so give 0x1000, 0x2000, ...");
                continue;
            }
            if ((r.base() & 0xFFF) != 0) {
                problems.add(name + " field 'base': 0x" + Long.toHexString(r.base()) + " is not 4 KiB aligned; use 0x"
                        + Long.toHexString(r.base() & ~0xFFFL));
                continue;
            }
            if (Long.compareUnsigned(r.last(), r.base()) < 0) {
                problems.add(name + " wraps past the top of the 64-bit address space; shorten field 'size'");
                continue;
            }
            if (width < 64 && (r.last() >>> width) != 0) {
                problems.add(name + " " + r + " ends beyond the " + width + "-bit physical address space of "
                        + mode.id() + (paw < mode.paBits() ? " with paw " + paw : "") + " (last address 0x"
                        + Long.toHexString((1L << width) - 1) + "); move or shorten it, or audit a mode with a wider PA");
                continue;
            }
            int xwr = r.xwr();
            if (mode.format() == TableFormat.SMMTT_V0_1 && xwr != 0 && xwr != 3 && xwr != 5 && xwr != 7) {
                problems.add(name + " field 'xwr': '" + Access.format(xwr) + "' cannot be expressed in smmtt-v0.1"
                        + " (its PERM encodings are none, rx, rw and rwx); write the permission the firmware meant");
            } else if (mode.format() == TableFormat.SMMPT_V0_9 && (xwr & 3) == Access.W) {
                problems.add(name + " field 'xwr': '" + Access.format(xwr) + "' is W without R, a reserved XWR"
                        + " encoding in Smmpt; write the permission the firmware meant (add r)");
            }
        }
        return problems;
    }

    /**
     * The intent of {@code regions} (checked with {@link #problems} first) over {@code [0, top]}.
     *
     * @param top the last address of the audited PA space (unsigned; -1 for the whole 64-bit space)
     */
    public static IntendedMap of(List<Region> regions, long top) {
        // Sweep the boundaries; at each one the live region with the highest index decides.
        int n = regions.size();
        long[] cuts = new long[2 * n + 1];
        int c = 0;
        cuts[c++] = 0;
        for (Region r : regions) {
            cuts[c++] = r.base();
            if (r.last() != -1L) {
                cuts[c++] = r.last() + 1;
            }
        }
        long[] sorted = Arrays.copyOf(cuts, c);
        for (int i = 0; i < c; i++) {
            sorted[i] ^= Long.MIN_VALUE; // unsigned order via signed sort
        }
        Arrays.sort(sorted);
        long[] bounds = new long[c];
        int nb = 0;
        for (int i = 0; i < c; i++) {
            long v = sorted[i] ^ Long.MIN_VALUE;
            if (Long.compareUnsigned(v, top) > 0) {
                break;
            }
            if (nb == 0 || bounds[nb - 1] != v) {
                bounds[nb++] = v;
            }
        }
        // For each boundary, which regions start and which end there (indexes into bounds by binary search).
        List<List<Integer>> opening = new ArrayList<>();
        List<List<Integer>> closing = new ArrayList<>();
        for (int i = 0; i < nb; i++) {
            opening.add(new ArrayList<>());
            closing.add(new ArrayList<>());
        }
        for (int k = 0; k < n; k++) {
            Region r = regions.get(k);
            if (r.size() == 0) {
                continue; // says nothing (and would open where it closes)
            }
            int s = find(bounds, nb, r.base());
            if (s >= 0) {
                opening.get(s).add(k);
            }
            if (r.last() != -1L) {
                int e = find(bounds, nb, r.last() + 1);
                if (e >= 0) {
                    closing.get(e).add(k);
                }
            }
        }
        TreeSet<Integer> live = new TreeSet<>();
        List<long[]> out = new ArrayList<>(); // {first, last, xwr}
        for (int i = 0; i < nb; i++) {
            live.removeAll(closing.get(i));
            live.addAll(opening.get(i));
            long first = bounds[i];
            long last = i + 1 < nb ? bounds[i + 1] - 1 : top;
            int xwr = live.isEmpty() ? 0 : regions.get(live.last()).xwr();
            if (!out.isEmpty() && out.get(out.size() - 1)[2] == xwr) {
                out.get(out.size() - 1)[1] = last;
            } else {
                out.add(new long[] {first, last, xwr});
            }
        }
        long[] f = new long[out.size()];
        long[] l = new long[out.size()];
        int[] x = new int[out.size()];
        for (int i = 0; i < out.size(); i++) {
            f[i] = out.get(i)[0];
            l[i] = out.get(i)[1];
            x[i] = (int) out.get(i)[2];
        }
        return new IntendedMap(f, l, x);
    }

    private static int find(long[] bounds, int nb, long v) {
        int lo = 0;
        int hi = nb - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            int cmp = Long.compareUnsigned(bounds[mid], v);
            if (cmp == 0) {
                return mid;
            }
            if (cmp < 0) {
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return -1;
    }

    /** Number of ranges in the partition. */
    public int size() {
        return firsts.length;
    }

    public long first(int i) {
        return firsts[i];
    }

    public long last(int i) {
        return lasts[i];
    }

    public int xwr(int i) {
        return xwrs[i];
    }

    /** The intended permission at {@code pa} (0 beyond the audited space). */
    public int at(long pa) {
        int i = indexOf(pa);
        return i < 0 ? 0 : xwrs[i];
    }

    /** Index of the range holding {@code pa}, or -1 when {@code pa} is beyond the audited space. */
    public int indexOf(long pa) {
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
        return lo < lasts.length ? lo : -1;
    }

    /**
     * The disjoint regions of one permission each that say the same as this map (the ranges with a permission; the
     * gaps are no access): what a correct firmware would hand to a builder that refuses overlaps.
     */
    public List<Region> asDisjointRegions() {
        List<Region> out = new ArrayList<>();
        for (int i = 0; i < firsts.length; i++) {
            if (xwrs[i] != 0) {
                out.add(new Region(firsts[i], lasts[i] - firsts[i] + 1, xwrs[i]));
            }
        }
        return out;
    }
}
