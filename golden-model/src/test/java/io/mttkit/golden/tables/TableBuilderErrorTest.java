package io.mttkit.golden.tables;

import io.mttkit.golden.MttMode;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every input the builder must refuse, and the message it must give: problem, region index and range. */
class TableBuilderErrorTest {
    private static final long BASE = 0x8040_0000L;
    private static final long PAGE = 0x1000;

    private static String fails(MttMode mode, long base, BuildOptions options, Region... regions) {
        List<Region> list = java.util.Arrays.asList(regions);
        TableBuildException e = assertThrows(TableBuildException.class,
                () -> TableBuilder.build(list, mode, base, options));
        return e.getMessage();
    }

    private static String fails(MttMode mode, Region... regions) {
        return fails(mode, BASE, BuildOptions.DEFAULT, regions);
    }

    private static void assertMentions(String message, String... parts) {
        for (String p : parts) {
            assertTrue(message.contains(p), "message should mention '" + p + "': " + message);
        }
    }

    @Test
    void overlappingRegionsAreNamedByIndexAndRange() {
        String m = fails(MttMode.SMMPT43, new Region(0x8000_0000L, 0x4000, 3), new Region(0x9000_0000L, PAGE, 3),
                new Region(0x8000_3000L, 0x2000, 5));
        assertMentions(m, "region #0 [0x80000000, 0x80003fff] rw", "region #2 [0x80003000, 0x80004fff] rx",
                "overlap", "disjoint");
        assertTrue(!m.contains("#1"), m);
    }

    @Test
    void regionInsideAnotherOverlaps() {
        String m = fails(MttMode.SMMTT46, new Region(0x8000_0000L, 1L << 30, 3),
                new Region(0x8100_0000L, PAGE, 3), new Region(0x8200_0000L, PAGE, 3));
        assertMentions(m, "region #0", "region #1", "region #2", "overlap");
    }

    @Test
    void unalignedBaseOrSize() {
        assertMentions(fails(MttMode.SMMPT43, new Region(0x8000_0800L, PAGE, 3)), "region #0", "0x80000800",
                "not 4 KiB aligned (base)", "0x1000");
        assertMentions(fails(MttMode.SMMPT43, new Region(0x8000_0000L, PAGE, 3), new Region(0x9000_0000L, 0x1800, 3)),
                "region #1", "not 4 KiB aligned (size)");
    }

    @Test
    void zeroOrNegativeSize() {
        assertMentions(fails(MttMode.SMMTT34, new Region(0x8000_0000L, 0, 3)), "region #0", "size 0",
                "0x80000000", "positive multiple of 4 KiB");
        assertMentions(fails(MttMode.SMMTT34, new Region(0x8000_0000L, -PAGE, 3)), "region #0", "negative");
    }

    @Test
    void regionBeyondTheModesPaWidth() {
        assertMentions(fails(MttMode.SMMPT43, new Region(1L << 43, PAGE, 3)), "region #0", "[0x80000000000,",
                "43-bit physical address space of smmpt43", "0x7ffffffffff");
        assertMentions(fails(MttMode.SMMTT34, new Region((1L << 34) - PAGE, 2 * PAGE, 3)),
                "34-bit physical address space of smmtt34");
        assertMentions(fails(MttMode.SMMTT46, new Region((1L << 46) - PAGE, 2 * PAGE, 3)), "46-bit");
        assertMentions(fails(MttMode.SMMTT56, new Region(1L << 56, PAGE, 3)), "56-bit");
        assertMentions(fails(MttMode.SMMPT52, new Region(1L << 52, PAGE, 3)), "52-bit");
        assertMentions(fails(MttMode.SMMPT34, new Region(1L << 34, PAGE, 3)), "34-bit");
    }

    @Test
    void regionWrappingPastTheTop() {
        assertMentions(fails(MttMode.SMMPT64, new Region(0xFFFF_FFFF_FFFF_F000L, 2 * PAGE, 3)), "region #0",
                "wraps past the top");
    }

    @Test
    void permissionsV01CannotExpress() {
        for (String p : List.of("r", "w", "x", "wx")) {
            assertMentions(fails(MttMode.SMMTT46, Region.parse(0x8000_0000L, PAGE, p)), "region #0",
                    "'" + p + "'", "only none, rx, rw and rwx");
        }
    }

    @Test
    void permissionsSmmptReserves() {
        for (String p : List.of("w", "wx")) {
            assertMentions(fails(MttMode.SMMPT34, Region.parse(0x8000_0000L, PAGE, p)), "region #0",
                    "W without R", "010 and 110");
        }
        assertMentions(fails(MttMode.SMMPT43, new Region(0x8000_0000L, PAGE, 9)), "permission bits 9");
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        String m = fails(MttMode.SMMTT46, new Region(0x8000_0000L, 0, 3), new Region(0x9000_0100L, PAGE, 3),
                new Region(0xA000_0000L, PAGE, 1));
        assertMentions(m, "region #0", "region #1", "region #2");
    }

    @Test
    void imageBaseNotPageAligned() {
        assertMentions(fails(MttMode.SMMPT43, 0x8040_0800L, BuildOptions.DEFAULT, new Region(0, PAGE, 3)),
                "image base 0x80400800 is not 4 KiB aligned", "0x80400000", "0x80401000");
    }

    @Test
    void imageBaseBeyondThePpnReach() {
        assertMentions(fails(MttMode.SMMPT34, 1L << 34, BuildOptions.DEFAULT), "image base 0x400000000",
                "22-bit PPN");
        assertMentions(fails(MttMode.SMMTT34, (1L << 34) - PAGE, BuildOptions.DEFAULT, new Region(0, PAGE, 3)),
                "would not lie below 0x400000000", "needs 12288 bytes");
    }

    @Test
    void imageLargerThanTheLimitStatesTheSizeNeeded() {
        // Smmtt46: a 16 MiB MTTL2 root and one MTTL1 page.
        String m = fails(MttMode.SMMTT46, BASE, BuildOptions.DEFAULT.withMaxImageBytes(1 << 20),
                new Region(0x8000_0000L, PAGE, 3));
        assertMentions(m, "need " + ((16L << 20) + PAGE) + " bytes", "maxImageBytes = 1048576",
                "raise BuildOptions.maxImageBytes");
        String m56 = fails(MttMode.SMMTT56, BASE, BuildOptions.DEFAULT.withMaxImageBytes(32 << 20),
                new Region(0, 1L << 30, 3), new Region(1L << 46, 1L << 30, 3));
        assertMentions(m56, "need " + (0x2000 + 3 * (16L << 20)) + " bytes", "64 TiB");
    }

    @Test
    void anImageFarTooLargeStopsCountingEarly() {
        // 2^48 bytes at level 0 would be 2^32 MPTEs (32 GiB of tables): the builder gives up counting.
        String m = fails(MttMode.SMMPT64, BASE, BuildOptions.DEFAULT.withUseLargestLeaves(false)
                .withMaxImageBytes(1 << 20), new Region(1L << 48, 1L << 48, 3));
        assertMentions(m, "need more than", "counting stopped", "maxImageBytes = 1048576", "useLargestLeaves");
    }

    @Test
    void tablesMayLieInsideARegion() {
        BuiltTables t = TableBuilder.build(List.of(new Region(0x8000_0000L, 1L << 30, 3)), MttMode.SMMPT43, BASE);
        assertEquals(BASE >>> 12, t.rootPpn());
    }

    @Test
    void bareAndNullInputs() {
        assertMentions(assertThrows(TableBuildException.class,
                () -> TableBuilder.build(List.of(), MttMode.BARE, BASE)).getMessage(), "Bare mode has no tables");
        assertMentions(assertThrows(TableBuildException.class,
                () -> TableBuilder.build(List.of(), null, BASE)).getMessage(), "mode is needed");
        assertMentions(assertThrows(TableBuildException.class,
                () -> TableBuilder.build(null, MttMode.SMMPT43, BASE)).getMessage(), "region list");
        List<Region> withNull = new ArrayList<>();
        withNull.add(new Region(0, PAGE, 3));
        withNull.add(null);
        assertMentions(fails(MttMode.SMMPT43, BASE, BuildOptions.DEFAULT, withNull.toArray(new Region[0])),
                "region #1 is null");
    }

    @Test
    void optionLimits() {
        assertThrows(IllegalArgumentException.class, () -> BuildOptions.DEFAULT.withMaxImageBytes(100));
        assertThrows(IllegalArgumentException.class, () -> BuildOptions.DEFAULT.withMaxImageBytes(1L << 31));
    }

    @Test
    void regionParseAndToString() {
        Region r = Region.parse(0xB000_0000L, 2L << 20, "RW");
        assertEquals(new Region(0xB000_0000L, 2L << 20, 3), r);
        assertEquals("[0xb0000000, 0xb01fffff] rw", r.toString());
        assertEquals(0, Region.parse(0, PAGE, "none").xwr());
        assertEquals(0, Region.parse(0, PAGE, "").xwr());
        assertEquals(7, Region.parse(0, PAGE, "xwr").xwr());
        assertEquals("[0x0, 0xfff] none", Region.parse(0, PAGE, "-").toString());
        assertThrows(IllegalArgumentException.class, () -> Region.parse(0, PAGE, "rq"));
        assertThrows(IllegalArgumentException.class, () -> Region.parse(0, PAGE, null));
    }
}
