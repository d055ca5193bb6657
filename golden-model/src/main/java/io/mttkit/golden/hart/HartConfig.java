package io.mttkit.golden.hart;

import io.mttkit.golden.LookupConfig;
import io.mttkit.golden.MttMode;
import io.mttkit.golden.TableFormat;
import io.mttkit.golden.spmp.SpmpParams;

import java.util.EnumSet;
import java.util.Set;

/**
 * What hart to build: XLEN, the MTT format and the modes its root CSR accepts, PMP geometry, and the
 * interpretations the hart lets the user choose.
 *
 * @param xlen                   32 or 64 (RV32IMA(C) / RV64IMA(C), Zicsr, Zifencei, M/S/U)
 * @param format                 {@code smmtt-v0.1} (CSR {@code mttp}) or {@code smmpt-v0.9} (CSR {@code mmpt});
 *                               both at CSR 0x382
 * @param sdidLen                implemented SDID bits, 0..6
 * @param supportedModes         modes of {@code format} and {@code xlen} the root CSR accepts (Bare implied)
 * @param lookup                 platform {@code paw} and the lookup interpretations (SPEC-DECISIONS #3, #8, #11)
 * @param pmpEntries             implemented PMP entries, 0..64 (Smepmp's {@code mseccfg} is always present)
 * @param pmpGranularity         PMP G (grain 2^(G+2) bytes)
 * @param mttFaultsHonourMedeleg SPEC-DECISIONS #15: false (default) sends every MTT access fault to M-mode
 *                               whatever {@code medeleg} says; true delegates them like any access fault
 * @param mfenceFunct7           funct7 of MFENCE.PA (SPEC-DECISIONS #14 default 0b1000011)
 * @param minvalFunct7           funct7 of MINVAL.PA (SPEC-DECISIONS #14 default 0b0000011)
 * @param clintBase              base of the CLINT ({@code msip} +0, {@code mtimecmp} +0x4000,
 *                               {@code mtime} +0xBFF8); 64 KiB, must not overlap RAM
 * @param mtimeTicksPerInsn      how far {@code mtime} advances per executed instruction (≥ 1): time is a
 *                               function of the instruction count only, so runs are deterministic
 * @param compressed             the C extension: 16-bit instructions, 2-byte instruction alignment
 *                               ({@code misa.C} reads as this value and is not writable)
 * @param spmp                   the S-level PMP (Sspmp, with Sscsrind/Smcsrind's {@code siselect}/{@code
 *                               miselect} windows, optionally Sspmpen and Smpmpdeleg), or null for none;
 *                               its xlen must equal the hart's. With Smpmpdeleg the SPMP entries are the
 *                               hart's PMP entries from {@code mpmpdeleg.pmpnum} up (docs/spmp.md)
 * @param misalignedAccess       false (default): a misaligned load or store raises an address-misaligned
 *                               exception; true: it is performed, as by a hart with Zicclsm, split into naturally
 *                               aligned parts, each translated and checked (SPMP, PMP, MTT, bus) on its own before
 *                               any byte is written; a fault reports the VA of the part that failed. AMOs and
 *                               LR/SC stay misaligned exceptions either way (docs/hart.md)
 */
public record HartConfig(int xlen, TableFormat format, int sdidLen, Set<MttMode> supportedModes, LookupConfig lookup,
                         int pmpEntries, int pmpGranularity, boolean mttFaultsHonourMedeleg, int mfenceFunct7,
                         int minvalFunct7, long clintBase, int mtimeTicksPerInsn, boolean compressed,
                         SpmpParams spmp, boolean misalignedAccess) {

    public static final int DEFAULT_MFENCE_FUNCT7 = 0b1000011;
    public static final int DEFAULT_MINVAL_FUNCT7 = 0b0000011;
    public static final long DEFAULT_CLINT_BASE = 0x0200_0000L;

    public HartConfig {
        if (xlen != 32 && xlen != 64) {
            throw new IllegalArgumentException("xlen must be 32 or 64, got " + xlen);
        }
        if (format == null || lookup == null || supportedModes == null) {
            throw new IllegalArgumentException("format, supportedModes and lookup must be given");
        }
        for (MttMode m : supportedModes) {
            if (m != MttMode.BARE && (m.format() != format || m.xlen() != xlen)) {
                throw new IllegalArgumentException(m.id() + " is not a " + format.id() + " mode for RV" + xlen
                        + "; supported modes must match the hart's format and XLEN");
            }
        }
        supportedModes = Set.copyOf(supportedModes);
        if (mfenceFunct7 == minvalFunct7 || bad7(mfenceFunct7) || bad7(minvalFunct7)) {
            throw new IllegalArgumentException(String.format(
                    "MFENCE.PA/MINVAL.PA funct7 must be two different 7-bit values not used by other SYSTEM"
                            + " instructions (0, 8, 9, 11, 12, 24), got 0x%x and 0x%x", mfenceFunct7, minvalFunct7));
        }
        if (mtimeTicksPerInsn < 1) {
            throw new IllegalArgumentException("mtimeTicksPerInsn must be at least 1, got " + mtimeTicksPerInsn);
        }
        if (spmp != null && spmp.xlen() != xlen) {
            throw new IllegalArgumentException("the SPMP's xlen (" + spmp.xlen() + ") must equal the hart's ("
                    + xlen + ")");
        }
        if ((clintBase & 0xFFFF) != 0) {
            throw new IllegalArgumentException(String.format("clintBase 0x%x must be 64 KiB aligned", clintBase));
        }
    }

    private static boolean bad7(int f) {
        // 0 ECALL/EBREAK, 8 SRET/WFI, 9 SFENCE.VMA, 11 SINVAL.VMA, 12 SFENCE.W.INVAL/INVAL.IR, 24 MRET
        return f < 0 || f > 127 || f == 0 || f == 8 || f == 9 || f == 11 || f == 12 || f == 24;
    }

    /**
     * Every mode of {@code format} for {@code xlen}, SDIDLEN 6, {@code paw} 34 (RV32) / 56 (RV64), 16 PMP
     * entries with G=0, MTT faults to M-mode, the default fence encodings, CLINT at 0x0200_0000.
     */
    public static HartConfig defaults(int xlen, TableFormat format) {
        EnumSet<MttMode> modes = EnumSet.noneOf(MttMode.class);
        for (MttMode m : MttMode.values()) {
            if (m.format() == format && m.xlen() == xlen) {
                modes.add(m);
            }
        }
        return new HartConfig(xlen, format, 6, modes, LookupConfig.DEFAULT.withPaw(xlen == 32 ? 34 : 56), 16, 0,
                false, DEFAULT_MFENCE_FUNCT7, DEFAULT_MINVAL_FUNCT7, DEFAULT_CLINT_BASE, 1, true, null, false);
    }

    public HartConfig withMttFaultsHonourMedeleg(boolean v) {
        return new HartConfig(xlen, format, sdidLen, supportedModes, lookup, pmpEntries, pmpGranularity, v,
                mfenceFunct7, minvalFunct7, clintBase, mtimeTicksPerInsn, compressed, spmp,
                misalignedAccess);
    }

    public HartConfig withLookup(LookupConfig v) {
        return new HartConfig(xlen, format, sdidLen, supportedModes, v, pmpEntries, pmpGranularity,
                mttFaultsHonourMedeleg, mfenceFunct7, minvalFunct7, clintBase, mtimeTicksPerInsn, compressed, spmp,
                misalignedAccess);
    }

    public HartConfig withPmp(int entries, int granularity) {
        return new HartConfig(xlen, format, sdidLen, supportedModes, lookup, entries, granularity,
                mttFaultsHonourMedeleg, mfenceFunct7, minvalFunct7, clintBase, mtimeTicksPerInsn, compressed, spmp,
                misalignedAccess);
    }

    public HartConfig withCompressed(boolean v) {
        return new HartConfig(xlen, format, sdidLen, supportedModes, lookup, pmpEntries, pmpGranularity,
                mttFaultsHonourMedeleg, mfenceFunct7, minvalFunct7, clintBase, mtimeTicksPerInsn, v, spmp,
                misalignedAccess);
    }

    /** The same hart with the S-level PMP {@code v} (null: without Sspmp). */
    public HartConfig withSpmp(SpmpParams v) {
        return new HartConfig(xlen, format, sdidLen, supportedModes, lookup, pmpEntries, pmpGranularity,
                mttFaultsHonourMedeleg, mfenceFunct7, minvalFunct7, clintBase, mtimeTicksPerInsn, compressed, v,
                misalignedAccess);
    }

    public HartConfig withFenceFunct7(int mfence, int minval) {
        return new HartConfig(xlen, format, sdidLen, supportedModes, lookup, pmpEntries, pmpGranularity,
                mttFaultsHonourMedeleg, mfence, minval, clintBase, mtimeTicksPerInsn, compressed, spmp,
                misalignedAccess);
    }

    /** The same hart performing misaligned loads and stores (Zicclsm) when {@code v}, trapping them when not. */
    public HartConfig withMisalignedAccess(boolean v) {
        return new HartConfig(xlen, format, sdidLen, supportedModes, lookup, pmpEntries, pmpGranularity,
                mttFaultsHonourMedeleg, mfenceFunct7, minvalFunct7, clintBase, mtimeTicksPerInsn, compressed, spmp, v);
    }
}
