package io.mttkit.golden.tables;

/**
 * Encoders for Smmpt (smmpt-v0.9, chapter 4) memory protection table entries, read from the spec's
 * figures "Smmpt34 / Smmpt43 non-leaf, non-NAPOT leaf and NAPOT leaf MPTE":
 * <pre>
 *   non-leaf     V[0]=1 L[1]=0 Reserved[9:2] PPN[31:10] (RV32) / PPN[53:10] Reserved[63:54] (RV64)
 *   leaf         V[0]=1 L[1]=1 N[2]=0 Reserved[7:3] XWR[i] at [10+3i:8+3i], i &lt; 8 (RV32) / 16 (RV64)
 *   NAPOT leaf   V[0]=1 L[1]=1 N[2]=1 Reserved[7:3] XWR[10:8] 0[11] G[15:12] Reserved above
 * </pre>
 * Smmpt43, Smmpt52 and Smmpt64 share the RV64 formats ("The MPTE formats for Smmpt52 are identical to that
 * of Smmpt43"). Only well-formed entries are produced: every reserved bit is zero.
 */
public final class SmmptEntries {
    static final long V = 1L;
    static final long L = 1L << 1;
    static final long N = 1L << 2;
    static final int TUPLE_SHIFT = 8;
    static final int PPN_SHIFT = 10;
    static final int G_SHIFT = 12;

    private SmmptEntries() {
    }

    /** Number of XWR tuples in a non-NAPOT leaf: NUMPGINRANGE bits select one of 8 (RV32) or 16 (RV64). */
    public static int tupleCount(int xlen) {
        return checkXlen(xlen) == 32 ? 8 : 16;
    }

    /** The only G value not reserved: 6 for Smmpt34, 4 for the RV64 modes. */
    public static int napotG(int xlen) {
        return checkXlen(xlen) == 32 ? 6 : 4;
    }

    /** Number of MPTEs in one NAPOT range: 2^(G+1). */
    public static int napotEntries(int xlen) {
        return 1 << (napotG(xlen) + 1);
    }

    /** Non-leaf MPTE pointing to the table at {@code ppn} (22-bit PPN on RV32, 44-bit on RV64). */
    public static long nonLeaf(int xlen, long ppn) {
        int ppnBits = checkXlen(xlen) == 32 ? 22 : 44;
        if (ppn < 0 || (ppnBits < 64 && (ppn >>> ppnBits) != 0)) {
            throw new IllegalArgumentException("PPN 0x" + Long.toHexString(ppn) + " does not fit the " + ppnBits
                    + "-bit PPN field of an RV" + xlen + " non-leaf MPTE");
        }
        return V | (ppn << PPN_SHIFT);
    }

    /** Non-NAPOT leaf MPTE whose tuple {@code i} is {@code xwr[i]}; {@code xwr.length} must be the tuple count. */
    public static long leaf(int xlen, int[] xwr) {
        if (xwr.length != tupleCount(xlen)) {
            throw new IllegalArgumentException("an RV" + xlen + " leaf MPTE has " + tupleCount(xlen)
                    + " XWR tuples, got " + xwr.length);
        }
        long e = V | L;
        for (int i = 0; i < xwr.length; i++) {
            e |= (long) checkXwr(xwr[i]) << (TUPLE_SHIFT + 3 * i);
        }
        return e;
    }

    /** NAPOT leaf MPTE with one {@code xwr} for the whole 2^(G+1)-entry range, G = {@link #napotG}. */
    public static long napot(int xlen, int xwr) {
        return V | L | N | ((long) checkXwr(xwr) << TUPLE_SHIFT) | ((long) napotG(xlen) << G_SHIFT);
    }

    private static int checkXwr(int xwr) {
        if (xwr < 0 || xwr > 7 || xwr == 2 || xwr == 6) {
            throw new IllegalArgumentException("XWR " + xwr + " is not a legal Smmpt tuple (010 and 110 are reserved)");
        }
        return xwr;
    }

    private static int checkXlen(int xlen) {
        if (xlen != 32 && xlen != 64) {
            throw new IllegalArgumentException("xlen must be 32 or 64, got " + xlen);
        }
        return xlen;
    }
}
