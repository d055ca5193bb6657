package io.mttkit.golden.cache;

import io.mttkit.golden.MttMode;
import io.mttkit.golden.TableFormat;
import io.mttkit.golden.mem.PhysicalMemory;

/**
 * Test-local MTT table writer: raw entry encodings written from the spec figures (smmpt ch. 4 MPTE figures,
 * smmtt-v0.1 ch. 4 MTTL3/MTTL2/MTTL1 figures) into a {@link PhysicalMemory}, and a bump allocator of table
 * pages. Deliberately independent of the project's table builder.
 */
final class TestTables {
    /** Where table pages live (tables are never checked themselves, so any mapped place works). */
    static final long TABLE_BASE = 0x8000_0000L;

    final PhysicalMemory mem;
    final MttMode mode;
    private final long limit;
    private long next;
    /** Entries are stored big-endian ({@code mstatus.MBE}=1) when set. */
    boolean bigEndian;

    TestTables(MttMode mode, long bytes) {
        this.mode = mode;
        this.mem = new PhysicalMemory();
        mem.addRegion(TABLE_BASE, bytes);
        this.next = TABLE_BASE;
        this.limit = TABLE_BASE + bytes;
    }

    boolean smmpt() {
        return mode.format() == TableFormat.SMMPT_V0_9;
    }

    boolean rv32() {
        return mode.xlen() == 32;
    }

    /** Number of entries of a table at {@code level} (the root at levels−1). */
    int tableEntries(int level) {
        if (smmpt()) {
            if (rv32()) {
                return level == 0 ? 1024 : 512;
            }
            return (mode == MttMode.SMMPT64 && level == 4) ? 4096 : 512;
        }
        if (rv32()) {
            return level == 0 ? 1024 : 512;
        }
        return switch (level) {
            case 2 -> 1024;
            case 1 -> 1 << 21;
            default -> 512;
        };
    }

    /** Allocates a zeroed table for {@code level}, aligned as the spec requires; -1 when memory is exhausted. */
    long allocTable(int level) {
        long bytes = (long) tableEntries(level) * mode.entryBytes();
        long align = Math.max(4096, (mode == MttMode.SMMPT64 && level == 4) ? 32768 : 4096);
        long at = (next + align - 1) & -align;
        long pages = (bytes + 4095) & -4096L;
        if (at + pages > limit) {
            return -1;
        }
        next = at + pages;
        return at >>> 12;
    }

    /** log2 of the range one entry at {@code level} covers (also the bit position of its index). */
    int entryShift(int level) {
        if (smmpt()) {
            if (rv32()) {
                return level == 0 ? 15 : 25;
            }
            return 16 + 9 * level;
        }
        if (rv32()) {
            return level == 0 ? 15 : 25;
        }
        return switch (level) {
            case 2 -> 46;
            case 1 -> 25;
            default -> 16;
        };
    }

    long index(int level, long pa) {
        return (pa >>> entryShift(level)) & (tableEntries(level) - 1);
    }

    long entryAddr(long tablePpn, int level, long pa) {
        return (tablePpn << 12) + index(level, pa) * mode.entryBytes();
    }

    long read(long addr) {
        return mem.read(addr, mode.entryBytes(), bigEndian);
    }

    void write(long addr, long value) {
        mem.write(addr, mode.entryBytes(), mode.entryBytes() == 8 ? value : value & 0xFFFF_FFFFL, bigEndian);
    }

    // ---- Smmpt encodings (smmpt ch. 4 figures) ----------------------------------------------------

    /** Non-leaf MPTE: V=1, L=0, PPN at bit 10. */
    static long mptePointer(long ppn) {
        return 1L | (ppn << 10);
    }

    /** Non-NAPOT leaf MPTE: V=1, L=1, N=0, XWR[i] at bits [8+3i+2 : 8+3i]. */
    static long mpteLeaf(int[] xwr) {
        long v = 0b011;
        for (int i = 0; i < xwr.length; i++) {
            v |= (long) (xwr[i] & 7) << (8 + 3 * i);
        }
        return v;
    }

    /** Leaf with every tuple equal to {@code xwr}. */
    long mpteLeafUniform(int xwr) {
        int[] t = new int[rv32() ? 8 : 16];
        java.util.Arrays.fill(t, xwr);
        return mpteLeaf(t);
    }

    /** NAPOT leaf MPTE: V=1, L=1, N=1, XWR at [10:8], G at [15:12]. */
    static long mpteNapot(int xwr, int g) {
        return 0b111L | ((long) xwr << 8) | ((long) g << 12);
    }

    /** The one legal G: 4 on RV64 modes, 6 on Smmpt34. */
    int legalG() {
        return rv32() ? 6 : 4;
    }

    // ---- smmtt-v0.1 encodings (ch. 4 figures) -------------------------------------------------------

    static final int TYPE_1G_DISALLOW = 0;
    static final int TYPE_1G_RX = 1;
    static final int TYPE_1G_RW = 2;
    static final int TYPE_1G_RWX = 3;
    static final int TYPE_L1_DIR = 4;
    static final int TYPE_4M_PAGES = 5;
    static final int TYPE_2M_PAGES = 6;

    /** MTTL2 entry: INFO in the low bits, TYPE at [46:44] (RV64) or [24:22] (RV32). */
    long mttl2(int type, long info) {
        return rv32() ? info | ((long) type << 22) : info | ((long) type << 44);
    }

    /** MTTL1 word from 2-bit PERM values (nibble i bits [1:0]). */
    static long mttl1(int[] perm) {
        long v = 0;
        for (int i = 0; i < perm.length; i++) {
            v |= (long) (perm[i] & 3) << (4 * i);
        }
        return v;
    }

    /** 2M_PAGES/4M_PAGES INFO from 2-bit PERM values. */
    static long pagesInfo(int[] perm) {
        long v = 0;
        for (int i = 0; i < perm.length; i++) {
            v |= (long) (perm[i] & 3) << (2 * i);
        }
        return v;
    }

    // ---- paths ---------------------------------------------------------------------------------------

    /** A pointer entry for this format pointing to {@code ppn} at {@code level} (the entry's own level). */
    long pointer(int level, long ppn) {
        if (smmpt()) {
            return mptePointer(ppn);
        }
        return level == 2 ? ppn : mttl2(TYPE_L1_DIR, ppn);
    }

    /**
     * Makes sure the walk for {@code pa} from {@code rootPpn} reaches a table at {@code level}, allocating
     * pointer tables on the way (existing pointers are followed; anything else is overwritten).
     *
     * @return the PPN of the table at {@code level}
     */
    long tableAt(long rootPpn, long pa, int level) {
        long ppn = rootPpn;
        for (int l = mode.levels() - 1; l > level; l--) {
            long addr = entryAddr(ppn, l, pa);
            long cur = read(addr);
            long nextPpn = pointerTarget(l, cur);
            if (nextPpn < 0) {
                nextPpn = allocTable(l - 1);
                if (nextPpn < 0) {
                    throw new IllegalStateException("test table memory exhausted");
                }
                write(addr, pointer(l, nextPpn));
            }
            ppn = nextPpn;
        }
        return ppn;
    }

    /** The PPN a pointer entry at {@code level} points to, or -1 if {@code v} is not a pointer we wrote. */
    long pointerTarget(int level, long v) {
        if (smmpt()) {
            if ((v & 0b11) != 0b01 || (v & 0x3FC) != 0) {
                return -1;
            }
            long ppn = rv32() ? (v >>> 10) & 0x3F_FFFF : (v >>> 10) & ((1L << 44) - 1);
            return (ppn << 12) >= TABLE_BASE ? ppn : -1;
        }
        if (level == 2) {
            return v != 0 && (v >>> 44) == 0 && (v << 12) >= TABLE_BASE ? v : -1;
        }
        int type = (int) (rv32() ? (v >>> 22) & 7 : (v >>> 44) & 7);
        long zero = rv32() ? v >>> 25 : v >>> 47;
        long info = rv32() ? v & 0x3F_FFFF : v & ((1L << 44) - 1);
        return type == TYPE_L1_DIR && zero == 0 && (info << 12) >= TABLE_BASE ? info : -1;
    }

    /** Writes {@code value} into the entry for {@code pa} at {@code level} under {@code rootPpn}. */
    long put(long rootPpn, long pa, int level, long value) {
        long addr = entryAddr(tableAt(rootPpn, pa, level), level, pa);
        write(addr, value);
        return addr;
    }
}
