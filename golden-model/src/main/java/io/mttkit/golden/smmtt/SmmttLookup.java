package io.mttkit.golden.smmtt;

import io.mttkit.golden.Access;
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
 * Smmtt (Supervisor Domains v0.1, chapter 4) "MTT access permissions lookup process", steps 1–8, for
 * Smmtt34, Smmtt46 and Smmtt56, with the errata of SPEC-DECISIONS #1–#9. The PA range check (#3) and the
 * Bare/M bypass are done by {@code MttLookup} before this walk starts.
 *
 * <p>Levels, numbered from the leaf up (SPEC-DECISIONS #1, #2):
 * <pre>
 * level 2  MTTL3 (Smmtt56 only)  index pn[3] = PA[55:46]                 8-byte entry
 * level 1  MTTL2                 index pn[2] = PA[45:25] (RV32 PA[33:25]) NON_LEAF_PTE_SIZE entry
 * level 0  MTTL1 word            index pn[1] = PA[24:16] (RV32 PA[24:15]) NON_LEAF_PTE_SIZE entry,
 *                                nibble pn[0] = PA[15:12] (RV32 PA[14:12])
 * </pre>
 * Entry layouts (ch. 4 figures):
 * <pre>
 * MTTL3             PPN[43:0] ZERO[63:44]                (no valid bit: all-zero points at PA 0, #6)
 * MTTL2 (XLEN=64)   INFO[43:0] TYPE[46:44] ZERO[63:47]
 * MTTL2 (XLEN=32)   INFO[21:0] TYPE[24:22] ZERO[31:25]
 * MTTL1 word        XLEN/4 nibbles {resv[3:2], PERM[1:0]}
 * </pre>
 * Every read is NON_LEAF_PTE_SIZE wide (8 bytes on RV64, 4 on RV32), the MTTL1 word included (step 8).
 */
public final class SmmttLookup {
    /** MTTL2 TYPE values (ch. 4 TYPE list). 000–011 are the 1G_* types, whose low two bits are a PERM. */
    public static final int TYPE_MTT_L1_DIR = 0b100;
    public static final int TYPE_4M_PAGES = 0b101;
    public static final int TYPE_2M_PAGES = 0b110;
    public static final int TYPE_RESERVED = 0b111;

    private static final long RV64_INFO_MASK = (1L << 44) - 1;
    private static final long RV32_INFO_MASK = (1L << 22) - 1;

    private final ImplicitRead reader;
    private final LookupConfig config;

    public SmmttLookup(ImplicitRead reader, LookupConfig config) {
        this.reader = reader;
        this.config = config;
    }

    /**
     * PERM → XWR (ch. 4 MTTL1 and MTTL2 encodings): 00 no access, 01 read-execute, 10 read-write,
     * 11 read-write-execute.
     */
    public static int permToXwr(int perm) {
        return switch (perm & 3) {
            case 0 -> 0;
            case 1 -> Access.R | Access.X;
            case 2 -> Access.R | Access.W;
            default -> Access.R | Access.W | Access.X;
        };
    }

    /**
     * Walks from level {@code startLevel} of the table at {@code tablePpn} (the root for a full walk).
     * The caller has already reset {@code out} and checked the PA range.
     */
    public LookupResult walk(MttMode mode, int startLevel, long tablePpn, long pa, int need, boolean bigEndian,
                             LookupResult out) {
        if (mode.format() != TableFormat.SMMTT_V0_1) {
            throw new IllegalArgumentException(mode.id() + " is not an Smmtt v0.1 mode");
        }
        final boolean rv32 = mode.xlen() == 32;
        // Step 1: NON_LEAF_PTE_SIZE = 8 bytes (RV32: 4 bytes); a = mttp.ppn × PAGESIZE.
        final int nonLeafPteSize = mode.entryBytes();
        long a = tablePpn << 12;
        int i = startLevel;
        while (true) {
            // Step 2: mpte at a + pa.pn[i+1] × NON_LEAF_PTE_SIZE (SPEC-DECISIONS #1 for the index, #4 for the adder).
            long entryAddr = a + index(mode, pa, i) * nonLeafPteSize;
            if (!reader.fetch(entryAddr, nonLeafPteSize, bigEndian, i, out)) {
                return out;
            }
            final long mpte = ImplicitRead.lastValue(out);
            if (i == 2) {
                // MTTL3: step 3 (ZERO must be 0), then step 4: always a pointer to an MTTL2 table.
                if ((mpte >>> 44) != 0) {
                    out.fault(Cause.MPTE_RSVD_BITS, i);
                    return out;
                }
                long mttl2Ppn = mpte & RV64_INFO_MASK;
                out.recordPointer(i, mttl2Ppn);
                a = mttl2Ppn << 12;
                i = 1;
                continue;
            }
            if (i == 1) {
                // MTTL2.
                final long zero = rv32 ? mpte >>> 25 : mpte >>> 47;
                final int type = (int) (rv32 ? (mpte >>> 22) & 7 : (mpte >>> 44) & 7);
                final long info = mpte & (rv32 ? RV32_INFO_MASK : RV64_INFO_MASK);
                // Step 3: the ZERO field must be 0.
                if (zero != 0) {
                    out.fault(Cause.MPTE_RSVD_BITS, i);
                    return out;
                }
                // Step 3: reserved TYPE encodings (SPEC-DECISIONS #9).
                if (type == TYPE_RESERVED || (type == TYPE_4M_PAGES && !rv32) || (type == TYPE_2M_PAGES && rv32)) {
                    out.fault(Cause.MPTE_RSVD_ENC, i);
                    return out;
                }
                if (type == TYPE_MTT_L1_DIR) {
                    // Step 4: a pointer; mpte.ppn is mpte.info.
                    out.recordPointer(i, info);
                    a = info << 12;
                    i = 0;
                    continue;
                }
                return mttl2Leaf(rv32, type, info, pa, need, out);
            }
            return mttl1Leaf(mode, mpte, pa, need, out);
        }
    }

    /** Steps 5–7 for an MTTL2 leaf: 1G_* (UNIFORM), 2M_PAGES (RV64) or 4M_PAGES (RV32). */
    private LookupResult mttl2Leaf(boolean rv32, int type, long info, long pa, int need, LookupResult out) {
        final int level = 1;
        final int leafLog2 = 25; // one MTTL2 entry covers 32 MiB
        if (type <= 0b011) {
            // Step 5: INFO must be 0 for 1G_* (SPEC-DECISIONS #9).
            if (info != 0) {
                out.fault(Cause.MPTE_RSVD_ENC, level);
                return out;
            }
            // Step 6: the TYPE gives the permission of the whole entry; SPEC-DECISIONS #8 for the size reported.
            final int xwr = permToXwr(type);
            final int log2 = config.v01OneGigAsOneGiB() ? 30 : leafLog2;
            out.recordLeaf(LeafKind.UNIFORM, alignDown(pa, log2), log2, 1, log2, xwr);
            out.decide(level, xwr, need, log2);
            return out;
        }
        final int tuples;
        final long permBits;
        if (!rv32) {
            // 2M_PAGES: INFO[31:0] = 16 × PERM, INFO[43:32] reserved (step 5).
            if ((info >>> 32) != 0) {
                out.fault(Cause.MPTE_RSVD_ENC, level);
                return out;
            }
            tuples = 16;
            permBits = info & 0xFFFF_FFFFL;
        } else {
            // 4M_PAGES: INFO[15:0] = 8 × PERM, INFO[21:16] reserved (step 5; SPEC-DECISIONS #5).
            if ((info >>> 16) != 0) {
                out.fault(Cause.MPTE_RSVD_ENC, level);
                return out;
            }
            tuples = 8;
            permBits = info & 0xFFFFL;
        }
        final int tupleLog2 = rv32 ? 22 : 21;
        long packed = 0;
        for (int t = 0; t < tuples; t++) {
            packed |= (long) permToXwr((int) (permBits >>> (2 * t))) << (3 * t);
        }
        // Step 6: the PERM of the 2 MiB / 4 MiB page containing the PA.
        final int pi = (int) ((pa >>> tupleLog2) & (tuples - 1));
        final int xwr = (int) ((packed >>> (3 * pi)) & 7);
        out.recordLeaf(LeafKind.TUPLES, alignDown(pa, leafLog2), leafLog2, tuples, tupleLog2, packed);
        out.decide(level, xwr, need, UniformBlock.log2(packed, tuples, pi, tupleLog2));
        return out;
    }

    /** Steps 5–7 for an MTTL1 word: XLEN/4 nibbles, the one selected by pa.pn[0]. */
    private LookupResult mttl1Leaf(MttMode mode, long mpte, long pa, int need, LookupResult out) {
        final int level = 0;
        final boolean rv32 = mode.xlen() == 32;
        final int tuples = rv32 ? 8 : 16;
        final int leafLog2 = rv32 ? 15 : 16;
        final int pi = (int) ((pa >>> 12) & (tuples - 1)); // pa.pn[0]
        // Step 3/5: nibble bits [3:2] are reserved (SPEC-DECISIONS #9), in every nibble or the selected one (#11).
        if (config.rsvdTupleScope() == RsvdTupleScope.ANY) {
            for (int t = 0; t < tuples; t++) {
                if (((mpte >>> (4 * t)) & 0xC) != 0) {
                    out.fault(Cause.MPTE_RSVD_ENC, level);
                    return out;
                }
            }
        } else if (((mpte >>> (4 * pi)) & 0xC) != 0) {
            out.fault(Cause.MPTE_RSVD_ENC, level);
            return out;
        }
        long packed = 0;
        for (int t = 0; t < tuples; t++) {
            packed |= (long) permToXwr((int) (mpte >>> (4 * t))) << (3 * t);
        }
        final int xwr = (int) ((packed >>> (3 * pi)) & 7);
        out.recordLeaf(LeafKind.TUPLES, alignDown(pa, leafLog2), leafLog2, tuples, 12, packed);
        out.decide(level, xwr, need, UniformBlock.log2(packed, tuples, pi, 12));
        return out;
    }

    /**
     * The table index used at {@code level}: pn[level+1] of the v0.1 PA figures (SPEC-DECISIONS #1).
     * RV64: level 2 PA[55:46], level 1 PA[45:25], level 0 PA[24:16]; RV32: level 1 PA[33:25], level 0 PA[24:15].
     */
    public static long index(MttMode mode, long pa, int level) {
        if (mode.xlen() == 32) {
            return level == 1 ? (pa >>> 25) & 0x1FF : (pa >>> 15) & 0x3FF;
        }
        return switch (level) {
            case 2 -> (pa >>> 46) & 0x3FF;
            case 1 -> (pa >>> 25) & 0x1F_FFFF;
            default -> (pa >>> 16) & 0x1FF;
        };
    }

    private static long alignDown(long pa, int log2) {
        return pa & -(1L << log2);
    }
}
