package io.mttkit.tb.coverage;

import io.mttkit.tb.cosim.Checkers;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mttkit.gen.cache.CacheShape;
import io.mttkit.gen.walker.WalkerParams;
import io.mttkit.golden.Access;
import io.mttkit.golden.LeafKind;
import io.mttkit.golden.LookupResult;
import io.mttkit.golden.MttMode;
import io.mttkit.golden.cache.CacheEvent;
import io.mttkit.golden.cache.CacheEvent.ArrayId;
import io.mttkit.golden.cache.CacheEvent.Kind;
import io.mttkit.golden.cache.Invalidation;
import io.mttkit.tb.cosim.CheckRequest;
import io.mttkit.tb.cosim.CheckObserver.CacheObservation;
import io.mttkit.tb.cosim.CheckObserver.CacheStep;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The cache bins against synthetic cache observations (no RTL): what each observation is binned as, how a FILL
 * without EVICT is told apart (invalid way or overwrite in place) when the observer never hears of resets, and
 * that a cache-less checker has no cache groups.
 */
class CacheCoverageTest {
    private static final WalkerParams RV64 = WalkerParams.defaults(64);
    private static final CacheShape SHAPE = CacheShape.DEFAULT;
    private static final MttMode M = MttMode.SMMPT43;
    private static final long ROOT = 0x80400L;

    static CheckRequest req(MttMode mode, long pa, int sdid) {
        return new CheckRequest(pa, Access.R, mode, CheckRequest.reqMode(mode), ROOT, sdid, false, false);
    }

    static CacheEvent ev(Kind k, ArrayId a, int set, int way, int sdid, int level, long base, int sizeLog2) {
        return new CacheEvent(k, a, set, way, sdid, M, level, base, sizeLog2);
    }

    static CacheObservation lookup(CheckRequest r, CacheEvent... events) {
        return new CacheObservation(CacheStep.LOOKUP, r, List.of(events), null, -1, false, false, 0, -1);
    }

    static CacheObservation fill(boolean sameCycle, boolean stale, CacheEvent... events) {
        return new CacheObservation(CacheStep.FILL, null, List.of(events), null, -1, sameCycle, stale, 0, -1);
    }

    static CacheObservation accepted(Invalidation inv, int walkReads, int queued) {
        return new CacheObservation(CacheStep.INVALIDATION_ACCEPTED, null, List.of(), inv, walkReads, false, false,
                queued, -1);
    }

    static CacheObservation applied(Invalidation inv, CacheEvent... cleared) {
        return new CacheObservation(CacheStep.INVALIDATION_APPLIED, null, List.of(cleared), inv, -1, false, false, 0,
                -1);
    }

    static CacheObservation sync(long wait) {
        return new CacheObservation(CacheStep.SYNC, null, List.of(), null, -1, false, false, 0, wait);
    }

    /** A golden walk result with {@code reads} reads and no leaf (a fault). */
    static LookupResult walk(int reads) {
        LookupResult g = new LookupResult().reset();
        for (int i = 0; i < reads; i++) {
            g.recordRead(0x8040_0000L + 8L * i, 8, 0, false);
        }
        return g;
    }

    /** A golden walk that followed {@code pointers} pointers and decided on a leaf at {@code level}. */
    static LookupResult leaf(int pointers, int level, LeafKind kind, int leafLog2, long tuples) {
        LookupResult g = walk(pointers + 1);
        for (int i = 0; i < pointers; i++) {
            g.recordPointer(pointers - i, 0x80500 + i);
        }
        boolean t = kind == LeafKind.TUPLES;
        g.recordLeaf(kind, 0, leafLog2, t ? 16 : 1, t ? leafLog2 - 4 : leafLog2, tuples);
        g.decide(level, (int) (tuples & 7), Access.R, leafLog2);
        return g;
    }

    private static long count(CheckerCoverage c, String group, String bin) {
        return c.db().count(group, bin);
    }

    private static long hits(CheckerCoverage c, String group) {
        long n = 0;
        for (String b : c.db().bins(group)) {
            n += c.db().count(group, b);
        }
        return n;
    }

    @Test
    void cacheGroupsExistOnlyForACachedChecker() {
        CoverageDb less = new CheckerCoverage(Checkers.describe(RV64)).db();
        CoverageDb cached = new CheckerCoverage(Checkers.describe(RV64, SHAPE)).db();
        for (String g : CacheCoverage.GROUPS) {
            assertFalse(less.groups().contains(g), g);
            assertTrue(cached.groups().contains(g), g);
        }
        assertEquals(less.groups(), cached.groups().subList(0, less.groups().size()), "the non-cache groups stay");
        // 16 sets x 4 ways hit, 16 sets miss, 8 superpage entries
        assertEquals(16 * 4 + 16 + 8, cached.bins(CacheCoverage.LOOKUP).size());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> less.merge(cached));
        assertTrue(e.getMessage().contains("configuration"), e.getMessage());
        // a cache-less model ignores cache steps (it has nowhere to count them)
        CheckerCoverage c = new CheckerCoverage(Checkers.describe(RV64));
        c.onCache(sync(0));
        assertEquals(less.toJson(), c.db().toJson());
    }

    @Test
    void withoutAWalkCacheThereAreNoWalkCacheBins() {
        CoverageDb db = new CheckerCoverage(Checkers.describe(RV64, new CacheShape(16, 4, 8, 0, 4, true))).db();
        assertFalse(db.groups().contains(CacheCoverage.WALK));
        assertTrue(db.isDefined(CacheCoverage.READS, "smmpt43 start L2 (root) reads=3"));
        assertFalse(db.isDefined(CacheCoverage.READS, "smmpt43 start L1 reads=0"));
        assertFalse(db.isDefined(CacheCoverage.VICTIM, "walk invalid way 0"));
        assertFalse(db.isDefined(CacheCoverage.FENCE_FILL, "same cycle (R2), walk cache fill suppressed"));
        CoverageDb noPaDrop = new CheckerCoverage(Checkers.describe(RV64, new CacheShape(16, 4, 8, 4, 4, false))).db();
        assertFalse(noPaDrop.isDefined(CacheCoverage.FENCE_PA, "pa walk interior"), "PA fences keep walk entries");
        assertTrue(noPaDrop.isDefined(CacheCoverage.FENCE_PA, "pa superpage interior"));
    }

    @Test
    void superpageSizesFollowTheLeafRanges() {
        CoverageDb db = new CheckerCoverage(Checkers.describe(RV64, SHAPE)).db();
        // smmpt43: a level-0 NAPOT leaf of 2^(4+1) x 64 KiB; level 1 tuples 32 MiB, NAPOT 1 GiB; level 2 16 GiB, 512 GiB
        assertEquals(List.of("smmpt43 L0 2^21", "smmpt43 L1 2^25", "smmpt43 L1 2^30", "smmpt43 L2 2^34",
                "smmpt43 L2 2^39"), db.bins(CacheCoverage.SUPERPAGE).stream().filter(b -> b.startsWith("smmpt43"))
                .toList());
        // smmtt56: only MTTL2 leaves (1G and 2M_PAGES, one 32 MiB entry each) go to the superpage array
        assertEquals(List.of("smmtt56 L1 2^25"), db.bins(CacheCoverage.SUPERPAGE).stream()
                .filter(b -> b.startsWith("smmtt56")).toList());
    }

    @Test
    void lookupsAreBinnedBySetWayArrayAndWalkCacheLevel() {
        CheckerCoverage c = new CheckerCoverage(Checkers.describe(RV64, SHAPE));
        CheckRequest a = req(M, 0x1234_5678L, 1);
        c.onCache(lookup(a, ev(Kind.HIT, ArrayId.LEAF, 3, 2, 1, 0, 0x1234_0000L, 16)));
        c.onCheck(a, leaf(0, 0, LeafKind.TUPLES, 16, 1));
        assertEquals(1, count(c, CacheCoverage.LOOKUP, "leaf set 3 way 2 hit"));
        assertEquals(1, count(c, CacheCoverage.READS, "smmpt43 answered from the cache"));

        CheckRequest b = req(M, 0x4000_0000L, 1);
        c.onCache(lookup(b, ev(Kind.HIT, ArrayId.SUPERPAGE, 0, 5, 1, 1, 0x4000_0000L, 30)));
        c.onCheck(b, leaf(0, 1, LeafKind.NAPOT, 30, 1));
        assertEquals(1, count(c, CacheCoverage.LOOKUP, "superpage entry 5 hit"));
        assertEquals(1, count(c, CacheCoverage.SUPERPAGE, "smmpt43 L1 2^30"));

        CheckRequest m = req(M, 0x5_0000L, 1);
        c.onCache(lookup(m, ev(Kind.MISS, ArrayId.LEAF, 5, -1, 1, -1, 0x5_0000L, 0),
                ev(Kind.WALK_HIT, ArrayId.WALK, 0, 2, 1, 0, 0, 25)));
        c.onCheck(m, walk(1));
        assertEquals(1, count(c, CacheCoverage.LOOKUP, "leaf set 5 miss"));
        assertEquals(1, count(c, CacheCoverage.WALK, "smmpt43 table L0 hit"));
        assertEquals(1, count(c, CacheCoverage.WALK, "entry 2 hit"));
        assertEquals(1, count(c, CacheCoverage.READS, "smmpt43 start L0 reads=1"));

        CheckRequest root = req(M, 0x6_0000L, 1);
        c.onCache(lookup(root, ev(Kind.MISS, ArrayId.LEAF, 6, -1, 1, -1, 0x6_0000L, 0)));
        c.onCheck(root, walk(3));
        assertEquals(1, count(c, CacheCoverage.READS, "smmpt43 start L2 (root) reads=3"));

        // a check that does not probe (a PA-range fault) right after: no cache bin, and no stale pairing
        c.onCheck(req(M, 1L << 50, 1), walk(0));
        assertEquals(4, hits(c, CacheCoverage.READS));
        // a lookup whose check never completed (a mismatch) is not paired with the next check
        c.onCache(lookup(req(M, 0x7_0000L, 1), ev(Kind.MISS, ArrayId.LEAF, 7, -1, 1, -1, 0x7_0000L, 0)));
        c.onCheck(req(M, 0x7_0000L, 1), walk(3));
        assertEquals(4, hits(c, CacheCoverage.READS));
    }

    @Test
    void fillPlacementIsAnInvalidWayThePlruVictimOrAnOverwriteInPlace() {
        CheckerCoverage c = new CheckerCoverage(Checkers.describe(RV64, SHAPE));
        CacheEvent t = ev(Kind.FILL, ArrayId.LEAF, 0, 1, 1, 0, 0x100_0000L, 16);
        CacheEvent old = ev(Kind.EVICT, ArrayId.LEAF, 0, 1, 1, 0, 0x200_0000L, 16);
        CacheEvent w = ev(Kind.FILL, ArrayId.WALK, 0, 3, 1, 0, 0, 25);
        c.onCache(fill(false, false, w, t));
        assertEquals(1, count(c, CacheCoverage.VICTIM, "leaf invalid way 1"));
        assertEquals(1, count(c, CacheCoverage.VICTIM, "walk invalid way 3"));
        c.onCache(fill(false, false, old, t));
        assertEquals(1, count(c, CacheCoverage.VICTIM, "leaf plru victim way 1"));
        c.onCache(fill(false, false, t)); // the same tag is still there: written in place
        assertEquals(1, count(c, CacheCoverage.VICTIM, "leaf overwrite in place"));
        assertEquals(4, hits(c, CacheCoverage.VICTIM));
    }

    @Test
    void aMissProvesAnEntryGoneAfterAResetTheObserverNeverSaw() {
        CheckerCoverage c = new CheckerCoverage(Checkers.describe(RV64, SHAPE));
        CacheEvent t = ev(Kind.FILL, ArrayId.LEAF, 0, 0, 1, 0, 0x100_0000L, 16);
        c.onCache(fill(false, false, t));
        // reset (a new session); the same PA misses in the same context, and its walk fills the same way again
        CheckRequest r = req(M, 0x100_0040L, 1);
        c.onCache(lookup(r, ev(Kind.MISS, ArrayId.LEAF, 0, -1, 1, -1, 0x100_0040L, 0)));
        c.onCache(fill(false, false, t));
        assertEquals(2, count(c, CacheCoverage.VICTIM, "leaf invalid way 0"));
        assertEquals(0, count(c, CacheCoverage.VICTIM, "leaf overwrite in place"));
        // a miss of another SDID proves nothing about the entry: a same-tag fill then overwrites it in place
        c.onCache(lookup(req(M, 0x100_0040L, 2), ev(Kind.MISS, ArrayId.LEAF, 0, -1, 2, -1, 0x100_0040L, 0)));
        c.onCache(fill(false, false, t));
        assertEquals(1, count(c, CacheCoverage.VICTIM, "leaf overwrite in place"));

        // walk cache: a hit at table level 1 proves a covering level-0 entry of the context absent, not the hit
        CacheEvent deep = ev(Kind.FILL, ArrayId.WALK, 0, 0, 1, 0, 0x200_0000L, 25);
        CacheEvent upper = ev(Kind.FILL, ArrayId.WALK, 0, 1, 1, 1, 0, 34);
        c.onCache(fill(false, false, deep));
        c.onCache(fill(false, false, upper));
        c.onCache(lookup(req(M, 0x200_0000L, 1), ev(Kind.MISS, ArrayId.LEAF, 0, -1, 1, -1, 0x200_0000L, 0),
                ev(Kind.WALK_HIT, ArrayId.WALK, 0, 1, 1, 1, 0, 34)));
        c.onCache(fill(false, false, deep));
        c.onCache(fill(false, false, upper));
        assertEquals(2, count(c, CacheCoverage.VICTIM, "walk invalid way 0"), "level-0 entry was proven gone");
        assertEquals(1, count(c, CacheCoverage.VICTIM, "walk overwrite in place"), "the hit entry is still there");
    }

    @Test
    void fencesAreBinnedByKindDropsSdidsAndPaPosition() {
        CheckerCoverage c = new CheckerCoverage(Checkers.describe(RV64, SHAPE));
        CacheEvent leafA = ev(Kind.INVALIDATE, ArrayId.LEAF, 0, 0, 1, 0, 0x100_0000L, 16);
        CacheEvent spB = ev(Kind.INVALIDATE, ArrayId.SUPERPAGE, 0, 2, 2, 1, 0x200_0000L, 25);
        c.onCache(applied(Invalidation.all(), leafA, spB));
        assertEquals(1, count(c, CacheCoverage.FENCE, "global dropped>1 several sdids"));
        c.onCache(applied(Invalidation.ofPa(0x100_0000L), leafA));
        assertEquals(1, count(c, CacheCoverage.FENCE, "pa dropped=1"));
        assertEquals(1, count(c, CacheCoverage.FENCE_PA, "pa leaf first byte"));
        c.onCache(applied(Invalidation.ofPaAndSdid(0x100_FFFFL, 1), leafA));
        assertEquals(1, count(c, CacheCoverage.FENCE, "pa+sdid dropped=1"));
        assertEquals(1, count(c, CacheCoverage.FENCE_PA, "pa+sdid leaf last byte"));
        c.onCache(applied(Invalidation.ofPa(0x280_0000L), spB));
        assertEquals(1, count(c, CacheCoverage.FENCE_PA, "pa superpage interior"));
        c.onCache(applied(Invalidation.ofSdid(3)));
        assertEquals(1, count(c, CacheCoverage.FENCE, "sdid dropped=0"));
        assertEquals(5, hits(c, CacheCoverage.FENCE));

        // an entry an invalidation cleared is invalid: filling its tag again takes an invalid way
        CacheEvent t = ev(Kind.FILL, ArrayId.LEAF, 0, 0, 1, 0, 0x100_0000L, 16);
        c.onCache(fill(false, false, t));
        c.onCache(applied(Invalidation.all(), leafA));
        c.onCache(fill(false, false, t));
        assertEquals(2, count(c, CacheCoverage.VICTIM, "leaf invalid way 0"));

        // sdidLen 0: the 1-bit inv_sdid port carries only a bit above sdidLen; one SDID, so no "several sdids"
        WalkerParams noSdid = new WalkerParams(64, WalkerParams.Formats.BOTH, 56, 0, 8,
                WalkerParams.TupleScope.ANY, false, true, 1);
        CheckerCoverage z = new CheckerCoverage(Checkers.describe(noSdid, SHAPE));
        assertFalse(z.db().isDefined(CacheCoverage.FENCE, "global dropped>1 several sdids"));
        z.onCache(applied(Invalidation.ofSdid(1), ev(Kind.INVALIDATE, ArrayId.LEAF, 0, 0, 0, 0, 0, 16)));
        assertEquals(1, count(z, CacheCoverage.FENCE, "sdid dropped=1 sdid bits above sdidLen"));
    }

    @Test
    void fenceArrivalStaleAndSameCycleWalks() {
        CheckerCoverage c = new CheckerCoverage(Checkers.describe(RV64, SHAPE));
        Invalidation inv = Invalidation.all();
        c.onCache(accepted(inv, -1, 1));
        c.onCache(accepted(inv, 0, 1));
        c.onCache(accepted(inv, 1, 1));
        c.onCache(accepted(inv, 3, 1));
        for (String b : List.of("no walk in flight", "walk issued 0 reads", "walk issued 1 read",
                "walk issued 2+ reads")) {
            assertEquals(1, count(c, CacheCoverage.FENCE_WALK, "accepted, " + b), b);
        }

        CheckRequest r = req(M, 0x10_0000L, 1);
        CacheEvent miss = ev(Kind.MISS, ArrayId.LEAF, 0, -1, 1, -1, 0x10_0000L, 0);
        c.onCache(lookup(r, miss));
        c.onCache(fill(false, true));
        c.onCheck(r, leaf(2, 0, LeafKind.TUPLES, 16, 1));
        assertEquals(1, count(c, CacheCoverage.FENCE_WALK, "stale walk (R1), cacheable leaf not filled"));

        // same cycle, not stale: a level-0 leaf of tuples after two pointers would have filled walk cache + leaf array
        c.onCache(lookup(r, miss));
        c.onCache(fill(true, false));
        c.onCheck(r, leaf(2, 0, LeafKind.TUPLES, 16, 1));
        assertEquals(1, count(c, CacheCoverage.FENCE_FILL, "same cycle (R2), walk cache fill suppressed"));
        assertEquals(1, count(c, CacheCoverage.FENCE_FILL, "same cycle (R2), leaf array fill suppressed"));
        // a root NAPOT leaf: no pointer, superpage array
        c.onCache(lookup(r, miss));
        c.onCache(fill(true, false));
        c.onCheck(r, leaf(0, 2, LeafKind.NAPOT, 39, 1));
        assertEquals(1, count(c, CacheCoverage.FENCE_FILL, "same cycle (R2), superpage fill suppressed"));
        // a leaf with a reserved tuple (W without R, cacheable under rsvdTupleScope=SELECTED) is never filled
        c.onCache(lookup(r, miss));
        c.onCache(fill(true, false));
        c.onCheck(r, leaf(1, 0, LeafKind.TUPLES, 16, 1 | (0b010L << 3)));
        assertEquals(2, count(c, CacheCoverage.FENCE_FILL, "same cycle (R2), walk cache fill suppressed"));
        assertEquals(1, count(c, CacheCoverage.FENCE_FILL, "same cycle (R2), leaf array fill suppressed"));
        // a fault: nothing to suppress
        c.onCache(lookup(r, miss));
        c.onCache(fill(true, false));
        c.onCheck(r, walk(3));
        assertEquals(1, count(c, CacheCoverage.FENCE_FILL, "same cycle (R2), nothing cacheable"));
        assertEquals(5, hits(c, CacheCoverage.FENCE_FILL));
    }

    @Test
    void minvalBatchesAgainstSyncWait() {
        CheckerCoverage c = new CheckerCoverage(Checkers.describe(RV64, SHAPE)); // queue depth 4
        Invalidation inv = Invalidation.ofSdid(1);
        for (int q = 1; q <= 3; q++) {
            c.onCache(accepted(inv, -1, q));
        }
        c.onCache(sync(3));
        assertEquals(1, count(c, CacheCoverage.MINVAL, "batch=2..3 sync wait=2..4"));
        assertEquals(1, count(c, CacheCoverage.MINVAL, "queue held 3"));
        c.onCache(sync(0)); // a lone sync
        assertEquals(1, count(c, CacheCoverage.MINVAL, "batch=0 sync wait=0"));
        c.onCache(accepted(inv, -1, 1));
        c.onCache(lookup(req(M, 0, 1), ev(Kind.MISS, ArrayId.LEAF, 0, -1, 1, -1, 0, 0))); // a check: new batch
        c.onCache(accepted(inv, 0, 1));
        c.onCache(sync(1));
        assertEquals(1, count(c, CacheCoverage.MINVAL, "batch=1 sync wait=1"));
        for (int i = 0; i < 6; i++) {
            c.onCache(accepted(inv, -1, Math.min(4, i + 1)));
        }
        c.onCache(sync(9));
        assertEquals(1, count(c, CacheCoverage.MINVAL, "batch=>4 sync wait=>4"));
        assertEquals(3, count(c, CacheCoverage.MINVAL, "queue held 4"));
    }
}
