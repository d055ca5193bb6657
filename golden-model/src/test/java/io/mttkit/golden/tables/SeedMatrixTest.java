package io.mttkit.golden.tables;

import io.mttkit.golden.MttMode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The seed's matrix (VERIFICATION-PLAN.md §2) for every mode × {disallow, rx, rw, rwx}: every page of the
 * small regions, a sample of the 1 GiB region and the pages just outside each region, through the lookup.
 */
class SeedMatrixTest {
    private static final long PAGE = 0x1000;

    @ParameterizedTest
    @EnumSource(value = MttMode.class, names = "BARE", mode = EnumSource.Mode.EXCLUDE)
    void everyPermissionOfTheMatrixReadsBackThroughTheLookup(MttMode mode) {
        for (int xwr : SeedMatrix.PERMISSIONS) {
            List<Region> regions = SeedMatrix.regions(mode.xlen(), xwr);
            BuiltTables t = TableBuilder.build(regions, mode, SeedMatrix.TABLE_BASE);
            assertTrue(Long.compareUnsigned(t.end(), SeedMatrix.MID_BASE) <= 0,
                    "tables must end below the regions: " + t.describe());
            LookupOracle oracle = new LookupOracle(t, regions, false, "seed matrix " + mode.id() + " xwr " + xwr);
            Random rnd = new Random(xwr * 131L + mode.ordinal());
            for (Region r : regions) {
                boolean small = r.size() <= (4L << 20);
                long pages = r.size() / PAGE;
                for (long p = 0; p < (small ? pages : 256); p++) {
                    long page = small ? p : Math.floorMod(rnd.nextLong(), pages);
                    oracle.check(r.base() + page * PAGE + rnd.nextInt(4096));
                }
                oracle.check(r.base());
                oracle.check(r.last());
                oracle.check(r.base() - 1);
                if (mode.paBits() > 32 || r.last() != 0xFFFF_FFFFL) {
                    oracle.check(r.last() + 1);
                }
            }
        }
    }

    @Test
    void leafKindsOfTheRwMatrix() {
        int rw = 3;
        assertEquals(Map.of("4M_PAGES", 1, "MTTL1 word", 1, "1G_allow_rw", 32), kinds(MttMode.SMMTT34, rw));
        for (MttMode m : List.of(MttMode.SMMTT46, MttMode.SMMTT56)) {
            assertEquals(Map.of("2M_PAGES", 1, "MTTL1 word", 1, "1G_allow_rw", 32), kinds(m, rw), m.id());
        }
        for (MttMode m : List.of(MttMode.SMMPT43, MttMode.SMMPT52, MttMode.SMMPT64)) {
            assertEquals(Map.of("level-1 leaf", 1, "level-0 leaf", 1, "NAPOT level-1 G=4", 32), kinds(m, rw),
                    m.id());
        }
        // Smmpt34: a 1 GiB region is a quarter of a 128-entry (4 GiB) root NAPOT group, so 32 root leaves.
        assertEquals(Map.of("level-1 leaf", 33, "level-0 leaf", 1), kinds(MttMode.SMMPT34, rw));
    }

    @Test
    void badArguments() {
        assertThrows(IllegalArgumentException.class, () -> SeedMatrix.regions(48, 3));
        assertThrows(IllegalArgumentException.class, () -> SeedMatrix.regions(64, 1));
        assertEquals(4L << 20, SeedMatrix.regions(32, 0).get(1).size());
        assertEquals(2L << 20, SeedMatrix.regions(64, 0).get(1).size());
    }

    private static Map<String, Integer> kinds(MttMode mode, int xwr) {
        return TableBuilder.build(SeedMatrix.regions(mode.xlen(), xwr), mode, SeedMatrix.TABLE_BASE).leafKinds();
    }
}
