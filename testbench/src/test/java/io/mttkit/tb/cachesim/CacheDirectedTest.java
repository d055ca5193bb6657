package io.mttkit.tb.cachesim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mttkit.gen.cache.MttCacheParams;
import io.mttkit.golden.Access;
import io.mttkit.golden.LookupConfig;
import io.mttkit.golden.LookupResult;
import io.mttkit.golden.MttMode;
import io.mttkit.golden.RsvdTupleScope;
import io.mttkit.golden.cache.CacheEvent;
import io.mttkit.golden.cache.CacheEvent.ArrayId;
import io.mttkit.golden.cache.CacheEvent.Kind;
import io.mttkit.golden.cache.CheckContext;
import io.mttkit.golden.cache.CheckOutcome;
import io.mttkit.golden.cache.Invalidation;
import io.mttkit.golden.tables.BuildOptions;
import io.mttkit.golden.tables.Region;
import io.mttkit.golden.tables.SmmptEntries;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Directed co-simulations for VERIFICATION-PLAN §4 #22, #24, #25, #26, #28, #29, #30, #31, #37, #38 as far as the
 * cache alone shows them, and the reserved-tuple rule of cache-model.md §6.2. Every cycle is compared with the
 * model by {@link CacheCosim}; the assertions here state what the spec (cache-model.md) requires of the
 * scenario, independently of both implementations.
 *
 * <p>Tables (Smmpt43): region A = [1 MiB, 2 MiB) RW (level-0 64 KiB TUPLES leaves), B = [64 MiB, 96 MiB) R (a
 * level-1 leaf), C = [32 MiB, 34 MiB) RX (a level-0 NAPOT leaf), for SDID 1 and SDID 2; SDID 1 again under
 * another root, and SDID 1 in Smmpt52. Cache: 2 sets × 4 ways, 4 superpage and 2 walk-cache entries.
 */
class CacheDirectedTest {
    private static final MttCacheParams PARAMS = MttCacheParams.of(64, 56, 2, 4, 4, 2, 2, 2, true, false);
    private static final long A = 0x10_0000L;
    private static final long B = 0x400_0000L;
    private static final long C = 0x200_0000L;
    private static final int R = Access.R;

    private CacheWorld world;
    private CheckContext sd1;
    private CheckContext sd2;
    private CheckContext sd1OtherRoot;
    private CheckContext sd1Smmpt52;
    private CacheCosim cs;

    @BeforeEach
    void setUp() {
        world = new CacheWorld(new Random(1), new int[0], List.of());
        List<Region> regions = List.of(new Region(A, 1 << 20, Access.R | Access.W), new Region(B, 32 << 20, Access.R),
                new Region(C, 2 << 20, Access.R | Access.X));
        sd1 = world.add(1, MttMode.SMMPT43, regions, BuildOptions.DEFAULT).ctx();
        sd2 = world.add(2, MttMode.SMMPT43, regions, BuildOptions.DEFAULT).ctx();
        sd1OtherRoot = world.add(1, MttMode.SMMPT43, regions, BuildOptions.DEFAULT).ctx();
        sd1Smmpt52 = world.add(1, MttMode.SMMPT52, regions, BuildOptions.DEFAULT).ctx();
        cs = new CacheCosim(PARAMS, world.memory, LookupConfig.DEFAULT, "directed");
    }

    @AfterEach
    void tearDown() {
        cs.close();
    }

    private CheckOutcome check(CheckContext ctx, long pa) {
        return cs.check(ctx, pa, R, 0);
    }

    private static boolean has(CheckOutcome o, Kind k, ArrayId a) {
        return o.events().stream().anyMatch(e -> e.kind() == k && e.array() == a);
    }

    private boolean busyEnqueue(Invalidation inv) {
        CacheCosim.Cycle c = new CacheCosim.Cycle();
        c.enqueue = inv;
        c.ctx = sd1;
        c.pa = A;
        c.need = R;
        c.walkReady = false;
        return cs.run(c).enqueued;
    }

    /** #38: after reset nothing is valid: the first lookups miss and a global fence clears nothing. */
    @Test
    void afterResetNoEntryIsValid() {
        cs.mfence(Invalidation.all());
        assertEquals(0, cs.seen(Kind.INVALIDATE, ArrayId.LEAF) + cs.seen(Kind.INVALIDATE, ArrayId.SUPERPAGE)
                + cs.seen(Kind.INVALIDATE, ArrayId.WALK));
        for (long pa : new long[] {A, B, C}) {
            CheckOutcome o = check(sd1, pa);
            assertEquals(CheckOutcome.Kind.MISS, o.kind());
        }
        assertEquals(3, cs.seen(Kind.MISS, ArrayId.LEAF));
    }

    /** #37: two requests to the same 64 KiB range back to back: one walk, one fill, the second hits. */
    @Test
    void backToBackRequestsToOneLeafFillOnce() {
        CacheCosim.Cycle first = new CacheCosim.Cycle();
        first.ctx = sd1;
        first.pa = A + 0x3000;
        first.need = R;
        CacheCosim.Result r1 = cs.run(first);
        // The second arrives while the walk is in flight: it misses and cannot start a walk (walk_ready = 0).
        CacheCosim.Cycle second = new CacheCosim.Cycle();
        second.ctx = sd1;
        second.pa = A + 0x7000;
        second.need = R;
        second.walkReady = false;
        CacheCosim.Result r2 = cs.run(second);
        assertTrue(r2.probe.isEmpty() && r2.started == null);
        cs.fill(r1.started);
        assertEquals(CheckOutcome.Kind.HIT, check(sd1, A + 0x7000).kind());
        assertEquals(1, cs.seen(Kind.FILL, ArrayId.LEAF));
    }

    /** #30: invalid ways are taken first (0..3), a hit updates the PLRU, the next victim follows it (§5 example). */
    @Test
    void fullSetUsesThePlruVictim() {
        // Leaves 0x100000, 0x120000, 0x140000, 0x160000, 0x180000 all index set 0 (PA bit 16 = 0).
        for (int k = 0; k < 4; k++) {
            int way = k;
            CheckOutcome o = check(sd1, A + 0x20000L * k);
            assertTrue(o.events().stream().anyMatch(e -> e.kind() == Kind.FILL && e.array() == ArrayId.LEAF
                    && e.set() == 0 && e.way() == way), "fill " + k + " takes invalid way " + k + ": " + o.events());
        }
        assertEquals(0, cs.seen(Kind.EVICT, ArrayId.LEAF));
        CheckOutcome hit = check(sd1, A);
        assertEquals(CheckOutcome.Kind.HIT, hit.kind());
        CheckOutcome fifth = check(sd1, A + 0x80000);
        // The worked example of cache-model.md §5: fills of ways 0..3, a hit of way 0 -> the victim is way 2.
        CacheEvent evict = fifth.events().stream().filter(e -> e.kind() == Kind.EVICT && e.array() == ArrayId.LEAF)
                .findFirst().orElseThrow();
        assertEquals(0, evict.set());
        assertEquals(2, evict.way());
    }

    /** #24: a PA fence strictly inside a cached leaf drops it; just below or just above keeps it. */
    @Test
    void paFenceInsideDropsBelowAndAboveKeep() {
        for (long pa : new long[] {A + 0x25000, B + 0x1234000L, C + 0x1000}) {
            CheckOutcome miss = check(sd1, pa);
            LookupResult leaf = miss.result();
            assertTrue(leaf.cacheable(), "region PA is mapped");
            long base = leaf.leafBase();
            long size = 1L << leaf.leafLog2();
            cs.mfence(Invalidation.ofPa(base - 0x1000));
            cs.mfence(Invalidation.ofPa(base + size));
            assertEquals(CheckOutcome.Kind.HIT, check(sd1, pa).kind(), "fences below/above keep 0x" + Long.toHexString(pa));
            cs.mfence(Invalidation.ofPa(base + size / 2 + 0x1000));
            assertEquals(CheckOutcome.Kind.MISS, check(sd1, pa).kind(), "a fence inside drops 0x" + Long.toHexString(pa));
        }
    }

    /** #25: a fence for another SDID keeps this SDID's entries; rs2 bits at and above sdidLen are ignored. */
    @Test
    void fenceOfAnotherSdidKeepsEntries() {
        check(sd1, A);
        check(sd1, B);
        cs.mfence(Invalidation.ofSdid(2));
        assertEquals(CheckOutcome.Kind.HIT, check(sd1, A).kind());
        assertEquals(CheckOutcome.Kind.HIT, check(sd1, B).kind());
        cs.mfence(Invalidation.ofSdid(1 | (1L << PARAMS.sdidLen()) | (1L << 20)));
        assertEquals(CheckOutcome.Kind.MISS, check(sd1, A).kind());
        assertEquals(CheckOutcome.Kind.MISS, check(sd1, B).kind());
    }

    /** #26: another SDID or mode never hits; a root change on the same SDID and mode keeps hitting (needs a fence). */
    @Test
    void sdidAndModeAreTagsTheRootIsNot() {
        check(sd1, A);
        assertEquals(CheckOutcome.Kind.MISS, check(sd2, A).kind());
        assertEquals(CheckOutcome.Kind.MISS, check(sd1Smmpt52, A + 0x20000).kind());
        assertEquals(CheckOutcome.Kind.HIT, check(sd1OtherRoot, A).kind());
    }

    /** #28: MINVAL.PA batches of 0, 1, depth and depth+1 before the sync; no stale hit after it. */
    @Test
    void minvalBatchesThenSync() {
        int depth = PARAMS.minvalQueueDepth();
        for (int n : new int[] {0, 1, depth, depth + 1}) {
            for (int i = 0; i < n; i++) {
                check(sd1, A + 0x20000L * i);
            }
            int refusedBefore = cs.refusedEnqueues;
            for (int i = 0; i < n; i++) {
                // Offered while the cache is busy, so the operands stay queued until full or the sync.
                while (!busyEnqueue(Invalidation.ofPa(A + 0x20000L * i + 0x800))) {
                    assertTrue(i >= depth, "refused with " + i + " queued");
                }
            }
            assertEquals(n > depth, cs.refusedEnqueues > refusedBefore, "backpressure only beyond the depth");
            cs.sync();
            assertEquals(0, cs.model.queuedCount());
            for (int i = 0; i < n; i++) {
                assertEquals(CheckOutcome.Kind.MISS, check(sd1, A + 0x20000L * i).kind(), "batch " + n + " PA " + i);
            }
        }
    }

    /** #28 (backpressure): with the cache busy, depth+1 offers in a row meet a full queue. */
    @Test
    void fullQueueRefusesUntilAnEntryDrains() {
        int depth = PARAMS.minvalQueueDepth();
        for (int i = 0; i < depth; i++) {
            busyEnqueue(Invalidation.ofSdid(3));
        }
        int refused = cs.refusedEnqueues;
        busyEnqueue(Invalidation.ofSdid(3));
        assertEquals(refused + 1, cs.refusedEnqueues);
        cs.sync();
    }

    /** #29: a walk that starts between a MINVAL.PA and its sync is stale once the sync applies it: no fill. */
    @Test
    void walkStartedBeforeTheSyncDoesNotFill() {
        busyEnqueue(Invalidation.ofSdid(2));
        CacheCosim.Cycle c = new CacheCosim.Cycle();
        c.ctx = sd1;
        c.pa = B;
        c.need = R;
        CacheCosim.Result started = cs.run(c);
        assertTrue(started.started != null);
        cs.sync();
        CheckOutcome done = cs.fill(started.started);
        assertTrue(done.stale());
        assertFalse(has(done, Kind.FILL, ArrayId.SUPERPAGE) || has(done, Kind.FILL, ArrayId.WALK));
        assertEquals(CheckOutcome.Kind.MISS, check(sd1, B).kind());
    }

    /** #22: an invalidation applied in the fill cycle wins: nothing is filled and the response is not stale. */
    @Test
    void invalidationInTheFillCycleWins() {
        for (long pa : new long[] {A + 0x40000, B, C}) {
            CacheCosim.Cycle c = new CacheCosim.Cycle();
            c.ctx = sd1;
            c.pa = pa;
            c.need = R;
            CacheCosim.Result started = cs.run(c);
            busyEnqueue(Invalidation.ofSdid(3));
            CacheCosim.Cycle f = new CacheCosim.Cycle();
            f.fill = started.started;
            f.sync = true;                  // the sync makes the cache apply the queued operand in this cycle
            CacheCosim.Result done = cs.run(f);
            assertTrue(done.applied, "the invalidation is applied in the fill cycle");
            assertFalse(done.filled.stale());
            assertTrue(done.filled.events().stream().noneMatch(e -> e.kind() == Kind.FILL));
            assertEquals(CheckOutcome.Kind.MISS, check(sd1, pa).kind());
        }
    }

    /** #31: an upper leaf rewritten without a fence overlaps a cached 64 KiB leaf: the leaf array answers. */
    @Test
    void overlappingLeafAndSuperpageGiveOneAnswer() {
        // Caches a 64 KiB TUPLES leaf (RW); the walk from the root reads the root, A's level-1 pointer, the leaf.
        LookupResult viaA = check(sd1, A + 0x20000).result();
        LookupResult viaB = check(sd1, B).result();        // root, then B's level-1 leaf
        long pointerEntryOfA = viaA.readAddr(1);
        long leafEntryOfB = viaB.readAddr(viaB.readCount() - 1);
        // Software error: A's level-1 pointer becomes a copy of B's level-1 leaf (R over 32 MiB), no fence for
        // A's leaf; a PA fence outside that leaf only drops the walk-cache entries covering the 32 MiB.
        world.memory.write(pointerEntryOfA, 8, world.memory.read(leafEntryOfB, 8, false), false);
        cs.mfence(Invalidation.ofPa(A + 0x90000));
        CheckOutcome sp = check(sd1, A + 0x90000);
        assertTrue(has(sp, Kind.FILL, ArrayId.SUPERPAGE), "the rewritten upper leaf is cached");
        CheckOutcome both = cs.check(sd1, A + 0x20000, Access.W, 0);
        assertEquals(CheckOutcome.Kind.HIT, both.kind());
        assertEquals(ArrayId.LEAF, both.events().get(0).array(), "the leaf array wins");
        assertTrue(both.allow(), "the answer is the 64 KiB leaf's (RW), not the superpage's (R)");
        assertEquals(ArrayId.SUPERPAGE, check(sd1, A + 0xA0000).events().get(0).array());
    }

    /**
     * §6.2: a TUPLES leaf holding a reserved XWR (010) is well-formed under {@code rsvdTupleScope = SELECTED} for
     * its legal tuples, but it is never put in the leaf array: every access stays a walk.
     */
    @Test
    void leafWithReservedTupleIsNeverCached() {
        cs.close();
        cs = new CacheCosim(PARAMS, world.memory, LookupConfig.DEFAULT.withRsvdTupleScope(RsvdTupleScope.SELECTED),
                "directed-selected");
        long pa = A + 0x20000;
        LookupResult first = check(sd1, pa).result();
        long leafEntry = first.readAddr(first.readCount() - 1);
        int[] xwr = new int[SmmptEntries.tupleCount(64)];
        long none = SmmptEntries.leaf(64, xwr);
        xwr[0] = Access.R;
        int tupleShift = Long.numberOfTrailingZeros(none ^ SmmptEntries.leaf(64, xwr));   // tuple 0's XWR field
        java.util.Arrays.fill(xwr, Access.R | Access.W);
        long legal = SmmptEntries.leaf(64, xwr);
        long withReserved = (legal & ~(7L << (tupleShift + 3 * 5))) | (0b010L << (tupleShift + 3 * 5));
        world.memory.write(leafEntry, 8, withReserved, false);
        cs.mfence(Invalidation.ofPa(pa));
        int leafFills = cs.seen(Kind.FILL, ArrayId.LEAF);
        CheckOutcome legalTuple = check(sd1, pa);
        assertTrue(legalTuple.allow() && legalTuple.cacheable(), "tuple 0 is legal RW: " + legalTuple);
        assertEquals(CheckOutcome.Kind.MISS, check(sd1, pa).kind(), "not cached, walked again");
        assertFalse(check(sd1, A + 0x25000).allow(), "the reserved tuple faults");
        assertEquals(leafFills, cs.seen(Kind.FILL, ArrayId.LEAF));
    }
}
