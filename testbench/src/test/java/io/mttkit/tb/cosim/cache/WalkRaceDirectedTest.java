package io.mttkit.tb.cosim.cache;

import static io.mttkit.tb.cosim.cache.Streams.SYNC;
import static io.mttkit.tb.cosim.cache.Streams.all;
import static io.mttkit.tb.cosim.cache.Streams.clear;
import static io.mttkit.tb.cosim.cache.Streams.fillRuleViolation;
import static io.mttkit.tb.cosim.cache.Streams.idle;
import static io.mttkit.tb.cosim.cache.Streams.mfence;
import static io.mttkit.tb.cosim.cache.Streams.of;
import static io.mttkit.tb.cosim.cache.Streams.pa;
import static io.mttkit.tb.cosim.cache.Streams.paSdid;
import static io.mttkit.tb.cosim.cache.Streams.sdid;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mttkit.golden.cache.CacheEvent;
import io.mttkit.golden.cache.CacheEvent.ArrayId;
import io.mttkit.tb.cosim.CheckRequest;
import io.mttkit.tb.cosim.CosimHarness;
import io.mttkit.tb.cosim.CheckAnswer;
import io.mttkit.tb.cosim.CheckObserver.CacheObservation;
import io.mttkit.tb.cosim.CheckObserver.CacheStep;
import io.mttkit.tb.cosim.SessionSettings;
import io.mttkit.tb.cosim.Stimulus;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Directed tests of the races between walks and fences on the generated cached checker (VERIFICATION-PLAN §4
 * #21, #22, #23, #29, #39, #40), run through {@link CosimHarness}: every verdict, every MPTE read and every cache
 * event is compared with the golden model and the golden cache model, and each test also asserts its item's point
 * on the RTL's answers and the compared cache steps (cache-model.md §6.2 R1/R2, §7.1).
 */
class WalkRaceDirectedTest {
    /** Fixed memory latency: walks are long and their timing is deterministic, so fences land where placed. */
    static final int LATENCY = 24;

    @BeforeAll
    static void tools() {
        CacheBench.requireTools();
    }

    static Stream<String> shipped() {
        return Stream.of("rv64-smmpt", "rv32-smmpt", "rv64-smmtt");
    }

    /** The four operand kinds of cache-model.md §7 as MINVAL.PA and as MFENCE.PA, none of them naming the walk. */
    static Map<String, List<Stimulus>> fences(long walkPa) {
        Map<String, List<Stimulus>> m = new LinkedHashMap<>();
        m.put("MINVAL.PA x0,x0", List.of(all()));
        m.put("MFENCE.PA x0,x0", mfence(all()));
        m.put("MINVAL.PA x0,sdid(other)", List.of(sdid(5)));
        m.put("MFENCE.PA x0,sdid(own)", mfence(sdid(1)));
        m.put("MINVAL.PA pa(own),x0", List.of(pa(walkPa)));
        m.put("MFENCE.PA pa(elsewhere),x0", mfence(pa(0x1234_5000L)));
        m.put("MINVAL.PA pa(own),sdid(own)", List.of(paSdid(walkPa, 1)));
        m.put("MFENCE.PA pa(elsewhere),sdid(other)", mfence(paSdid(0x7654_3000L, 9)));
        return m;
    }

    /** Latency of {@code c}'s walk from an empty cache (no stalls: deterministic), and its read count. */
    static long[] calibrate(CosimHarness h, Recorder rec, CheckRequest c) {
        clear(h, rec);
        long reads = h.totals().reads();
        h.run(List.of(c));
        assertFalse(h.answers().get(0).hit(), "the first access after a global fence walks");
        long[] out = {h.latencies().get(0), h.totals().reads() - reads};
        clear(h, rec);
        return out;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shipped")
    @DisplayName("#21 each fence kind arriving at each walk progress: stale answer delivered, no fill, next access "
            + "misses; a lone sync does not make the walk stale")
    void fenceDuringWalkMakesItStale(String config) {
        CacheBench b = CacheBench.shipped(config);
        Recorder rec = new Recorder();
        try (CosimHarness h = b.harness(SessionSettings.simple(21).withLatency(LATENCY, LATENCY), rec)) {
            for (long pa : b.walkTargets()) {
                CheckRequest c = b.check(pa, CacheBench.R);
                long[] cal = calibrate(h, rec, c);
                int walkCycles = (int) cal[0];
                int reads = (int) cal[1];
                for (Map.Entry<String, List<Stimulus>> fence : fences(pa).entrySet()) {
                    TreeSet<Integer> progress = new TreeSet<>();
                    // accepted in cycle accept+1+d, applied one cycle later (the cache is idle during a walk): the
                    // walk is in flight for every d up to walkCycles - 3
                    for (int d = 0; d <= walkCycles - 3; d += Math.max(1, (walkCycles - 3) / 12)) {
                        clear(h, rec);
                        h.run(of(c, idle(d), fence.getValue(), c));
                        String where = config + " " + fence.getKey() + " at +" + d + " cycles into the walk of 0x"
                                + Long.toHexString(pa) + "\n" + rec;
                        List<CheckAnswer> a = h.answers();
                        CacheObservation accepted = rec.of(CacheStep.INVALIDATION_ACCEPTED).get(0);
                        CacheObservation fill = rec.of(CacheStep.FILL).get(0);
                        assertTrue(accepted.walkReads() >= 0, "the fence arrives during the walk: " + where);
                        assertFalse(a.get(0).hit(), where);
                        assertTrue(a.get(0).stale(), "rsp_stale on the walk's answer: " + where);
                        assertTrue(fill.stale() && fill.events().isEmpty(), "no fill from a stale walk: " + where);
                        assertFalse(a.get(1).hit(), "the next access walks again: " + where);
                        assertNull(fillRuleViolation(rec), where);
                        progress.add(accepted.walkReads());
                    }
                    // the fence met the walk before its first read and while each of its reads was outstanding
                    for (int k = 0; k <= reads; k++) {
                        assertTrue(progress.contains(k), config + " " + fence.getKey() + ": no fence arrived after "
                                + k + " of the walk's " + reads + " reads; seen " + progress);
                    }
                }
                // SFENCE.INVAL.IR alone: nothing to apply, so the walk is not stale and fills (R1 counts applied
                // invalidations only)
                for (int d = 0; d <= walkCycles - 3; d += Math.max(1, (walkCycles - 3) / 4)) {
                    clear(h, rec);
                    h.run(of(c, idle(d), SYNC, c));
                    String where = config + " lone sync at +" + d + "\n" + rec;
                    assertFalse(h.answers().get(0).stale(), where);
                    assertFalse(rec.of(CacheStep.FILL).get(0).events().isEmpty(), where);
                    assertTrue(h.answers().get(1).hit(), where);
                }
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shipped")
    @DisplayName("#22 an invalidation applied in the walk's fill cycle wins: nothing filled (leaf array, superpage "
            + "array, walk cache), the answer is not stale, the next access misses")
    void invalidationInTheFillCycleWins(String config) {
        CacheBench b = CacheBench.shipped(config);
        Recorder rec = new Recorder();
        EnumSet<ArrayId> suppressed = EnumSet.noneOf(ArrayId.class);
        try (CosimHarness h = b.harness(SessionSettings.simple(22).withLatency(LATENCY, LATENCY), rec)) {
            for (long pa : b.cacheableTargets()) {
                CheckRequest c = b.check(pa, CacheBench.R);
                int walkCycles = (int) calibrate(h, rec, c)[0];
                int sameCyclePoints = 0;
                // sweep an MFENCE.PA across the end of the walk one cycle at a time. A lone MINVAL.PA cannot meet the
                // fill: the fill cycle and the next lookup are busy cycles, so the cache applies it after them. The
                // sync half of the MFENCE forces the application in the cycle it is presented (docs/cache-rtl.md),
                // so exactly one point applies it in the response cycle (deterministic: fixed latency, no stalls).
                for (int d = Math.max(0, walkCycles - 6); d <= walkCycles + 1; d++) {
                    clear(h, rec);
                    h.run(of(c, idle(d), mfence(all()), c));
                    String where = config + " MFENCE.PA x0,x0 at +" + d + " cycles, walk of 0x" + Long.toHexString(pa)
                            + " (" + walkCycles + " cycles)\n" + rec;
                    assertNull(fillRuleViolation(rec), where);
                    CacheObservation fill = rec.of(CacheStep.FILL).get(0);
                    if (!fill.sameCycleInvalidation()) {
                        continue;
                    }
                    sameCyclePoints++;
                    List<CheckAnswer> a = h.answers();
                    assertFalse(a.get(0).stale(), "R2: the invalidation wins, the response is not stale: " + where);
                    assertTrue(fill.events().isEmpty(), "R2: no fill: " + where);
                    assertFalse(a.get(1).hit(), "nothing was cached: " + where);
                    // the same walk with the invalidation one cycle later fills: those are the fills R2 suppressed
                    clear(h, rec);
                    h.run(of(c, idle(d + 1), mfence(all()), c));
                    CacheObservation later = rec.of(CacheStep.FILL).get(0);
                    assertFalse(later.sameCycleInvalidation() || later.stale(), where + "\none cycle later:\n" + rec);
                    assertFalse(later.events().isEmpty(), "one cycle later the walk fills: " + rec);
                    later.events().stream().filter(e -> e.kind() == CacheEvent.Kind.FILL)
                            .forEach(e -> suppressed.add(e.array()));
                }
                assertEquals(1, sameCyclePoints, config + ": exactly one sweep point of the walk of 0x"
                        + Long.toHexString(pa) + " applies the invalidation in its fill cycle");
            }
        }
        assertEquals(EnumSet.allOf(ArrayId.class), suppressed, config + ": fills suppressed in the fill cycle");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shipped")
    @DisplayName("#23 no abort path: a fence while a read is outstanding leaves that read's response to its own "
            + "(stale) walk; the walk that follows at once reads and answers only its own entries")
    void fenceDuringAReadThenAnImmediateNewWalk(String config) {
        CacheBench b = CacheBench.shipped(config);
        Recorder rec = new Recorder();
        CheckRequest first = b.check(b.leafPa + 0x3000, CacheBench.RW);
        CheckRequest second = b.check(b.superPa + 0x1234000L, CacheBench.R);
        int xwrFirst = b.path(first.pa()).xwr();
        int xwrSecond = b.path(second.pa()).xwr();
        assertTrue(xwrFirst != xwrSecond, "the fixture's two walks answer differently");
        int reads = b.path(first.pa()).readCount();
        TreeSet<Integer> progress = new TreeSet<>();
        try (CosimHarness h = b.harness(SessionSettings.simple(23).withLatency(20, 40), rec)) {
            for (int d = 0; d < 40 * reads; d += 5) {
                clear(h, rec);
                h.run(of(first, idle(d), all(), second, second, first));
                String where = config + " fence at +" + d + "\n" + rec;
                List<CheckAnswer> a = h.answers();
                CacheObservation accepted = rec.of(CacheStep.INVALIDATION_ACCEPTED).get(0);
                if (accepted.walkReads() < 0) {
                    continue; // the first walk had already answered: not this item's case
                }
                progress.add(accepted.walkReads());
                assertTrue(a.get(0).stale() && a.get(0).allow() && a.get(0).xwr() == xwrFirst,
                        "the fenced walk still answers from its own reads, marked stale: " + a.get(0) + " " + where);
                assertTrue(!a.get(1).hit() && !a.get(1).stale() && a.get(1).xwr() == xwrSecond,
                        "the next walk answers from its own reads, not stale: " + a.get(1) + " " + where);
                assertTrue(a.get(2).hit(), "the next walk filled: " + where);
                assertFalse(a.get(3).hit(), "the fenced walk filled nothing: " + where);
                assertNull(fillRuleViolation(rec), where);
            }
        }
        for (int k = 1; k <= reads; k++) {
            assertTrue(progress.contains(k), config + ": no fence arrived while read " + k + " of " + reads
                    + " was outstanding; seen " + progress);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shipped")
    @DisplayName("#29 a walk started between MINVAL.PA and its sync does not fill (stale once the sync applies the "
            + "operand); a walk started after the operand was applied fills")
    void walkBetweenMinvalAndSyncDoesNotFill(String config) {
        CacheBench b = CacheBench.shipped(config);
        Recorder rec = new Recorder();
        try (CosimHarness h = b.harness(SessionSettings.simple(29).withLatency(3, 9), rec)) {
            for (long pa : b.cacheableTargets()) {
                CheckRequest c = b.check(pa, CacheBench.R);
                for (Stimulus.Invalidate minval : List.of(sdid(7), pa(0x1234_5000L), all())) {
                    clear(h, rec);
                    h.run(of(minval, c, SYNC, c));
                    String where = config + " " + minval + " then 0x" + Long.toHexString(pa) + "\n" + rec;
                    int lookup = rec.indexOf(CacheStep.LOOKUP, 0);
                    int applied = rec.indexOf(CacheStep.INVALIDATION_APPLIED, 0);
                    assertTrue(applied > lookup, "the operand was still queued when the walk started: " + where);
                    assertTrue(h.answers().get(0).stale(), where);
                    assertTrue(rec.of(CacheStep.FILL).get(0).events().isEmpty(), where);
                    assertFalse(h.answers().get(1).hit(), "no stale hit after the sync: " + where);
                    assertEquals(1, Streams.count(rec, CacheStep.SYNC), where);
                    assertNull(fillRuleViolation(rec), where);

                    // contrast: an idle cycle lets the cache apply the operand before the walk starts
                    clear(h, rec);
                    h.run(of(minval, idle(2), c, SYNC, c));
                    where = config + " " + minval + ", idle, then 0x" + Long.toHexString(pa) + "\n" + rec;
                    assertTrue(rec.indexOf(CacheStep.INVALIDATION_APPLIED, 0) < rec.indexOf(CacheStep.LOOKUP, 0),
                            where);
                    assertFalse(h.answers().get(0).stale(), where);
                    assertTrue(h.answers().get(1).hit(), where);
                }
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shipped")
    @DisplayName("#39 rsp_ready low for long stretches while invalidations and new requests arrive: every answer "
            + "delivered in order, R1/R2 hold for every walk, no stale hit after the final fence")
    void responseBackpressureWithFencesAndRequests(String config) {
        CacheBench b = CacheBench.shipped(config);
        Recorder rec = new Recorder();
        SplittableRandom rnd = new SplittableRandom(39);
        List<Long> targets = b.cacheableTargets();
        List<Stimulus> stream = new ArrayList<>();
        int checks = 0;
        while (checks < 300) {
            int k = rnd.nextInt(100);
            if (k < 65) {
                long pa = targets.get(rnd.nextInt(targets.size())) ^ ((long) rnd.nextInt(16) << 12);
                stream.add(b.check(pa, CacheBench.R, 1 + rnd.nextInt(2)));
                checks++;
            } else if (k < 80) {
                stream.add(randomOperand(rnd, targets)); // MINVAL.PA
            } else if (k < 88) {
                stream.addAll(mfence(randomOperand(rnd, targets)));
            } else if (k < 93) {
                stream.add(SYNC);
            } else {
                stream.addAll(idle(1 + rnd.nextInt(30)));
            }
        }
        stream.addAll(mfence(all()));
        for (long pa : targets) {
            stream.add(b.check(pa, CacheBench.R));
        }
        try (CosimHarness h = b.harness(SessionSettings.simple(39).withLatency(2, 12).withStalls(0, 920), rec)) {
            h.run(stream);
            List<CheckAnswer> a = h.answers();
            assertEquals(checks + targets.size(), a.size());
            assertNull(fillRuleViolation(rec), config + "\n" + rec);
            long staleAnswers = a.stream().filter(CheckAnswer::stale).count();
            long staleFills = rec.of(CacheStep.FILL).stream().filter(CacheObservation::stale).count();
            assertEquals(staleFills, staleAnswers, "rsp_stale exactly on the walks the model calls stale");
            assertTrue(staleAnswers > 0, "some walk met an invalidation: " + rec);
            long maxHitLatency = 0;
            long hits = 0;
            for (int i = 0; i < a.size(); i++) {
                if (a.get(i).hit()) {
                    hits++;
                    maxHitLatency = Math.max(maxHitLatency, h.latencies().get(i));
                }
            }
            assertTrue(hits > 20, "hits under backpressure: " + hits);
            assertTrue(maxHitLatency >= 10, "rsp_ready was held low for many cycles (longest hit " + maxHitLatency
                    + " cycles, 1 without backpressure)");
            for (int i = a.size() - targets.size(); i < a.size(); i++) {
                assertFalse(a.get(i).hit(), "no hit after the final global MFENCE.PA: check " + i);
            }
        }
    }

    private static Stimulus.Invalidate randomOperand(SplittableRandom rnd, List<Long> targets) {
        long pa = targets.get(rnd.nextInt(targets.size())) ^ ((long) rnd.nextInt(64) << 12);
        return switch (rnd.nextInt(4)) {
            case 0 -> all();
            case 1 -> sdid(1 + rnd.nextInt(2));
            case 2 -> pa(pa);
            default -> paSdid(pa, 1 + rnd.nextInt(2));
        };
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shipped")
    @DisplayName("#40 mrd_ready low for a long time with an invalidation during the stall: the stalled walk "
            + "completes, answers stale and fills nothing; the next access misses")
    void memoryStallWithInvalidation(String config) {
        CacheBench b = CacheBench.shipped(config);
        Recorder rec = new Recorder();
        long unstalled;
        CheckRequest c = b.check(b.leafPa + 0x3000, CacheBench.R);
        try (CosimHarness h = b.harness(SessionSettings.simple(40).withLatency(2, 2), rec)) {
            unstalled = calibrate(h, rec, c)[0];
        }
        List<List<Stimulus>> fences = List.of(List.of(all()), mfence(sdid(3)), List.of(pa(c.pa())),
                mfence(paSdid(0x1234_5000L, 1)));
        long stallCycles = 0;
        int point = 0;
        try (CosimHarness h = b.harness(SessionSettings.simple(40).withLatency(2, 2).withStalls(960, 0), rec)) {
            for (int d : new int[] {0, 3, 10, 25}) {
                for (List<Stimulus> fence : fences) {
                    clear(h, rec);
                    h.run(of(c, idle(d), fence, c));
                    String where = config + " fence " + fence + " at +" + d + " (point " + point++ + ")\n" + rec;
                    CacheObservation accepted = rec.of(CacheStep.INVALIDATION_ACCEPTED).get(0);
                    assertTrue(accepted.walkReads() >= 0, "the fence arrived while the walk was stalled: " + where);
                    assertTrue(h.latencies().get(0) > unstalled, "mrd_ready held the walk: " + where);
                    stallCycles += h.latencies().get(0) - unstalled;
                    assertTrue(h.answers().get(0).stale(), where);
                    assertTrue(rec.of(CacheStep.FILL).get(0).events().isEmpty(), where);
                    assertFalse(h.answers().get(1).hit(), where);
                    assertNull(fillRuleViolation(rec), where);
                }
            }
        }
        assertTrue(stallCycles >= 15L * point, "mrd_ready held the walks " + stallCycles / point
                + " cycles on average: not a long stall");
    }
}
