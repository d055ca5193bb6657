package io.mttkit.golden.iompt;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Ch. 6 §"MPTINVAL": the PPNV/SDIDV table and the note's "Examples of specifying address range sizes using S
 * field". Expected ranges come from the table (size) and natural alignment, never from the class under test.
 */
class MptInvalTest {
    private static final long KIB = 1024;
    private static final long MIB = KIB * KIB;
    private static final long GIB = MIB * KIB;

    /** Asserts that {@code inv} covers exactly the naturally aligned {@code size}-byte range around {@code pa}. */
    private static void assertRange(MptInval inv, long pa, long size) {
        long base = pa & -size;
        assertEquals(Long.numberOfTrailingZeros(size), inv.rangeLog2());
        assertEquals(base, inv.rangeBase());
        assertTrue(inv.coversPa(base), "first byte");
        assertTrue(inv.coversPa(base + size - 1), "last byte");
        assertTrue(inv.coversPa(pa));
        assertFalse(inv.coversPa(base - 1), "byte before");
        assertFalse(inv.coversPa(base + size), "byte after");
    }

    @Test
    void s0_is4KiB() {
        long ppn = 0x12_3457L; // any PPN
        assertRange(MptInval.ofRange(ppn, false), ppn << 12, 4 * KIB);
    }

    @Test
    void s1_firstZeroAtBit0_is8KiB() {
        long ppn = 0x12_3456L; // yyy...y0
        assertRange(MptInval.ofRange(ppn, true), ppn << 12, 8 * KIB);
    }

    @Test
    void s1_bits7to0Ones_bit8Zero_is2MiB() {
        long ppn = (0x2AL << 9) | 0xFF; // yyyyy yyyyyyy0 11111111
        assertRange(MptInval.ofRange(ppn, true), ppn << 12, 2 * MIB);
    }

    @Test
    void s1_sixteenOnesThenOneThenZero_is1GiB() {
        long ppn = (0x5L << 18) | (1L << 16) | 0xFFFF; // yyy01 11111111 11111111
        assertRange(MptInval.ofRange(ppn, true), ppn << 12, GIB);
    }

    @Test
    void s1_twentyOnesThenZero_is8GiB() {
        long ppn = (0x3L << 21) | 0xF_FFFF; // 01111 11111111 11111111 (bit 20 zero)
        assertRange(MptInval.ofRange(ppn, true), ppn << 12, 8 * GIB);
    }

    @Test
    void s1_upperPpnBitsEncodeLargerRanges() {
        long ppn = (1L << 30) - 1; // bits 29:0 ones, bit 30 zero: 1 << (13 + 30) = 8 TiB
        assertRange(MptInval.ofRange(ppn, true), 0, 1L << 43);
        long top = (1L << 43) - 1; // only bit 43 zero: 2^56, the whole PPN reach
        assertEquals(56, MptInval.ofRange(top, true).rangeLog2());
    }

    @Test
    void s1_allOnesPpn_unspecified_mttkitCoversEverything() {
        MptInval inv = MptInval.ofRange((1L << 44) - 1, true);
        assertTrue(inv.coversPa(0));
        assertTrue(inv.coversPa(-1L));
        assertTrue(inv.covers(63, 0x8000_0000L));
    }

    @Test
    void ppnvSdidvTable() {
        long pa = 0x8000_1000L;
        MptInval all = MptInval.all();                       // PPNV 0, SDIDV 0
        assertTrue(all.covers(0, pa) && all.covers(63, -1L) && all.covers(5, 0));
        MptInval oneSd = MptInval.ofSdid(5);                 // PPNV 0, SDIDV 1
        assertTrue(oneSd.covers(5, pa) && oneSd.covers(5, 0) && oneSd.covers(5, -1L));
        assertFalse(oneSd.covers(4, pa));
        MptInval range = MptInval.ofRange(pa >>> 12, false); // PPNV 1, SDIDV 0
        assertTrue(range.covers(0, pa) && range.covers(63, pa + 0xFFF));
        assertFalse(range.covers(0, pa + 0x1000));
        MptInval both = MptInval.ofRange(pa >>> 12, false, 7); // PPNV 1, SDIDV 1
        assertTrue(both.covers(7, pa));
        assertFalse(both.covers(6, pa));
        assertFalse(both.covers(7, pa - 1));
    }

    @Test
    void sIgnoredWhenPpnvIsZero() {
        MptInval inv = MptInval.fromOperands(Spec.MPTINVAL, Spec.inval(0, 1, 0x123));
        assertTrue(inv.coversPa(0) && inv.coversPa(-1L));
    }

    @Test
    void operandsRoundTrip() {
        MptInval inv = MptInval.ofRange(0xABCDE, true, 33);
        assertEquals(Spec.inval(1, 1, 0xABCDE), inv.toData1());
        assertEquals(Spec.MPTINVAL | (33 << 8) | (1 << 15), inv.toCommand());
        assertEquals(inv, MptInval.fromOperands(inv.toCommand(), inv.toData1()));
    }
}
