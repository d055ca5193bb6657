package io.mttkit.golden.smmpt;

import io.mttkit.golden.Cause;
import io.mttkit.golden.LeafKind;
import io.mttkit.golden.LookupConfig;
import io.mttkit.golden.LookupResult;
import io.mttkit.golden.MttMode;
import io.mttkit.golden.RsvdTupleScope;
import io.mttkit.golden.TableFormat;
import io.mttkit.golden.UniformBlock;
import io.mttkit.golden.mem.ImplicitRead;

/**
 * Smmpt (Supervisor Domains v0.9, chapter 4) "MPT access type permissions lookup process", steps 1–7, for
 * Smmpt34, Smmpt43, Smmpt52 and Smmpt64. The PA range check and Bare/M bypass are done by
 * {@code MttLookup} before this walk starts.
 *
 * <p>Levels are the spec's {@code i}: level 0 holds the 64 KiB (RV32: 32 KiB) leaves, the root is
 * LEVELS−1. MPTE layouts (ch. 4 figures; SPEC-DECISIONS #16 for the cause of each bit):
 * <pre>
 * RV64 non-leaf      V[0] L[1] N[2] rsvd[9:3] PPN[53:10] rsvd[63:54]
 * RV64 non-NAPOT     V L N=0 rsvd[7:3] XWR[i] at [8+3i+2:8+3i] (i = 0..15) rsvd[63:56]
 * RV64 NAPOT         V L N=1 rsvd[7:3] XWR[10:8] rsvd[11] G[15:12] rsvd[63:16]
 * RV32 non-leaf      V L N[2] rsvd[9:3] PPN[31:10]
 * RV32 non-NAPOT     V L N=0 rsvd[7:3] XWR[i] (i = 0..7) in [31:8]
 * RV32 NAPOT         V L N=1 rsvd[7:3] XWR[10:8] rsvd[11] G[15:12] rsvd[31:16]
 * </pre>
 * Bit 2 of a non-leaf is the N position: "mpte.L = 0 and mpte.N = 1" is named separately from reserved
 * bits in step 3, so it is a reserved encoding ({@link Cause#MPTE_RSVD_ENC}), checked after the reserved
 * bits ({@link Cause#MPTE_RSVD_BITS}).
 *
 * <p>Stateless apart from its configuration; allocates nothing per lookup.
 */
public final class SmmptLookup {
    /** XWR of a tuple: W without R (010 and 110) is "Reserved for future use" (ch. 4 XWR table). */
    static boolean isReservedXwr(int xwr) {
        return (xwr & 3) == 2;
    }

    private static final long RV64_NONLEAF_RSVD = 0x3F8L | (0x3FFL << 54);
    private static final long RV32_NONLEAF_RSVD = 0x3F8L;
    private static final long RV64_LEAF_RSVD = 0xF8L | (0xFFL << 56);
    private static final long RV32_LEAF_RSVD = 0xF8L;
    private static final long RV64_NAPOT_RSVD = 0xF8L | (1L << 11) | (-1L << 16);
    private static final long RV32_NAPOT_RSVD = 0xF8L | (1L << 11) | (0xFFFFL << 16);
    private static final long RV64_PPN_MASK = (1L << 44) - 1;
    private static final long RV32_PPN_MASK = (1L << 22) - 1;

    private final ImplicitRead reader;
    private final LookupConfig config;

    public SmmptLookup(ImplicitRead reader, LookupConfig config) {
        this.reader = reader;
        this.config = config;
    }

    /**
     * Walks from level {@code startLevel} of the table at {@code tablePpn} (the root for a full walk).
     * The caller has already reset {@code out} and checked the PA range.
     */
    public LookupResult walk(MttMode mode, int startLevel, long tablePpn, long pa, int need, boolean bigEndian,
                             LookupResult out) {
        if (mode.format() != TableFormat.SMMPT_V0_9) {
            throw new IllegalArgumentException(mode.id() + " is not an Smmpt mode");
        }
        final boolean rv32 = mode.xlen() == 32;
        // Step 1: MPTESIZE, NUMPGINRANGE for the mode (LEVELS is mode.levels()).
        final int mpteSize = mode.entryBytes();
        final int numPgInRange = rv32 ? 3 : 4;

        // Step 1: a = mmpt.ppn × PAGESIZE, i = LEVELS−1 (or the walk-cache hit's level and table).
        long a = tablePpn << 12;
        int i = startLevel;
        while (true) {
            // Step 2: mpte at a + pa.pn[i] × MPTESIZE (an adder, which equals concatenation for aligned tables).
            long entryAddr = a + pn(mode, pa, i) * mpteSize;
            if (!reader.fetch(entryAddr, mpteSize, bigEndian, i, out)) {
                return out;
            }
            final long mpte = ImplicitRead.lastValue(out);
            final int mpteV = (int) (mpte & 1);
            final int mpteL = (int) ((mpte >>> 1) & 1);
            final int mpteN = (int) ((mpte >>> 2) & 1);

            // Step 3: V = 0 → fault; the other bits are don't-care (SPEC-DECISIONS #16: MPTE_INVALID first).
            if (mpteV == 0) {
                out.fault(Cause.MPTE_INVALID, i);
                return out;
            }
            if (mpteL == 0) {
                // Step 3: reserved bits, then the reserved encoding L = 0 with N = 1.
                if ((mpte & (rv32 ? RV32_NONLEAF_RSVD : RV64_NONLEAF_RSVD)) != 0) {
                    out.fault(Cause.MPTE_RSVD_BITS, i);
                    return out;
                }
                if (mpteN == 1) {
                    out.fault(Cause.MPTE_RSVD_ENC, i);
                    return out;
                }
                // Step 4: a pointer to the next level; i = i − 1, and i < 0 faults.
                if (i == 0) {
                    out.fault(Cause.NONLEAF_AT_L0, i);
                    return out;
                }
                long mptePpn = (mpte >>> 10) & (rv32 ? RV32_PPN_MASK : RV64_PPN_MASK);
                out.recordPointer(i, mptePpn);
                i = i - 1;
                a = mptePpn << 12;
                continue;
            }
            if (mpteN == 0) {
                return nonNapotLeaf(mode, i, mpte, pa, need, numPgInRange, out);
            }
            return napotLeaf(mode, i, mpte, pa, need, out);
        }
    }

    /** Step 5: a non-NAPOT leaf; pi = the NUMPGINRANGE most significant bits of pn[i−1] / the range offset. */
    private LookupResult nonNapotLeaf(MttMode mode, int i, long mpte, long pa, int need, int numPgInRange,
                                      LookupResult out) {
        final boolean rv32 = mode.xlen() == 32;
        // Step 3: reserved bits of the leaf.
        if ((mpte & (rv32 ? RV32_LEAF_RSVD : RV64_LEAF_RSVD)) != 0) {
            out.fault(Cause.MPTE_RSVD_BITS, i);
            return out;
        }
        final int rangeLog2 = rangeLog2(mode, i);
        final int tupleLog2 = rangeLog2 - numPgInRange;
        final int tuples = 1 << numPgInRange;
        final int pi = (int) ((pa >>> tupleLog2) & (tuples - 1));
        final long xwrBits = (mpte >>> 8) & ((1L << (3 * tuples)) - 1);
        // Step 3: reserved XWR encodings, in every tuple (ANY) or in XWR[pi] alone (SELECTED), SPEC-DECISIONS #11.
        if (config.rsvdTupleScope() == RsvdTupleScope.ANY) {
            for (int t = 0; t < tuples; t++) {
                if (isReservedXwr((int) ((xwrBits >>> (3 * t)) & 7))) {
                    out.fault(Cause.MPTE_RSVD_ENC, i);
                    return out;
                }
            }
        }
        final int xwr = (int) ((xwrBits >>> (3 * pi)) & 7); // XWR = mpte.XWR[pi]
        if (isReservedXwr(xwr)) {
            out.fault(Cause.MPTE_RSVD_ENC, i);
            return out;
        }
        out.recordLeaf(LeafKind.TUPLES, alignDown(pa, rangeLog2), rangeLog2, tuples, tupleLog2, xwrBits);
        // Step 7: allowed iff need ⊆ XWR.
        out.decide(i, xwr, need, UniformBlock.log2(xwrBits, tuples, pi, tupleLog2));
        return out;
    }

    /** Step 6: a NAPOT leaf; XWR = mpte.XWR, and a G reserved for the mode faults. */
    private LookupResult napotLeaf(MttMode mode, int i, long mpte, long pa, int need, LookupResult out) {
        final boolean rv32 = mode.xlen() == 32;
        if ((mpte & (rv32 ? RV32_NAPOT_RSVD : RV64_NAPOT_RSVD)) != 0) {
            out.fault(Cause.MPTE_RSVD_BITS, i);
            return out;
        }
        final int xwr = (int) ((mpte >>> 8) & 7);
        // The single XWR of a NAPOT leaf is always the selected one (SPEC-DECISIONS #11 does not apply).
        if (isReservedXwr(xwr)) {
            out.fault(Cause.MPTE_RSVD_ENC, i);
            return out;
        }
        final int g = (int) ((mpte >>> 12) & 0xF);
        if (g != legalG(mode)) {
            out.fault(Cause.NAPOT_G_BAD, i);
            return out;
        }
        // The NAPOT range is 2^(G+1) MPTEs of this level.
        final int leafLog2 = rangeLog2(mode, i) + g + 1;
        out.recordLeaf(LeafKind.NAPOT, alignDown(pa, leafLog2), leafLog2, 1, leafLog2, xwr);
        out.decide(i, xwr, need, leafLog2);
        return out;
    }

    /** The only non-reserved G: 6 for Smmpt34 (4 MiB), 4 for the RV64 modes (2 MiB / 1 GiB / ...). */
    public static int legalG(MttMode mode) {
        return mode.xlen() == 32 ? 6 : 4;
    }

    /**
     * log2 of the range one MPTE at level {@code i} covers: RV64 16 + 9i (64 KiB, 32 MiB, 16 GiB, 8 TiB,
     * 4 PiB); Smmpt34 15 + 10i (32 KiB, 32 MiB).
     */
    public static int rangeLog2(MttMode mode, int i) {
        if (mode.xlen() == 32) {
            return i == 0 ? 15 : 25;
        }
        return 16 + 9 * i;
    }

    /** pa.pn[i]: 9 bits above rangeLog2(i), except Smmpt64 pn[4] (12 bits) and Smmpt34 pn[0] (10 bits). */
    public static long pn(MttMode mode, long pa, int i) {
        return (pa >>> rangeLog2(mode, i)) & ((1L << pnBits(mode, i)) - 1);
    }

    /** Width of pa.pn[i]. */
    public static int pnBits(MttMode mode, int i) {
        if (mode.xlen() == 32) {
            return i == 0 ? 10 : 9;
        }
        return (mode == MttMode.SMMPT64 && i == 4) ? 12 : 9;
    }

    private static long alignDown(long pa, int log2) {
        return log2 >= 64 ? 0 : pa & -(1L << log2);
    }
}
