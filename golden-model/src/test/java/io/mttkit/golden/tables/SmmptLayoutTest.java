package io.mttkit.golden.tables;

import io.mttkit.golden.MttMode;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Directed Smmpt layouts: regions chosen to force each leaf kind, with the expected MPTE bits at the
 * expected addresses computed here from the smmpt-v0.9 chapter 4 figures (PA split, MPTE fields).
 */
class SmmptLayoutTest {
    private static final long BASE = 0x8040_0000L;
    private static final long PAGE = 0x1000;
    private static final int RX = 5;
    private static final int RW = 3;
    private static final int RWX = 7;

    // ---- expected values, straight from the figures ------------------------------------------------

    /** pa.pn[i]: RV64 9-bit fields above a 16-bit range offset (pn[4] of Smmpt64 is 12 bits). */
    private static int pn64(long pa, int i) {
        return (int) ((pa >>> (16 + 9 * i)) & (i == 4 ? 0xFFF : 0x1FF));
    }

    /** Smmpt34 pa.pn[0] = PA[24:15], pn[1] = PA[33:25]. */
    private static int pn32(long pa, int i) {
        return i == 0 ? (int) ((pa >>> 15) & 0x3FF) : (int) ((pa >>> 25) & 0x1FF);
    }

    private static long nonLeaf(int xlen, long tablePa) {
        return Fields.entry(xlen).set(0, 1, 1).set(1, 1, 0).set(10, xlen == 64 ? 44 : 22, tablePa >>> 12).bits();
    }

    private static long leaf(int xlen, int... tuples) {
        Fields f = Fields.entry(xlen).set(0, 1, 1).set(1, 1, 1).set(2, 1, 0);
        for (int i = 0; i < tuples.length; i++) {
            f.set(8 + 3 * i, 3, tuples[i]);
        }
        return f.bits();
    }

    private static int[] tuples(int count, int index, int xwr) {
        int[] t = new int[count];
        t[index] = xwr;
        return t;
    }

    private static long napot(int xlen, int xwr, int g) {
        return Fields.entry(xlen).set(0, 1, 1).set(1, 1, 1).set(2, 1, 1).set(8, 3, xwr).set(12, 4, g).bits();
    }

    private static BuiltTables build(MttMode mode, Region... regions) {
        return TableBuilder.build(List.of(regions), mode, BASE);
    }

    // ---- Smmpt43 --------------------------------------------------------------------------------

    @Test
    void smmpt43SinglePageWalksThreeLevelsToALevel0Leaf() {
        long pa = 0x8000_3000L;
        BuiltTables t = build(MttMode.SMMPT43, new Region(pa, PAGE, RW));
        assertEquals(Map.of("level-0 leaf", 1), t.leafKinds());
        assertEquals(3, t.pagesUsed());
        assertEquals(BASE >>> 12, t.rootPpn());
        long l1 = BASE + PAGE;
        long l0 = BASE + 2 * PAGE;
        assertEquals(nonLeaf(64, l1), Fields.read(t, BASE + 8L * pn64(pa, 2), 8));
        assertEquals(nonLeaf(64, l0), Fields.read(t, l1 + 8L * pn64(pa, 1), 8));
        // Tuple index: the 4 most significant bits of the 16-bit range offset (PA[15:12]) = 3.
        assertEquals(leaf(64, tuples(16, 3, RW)), Fields.read(t, l0 + 8L * pn64(pa, 0), 8));
        assertEquals(3 * 4096, t.image().length);
    }

    @Test
    void smmpt43TwoMiBAloneIsOneTupleOfALevel1Leaf() {
        long pa = 0x8020_0000L;
        BuiltTables t = build(MttMode.SMMPT43, new Region(pa, 2L << 20, RX));
        assertEquals(Map.of("level-1 leaf", 1), t.leafKinds());
        long l1 = BASE + PAGE;
        // The level-1 MPTE covers 32 MiB; its tuple index is the top 4 bits of pn[0] = PA[24:21] = 1.
        assertEquals(leaf(64, tuples(16, 1, RX)), Fields.read(t, l1 + 8L * pn64(pa, 1), 8));
    }

    @Test
    void smmpt43NapotAtLevel0WhenTheParentCannotBeALeaf() {
        long napotBase = 0x8020_0000L;
        // A 4 KiB region in the same 2 MiB tuple as nothing else but the same 32 MiB parent: the parent's
        // tuple 0 is mixed, so the parent points to a level-0 table where the 2 MiB group is NAPOT.
        BuiltTables t = build(MttMode.SMMPT43, new Region(napotBase, 2L << 20, RX),
                new Region(0x8000_0000L, PAGE, RW));
        // Entries are visited in address order: the 4 KiB leaf (group 0) comes before the NAPOT group (group 1).
        assertEquals(List.of("level-0 leaf", "NAPOT level-0 G=4"), List.copyOf(t.leafKinds().keySet()));
        assertEquals(32, t.leafKinds().get("NAPOT level-0 G=4"));
        assertEquals(1, t.leafKinds().get("level-0 leaf"));
        long l0 = BASE + 2 * PAGE;
        for (int i = 0; i < 32; i++) {
            assertEquals(napot(64, RX, 4), Fields.read(t, l0 + 8L * (pn64(napotBase, 0) + i), 8), "entry " + i);
        }
        assertEquals(32, pn64(napotBase, 0));
        assertEquals(leaf(64, tuples(16, 0, RW)), Fields.read(t, l0, 8));
        assertEquals(0, Fields.read(t, l0 + 8, 8), "V=0 outside every region");
        assertEquals(0, Fields.read(t, l0 + 8L * 64, 8), "V=0 after the NAPOT group");
    }

    @Test
    void smmpt43OneGiBInTheRootIsARootLeafTuple() {
        BuiltTables t = build(MttMode.SMMPT43, new Region(0x4000_0000L, 1L << 30, RW));
        assertEquals(Map.of("level-2 leaf", 1), t.leafKinds());
        assertEquals(1, t.pagesUsed());
        // Root MPTE 0 covers 16 GiB in 16 tuples of 1 GiB; the region is tuple 1.
        assertEquals(leaf(64, tuples(16, 1, RW)), Fields.read(t, BASE, 8));
    }

    @Test
    void smmpt43NapotAtLevel1ForAOneGiBGroup() {
        BuiltTables t = build(MttMode.SMMPT43, new Region(0x4000_0000L, 1L << 30, RWX), new Region(0, PAGE, RX));
        assertEquals(32, t.leafKinds().get("NAPOT level-1 G=4"));
        long l1 = BASE + PAGE;
        for (int i = 32; i < 64; i++) {
            assertEquals(napot(64, RWX, 4), Fields.read(t, l1 + 8L * i, 8), "level-1 entry " + i);
        }
        assertEquals(nonLeaf(64, BASE + 2 * PAGE), Fields.read(t, l1, 8));
        assertEquals(leaf(64, tuples(16, 0, RX)), Fields.read(t, BASE + 2 * PAGE, 8));
    }

    @Test
    void smmpt43NapotAtTheRootFor512GiB() {
        BuiltTables t = build(MttMode.SMMPT43, new Region(0, 1L << 39, RX));
        assertEquals(Map.of("NAPOT level-2 G=4", 32), t.leafKinds());
        for (int i = 0; i < 32; i++) {
            assertEquals(napot(64, RX, 4), Fields.read(t, BASE + 8L * i, 8));
        }
        assertEquals(0, Fields.read(t, BASE + 8L * 32, 8));
    }

    @Test
    void withoutLargestLeavesEveryRangeEndsAtLevel0() {
        BuildOptions noBig = BuildOptions.DEFAULT.withUseLargestLeaves(false);
        Region oneGiB = new Region(0x4000_0000L, 1L << 30, RW);
        BuiltTables napots = TableBuilder.build(List.of(oneGiB), MttMode.SMMPT43, BASE, noBig);
        assertEquals(Map.of("NAPOT level-0 G=4", 16384), napots.leafKinds());
        // root + one level-1 table + 32 level-0 tables (one per 32 MiB).
        assertEquals(34, napots.pagesUsed());
        BuiltTables tuples = TableBuilder.build(List.of(oneGiB), MttMode.SMMPT43, BASE, noBig.withUseNapot(false));
        assertEquals(Map.of("level-0 leaf", 16384), tuples.leafKinds());
        int[] all = new int[16];
        java.util.Arrays.fill(all, RW);
        assertEquals(leaf(64, all), Fields.read(tuples, BASE + 2 * PAGE, 8));
    }

    @Test
    void withoutNapotAUniformGroupBecomesTupleLeaves() {
        BuiltTables t = TableBuilder.build(List.of(new Region(0x4000_0000L, 1L << 30, RWX),
                new Region(0, PAGE, RX)), MttMode.SMMPT43, BASE, BuildOptions.DEFAULT.withUseNapot(false));
        // 32 level-1 leaves for the 1 GiB; level-1 entry 0 points down for the 4 KiB page; 1..31 stay V=0.
        assertEquals(32, t.leafKinds().get("level-1 leaf"));
        assertEquals(0, Fields.read(t, BASE + PAGE + 8, 8));
        int[] all = new int[16];
        java.util.Arrays.fill(all, RWX);
        assertEquals(leaf(64, all), Fields.read(t, BASE + PAGE + 8L * 40, 8));
    }

    @Test
    void xwrZeroRegionGetsALeafWhileUnmappedMemoryStaysInvalid() {
        long pa = 0x8000_0000L;
        BuiltTables t = build(MttMode.SMMPT43, new Region(pa, PAGE, 0));
        assertEquals(Map.of("level-0 leaf", 1), t.leafKinds());
        assertEquals(leaf(64, new int[16]), Fields.read(t, BASE + 2 * PAGE, 8));
        assertEquals(0b11, Fields.read(t, BASE + 2 * PAGE, 8), "V=1 L=1 N=0, all tuples 000");
    }

    @Test
    void noRegionsGiveAnAllInvalidRoot() {
        BuiltTables t = build(MttMode.SMMPT52);
        assertEquals(Map.of(), t.leafKinds());
        assertEquals(1, t.pagesUsed());
        for (int i = 0; i < 512; i++) {
            assertEquals(0, Fields.read(t, BASE + 8L * i, 8));
        }
    }

    // ---- Smmpt52 / Smmpt64 ----------------------------------------------------------------------

    @Test
    void smmpt52WalksFourLevels() {
        long pa = 0x000F_1234_5678_9000L;
        BuiltTables t = build(MttMode.SMMPT52, new Region(pa, PAGE, RX));
        assertEquals(4, t.pagesUsed());
        long[] tables = {BASE, BASE + PAGE, BASE + 2 * PAGE, BASE + 3 * PAGE};
        for (int level = 3; level >= 1; level--) {
            long table = tables[3 - level];
            assertEquals(nonLeaf(64, tables[4 - level]), Fields.read(t, table + 8L * pn64(pa, level), 8),
                    "level " + level);
        }
        assertEquals(leaf(64, tuples(16, (int) ((pa >>> 12) & 15), RX)),
                Fields.read(t, tables[3] + 8L * pn64(pa, 0), 8));
    }

    @Test
    void smmpt64RootIs32KiBAndAligned() {
        long base = 0x8040_1000L;
        long pa = 0xFFFF_FFFF_FFFF_F000L; // the very last page: no wrap, pn[4] = 0xFFF
        BuiltTables t = TableBuilder.build(List.of(new Region(pa, PAGE, RWX)), MttMode.SMMPT64, base);
        long root = 0x8040_8000L;
        assertEquals(root >>> 12, t.rootPpn());
        assertTrue(t.notes().get(0).contains("padding"), t.notes().toString());
        assertEquals(8 + 4, t.pagesUsed(), "32 KiB root + 4 tables below it");
        assertEquals(0xFFF, pn64(pa, 4));
        long next = root + 32 * 1024;
        assertEquals(nonLeaf(64, next), Fields.read(t, root + 8L * 0xFFF, 8));
        for (int level = 3; level >= 1; level--) {
            long table = next;
            next += PAGE;
            assertEquals(nonLeaf(64, next), Fields.read(t, table + 8L * pn64(pa, level), 8), "level " + level);
        }
        assertEquals(leaf(64, tuples(16, 15, RWX)), Fields.read(t, next + 8L * pn64(pa, 0), 8));
    }

    // ---- Smmpt34 --------------------------------------------------------------------------------

    @Test
    void smmpt34UsesFourByteEntriesAndEightTuples() {
        long pa = 0x2_8000_7000L; // above 4 GiB: pn[1] uses PA[33:25]
        BuiltTables t = build(MttMode.SMMPT34, new Region(pa, PAGE, RX));
        long l0 = BASE + PAGE;
        assertEquals(nonLeaf(32, l0), Fields.read(t, BASE + 4L * pn32(pa, 1), 4));
        // Tuple index: the 3 most significant bits of the 15-bit range offset, PA[14:12] = 7.
        assertEquals(leaf(32, tuples(8, 7, RX)), Fields.read(t, l0 + 4L * pn32(pa, 0), 4));
        assertEquals(Map.of("level-0 leaf", 1), t.leafKinds());
    }

    @Test
    void smmpt34FourMiBIsOneTupleOfALevel1Leaf() {
        long pa = 0x8040_0000L + (32L << 20);
        BuiltTables t = build(MttMode.SMMPT34, new Region(pa, 4L << 20, RW));
        assertEquals(Map.of("level-1 leaf", 1), t.leafKinds());
        assertEquals(leaf(32, tuples(8, 1, RW)), Fields.read(t, BASE + 4L * pn32(pa, 1), 4));
    }

    @Test
    void smmpt34NapotGroupIs128EntriesWithG6() {
        long napotBase = 0x8440_0000L;
        BuiltTables t = build(MttMode.SMMPT34, new Region(napotBase, 4L << 20, RWX),
                new Region(0x8400_0000L, PAGE, RW));
        assertEquals(128, t.leafKinds().get("NAPOT level-0 G=6"));
        long l0 = BASE + PAGE;
        assertEquals(128, pn32(napotBase, 0));
        for (int i = 128; i < 256; i++) {
            assertEquals(napot(32, RWX, 6), Fields.read(t, l0 + 4L * i, 4), "entry " + i);
        }
        assertEquals(0, Fields.read(t, l0 + 4L * 256, 4));
    }

    @Test
    void smmpt34NapotAtTheRootCovers4GiB() {
        BuiltTables t = build(MttMode.SMMPT34, new Region(1L << 32, 1L << 32, RX));
        assertEquals(Map.of("NAPOT level-1 G=6", 128), t.leafKinds());
        for (int i = 128; i < 256; i++) {
            assertEquals(napot(32, RX, 6), Fields.read(t, BASE + 4L * i, 4));
        }
        assertEquals(0, Fields.read(t, BASE + 4L * 127, 4));
    }

    // ---- endianness -----------------------------------------------------------------------------

    @Test
    void bigEndianWritesEachEntryMostSignificantByteFirst() {
        long pa = 0x8000_3000L;
        BuiltTables le = build(MttMode.SMMPT43, new Region(pa, PAGE, RW));
        BuiltTables be = TableBuilder.build(List.of(new Region(pa, PAGE, RW)), MttMode.SMMPT43, BASE,
                BuildOptions.DEFAULT.withBigEndian(true));
        long l0 = BASE + 2 * PAGE;
        long expected = leaf(64, tuples(16, 3, RW));
        assertEquals(expected, Fields.read(be, l0 + 8L * pn64(pa, 0), 8, true));
        assertEquals(Long.reverseBytes(expected), Fields.read(be, l0 + 8L * pn64(pa, 0), 8, false));
        assertEquals(le.image().length, be.image().length);
        BuiltTables be32 = TableBuilder.build(List.of(new Region(0x8000_7000L, PAGE, RX)), MttMode.SMMPT34, BASE,
                BuildOptions.DEFAULT.withBigEndian(true));
        assertEquals(leaf(32, tuples(8, 7, RX)), Fields.read(be32, BASE + PAGE, 4, true));
    }
}
