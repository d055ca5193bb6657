package io.mttkit.golden.cache;

import io.mttkit.golden.Access;
import io.mttkit.golden.LookupResult;
import io.mttkit.golden.MttMode;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Random interleavings of the MSHR API (new requests, memory responses in any order across walks, replays, fills,
 * invalidations, syncs) on fixed tables, W = 4: every answer equals a fresh lookup's, and no two walks ever read one
 * MPTE at the same time (docs/nonblocking.md "No duplicate walks of one leaf"). Reproducible from the seed.
 */
class CacheWalksInFlightRandomTest {
    /** Smmpt43: what one entry at level 0, 1, 2 decides. */
    private static final int[] ENTRY_LOG2 = {16, 25, 34};

    @Test
    void randomInterleavingsAnswerAsAFreshLookupAndNeverReadAnEntryTwiceAtOnce() {
        for (long seed = 1; seed <= 2; seed++) {
            run(seed);
        }
    }

    private static void run(long seed) {
        Random rnd = new Random(seed);
        CacheFixture f = new CacheFixture(MttMode.SMMPT43, CacheParams.defaults(64).withLeafGeometry(2, 2)
                .withSuperpageEntries(2).withWalkCacheEntries(2));
        f.cache.setWalksInFlight(4);
        long root = f.newRoot();
        // a few 64 KiB leaves clustered so that walks share root, L1 and L0 entries
        List<Long> pas = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            long pa = (long) rnd.nextInt(2) << 34 | (long) rnd.nextInt(2) << 25 | (long) rnd.nextInt(3) << 16;
            pas.add(pa);
            f.t.put(root, pa, 0, f.t.mpteLeafUniform(rnd.nextBoolean() ? 0b111 : 0b011));
        }
        int waits = 0;
        int replays = 0;
        int answered = 0;
        int[] responses = new int[4]; // per MSHR: memory responses its walk received
        CheckContext[] ctxOf = new CheckContext[4]; // per MSHR: its request
        long[] paOf = new long[4];
        int[] needOf = new int[4];
        for (int step = 0; step < 4000; step++) {
            String where = "seed " + seed + " step " + step;
            int k = rnd.nextInt(10);
            if (k < 3 && f.cache.busyMshrs() < 4) {
                CheckContext ctx = f.ctx(rnd.nextInt(2), root);
                long pa = pas.get(rnd.nextInt(pas.size())) | (long) rnd.nextInt(16) << 12;
                int need = 1 + rnd.nextInt(3);
                Probe p = f.cache.probeInFlight(ctx, pa, need);
                if (p.kind() == Probe.Kind.ANSWERED) {
                    assertAnswer(f, ctx, pa, need, p.outcome().result(), where);
                    answered++;
                } else {
                    responses[p.walkId()] = 0;
                    ctxOf[p.walkId()] = ctx;
                    paOf[p.walkId()] = pa;
                    needOf[p.walkId()] = need;
                    waits += p.kind() == Probe.Kind.WAIT ? 1 : 0;
                }
            } else if (k < 6) {
                int i = rnd.nextInt(4);
                if (f.cache.mshrState(i).equals("WALK")) {
                    PendingWalk w = f.cache.walk(i);
                    if (responses[i] == w.result().readCount()) {
                        CheckOutcome o = f.cache.fill(i, rnd.nextInt(20) == 0);
                        assertAnswer(f, w.context(), w.pa(), w.need(), o.result(), where);
                        answered++;
                    } else {
                        f.cache.readAnswered(i);
                        responses[i]++;
                    }
                }
            } else if (k < 8) {
                int i = rnd.nextInt(4);
                if (f.cache.replayReady(i)) {
                    Probe p = f.cache.replay(i);
                    if (p.kind() == Probe.Kind.ANSWERED) {
                        assertAnswer(f, ctxOf[i], paOf[i], needOf[i], p.outcome().result(), where);
                        answered++;
                    }
                    responses[i] = 0;
                    replays++;
                }
            } else if (k == 8) {
                f.cache.invalidateNow(rnd.nextBoolean() ? Invalidation.all()
                        : Invalidation.ofPa(pas.get(rnd.nextInt(pas.size()))));
            } else {
                f.cache.requestSync();
                if (f.cache.syncMayAck()) {
                    f.cache.acknowledgeSync();
                }
            }
            assertNoEntryReadTwice(f, where);
        }
        assertTrue(waits > 30 && replays > 30 && answered > 200,
                "seed " + seed + ": waits " + waits + ", replays " + replays + ", answered " + answered);
    }


    private static void assertAnswer(CacheFixture f, CheckContext ctx, long pa, int need, LookupResult got,
                                     String where) {
        LookupResult fresh = f.fresh(ctx, pa, need);
        assertEquals(fresh.allow(), got.allow(), where);
        assertEquals(fresh.xwr(), got.xwr(), where);
        assertEquals(fresh.cause(), got.cause(), where);
    }

    private static void assertNoEntryReadTwice(CacheFixture f, String where) {
        for (int i = 0; i < 4; i++) {
            for (int j = i + 1; j < 4; j++) {
                if (f.cache.mshrState(i).equals("WALK") && f.cache.mshrState(j).equals("WALK")) {
                    PendingWalk a = f.cache.walk(i);
                    PendingWalk b = f.cache.walk(j);
                    int la = f.cache.nextEntryLevel(i);
                    int cover = ENTRY_LOG2[la];
                    boolean same = la == f.cache.nextEntryLevel(j) && a.context().sdid() == b.context().sdid()
                            && (a.pa() >>> cover) == (b.pa() >>> cover);
                    assertTrue(!same, where + ": walks " + i + " and " + j + " both read the L" + la + " entry of "
                            + Long.toHexString(a.pa()) + "\n" + f.cache.mshrsText());
                }
            }
        }
    }
}
