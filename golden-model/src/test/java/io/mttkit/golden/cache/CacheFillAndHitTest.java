package io.mttkit.golden.cache;

import io.mttkit.golden.Access;
import io.mttkit.golden.Cause;
import io.mttkit.golden.LookupConfig;
import io.mttkit.golden.LookupResult;
import io.mttkit.golden.MttMode;
import io.mttkit.golden.RsvdTupleScope;
import io.mttkit.golden.cache.CacheEvent.ArrayId;
import io.mttkit.golden.cache.CacheEvent.Kind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.List;

import static io.mttkit.golden.cache.CacheFixture.assertReadsAreTail;
import static io.mttkit.golden.cache.CacheFixture.assertSameVerdict;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Fills, hits, the walk cache, overlap resolution and what is never cached. */
class CacheFillAndHitTest {
    private static final int RWX = Access.R | Access.W | Access.X;

    private static int[] tuples(int n, int xwr) {
        int[] t = new int[n];
        java.util.Arrays.fill(t, xwr);
        return t;
    }

    private static List<Kind> kinds(List<CacheEvent> events) {
        return events.stream().map(CacheEvent::kind).toList();
    }

    @Test
    void level0LeafFillsLeafArrayAndWalkCacheThenHitsWithNoReads() {
        CacheFixture f = new CacheFixture(MttMode.SMMPT43);
        long root = f.newRoot();
        long pa = 0x1_2345_6000L;
        int[] t = tuples(16, 0b011);
        t[6] = 0b001; // the PA's tuple: PA[15:12] = 6
        f.t.put(root, pa, 0, TestTables.mpteLeaf(t));
        CheckContext ctx = f.ctx(3, root);

        CheckOutcome miss = f.cache.check(ctx, pa, Access.R);
        assertEquals(CheckOutcome.Kind.MISS, miss.kind());
        assertSameVerdict(f.fresh(ctx, pa, Access.R), miss, "first access");
        assertEquals(3, miss.result().readCount(), "Smmpt43 full walk: root, level 1, level 0");
        // MISS, then the walk-cache fill (pointer to the level-0 table) before the leaf fill (policy 10).
        assertEquals(List.of(Kind.MISS, Kind.FILL, Kind.FILL), kinds(miss.events()));
        CacheEvent walkFill = miss.events().get(1);
        assertEquals(ArrayId.WALK, walkFill.array());
        assertEquals(0, walkFill.level(), "the deepest pointer points to the level-0 table");
        assertEquals(pa & -(1L << 25), walkFill.base(), "a level-0 table covers 32 MiB");
        CacheEvent leafFill = miss.events().get(2);
        assertEquals(ArrayId.LEAF, leafFill.array());
        assertEquals((int) ((pa >>> 16) & 15), leafFill.set(), "set index = PA[19:16] for 16 sets");
        assertEquals(0, leafFill.way(), "first invalid way");
        assertEquals(pa & -(1L << 16), leafFill.base());

        long other = pa + 0x9000; // same 64 KiB leaf, tuple 15
        CheckOutcome hit = f.cache.check(ctx, other, Access.W);
        assertTrue(hit.hit());
        assertEquals(0, hit.result().readCount());
        assertSameVerdict(f.fresh(ctx, other, Access.W), hit, "hit in the same leaf");
        assertEquals(List.of(new CacheEvent(Kind.HIT, ArrayId.LEAF, leafFill.set(), 0, 3, MttMode.SMMPT43, 0,
                pa & -(1L << 16), 16)), hit.events());
        CheckOutcome denied = f.cache.check(ctx, pa, Access.W);
        assertTrue(denied.hit());
        assertEquals(Cause.PERM_DENY, denied.cause(), "XWR=001 denies a store");
        assertTrue(denied.cacheable());
    }

    @Test
    void rv32LeafArrayIndexesAbove32KiB() {
        // RV32: 32 KiB leaves (8 × 4 KiB), set index PA[18:15] with 16 sets.
        for (MttMode mode : new MttMode[] {MttMode.SMMPT34, MttMode.SMMTT34}) {
            CacheFixture f = new CacheFixture(mode);
            long root = f.newRoot();
            CheckContext ctx = f.ctx(0, root);
            long pa = 0x2_1234_8000L + 0x5000;
            long leaf = f.t.smmpt() ? f.t.mpteLeafUniform(0b011) : TestTables.mttl1(tuples(8, 2));
            f.t.put(root, pa, 0, leaf);
            CheckOutcome o = f.cache.check(ctx, pa, Access.W);
            assertTrue(o.allow(), mode + " " + o);
            CacheEvent fill = o.events().get(o.events().size() - 1);
            assertEquals(ArrayId.LEAF, fill.array());
            assertEquals((int) ((pa >>> 15) & 15), fill.set(), mode.id());
            assertEquals(15, fill.sizeLog2());
            assertEquals(pa & -(1L << 15), fill.base());
            assertTrue(f.cache.check(ctx, pa & -(1L << 15), Access.R).hit());
            assertFalse(f.cache.check(ctx, (pa & -(1L << 15)) + (1 << 15), Access.R).hit(), "next 32 KiB");
        }
    }

    @ParameterizedTest
    @EnumSource(value = MttMode.class, names = {"SMMPT43", "SMMPT52", "SMMPT64", "SMMPT34", "SMMTT46", "SMMTT56",
            "SMMTT34"})
    void walkCacheStartReadsTheTailOfTheFullWalk(MttMode mode) {
        CacheFixture f = new CacheFixture(mode);
        long root = f.newRoot();
        CheckContext ctx = f.ctx(1, root);
        boolean rv32 = mode.xlen() == 32;
        long pa = rv32 ? 0x2_4680_0000L : 0x3_0000_0000L;
        long leaf = f.t.smmpt() ? f.t.mpteLeafUniform(0b111) : TestTables.mttl1(tuples(rv32 ? 8 : 16, 3));
        f.t.put(root, pa, 0, leaf);
        long neighbour = pa + (1L << f.t.entryShift(0)); // next level-0 leaf, same level-0 table
        f.t.put(root, neighbour, 0, leaf);
        int rootLevel = mode.levels() - 1;

        CheckOutcome first = f.cache.check(ctx, pa, Access.R);
        assertEquals(rootLevel, first.walkStartLevel());
        assertReadsAreTail(f.fresh(ctx, pa, Access.R), first, rootLevel, "full walk");
        CheckOutcome second = f.cache.check(ctx, neighbour, Access.R);
        assertEquals(CheckOutcome.Kind.MISS, second.kind());
        assertEquals(0, second.walkStartLevel(), "the walk cache holds the level-0 table pointer");
        assertEquals(1, second.result().readCount(), "a deepest walk-cache hit makes the walk one read");
        assertReadsAreTail(f.fresh(ctx, neighbour, Access.R), second, rootLevel, "walk-cache start");
        assertSameVerdict(f.fresh(ctx, neighbour, Access.R), second, "walk-cache start");
        // The pointer came from the walk cache and no deeper pointer was followed: no walk-cache fill.
        assertEquals(List.of(Kind.MISS, Kind.WALK_HIT, Kind.FILL), kinds(second.events()));
        assertEquals(ArrayId.LEAF, second.events().get(2).array());
    }

    @Test
    void walkCacheHitAtAnUpperLevelFillsTheDeeperPointerItFollows() {
        CacheFixture f = new CacheFixture(MttMode.SMMPT52);
        long root = f.newRoot();
        CheckContext ctx = f.ctx(0, root);
        long a = 0x40_0000_0000L;             // level-1 leaf (32 MiB) under the level-2 table for PA[51:34]
        long b = a + (5L << 25);              // same level-1 table, another 32 MiB with a level-0 leaf
        f.t.put(root, a, 1, f.t.mpteLeafUniform(0b101));
        f.t.put(root, b, 0, f.t.mpteLeafUniform(0b011));

        CheckOutcome first = f.cache.check(ctx, a, Access.X);
        assertTrue(first.allow());
        // Deepest pointer followed: the level-2 entry pointing to the level-1 table.
        CacheEvent wf = first.events().get(1);
        assertEquals(Kind.FILL, wf.kind());
        assertEquals(ArrayId.WALK, wf.array());
        assertEquals(1, wf.level());
        assertEquals(34, wf.sizeLog2());
        assertEquals(ArrayId.SUPERPAGE, first.events().get(2).array(), "a level-1 leaf goes to the superpage array");

        CheckOutcome second = f.cache.check(ctx, b, Access.R);
        assertEquals(1, second.walkStartLevel());
        assertReadsAreTail(f.fresh(ctx, b, Access.R), second, 3, "level-1 start");
        assertEquals(2, second.result().readCount());
        assertEquals(List.of(Kind.MISS, Kind.WALK_HIT, Kind.FILL, Kind.FILL), kinds(second.events()));
        CacheEvent deeper = second.events().get(2);
        assertEquals(ArrayId.WALK, deeper.array());
        assertEquals(0, deeper.level(), "the pointer to the level-0 table is new and deeper: filled");
        assertEquals(1, deeper.way(), "first invalid entry");

        // Both walk-cache entries cover a PA next to b: the deepest (level 0) one starts the walk.
        long c = b + (3L << 16);
        f.t.put(root, c, 0, f.t.mpteLeafUniform(0b001));
        CheckOutcome third = f.cache.check(ctx, c, Access.R);
        assertEquals(0, third.walkStartLevel());
        assertEquals(new CacheEvent(Kind.WALK_HIT, ArrayId.WALK, 0, 1, 0, MttMode.SMMPT52, 0, b & -(1L << 25), 25),
                third.events().get(1));
    }

    @Test
    void napotAndUpperLeavesGoToTheSuperpageArrayWithTheirOwnSize() {
        CacheFixture f = new CacheFixture(MttMode.SMMPT43);
        long root = f.newRoot();
        CheckContext ctx = f.ctx(0, root);
        long napotBase = 0x1_0020_0000L; // 2 MiB aligned
        for (int i = 0; i < 32; i++) {
            f.t.put(root, napotBase + ((long) i << 16), 0, TestTables.mpteNapot(0b001, 4));
        }
        CheckOutcome miss = f.cache.check(ctx, napotBase + 0x12_3456L, Access.R);
        CacheEvent fill = miss.events().get(miss.events().size() - 1);
        assertEquals(ArrayId.SUPERPAGE, fill.array());
        assertEquals(napotBase, fill.base());
        assertEquals(21, fill.sizeLog2(), "Smmpt43 level-0 NAPOT G=4: 32 × 64 KiB");
        // First and last 4 KiB of the NAPOT range hit; the neighbours do not (VERIFICATION-PLAN #12).
        assertTrue(f.cache.check(ctx, napotBase, Access.R).hit());
        assertTrue(f.cache.check(ctx, napotBase + (1 << 21) - 1, Access.R).hit());
        assertFalse(f.cache.check(ctx, napotBase - 1, Access.R).hit());
        assertFalse(f.cache.check(ctx, napotBase + (1 << 21), Access.R).hit());
    }

    @Test
    void v01OneGigIsCachedPer32MiBByDefaultAndPerGiBWhenConfigured() {
        for (boolean oneGiB : new boolean[] {false, true}) {
            CacheParams p = CacheParams.defaults(64).withV01OneGigAsOneGiB(oneGiB);
            CacheFixture f = new CacheFixture(MttMode.SMMTT46, p);
            long root = f.newRoot();
            CheckContext ctx = f.ctx(0, root);
            long giB = 0x4000_0000L;
            for (int i = 0; i < 32; i++) {
                f.t.put(root, giB + ((long) i << 25), 1, f.t.mttl2(TestTables.TYPE_1G_RW, 0));
            }
            CheckOutcome first = f.cache.check(ctx, giB + 0x100_0000L, Access.W);
            assertTrue(first.allow());
            CacheEvent fill = first.events().get(first.events().size() - 1);
            assertEquals(oneGiB ? 30 : 25, fill.sizeLog2());
            CheckOutcome far = f.cache.check(ctx, giB + (7L << 25), Access.R);
            assertEquals(oneGiB, far.hit(), "another 32 MiB of the same GiB hits only as one 1 GiB entry");
            assertSameVerdict(f.fresh(ctx, giB + (7L << 25), Access.R), far, "1G_allow_rw");
        }
        CacheParams mismatch = CacheParams.defaults(64).withV01OneGigAsOneGiB(true);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new CacheFixture(MttMode.SMMTT46, mismatch, LookupConfig.DEFAULT));
        assertTrue(e.getMessage().contains("v01OneGigAsOneGiB"), e.getMessage());
    }

    @Test
    void invalidEntriesAreNeverCachedAndZeroToOneIsVisibleWithoutAFence() {
        // VERIFICATION-PLAN #7: V=0 at the root, at an intermediate level and at the leaf.
        CacheFixture f = new CacheFixture(MttMode.SMMPT43);
        long root = f.newRoot();
        CheckContext ctx = f.ctx(2, root);
        long pa = 0x2_0000_0000L;
        for (int level = 2; level >= 0; level--) {
            f.t.put(root, pa, level, 0xFFFF_FFFF_FFFF_FFFEL); // V=0 with garbage elsewhere
            CheckOutcome denied = f.cache.check(ctx, pa, Access.R);
            assertEquals(Cause.MPTE_INVALID, denied.cause(), "V=0 at level " + level);
            assertEquals(level, denied.result().level());
            assertFalse(denied.cacheable());
            assertTrue(denied.events().stream().noneMatch(e -> e.kind() == Kind.FILL),
                    "nothing is filled from a walk that ends at V=0: " + denied.events());
            // Make the entry valid (a pointer, or at level 0 the leaf), no fence.
            if (level > 0) {
                long next = f.t.allocTable(level - 1);
                f.t.put(root, pa, level, TestTables.mptePointer(next));
            } else {
                f.t.put(root, pa, 0, f.t.mpteLeafUniform(0b111));
            }
        }
        CheckOutcome ok = f.cache.check(ctx, pa, RWX);
        assertTrue(ok.allow(), "the 0→1 changes are visible without a fence: " + ok);
        assertEquals(0, f.cache.epoch());
    }

    @Test
    void faultsOfEveryKindAreNeverCached() {
        CacheFixture f = new CacheFixture(MttMode.SMMPT43);
        long root = f.newRoot();
        CheckContext ctx = f.ctx(0, root);
        long base = 0x3_0000_0000L;
        long[] bad = {
                f.t.mpteLeafUniform(0b111) | (1L << 5),   // reserved bit of a leaf
                TestTables.mpteNapot(0b111, 3),           // reserved G
                TestTables.mpteNapot(0b010, 4),           // reserved XWR in a NAPOT leaf
                TestTables.mptePointer(0x123) | 0b100,    // L=0 with N=1
                TestTables.mptePointer(0x9_0000),         // pointer at level 0 (points to unmapped memory)
        };
        Cause[] expect = {Cause.MPTE_RSVD_BITS, Cause.NAPOT_G_BAD, Cause.MPTE_RSVD_ENC, Cause.MPTE_RSVD_ENC,
                Cause.NONLEAF_AT_L0};
        for (int i = 0; i < bad.length; i++) {
            long pa = base + ((long) i << 21);
            f.t.put(root, pa, 0, bad[i]);
            CheckOutcome o = f.cache.check(ctx, pa, Access.R);
            assertEquals(expect[i], o.cause(), "case " + i);
            assertSameVerdict(f.fresh(ctx, pa, Access.R), o, "case " + i);
            assertEquals(0, f.cache.snapshot().leaf().size() + f.cache.snapshot().superpage().size(),
                    "case " + i + " must not fill a leaf:\n" + f.cache);
        }
        // Bus error: a pointer to an unmapped table at level 1.
        long busPa = 0x5_0000_0000L;
        f.t.put(root, busPa, 1, TestTables.mptePointer(0x7_0000));
        CheckOutcome bus = f.cache.check(ctx, busPa, Access.R);
        assertEquals(Cause.WALK_BUS_ERROR, bus.cause());
        assertTrue(bus.events().stream().noneMatch(e -> e.kind() == Kind.FILL), bus.toString());
    }

    @Test
    void reservedXwrTupleIsCachedConsistentlyUnderBothScopes() {
        // VERIFICATION-PLAN #13: a leaf whose tuple 3 is reserved (010); other tuples RWX.
        for (RsvdTupleScope scope : RsvdTupleScope.values()) {
            CacheParams p = CacheParams.defaults(64);
            CacheFixture f = new CacheFixture(MttMode.SMMPT43, p, LookupConfig.DEFAULT.withRsvdTupleScope(scope));
            long root = f.newRoot();
            CheckContext ctx = f.ctx(0, root);
            long leafBase = 0x1_0000_0000L;
            int[] t = tuples(16, 0b111);
            t[3] = 0b010;
            f.t.put(root, leafBase, 0, TestTables.mpteLeaf(t));
            for (int round = 0; round < 2; round++) {
                for (long pa : new long[] {leafBase, leafBase + 0x3000, leafBase + 0xF000}) {
                    CheckOutcome o = f.cache.check(ctx, pa, Access.R);
                    assertSameVerdict(f.fresh(ctx, pa, Access.R), o, scope + " pa=" + Long.toHexString(pa));
                    assertFalse(o.hit(), "a leaf holding a reserved tuple is never filled (" + scope + ")");
                }
            }
        }
    }

    @Test
    void v01ReservedNibbleBitsAreCachedConsistentlyUnderBothScopes() {
        for (RsvdTupleScope scope : RsvdTupleScope.values()) {
            CacheFixture f = new CacheFixture(MttMode.SMMTT46, CacheParams.defaults(64),
                    LookupConfig.DEFAULT.withRsvdTupleScope(scope));
            long root = f.newRoot();
            CheckContext ctx = f.ctx(0, root);
            long leafBase = 0x7_0000_0000L;
            long word = TestTables.mttl1(tuples(16, 3)) | (0b0100L << (4 * 9)); // nibble 9: resv bit 2 set
            f.t.put(root, leafBase, 0, word);
            for (int round = 0; round < 2; round++) {
                for (long pa : new long[] {leafBase, leafBase + 0x9000}) {
                    CheckOutcome o = f.cache.check(ctx, pa, Access.R);
                    assertSameVerdict(f.fresh(ctx, pa, Access.R), o, scope + " pa=" + Long.toHexString(pa));
                    assertFalse(o.hit());
                }
            }
        }
    }

    @Test
    void overlappingEntriesGiveTheDeepestAnswerNeverAMerge() {
        // VERIFICATION-PLAN #31. No walk cache, so the stale overlap can be built by walks from the root.
        CacheParams p = CacheParams.defaults(64).withWalkCacheEntries(0);
        CacheFixture f = new CacheFixture(MttMode.SMMPT43, p);
        long root = f.newRoot();
        CheckContext ctx = f.ctx(0, root);
        long region = 0x2_0000_0000L;                 // one 32 MiB level-1 entry
        long napot = region + (4L << 21);             // a 2 MiB NAPOT group inside it
        for (int i = 0; i < 32; i++) {
            f.t.put(root, napot + ((long) i << 16), 0, TestTables.mpteNapot(0b001, 4));
        }
        long leaf = region + (9L << 21);              // a 64 KiB leaf elsewhere inside it
        f.t.put(root, leaf, 0, f.t.mpteLeafUniform(0b100));
        assertTrue(f.cache.check(ctx, napot, Access.R).allow());
        assertTrue(f.cache.check(ctx, leaf, Access.X).allow());
        // Software error: the level-1 entry becomes a 32 MiB RWX leaf without the required fence.
        f.t.put(root, region, 1, f.t.mpteLeafUniform(0b111));
        CheckOutcome upper = f.cache.check(ctx, region, Access.W);
        assertEquals(CheckOutcome.Kind.MISS, upper.kind());
        assertEquals(ArrayId.SUPERPAGE, upper.events().get(upper.events().size() - 1).array());
        // Inside the NAPOT: both superpage entries match; the level-0 one answers alone (XWR=001, no merge).
        CheckOutcome inNapot = f.cache.check(ctx, napot + 0x5000, Access.W);
        assertTrue(inNapot.hit());
        assertEquals(0b001, inNapot.result().xwr());
        assertEquals(0, inNapot.result().level());
        assertEquals(Cause.PERM_DENY, inNapot.cause());
        // Inside the 64 KiB leaf: the leaf array answers before the superpage array.
        CheckOutcome inLeaf = f.cache.check(ctx, leaf + 0x10, Access.X | Access.R);
        assertEquals(ArrayId.LEAF, inLeaf.events().get(0).array());
        assertEquals(0b100, inLeaf.result().xwr());
        assertFalse(inLeaf.allow());
        // Elsewhere in the 32 MiB: only the level-1 entry.
        CheckOutcome elsewhere = f.cache.check(ctx, region + (12L << 21), Access.W);
        assertTrue(elsewhere.hit());
        assertEquals(1, elsewhere.result().level());
        assertTrue(elsewhere.allow());
    }

    @Test
    void amongSuperpageHitsOfOneLevelTheSmallestAnswers() {
        // A 32 MiB level-1 leaf is cached, then its GiB is rewritten as a level-1 NAPOT group without a fence
        // (software error) and the NAPOT is cached from another PA: both level-1 entries cover the leaf's PAs.
        CacheFixture f = new CacheFixture(MttMode.SMMPT43);
        long root = f.newRoot();
        CheckContext ctx = f.ctx(0, root);
        long giB = 0x1_0000_0000L;
        long x = giB + (3L << 25);
        f.t.put(root, x, 1, f.t.mpteLeafUniform(0b001));
        assertTrue(f.cache.check(ctx, x, Access.R).allow());
        for (int i = 0; i < 32; i++) {
            f.t.put(root, giB + ((long) i << 25), 1, TestTables.mpteNapot(0b111, 4));
        }
        CheckOutcome napot = f.cache.check(ctx, giB + (10L << 25), Access.W);
        assertEquals(CheckOutcome.Kind.MISS, napot.kind());
        assertEquals(30, napot.events().get(napot.events().size() - 1).sizeLog2());
        CheckOutcome inX = f.cache.check(ctx, x + 0x100, Access.W);
        assertTrue(inX.hit());
        assertEquals(25, inX.result().leafLog2(), "the 32 MiB entry answers, not the 1 GiB one");
        assertEquals(0b001, inX.result().xwr());
        assertEquals(Cause.PERM_DENY, inX.cause());
        assertEquals(0, inX.events().get(0).way(), "the 32 MiB entry was filled first, into entry 0");
    }

    @Test
    void twoWalksToTheSameLeafDoNotDuplicateIt() {
        // VERIFICATION-PLAN #37.
        CacheFixture f = new CacheFixture(MttMode.SMMPT43);
        long root = f.newRoot();
        CheckContext ctx = f.ctx(0, root);
        long pa = 0x1_0001_0000L;
        f.t.put(root, pa, 0, f.t.mpteLeafUniform(0b011));
        PendingWalk w1 = f.cache.beginMiss(ctx, pa, Access.R);
        PendingWalk w2 = f.cache.beginMiss(ctx, pa + 0x4000, Access.W);
        CheckOutcome o1 = f.cache.finishMiss(w1, false);
        CheckOutcome o2 = f.cache.finishMiss(w2, false);
        assertEquals(List.of(Kind.FILL, Kind.FILL), kinds(o1.events()));
        assertEquals(List.of(Kind.FILL, Kind.FILL), kinds(o2.events()), "overwrites in place: no EVICT");
        assertEquals(o1.events(), o2.events(), "same ways, same tags");
        assertEquals(1, f.cache.snapshot().leaf().size());
        assertEquals(1, f.cache.snapshot().walk().size());
        // Back to back through check(): the second one hits.
        assertTrue(f.cache.check(ctx, pa + 0x8000, Access.R).hit());
        assertThrows(IllegalStateException.class, () -> f.cache.finishMiss(w1, false));
        assertThrows(IllegalStateException.class, () -> f.cache.beginMiss(ctx, pa, Access.R),
                "beginMiss on a hit is a driver error");
    }

    @Test
    void bareBypassesAndPaRangeFaultsBeforeTheProbe() {
        CacheFixture f = new CacheFixture(MttMode.SMMPT43, CacheParams.defaults(64),
                LookupConfig.DEFAULT.withPaw(36));
        long root = f.newRoot();
        CheckContext ctx = f.ctx(0, root);
        // A level-2 NAPOT leaf (2^39 bytes) is cached from a PA below paw; PAs above paw inside its range
        // still fault with PA_RANGE and no read.
        for (int i = 0; i < 32; i++) {
            f.t.put(root, (long) i << 34, 2, TestTables.mpteNapot(0b111, 4));
        }
        assertTrue(f.cache.check(ctx, 0x1000, Access.R).allow());
        CheckOutcome range = f.cache.check(ctx, 1L << 36, Access.R);
        assertEquals(CheckOutcome.Kind.RANGE_FAULT, range.kind());
        assertEquals(Cause.PA_RANGE, range.cause());
        assertEquals(0, range.result().readCount());
        assertTrue(range.events().isEmpty());
        CheckOutcome bare = f.cache.check(new CheckContext(0, MttMode.BARE, 0, false), 1L << 40, Access.W);
        assertEquals(CheckOutcome.Kind.BYPASS, bare.kind());
        assertTrue(bare.allow());
        assertTrue(bare.events().isEmpty());
        LookupResult fresh = f.fresh(ctx, 1L << 36, Access.R);
        assertEquals(fresh.cause(), range.cause());
    }

    @Test
    void requestsOutsideTheConfigurationAreRejectedClearly() {
        CacheFixture f = new CacheFixture(MttMode.SMMPT43, CacheParams.defaults(64).withSdidLen(2));
        long root = f.newRoot();
        IllegalArgumentException sdid = assertThrows(IllegalArgumentException.class,
                () -> f.cache.check(f.ctx(4, root), 0, Access.R));
        assertTrue(sdid.getMessage().contains("sdidLen=2"), sdid.getMessage());
        IllegalArgumentException xlen = assertThrows(IllegalArgumentException.class,
                () -> f.cache.check(new CheckContext(0, MttMode.SMMPT34, root, false), 0, Access.R));
        assertTrue(xlen.getMessage().contains("xlen 64"), xlen.getMessage());
        assertThrows(IllegalArgumentException.class, () -> f.cache.check(f.ctx(0, root), 0, 8));
    }
}
