package io.mttkit.golden.spmp;

import io.mttkit.golden.Access;
import io.mttkit.golden.pmp.PrivMode;
import io.mttkit.golden.spmp.SpmpCfg.AddressMode;

/**
 * The golden S-level PMP of one hart: Sspmp with optional Sspmpen and Smpmpdeleg (riscv-spmp v0.9.2).
 *
 * <p><b>Registers.</b> Entry i is {@code spmpcfg[i]} and {@code spmpaddr[i]}, reached only indirectly:
 * {@code siselect} (or, from M-mode, {@code miselect}) = 0x100+i, then {@code sireg}/{@code mireg} is
 * {@code spmpaddr[i]} and {@code sireg2}/{@code mireg2} is {@code spmpcfg[i]}; {@code sireg3..6} are
 * reserved (read 0, writes ignored); an index at or above the entry count reads 0 and ignores writes
 * ({@link #readIndirect}, {@link #writeIndirect}). A locked entry (L=1) ignores {@code siselect} writes to
 * its registers, and to the preceding {@code spmpaddr} when it is TOR; only M-mode through
 * {@code miselect} can change it (and so clear L). Sspmpen adds {@code spmpen} (and {@code spmpenh} on
 * RV32): entry i takes part in matching only when {@code spmpen[i]}=1 and A≠OFF; locked entries' bits
 * are read-only. Smpmpdeleg adds {@code mpmpdeleg.pmpnum}: PMP entries pmpnum.. become SPMP entries
 * 0.. through a {@link PmpBacking}.
 *
 * <p><b>Checking</b> ({@link #check}): only for effective privilege S or U while {@code satp.MODE} is Bare
 * and at least one entry is implemented. The lowest-numbered active entry that matches any byte decides;
 * it must match every byte (else the access fails), and then {@link Encoding} says whether the access
 * type is granted. No match denies. A failed check is the page fault of the access type
 * ({@link #faultCause}); it takes priority over PMP, PMA and MPT access faults (the caller checks SPMP
 * first, see docs/spmp.md).
 */
public final class Spmp {
    // CSR numbers (Sscsrind, Smcsrind, Sspmpen, Smpmpdeleg).
    public static final int CSR_SISELECT = 0x150;
    public static final int CSR_SIREG = 0x151;
    public static final int CSR_SIREG2 = 0x152;
    public static final int CSR_SIREG3 = 0x153;
    public static final int CSR_SIREG4 = 0x155;
    public static final int CSR_SIREG5 = 0x156;
    public static final int CSR_SIREG6 = 0x157;
    public static final int CSR_MISELECT = 0x350;
    public static final int CSR_MIREG = 0x351;
    public static final int CSR_MIREG2 = 0x352;
    public static final int CSR_MIREG3 = 0x353;
    public static final int CSR_MIREG4 = 0x355;
    public static final int CSR_MIREG5 = 0x356;
    public static final int CSR_MIREG6 = 0x357;
    public static final int CSR_SPMPEN = 0x183;
    public static final int CSR_SPMPENH = 0x193;
    public static final int CSR_MPMPDELEG = 0x316;
    /** {@code xiselect} value of SPMP entry 0; entries are 0x100..0x13F. */
    public static final int SELECT_BASE = 0x100;

    // Page-fault causes reused for SPMP violations (spec "Exceptions").
    public static final int CAUSE_INSN_PAGE_FAULT = 12;
    public static final int CAUSE_LOAD_PAGE_FAULT = 13;
    public static final int CAUSE_STORE_PAGE_FAULT = 15;

    private final SpmpParams params;
    private final int g;
    private final long addrMask;
    // Without Smpmpdeleg: the entries themselves.
    private final int[] cfg;
    private final long[] addr;
    // With Smpmpdeleg: the shared file, plus the U/SHARED bits (bits 9:8) kept per architectural entry.
    private final PmpBacking backing;
    private final int[] upperBits;
    private int pmpnum;
    private long spmpen;

    /** An SPMP without Smpmpdeleg. */
    public Spmp(SpmpParams params) {
        this(params, null);
    }

    /**
     * @param params  the shape
     * @param backing the PMP register file when {@code params.mpmpdeleg()}; must be null otherwise
     */
    public Spmp(SpmpParams params, PmpBacking backing) {
        if (params == null) {
            throw new IllegalArgumentException("SPMP params must be given");
        }
        if (params.mpmpdeleg() != (backing != null)) {
            throw new IllegalArgumentException("a PmpBacking is needed exactly when Smpmpdeleg is present");
        }
        this.params = params;
        this.g = params.granularity();
        this.addrMask = params.addrMask();
        this.backing = backing;
        if (backing == null) {
            this.cfg = new int[params.entryCount()];
            this.addr = new long[params.entryCount()];
            this.upperBits = null;
        } else {
            this.cfg = null;
            this.addr = null;
            this.upperBits = new int[64];
            this.pmpnum = backing.writableEntries(); // reset: nothing delegated
            backing.pmpCountChanged(pmpnum);
        }
    }

    public SpmpParams params() {
        return params;
    }

    /** The number of SPMP entries now implemented (with Smpmpdeleg: writable PMP entries − pmpnum). */
    public int entryCount() {
        return backing == null ? cfg.length : backing.writableEntries() - pmpnum;
    }

    // ---- register access ---------------------------------------------------------------------------

    /** {@code spmpcfg[i]} as software reads it (0 for an unimplemented index). */
    public long readCfg(int i) {
        return inRange(i) ? rawCfg(i) : 0;
    }

    /** {@code spmpaddr[i]} as software reads it, granularity applied (0 for an unimplemented index). */
    public long readAddr(int i) {
        return inRange(i) ? AddressMatch.readBack(rawAddr(i), SpmpCfg.mode(rawCfg(i)), g, addrMask) : 0;
    }

    /**
     * Writes {@code spmpcfg[i]}. Ignored for an unimplemented index, and for a locked entry unless
     * {@code viaMireg}. Legalised (WARL): WPRI bits stored as 0; RWX=010 → 000 and RWX=011 → 001 (W
     * dropped); SHARED=1 with U=0 → SHARED dropped; NA4 with G ≥ 1 → NAPOT (docs/spec-notes.md, Sspmp).
     */
    public void writeCfg(int i, long value, boolean viaMireg) {
        if (!inRange(i) || (!viaMireg && SpmpCfg.locked(rawCfg(i)))) {
            return;
        }
        setRawCfg(i, legalise((int) (value & SpmpCfg.IMPLEMENTED)));
    }

    /**
     * Writes {@code spmpaddr[i]} (bits above the address width are WARL 0). Ignored for an unimplemented
     * index; unless {@code viaMireg}, also when entry i is locked or entry i+1 is locked TOR.
     */
    public void writeAddr(int i, long value, boolean viaMireg) {
        if (!inRange(i)) {
            return;
        }
        if (!viaMireg) {
            if (SpmpCfg.locked(rawCfg(i))) {
                return;
            }
            if (i + 1 < entryCount()) {
                int next = rawCfg(i + 1);
                if (SpmpCfg.locked(next) && SpmpCfg.mode(next) == AddressMode.TOR) {
                    return;
                }
            }
        }
        setRawAddr(i, value & addrMask);
    }

    /** The WARL legalisation of a cfg write (see {@link #writeCfg}). */
    int legalise(int v) {
        int rwx = SpmpCfg.rwx(v);
        if (rwx == SpmpCfg.W || rwx == (SpmpCfg.W | SpmpCfg.X)) {
            v &= ~SpmpCfg.W;
        }
        if (SpmpCfg.shared(v) && !SpmpCfg.u(v)) {
            v &= ~SpmpCfg.SHARED;
        }
        if (g >= 1 && SpmpCfg.mode(v) == AddressMode.NA4) {
            v |= SpmpCfg.A_MASK;
        }
        return v;
    }

    /**
     * An indirect read through {@code xireg<k>} with {@code xiselect} = {@code select}: null when
     * {@code select} is outside the SPMP window 0x100..0x13F (the caller raises illegal instruction).
     *
     * @param k 1 ({@code xireg}) .. 6 ({@code xireg6})
     */
    public Long readIndirect(long select, int k) {
        int i = entryOf(select);
        if (i < 0) {
            return null;
        }
        return switch (k) {
            case 1 -> readAddr(i);
            case 2 -> readCfg(i);
            default -> 0L; // sireg3..6 are reserved
        };
    }

    /**
     * An indirect write; false when {@code select} is outside the SPMP window. {@code viaMireg}: the
     * write comes through {@code mireg*} (Smpmpdeleg's M-mode access, which may change locked entries).
     */
    public boolean writeIndirect(long select, int k, long value, boolean viaMireg) {
        int i = entryOf(select);
        if (i < 0) {
            return false;
        }
        if (k == 1) {
            writeAddr(i, value, viaMireg);
        } else if (k == 2) {
            writeCfg(i, value, viaMireg);
        }
        return true;
    }

    private static int entryOf(long select) {
        return select >= SELECT_BASE && select < SELECT_BASE + 64 ? (int) (select - SELECT_BASE) : -1;
    }

    // ---- Sspmpen --------------------------------------------------------------------------------------

    /** The full 64-bit {@code spmpen} (RV32: {@code spmpenh}:{@code spmpen}); 0 without Sspmpen. */
    public long readSpmpen() {
        return params.sspmpen() ? spmpen & implementedMask() : 0;
    }

    /**
     * Writes the bits of {@code spmpen} selected by {@code which} (all ones for RV64 {@code spmpen}, the
     * low or high half for RV32 {@code spmpen}/{@code spmpenh}). Bits of unimplemented entries and of
     * locked entries keep their value.
     */
    public void writeSpmpen(long value, long which) {
        if (!params.sspmpen()) {
            return;
        }
        long writable = which & implementedMask() & ~lockedMask();
        spmpen = (spmpen & ~writable) | (value & writable);
    }

    private long implementedMask() {
        int n = entryCount();
        return n >= 64 ? -1L : (1L << n) - 1;
    }

    private long lockedMask() {
        long m = 0;
        for (int i = 0; i < entryCount(); i++) {
            if (SpmpCfg.locked(rawCfg(i))) {
                m |= 1L << i;
            }
        }
        return m;
    }

    // ---- Smpmpdeleg -----------------------------------------------------------------------------------

    /** {@code mpmpdeleg}: pmpnum in bits 6:0 (0 without Smpmpdeleg). */
    public long readMpmpdeleg() {
        return backing == null ? 0 : pmpnum;
    }

    /**
     * Writes {@code mpmpdeleg.pmpnum} (WARL): a value above the writable PMP entries reads back as that
     * count (nothing delegated); on RV32 bits 1:0 are 0; a value at or below the index of a locked PMP
     * entry (one now in the PMP role) is ignored. Lowering pmpnum grows SPMP, raising it truncates SPMP
     * and {@code spmpen} (the truncated {@code spmpen} bits are cleared).
     */
    public void writeMpmpdeleg(long value) {
        if (backing == null) {
            return;
        }
        int writable = backing.writableEntries();
        int v = (int) (value & 0x7F);
        if (params.xlen() == 32) {
            v &= ~3;
        }
        if (v > writable) {
            v = writable;
        }
        for (int i = 0; i < pmpnum; i++) {
            if ((backing.cfgByte(i) & SpmpCfg.L) != 0 && v <= i) {
                return; // mpmpdeleg_locked_pmp_constraint
            }
        }
        int oldCount = entryCount();
        // SPMP index j is PMP index pmpnum+j, so spmpen bit j keeps meaning "SPMP entry j".
        pmpnum = v;
        int newCount = entryCount();
        if (newCount < oldCount) {
            spmpen &= newCount == 0 ? 0 : newCount >= 64 ? -1L : (1L << newCount) - 1;
        }
        backing.pmpCountChanged(pmpnum);
    }

    // ---- checking -------------------------------------------------------------------------------------

    /**
     * Checks one physical access.
     *
     * @param pa       physical address of the first byte
     * @param size     bytes accessed (≥ 1)
     * @param need     the {@link Access} bits the access needs (fetch X, load R, store W, AMO R|W)
     * @param priv     effective privilege mode
     * @param sum      {@code sstatus.SUM}
     * @param mxr      {@code sstatus.MXR}
     * @param satpBare whether {@code satp.MODE} is Bare (SPMP and paging are mutually exclusive)
     */
    public SpmpVerdict check(long pa, int size, int need, PrivMode priv, boolean sum, boolean mxr,
                             boolean satpBare) {
        if (size <= 0) {
            throw new IllegalArgumentException("access size must be positive, got " + size);
        }
        if (need == 0 || (need & ~(Access.R | Access.W | Access.X)) != 0) {
            throw new IllegalArgumentException("access type must be a non-empty subset of R|W|X, got " + need);
        }
        int n = entryCount();
        if (priv == PrivMode.M || !satpBare || n == 0) {
            return SpmpVerdict.NOT_APPLICABLE;
        }
        long first = pa;
        long last = pa + size - 1;
        for (int i = 0; i < n; i++) {
            int c = rawCfg(i);
            AddressMode mode = SpmpCfg.mode(c);
            if (mode == AddressMode.OFF || (params.sspmpen() && ((spmpen >>> i) & 1) == 0)) {
                continue; // not active (spmpen_activation_condition)
            }
            AddressMatch.Range r = AddressMatch.range(mode, rawAddr(i), i == 0 ? 0 : rawAddr(i - 1), g, addrMask);
            if (!r.overlaps(first, last)) {
                continue;
            }
            if (!r.covers(first, last)) {
                return new SpmpVerdict(SpmpVerdict.Outcome.PARTIAL_MATCH, i);
            }
            if (SpmpCfg.reserved(c)) {
                return new SpmpVerdict(SpmpVerdict.Outcome.RESERVED_ENCODING, i);
            }
            int granted = Encoding.permissions(c, priv, sum, mxr && params.mxrApplies());
            return new SpmpVerdict(Access.grants(granted, need) ? SpmpVerdict.Outcome.ALLOWED
                    : SpmpVerdict.Outcome.PERMISSION, i);
        }
        return SpmpVerdict.NO_MATCH;
    }

    /** The page-fault cause of a failed check: fetch 12, load 13, store/AMO 15. */
    public static int faultCause(int need) {
        if ((need & Access.X) != 0) {
            return CAUSE_INSN_PAGE_FAULT;
        }
        return (need & Access.W) != 0 ? CAUSE_STORE_PAGE_FAULT : CAUSE_LOAD_PAGE_FAULT;
    }

    // ---- storage --------------------------------------------------------------------------------------

    private boolean inRange(int i) {
        return i >= 0 && i < entryCount();
    }

    private int rawCfg(int i) {
        if (backing == null) {
            return cfg[i];
        }
        int arch = pmpnum + i;
        return backing.cfgByte(arch) | upperBits[arch];
    }

    private void setRawCfg(int i, int v) {
        if (backing == null) {
            cfg[i] = v;
            return;
        }
        int arch = pmpnum + i;
        backing.setCfgByte(arch, v & 0xFF);
        upperBits[arch] = v & (SpmpCfg.U | SpmpCfg.SHARED);
    }

    private long rawAddr(int i) {
        return backing == null ? addr[i] : backing.addr(pmpnum + i) & addrMask;
    }

    private void setRawAddr(int i, long v) {
        if (backing == null) {
            addr[i] = v;
        } else {
            backing.setAddr(pmpnum + i, v);
        }
    }
}
