package io.mttkit.golden.spmp;

import io.mttkit.golden.spmp.SpmpCfg.AddressMode;

/**
 * Spec "Address Matching": the byte range an SPMP entry covers. The encoding is the PMP one (the spec
 * refers to the Privileged Architecture's "Address Matching" subsection): TOR covers
 * {@code [spmpaddr[i-1]·4, spmpaddr[i]·4)} with 0 as the bottom of entry 0; NA4 the 4 bytes at
 * {@code spmpaddr·4}; NAPOT the naturally aligned 2^(k+3) bytes where k is the number of trailing ones
 * of {@code spmpaddr}. With granularity G ≥ 1 the registers are read (and matched) with the PMP rules:
 * NAPOT low G−1 bits read as ones, OFF/TOR low G bits as zeros; a TOR bound always ignores its low G bits.
 */
public final class AddressMatch {
    private AddressMatch() {
    }

    /** An inclusive byte range {@code [lo, hi]} (unsigned), or {@link #EMPTY}. */
    public record Range(long lo, long hi, boolean empty) {
        public boolean overlaps(long first, long last) {
            return !empty && Long.compareUnsigned(first, hi) <= 0 && Long.compareUnsigned(lo, last) <= 0;
        }

        public boolean covers(long first, long last) {
            return !empty && Long.compareUnsigned(lo, first) <= 0 && Long.compareUnsigned(last, hi) <= 0;
        }
    }

    public static final Range EMPTY = new Range(0, 0, true);

    /**
     * The spmpaddr value software reads back for an entry in {@code mode} with granularity {@code g}
     * (also the value NAPOT matching uses).
     */
    public static long readBack(long raw, AddressMode mode, int g, long addrMask) {
        long v = raw;
        if (mode == AddressMode.NAPOT || mode == AddressMode.NA4) {
            if (g >= 2) {
                v |= (1L << (g - 1)) - 1;
            }
        } else if (g >= 1) {
            v &= -(1L << g);
        }
        return v & addrMask;
    }

    /**
     * The range of an entry.
     *
     * @param mode     its A field
     * @param addr     its raw spmpaddr
     * @param prevAddr the raw spmpaddr of the preceding entry (ignored unless TOR; 0 for entry 0)
     * @param g        granularity G
     * @param addrMask the implemented spmpaddr bits
     */
    public static Range range(AddressMode mode, long addr, long prevAddr, int g, long addrMask) {
        switch (mode) {
            case OFF:
                return EMPTY;
            case TOR: {
                long bottom = (prevAddr & -(1L << g)) << 2;
                long top = (addr & -(1L << g)) << 2;
                if (Long.compareUnsigned(bottom, top) >= 0) {
                    return EMPTY; // "spmpaddr[i-1] < spmpaddr[i] must hold" for a valid rule
                }
                return new Range(bottom, top - 1, false);
            }
            case NA4: {
                long lo = addr << 2;
                return new Range(lo, lo + 3, false);
            }
            default: {
                long pa = readBack(addr, AddressMode.NAPOT, g, addrMask);
                int ones = Long.numberOfTrailingZeros(~pa);
                // The last byte spmpaddr can name: 2^56 − 1 (RV64) / 2^34 − 1 (RV32). A region never reaches past
                // the physical address space: with spmpaddr all ones the PMP table's 2^(k+3) bytes would be twice
                // that space, and an access running past its end is not covered ("any memory region that cannot
                // be addressed by an SPMP entry is inaccessible"; docs/spec-notes.md, Sspmp). Found by the
                // co-simulation against mtt_spmp.
                long paTop = (addrMask << 2) | 3;
                if (ones >= 61) {
                    return new Range(0, paTop, false);
                }
                long span = 1L << (ones + 3);
                long lo = (pa << 2) & -span;
                long hi = lo + span - 1;
                return new Range(lo, Long.compareUnsigned(hi, paTop) > 0 ? paTop : hi, false);
            }
        }
    }
}
