package io.mttkit.golden.pmp;

import io.mttkit.golden.Access;
import io.mttkit.golden.ImplicitReadCheck;

/**
 * RISC-V physical memory protection (Privileged Architecture §3.7 "Physical Memory Protection") with the
 * Smepmp extension ({@code mseccfg.MML}, {@code MMWP}, {@code RLB}; Privileged Architecture, Smepmp
 * chapter, "Smepmp Physical Memory Protection Rules" and its truth table).
 *
 * <p>State is held as the CSRs hold it: one {@code pmpcfg} byte per entry (R[0] W[1] X[2] A[4:3] L[7])
 * and one {@code pmpaddr} per entry (address bits 33:2 on XLEN=32, 55:2 on XLEN=64). Writes go through
 * {@link #writePmpcfg}, {@link #writePmpaddr}, {@link #writePmpcfgCsr} and {@link #writeMseccfg}, which
 * apply the WARL and locking rules:
 * <ul>
 *   <li>a locked entry's {@code pmpcfg} and {@code pmpaddr} ignore writes, and so does {@code pmpaddr[i]}
 *       when entry i+1 is locked TOR — unless {@code mseccfg.RLB}=1;</li>
 *   <li>R=0 W=1 is reserved while {@code MML}=0: such a write stores W=0 (the legalisation Spike uses);</li>
 *   <li>with G ≥ 1, NA4 is not selectable: a write of NA4 stores NAPOT;</li>
 *   <li>with {@code MML}=1 and {@code RLB}=0, a write adding an executable M-mode-only rule or a locked
 *       shared-code rule (LRWX 1001, 1010, 1011, 1101) is ignored;</li>
 *   <li>{@code MML} and {@code MMWP} are sticky once set; {@code RLB} cannot be set while RLB=0 and any
 *       entry has L=1.</li>
 * </ul>
 *
 * <p>Checking ({@link #check}): the lowest-numbered entry that matches any byte of the access decides; if
 * it does not match every byte the access fails whatever the mode and bits. With no match, M-mode is
 * allowed (except execution under MML=1, and everything under MMWP=1) and S/U are denied when at least
 * one entry is implemented.
 *
 * <p>Not thread-safe for writes; checks allocate nothing.
 */
public final class Pmp implements ImplicitReadCheck {
    /** CSR numbers (Privileged Architecture, CSR listing). */
    public static final int CSR_PMPCFG0 = 0x3A0;
    public static final int CSR_PMPADDR0 = 0x3B0;
    public static final int CSR_MSECCFG = 0x747;

    /** pmpcfg bits. */
    public static final int CFG_R = 1;
    public static final int CFG_W = 2;
    public static final int CFG_X = 4;
    public static final int CFG_A_SHIFT = 3;
    public static final int CFG_L = 0x80;
    /** A field values. */
    public static final int A_OFF = 0;
    public static final int A_TOR = 1;
    public static final int A_NA4 = 2;
    public static final int A_NAPOT = 3;

    /** mseccfg bits (Smepmp). */
    public static final long MSECCFG_MML = 1;
    public static final long MSECCFG_MMWP = 2;
    public static final long MSECCFG_RLB = 4;

    private final int xlen;
    private final int entries;
    private final int g;
    private final long addrMask;
    private final byte[] cfg;
    private final long[] addr;
    private long mseccfg;
    /**
     * Smpmpdeleg: entries at and above this index are delegated to SPMP ({@code mpmpdeleg.pmpnum}); as PMP
     * entries they read as zero, ignore writes and are not checked. Equal to {@link #entries} without it.
     */
    private int pmpCount;

    /**
     * @param xlen        32 or 64 (sets the pmpaddr width: 32 or 54 bits)
     * @param entries     number of implemented entries, 0..64
     * @param granularity G: the PMP grain is 2^(G+2) bytes; 0..(XLEN=32: 32, XLEN=64: 54)
     */
    public Pmp(int xlen, int entries, int granularity) {
        if (xlen != 32 && xlen != 64) {
            throw new IllegalArgumentException("xlen must be 32 or 64, got " + xlen);
        }
        if (entries < 0 || entries > 64) {
            throw new IllegalArgumentException("PMP entries must be 0..64, got " + entries);
        }
        int addrBits = xlen == 32 ? 32 : 54;
        if (granularity < 0 || granularity > addrBits) {
            throw new IllegalArgumentException("PMP granularity G must be 0.." + addrBits + ", got " + granularity);
        }
        this.xlen = xlen;
        this.entries = entries;
        this.g = granularity;
        this.addrMask = (1L << addrBits) - 1;
        this.cfg = new byte[entries];
        this.addr = new long[entries];
        this.pmpCount = entries;
    }

    /** 64 entries, XLEN=64, G=0. */
    public Pmp() {
        this(64, 64, 0);
    }

    public int xlen() {
        return xlen;
    }

    public int entries() {
        return entries;
    }

    public int granularity() {
        return g;
    }

    // ---- CSR access ---------------------------------------------------------------------------------

    /** The pmpcfg byte of entry {@code i}. */
    public int readPmpcfg(int i) {
        checkIndex(i);
        if (i >= pmpCount) {
            return 0; // delegated to SPMP (Smpmpdeleg): reads zero
        }
        return cfg[i] & 0xFF;
    }

    /**
     * Writes the pmpcfg byte of entry {@code i} (bits 6:5 are WARL zero). Ignored when the entry is locked
     * and RLB=0; legalised as described in the class comment.
     */
    public void writePmpcfg(int i, int value) {
        checkIndex(i);
        if (i >= pmpCount || (isLocked(i) && !rlb())) {
            return;
        }
        int v = value & (CFG_R | CFG_W | CFG_X | (3 << CFG_A_SHIFT) | CFG_L);
        if (!mml() && (v & (CFG_R | CFG_W)) == CFG_W) {
            v &= ~CFG_W; // R=0 W=1 is reserved while MML=0
        }
        if (g >= 1 && aField(v) == A_NA4) {
            v |= A_NAPOT << CFG_A_SHIFT; // NA4 is not selectable when G >= 1
        }
        if (mml() && !rlb() && addsExecutableMachineRule(v)) {
            return; // Smepmp rule 3b: such pmpcfg writes are ignored
        }
        cfg[i] = (byte) v;
    }

    /**
     * Writes CSR {@code pmpcfg<n>}: 4 entries per CSR on XLEN=32, 8 on XLEN=64 (where only even n exist).
     * Bytes of unimplemented entries are dropped.
     */
    public void writePmpcfgCsr(int n, long value) {
        int per = xlen / 8;
        if (n < 0 || n > 15 || (xlen == 64 && (n & 1) != 0)) {
            throw new IllegalArgumentException("pmpcfg" + n + " does not exist on XLEN=" + xlen);
        }
        for (int b = 0; b < per; b++) {
            int i = n * 4 + b;
            if (i < entries) {
                writePmpcfg(i, (int) (value >>> (8 * b)) & 0xFF);
            }
        }
    }

    /** Reads CSR {@code pmpcfg<n>}; unimplemented entries read as zero. */
    public long readPmpcfgCsr(int n) {
        int per = xlen / 8;
        if (n < 0 || n > 15 || (xlen == 64 && (n & 1) != 0)) {
            throw new IllegalArgumentException("pmpcfg" + n + " does not exist on XLEN=" + xlen);
        }
        long v = 0;
        for (int b = 0; b < per; b++) {
            int i = n * 4 + b;
            if (i < pmpCount) {
                v |= (long) (cfg[i] & 0xFF) << (8 * b);
            }
        }
        return v;
    }

    /**
     * The pmpaddr register of entry {@code i} as software reads it: with G ≥ 2 and NAPOT, bits G−2:0 read
     * as ones; with G ≥ 1 and OFF/TOR, bits G−1:0 read as zeros (Privileged Architecture §3.7.1).
     */
    public long readPmpaddr(int i) {
        checkIndex(i);
        if (i >= pmpCount) {
            return 0;
        }
        return effectiveAddr(i);
    }

    /**
     * Writes pmpaddr of entry {@code i} (bits above the address width are WARL zero). Ignored when entry
     * i is locked, or entry i+1 is locked with A=TOR, unless RLB=1.
     */
    public void writePmpaddr(int i, long value) {
        checkIndex(i);
        if (i >= pmpCount) {
            return;
        }
        if (!rlb() && (isLocked(i) || (i + 1 < pmpCount && isLocked(i + 1) && aField(cfg[i + 1]) == A_TOR))) {
            return;
        }
        addr[i] = value & addrMask;
    }

    public long readMseccfg() {
        return mseccfg;
    }

    /**
     * Writes mseccfg (Smepmp): MML and MMWP are sticky once set; RLB is ignored while it is 0 and any
     * entry has L=1. Other bits read as zero.
     */
    public void writeMseccfg(long value) {
        long next = (value & (MSECCFG_MML | MSECCFG_MMWP)) | (mseccfg & (MSECCFG_MML | MSECCFG_MMWP));
        boolean rlbWritable = rlb() || !anyLocked();
        next |= rlbWritable ? (value & MSECCFG_RLB) : (mseccfg & MSECCFG_RLB);
        mseccfg = next;
    }

    // ---- Smpmpdeleg: the register file shared with SPMP -------------------------------------------------

    /** Entries {@code pmpnum..} are SPMP entries from now on (Smpmpdeleg's {@code mpmpdeleg.pmpnum}). */
    public void setPmpCount(int pmpnum) {
        if (pmpnum < 0 || pmpnum > entries) {
            throw new IllegalArgumentException("pmpnum must be 0.." + entries + ", got " + pmpnum);
        }
        this.pmpCount = pmpnum;
    }

    /** The number of entries now in the PMP role. */
    public int pmpCount() {
        return pmpCount;
    }

    /** The raw pmpcfg byte of entry {@code i} whatever its role (for the SPMP alias). */
    public int rawCfg(int i) {
        checkIndex(i);
        return cfg[i] & 0xFF;
    }

    /** Stores a raw pmpcfg byte (the SPMP has applied its own rules). */
    public void setRawCfg(int i, int v) {
        checkIndex(i);
        cfg[i] = (byte) v;
    }

    /** The raw pmpaddr of entry {@code i} whatever its role. */
    public long rawAddr(int i) {
        checkIndex(i);
        return addr[i];
    }

    /** Stores a raw pmpaddr (masked to the implemented bits). */
    public void setRawAddr(int i, long v) {
        checkIndex(i);
        addr[i] = v & addrMask;
    }

    // ---- checking ---------------------------------------------------------------------------------------

    /** The implicit MPTE read: an M-mode read (SPEC-DECISIONS #20). */
    @Override
    public boolean allowsImplicitRead(long address, int size) {
        return check(address, size, Access.R, PrivMode.M);
    }

    /**
     * True when an access of {@code size} bytes at {@code address} needing {@code accessType} (a set of
     * {@link Access#R}, {@link Access#W}, {@link Access#X}; AMOs need R|W) is allowed at {@code priv}.
     */
    public boolean check(long address, int size, int accessType, PrivMode priv) {
        if (size <= 0) {
            throw new IllegalArgumentException("access size must be positive, got " + size);
        }
        if ((accessType & ~(Access.R | Access.W | Access.X)) != 0 || accessType == 0) {
            throw new IllegalArgumentException("access type must be a non-empty subset of R|W|X, got " + accessType);
        }
        final long first = address;
        final long last = address + size - 1;
        for (int i = 0; i < pmpCount; i++) {
            int a = aField(cfg[i]);
            if (a == A_OFF) {
                continue;
            }
            long lo;
            long hi; // inclusive byte range of the entry
            if (a == A_TOR) {
                long bottom = i == 0 ? 0 : torBound(i - 1);
                long top = torBound(i);
                if (Long.compareUnsigned(bottom, top) >= 0) {
                    continue; // empty range matches nothing
                }
                lo = bottom;
                hi = top - 1;
            } else if (a == A_NA4) {
                lo = addr[i] << 2;
                hi = lo + 3;
            } else {
                long pa = effectiveMatchAddr(i);
                int ones = Long.numberOfTrailingZeros(~pa);
                if (ones >= 62) {
                    lo = 0;
                    hi = -1L;
                } else {
                    long span = 1L << (ones + 3); // bytes
                    lo = (pa << 2) & -span;
                    hi = lo + span - 1;
                }
            }
            boolean anyByte = Long.compareUnsigned(first, hi) <= 0 && Long.compareUnsigned(lo, last) <= 0;
            if (!anyByte) {
                continue;
            }
            boolean allBytes = Long.compareUnsigned(lo, first) <= 0 && Long.compareUnsigned(last, hi) <= 0;
            if (!allBytes) {
                return false; // a partial match fails irrespective of L, R, W, X (§3.7.1 priority)
            }
            return permits(cfg[i] & 0xFF, accessType, priv);
        }
        // No entry matched.
        if (priv == PrivMode.M) {
            if (mmwp()) {
                return false; // Smepmp: MMWP denies M-mode accesses without a matching rule
            }
            // Smepmp rule 3c: with MML=1, M-mode may only execute from a matching M-mode-only/shared-code rule.
            return !(mml() && (accessType & Access.X) != 0);
        }
        return pmpCount == 0; // S/U fail when no entry matches and at least one is implemented (as PMP)
    }

    /** Permission of a matching entry with config byte {@code c}. */
    private boolean permits(int c, int need, PrivMode priv) {
        boolean l = (c & CFG_L) != 0;
        int rwx = c & 7; // bit0 R, bit1 W, bit2 X — the same positions as Access
        if (!mml()) {
            if (priv == PrivMode.M && !l) {
                return true; // unlocked entries do not restrict M-mode
            }
            return Access.grants(rwx, need);
        }
        return Access.grants(mmlPermissions(l, rwx, priv == PrivMode.M), need);
    }

    /**
     * The Smepmp truth table (mseccfg.MML=1), columns L R W X: the permissions granted to M-mode
     * ({@code machine}) or to S/U-mode by a matching rule.
     */
    static int mmlPermissions(boolean l, int rwx, boolean machine) {
        final int r = Access.R;
        final int w = Access.W;
        final int x = Access.X;
        int lrwx = (l ? 8 : 0) | ((rwx & 1) << 2) | (rwx & 2) | ((rwx >>> 2) & 1);
        return switch (lrwx) {
            // L=0: S/U-mode-only rules (M denied) except the two shared data regions.
            case 0b0000 -> 0;                              // inaccessible
            case 0b0001 -> machine ? 0 : x;                // S/U execute-only
            case 0b0010 -> machine ? r | w : r;            // shared data: M RW, S/U R
            case 0b0011 -> r | w;                          // shared data: RW both
            case 0b0100 -> machine ? 0 : r;
            case 0b0101 -> machine ? 0 : r | x;
            case 0b0110 -> machine ? 0 : r | w;
            case 0b0111 -> machine ? 0 : r | w | x;
            // L=1: M-mode-only rules (S/U denied) except the locked shared regions.
            case 0b1000 -> 0;                              // locked inaccessible
            case 0b1001 -> machine ? x : 0;
            case 0b1010 -> x;                              // locked shared code: X both
            case 0b1011 -> machine ? r | x : x;            // locked shared code: M RX, S/U X
            case 0b1100 -> machine ? r : 0;
            case 0b1101 -> machine ? r | x : 0;
            case 0b1110 -> machine ? r | w : 0;
            default -> r;                                  // 1111 locked shared data: R both
        };
    }

    /** Smepmp rule 3b: an executable M-mode-only rule or a locked shared-code rule (LRWX 1001/1010/1011/1101). */
    private static boolean addsExecutableMachineRule(int c) {
        if ((c & CFG_L) == 0) {
            return false;
        }
        int rwx = c & 7;
        boolean rr = (rwx & CFG_R) != 0;
        boolean ww = (rwx & CFG_W) != 0;
        boolean xx = (rwx & CFG_X) != 0;
        if (rr && ww && xx) {
            return false; // 1111 is the locked shared read-only data region
        }
        return xx || (ww && !rr);
    }

    // ---- helpers ----------------------------------------------------------------------------------------

    /** pmpaddr as read by software, G applied. */
    private long effectiveAddr(int i) {
        long v = addr[i];
        int a = aField(cfg[i]);
        if (a == A_NAPOT || a == A_NA4) {
            // (A_NA4 cannot be stored when g >= 1.)
            if (g >= 2) {
                v |= (1L << (g - 1)) - 1;
            }
        } else if (g >= 1) {
            v &= -(1L << g);
        }
        return v & addrMask;
    }

    /** pmpaddr as used for NAPOT matching (the same value software reads). */
    private long effectiveMatchAddr(int i) {
        return effectiveAddr(i);
    }

    /** A TOR bound in bytes: pmpaddr with its low G bits cleared whatever that entry's own A field. */
    private long torBound(int i) {
        return (addr[i] & -(1L << g)) << 2;
    }

    private static int aField(int c) {
        return (c >>> CFG_A_SHIFT) & 3;
    }

    private boolean isLocked(int i) {
        return (cfg[i] & CFG_L) != 0;
    }

    /** Any entry in the PMP role locked (entries delegated to SPMP are not pmpcfg entries: Smpmpdeleg). */
    private boolean anyLocked() {
        for (int i = 0; i < pmpCount; i++) {
            if ((cfg[i] & CFG_L) != 0) {
                return true;
            }
        }
        return false;
    }

    private boolean mml() {
        return (mseccfg & MSECCFG_MML) != 0;
    }

    private boolean mmwp() {
        return (mseccfg & MSECCFG_MMWP) != 0;
    }

    private boolean rlb() {
        return (mseccfg & MSECCFG_RLB) != 0;
    }

    private void checkIndex(int i) {
        if (i < 0 || i >= entries) {
            throw new IllegalArgumentException("PMP entry " + i + " is not implemented (0.." + (entries - 1) + ")");
        }
    }

    /** A builder for tests and examples: entries are filled from 0 upwards in call order. */
    public static Builder builder() {
        return new Builder(64, 64, 0);
    }

    /** A builder for a PMP with the given shape. */
    public static Builder builder(int xlen, int entries, int granularity) {
        return new Builder(xlen, entries, granularity);
    }

    /** Fluent construction; each rule takes the next entry. */
    public static final class Builder {
        private final Pmp pmp;
        private int next;
        private long mseccfg;

        private Builder(int xlen, int entries, int granularity) {
            this.pmp = new Pmp(xlen, entries, granularity);
        }

        /** A NAPOT rule over {@code [base, base+size)}; size a power of two ≥ 8, base aligned to it. */
        public Builder napot(long base, long size, String rwx, boolean locked) {
            if (size < 8 || Long.bitCount(size) != 1 || (base & (size - 1)) != 0) {
                throw new IllegalArgumentException(String.format(
                        "NAPOT needs a power-of-two size >= 8 and a base aligned to it (base 0x%x, size 0x%x)",
                        base, size));
            }
            if (size < (1L << (pmp.g + 2))) {
                throw new IllegalArgumentException("NAPOT size 0x" + Long.toHexString(size)
                        + " is below the PMP grain of 2^(G+2) = " + (1L << (pmp.g + 2)) + " bytes");
            }
            long enc = (base >>> 2) | ((size >>> 3) - 1);
            return rule(enc, A_NAPOT, rwx, locked);
        }

        /** An NA4 rule over the 4 bytes at {@code base} (4-byte aligned). */
        public Builder na4(long base, String rwx, boolean locked) {
            if ((base & 3) != 0) {
                throw new IllegalArgumentException(String.format("NA4 base 0x%x is not 4-byte aligned", base));
            }
            if (pmp.g >= 1) {
                throw new IllegalArgumentException("NA4 is not selectable with granularity G=" + pmp.g + " (G >= 1)");
            }
            return rule(base >>> 2, A_NA4, rwx, locked);
        }

        /**
         * A TOR rule over {@code [previous entry's address, top)}: takes one entry whose pmpaddr is
         * {@code top >> 2}; the bottom is the previous entry's pmpaddr (0 for entry 0).
         */
        public Builder tor(long top, String rwx, boolean locked) {
            if ((top & 3) != 0) {
                throw new IllegalArgumentException(String.format("TOR top 0x%x is not 4-byte aligned", top));
            }
            return rule(top >>> 2, A_TOR, rwx, locked);
        }

        /** A TOR rule over {@code [bottom, top)}: an OFF entry holding the bottom, then the TOR entry. */
        public Builder tor(long bottom, long top, String rwx, boolean locked) {
            if ((bottom & 3) != 0) {
                throw new IllegalArgumentException(String.format("TOR bottom 0x%x is not 4-byte aligned", bottom));
            }
            rule(bottom >>> 2, A_OFF, "", false);
            return tor(top, rwx, locked);
        }

        /** An OFF entry with a raw pmpaddr value (e.g. the bottom of a following TOR). */
        public Builder off(long pmpaddr) {
            return rule(pmpaddr, A_OFF, "", false);
        }

        /** Sets mseccfg at build time (after the entries are written, so locks are not yet bypassed). */
        public Builder mseccfg(long value) {
            this.mseccfg = value;
            return this;
        }

        private Builder rule(long pmpaddr, int a, String rwx, boolean locked) {
            if (next >= pmp.entries) {
                throw new IllegalStateException("all " + pmp.entries + " PMP entries are used");
            }
            int perms = Access.parse(rwx); // Access R/W/X bit positions equal pmpcfg R/W/X
            int c = perms | (a << CFG_A_SHIFT) | (locked ? CFG_L : 0);
            // Write pmpaddr before the cfg that could lock it; set the raw byte so that builder rules are
            // exactly what the test asked for (CSR legalisation is tested through writePmpcfg).
            pmp.addr[next] = pmpaddr & pmp.addrMask;
            pmp.cfg[next] = (byte) c;
            next++;
            return this;
        }

        /**
         * @throws IllegalArgumentException when a rule has W without R and MML is not being set (that
         *                                  combination is reserved unless mseccfg.MML=1)
         */
        public Pmp build() {
            if ((mseccfg & MSECCFG_MML) == 0) {
                for (int i = 0; i < next; i++) {
                    if ((pmp.cfg[i] & (CFG_R | CFG_W)) == CFG_W) {
                        throw new IllegalArgumentException("PMP entry " + i + " has W without R, which is reserved"
                                + " unless mseccfg.MML=1 (give \"rw\" or set MML)");
                    }
                }
            }
            pmp.mseccfg = mseccfg & (MSECCFG_MML | MSECCFG_MMWP | MSECCFG_RLB);
            return pmp;
        }
    }
}
