package io.mttkit.golden.lookup;

import io.mttkit.golden.ImplicitReadCheck;
import io.mttkit.golden.LookupConfig;
import io.mttkit.golden.LookupResult;
import io.mttkit.golden.MttLookup;
import io.mttkit.golden.MttMode;
import io.mttkit.golden.mem.PhysicalMemory;

import java.util.ArrayList;
import java.util.List;

/**
 * Test-local table writing, transcribed directly from the spec figures (the project's table builder is
 * deliberately not used). Tables live in 4 KiB regions created on demand, so an entry the test did not
 * write in an unmapped page reads as a bus error.
 */
final class Fixture {
    final PhysicalMemory mem = new PhysicalMemory();
    boolean bigEndian;
    private long nextPpn = 0x800; // table allocator: page 0x800 = PA 0x80_0000

    // ---- PA fields from the figures: {lowest bit, width} of the index used at each level ----------------

    /** Smmpt (v0.9 ch. 4 SPA figures): pn[i] for i = 0.. LEVELS-1. */
    static int[][] smmptPn(MttMode m) {
        return switch (m) {
            case SMMPT34 -> new int[][] {{15, 10}, {25, 9}};
            case SMMPT43 -> new int[][] {{16, 9}, {25, 9}, {34, 9}};
            case SMMPT52 -> new int[][] {{16, 9}, {25, 9}, {34, 9}, {43, 9}};
            case SMMPT64 -> new int[][] {{16, 9}, {25, 9}, {34, 9}, {43, 9}, {52, 12}};
            default -> throw new IllegalArgumentException(m.id());
        };
    }

    /** v0.1 (ch. 4 figures, SPEC-DECISIONS #1): index used at level 0 (MTTL1 word), 1 (MTTL2), 2 (MTTL3). */
    static int[][] smmttIndex(MttMode m) {
        return switch (m) {
            case SMMTT34 -> new int[][] {{15, 10}, {25, 9}};
            case SMMTT46 -> new int[][] {{16, 9}, {25, 21}};
            case SMMTT56 -> new int[][] {{16, 9}, {25, 21}, {46, 10}};
            default -> throw new IllegalArgumentException(m.id());
        };
    }

    static int[][] indexFields(MttMode m) {
        return m.name().startsWith("SMMPT") ? smmptPn(m) : smmttIndex(m);
    }

    static long field(long v, int lo, int width) {
        return (v >>> lo) & (width == 64 ? -1L : (1L << width) - 1);
    }

    static int entrySize(MttMode m) {
        return m.xlen() == 32 ? 4 : 8;
    }

    // ---- Smmpt MPTE encoders (v0.9 ch. 4 figures) ------------------------------------------------------

    static long nonLeaf(long ppn) {
        return 1L | (ppn << 10); // V=1 L=0 N=0, PPN at bit 10
    }

    /** Non-NAPOT leaf: V=1 L=1 N=0, XWR[t] at bit 8+3t. */
    static long leaf(int... xwr) {
        long v = 0b011;
        for (int t = 0; t < xwr.length; t++) {
            v |= (long) xwr[t] << (8 + 3 * t);
        }
        return v;
    }

    /** Non-NAPOT leaf whose 16 (or 8) tuples are all {@code xwr}. */
    static long uniformLeaf(MttMode m, int xwr) {
        int[] t = new int[m.xlen() == 32 ? 8 : 16];
        java.util.Arrays.fill(t, xwr);
        return leaf(t);
    }

    /** NAPOT leaf: V=1 L=1 N=1, XWR at bits 10:8, G at 15:12. */
    static long napot(int xwr, int g) {
        return 0b111L | ((long) xwr << 8) | ((long) g << 12);
    }

    // ---- v0.1 encoders (v0.1 ch. 4 figures) -----------------------------------------------------------

    static long mttl2(MttMode m, int type, long info) {
        return m.xlen() == 32 ? info | ((long) type << 22) : info | ((long) type << 44);
    }

    /** MTTL1 word from PERM values, nibble t at bits 4t+1:4t. */
    static long mttl1(int... perm) {
        long v = 0;
        for (int t = 0; t < perm.length; t++) {
            v |= (long) perm[t] << (4 * t);
        }
        return v;
    }

    // ---- memory -----------------------------------------------------------------------------------------

    void put(long addr, int size, long value) {
        long page = addr & ~0xFFFL;
        if (!mem.canRead(page, 1)) {
            mem.addRegion(page, 4096);
        }
        mem.write(addr, size, value, bigEndian);
    }

    void put(MttMode m, long addr, long value) {
        put(addr, entrySize(m), value);
    }

    /** A fresh table PPN (pages of {@code pages} pages, aligned to {@code pages}). */
    long newTable(int pages) {
        nextPpn = (nextPpn + pages - 1) & -(long) pages;
        long p = nextPpn;
        nextPpn += pages;
        return p;
    }

    long newTable() {
        return newTable(1);
    }

    /** Entry address at {@code level} of the table at {@code ppn} for {@code pa} (figures: base + index × size). */
    static long entryAddr(MttMode m, long ppn, long pa, int level) {
        int[] f = indexFields(m)[level];
        return (ppn << 12) + field(pa, f[0], f[1]) * entrySize(m);
    }

    /**
     * Writes pointers from the root (level LEVELS−1) down to {@code leafLevel + 1} in fresh tables, then
     * {@code leaf} at {@code leafLevel}. Returns the entry addresses, root first.
     */
    long[] path(MttMode m, long rootPpn, long pa, int leafLevel, long leaf) {
        List<Long> addrs = new ArrayList<>();
        long table = rootPpn;
        for (int level = m.levels() - 1; level > leafLevel; level--) {
            long a = entryAddr(m, table, pa, level);
            long next = newTable();
            put(m, a, pointer(m, level, next));
            addrs.add(a);
            table = next;
        }
        long a = entryAddr(m, table, pa, leafLevel);
        put(m, a, leaf);
        addrs.add(a);
        return addrs.stream().mapToLong(Long::longValue).toArray();
    }

    /** A valid pointer entry at {@code level} (Smmpt non-leaf, v0.1 MTTL3 or MTTL2 MTT_L1_DIR). */
    static long pointer(MttMode m, int level, long ppn) {
        if (m.name().startsWith("SMMPT")) {
            return nonLeaf(ppn);
        }
        return level == 2 ? ppn : mttl2(m, 0b100, ppn);
    }

    static MttLookup lookup(Fixture f, LookupConfig c) {
        return new MttLookup(f.mem, ImplicitReadCheck.ALLOW_ALL, c);
    }

    static LookupResult run(MttLookup l, MttMode m, long root, long pa, int need, boolean be) {
        return l.lookup(m, root, pa, need, be, new LookupResult());
    }
}
