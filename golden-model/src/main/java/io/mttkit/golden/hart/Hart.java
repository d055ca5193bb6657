package io.mttkit.golden.hart;

import io.mttkit.golden.Cause;
import io.mttkit.golden.LookupResult;
import io.mttkit.golden.MttLookup;
import io.mttkit.golden.MttMode;
import io.mttkit.golden.TableFormat;
import io.mttkit.golden.csr.MmptCsr;
import io.mttkit.golden.csr.Msdcfg;
import io.mttkit.golden.csr.MttRootCsr;
import io.mttkit.golden.csr.MttpCsr;
import io.mttkit.golden.pmp.Pmp;
import io.mttkit.golden.spmp.PmpBacking;
import io.mttkit.golden.spmp.Spmp;
import io.mttkit.golden.spmp.SpmpVerdict;

import java.util.ArrayList;
import java.util.List;

/**
 * The golden RISC-V hart: RV32/RV64 I, M, A, C, Zicsr, Zifencei with M/S/U privilege, Sv32/Sv39/Sv48 paging
 * with hardware A/D updates, PMP with Smepmp, and the Smmtt/Smmpt root CSR with its fences. Every physical
 * access below effective M — fetches, loads, stores, AMOs, the page-table walk's reads and A/D updates —
 * goes through the {@link MttAccessCheck} hook after translation and PMP (SPEC-DECISIONS #21).
 *
 * <p>Order of checks for one access: alignment (misaligned loads/stores/AMOs trap, unless {@link
 * HartConfig#misalignedAccess()} lets loads and stores be split into aligned parts, each checked as below) →
 * translation (each PTE read and A/D update: PMP as S-mode, then MTT as load/store, then bus) → PMP → MTT →
 * bus. Every failure after translation is an access fault of the original access type.
 *
 * <p>The hart holds no cache of MTT entries or translations: each access walks afresh, which is one of the
 * behaviours the spec allows (no fence is ever needed to see a table update). Fences only notify
 * {@link HartListener}s so a co-simulation can mirror them into a cached checker.
 *
 * <p>Deterministic: {@code mtime} advances by {@link HartConfig#mtimeTicksPerInsn()} per step.
 */
public final class Hart {
    // mstatus bits (Privileged Architecture §3.1.6)
    static final long SIE = 1L << 1;
    static final long MIE = 1L << 3;
    static final long SPIE = 1L << 5;
    static final long MPIE = 1L << 7;
    static final long SPP = 1L << 8;
    static final int MPP_SHIFT = 11;
    static final long MPP = 3L << MPP_SHIFT;
    static final long MPRV = 1L << 17;
    static final long SUM = 1L << 18;
    static final long MXR = 1L << 19;
    static final long TVM = 1L << 20;
    static final long TW = 1L << 21;
    static final long TSR = 1L << 22;
    static final long MBE = 1L << 37;
    static final long MSTATUS_WRITABLE = SIE | MIE | SPIE | MPIE | SPP | MPP | MPRV | SUM | MXR | TVM | TW
            | TSR | MBE;
    static final long SSTATUS_MASK = SIE | SPIE | SPP | SUM | MXR | (3L << 32) | (3L << 13) | (3L << 15);
    static final long XL64 = (2L << 32) | (2L << 34); // UXL = SXL = 64

    static final long IRQ_SSIP = 1L << TrapCause.IRQ_SSI;
    static final long IRQ_MSIP = 1L << TrapCause.IRQ_MSI;
    static final long IRQ_STIP = 1L << TrapCause.IRQ_STI;
    static final long IRQ_MTIP = 1L << TrapCause.IRQ_MTI;
    /** Interrupt priority (Privileged Architecture, "Machine Interrupt Registers"): MEI, MSI, MTI, SEI, SSI, STI. */
    private static final int[] IRQ_PRIORITY = {11, TrapCause.IRQ_MSI, TrapCause.IRQ_MTI, 9, TrapCause.IRQ_SSI,
        TrapCause.IRQ_STI};
    static final long MEDELEG_WRITABLE = 0xB3FFL & ~(1L << TrapCause.ECALL_M);

    private final HartConfig cfg;
    final int xlen;
    private final PageMemory mem;
    final Pmp pmp;
    /** The S-level PMP, or null without Sspmp. */
    final Spmp spmp;
    /** Sscsrind {@code siselect} and Smcsrind {@code miselect} (present with Sspmp). */
    long siselect;
    long miselect;
    final MttRootCsr mttRoot;
    final Msdcfg msdcfg = new Msdcfg();
    private MttAccessCheck mttCheck;
    private final List<HartListener> listeners = new ArrayList<>();
    private final LookupResult verdict = new LookupResult();
    private final Disassembler disassembler;

    // architectural state
    final long[] x = new long[32];
    long pc;
    int priv = Priv.M;
    long mstatus;
    long medeleg;
    long mideleg;
    long mie;
    long mipSoft; // SSIP, STIP (writable by M); MSIP and MTIP come from the CLINT
    long mtvec;
    long stvec;
    long mscratch;
    long sscratch;
    long mepc;
    long sepc;
    long mcause;
    long scause;
    long mtval;
    long stval;
    long satp;
    long mcounteren;
    long scounteren;
    long mcycle;
    long minstret;
    /**
     * Set when the current instruction wrote {@code mcycle(h)} / {@code minstret(h)}: Zicsr, "if a CSR access
     * instruction writes such a CSR, the write is done instead of the increment".
     */
    boolean mcycleWritten;
    boolean minstretWritten;
    final Clint clint;
    /** A memory-mapped device beside the CLINT, or null ({@link #attachDevice}). */
    private BusDevice device;
    /** {@code mhartid}: 0 unless built by a {@link HartSystem}. */
    final int hartId;
    /** The reserved physical address of LR, -1 for none (a {@link HartSystem} breaks it on other harts' stores). */
    long reservation = -1;
    /** Told about every physical store to RAM (set by a {@link HartSystem}); null for a lone hart. */
    StoreSnoop storeSnoop;
    /** With several harts WFI stalls the hart until an interrupt is pending (a lone hart treats it as a hint). */
    boolean wfiStalls;
    /** Set by WFI when {@link #wfiStalls}; cleared by the {@link HartSystem} when an interrupt is pending. */
    boolean inWfi;

    // bookkeeping
    private long retired;
    private int rdWritten;
    private long rdValue;
    private long storeWatchBase = -1;
    private StoreWatcher storeWatcher;
    // a second window: a program's typed channel beside HTIF (the CoVE ownership log, docs/cove.md)
    private long storeWatchBase2 = -1;
    private StoreWatcher storeWatcher2;

    /** Told about physical stores into a watched 8-byte window (HTIF {@code tohost}). */
    @FunctionalInterface
    public interface StoreWatcher {
        /** A store of {@code size} bytes at physical {@code pa} inside the window has completed. */
        void stored(long pa, int size);
    }

    /** Told about physical stores to RAM (explicit stores, SC, AMOs, A/D updates) by a hart of a system. */
    interface StoreSnoop {
        void stored(Hart by, long pa, int size);
    }

    /**
     * @param cfg    what hart to build
     * @param memory the physical memory (shared with the MTT lookup's implicit reads)
     */
    public Hart(HartConfig cfg, PageMemory memory) {
        this(cfg, memory, 0, null);
    }

    /** Hart {@code hartId} of a system sharing {@code memory} and {@code clint} (null: its own CLINT). */
    Hart(HartConfig cfg, PageMemory memory, int hartId, Clint clint) {
        if (cfg == null || memory == null) {
            throw new IllegalArgumentException("config and memory must be given");
        }
        this.cfg = cfg;
        this.xlen = cfg.xlen();
        this.mem = memory;
        this.pmp = new Pmp(xlen, cfg.pmpEntries(), cfg.pmpGranularity());
        this.spmp = cfg.spmp() == null ? null
                : cfg.spmp().mpmpdeleg() ? new Spmp(cfg.spmp(), pmpBacking(pmp)) : new Spmp(cfg.spmp());
        this.mttRoot = cfg.format() == TableFormat.SMMPT_V0_9
                ? new MmptCsr(xlen, cfg.sdidLen(), cfg.supportedModes())
                : new MttpCsr(xlen, cfg.sdidLen(), cfg.supportedModes());
        this.mttCheck = new LookupAccessCheck(new MttLookup(memory, pmp, cfg.lookup()));
        this.disassembler = new Disassembler(xlen, cfg.mfenceFunct7(), cfg.minvalFunct7());
        this.mstatus = xlen == 64 ? XL64 : 0;
        this.clint = clint != null ? clint : new Clint(cfg.clintBase());
        this.hartId = hartId;
    }

    // ---- configuration and inspection -------------------------------------------------------------------

    /** The configuration the hart was built with. */
    public HartConfig config() {
        return cfg;
    }

    /** The physical memory (also read by the MTT lookup's implicit MPTE reads). */
    public PageMemory memory() {
        return mem;
    }

    /** Smpmpdeleg: the SPMP's view of the PMP register file. */
    private static PmpBacking pmpBacking(Pmp pmp) {
        return new PmpBacking() {
            @Override
            public int writableEntries() {
                return pmp.entries();
            }

            @Override
            public int cfgByte(int i) {
                return pmp.rawCfg(i);
            }

            @Override
            public void setCfgByte(int i, int value) {
                pmp.setRawCfg(i, value);
            }

            @Override
            public long addr(int i) {
                return pmp.rawAddr(i);
            }

            @Override
            public void setAddr(int i, long value) {
                pmp.setRawAddr(i, value);
            }

            @Override
            public void pmpCountChanged(int pmpnum) {
                pmp.setPmpCount(pmpnum);
            }
        };
    }

    /** The hart's S-level PMP, or null when the hart has no Sspmp. */
    public Spmp spmp() {
        return spmp;
    }

    /** The hart's PMP/Smepmp state (also the implicit-read check of the default MTT lookup). */
    public Pmp pmp() {
        return pmp;
    }

    /** The MTT root CSR ({@code mmpt} or {@code mttp}). */
    public MttRootCsr mttRoot() {
        return mttRoot;
    }

    /** The access-check hook in use. */
    public MttAccessCheck mttCheck() {
        return mttCheck;
    }

    /** Replaces the access-check hook (a co-simulation wraps {@link #mttCheck()}). */
    public void setMttCheck(MttAccessCheck check) {
        if (check == null) {
            throw new IllegalArgumentException("the MTT access check must not be null");
        }
        this.mttCheck = check;
    }

    /** Adds a listener; listeners are called in the order added. */
    public void addListener(HartListener l) {
        listeners.add(l);
    }

    /**
     * Maps {@code d} on this hart's bus beside the CLINT (one device; null removes it). It must not overlap the
     * CLINT or RAM: RAM would be shadowed.
     */
    public void attachDevice(BusDevice d) {
        this.device = d;
    }

    /** Calls {@code watcher} after every physical store that touches {@code [base, base + 8)}. */
    public void watchStores(long base, StoreWatcher watcher) {
        this.storeWatchBase = base;
        this.storeWatcher = watcher;
    }

    /**
     * Calls {@code watcher} after every physical store that touches {@code [base, base + 8)}: a second window
     * beside {@link #watchStores} (which HTIF holds), for a program's own channel to the harness.
     */
    public void watchMoreStores(long base, StoreWatcher watcher) {
        this.storeWatchBase2 = base;
        this.storeWatcher2 = watcher;
    }

    /** A disassembler configured for this hart's XLEN and fence encodings. */
    public Disassembler disassembler() {
        return disassembler;
    }

    /** The address of the next instruction. */
    public long pc() {
        return pc;
    }

    /** Sets the pc (truncated to XLEN); for loaders and tests. */
    public void setPc(long v) {
        pc = xlen == 32 ? v & 0xFFFF_FFFFL : v;
    }

    /** Register {@code i} (RV32 values are sign-extended to 64 bits). */
    public long reg(int i) {
        return x[i];
    }

    /** Writes register {@code i} (x0 stays zero; RV32 values are sign-extended to 64 bits). */
    public void setReg(int i, long v) {
        if (i != 0) {
            x[i] = xlen == 32 ? (int) v : v;
        }
    }

    /** Current privilege: {@link Priv#M}, {@link Priv#S} or {@link Priv#U}. */
    public int priv() {
        return priv;
    }

    /** {@code mhartid}. */
    public int hartId() {
        return hartId;
    }

    /** Instructions retired. */
    public long instret() {
        return retired;
    }

    /** The CLINT's {@code mtime}. */
    public long mtime() {
        return clint.mtime;
    }

    /** Reads a CSR as M-mode would (for tests and tools); throws for a CSR that does not exist. */
    public long csr(int n) {
        Long v = Csrs.read(this, n);
        if (v == null) {
            throw new IllegalArgumentException(String.format("CSR 0x%03x is not implemented", n));
        }
        return v;
    }

    // ---- execution ----------------------------------------------------------------------------------------

    /** Executes one instruction, or takes one interrupt or exception. Never throws for program behaviour. */
    public void step() {
        long insnPc = pc;
        int insnPriv = priv;
        int insn = 0;
        rdWritten = 0;
        mcycleWritten = false;
        minstretWritten = false;
        try {
            if (takeInterrupt()) {
                return;
            }
            insn = fetch(insnPc);
            if ((insn & 3) != 3) {
                int expanded = cfg.compressed() ? Compressed.expand(insn, xlen) : Compressed.ILLEGAL;
                if (expanded == Compressed.ILLEGAL) {
                    throw illegal(insn);
                }
                execute(expanded, 2);
            } else {
                execute(insn, 4);
            }
            retired++;
            if (!minstretWritten) {
                minstret++;
            }
            for (int i = 0; i < listeners.size(); i++) {
                listeners.get(i).retired(insnPc, insn, insnPriv, rdWritten, rdValue);
            }
        } catch (Trap t) {
            pc = insnPc;
            // xtval of an illegal compressed instruction is its own 16 bits, not those of its expansion
            long tval = t.cause == TrapCause.ILLEGAL_INSN && (insn & 3) != 3 ? insn & 0xFFFFL : t.tval;
            takeTrap(false, t.cause, tval, t.mttCause);
        } finally {
            if (!mcycleWritten) {
                mcycle++;
            }
            clint.tick(cfg.mtimeTicksPerInsn());
        }
    }

    /**
     * Fetches the instruction at {@code va}: 4 bytes, or with C the 16-bit parcel alone when it is a
     * compressed instruction. A 32-bit instruction that crosses a page is two fetch accesses, each
     * translated and checked (PMP, MTT) on its own; a fault on the second reports its address.
     */
    private int fetch(long va) {
        long pa = translate(va, AccessKind.FETCH, priv);
        if (!cfg.compressed()) {
            physCheck(pa, 4, AccessKind.FETCH, priv, AccessKind.FETCH);
            return (int) mem.load(pa, 4);
        }
        // Peek at the low parcel to learn the length; the checked accesses follow.
        boolean full = mem.canAccess(pa, 2) && (mem.load(pa, 2) & 3) == 3;
        if (!full) {
            physCheck(pa, 2, AccessKind.FETCH, priv, AccessKind.FETCH);
            return (int) mem.load(pa, 2);
        }
        if ((va & 0xFFF) != 0xFFE) {
            physCheck(pa, 4, AccessKind.FETCH, priv, AccessKind.FETCH);
            return (int) mem.load(pa, 4);
        }
        physCheck(pa, 2, AccessKind.FETCH, priv, AccessKind.FETCH);
        long lo = mem.load(pa, 2);
        long pa2 = translate(mask(va + 2), AccessKind.FETCH, priv);
        physCheck(pa2, 2, AccessKind.FETCH, priv, AccessKind.FETCH);
        return (int) (lo | (mem.load(pa2, 2) << 16));
    }

    /** Mask of the bits of a pc that must be zero: IALIGN is 16 with C, 32 without. */
    long ialignMask() {
        return cfg.compressed() ? 1 : 3;
    }

    private void wr(int rd, long v) {
        if (rd != 0) {
            x[rd] = xlen == 32 ? (int) v : v;
            rdWritten = rd;
            rdValue = x[rd];
        }
    }

    static Trap illegal(int insn) {
        return new Trap(TrapCause.ILLEGAL_INSN, insn & 0xFFFF_FFFFL);
    }

    /** Executes a 32-bit instruction (or the expansion of a compressed one) of {@code len} bytes. */
    private void execute(int insn, int len) {
        int opcode = insn & 0x7F;
        int rd = (insn >>> 7) & 31;
        int f3 = (insn >>> 12) & 7;
        int rs1 = (insn >>> 15) & 31;
        int rs2 = (insn >>> 20) & 31;
        int f7 = insn >>> 25;
        long a = x[rs1];
        long b = x[rs2];
        long next = pc + len;
        switch (opcode) {
            case 0x37 -> wr(rd, (long) (insn & 0xFFFFF000));
            case 0x17 -> wr(rd, pc + (insn & 0xFFFFF000));
            case 0x6F -> {
                long target = pc + immJ(insn);
                jumpTo(target);
                wr(rd, next);
                return;
            }
            case 0x67 -> {
                if (f3 != 0) {
                    throw illegal(insn);
                }
                long target = (a + (insn >> 20)) & ~1L;
                jumpTo(target);
                wr(rd, next);
                return;
            }
            case 0x63 -> {
                boolean take = switch (f3) {
                    case 0 -> a == b;
                    case 1 -> a != b;
                    case 4 -> a < b;
                    case 5 -> a >= b;
                    case 6 -> Long.compareUnsigned(a, b) < 0;
                    case 7 -> Long.compareUnsigned(a, b) >= 0;
                    default -> throw illegal(insn);
                };
                if (take) {
                    jumpTo(pc + immB(insn));
                    return;
                }
            }
            case 0x03 -> {
                long va = a + (insn >> 20);
                long v = switch (f3) {
                    case 0 -> (byte) load(va, 1, AccessKind.LOAD);
                    case 1 -> (short) load(va, 2, AccessKind.LOAD);
                    case 2 -> (int) load(va, 4, AccessKind.LOAD);
                    case 3 -> {
                        if (xlen == 32) {
                            throw illegal(insn);
                        }
                        yield load(va, 8, AccessKind.LOAD);
                    }
                    case 4 -> load(va, 1, AccessKind.LOAD);
                    case 5 -> load(va, 2, AccessKind.LOAD);
                    case 6 -> {
                        if (xlen == 32) {
                            throw illegal(insn);
                        }
                        yield load(va, 4, AccessKind.LOAD);
                    }
                    default -> throw illegal(insn);
                };
                wr(rd, v);
            }
            case 0x23 -> {
                long va = a + immS(insn);
                if (f3 > 3 || (f3 == 3 && xlen == 32)) {
                    throw illegal(insn);
                }
                store(va, 1 << f3, b, AccessKind.STORE);
            }
            case 0x13 -> wr(rd, Alu.opImm(xlen, insn, f3, a, false));
            case 0x1B -> {
                if (xlen == 32) {
                    throw illegal(insn);
                }
                wr(rd, Alu.opImm(xlen, insn, f3, a, true));
            }
            case 0x33 -> wr(rd, f7 == 1 ? Alu.mulDiv(xlen, insn, f3, a, b, false) : Alu.op(xlen, insn, f3, f7, a, b, false));
            case 0x3B -> {
                if (xlen == 32) {
                    throw illegal(insn);
                }
                wr(rd, f7 == 1 ? Alu.mulDiv(xlen, insn, f3, a, b, true) : Alu.op(xlen, insn, f3, f7, a, b, true));
            }
            case 0x0F -> {
                // FENCE (incl. FENCE.TSO, PAUSE) and FENCE.I: no caches or buffers to order in this model.
                if (f3 != 0 && f3 != 1) {
                    throw illegal(insn);
                }
            }
            case 0x2F -> amo(insn, rd, f3, a, b, rs2);
            case 0x73 -> {
                if (f3 == 0) {
                    system(insn, rd, rs1, rs2, f7);
                    return;
                }
                csrOp(insn, rd, f3, rs1, a);
            }
            default -> throw illegal(insn);
        }
        pc = mask(next);
    }

    long mask(long v) {
        return xlen == 32 ? v & 0xFFFF_FFFFL : v;
    }

    private void jumpTo(long target) {
        target = mask(target);
        if ((target & ialignMask()) != 0) {
            throw new Trap(TrapCause.INSN_MISALIGNED, target);
        }
        pc = target;
    }

    static long immJ(int i) {
        return ((i >> 31) << 20) | (i & 0xFF000) | ((i >>> 9) & 0x800) | ((i >>> 20) & 0x7FE);
    }

    static long immB(int i) {
        return ((i >> 31) << 12) | ((i << 4) & 0x800) | ((i >>> 20) & 0x7E0) | ((i >>> 7) & 0x1E);
    }

    static long immS(int i) {
        return ((i >> 25) << 5) | ((i >>> 7) & 31);
    }

    private void amo(int insn, int rd, int f3, long a, long b, int rs2) {
        int size;
        if (f3 == 2) {
            size = 4;
        } else if (f3 == 3 && xlen == 64) {
            size = 8;
        } else {
            throw illegal(insn);
        }
        int f5 = insn >>> 27;
        long va = mask(a);
        if (f5 == 0b00010) { // LR
            if (rs2 != 0) {
                throw illegal(insn);
            }
            long pa = dataAccess(va, size, AccessKind.LOAD);
            long v = dataRead(pa, size);
            reservation = pa;
            wr(rd, size == 4 ? (int) v : v);
            return;
        }
        if (f5 == 0b00011) { // SC
            long pa = dataAccess(va, size, AccessKind.STORE);
            boolean ok = reservation == pa;
            reservation = -1;
            if (ok) {
                dataWrite(pa, size, b);
            }
            wr(rd, ok ? 0 : 1);
            return;
        }
        switch (f5) {
            case 0b00001, 0b00000, 0b00100, 0b01100, 0b01000, 0b10000, 0b10100, 0b11000, 0b11100 -> {
            }
            default -> throw illegal(insn);
        }
        long pa = dataAccess(va, size, AccessKind.AMO);
        long old = dataRead(pa, size);
        if (size == 4) {
            old = (int) old;
            b = (int) b;
        }
        long nv = switch (f5) {
            case 0b00001 -> b;
            case 0b00000 -> old + b;
            case 0b00100 -> old ^ b;
            case 0b01100 -> old & b;
            case 0b01000 -> old | b;
            case 0b10000 -> Math.min(old, b);
            case 0b10100 -> Math.max(old, b);
            case 0b11000 -> Long.compareUnsigned(old, b) <= 0 ? old : b;
            default -> Long.compareUnsigned(old, b) >= 0 ? old : b;
        };
        if (size == 4) { // unsigned compares of W-AMOs act on the 32-bit values
            long uo = old & 0xFFFF_FFFFL;
            long ub = b & 0xFFFF_FFFFL;
            if (f5 == 0b11000) {
                nv = uo <= ub ? old : b;
            } else if (f5 == 0b11100) {
                nv = uo >= ub ? old : b;
            }
        }
        dataWrite(pa, size, nv);
        wr(rd, old);
    }

    // ---- SYSTEM: xRET, WFI, fences ----------------------------------------------------------------------

    private void system(int insn, int rd, int rs1, int rs2, int f7) {
        if (insn == 0x00000073) {
            throw new Trap(priv == Priv.M ? TrapCause.ECALL_M : priv == Priv.S ? TrapCause.ECALL_S : TrapCause.ECALL_U,
                    0);
        }
        if (insn == 0x00100073) {
            throw new Trap(TrapCause.BREAKPOINT, pc);
        }
        if (rd != 0) {
            throw illegal(insn);
        }
        if (insn == 0x30200073) { // MRET
            if (priv != Priv.M) {
                throw illegal(insn);
            }
            int mpp = (int) ((mstatus >>> MPP_SHIFT) & 3);
            mstatus = setBit(mstatus, MIE, (mstatus & MPIE) != 0) | MPIE;
            mstatus &= ~MPP;
            if (mpp != Priv.M) {
                mstatus &= ~MPRV;
            }
            priv = mpp;
            pc = mepc;
            return;
        }
        if (insn == 0x10200073) { // SRET
            if (priv == Priv.U || (priv == Priv.S && (mstatus & TSR) != 0)) {
                throw illegal(insn);
            }
            int spp = (mstatus & SPP) != 0 ? Priv.S : Priv.U;
            mstatus = setBit(mstatus, SIE, (mstatus & SPIE) != 0) | SPIE;
            mstatus &= ~SPP;
            mstatus &= ~MPRV; // SRET always returns below M
            priv = spp;
            pc = sepc;
            return;
        }
        if (insn == 0x10500073) { // WFI: a hint here (time advances per instruction anyway)
            if (priv == Priv.U || (priv == Priv.S && (mstatus & TW) != 0)) {
                throw illegal(insn);
            }
            pc = mask(pc + 4);
            inWfi = wfiStalls;
            return;
        }
        boolean rs1Zero = rs1 == 0;
        boolean rs2Zero = rs2 == 0;
        HartListener.Fence fence;
        if (f7 == 0b0001001 || f7 == 0b0001011) { // SFENCE.VMA, SINVAL.VMA (Svinval)
            if (priv == Priv.U || (priv == Priv.S && (mstatus & TVM) != 0)) {
                throw illegal(insn);
            }
            fence = HartListener.Fence.SFENCE_VMA;
        } else if (f7 == 0b0001100 && rs1 == 0 && (rs2 == 0 || rs2 == 1)) { // SFENCE.W.INVAL / SFENCE.INVAL.IR
            if (priv == Priv.U) {
                throw illegal(insn);
            }
            fence = rs2 == 0 ? HartListener.Fence.SFENCE_W_INVAL : HartListener.Fence.SFENCE_INVAL_IR;
            rs2Zero = true;
        } else if (f7 == cfg.mfenceFunct7() || f7 == cfg.minvalFunct7()) {
            // MFENCE.PA / MINVAL.PA are "only valid in M-mode" (v0.9 ch. 3): illegal instruction elsewhere.
            if (priv != Priv.M) {
                throw illegal(insn);
            }
            fence = f7 == cfg.mfenceFunct7() ? HartListener.Fence.MFENCE_PA : HartListener.Fence.MINVAL_PA;
        } else {
            throw illegal(insn);
        }
        long v1 = rs1Zero ? 0 : mask(x[rs1]); // XLEN-wide values: an RV32 PA is unsigned
        long v2 = rs2Zero ? 0 : mask(x[rs2]);
        for (int i = 0; i < listeners.size(); i++) {
            listeners.get(i).fence(fence, rs1Zero, v1, rs2Zero, v2);
        }
        pc = mask(pc + 4);
    }

    private static long setBit(long v, long bit, boolean on) {
        return on ? v | bit : v & ~bit;
    }

    // ---- traps and interrupts -----------------------------------------------------------------------------

    long mip() {
        long v = mipSoft;
        if (clint.timerPending(hartId)) {
            v |= IRQ_MTIP;
        }
        if (clint.msip(hartId)) {
            v |= IRQ_MSIP;
        }
        return v;
    }

    private boolean takeInterrupt() {
        long pending = mip() & mie;
        if (pending == 0) {
            return false;
        }
        long mPending = pending & ~mideleg;
        boolean mEnabled = priv < Priv.M || (mstatus & MIE) != 0;
        long sPending = pending & mideleg;
        boolean sEnabled = priv < Priv.S || (priv == Priv.S && (mstatus & SIE) != 0);
        long take = mEnabled && mPending != 0 ? mPending : sEnabled && sPending != 0 ? sPending : 0;
        if (take == 0) {
            return false;
        }
        for (int code : IRQ_PRIORITY) {
            if ((take & (1L << code)) != 0) {
                takeTrap(true, code, 0, null);
                return true;
            }
        }
        return false;
    }

    private void takeTrap(boolean interrupt, int code, long tval, Cause mttCause) {
        int from = priv;
        long delegBits = interrupt ? mideleg : medeleg;
        boolean delegate = from <= Priv.S && ((delegBits >>> code) & 1) != 0
                && (mttCause == null || cfg.mttFaultsHonourMedeleg()); // SPEC-DECISIONS #15
        long causeReg = interrupt ? (1L << (xlen - 1)) | code : code;
        if (xlen == 32) {
            causeReg &= 0xFFFF_FFFFL;
        }
        reservation = -1;
        if (delegate) {
            scause = causeReg;
            sepc = pc;
            stval = tval;
            mstatus = setBit(mstatus, SPP, from == Priv.S);
            mstatus = setBit(mstatus, SPIE, (mstatus & SIE) != 0) & ~SIE;
            priv = Priv.S;
            pc = vector(stvec, interrupt, code);
        } else {
            mcause = causeReg;
            mepc = pc;
            mtval = tval;
            mstatus = (mstatus & ~MPP) | ((long) from << MPP_SHIFT);
            mstatus = setBit(mstatus, MPIE, (mstatus & MIE) != 0) & ~MIE;
            priv = Priv.M;
            pc = vector(mtvec, interrupt, code);
        }
        if (!listeners.isEmpty()) {
            TrapRecord r = new TrapRecord(retired, sepcOrMepc(delegate), interrupt, code, tval, from, priv,
                    mttCause == null ? Cause.NONE : mttCause);
            for (int i = 0; i < listeners.size(); i++) {
                listeners.get(i).trap(r);
            }
        }
    }

    private long sepcOrMepc(boolean delegated) {
        return delegated ? sepc : mepc;
    }

    private long vector(long tvec, boolean interrupt, int code) {
        long base = tvec & ~3L;
        return (tvec & 3) == 1 && interrupt ? mask(base + 4L * code) : base;
    }

    // ---- memory access ------------------------------------------------------------------------------------

    private int effectiveDataPriv() {
        return priv == Priv.M && (mstatus & MPRV) != 0 ? (int) ((mstatus >>> MPP_SHIFT) & 3) : priv;
    }

    /** Alignment, translation, PMP, MTT and bus checks of a data access; returns the PA. */
    private long dataAccess(long va, int size, AccessKind kind) {
        va = mask(va);
        if ((va & (size - 1)) != 0) {
            throw new Trap(kind == AccessKind.LOAD ? TrapCause.LOAD_MISALIGNED : TrapCause.STORE_MISALIGNED, va);
        }
        int eff = effectiveDataPriv();
        long pa = translate(va, kind, eff);
        physCheck(pa, size, kind, eff, kind);
        return pa;
    }

    private long load(long va, int size, AccessKind kind) {
        if (cfg.misalignedAccess() && (va & (size - 1)) != 0) {
            return loadMisaligned(mask(va), size);
        }
        return dataRead(dataAccess(va, size, kind), size);
    }

    private void store(long va, int size, long v, AccessKind kind) {
        if (cfg.misalignedAccess() && (va & (size - 1)) != 0) {
            storeMisaligned(mask(va), size, v);
            return;
        }
        dataWrite(dataAccess(va, size, kind), size, v);
    }

    // ---- misaligned loads and stores (HartConfig.misalignedAccess: Zicclsm) -------------------------------

    /** Physical address and size of each part of the misaligned access being made. */
    private final long[] partPa = new long[8];
    private final int[] partSize = new int[8];

    /**
     * Splits a misaligned access into naturally aligned parts (largest first, in address order), translating and
     * checking each one like an access of its own; returns the number of parts. A part that faults traps with its
     * own VA in xtval, before any part is performed. A part on the CLINT is an access fault: misaligned accesses
     * are supported for main memory only.
     */
    private int splitMisaligned(long va, int size, AccessKind kind) {
        int n = 0;
        long a = va;
        int left = size;
        int eff = effectiveDataPriv();
        while (left > 0) {
            int s = Integer.highestOneBit(left);
            while ((a & (s - 1)) != 0) {
                s >>= 1;
            }
            long pa = translate(a, kind, eff);
            physCheck(pa, s, kind, eff, kind);
            if (isMmio(pa)) {
                throw new Trap(accessFault(kind), a);
            }
            partPa[n] = pa;
            partSize[n++] = s;
            a = mask(a + s);
            left -= s;
        }
        return n;
    }

    private long loadMisaligned(long va, int size) {
        int n = splitMisaligned(va, size, AccessKind.LOAD);
        long v = 0;
        int shift = 0;
        for (int i = 0; i < n; i++) {
            long part = readPhys(partPa[i], partSize[i]);
            v |= (partSize[i] == 8 ? part : part & ((1L << (8 * partSize[i])) - 1)) << shift;
            shift += 8 * partSize[i];
        }
        return bigEndianData() ? PageMemory.swap(v, size) : v;
    }

    private void storeMisaligned(long va, int size, long v) {
        int n = splitMisaligned(va, size, AccessKind.STORE);
        long bytes = bigEndianData() ? PageMemory.swap(v, size) : v; // in address order, least significant first
        int shift = 0;
        for (int i = 0; i < n; i++) {
            writePhys(partPa[i], partSize[i], bytes >>> shift);
            shift += 8 * partSize[i];
        }
    }

    /** Explicit data accesses are big-endian only at effective M with MBE=1 (SBE and UBE are read-only 0). */
    private boolean bigEndianData() {
        return effectiveDataPriv() == Priv.M && (mstatus & MBE) != 0;
    }

    private long dataRead(long pa, int size) {
        long v = readPhys(pa, size);
        return bigEndianData() ? PageMemory.swap(v, size) : v;
    }

    private void dataWrite(long pa, int size, long v) {
        writePhys(pa, size, bigEndianData() ? PageMemory.swap(v, size) : v);
    }

    private boolean isClint(long pa) {
        return clint.contains(pa);
    }

    private boolean isDevice(long pa) {
        return device != null && device.contains(pa);
    }

    /** The CLINT or another memory-mapped device: loads and stores only. */
    private boolean isMmio(long pa) {
        return isClint(pa) || isDevice(pa);
    }

    private long readPhys(long pa, int size) {
        if (isDevice(pa)) {
            return device.read(pa, size);
        }
        return isClint(pa) ? clint.read(pa, size) : mem.load(pa, size);
    }

    private void writePhys(long pa, int size, long v) {
        if (isClint(pa)) {
            clint.write(pa, size, v);
            return;
        }
        if (isDevice(pa)) {
            device.write(pa, size, v);
            return;
        }
        mem.store(pa, size, v);
        if (storeSnoop != null) {
            storeSnoop.stored(this, pa, size);
        }
        if (storeWatcher != null && Long.compareUnsigned(pa - storeWatchBase, 8) < 0) {
            storeWatcher.stored(pa, size);
        }
        if (storeWatcher2 != null && Long.compareUnsigned(pa - storeWatchBase2, 8) < 0) {
            storeWatcher2.stored(pa, size);
        }
    }

    /**
     * PMP, MTT and bus checks of one physical access.
     *
     * @param kind     the access as the MTT and PMP see it (walk reads are loads, A/D updates stores)
     * @param eff      effective privilege of the access
     * @param reportAs the original access type, which selects the access-fault cause
     */
    private void physCheck(long pa, int size, AccessKind kind, int eff, AccessKind reportAs) {
        // Sspmp: checked first, because "SPMP exceptions take priority over PMP or PMA exceptions"; the
        // MPT check sits behind PMP here, so an SPMP fault also wins over an MPT fault (docs/spmp.md).
        if (spmp != null && eff != Priv.M) {
            boolean sum = (mstatus & SUM) != 0;
            boolean mxr = (mstatus & MXR) != 0;
            boolean bare = satpMode() == 0;
            SpmpVerdict sv = spmp.check(pa, size, kind.need(), Priv.pmp(eff), sum, mxr, bare);
            if (!listeners.isEmpty()) {
                SpmpAccess a = new SpmpAccess(kind, pa, size, Priv.pmp(eff), sum, mxr, bare, sv);
                for (int i = 0; i < listeners.size(); i++) {
                    listeners.get(i).spmpChecked(a);
                }
            }
            if (!sv.allowed()) {
                throw new Trap(pageFault(reportAs), faultVa);
            }
        }
        boolean pmpOk = pmp.check(pa, size, kind.need(), Priv.pmp(eff));
        LookupResult v = null;
        if (pmpOk && eff != Priv.M) {
            v = mttCheck.check(mttRoot.mode(), mttRoot.ppn(), mttRoot.sdid(), pa, size, kind,
                    (mstatus & MBE) != 0, verdict);
        }
        for (int i = 0; i < listeners.size(); i++) {
            listeners.get(i).access(kind, pa, size, pmpOk, v);
        }
        if (!pmpOk) {
            throw new Trap(accessFault(reportAs), faultVa);
        }
        if (v != null && !v.allow()) {
            throw new Trap(accessFault(reportAs), faultVa, v.cause());
        }
        // Bus: RAM ranges, and the CLINT (or a device) for loads and stores only (no fetch or walk from MMIO).
        boolean bus = isMmio(pa) ? kind == AccessKind.LOAD || kind == AccessKind.STORE : mem.canAccess(pa, size);
        if (!bus) {
            throw new Trap(accessFault(reportAs), faultVa);
        }
    }

    /** The VA of the access being made: xtval of its access and page faults, also when a walk access fails. */
    private long faultVa;

    private static int accessFault(AccessKind k) {
        return switch (k) {
            case FETCH -> TrapCause.INSN_ACCESS_FAULT;
            case LOAD, PTW_READ -> TrapCause.LOAD_ACCESS_FAULT;
            default -> TrapCause.STORE_ACCESS_FAULT;
        };
    }

    private static int pageFault(AccessKind k) {
        return switch (k) {
            case FETCH -> TrapCause.INSN_PAGE_FAULT;
            case LOAD -> TrapCause.LOAD_PAGE_FAULT;
            default -> TrapCause.STORE_PAGE_FAULT;
        };
    }

    // ---- address translation (Privileged Architecture §12.3–12.5) -------------------------------------

    /** satp MODE values: RV32 1 = Sv32; RV64 8 = Sv39, 9 = Sv48. */
    private int satpMode() {
        return (int) (xlen == 32 ? (satp >>> 31) & 1 : (satp >>> 60) & 0xF);
    }

    private long translate(long va, AccessKind kind, int eff) {
        faultVa = va;
        int mode = satpMode();
        if (eff == Priv.M || mode == 0) {
            return va;
        }
        int levels;
        int vpnBits;
        int pteSize;
        if (xlen == 32) {
            levels = 2;
            vpnBits = 10;
            pteSize = 4;
        } else {
            levels = mode == 8 ? 3 : 4;
            vpnBits = 9;
            pteSize = 8;
            int vaBits = 12 + 9 * levels;
            long top = va >> (vaBits - 1);
            if (top != 0 && top != -1) { // not canonical: bits above VA width must equal bit VA-1
                throw new Trap(pageFault(kind), va);
            }
        }
        long ppnMask = xlen == 32 ? (1L << 22) - 1 : (1L << 44) - 1;
        long base = (satp & ppnMask) << 12;
        for (int i = levels - 1; i >= 0; i--) {
            long vpn = (va >>> (12 + i * vpnBits)) & ((1L << vpnBits) - 1);
            long pteAddr = base + vpn * pteSize;
            // The walk's own reads are S-mode loads for PMP and loads for the MTT (SPEC-DECISIONS #21).
            physCheck(pteAddr, pteSize, AccessKind.PTW_READ, Priv.S, kind);
            long pte = mem.load(pteAddr, pteSize);
            boolean v = (pte & 1) != 0;
            boolean r = (pte & 2) != 0;
            boolean w = (pte & 4) != 0;
            boolean xx = (pte & 8) != 0;
            if (!v || (!r && w) || (xlen == 64 && (pte >>> 54) != 0)) {
                throw new Trap(pageFault(kind), va); // reserved bits / N / PBMT (not implemented) → page fault
            }
            long ppn = (pte >>> 10) & ppnMask;
            if (!r && !xx) {
                if ((pte & (0x10 | 0x40 | 0x80)) != 0) { // U, A, D are reserved in non-leaf PTEs
                    throw new Trap(pageFault(kind), va);
                }
                base = ppn << 12;
                continue;
            }
            checkLeafPermissions(pte, kind, eff, va);
            long lowMask = (1L << (i * vpnBits)) - 1;
            if ((ppn & lowMask) != 0) { // misaligned superpage
                throw new Trap(pageFault(kind), va);
            }
            boolean needD = kind == AccessKind.STORE || kind == AccessKind.AMO;
            if ((pte & 0x40) == 0 || (needD && (pte & 0x80) == 0)) {
                // Hardware A/D update (Svadu behaviour): an implicit store, MTT-checked as a store.
                long npte = pte | 0x40 | (needD ? 0x80 : 0);
                physCheck(pteAddr, pteSize, AccessKind.PTW_UPDATE, Priv.S, kind);
                mem.store(pteAddr, pteSize, npte);
                if (storeSnoop != null) {
                    storeSnoop.stored(this, pteAddr, pteSize);
                }
            }
            long offMask = (1L << (12 + i * vpnBits)) - 1;
            return ((ppn << 12) & ~offMask) | (va & offMask);
        }
        throw new Trap(pageFault(kind), va); // non-leaf at the last level
    }

    private void checkLeafPermissions(long pte, AccessKind kind, int eff, long va) {
        boolean r = (pte & 2) != 0;
        boolean w = (pte & 4) != 0;
        boolean xx = (pte & 8) != 0;
        boolean u = (pte & 0x10) != 0;
        if (eff == Priv.U && !u) {
            throw new Trap(pageFault(kind), va);
        }
        if (eff == Priv.S && u && (kind == AccessKind.FETCH || (mstatus & SUM) == 0)) {
            throw new Trap(pageFault(kind), va);
        }
        boolean readable = r || ((mstatus & MXR) != 0 && xx);
        boolean ok = switch (kind) {
            case FETCH -> xx;
            case LOAD -> readable;
            case STORE -> w;
            default -> w && readable;
        };
        if (!ok) {
            throw new Trap(pageFault(kind), va);
        }
    }

    // ---- CSRs ---------------------------------------------------------------------------------------------

    private void csrOp(int insn, int rd, int f3, int rs1, long rs1Value) {
        int csr = insn >>> 20;
        boolean imm = (f3 & 4) != 0;
        long src = imm ? rs1 : rs1Value;
        int op = f3 & 3;
        if (op == 0) {
            throw illegal(insn);
        }
        boolean writes = op == 1 || rs1 != 0;
        int minPriv = (csr >>> 8) & 3;
        if (priv < minPriv || (writes && (csr >>> 10) == 3)) {
            throw illegal(insn);
        }
        if (!Csrs.counterAccessible(this, csr) || (csr == 0x180 && priv == Priv.S && (mstatus & TVM) != 0)) {
            throw illegal(insn);
        }
        Long old = Csrs.read(this, csr);
        if (old == null) {
            throw illegal(insn);
        }
        if (writes) {
            long nv = switch (op) {
                case 1 -> src;
                case 2 -> old | src;
                default -> old & ~src;
            };
            if (!Csrs.write(this, csr, mask(nv))) {
                throw illegal(insn);
            }
            Long after = Csrs.read(this, csr);
            SpmpCsrWrite sw = spmp == null || listeners.isEmpty() ? null
                    : Csrs.spmpWrite(this, csr, mask(nv), after == null ? 0 : after);
            for (int i = 0; sw != null && i < listeners.size(); i++) {
                listeners.get(i).spmpCsrWritten(sw);
            }
            for (int i = 0; i < listeners.size(); i++) {
                listeners.get(i).csrWritten(csr, after == null ? 0 : after);
            }
        }
        wr(rd, old);
    }

    /** The active MTT mode (for tools and tests). */
    public MttMode mttMode() {
        return mttRoot.mode();
    }
}
