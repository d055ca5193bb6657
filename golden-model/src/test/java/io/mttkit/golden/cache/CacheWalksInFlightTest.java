package io.mttkit.golden.cache;

import io.mttkit.golden.Access;
import io.mttkit.golden.MttMode;
import io.mttkit.golden.cache.CacheEvent.ArrayId;
import io.mttkit.golden.cache.CacheEvent.Kind;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The golden cache model with several walks in flight (docs/nonblocking.md): MSHR allocation, conflicts (WAIT),
 * replays and the race rules R1, R2, R5–R8 per walk. Smmpt43: a walk from the root reads the L2, L1 and L0 entries.
 */
class CacheWalksInFlightTest {
    /** Two PAs in one 64 KiB leaf, and one in another leaf of the same 32 MiB level-0 table, and one far away. */
    private static final long A = 0x1_0000_0000L;
    private static final long A2 = A + 0x3000;
    private static final long B = A + 0x10_0000;
    private static final long FAR = 0x4_0000_0000L;

    private static CacheFixture fixture(int walks) {
        CacheFixture f = new CacheFixture(MttMode.SMMPT43);
        f.cache.setWalksInFlight(walks);
        return f;
    }

    private static CheckContext mapped(CacheFixture f, int sdid, long... pas) {
        CheckContext ctx = f.ctx(sdid, f.newRoot());
        for (long pa : pas) {
            f.t.put(ctx.rootPpn(), pa, 0, f.t.mpteLeafUniform(0b111));
        }
        return ctx;
    }

    /** Answers every read of walk {@code id}. */
    private static void answerAll(CacheFixture f, int id) {
        int reads = f.cache.walk(id).result().readCount();
        for (int i = 0; i < reads; i++) {
            f.cache.readAnswered(id);
        }
    }

    private static boolean fills(CheckOutcome o) {
        return o.events().stream().anyMatch(e -> e.kind() == Kind.FILL);
    }

    @Test
    void missesToDistinctRegionsTakeTheLowestFreeMshrsAndWalkAtOnce() {
        CacheFixture f = fixture(4);
        CheckContext ctx = mapped(f, 0, A, FAR);
        Probe p0 = f.cache.probeInFlight(ctx, A, Access.R);
        Probe p1 = f.cache.probeInFlight(ctx, FAR, Access.R);
        assertEquals(Probe.Kind.WALK, p0.kind());
        assertEquals(0, p0.walkId());
        assertEquals(Probe.Kind.WALK, p1.kind(), "FAR differs from A above the root entry's cover: no conflict");
        assertEquals(1, p1.walkId());
        assertEquals(Kind.MISS, p1.events().get(0).kind());
        assertTrue(fills(f.cache.fill(1, false)), "walks end in any order");
        Probe p2 = f.cache.probeInFlight(ctx, B, Access.R);
        assertEquals(Probe.Kind.WAIT, p2.kind(), "B shares walk 0's root entry, which walk 0 has not read yet");
        assertEquals(1, p2.walkId(), "MSHR 1 is the lowest FREE one again");
        assertEquals(0, p2.waitOn());
        assertEquals(List.of(Kind.MISS), p2.events().stream().map(CacheEvent::kind).toList(),
                "a waiting miss reports MISS and probes no walk cache");
    }

    @Test
    void aMissConflictsOnlyWhileTheWalkReadsAnEntryCoveringItsPa() {
        CacheFixture f = fixture(4);
        CheckContext ctx = mapped(f, 0, A, B);
        assertEquals(0, f.cache.probeInFlight(ctx, A, Access.R).walkId());
        assertEquals(0, f.cache.conflictingWalk(ctx, B), "root entry covers 2^34: B shares it");
        assertEquals(-1, f.cache.conflictingWalk(ctx.withSdid(1), A), "another SDID never conflicts");
        assertEquals(0, f.cache.conflictingWalk(ctx.withRootPpn(f.newRoot()), A),
                "the root PPN is no part of the cache context (cache-model.md §2)");
        f.cache.readAnswered(0); // L2 entry answered: walk 0 now reads the L1 entry (2^25)
        assertEquals(0, f.cache.conflictingWalk(ctx, B));
        assertEquals(-1, f.cache.conflictingWalk(ctx, FAR));
        f.cache.readAnswered(0); // L1 answered: walk 0 reads its leaf entry (2^16)
        assertEquals(-1, f.cache.conflictingWalk(ctx, B), "B's leaf is another L0 entry");
        assertEquals(0, f.cache.conflictingWalk(ctx, A2), "A2 lies in the leaf walk 0 is reading");
        f.cache.readAnswered(0); // the leaf answered: still being read until the fill
        assertEquals(0, f.cache.conflictingWalk(ctx, A2), "the walk ends at its fill, not at its last response");
        f.cache.fill(0, false);
        assertEquals(-1, f.cache.conflictingWalk(ctx, A2));
    }

    @Test
    void theLowestConflictingWalkIsWaitedOn() {
        CacheFixture f = fixture(4);
        CheckContext ctx = mapped(f, 0, A, B);
        f.cache.probeInFlight(ctx, A, Access.R);
        f.cache.readAnswered(0);
        f.cache.readAnswered(0); // walk 0 reads A's leaf entry
        Probe b = f.cache.probeInFlight(ctx, B, Access.R); // walks: another leaf
        assertEquals(Probe.Kind.WALK, b.kind());
        // walk 1 still reads the root entry, which covers A2 as well; walk 0 reads A2's leaf: both conflict
        Probe a2 = f.cache.probeInFlight(ctx, A2, Access.R);
        assertEquals(Probe.Kind.WAIT, a2.kind());
        assertEquals(0, a2.waitOn());
    }

    @Test
    void aReplayIsReleasedByTheWalkPassingTheEntryAndIsANewLookup() {
        // R8
        CacheFixture f = fixture(2);
        CheckContext ctx = mapped(f, 0, A);
        f.cache.probeInFlight(ctx, A, Access.R);
        Probe w = f.cache.probeInFlight(ctx, A2, Access.W);
        assertEquals(Probe.Kind.WAIT, w.kind());
        assertThrows(IllegalStateException.class, () -> f.cache.replay(1), "walk 0 is still on the entry");
        assertEquals(List.of(1), f.cache.readAnswered(0), "walk 0 went a level deeper: MSHR 1 may replay");
        Probe again = f.cache.replay(1);
        assertEquals(Probe.Kind.WAIT, again.kind(), "same leaf: it conflicts again, one level deeper");
        f.cache.readAnswered(0);
        assertEquals(List.of(), f.cache.readAnswered(0), "the leaf answered, the walk has not ended: no release");
        assertTrue(fills(f.cache.fill(0, false)));
        Probe hit = f.cache.replay(1);
        assertEquals(Probe.Kind.ANSWERED, hit.kind());
        assertTrue(hit.outcome().hit(), "the replay hits the leaf walk 0 filled: " + hit);
        assertEquals(Kind.HIT, hit.events().get(0).kind());
        assertEquals("FREE", f.cache.mshrState(1));
    }

    @Test
    void aReplaySeesAnInvalidationAppliedAfterTheWalkItWaitedOnFilled() {
        // R8: never an answer merged from the walk it waited on
        CacheFixture f = fixture(2);
        CheckContext ctx = mapped(f, 0, A);
        f.cache.probeInFlight(ctx, A, Access.R);
        f.cache.probeInFlight(ctx, A2, Access.R);
        answerAll(f, 0);
        assertTrue(fills(f.cache.fill(0, false)));
        f.cache.invalidateNow(Invalidation.ofPa(A)); // software revoked A's leaf and fenced
        f.t.put(ctx.rootPpn(), A, 0, f.t.mpteLeafUniform(0b000));
        Probe p = f.cache.replay(1);
        assertEquals(Probe.Kind.WALK, p.kind(), "the leaf is gone: the replay walks");
        assertEquals(1, p.walkId(), "in its own MSHR");
        assertFalse(f.cache.stale(1), "its walk started after the invalidation");
        answerAll(f, 1);
        CheckOutcome o = f.cache.fill(1, false);
        assertFalse(o.allow(), "the replay's verdict is the revoked one: " + o);
    }

    @Test
    void anAppliedInvalidationStalesEveryWalkInWalkOrWait() {
        // R1 per MSHR; the stale waiting miss replays as a new lookup (R8) and its own walk fills
        CacheFixture f = fixture(4);
        CheckContext ctx = mapped(f, 0, A, FAR);
        f.cache.probeInFlight(ctx, A, Access.R);
        f.cache.probeInFlight(ctx, FAR, Access.R);
        f.cache.probeInFlight(ctx, A2, Access.R); // WAIT(0) in MSHR 2
        assertFalse(f.cache.stale(0));
        assertFalse(f.cache.stale(2));
        f.cache.invalidateNow(Invalidation.ofPa(0x7_0000_0000L)); // clears nothing, still an applied invalidation
        assertTrue(f.cache.stale(0));
        assertTrue(f.cache.stale(1));
        assertTrue(f.cache.stale(2), "a waiting miss is stale too");
        answerAll(f, 0);
        CheckOutcome o0 = f.cache.fill(0, false);
        assertTrue(o0.stale());
        assertTrue(o0.events().isEmpty(), "a stale walk fills nothing");
        Probe p = f.cache.replay(2);
        assertEquals(Probe.Kind.WALK, p.kind(), "walk 0 filled nothing: the replay walks from the root");
        assertEquals(2, p.walk().startLevel());
        assertFalse(f.cache.stale(2), "the replay saw the invalidation (R8)");
        answerAll(f, 2);
        assertTrue(fills(f.cache.fill(2, false)));
        assertTrue(f.cache.fill(1, false).stale());
    }

    @Test
    void anInvalidationInAWalksStartCycleMakesItStale() {
        CacheFixture f = fixture(2);
        CheckContext ctx = mapped(f, 0, A);
        f.cache.probeInFlight(ctx, A, Access.R);
        f.cache.invalidateNow(Invalidation.all()); // applied after the lookup in the same cycle
        assertTrue(f.cache.stale(0));
    }

    @Test
    void theFillOfTheCycleOfAnInvalidationIsSuppressedButNotStale() {
        // R2
        CacheFixture f = fixture(2);
        CheckContext ctx = mapped(f, 0, A, FAR);
        f.cache.probeInFlight(ctx, A, Access.R);
        f.cache.probeInFlight(ctx, FAR, Access.R);
        answerAll(f, 0);
        answerAll(f, 1);
        CheckOutcome o = f.cache.fill(0, true);
        f.cache.invalidateNow(Invalidation.ofPa(0x7_0000_0000L));
        assertFalse(o.stale());
        assertTrue(o.cacheable());
        assertTrue(o.events().isEmpty(), "R2: the invalidation wins");
        assertTrue(f.cache.fill(1, false).stale(), "walk 1 was in flight when it was applied");
        assertEquals(0, f.cache.snapshot().validCount());
    }

    @Test
    void stalenessIsJudgedAtTheFillCycle() {
        // R6: an invalidation after the walk's last response but before its fill
        CacheFixture f = fixture(2);
        CheckContext ctx = mapped(f, 0, A);
        f.cache.probeInFlight(ctx, A, Access.R);
        answerAll(f, 0);
        f.cache.invalidateNow(Invalidation.ofSdid(3));
        CheckOutcome o = f.cache.fill(0, false);
        assertTrue(o.stale());
        assertTrue(o.events().isEmpty());
    }

    @Test
    void twoWalksFillingTheSamePointerOverwriteInPlace() {
        // R5: A and B share the level-0 table; walk 1 starts after walk 0 went past the shared entries
        CacheFixture f = fixture(2);
        CheckContext ctx = mapped(f, 0, A, B);
        f.cache.probeInFlight(ctx, A, Access.R);
        f.cache.readAnswered(0);
        f.cache.readAnswered(0);
        Probe b = f.cache.probeInFlight(ctx, B, Access.R);
        assertEquals(Probe.Kind.WALK, b.kind());
        answerAll(f, 0);
        answerAll(f, 1);
        CheckOutcome o0 = f.cache.fill(0, false);
        CheckOutcome o1 = f.cache.fill(1, false);
        CacheEvent w0 = o0.events().stream().filter(e -> e.array() == ArrayId.WALK).findFirst().orElseThrow();
        List<CacheEvent> walk1 = o1.events().stream().filter(e -> e.array() == ArrayId.WALK).toList();
        assertEquals(1, walk1.size(), "no EVICT: " + walk1);
        assertEquals(Kind.FILL, walk1.get(0).kind());
        assertEquals(w0.way(), walk1.get(0).way(), "the same tag is overwritten in place");
        assertEquals(1, f.cache.snapshot().walk().size());
        assertEquals(2, f.cache.snapshot().leaf().size());
    }

    @Test
    void aSyncWaitsForEveryOlderWalkThatIsNeitherDoneNorStale() {
        // R7
        CacheFixture f = fixture(4);
        CheckContext ctx = mapped(f, 0, A, FAR);
        f.cache.probeInFlight(ctx, A, Access.R);
        f.cache.requestSync();
        f.cache.probeInFlight(ctx, FAR, Access.R); // younger than the sync: not waited for
        assertFalse(f.cache.syncMayAck(), "walk 0 is older than the sync and may still fill");
        answerAll(f, 0);
        f.cache.fill(0, false);
        assertTrue(f.cache.syncMayAck(), "walk 1 started after the sync's request rose");
        f.cache.acknowledgeSync();
    }

    @Test
    void aSyncAfterAnAppliedInvalidationNeedNotWaitForStaleWalksOrWaits() {
        // R7 with R1: the invalidation the sync waits for stales every older MSHR, waiting ones included
        CacheFixture f = fixture(4);
        CheckContext ctx = mapped(f, 0, A);
        f.cache.probeInFlight(ctx, A, Access.R);
        f.cache.probeInFlight(ctx, A2, Access.R); // WAIT(0)
        assertTrue(f.cache.minval(Invalidation.ofPa(A)));
        f.cache.requestSync();
        assertFalse(f.cache.syncMayAck(), "the queue is not empty");
        f.cache.applyNextQueued();
        assertTrue(f.cache.syncMayAck(), "walk 0 and the miss waiting on it are stale");
    }

    @Test
    void withOneWalkASyncIsContractV2s() {
        CacheFixture f = fixture(1);
        CheckContext ctx = mapped(f, 0, A);
        f.cache.probeInFlight(ctx, A, Access.R);
        f.cache.requestSync();
        assertTrue(f.cache.syncMayAck(), "W = 1 is today's top: sync_ack = queue empty");
        assertThrows(IllegalStateException.class, () -> f.cache.probeInFlight(ctx, FAR, Access.R),
                "no free MSHR: the request must not be accepted");
    }

    @Test
    void withOneWalkTheMshrApiIsTheOneWalkApi() {
        // random requests, fences and same-step invalidations through both APIs: identical events and answers
        Random rnd = new Random(15);
        CacheFixture a = new CacheFixture(MttMode.SMMPT43, CacheParams.defaults(64).withLeafGeometry(2, 2));
        CacheFixture b = new CacheFixture(MttMode.SMMPT43, CacheParams.defaults(64).withLeafGeometry(2, 2));
        b.cache.setWalksInFlight(1);
        long rootA = a.newRoot();
        long rootB = b.newRoot();
        assertEquals(rootA, rootB);
        List<Long> pas = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            long pa = (long) rnd.nextInt(64) << 25 | (long) rnd.nextInt(4) << 16 | (long) rnd.nextInt(16) << 12;
            pas.add(pa);
            long leaf = a.t.mpteLeafUniform(rnd.nextInt(2) == 0 ? 0b111 : 0b001);
            a.t.put(rootA, pa, 0, leaf);
            b.t.put(rootB, pa, 0, leaf);
        }
        for (int step = 0; step < 2000; step++) {
            CheckContext ca = a.ctx(rnd.nextInt(2), rootA);
            CheckContext cb = b.ctx(ca.sdid(), rootB);
            long pa = pas.get(rnd.nextInt(pas.size()));
            int need = 1 + rnd.nextInt(3);
            var front = a.cache.probe(ca, pa, need);
            Probe p = b.cache.probeInFlight(cb, pa, need);
            if (front.isPresent()) {
                assertEquals(Probe.Kind.ANSWERED, p.kind());
                assertEquals(front.get().events(), p.events());
                continue;
            }
            PendingWalk pw = a.cache.beginMiss(ca, pa, need);
            assertEquals(Probe.Kind.WALK, p.kind());
            assertEquals(pw.events(), p.events());
            answerAll(b, 0);
            boolean inv = rnd.nextInt(8) == 0;
            boolean sameStep = rnd.nextInt(16) == 0;
            Invalidation op = Invalidation.ofPa(pas.get(rnd.nextInt(pas.size())));
            if (inv) {
                a.cache.invalidateNow(op);
                b.cache.invalidateNow(op);
            }
            CheckOutcome oa = a.cache.finishMiss(pw, sameStep);
            CheckOutcome ob = b.cache.fill(0, sameStep);
            if (sameStep) {
                a.cache.invalidateNow(Invalidation.all());
                b.cache.invalidateNow(Invalidation.all());
            }
            assertEquals(oa.events(), ob.events(), "step " + step);
            assertEquals(oa.stale(), ob.stale());
            assertEquals(oa.allow(), ob.allow());
        }
        assertEquals(a.cache.toString(), b.cache.toString());
    }
}
