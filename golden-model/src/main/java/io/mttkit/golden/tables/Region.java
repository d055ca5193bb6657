package io.mttkit.golden.tables;

import io.mttkit.golden.Access;

import java.util.Locale;

/**
 * One supervisor-domain memory region given to the {@link TableBuilder}: the physical range
 * {@code [base, base + size)} and the XWR permissions the domain gets there.
 *
 * <p>The record itself accepts any values; {@link TableBuilder#build} checks them against the mode
 * (alignment, PA width, expressible permissions, overlaps) so that its error can name the region by index.
 *
 * @param base first byte address (unsigned), 4 KiB aligned
 * @param size size in bytes, a positive multiple of 4 KiB
 * @param xwr  permissions in {@link Access} bits; 0 is an explicit no-access region (a leaf with XWR=000 /
 *             PERM=00 is written, unlike memory outside every region, which gets no leaf at all in Smmpt)
 */
public record Region(long base, long size, int xwr) {

    /**
     * Builds a region from an "rwx"-style permission string: any subset of {@code r}, {@code w}, {@code x}
     * in any order and case; {@code ""}, {@code "none"} or {@code "-"} mean no access.
     *
     * @throws IllegalArgumentException if {@code xwr} is not such a string
     */
    public static Region parse(long base, long size, String xwr) {
        if (xwr == null) {
            throw new IllegalArgumentException("permission string must be given (e.g. \"rw\", \"rx\" or \"none\")");
        }
        String s = xwr.trim().toLowerCase(Locale.ROOT);
        int bits = s.equals("none") || s.equals("-") ? 0 : Access.parse(s);
        return new Region(base, size, bits);
    }

    /** Address of the last byte (unsigned); only meaningful for a region that does not wrap. */
    public long last() {
        return base + size - 1;
    }

    /** The permissions as "rwx"-style text, "none" for 0. */
    public String permissions() {
        return xwr == 0 ? "none" : Access.format(xwr & 7);
    }

    /** {@code [0xb0000000, 0xb01fffff] rw} — inclusive hex range and permissions. */
    @Override
    public String toString() {
        return "[0x" + Long.toHexString(base) + ", 0x" + Long.toHexString(last()) + "] "
                + ((xwr & ~7) != 0 ? "xwr=" + xwr : permissions());
    }
}
