package io.mttkit.golden.cache;

import io.mttkit.golden.Access;
import io.mttkit.golden.MttMode;
import io.mttkit.golden.cache.CacheEvent.ArrayId;
import io.mttkit.golden.cache.CacheEvent.Kind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The invalidation table of CHECKER-MICROARCH.md §5, SDID masking, PA boundaries and the MINVAL queue. */
class CacheInvalidationTest {

    /** Two domains (SDID 1 and 2, own roots), each with one entry in each of the three structures. */
    private static final class TwoDomains {
        final CacheFixture f;
        final CheckContext d1;
        final CheckContext d2;
        static final long LEAF_PA = 0x1_0003_0000L;   // 64 KiB leaf (leaf array); its pointer: walk cache
        static final long NAPOT_PA = 0x1_4000_0000L;  // 2 MiB NAPOT (superpage array), another 32 MiB

        TwoDomains(CacheParams p) {
            f = new CacheFixture(MttMode.SMMPT43, p);
            d1 = f.ctx(1, f.newRoot());
            d2 = f.ctx(2, f.newRoot());
            for (CheckContext c : List.of(d1, d2)) {
                f.t.put(c.rootPpn(), LEAF_PA, 0, f.t.mpteLeafUniform(0b011));
                for (int i = 0; i < 32; i++) {
                    f.t.put(c.rootPpn(), NAPOT_PA + ((long) i << 16), 0, TestTables.mpteNapot(0b001, 4));
                }
                assertFalse(f.cache.check(c, LEAF_PA, Access.R).hit());
                assertFalse(f.cache.check(c, NAPOT_PA, Access.R).hit());
            }
            // 2 domains × (leaf + NAPOT) leaves, 2 domains × 2 level-0 table pointers.
            assertEquals(2, f.cache.snapshot().leaf().size());
            assertEquals(2, f.cache.snapshot().superpage().size());
            assertEquals(4, f.cache.snapshot().walk().size());
        }

        /** "array:sdid:base" for each valid entry. */
        Set<String> contents() {
            Set<String> s = new HashSet<>();
            CacheSnapshot snap = f.cache.snapshot();
            snap.leaf().forEach(x -> s.add("LEAF:" + x.entry().sdid() + ":" + Long.toHexString(x.entry().base())));
            snap.superpage().forEach(x -> s.add("SP:" + x.entry().sdid() + ":" + Long.toHexString(x.entry().base())));
            snap.walk().forEach(x -> s.add("WALK:" + x.entry().sdid() + ":"
                    + Long.toHexString(x.entry().prefix() << x.entry().coverLog2())));
            return s;
        }
    }

    private static final String L1 = "LEAF:1:100030000";
    private static final String L2 = "LEAF:2:100030000";
    private static final String S1 = "SP:1:140000000";
    private static final String S2 = "SP:2:140000000";
    private static final String W1 = "WALK:1:100000000";
    private static final String W2 = "WALK:2:100000000";
    private static final String WN1 = "WALK:1:140000000";
    private static final String WN2 = "WALK:2:140000000";

    @Test
    void fenceAllClearsEveryStructure() {
        TwoDomains t = new TwoDomains(CacheParams.defaults(64));
        List<CacheEvent> ev = t.f.cache.mfencePa(Invalidation.all());
        assertEquals(Set.of(), t.contents());
        assertEquals(8, ev.size());
        assertTrue(ev.stream().allMatch(e -> e.kind() == Kind.INVALIDATE));
        // Normative order: leaf array, superpage array, walk cache.
        assertEquals(List.of(ArrayId.LEAF, ArrayId.LEAF, ArrayId.SUPERPAGE, ArrayId.SUPERPAGE, ArrayId.WALK,
                ArrayId.WALK, ArrayId.WALK, ArrayId.WALK), ev.stream().map(CacheEvent::array).toList());
        assertEquals(1, t.f.cache.epoch());
    }

    @Test
    void fenceSdidClearsThatDomainOnlyInEveryStructure() {
        TwoDomains t = new TwoDomains(CacheParams.defaults(64));
        t.f.cache.mfencePa(Invalidation.ofSdid(2));
        assertEquals(Set.of(L1, S1, W1, WN1), t.contents(), "VERIFICATION-PLAN #25: SDID 1 keeps its entries");
    }

    @Test
    void fencePaClearsEntriesCoveringThePaInEveryDomain() {
        TwoDomains t = new TwoDomains(CacheParams.defaults(64));
        t.f.cache.mfencePa(Invalidation.ofPa(TwoDomains.LEAF_PA + 0x1234));
        assertEquals(Set.of(S1, S2, WN1, WN2), t.contents());
        t.f.cache.mfencePa(Invalidation.ofPa(TwoDomains.NAPOT_PA + 0x1F_FFFF));
        assertEquals(Set.of(), t.contents());
    }

    @Test
    void fencePaLeavesTheWalkCacheWhenConfigured() {
        TwoDomains t = new TwoDomains(CacheParams.defaults(64).withPaFenceDropsWalkCache(false));
        t.f.cache.mfencePa(Invalidation.ofPa(TwoDomains.LEAF_PA));
        assertEquals(Set.of(S1, S2, W1, W2, WN1, WN2), t.contents());
        t.f.cache.mfencePa(Invalidation.ofSdid(1));
        assertEquals(Set.of(S2, W2, WN2), t.contents(), "non-PA fences still clear the walk cache");
    }

    @Test
    void fencePaAndSdidClearsOnlyThatDomainsCoveringEntries() {
        TwoDomains t = new TwoDomains(CacheParams.defaults(64));
        t.f.cache.mfencePa(Invalidation.ofPaAndSdid(TwoDomains.LEAF_PA, 1));
        assertEquals(Set.of(L2, S1, S2, W2, WN1, WN2), t.contents());
        t.f.cache.mfencePa(Invalidation.ofPaAndSdid(TwoDomains.NAPOT_PA, 2));
        assertEquals(Set.of(L2, S1, W2, WN1), t.contents());
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 6})
    void sdidBitsAtAndAboveSdidLenAreIgnored(int sdidLen) {
        TwoDomains t = new TwoDomains(CacheParams.defaults(64).withSdidLen(Math.max(sdidLen, 2)));
        int len = Math.max(sdidLen, 2);
        // rs2 = 1 plus garbage at and above SDIDLEN: compares as SDID 1.
        long rs2 = 1L | (-1L << len);
        t.f.cache.mfencePa(Invalidation.ofSdid(rs2));
        assertEquals(Set.of(L2, S2, W2, WN2), t.contents(), "rs2=0x" + Long.toHexString(rs2));
    }

    @Test
    void withNoSdidBitsEverySdidFenceMatchesEveryEntry() {
        CacheFixture f = new CacheFixture(MttMode.SMMPT43, CacheParams.defaults(64).withSdidLen(0));
        CheckContext c = f.ctx(0, f.newRoot());
        f.t.put(c.rootPpn(), 0x1_0000_0000L, 0, f.t.mpteLeafUniform(0b001));
        f.cache.check(c, 0x1_0000_0000L, Access.R);
        f.cache.mfencePa(Invalidation.ofSdid(5));
        assertEquals(0, f.cache.snapshot().validCount());
    }

    @Test
    void paFenceJustBelowInsideAndJustAboveEachEntrySize() {
        // VERIFICATION-PLAN #24: 64 KiB leaf, 2 MiB NAPOT, 32 MiB level-1 leaf.
        CacheParams p = CacheParams.defaults(64).withWalkCacheEntries(0);
        long leafPa = 0x1_0005_0000L;
        long napotPa = 0x1_0060_0000L;   // 2 MiB aligned, a different 2 MiB than the leaf
        long upperPa = 0x1_6000_0000L;   // 32 MiB aligned
        long[][] cases = {{leafPa, 16}, {napotPa, 21}, {upperPa, 25}};
        for (long[] c : cases) {
            long base = c[0];
            long size = 1L << c[1];
            long[] fencePas = {base - 1, base, base + size / 2 + 0x123, base + size - 1, base + size};
            boolean[] drops = {false, true, true, true, false};
            for (int i = 0; i < fencePas.length; i++) {
                CacheFixture f = new CacheFixture(MttMode.SMMPT43, p);
                CheckContext ctx = f.ctx(0, f.newRoot());
                long root = ctx.rootPpn();
                if (c[1] == 16) {
                    f.t.put(root, base, 0, f.t.mpteLeafUniform(0b011));
                } else if (c[1] == 21) {
                    for (int k = 0; k < 32; k++) {
                        f.t.put(root, base + ((long) k << 16), 0, TestTables.mpteNapot(0b011, 4));
                    }
                } else {
                    f.t.put(root, base, 1, f.t.mpteLeafUniform(0b011));
                }
                f.cache.check(ctx, base, Access.R);
                assertEquals(1, f.cache.snapshot().validCount());
                List<CacheEvent> ev = f.cache.mfencePa(Invalidation.ofPa(fencePas[i]));
                String what = "entry 2^" + c[1] + " at 0x" + Long.toHexString(base) + ", fence at 0x"
                        + Long.toHexString(fencePas[i]);
                assertEquals(drops[i] ? 1 : 0, ev.size(), what);
                assertEquals(drops[i], !f.cache.check(ctx, base, Access.R).hit(), what);
            }
        }
    }

    @Test
    void sdidSwitchWithoutFenceNeverHitsAnotherDomain() {
        // VERIFICATION-PLAN #26.
        CacheFixture f = new CacheFixture(MttMode.SMMPT43);
        CheckContext d1 = f.ctx(1, f.newRoot());
        CheckContext d2 = f.ctx(2, f.newRoot());
        long pa = 0x1_0000_0000L;
        f.t.put(d1.rootPpn(), pa, 0, f.t.mpteLeafUniform(0b111));
        f.t.put(d2.rootPpn(), pa, 0, f.t.mpteLeafUniform(0b000));
        assertTrue(f.cache.check(d1, pa, Access.W).allow());
        CheckOutcome other = f.cache.check(d2, pa, Access.W);
        assertFalse(other.hit());
        assertFalse(other.allow());
        assertTrue(f.cache.check(d1, pa, Access.W).hit());
        assertTrue(f.cache.check(d2, pa, Access.R).hit());
        assertFalse(f.cache.check(d2, pa, Access.R).allow());
    }

    @Test
    void rootChangeOnTheSameSdidHitsOldEntriesUntilTheFence() {
        // VERIFICATION-PLAN #26 (documented behaviour): root is not part of the tag.
        CacheFixture f = new CacheFixture(MttMode.SMMPT43);
        CheckContext before = f.ctx(1, f.newRoot());
        CheckContext after = before.withRootPpn(f.newRoot());
        long pa = 0x1_0000_0000L;
        f.t.put(before.rootPpn(), pa, 0, f.t.mpteLeafUniform(0b111));
        f.t.put(after.rootPpn(), pa, 0, f.t.mpteLeafUniform(0b001));
        f.cache.check(before, pa, Access.W);
        CheckOutcome stale = f.cache.check(after, pa, Access.W);
        assertTrue(stale.hit(), "before the fence the old domain layout still answers");
        assertTrue(stale.allow());
        f.cache.mfencePa(Invalidation.ofSdid(1));
        CheckOutcome fresh = f.cache.check(after, pa, Access.W);
        assertFalse(fresh.hit());
        assertFalse(fresh.allow());
    }

    @Test
    void modeIsPartOfTheTag() {
        CacheFixture f = new CacheFixture(MttMode.SMMPT43);
        long root = f.newRoot();
        CheckContext c43 = f.ctx(1, root);
        CheckContext c52 = new CheckContext(1, MttMode.SMMPT52, root, false);
        long pa = 0x1_0000_0000L;
        f.t.put(root, pa, 0, f.t.mpteLeafUniform(0b111));
        assertTrue(f.cache.check(c43, pa, Access.R).allow());
        assertFalse(f.cache.check(c52, pa, Access.R).hit(), "same SDID, other mode: no hit");
    }

    @Test
    void minvalBatchesOfZeroOneDepthAndDepthPlusOne() {
        // VERIFICATION-PLAN #28: the queue holds minvalQueueDepth operands; one more is refused (backpressure).
        int depth = 4;
        for (int batch : new int[] {0, 1, depth, depth + 1}) {
            CacheFixture f = new CacheFixture(MttMode.SMMPT43, CacheParams.defaults(64).withMinvalQueueDepth(depth));
            CheckContext ctx = f.ctx(0, f.newRoot());
            long[] pas = new long[depth + 1];
            for (int i = 0; i < pas.length; i++) {
                pas[i] = 0x1_0000_0000L + ((long) i << 16);
                f.t.put(ctx.rootPpn(), pas[i], 0, f.t.mpteLeafUniform(0b111));
                f.cache.check(ctx, pas[i], Access.R);
            }
            // Software revokes write on the first `batch` leaves, then fences them in one batch.
            for (int i = 0; i < batch; i++) {
                f.t.put(ctx.rootPpn(), pas[i], 0, f.t.mpteLeafUniform(0b001));
            }
            assertTrue(f.cache.sfenceWInval().isEmpty());
            int accepted = 0;
            for (int i = 0; i < batch; i++) {
                if (f.cache.minval(Invalidation.ofPa(pas[i]))) {
                    accepted++;
                } else {
                    assertEquals(depth, f.cache.queuedCount(), "refused only when full");
                    // The driver waits: the RTL drains the queue (here: at a sync), then it is accepted.
                    f.cache.sync();
                    assertTrue(f.cache.minval(Invalidation.ofPa(pas[i])));
                }
            }
            assertEquals(Math.min(batch, depth), accepted, "batch " + batch);
            // Queued but not yet applied: entries may still hit (applied no later than the sync).
            if (batch > 0 && batch <= depth) {
                assertTrue(f.cache.check(ctx, pas[0], Access.R).hit());
            }
            long epochBefore = f.cache.epoch();
            f.cache.sync();
            assertEquals(0, f.cache.queuedCount());
            assertEquals(batch, f.cache.epoch(), "one epoch step per applied invalidation");
            assertTrue(f.cache.epoch() >= epochBefore);
            for (int i = 0; i < pas.length; i++) {
                CheckOutcome o = f.cache.check(ctx, pas[i], Access.W);
                assertEquals(i >= batch, o.allow(), "no stale hit after the sync, leaf " + i + " batch " + batch);
            }
        }
    }

    @Test
    void applyNextQueuedAppliesInOrderAndSyncOnAnEmptyQueueDoesNothing() {
        CacheFixture f = new CacheFixture(MttMode.SMMPT43);
        CheckContext ctx = f.ctx(0, f.newRoot());
        long a = 0x1_0000_0000L;
        long b = 0x1_0010_0000L;
        for (long pa : new long[] {a, b}) {
            f.t.put(ctx.rootPpn(), pa, 0, f.t.mpteLeafUniform(0b111));
            f.cache.check(ctx, pa, Access.R);
        }
        assertTrue(f.cache.minval(Invalidation.ofPa(b)));
        assertTrue(f.cache.minval(Invalidation.ofPa(a)));
        List<CacheEvent> first = f.cache.applyNextQueued();
        // b's leaf, then the level-0 table pointer covering both a and b (paFenceDropsWalkCache).
        assertEquals(List.of(ArrayId.LEAF, ArrayId.WALK), first.stream().map(CacheEvent::array).toList());
        assertEquals(b & -(1L << 16), first.get(0).base(), "oldest first");
        assertEquals(1, f.cache.queuedCount());
        List<CacheEvent> rest = f.cache.sync();
        assertEquals(1, rest.size());
        assertEquals(a & -(1L << 16), rest.get(0).base());
        assertTrue(f.cache.sync().isEmpty());
        assertEquals(2, f.cache.epoch());
        org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class, f.cache::applyNextQueued);
    }

    @Test
    void mfenceAppliesQueuedInvalidationsFirst() {
        CacheFixture f = new CacheFixture(MttMode.SMMPT43);
        CheckContext ctx = f.ctx(0, f.newRoot());
        long a = 0x1_0000_0000L;
        f.t.put(ctx.rootPpn(), a, 0, f.t.mpteLeafUniform(0b111));
        f.cache.check(ctx, a, Access.R);
        f.cache.minval(Invalidation.ofPa(a));
        List<CacheEvent> ev = f.cache.mfencePa(Invalidation.all());
        assertEquals(0, f.cache.queuedCount());
        assertEquals(2, f.cache.epoch());
        // The queued PA invalidation cleared the leaf and the level-0 table pointer; nothing left for the mfence.
        assertEquals(2, ev.size());
    }
}
