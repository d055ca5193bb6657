package io.mttkit.golden.cache;

import io.mttkit.golden.Access;
import io.mttkit.golden.MttMode;
import io.mttkit.golden.cache.CacheEvent.ArrayId;
import io.mttkit.golden.cache.CacheEvent.Kind;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Replacement (VERIFICATION-PLAN #30) and reset (#38). Expected values are worked by hand from the encoding
 * documented in TreePlru and docs/cache-model.md: heap-ordered nodes, bit i = node i, 0 = "victim on the left",
 * a touch points every node on the way's path away from it.
 */
class CachePlruTest {

    @Test
    void fourWayTreeByHand() {
        TreePlru p = new TreePlru(4);
        assertEquals(0, p.victim(), "reset: all bits 0, victim way 0");
        p.touch(0);                   // root→right (b0=1), node1→right (b1=1)
        assertEquals(0b011, p.bits());
        assertEquals(2, p.victim());  // root 1 → node 2 (b2=0) → left → way 2
        p.touch(2);                   // root→left (b0=0), node2→right (b2=1)
        assertEquals(0b110, p.bits());
        assertEquals(1, p.victim());  // root 0 → node 1 (b1=1) → right → way 1
        p.touch(1);                   // b0=1, b1=0
        assertEquals(0b101, p.bits());
        assertEquals(3, p.victim());  // root 1 → node 2 (b2=1) → right → way 3
    }

    @Test
    void eightWayTreeVisitsEveryWayWhenTouchingTheVictim() {
        TreePlru p = new TreePlru(8);
        boolean[] seen = new boolean[8];
        for (int i = 0; i < 8; i++) {
            int v = p.victim();
            seen[v] = true;
            p.touch(v);
        }
        // Touching the victim each time is true LRU order for a tree: 0,4,2,6,1,5,3,7.
        boolean[] all = new boolean[8];
        Arrays.fill(all, true);
        assertTrue(Arrays.equals(all, seen));
        TreePlru q = new TreePlru(8);
        int[] order = new int[8];
        for (int i = 0; i < 8; i++) {
            order[i] = q.victim();
            q.touch(order[i]);
        }
        assertEquals("[0, 4, 2, 6, 1, 5, 3, 7]", Arrays.toString(order));
        TreePlru one = new TreePlru(1);
        one.touch(0);
        assertEquals(0, one.victim());
        assertEquals(0, one.bits());
    }

    @Test
    void fullSetEvictsThePlruWayAndAnInvalidWayIsChosenFirst() {
        CacheFixture f = new CacheFixture(MttMode.SMMPT43);
        CheckContext ctx = f.ctx(0, f.newRoot());
        // Six 64 KiB leaves in leaf-array set 5: PA[19:16] = 5, stride 1 MiB.
        long[] pa = new long[6];
        for (int i = 0; i < pa.length; i++) {
            pa[i] = 0x1_0005_0000L + ((long) i << 20);
            f.t.put(ctx.rootPpn(), pa[i], 0, f.t.mpteLeafUniform(0b001));
        }
        for (int i = 0; i < 4; i++) {
            CheckOutcome o = f.cache.check(ctx, pa[i], Access.R);
            CacheEvent fill = lastLeafFill(o);
            assertEquals(5, fill.set());
            assertEquals(i, fill.way(), "invalid ways are filled lowest first");
        }
        // Fills touched ways 0,1,2,3 in turn: bits 011 → 001 → 100 → 000.
        assertEquals(0b000, f.cache.snapshot().leafPlru()[5]);
        // A hit on way 0 updates the PLRU: bits 011, victim way 2.
        CheckOutcome hit = f.cache.check(ctx, pa[0], Access.R);
        assertEquals(List.of(new CacheEvent(Kind.HIT, ArrayId.LEAF, 5, 0, 0, MttMode.SMMPT43, 0, pa[0], 16)),
                hit.events());
        assertEquals(0b011, f.cache.snapshot().leafPlru()[5]);
        CheckOutcome evicting = f.cache.check(ctx, pa[4], Access.R);
        List<CacheEvent> leafEvents = evicting.events().stream().filter(e -> e.array() == ArrayId.LEAF).toList();
        assertEquals(Kind.EVICT, leafEvents.get(1).kind(), "EVICT comes just before its FILL: " + leafEvents);
        assertEquals(2, leafEvents.get(1).way());
        assertEquals(pa[2], leafEvents.get(1).base());
        assertEquals(Kind.FILL, leafEvents.get(2).kind());
        assertEquals(2, leafEvents.get(2).way());
        // Invalidate way 3 (pa[3]); PLRU is untouched by invalidation, but the invalid way is chosen first.
        long bitsBefore = f.cache.snapshot().leafPlru()[5];
        f.cache.invalidateNow(Invalidation.ofPa(pa[3]));
        assertEquals(bitsBefore, f.cache.snapshot().leafPlru()[5]);
        CheckOutcome refill = f.cache.check(ctx, pa[5], Access.R);
        assertEquals(3, lastLeafFill(refill).way());
        assertTrue(refill.events().stream().noneMatch(e -> e.kind() == Kind.EVICT && e.array() == ArrayId.LEAF));
    }

    @Test
    void superpageArrayReplacesByPlruToo() {
        CacheParams p = CacheParams.defaults(64).withSuperpageEntries(2).withWalkCacheEntries(0);
        CacheFixture f = new CacheFixture(MttMode.SMMPT43, p);
        CheckContext ctx = f.ctx(0, f.newRoot());
        long[] pa = {0x1_0000_0000L, 0x1_0200_0000L, 0x1_0400_0000L};
        for (long a : pa) {
            f.t.put(ctx.rootPpn(), a, 1, f.t.mpteLeafUniform(0b011));
        }
        assertEquals(0, lastLeafFill(f.cache.check(ctx, pa[0], Access.R)).way());
        assertEquals(1, lastLeafFill(f.cache.check(ctx, pa[1], Access.R)).way());
        f.cache.check(ctx, pa[0], Access.R); // hit way 0: root bit → 1 (victim way 1)
        CheckOutcome o = f.cache.check(ctx, pa[2], Access.R);
        assertEquals(ArrayId.SUPERPAGE, lastLeafFill(o).array());
        assertEquals(1, lastLeafFill(o).way());
    }

    @Test
    void afterResetNothingIsValidAndEveryPlruBitIsZero() {
        CacheFixture f = new CacheFixture(MttMode.SMMPT43);
        CheckContext ctx = f.ctx(0, f.newRoot());
        CacheSnapshot empty = f.cache.snapshot();
        assertEquals(0, empty.validCount());
        assertTrue(Arrays.stream(empty.leafPlru()).allMatch(b -> b == 0));
        for (int i = 0; i < 40; i++) {
            long a = 0x1_0000_0000L + ((long) i << 16);
            f.t.put(ctx.rootPpn(), a, 0, f.t.mpteLeafUniform(0b011));
            f.cache.check(ctx, a, Access.R);
        }
        f.cache.minval(Invalidation.all());
        assertTrue(f.cache.snapshot().validCount() > 0);
        f.cache.reset();
        CacheSnapshot after = f.cache.snapshot();
        assertEquals(0, after.validCount(), after.toString());
        assertTrue(Arrays.stream(after.leafPlru()).allMatch(b -> b == 0));
        assertEquals(0, after.superpagePlru());
        assertEquals(0, after.walkPlru());
        assertEquals(0, after.epoch());
        assertTrue(after.queued().isEmpty());
        assertTrue(f.cache.check(ctx, 0x1_0000_0000L, Access.R).kind() == CheckOutcome.Kind.MISS);
    }

    private static CacheEvent lastLeafFill(CheckOutcome o) {
        CacheEvent last = null;
        for (CacheEvent e : o.events()) {
            if (e.kind() == Kind.FILL && e.array() != ArrayId.WALK) {
                last = e;
            }
        }
        if (last == null) {
            throw new AssertionError("no leaf fill in " + o);
        }
        return last;
    }
}
