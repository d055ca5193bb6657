package io.mttkit.golden.tables;

import io.mttkit.golden.MttMode;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Directed smmtt-v0.1 layouts: regions chosen to force {@code 1G_*}, {@code 2M_PAGES}/{@code 4M_PAGES} and
 * {@code MTT_L1_DIR} + MTTL1 words, with expected entry bits computed here from the chapter 4 figures
 * (RV64 PA: pn[0]=PA[15:12], pn[1]=PA[24:16], pn[2]=PA[45:25], pn[3]=PA[55:46]; RV32: pn[0]=PA[14:12],
 * pn[1]=PA[24:15], pn[2]=PA[33:25]).
 */
class SmmttLayoutTest {
    private static final long BASE = 0x8040_0000L;
    private static final long PAGE = 0x1000;
    private static final long MTTL2_RV64_BYTES = (1L << 21) * 8;
    private static final int RX = 5;
    private static final int RW = 3;
    private static final int RWX = 7;

    /** PERM encoding table of §4: 00 none, 01 rx, 10 rw, 11 rwx. */
    private static int perm(int xwr) {
        return switch (xwr) {
            case 0 -> 0b00;
            case RX -> 0b01;
            case RW -> 0b10;
            case RWX -> 0b11;
            default -> throw new AssertionError(xwr);
        };
    }

    private static long mttl2(int xlen, int type, long info) {
        return xlen == 64 ? Fields.entry(64).set(0, 44, info).set(44, 3, type).bits()
                : Fields.entry(32).set(0, 22, info).set(22, 3, type).bits();
    }

    private static long mttl3(long mttl2Pa) {
        return Fields.entry(64).set(0, 44, mttl2Pa >>> 12).bits();
    }

    private static long pn2(long pa) {
        return (pa >>> 25) & ((1L << 21) - 1);
    }

    private static BuiltTables build(MttMode mode, Region... regions) {
        return TableBuilder.build(List.of(regions), mode, BASE);
    }

    // ---- Smmtt46 --------------------------------------------------------------------------------

    @Test
    void smmtt46OneGiBIs32Identical1GEntries() {
        BuiltTables t = build(MttMode.SMMTT46, new Region(0xC000_0000L, 1L << 30, RW));
        assertEquals(Map.of("1G_allow_rw", 32), t.leafKinds());
        assertEquals(BASE >>> 12, t.rootPpn());
        assertEquals(4096, t.pagesUsed(), "the MTTL2 root is 2^21 × 8 B = 16 MiB");
        assertEquals(0x60, pn2(0xC000_0000L));
        for (long i = 0x60; i < 0x80; i++) {
            assertEquals(mttl2(64, 0b010, 0), Fields.read(t, BASE + 8 * i, 8), "MTTL2 entry " + i);
        }
        assertEquals(0, Fields.read(t, BASE + 8 * 0x5F, 8), "1G_disallow below");
        assertEquals(0, Fields.read(t, BASE + 8 * 0x80, 8), "1G_disallow above");
    }

    @Test
    void smmtt46TwoMiBIsOnePermOf2MPagesAndTheRestOfItsGiBIsNoAccessPages() {
        long pa = 0xB020_0000L;
        BuiltTables t = build(MttMode.SMMTT46, new Region(pa, 2L << 20, RX));
        assertEquals(Map.of("2M_PAGES", 1), t.leafKinds());
        // 2 MiB page index within the 32 MiB entry is PA[24:21] = 1 → INFO[3:2].
        assertEquals(mttl2(64, 0b110, (long) perm(RX) << 2), Fields.read(t, BASE + 8 * pn2(pa), 8));
        // The other 31 entries of 0x8000_0000..0xBFFF_FFFF: 2M_PAGES, INFO 0 (not 1G_disallow).
        assertEquals(mttl2(64, 0b110, 0), Fields.read(t, BASE + 8 * 0x40, 8));
        assertEquals(mttl2(64, 0b110, 0), Fields.read(t, BASE + 8 * 0x5F, 8));
        assertEquals(0, Fields.read(t, BASE + 8 * 0x3F, 8));
        assertTrue(t.notes().stream().anyMatch(n -> n.startsWith("31 MTTL2 entries")), t.notes().toString());
    }

    @Test
    void smmtt46SinglePageIsAnMttl1Nibble() {
        long pa = 0xB800_3000L;
        BuiltTables t = build(MttMode.SMMTT46, new Region(pa, PAGE, RWX));
        assertEquals(Map.of("MTTL1 word", 1), t.leafKinds());
        long l1 = BASE + MTTL2_RV64_BYTES;
        assertEquals(mttl2(64, 0b100, l1 >>> 12), Fields.read(t, BASE + 8 * pn2(pa), 8));
        // pn[1] = PA[24:16] = 0 selects the word, pn[0] = PA[15:12] = 3 the nibble: PERM in bits [13:12].
        assertEquals(Fields.entry(64).set(12, 2, perm(RWX)).bits(), Fields.read(t, l1, 8));
        assertEquals(4096 + 1, t.pagesUsed());
    }

    @Test
    void smmtt46LastNibbleOfAWord() {
        long pa = 0x1_2345_F000L; // pn[0] = 15, pn[1] = PA[24:16]
        BuiltTables t = build(MttMode.SMMTT46, new Region(pa, PAGE, RW), new Region(pa - 0x10000, PAGE, RX));
        long l1 = BASE + MTTL2_RV64_BYTES;
        long word = (pa >>> 16) & 0x1FF;
        assertEquals(Fields.entry(64).set(60, 2, perm(RW)).bits(), Fields.read(t, l1 + 8 * word, 8));
        assertEquals(Fields.entry(64).set(60, 2, perm(RX)).bits(), Fields.read(t, l1 + 8 * (word - 1), 8));
        assertEquals(Map.of("MTTL1 word", 2), t.leafKinds());
    }

    @Test
    void smmtt46UniformThirtyTwoMiBOutsideAUniformGiBIs2MPagesWithSixteenEqualPerms() {
        long pa = 0x4200_0000L;
        BuiltTables t = build(MttMode.SMMTT46, new Region(pa, 32L << 20, RWX), new Region(0x4000_0000L, PAGE, RX));
        Fields f = Fields.entry(44);
        for (int j = 0; j < 16; j++) {
            f.set(2 * j, 2, perm(RWX));
        }
        assertEquals(mttl2(64, 0b110, f.bits()), Fields.read(t, BASE + 8 * pn2(pa), 8));
        assertEquals(1, t.leafKinds().get("2M_PAGES"));
        assertEquals(1, t.leafKinds().get("MTTL1 word"));
    }

    @Test
    void smmtt46RootIsAlignedTo16KiB() {
        BuiltTables t = TableBuilder.build(List.of(new Region(0, PAGE, RW)), MttMode.SMMTT46, 0x8040_1000L);
        assertEquals(0x8040_4000L >>> 12, t.rootPpn());
        assertEquals(0, t.rootPpn() & 3, "mttp.PPN[1:0] read as zero");
        assertTrue(t.notes().get(0).contains("12288 bytes of zero padding"), t.notes().toString());
    }

    @Test
    void withoutLargestLeavesEveryTouched32MiBGetsAnMttl1Page() {
        BuiltTables t = TableBuilder.build(List.of(new Region(0xC000_0000L, 1L << 30, RW)), MttMode.SMMTT46, BASE,
                BuildOptions.DEFAULT.withUseLargestLeaves(false));
        assertEquals(Map.of("MTTL1 word", 32 * 512), t.leafKinds());
        assertEquals(4096 + 32, t.pagesUsed());
        long firstL1 = BASE + MTTL2_RV64_BYTES;
        assertEquals(mttl2(64, 0b100, firstL1 >>> 12), Fields.read(t, BASE + 8 * 0x60, 8));
        Fields all = Fields.entry(64);
        for (int k = 0; k < 16; k++) {
            all.set(4 * k, 2, perm(RW));
        }
        assertEquals(all.bits(), Fields.read(t, firstL1 + 8 * 511, 8));
    }

    @Test
    void describeNamesRootPagesAndLeafKinds() {
        BuiltTables t = build(MttMode.SMMTT46, new Region(0xC000_0000L, 1L << 30, RW), new Region(0xB800_3000L, PAGE, RX));
        String d = t.describe();
        for (String part : List.of("smmtt46", "root PPN 0x80400", "4097 table pages", "32 × 1G_allow_rw",
                "1 × MTTL1 word", "[0x80400000, 0x81400fff]")) {
            assertTrue(d.contains(part), "'" + part + "' missing from: " + d);
        }
        assertTrue(!d.contains("\n"), d);
    }

    // ---- Smmtt56 --------------------------------------------------------------------------------

    @Test
    void smmtt56SharesOneAllDisallowMttl2AmongUnusedMttl3Entries() {
        long far = 1L << 47; // MTTL3 index pa.pn[3] = PA[55:46] = 2
        BuiltTables t = build(MttMode.SMMTT56, new Region(0xC000_0000L, 1L << 30, RX), new Region(far, PAGE, RW));
        long l2a = BASE + 0x2000; // after the 8 KiB MTTL3
        long shared = l2a + MTTL2_RV64_BYTES;
        long l2c = shared + MTTL2_RV64_BYTES;
        long l1 = l2c + MTTL2_RV64_BYTES;
        assertEquals(BASE >>> 12, t.rootPpn());
        assertEquals(mttl3(l2a), Fields.read(t, BASE, 8));
        assertEquals(mttl3(shared), Fields.read(t, BASE + 8, 8));
        assertEquals(mttl3(l2c), Fields.read(t, BASE + 16, 8));
        assertEquals(mttl3(shared), Fields.read(t, BASE + 8 * 1023, 8));
        assertEquals(mttl2(64, 0b001, 0), Fields.read(t, l2a + 8 * 0x60, 8));
        assertEquals(mttl2(64, 0b100, l1 >>> 12), Fields.read(t, l2c, 8));
        assertEquals(Fields.entry(64).set(0, 2, perm(RW)).bits(), Fields.read(t, l1, 8));
        assertEquals(l1 + PAGE - BASE, t.image().length);
        assertEquals(Map.of("1G_allow_rx", 32, "MTTL1 word", 1), t.leafKinds());
        assertTrue(t.notes().stream().anyMatch(n -> n.startsWith("1022 MTTL3 entries")), t.notes().toString());
        // The shared table is all zero: 1G_disallow everywhere.
        for (long off = 0; off < MTTL2_RV64_BYTES; off += 8 * 4099) {
            assertEquals(0, Fields.read(t, shared + off, 8));
        }
    }

    @Test
    void smmtt56RootIsNaturallyAlignedTo8KiB() {
        BuiltTables t = TableBuilder.build(List.of(new Region(0, PAGE, RW)), MttMode.SMMTT56, 0x8040_1000L);
        assertEquals(0x8040_2000L >>> 12, t.rootPpn());
        assertEquals(mttl3(0x8040_4000L), Fields.read(t, 0x8040_2000L, 8));
    }

    // ---- Smmtt34 --------------------------------------------------------------------------------

    @Test
    void smmtt34OneGiBAnd4MPagesAndMttl1() {
        long mid = 0xB040_0000L;
        long page = 0xB800_7000L;
        BuiltTables t = build(MttMode.SMMTT34, new Region(0xC000_0000L, 1L << 30, RWX),
                new Region(mid, 4L << 20, RW), new Region(page, PAGE, RX));
        assertEquals(Map.of("4M_PAGES", 1, "MTTL1 word", 1, "1G_allow_rwx", 32), t.leafKinds());
        assertEquals(List.of("4M_PAGES", "MTTL1 word", "1G_allow_rwx"), List.copyOf(t.leafKinds().keySet()));
        assertEquals(2, t.pagesUsed(), "512 × 4 B root and one MTTL1 page");
        for (long i = 0x60; i < 0x80; i++) {
            assertEquals(mttl2(32, 0b011, 0), Fields.read(t, BASE + 4 * i, 4));
        }
        // 4 MiB page index within the entry is PA[24:22] = 1 → INFO[3:2].
        assertEquals(mttl2(32, 0b101, (long) perm(RW) << 2), Fields.read(t, BASE + 4 * pn2(mid), 4));
        long l1 = BASE + PAGE;
        assertEquals(mttl2(32, 0b100, l1 >>> 12), Fields.read(t, BASE + 4 * pn2(page), 4));
        // pn[1] = PA[24:15] = 0, pn[0] = PA[14:12] = 7: PERM in bits [29:28] of the 32-bit word.
        assertEquals(Fields.entry(32).set(28, 2, perm(RX)).bits(), Fields.read(t, l1, 4));
        assertEquals(mttl2(32, 0b101, 0), Fields.read(t, BASE + 4 * 0x40, 4), "filler in the mixed GiB");
    }

    @Test
    void smmtt34TopOfTheSpace() {
        long pa = (1L << 34) - PAGE;
        BuiltTables t = build(MttMode.SMMTT34, new Region(pa, PAGE, RW));
        long l1 = BASE + PAGE;
        assertEquals(mttl2(32, 0b100, l1 >>> 12), Fields.read(t, BASE + 4 * 511, 4));
        assertEquals(Fields.entry(32).set(28, 2, perm(RW)).bits(), Fields.read(t, l1 + 4 * 1023, 4));
    }

    @Test
    void bigEndianMttl2AndMttl1() {
        long page = 0xB800_7000L;
        BuiltTables t = TableBuilder.build(List.of(new Region(page, PAGE, RX)), MttMode.SMMTT34, BASE,
                BuildOptions.DEFAULT.withBigEndian(true));
        long l1 = BASE + PAGE;
        assertEquals(mttl2(32, 0b100, l1 >>> 12), Fields.read(t, BASE + 4 * pn2(page), 4, true));
        assertEquals(Fields.entry(32).set(28, 2, perm(RX)).bits(), Fields.read(t, l1, 4, true));
        assertEquals(0x10, t.image()[(int) (l1 - BASE)], "most significant byte first");
    }
}
