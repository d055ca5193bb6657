package io.mttkit.golden.cache;

import io.mttkit.golden.Access;
import io.mttkit.golden.MttMode;
import io.mttkit.golden.cache.CacheEvent.Kind;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Race rules R1–R6 of CHECKER-MICROARCH.md §5 through beginMiss/finishMiss. */
class CacheRaceTest {
    private static final long PA = 0x1_0000_0000L;

    private static CacheFixture fixture(FenceDuringWalk policy) {
        return new CacheFixture(MttMode.SMMPT43, CacheParams.defaults(64).withFenceDuringWalk(policy));
    }

    @Test
    void aWalkOverlappedByAnAppliedInvalidationIsStaleAndFillsNothing() {
        // R1, VERIFICATION-PLAN #21, for each fence kind.
        List<Invalidation> kinds = List.of(Invalidation.all(), Invalidation.ofSdid(1), Invalidation.ofPa(PA),
                Invalidation.ofPaAndSdid(PA, 1), Invalidation.ofPa(0x7_0000_0000L));
        for (Invalidation inv : kinds) {
            for (FenceDuringWalk policy : FenceDuringWalk.values()) {
                CacheFixture f = fixture(policy);
                CheckContext ctx = f.ctx(1, f.newRoot());
                f.t.put(ctx.rootPpn(), PA, 0, f.t.mpteLeafUniform(0b111));
                PendingWalk w = f.cache.beginMiss(ctx, PA, Access.R);
                f.cache.mfencePa(inv); // even an unrelated PA counts: the epoch is global
                CheckOutcome o = f.cache.finishMiss(w, false);
                String what = inv + " " + policy;
                assertTrue(o.stale(), what);
                assertFalse(o.cacheable(), "rsp_cacheable is cleared on a stale walk: " + what);
                assertTrue(o.result().allow(), "the verdict itself is the walk's: " + what);
                assertEquals(policy == FenceDuringWalk.RETRY, o.mustRetry(), what);
                assertTrue(o.events().isEmpty(), "no fill at any level: " + what);
                assertEquals(0, f.cache.snapshot().validCount(), what);
            }
        }
    }

    @Test
    void aWalkBegunBetweenMinvalAndSyncDoesNotFill() {
        // VERIFICATION-PLAN #29: the sync applies the queued invalidation while the walk is in flight.
        CacheFixture f = fixture(FenceDuringWalk.RETRY);
        CheckContext ctx = f.ctx(0, f.newRoot());
        f.t.put(ctx.rootPpn(), PA, 0, f.t.mpteLeafUniform(0b111));
        f.cache.sfenceWInval();
        assertTrue(f.cache.minval(Invalidation.ofPa(PA)));
        PendingWalk w = f.cache.beginMiss(ctx, PA, Access.W);
        f.cache.sync();
        CheckOutcome o = f.cache.finishMiss(w, false);
        assertTrue(o.stale());
        assertTrue(o.mustRetry());
        assertTrue(o.events().isEmpty());
        // The replay after the sync walks again and fills.
        CheckOutcome replay = f.cache.check(ctx, PA, Access.W);
        assertFalse(replay.stale());
        assertTrue(replay.events().stream().anyMatch(e -> e.kind() == Kind.FILL));
    }

    @Test
    void anEarlyAppliedMinvalMakesOnlyWalksInFlightStale() {
        CacheFixture f = fixture(FenceDuringWalk.RETRY);
        CheckContext ctx = f.ctx(0, f.newRoot());
        f.t.put(ctx.rootPpn(), PA, 0, f.t.mpteLeafUniform(0b111));
        f.cache.minval(Invalidation.ofPa(PA));
        PendingWalk before = f.cache.beginMiss(ctx, PA, Access.R);
        f.cache.applyNextQueued(); // the RTL applied it before the sync
        PendingWalk after = f.cache.beginMiss(ctx, PA, Access.R);
        assertTrue(f.cache.finishMiss(before, false).stale());
        CheckOutcome o = f.cache.finishMiss(after, false);
        assertFalse(o.stale(), "a walk that started after the invalidation was applied read current memory");
        assertEquals(2, o.events().size());
    }

    @Test
    void theOldValueAWalkReadNeverEntersTheCacheAfterTheFence() {
        // The race R1 exists for: the walk read the old leaf, software revokes and fences, the walk finishes.
        CacheFixture f = fixture(FenceDuringWalk.DELIVER_NO_FILL);
        CheckContext ctx = f.ctx(0, f.newRoot());
        f.t.put(ctx.rootPpn(), PA, 0, f.t.mpteLeafUniform(0b111));
        PendingWalk w = f.cache.beginMiss(ctx, PA, Access.W);
        f.t.put(ctx.rootPpn(), PA, 0, f.t.mpteLeafUniform(0b001));
        f.cache.mfencePa(Invalidation.ofPa(PA));
        CheckOutcome old = f.cache.finishMiss(w, false);
        assertTrue(old.allow(), "delivered: the walk read memory before the store");
        assertTrue(old.stale());
        assertFalse(old.mustRetry());
        CheckOutcome next = f.cache.check(ctx, PA, Access.W);
        assertFalse(next.hit());
        assertFalse(next.allow(), "after the fence the revocation is seen: " + next);
    }

    @Test
    void anInvalidationInTheFillStepWins() {
        // R2, VERIFICATION-PLAN #22: not stale (the walk's reads precede it) but nothing is filled.
        CacheFixture f = fixture(FenceDuringWalk.RETRY);
        CheckContext ctx = f.ctx(0, f.newRoot());
        f.t.put(ctx.rootPpn(), PA, 0, f.t.mpteLeafUniform(0b111));
        PendingWalk w = f.cache.beginMiss(ctx, PA, Access.R);
        CheckOutcome o = f.cache.finishMiss(w, true);
        f.cache.invalidateNow(Invalidation.ofPa(0x5_0000_0000L));
        assertFalse(o.stale());
        assertTrue(o.cacheable());
        assertTrue(o.events().isEmpty());
        assertEquals(0, f.cache.snapshot().validCount());
    }

    @Test
    void aContextChangeMidWalkDoesNotChangeThatWalk() {
        // R4: the walk fills with the tags of the context it started with.
        CacheFixture f = fixture(FenceDuringWalk.RETRY);
        CheckContext d1 = f.ctx(1, f.newRoot());
        CheckContext d2 = f.ctx(2, f.newRoot());
        f.t.put(d1.rootPpn(), PA, 0, f.t.mpteLeafUniform(0b111));
        f.t.put(d2.rootPpn(), PA, 0, f.t.mpteLeafUniform(0b000));
        PendingWalk w = f.cache.beginMiss(d1, PA, Access.R);
        // The hart switches to domain 2 (a CSR write, no fence); domain 2 misses and walks its own table.
        Optional<CheckOutcome> probe = f.cache.probe(d2, PA, Access.R);
        assertTrue(probe.isEmpty());
        CheckOutcome o = f.cache.finishMiss(w, false);
        assertTrue(o.allow());
        assertTrue(o.events().stream().allMatch(e -> e.sdid() == 1), o.events().toString());
        assertTrue(f.cache.probe(d1, PA, Access.R).orElseThrow().hit());
        assertTrue(f.cache.probe(d2, PA, Access.R).isEmpty(), "domain 2 never hits domain 1's fill");
    }

    @Test
    void resetAbandonsWalksInFlight() {
        CacheFixture f = fixture(FenceDuringWalk.RETRY);
        CheckContext ctx = f.ctx(0, f.newRoot());
        f.t.put(ctx.rootPpn(), PA, 0, f.t.mpteLeafUniform(0b111));
        PendingWalk w = f.cache.beginMiss(ctx, PA, Access.R);
        f.cache.reset();
        assertThrows(IllegalStateException.class, () -> f.cache.finishMiss(w, false));
    }
}
