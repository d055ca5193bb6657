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
            int sizeLog2 = switch (rnd.nextInt(6)) {
                case 0 -> 12;
                case 1 -> 12 + rnd.nextInt(4);
                case 2 -> 16;
                case 3 -> 21;
                case 4 -> 16 + rnd.nextInt(9);
                default -> rnd.nextInt(8) == 0 ? 30 : 22 + rnd.nextInt(4);
            };
            long size = (1L << sizeLog2) * (1 + rnd.nextInt(3));
            long align = 1L << Math.min(sizeLog2, 30);
            long gap = (long) rnd.nextInt(64) << 12;
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
