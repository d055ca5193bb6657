package io.mttkit.golden.tables;

import io.mttkit.golden.Access;

/**
 * Encoders for smmtt-v0.1 (chapter 4) MTT entries, read from the spec's figures and tables:
 * <pre>
 *   MTTL3 (RV64 only)  MTTL2 PPN[43:0] ZERO[63:44]
 *   MTTL2 RV64         INFO[43:0] TYPE[46:44] ZERO[63:47]
 *   MTTL2 RV32         INFO[21:0] TYPE[24:22] ZERO[31:25]
 *   MTTL1 word         XLEN/4 nibbles; nibble k (selected by pa.pn[0]) = PERM[4k+1:4k], resv[4k+3:4k+2]
 * </pre>
 * TYPE: 000..011 {@code 1G_disallow/_allow_rx/_allow_rw/_allow_rwx}, 100 {@code MTT_L1_DIR} (INFO = MTTL1
 * PPN), 101 {@code 4M_PAGES} (RV32: INFO[15:0] = 8 PERMs), 110 {@code 2M_PAGES} (RV64: INFO[31:0] = 16 PERMs).
 * PERM: 00 none, 01 rx, 10 rw, 11 rwx. Page {@code j} of a 2M/4M_PAGES entry uses INFO[2j+1:2j], the same
 * low-first order as the MTTL1 nibbles (the spec gives no other order).
 */
public final class SmmttEntries {
    public static final int TYPE_1G_DISALLOW = 0;
    public static final int TYPE_1G_ALLOW_RX = 1;
    public static final int TYPE_1G_ALLOW_RW = 2;
    public static final int TYPE_1G_ALLOW_RWX = 3;
    public static final int TYPE_MTT_L1_DIR = 4;
    public static final int TYPE_4M_PAGES = 5;
    public static final int TYPE_2M_PAGES = 6;

    private SmmttEntries() {
    }

    /** The 2-bit PERM encoding of {@code xwr}; only none, rx, rw and rwx exist in v0.1. */
    public static int perm(int xwr) {
        return switch (xwr) {
            case 0 -> 0;
            case Access.R | Access.X -> 1;
            case Access.R | Access.W -> 2;
            case Access.R | Access.W | Access.X -> 3;
            default -> throw new IllegalArgumentException("smmtt-v0.1 cannot express permissions '"
                    + Access.format(xwr) + "' (only none, rx, rw and rwx)");
        };
    }

    /** The spec's name of a {@code 1G_*} TYPE for {@code xwr}, e.g. {@code 1G_allow_rw}. */
    public static String oneGigName(int xwr) {
        return switch (perm(xwr)) {
            case 0 -> "1G_disallow";
            case 1 -> "1G_allow_rx";
            case 2 -> "1G_allow_rw";
            default -> "1G_allow_rwx";
        };
    }

    /** MTTL3 entry pointing to the MTTL2 table at {@code mttl2Ppn} (44 bits). */
    public static long mttl3(long mttl2Ppn) {
        if (mttl2Ppn < 0 || (mttl2Ppn >>> 44) != 0) {
            throw new IllegalArgumentException("MTTL2 PPN 0x" + Long.toHexString(mttl2Ppn)
                    + " does not fit the 44-bit PPN field of an MTTL3 entry");
        }
        return mttl2Ppn;
    }

    /** MTTL2 entry of {@code type} with {@code info} (44-bit INFO on RV64, 22-bit on RV32). */
    public static long mttl2(int xlen, int type, long info) {
        int infoBits = infoBits(xlen);
        if (type < 0 || type > 7) {
            throw new IllegalArgumentException("TYPE is 3 bits, got " + type);
        }
        if (info < 0 || (info >>> infoBits) != 0) {
            throw new IllegalArgumentException("INFO 0x" + Long.toHexString(info) + " does not fit the " + infoBits
                    + "-bit INFO field of an RV" + xlen + " MTTL2 entry");
        }
        return ((long) type << infoBits) | info;
    }

    /** {@code 1G_*} MTTL2 entry for {@code xwr} (INFO is 0). */
    public static long oneGig(int xlen, int xwr) {
        return mttl2(xlen, perm(xwr), 0);
    }

    /** {@code MTT_L1_DIR} MTTL2 entry pointing to the MTTL1 page at {@code mttl1Ppn}. */
    public static long l1Dir(int xlen, long mttl1Ppn) {
        return mttl2(xlen, TYPE_MTT_L1_DIR, mttl1Ppn);
    }

    /**
     * {@code 2M_PAGES} (RV64, 16 pages) or {@code 4M_PAGES} (RV32, 8 pages) MTTL2 entry with page {@code j}
     * having permissions {@code xwr[j]}.
     */
    public static long pages(int xlen, int[] xwr) {
        int count = xlen == 64 ? 16 : 8;
        if (xwr.length != count) {
            throw new IllegalArgumentException("an RV" + xlen + " " + pagesName(xlen) + " entry has " + count
                    + " PERM fields, got " + xwr.length);
        }
        long info = 0;
        for (int j = 0; j < count; j++) {
            info |= (long) perm(xwr[j]) << (2 * j);
        }
        return mttl2(xlen, xlen == 64 ? TYPE_2M_PAGES : TYPE_4M_PAGES, info);
    }

    /** {@code 2M_PAGES} on RV64, {@code 4M_PAGES} on RV32. */
    public static String pagesName(int xlen) {
        return infoBits(xlen) == 44 ? "2M_PAGES" : "4M_PAGES";
    }

    /** MTTL1 word: nibble {@code k} holds the PERM of 4 KiB page {@code k}; XLEN/4 nibbles. */
    public static long mttl1Word(int xlen, int[] xwr) {
        int count = xlen / 4;
        if (xwr.length != count || (xlen != 32 && xlen != 64)) {
            throw new IllegalArgumentException("an RV" + xlen + " MTTL1 word has " + count + " nibbles, got "
                    + xwr.length);
        }
        long w = 0;
        for (int k = 0; k < count; k++) {
            w |= (long) perm(xwr[k]) << (4 * k);
        }
        return w;
    }

    private static int infoBits(int xlen) {
        if (xlen != 32 && xlen != 64) {
            throw new IllegalArgumentException("xlen must be 32 or 64, got " + xlen);
        }
        return xlen == 64 ? 44 : 22;
    }
}
