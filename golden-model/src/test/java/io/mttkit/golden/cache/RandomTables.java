package io.mttkit.golden.cache;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Seeded random but software-correct MTT trees for the differential test: pointers, leaves of every level,
 * whole NAPOT groups, invalid and malformed entries, written with {@link TestTables}. "Software-correct"
 * means what the spec asks of the RDSM: a NAPOT group's entries are identical, and with
 * {@code v01OneGigAsOneGiB} a GiB of {@code 1G_*} entries is all of one type. Every write is logged so the
 * test can issue the fence the spec requires for it.
 */
final class RandomTables {
    /** One entry write: where, before, after, at which level, for which PA range. */
    record Write(long addr, int level, long oldValue, long newValue, long paInEntry) {
    }

    private static final int[] LEGAL_XWR = {0b000, 0b001, 0b011, 0b100, 0b101, 0b111};

    final TestTables t;
    final Random rnd;
    final boolean oneGiB;
    private final Set<Long> visited = new HashSet<>();
    final List<Write> log = new ArrayList<>();
    /** v0.1 MTTL2 tables allocated below each MTTL3 root (Smmtt56); never shared between domains. */
    private final java.util.Map<Long, List<Long>> mttl2Tables = new java.util.HashMap<>();
    /** The root of the domain being written (tables are never shared between domains' trees). */
    long currentRoot;

    RandomTables(TestTables t, Random rnd, boolean oneGiB) {
        this.t = t;
        this.rnd = rnd;
        this.oneGiB = oneGiB;
    }

    /** A new table at {@code level} (prepared so that with oneGiB no GiB is made of stray zero entries). */
    long newTable(int level) {
        long ppn = t.allocTable(level);
        if (ppn >= 0 && !t.smmpt() && level == 1 && t.mode.levels() == 3) {
            mttl2Tables.computeIfAbsent(currentRoot, k -> new ArrayList<>()).add(ppn);
        }
        if (ppn >= 0 && oneGiB && !t.smmpt() && level == 1) {
            long filler = t.mttl2(t.rv32() ? TestTables.TYPE_4M_PAGES : TestTables.TYPE_2M_PAGES, 0);
            for (int i = 0; i < t.tableEntries(1); i++) {
                t.write((ppn << 12) + (long) i * t.mode.entryBytes(), filler);
            }
        }
        return ppn;
    }

    /** Walks {@code pa} from the root, writing a random entry at every entry not decided yet. */
    void populate(long rootPpn, long pa) {
        currentRoot = rootPpn;
        long ppn = rootPpn;
        for (int level = t.mode.levels() - 1; level >= 0; level--) {
            long addr = t.entryAddr(ppn, level, pa);
            long target = t.pointerTarget(level, t.read(addr));
            if (target >= 0 && visited.contains(addr)) {
                ppn = target;
                continue;
            }
            if (visited.contains(addr)) {
                return;
            }
            long next = writeRandom(ppn, level, pa, true);
            if (next < 0) {
                return;
            }
            ppn = next;
        }
    }

    /**
     * Writes a random entry (or a whole NAPOT / 1 GiB group) for {@code pa} at {@code level} in the table
     * {@code tablePpn}; returns the next table's PPN when a pointer was written, else -1.
     */
    long writeRandom(long tablePpn, int level, long pa, boolean allowPointer) {
        if (!t.smmpt()) {
            return smmtt(tablePpn, level, pa, allowPointer);
        }
        long addr = t.entryAddr(tablePpn, level, pa);
        long old = t.read(addr);
        long next = smmpt(tablePpn, level, pa, allowPointer);
        if (isLegalNapot(old) && t.read(addr) != old) {
            // The RDSM keeps a NAPOT group's entries identical: the rest of the old group changes too.
            int group = 1 << (t.legalG() + 1);
            long idx = t.index(level, pa) & ~(long) (group - 1);
            for (int i = 0; i < group; i++) {
                long other = withIndex(level, pa, idx + i);
                if (t.read(t.entryAddr(tablePpn, level, other)) == old) {
                    put(tablePpn, level, other, TestTables.mpteLeaf(randomTuples(t.rv32() ? 8 : 16, true)));
                }
            }
        }
        return next;
    }

    private boolean isLegalNapot(long v) {
        return (v & 0b111) == 0b111 && ((v >>> 12) & 0xF) == t.legalG();
    }

    private long smmpt(long tablePpn, int level, long pa, boolean allowPointer) {
        if (level > 0 && allowPointer && rnd.nextInt(100) < 80) {
            long next = newTable(level - 1);
            if (next >= 0) {
                put(tablePpn, level, pa, TestTables.mptePointer(next));
                return next;
            }
        }
        int r = rnd.nextInt(100);
        if (r < 62) {
            put(tablePpn, level, pa, TestTables.mpteLeaf(randomTuples(t.rv32() ? 8 : 16, true)));
        } else if (r < 82) {
            int g = t.legalG();
            long v = TestTables.mpteNapot(LEGAL_XWR[rnd.nextInt(LEGAL_XWR.length)], g);
            int group = 1 << (g + 1);
            long idx = t.index(level, pa) & ~(long) (group - 1);
            for (int i = 0; i < group; i++) {
                put(tablePpn, level, withIndex(level, pa, idx + i), v);
            }
        } else if (r < 89) {
            put(tablePpn, level, pa, (rnd.nextLong() & ~1L)); // V=0, other bits don't-care
        } else {
            put(tablePpn, level, pa, malformedMpte(level));
        }
        return -1;
    }

    private long malformedMpte(int level) {
        boolean rv32 = t.rv32();
        switch (rnd.nextInt(7)) {
            case 0: { // a reserved bit of a non-NAPOT leaf
                long v = TestTables.mpteLeaf(randomTuples(rv32 ? 8 : 16, false));
                int bit = rv32 ? 3 + rnd.nextInt(5) : (rnd.nextBoolean() ? 3 + rnd.nextInt(5) : 56 + rnd.nextInt(8));
                return v | (1L << bit);
            }
            case 1: { // reserved G
                int g;
                do {
                    g = rnd.nextInt(16);
                } while (g == t.legalG());
                return TestTables.mpteNapot(LEGAL_XWR[rnd.nextInt(LEGAL_XWR.length)], g);
            }
            case 2: // reserved bit 11 of a NAPOT leaf
                return TestTables.mpteNapot(0b111, t.legalG()) | (1L << 11);
            case 3: // non-leaf with N=1, or a reserved bit of a non-leaf
                return TestTables.mptePointer(0x1234) | (rnd.nextBoolean() ? 0b100 : 1L << (3 + rnd.nextInt(7)));
            case 4: // a pointer at level 0 (or a pointer to unmapped memory above)
                return TestTables.mptePointer(0x40 + rnd.nextInt(64));
            default: { // reserved XWR in one tuple: faults under ANY, selected-tuple-only under SELECTED
                int[] tu = randomTuples(rv32 ? 8 : 16, false);
                tu[rnd.nextInt(tu.length)] = rnd.nextBoolean() ? 0b010 : 0b110;
                return TestTables.mpteLeaf(tu);
            }
        }
    }

    private long smmtt(long tablePpn, int level, long pa, boolean allowPointer) {
        boolean rv32 = t.rv32();
        int tuples = rv32 ? 8 : 16;
        if (level == 2) {
            int r = rnd.nextInt(100);
            // MTTL2 tables are 16 MiB: a new one only while populating, edits re-point to an existing one.
            List<Long> own = mttl2Tables.getOrDefault(currentRoot, List.of());
            long next = r >= 90 ? -1 : allowPointer || own.isEmpty() ? newTable(1) : own.get(rnd.nextInt(own.size()));
            if (next >= 0) {
                put(tablePpn, 2, pa, next);
                return next;
            }
            put(tablePpn, 2, pa, r < 95 ? 0 : (1L << (44 + rnd.nextInt(20))) | 0x100); // PA 0, or ZERO bits set
            return -1;
        }
        if (level == 1) {
            int r = rnd.nextInt(100);
            if (r < 70 && allowPointer) {
                long next = newTable(0);
                if (next >= 0) {
                    putMttl2(tablePpn, pa, t.mttl2(TestTables.TYPE_L1_DIR, next));
                    return next;
                }
            }
            if (r < 80) {
                int type = rv32 ? TestTables.TYPE_4M_PAGES : TestTables.TYPE_2M_PAGES;
                putMttl2(tablePpn, pa, t.mttl2(type, TestTables.pagesInfo(randomPerms(tuples))));
            } else if (r < 92) {
                int type = rnd.nextInt(4);
                if (oneGiB || rnd.nextBoolean()) {
                    long idx = t.index(1, pa) & ~31L;
                    for (int i = 0; i < 32; i++) {
                        put(tablePpn, 1, withIndex(1, pa, idx + i), t.mttl2(type, 0));
                    }
                } else {
                    put(tablePpn, 1, pa, t.mttl2(type, 0));
                }
            } else {
                putMttl2(tablePpn, pa, malformedMttl2());
            }
            return -1;
        }
        long word = TestTables.mttl1(randomPerms(tuples));
        if (rnd.nextInt(100) < 15) {
            word |= (long) (1 + rnd.nextInt(3)) << (4 * rnd.nextInt(tuples) + 2);
        }
        put(tablePpn, 0, pa, word);
        return -1;
    }

    private long malformedMttl2() {
        boolean rv32 = t.rv32();
        return switch (rnd.nextInt(5)) {
            case 0 -> t.mttl2(7, rnd.nextInt(1 << 16));
            case 1 -> t.mttl2(rv32 ? TestTables.TYPE_2M_PAGES : TestTables.TYPE_4M_PAGES, 0);
            case 2 -> t.mttl2(rnd.nextInt(4), 1L << rnd.nextInt(rv32 ? 22 : 44));
            case 3 -> rv32 ? t.mttl2(TestTables.TYPE_4M_PAGES, 1L << (16 + rnd.nextInt(6)))
                    : t.mttl2(TestTables.TYPE_2M_PAGES, 1L << (32 + rnd.nextInt(12)));
            default -> t.mttl2(TestTables.TYPE_1G_RX, 0) | (1L << (rv32 ? 25 + rnd.nextInt(7) : 47 + rnd.nextInt(17)));
        };
    }

    /**
     * A non-1G MTTL2 value for {@code pa}; with oneGiB the other entries of its GiB that hold a 1G type become
     * non-1G as well, so that no GiB mixes 1G entries with others.
     */
    private void putMttl2(long tablePpn, long pa, long value) {
        put(tablePpn, 1, pa, value);
        if (!oneGiB) {
            return;
        }
        long idx = t.index(1, pa) & ~31L;
        long filler = t.mttl2(t.rv32() ? TestTables.TYPE_4M_PAGES : TestTables.TYPE_2M_PAGES, 0);
        for (int i = 0; i < 32; i++) {
            long other = withIndex(1, pa, idx + i);
            long addr = t.entryAddr(tablePpn, 1, other);
            long v = t.read(addr);
            int type = (int) (t.rv32() ? (v >>> 22) & 7 : (v >>> 44) & 7);
            long zero = t.rv32() ? v >>> 25 : v >>> 47;
            if (type <= 3 && zero == 0) {
                put(tablePpn, 1, other, filler);
            }
        }
    }

    private void put(long tablePpn, int level, long pa, long value) {
        long addr = t.entryAddr(tablePpn, level, pa);
        long old = t.read(addr);
        t.write(addr, value);
        visited.add(addr);
        log.add(new Write(addr, level, old, t.read(addr), pa));
    }

    /** {@code pa} with its index at {@code level} replaced by {@code index}. */
    long withIndex(int level, long pa, long index) {
        int shift = t.entryShift(level);
        long mask = (long) (t.tableEntries(level) - 1) << shift;
        return (pa & ~mask) | ((index << shift) & mask);
    }

    private int[] randomTuples(int n, boolean allowUniform) {
        int[] tu = new int[n];
        int a = LEGAL_XWR[rnd.nextInt(LEGAL_XWR.length)];
        int b = LEGAL_XWR[rnd.nextInt(LEGAL_XWR.length)];
        int style = allowUniform ? rnd.nextInt(3) : 1 + rnd.nextInt(2);
        for (int i = 0; i < n; i++) {
            tu[i] = switch (style) {
                case 0 -> a;                                   // uniform
                case 1 -> ((i >> rnd.nextInt(3)) & 1) == 0 ? a : b; // runs
                default -> LEGAL_XWR[rnd.nextInt(LEGAL_XWR.length)];
            };
        }
        return tu;
    }

    private int[] randomPerms(int n) {
        int[] p = new int[n];
        int a = rnd.nextInt(4);
        boolean uniform = rnd.nextInt(3) == 0;
        for (int i = 0; i < n; i++) {
            p[i] = uniform ? a : (rnd.nextBoolean() ? a : rnd.nextInt(4));
        }
        return p;
    }

    /** True when {@code v} at {@code level} is (or looks like) a non-leaf entry: its change needs a non-PA fence. */
    boolean isNonLeaf(int level, long v) {
        if (t.smmpt()) {
            return (v & 0b11) == 0b01;
        }
        if (level == 2) {
            return true;
        }
        if (level == 1) {
            int type = (int) (t.rv32() ? (v >>> 22) & 7 : (v >>> 44) & 7);
            return type == TestTables.TYPE_L1_DIR;
        }
        return false;
    }

    /** Smmpt V=0 (for the 0→1 rule: such a change needs no fence). */
    boolean isInvalid(long v) {
        return t.smmpt() && (v & 1) == 0;
    }
}
