package io.mttkit.golden.tables;

/**
 * How the {@link TableBuilder} lays out tables.
 *
 * @param useNapot         Smmpt: use NAPOT leaves for naturally aligned groups of 2^(G+1) entries of one
 *                         permission (G=4 on RV64, G=6 on Smmpt34). Ignored for smmtt-v0.1, which has none.
 * @param useLargestLeaves describe each range with the highest-level leaf that can (Smmpt leaves above
 *                         level 0; v0.1 {@code 1G_*}, {@code 2M_PAGES}/{@code 4M_PAGES}). When false every
 *                         range inside a region is described by level-0 leaves (Smmpt level-0 MPTEs, v0.1
 *                         MTTL1 words), which exercises the longest walks.
 * @param maxImageBytes    refuse to build an image larger than this (the error states the size needed)
 * @param bigEndian        write entries most-significant byte first, for {@code mstatus.MBE}=1
 */
public record BuildOptions(boolean useNapot, boolean useLargestLeaves, long maxImageBytes, boolean bigEndian) {

    /** 1 GiB: enough for a Smmtt56 image with dozens of 16 MiB MTTL2 tables. */
    public static final long DEFAULT_MAX_IMAGE_BYTES = 1L << 30;

    /** NAPOT on, largest leaves on, 1 GiB limit, little-endian. */
    public static final BuildOptions DEFAULT = new BuildOptions(true, true, DEFAULT_MAX_IMAGE_BYTES, false);

    public BuildOptions {
        // A Java array holds at most Integer.MAX_VALUE - 8 bytes in practice.
        if (maxImageBytes < 4096 || maxImageBytes > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("maxImageBytes must be between 4096 and " + (Integer.MAX_VALUE - 8)
                    + " bytes, got " + maxImageBytes);
        }
    }

    public BuildOptions withUseNapot(boolean v) {
        return new BuildOptions(v, useLargestLeaves, maxImageBytes, bigEndian);
    }

    public BuildOptions withUseLargestLeaves(boolean v) {
        return new BuildOptions(useNapot, v, maxImageBytes, bigEndian);
    }

    public BuildOptions withMaxImageBytes(long v) {
        return new BuildOptions(useNapot, useLargestLeaves, v, bigEndian);
    }

    public BuildOptions withBigEndian(boolean v) {
        return new BuildOptions(useNapot, useLargestLeaves, maxImageBytes, v);
    }
}
