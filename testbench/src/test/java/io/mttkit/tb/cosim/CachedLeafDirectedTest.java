package io.mttkit.tb.cosim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mttkit.gen.cache.CacheShape;
import io.mttkit.gen.walker.WalkerParams;
import io.mttkit.golden.Access;
import io.mttkit.golden.Cause;
import io.mttkit.golden.LeafKind;
import io.mttkit.golden.LookupResult;
import io.mttkit.golden.MttMode;
import io.mttkit.golden.tables.BuildOptions;
import io.mttkit.golden.tables.Region;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The cache aspects of VERIFICATION-PLAN §4 items 7, 12 and 13 on the shipped cached checker (the walk aspects of
 * these items are tested on the cache-less top in {@code WalkFaultTest} and {@code MpteDecodeV09Test}). Each run goes
 * through {@link CosimHarness}, so verdicts, reads and every cache event are compared with the golden models as
 * well; the assertions here state the item's own point.
 */
class CachedLeafDirectedTest {
    @BeforeAll
    static void tools() {
        Bench.requireTools();
    }

    private static final MttMode MODE = MttMode.SMMPT43;
    private static final long TARGET = Bench.TARGET;

    private static CheckRequest check(TableWorld w, long pa, int need) {
        return CheckRequest.of(MODE, w.rootPpn(), pa, need, false);
    }

    private static List<CheckAnswer> run(CheckerLibrary lib, TableWorld w, List<CheckRequest> checks) {
        try (CosimHarness h = new CosimHarness(lib, w.memory(), SessionSettings.simple(3).withLatency(2, 2))) {
            h.run(checks);
            return h.answers();
        }
    }

    @Test
    @DisplayName("§4 #7: V=0 at the root, an intermediate level and the leaf faults and caches nothing; V set to 1 "
            + "without a fence is seen by the next access")
    void invalidEntriesAreNeverCached() {
        CheckerLibrary lib = CheckerLibrary.shipped("rv64-smmpt");
        TableWorld w = TableWorld.build(MODE, List.of(new Region(TARGET, 1 << 20, Access.R | Access.W | Access.X)),
                BuildOptions.DEFAULT.withUseNapot(false));
        LookupResult path = w.path(TARGET);
        assertEquals(MODE.levels(), path.readCount(), "the target's walk reads every level");
        for (int step = 0; step < path.readCount(); step++) {
            long addr = path.readAddr(step);
            long original = w.readEntry(addr);
            w.writeEntry(addr, original & ~1L); // V = 0 (smmpt-v0.9 MPTE bit 0)
            try (CosimHarness h = new CosimHarness(lib, w.memory(), SessionSettings.simple(3).withLatency(2, 2))) {
                h.run(List.of(check(w, TARGET, Access.R), check(w, TARGET, Access.R)));
                for (CheckAnswer x : h.answers()) {
                    assertFalse(x.allow(), "step " + step);
                    assertEquals(Cause.MPTE_INVALID.ordinal(), x.cause(), "step " + step);
                    assertFalse(x.hit(), "an invalid entry is never cached (step " + step + ")");
                }
                w.writeEntry(addr, original); // V = 1 again, with no fence: nothing stale was cached
                h.run(List.of(check(w, TARGET, Access.R), check(w, TARGET, Access.R)));
                List<CheckAnswer> b = h.answers();
                assertTrue(b.get(0).allow() && !b.get(0).hit(), "the next access walks and succeeds (step " + step + ")");
                assertTrue(b.get(1).allow() && b.get(1).hit(), "and its leaf is cached (step " + step + ")");
            }
        }
    }

    @Test
    @DisplayName("§4 #12: a NAPOT leaf at level 0 and at level 1 is cached for exactly its aligned range")
    void napotEntriesCoverExactlyTheirRange() {
        CheckerLibrary lib = CheckerLibrary.shipped("rv64-smmpt");
        // a 4 KiB region keeps its 32 MiB (and 16 GiB) block at level 0 (level 1), so the aligned 2 MiB and 1 GiB
        // regions beside it become NAPOT leaves (G = 4: 32 leaf ranges) instead of larger leaves
        long napot0 = 0xB020_0000L;
        long napot1 = 0x4000_0000L;
        TableWorld w = TableWorld.build(MODE, List.of(new Region(TARGET, 0x1000, Access.R | Access.W),
                new Region(napot0, 2L << 20, Access.R | Access.W | Access.X),
                new Region(napot1, 1L << 30, Access.R | Access.X)), BuildOptions.DEFAULT.withUseNapot(true));
        int[] levels = {0, 1};
        long[] bases = {napot0, napot1};
        for (int i = 0; i < 2; i++) {
            LookupResult leaf = w.path(bases[i]);
            assertEquals(LeafKind.NAPOT, leaf.leafKind(), "the table builder made a NAPOT leaf at " + levels[i]);
            assertEquals(levels[i], leaf.level());
            long base = leaf.leafBase();
            long size = 1L << leaf.leafLog2();
            List<CheckAnswer> a = run(lib, w, List.of(check(w, base, Access.R), check(w, base + size - 0x1000,
                    Access.R), check(w, base - 0x1000, Access.R), check(w, base + size, Access.R),
                    check(w, base, Access.R)));
            assertFalse(a.get(0).hit(), "the first access walks");
            assertTrue(a.get(1).hit(), "the last 4 KiB of the NAPOT range hits (level " + levels[i] + ")");
            assertFalse(a.get(2).hit(), "the 4 KiB below the range does not hit");
            assertFalse(a.get(3).hit(), "the 4 KiB above the range does not hit");
            assertTrue(a.get(4).hit(), "the entry is still there");
        }
    }

    @Test
    @DisplayName("§4 #13: a leaf with a reserved XWR tuple is never cached, under either tuple scope")
    void reservedTuplesAreNeverCached() {
        // ANY: the shipped checker; SELECTED: the smmpt-only corner of CachedCosimTest (no extra build)
        CheckerLibrary any = CheckerLibrary.shipped("rv64-smmpt");
        CheckerLibrary selected = Checkers.of(new WalkerParams(64, WalkerParams.Formats.V09, 48, 0, 5,
                WalkerParams.TupleScope.SELECTED, false, false, 1), new CacheShape(4, 8, 4, 1, 6, false));
        for (CheckerLibrary lib : List.of(any, selected)) {
            boolean anyScope = lib.description().rsvdTupleScope() == io.mttkit.golden.RsvdTupleScope.ANY;
            TableWorld w = TableWorld.build(MODE, List.of(new Region(TARGET, 1 << 20, Access.R | Access.W | Access.X)),
                    BuildOptions.DEFAULT.withUseNapot(false));
            LookupResult path = w.path(TARGET);
            long leafAddr = path.readAddr(path.readCount() - 1);
            long leaf = w.readEntry(leafAddr);
            w.writeEntry(leafAddr, (leaf & ~(7L << (8 + 3 * 15))) | (0b010L << (8 + 3 * 15))); // tuple 15: W only
            long tuple15 = TARGET + 15 * 0x1000L;
            List<CheckAnswer> a = run(lib, w, List.of(check(w, TARGET, Access.R), check(w, TARGET, Access.R),
                    check(w, tuple15, Access.R)));
            String scope = anyScope ? "ANY" : "SELECTED";
            assertEquals(!anyScope, a.get(0).allow(), scope + ": the selected tuple is RWX");
            assertEquals(anyScope ? Cause.MPTE_RSVD_ENC.ordinal() : Cause.NONE.ordinal(), a.get(0).cause(), scope);
            assertFalse(a.get(1).hit(), scope + ": a leaf holding a reserved tuple is not cached");
            assertFalse(a.get(2).allow(), scope + ": the reserved tuple itself faults");
            assertEquals(Cause.MPTE_RSVD_ENC.ordinal(), a.get(2).cause(), scope);
        }
    }
}
