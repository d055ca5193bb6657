package io.mttkit.tb.selftest;

import io.mttkit.golden.Access;
import io.mttkit.golden.MttMode;
import io.mttkit.golden.TableFormat;
import io.mttkit.golden.tables.Region;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Seeded random domain layouts: non-overlapping, 4 KiB-aligned regions of mixed sizes (4 KiB pages up to
 * 1 GiB blocks, aligned so that every leaf kind gets chosen) with permissions the mode's format can express.
 */
public final class RandomDomains {
    private RandomDomains() {
    }

    /** Permissions a format can express (v0.1: none, rx, rw, rwx; Smmpt: also r and x). */
    public static int[] expressible(TableFormat format) {
        int r = Access.R;
        int w = Access.W;
        int x = Access.X;
        return format == TableFormat.SMMTT_V0_1
                ? new int[] {0, r | x, r | w, r | w | x}
                : new int[] {0, r, r | x, r | w, r | w | x, x};
    }

    /**
     * Regions inside [0x8000_0000, 0x8000_0000 + 2^32) below the table image at {@code tableBase}
     * (which stays free), in increasing address order.
     */
    public static List<Region> generate(MttMode mode, long seed, int count, long windowBase, long windowSize) {
        SplittableRandom rnd = new SplittableRandom(seed);
        int[] perms = expressible(mode.format());
        List<Region> regions = new ArrayList<>();
        long cursor = windowBase;
        long end = windowBase + windowSize;
        for (int i = 0; i < count; i++) {
            // Mostly small regions (so that tables reach level 0 and need many pages), some 2 MiB-aligned
            // ones (level-1 leaves, NAPOT groups) and a few 1 GiB blocks.
            int pick = rnd.nextInt(20);
            int sizeLog2;
            if (pick < 7) {
                sizeLog2 = 12;
            } else if (pick < 11) {
                sizeLog2 = 13 + rnd.nextInt(3);
            } else if (pick < 13) {
                sizeLog2 = 16;
            } else if (pick < 16) {
                sizeLog2 = 21;
            } else if (pick < 19) {
                sizeLog2 = 17 + rnd.nextInt(8);
            } else {
                sizeLog2 = rnd.nextInt(4) == 0 ? 30 : 25;
            }
            long size = (1L << sizeLog2) * (1 + rnd.nextInt(3));
            long align = 1L << Math.min(sizeLog2, 30);
            long gap = (long) rnd.nextInt(1 << rnd.nextInt(12)) << 12;
            long base = (cursor + gap + align - 1) & -align;
            if (base + size > end) {
                break;
            }
            regions.add(new Region(base, size, perms[rnd.nextInt(perms.length)]));
            cursor = base + size;
        }
        return regions;
    }
}
