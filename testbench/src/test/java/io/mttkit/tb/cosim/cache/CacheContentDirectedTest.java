package io.mttkit.tb.cosim.cache;

import static io.mttkit.tb.cosim.cache.Streams.SYNC;
import static io.mttkit.tb.cosim.cache.Streams.all;
import static io.mttkit.tb.cosim.cache.Streams.clear;
import static io.mttkit.tb.cosim.cache.Streams.mfence;
import static io.mttkit.tb.cosim.cache.Streams.of;
import static io.mttkit.tb.cosim.cache.Streams.pa;
import static io.mttkit.tb.cosim.cache.Streams.paSdid;
import static io.mttkit.tb.cosim.cache.Streams.sdid;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mttkit.golden.Access;
import io.mttkit.golden.Cause;
import io.mttkit.golden.LookupResult;
import io.mttkit.golden.MttMode;
import io.mttkit.golden.cache.CacheEvent;
import io.mttkit.golden.cache.CacheEvent.ArrayId;
import io.mttkit.golden.cache.CacheEvent.Kind;
import io.mttkit.golden.tables.Region;
import io.mttkit.tb.cosim.CheckRequest;
import io.mttkit.tb.cosim.CosimHarness;
import io.mttkit.tb.cosim.CheckAnswer;
import io.mttkit.tb.cosim.CheckObserver.CacheObservation;
import io.mttkit.tb.cosim.CheckObserver.CacheStep;
import io.mttkit.tb.cosim.SessionSettings;
import io.mttkit.tb.cosim.Stimulus;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Directed tests of what the generated cached checker keeps, finds and drops (VERIFICATION-PLAN §4 #24–#28, #30,
 * #31, #37, #38), run through {@link CosimHarness}: every verdict, read and cache event is compared with the golden
 * model and the golden cache model, and each test also asserts its item's point on the RTL's answers (hit flag,
 * latency) and the compared cache steps (array, set, way of fills, evictions and invalidations).
 */
class CacheContentDirectedTest {
    @BeforeAll
    static void tools() {
        CacheBench.requireTools();
    }

    static Stream<String> shipped() {
        return Stream.of("rv64-smmpt", "rv32-smmpt", "rv64-smmtt");
    }

    private static SessionSettings settings(long seed) {
        return SessionSettings.simple(seed).withLatency(1, 6);
    }

    /** The events of kind {@code kind} outside the walk cache among {@code events}. */
    private static List<CacheEvent> leafEvents(List<CacheEvent> events, Kind kind) {
        return events.stream().filter(e -> e.kind() == kind && e.array() != ArrayId.WALK).toList();
    }

    /** The leaf-array or superpage-array entry the single walk recorded in {@code rec} filled. */
    private static CacheEvent filledEntry(Recorder rec, String where) {
        List<CacheEvent> fills = leafEvents(rec.events(CacheStep.FILL), Kind.FILL);
        assertEquals(1, fills.size(), "one leaf or superpage fill: " + where + "\n" + rec);
        return fills.get(0);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shipped")
    @DisplayName("#37 two requests to the same leaf back to back: one walk and one fill; the second hits in the cycle "
            + "after its handshake")
    void backToBackRequestsFillOnce(String config) {
        CacheBench b = CacheBench.shipped(config);
        Recorder rec = new Recorder();
        try (CosimHarness h = b.harness(SessionSettings.simple(37).withLatency(8, 8), rec)) {
            for (long pa : b.cacheableTargets()) {
                clear(h, rec);
                long other = pa ^ 0x1000; // another 4 KiB page of the same leaf
                h.run(List.of(b.check(pa, CacheBench.R), b.check(other, CacheBench.R)));
                String where = config + " 0x" + Long.toHexString(pa) + "\n" + rec;
                List<CheckAnswer> a = h.answers();
                assertFalse(a.get(0).hit(), where);
                assertTrue(a.get(1).hit(), "the second request waits for the walk and then hits: " + where);
                assertEquals(1L, h.latencies().get(1), "a hit answers in the cycle after its handshake");
                assertEquals(1, rec.of(CacheStep.FILL).size(), "one walk: " + where);
                filledEntry(rec, where);
                assertEquals(Kind.HIT, rec.of(CacheStep.LOOKUP).get(1).events().get(0).kind(), where);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shipped")
    @DisplayName("#38 after reset no entry is valid: a new session's first global fence clears nothing and its first "
            + "accesses miss")
    void afterResetNoEntryIsValid(String config) {
        CacheBench b = CacheBench.shipped(config);
        Recorder rec = new Recorder();
        List<CheckRequest> checks = b.cacheableTargets().stream().map(pa -> b.check(pa, CacheBench.R)).toList();
        try (CosimHarness h = b.harness(settings(38), rec)) {
            List<CheckRequest> twice = new ArrayList<>(checks);
            twice.addAll(checks);
            h.run(twice);
            for (int i = checks.size(); i < twice.size(); i++) {
                assertTrue(h.answers().get(i).hit(), "the first session cached check " + i % checks.size());
            }
        }
        rec.clear();
        try (CosimHarness h = b.harness(settings(38), rec)) {
            h.run(mfence(all()));
            assertEquals(1, rec.of(CacheStep.INVALIDATION_APPLIED).size());
            assertTrue(rec.events(CacheStep.INVALIDATION_APPLIED).isEmpty(), "nothing valid after reset: " + rec);
            h.run(checks);
            for (CheckAnswer a : h.answers()) {
                assertFalse(a.hit(), "first access after reset: " + rec);
            }
        }
        rec.clear();
        try (CosimHarness h = b.harness(settings(38), rec)) {
            h.run(checks);
            for (CheckAnswer a : h.answers()) {
                assertFalse(a.hit(), "first access after reset, no fence before it: " + rec);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shipped")
    @DisplayName("#24 a PA fence strictly inside a cached 64 KiB leaf / superpage / NAPOT entry drops it; one just "
            + "below or just above keeps it")
    void paFenceInsideDropsOutsideKeeps(String config) {
        CacheBench b = CacheBench.shipped(config);
        Recorder rec = new Recorder();
        try (CosimHarness h = b.harness(settings(24), rec)) {
            for (long pa : b.cacheableTargets()) {
                CheckRequest c = b.check(pa, CacheBench.R);
                clear(h, rec);
                h.run(List.of(c));
                CacheEvent entry = filledEntry(rec, config + " 0x" + Long.toHexString(pa));
                long base = entry.base();
                long size = 1L << entry.sizeLog2();
                String where = config + " " + entry;
                rec.clear();
                h.run(of(mfence(pa(base - 1)), mfence(pa(base + size)), c));
                assertTrue(h.answers().get(0).hit(), "fences just below and just above keep it: " + where + "\n" + rec);
                assertTrue(leafEvents(rec.events(CacheStep.INVALIDATION_APPLIED), Kind.INVALIDATE).isEmpty(),
                        where + "\n" + rec);
                for (long inside : new long[] {base, base + size / 2 + 0x1000, base + size - 1}) {
                    clear(h, rec);
                    h.run(List.of(c));
                    rec.clear();
                    h.run(of(mfence(pa(inside)), c));
                    List<CacheEvent> cleared = leafEvents(rec.events(CacheStep.INVALIDATION_APPLIED), Kind.INVALIDATE);
                    assertEquals(1, cleared.size(), "fence at 0x" + Long.toHexString(inside) + ": " + where + "\n" + rec);
                    assertEquals(entry.array(), cleared.get(0).array());
                    assertEquals(base, cleared.get(0).base());
                    assertFalse(h.answers().get(0).hit(), "a fence inside drops it: " + where + "\n" + rec);
                }
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shipped")
    @DisplayName("#25 a fence for another SDID keeps this SDID's entries; rs2 bits at and above sdidLen are ignored")
    void fenceOfAnotherSdidKeepsEntries(String config) {
        CacheBench b = CacheBench.shipped(config);
        Recorder rec = new Recorder();
        int sdidLen = b.lib.description().sdidLen();
        List<CheckRequest> mine = b.cacheableTargets().stream().map(pa -> b.check(pa, CacheBench.R, 1)).toList();
        CheckRequest theirs = b.check(b.leafPa, CacheBench.R, 2);
        try (CosimHarness h = b.harness(settings(25), rec)) {
            List<CheckRequest> fill = new ArrayList<>(mine);
            fill.add(theirs);
            h.run(fill);
            rec.clear();
            // SDID 2: all of it, then its entry at a PA SDID 1 also has cached
            h.run(of(mfence(sdid(2)), mine, mfence(paSdid(b.leafPa, 2)), mine));
            for (CheckAnswer a : h.answers()) {
                assertTrue(a.hit(), config + ": SDID 1 entries survive fences of SDID 2\n" + rec);
            }
            assertEquals(1, leafEvents(rec.events(CacheStep.INVALIDATION_APPLIED), Kind.INVALIDATE).size(),
                    "the SDID-2 fence cleared SDID 2's leaf only: " + rec);
            // rs2 = 1 with bits at and above sdidLen set: the same domain (the port carries sdidLen bits)
            rec.clear();
            int aliased = 1 | (1 << sdidLen) | (1 << 20);
            h.run(of(mfence(sdid(aliased)), mine));
            for (CheckAnswer a : h.answers()) {
                assertFalse(a.hit(), config + ": rs2 = 0x" + Integer.toHexString(aliased) + " is SDID 1\n" + rec);
            }
        }
    }

    @Test
    @DisplayName("#26 SDID, MODE and table format are tags, the root is not: another SDID or mode misses; a root "
            + "change on the same SDID and mode keeps hitting the old root's entries until an SDID fence")
    void sdidModeAndFormatAreTagsTheRootIsNot() {
        CacheBench b = CacheBench.shipped("rv64-smmpt");
        long pa = CacheBench.A + 0x3000;
        // a second Smmpt43 tree in which A is read-only, and an Smmpt52 tree with A read-write
        long root2 = b.addTables(MttMode.SMMPT43, List.of(new Region(CacheBench.A, 1 << 20, Access.R)), 0x9000_0000L);
        long root52 = b.addTables(MttMode.SMMPT52, CacheBench.regions(MttMode.SMMPT52), 0x9100_0000L);
        CheckRequest sd1 = b.check(pa, Access.W, 1);
        CheckRequest sd2 = b.check(pa, Access.W, 2);
        CheckRequest smmpt52 = CacheBench.check(MttMode.SMMPT52, root52, pa, Access.W, 1);
        CheckRequest otherRoot = CacheBench.check(MttMode.SMMPT43, root2, pa, Access.W, 1);
        Recorder rec = new Recorder();
        try (CosimHarness h = b.harness(settings(26), rec)) {
            h.run(List.of(sd1, sd2, sd1, sd2, smmpt52, smmpt52, sd1));
            List<CheckAnswer> a = h.answers();
            boolean[] hits = {false, false, true, true, false, true, true};
            for (int i = 0; i < hits.length; i++) {
                assertEquals(hits[i], a.get(i).hit(), "check " + i + "\n" + rec);
                assertTrue(a.get(i).allow(), "A is RW in both trees");
            }
            // the root is not a tag: the old root's RW entry answers for a root that maps A read-only
            h.run(List.of(otherRoot));
            assertTrue(h.answers().get(0).hit() && h.answers().get(0).allow(),
                    "before the fence the old root's entry answers: " + h.answers());
            // MFENCE.PA x0, sdid: the next access walks the new root and is denied
            h.run(of(mfence(sdid(1)), otherRoot, otherRoot, sd2));
            a = h.answers();
            assertFalse(a.get(0).hit());
            assertEquals(Cause.PERM_DENY.ordinal(), a.get(0).cause(), "the new root maps A read-only: " + a.get(0));
            assertEquals(Access.R, a.get(0).xwr());
            assertTrue(a.get(1).hit() && !a.get(1).allow(), "the new root's entry is cached: " + a.get(1));
            assertTrue(a.get(2).hit(), "SDID 2's entry survives the SDID-1 fence");
        }
        // the table format is part of the tag: Smmtt46 and Smmpt43 share MODE = 1 and differ in format only
        CacheBench both = CacheBench.small(MttMode.SMMPT43);
        long rootV01 = both.addTables(MttMode.SMMTT46, CacheBench.regions(MttMode.SMMTT46), 0x9200_0000L);
        CheckRequest v09 = both.check(pa, Access.R, 1);
        CheckRequest v01 = CacheBench.check(MttMode.SMMTT46, rootV01, pa, Access.R, 1);
        assertEquals(CheckRequest.reqMode(MttMode.SMMPT43) & 0xF, CheckRequest.reqMode(MttMode.SMMTT46) & 0xF);
        try (CosimHarness h = both.harness(settings(26), rec)) {
            h.run(List.of(v09, v01, v09, v01));
            List<CheckAnswer> a = h.answers();
            assertFalse(a.get(0).hit() || a.get(1).hit(), "the other format never hits: " + a);
            assertTrue(a.get(2).hit() && a.get(3).hit(), a.toString());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shipped")
    @DisplayName("#27 Bare and effective M: allowed in the cycle after the handshake with no read, no probe, no fill")
    void bareAndEffectiveMNeverTouchTheCache(String config) {
        CacheBench b = CacheBench.shipped(config);
        Recorder rec = new Recorder();
        long pa = b.leafPa + 0x3000;
        CheckRequest bare = new CheckRequest(pa, Access.R | Access.W | Access.X, MttMode.BARE, 0, 0, 0, false, false);
        CheckRequest m = new CheckRequest(pa, Access.R | Access.W | Access.X, b.mode, CheckRequest.reqMode(b.mode),
                b.world.rootPpn(), 1, false, true);
        CheckRequest c = b.check(pa, CacheBench.R);
        try (CosimHarness h = b.harness(settings(27), rec)) {
            long reads = h.totals().reads();
            h.run(List.of(bare, m, c, bare, m, c));
            List<CheckAnswer> a = h.answers();
            for (int i : new int[] {0, 1, 3, 4}) {
                assertTrue(a.get(i).allow() && !a.get(i).hit(), "check " + i + ": " + a.get(i));
                assertEquals(1L, h.latencies().get(i), "check " + i + " answered in the cycle after its handshake");
            }
            assertFalse(a.get(2).hit(), "Bare/M filled nothing");
            assertTrue(a.get(5).hit());
            assertEquals(2, rec.of(CacheStep.LOOKUP).size(), "only the two checks in " + b.mode + " probed: " + rec);
            assertEquals(b.path(pa).readCount(), h.totals().reads() - reads, "only the one walk read memory");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("queueConfigs")
    @DisplayName("#28 MINVAL.PA batches of 0, 1, queue depth and depth + 1 closed by SFENCE.INVAL.IR: each applied, "
            + "oldest first, no stale hit after the sync")
    void minvalBatchesThenSync(String config) {
        CacheBench b = config.equals("small") ? CacheBench.small(MttMode.SMMPT43) : CacheBench.shipped(config);
        int depth = b.lib.cache().minvalQueueDepth();
        Recorder rec = new Recorder();
        List<Long> pas = new ArrayList<>();
        for (int k = 0; k <= depth + 1; k++) {
            pas.add(b.leafPa + 0x10000L * k); // consecutive 64 KiB leaves: every set in turn, all fit together
        }
        try (CosimHarness h = b.harness(settings(28), rec)) {
            for (int n : new int[] {0, 1, depth, depth + 1}) {
                clear(h, rec);
                List<Stimulus> fill = new ArrayList<>();
                pas.forEach(pa -> fill.add(b.check(pa, CacheBench.R)));
                h.run(fill);
                rec.clear();
                List<Stimulus> stream = new ArrayList<>();
                for (int i = 0; i < n; i++) {
                    stream.add(pa(pas.get(i) + 0x800)); // MINVAL.PA, back to back
                }
                stream.add(SYNC);
                pas.forEach(pa -> stream.add(b.check(pa, CacheBench.R)));
                h.run(stream);
                String where = config + " batch of " + n + "\n" + rec;
                List<CacheObservation> applied = rec.of(CacheStep.INVALIDATION_APPLIED);
                assertEquals(n, applied.size(), where);
                for (int i = 0; i < n; i++) {
                    assertEquals(pas.get(i) + 0x800, applied.get(i).invalidation().pa(), "oldest first: " + where);
                    List<CacheEvent> cleared = leafEvents(applied.get(i).events(), Kind.INVALIDATE);
                    assertEquals(1, cleared.size(), where);
                    assertEquals(pas.get(i).longValue(), cleared.get(0).base(), where);
                }
                List<CacheObservation> syncs = rec.of(CacheStep.SYNC);
                assertEquals(1, syncs.size(), where);
                assertEquals(0, syncs.get(0).queued(), "sync_ack with the queue empty: " + where);
                List<CheckAnswer> a = h.answers();
                for (int i = 0; i < pas.size(); i++) {
                    assertEquals(i >= n, a.get(i).hit(), "after the sync, leaf " + i + ": " + where);
                }
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("queueConfigs")
    @DisplayName("#28 (full queue) depth + 1 MINVAL.PA operands with the first arriving in a walk's last cycles: the "
            + "queue fills where the stream can fill it, backpressure holds the rest, the sync drains them all")
    void minvalBatchAgainstAFillFillsTheQueue(String config) {
        CacheBench b = config.equals("small") ? CacheBench.small(MttMode.SMMPT43) : CacheBench.shipped(config);
        int depth = b.lib.cache().minvalQueueDepth();
        Recorder rec = new Recorder();
        CheckRequest walk = b.check(b.superPa, CacheBench.R);
        List<CheckRequest> cached = List.of(b.check(b.leafPa, CacheBench.R), b.check(b.leafPa + 0x10000, CacheBench.R));
        int maxQueued = 0;
        try (CosimHarness h = b.harness(SessionSettings.simple(28).withLatency(6, 6), rec)) {
            clear(h, rec);
            h.run(List.of(walk));
            int walkCycles = h.latencies().get(0).intValue();
            for (int d = Math.max(0, walkCycles - 6); d <= walkCycles; d++) {
                clear(h, rec);
                h.run(cached);
                rec.clear();
                List<Stimulus> stream = new ArrayList<>(List.of(walk));
                stream.addAll(Streams.idle(d));
                for (int i = 0; i <= depth; i++) {
                    stream.add(i % 2 == 0 ? pa(b.leafPa + 0x800) : sdid(1)); // both clear the cached leaves
                }
                stream.add(SYNC);
                stream.addAll(cached);
                h.run(stream);
                String where = config + " batch at +" + d + "\n" + rec;
                assertEquals(depth + 1, rec.of(CacheStep.INVALIDATION_APPLIED).size(), where);
                for (CacheObservation o : rec.of(CacheStep.INVALIDATION_ACCEPTED)) {
                    maxQueued = Math.max(maxQueued, o.queued());
                }
                assertFalse(h.answers().get(1).hit() || h.answers().get(2).hit(), "no stale hit after the sync: "
                        + where);
            }
        }
        // The cache applies the queue head in every cycle without a lookup or a fill; one request per cycle reaches
        // the checker, so only an operand accepted in a walk's fill cycle waits behind another: the stream can hold
        // at most two operands in the queue (docs/notes/cachedirected.md).
        System.out.printf("%s: MINVAL.PA queue depth %d, most operands queued at once %d%n", config, depth, maxQueued);
        assertTrue(maxQueued >= Math.min(depth, 2), config + ": the queue never held more than " + maxQueued);
    }

    static Stream<String> queueConfigs() {
        return Stream.of("small", "rv64-smmpt");
    }

    @Test
    @DisplayName("#30 full set: invalid ways first, then the tree-PLRU victim; a hit moves the victim (leaf array "
            + "2 sets x 2 ways, superpage array 2 entries)")
    void fullSetUsesInvalidWaysThenThePlruVictim() {
        CacheBench b = CacheBench.small(MttMode.SMMPT43);
        // PA bit 16 selects the leaf set: these four leaves all index set 0
        long p0 = b.leafPa;
        long p1 = b.leafPa + 0x20000;
        long p2 = b.leafPa + 0x40000;
        CheckRequest c0 = b.check(p0, CacheBench.R);
        CheckRequest c1 = b.check(p1, CacheBench.R);
        CheckRequest c2 = b.check(p2, CacheBench.R);
        // fills of ways 0 and 1 (invalid first), then the PLRU victim: way 0 (way 1 was touched last)
        List<List<CacheEvent>> f = leafFills(b, of(c0, c1, c2));
        assertEvents(f.get(0), null, ArrayId.LEAF, 0, 0);
        assertEvents(f.get(1), null, ArrayId.LEAF, 0, 1);
        assertEvents(f.get(2), 0, ArrayId.LEAF, 0, 0);
        // a hit of way 0 moves the victim to way 1
        f = leafFills(b, of(c0, c1, c0, c2));
        assertEvents(f.get(2), 1, ArrayId.LEAF, 0, 1);
        // an invalid way is taken although the PLRU points at the other one
        f = leafFills(b, of(c0, c1, c0, mfence(pa(p0)), c2));
        assertEvents(f.get(2), null, ArrayId.LEAF, 0, 0);
        // superpage array: B (SDID 1), C (SDID 1), then B in SDID 2 evicts the PLRU entry
        CheckRequest b1 = b.check(b.superPa, CacheBench.R, 1);
        CheckRequest cNapot = b.check(b.napotPa, CacheBench.R, 1);
        CheckRequest b2 = b.check(b.superPa, CacheBench.R, 2);
        f = leafFills(b, of(b1, cNapot, b2));
        assertEvents(f.get(0), null, ArrayId.SUPERPAGE, 0, 0);
        assertEvents(f.get(1), null, ArrayId.SUPERPAGE, 0, 1);
        assertEvents(f.get(2), 0, ArrayId.SUPERPAGE, 0, 0);
        f = leafFills(b, of(b1, cNapot, b1, b2));
        assertEvents(f.get(2), 1, ArrayId.SUPERPAGE, 0, 1);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shipped")
    @DisplayName("#30 (shipped geometry) the worked example of cache-model.md §5 in a 4-way leaf set (fills of ways "
            + "0..3, a hit of way 0, then the victims are way 2 and way 1) and the same rules in the 8-entry superpage "
            + "array")
    void plruWorkedExampleOnTheShippedGeometry(String config) {
        CacheBench b = CacheBench.shipped(config);
        assertEquals(4, b.lib.cache().leafWays(), "the worked example is for 4 ways");
        // one PA, six SDIDs: six tags of one leaf-array set
        List<Stimulus> stream = new ArrayList<>();
        for (int sdid = 1; sdid <= 4; sdid++) {
            stream.add(b.check(b.leafPa, CacheBench.R, sdid));
        }
        stream.add(b.check(b.leafPa, CacheBench.R, 1)); // hit of way 0
        stream.add(b.check(b.leafPa, CacheBench.R, 5));
        stream.add(b.check(b.leafPa, CacheBench.R, 6));
        List<List<CacheEvent>> f = leafFills(b, stream);
        assertEquals(6, f.size(), "six walks, the hit is not one: " + f);
        int set = f.get(0).get(0).set();
        for (int way = 0; way < 4; way++) {
            assertEvents(f.get(way), null, ArrayId.LEAF, set, way);
        }
        assertEvents(f.get(4), 2, ArrayId.LEAF, set, 2);
        assertEvents(f.get(5), 1, ArrayId.LEAF, set, 1);

        // superpage array, 8 entries: B's level-1 leaf in SDIDs 1..8 takes the invalid entries 0..7 in order; after
        // them every node points at the half it did not touch last (root → ways 0-3, then 0-1, then 0). A hit of
        // entry 0 turns the root to 4-7; its node still points at 4-5, and that one at 4: the victim is entry 4
        // (without the hit it would be entry 0).
        assertEquals(8, b.lib.cache().superpageEntries(), "the superpage example is for 8 entries");
        stream.clear();
        for (int sdid = 1; sdid <= 8; sdid++) {
            stream.add(b.check(b.superPa, CacheBench.R, sdid));
        }
        stream.add(b.check(b.superPa, CacheBench.R, 1));
        stream.add(b.check(b.superPa, CacheBench.R, 9));
        f = leafFills(b, stream);
        for (int way = 0; way < 8; way++) {
            assertEvents(f.get(way), null, ArrayId.SUPERPAGE, 0, way);
        }
        assertEvents(f.get(8), 4, ArrayId.SUPERPAGE, 0, 4);
    }

    /** Runs {@code stream} in a fresh session; returns the leaf/superpage events of each walk's fill, in order. */
    private static List<List<CacheEvent>> leafFills(CacheBench b, List<Stimulus> stream) {
        Recorder rec = new Recorder();
        try (CosimHarness h = b.harness(settings(30), rec)) {
            h.run(stream);
        }
        List<List<CacheEvent>> out = new ArrayList<>();
        for (CacheObservation o : rec.of(CacheStep.FILL)) {
            out.add(o.events().stream().filter(e -> e.array() != ArrayId.WALK).toList());
        }
        return out;
    }

    /** {@code events} is [EVICT at {@code evictWay}] FILL at {@code way} of {@code array}, set {@code set}. */
    private static void assertEvents(List<CacheEvent> events, Integer evictWay, ArrayId array, int set, int way) {
        String what = events.toString();
        assertEquals(evictWay == null ? 1 : 2, events.size(), what);
        if (evictWay != null) {
            assertEquals(Kind.EVICT, events.get(0).kind(), what);
            assertEquals(evictWay.intValue(), events.get(0).way(), "victim: " + what);
        }
        CacheEvent fill = events.get(events.size() - 1);
        assertEquals(Kind.FILL, fill.kind(), what);
        assertEquals(array, fill.array(), what);
        assertEquals(set, fill.set(), what);
        assertEquals(way, fill.way(), what);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shipped")
    @DisplayName("#31 overlapping leaf-array and superpage entries (an upper entry rewritten without a fence): the "
            + "leaf array answers, alone, with its own permissions")
    void overlappingLeafAndSuperpageGiveOneAnswer(String config) {
        CacheBench b = CacheBench.shipped(config);
        Recorder rec = new Recorder();
        long cached = b.leafPa + 0x20000;
        long elsewhere = b.leafPa + 0x90000;
        LookupResult viaLeaf = b.path(cached);
        LookupResult viaSuper = b.path(b.superPa);
        long pointerToLeafTable = viaLeaf.readAddr(viaLeaf.readCount() - 2);
        long superLeaf = viaSuper.readAddr(viaSuper.readCount() - 1);
        int superXwr = viaSuper.xwr();
        try (CosimHarness h = b.harness(settings(31), rec)) {
            h.run(b.napotPa < 0 ? List.of(b.check(cached, CacheBench.RW))
                    : List.of(b.check(cached, CacheBench.RW), b.check(b.napotPa + 0x5000, Access.X)));
            assertTrue(h.answers().get(0).allow());
            // software error: the level-1 pointer above the cached leaf becomes a copy of B's level-1 leaf, with no
            // fence for the cached leaf; a PA fence outside it only drops the walk-cache entries covering the block
            b.world.writeEntry(pointerToLeafTable, b.world.readEntry(superLeaf));
            rec.clear();
            h.run(of(mfence(pa(elsewhere)), b.check(elsewhere, CacheBench.R)));
            assertTrue(leafEvents(rec.events(CacheStep.FILL), Kind.FILL).stream()
                    .anyMatch(e -> e.array() == ArrayId.SUPERPAGE && e.level() == 1), "the rewritten entry is cached "
                    + "as a superpage over the cached leaf: " + rec);
            if (b.napotPa >= 0) {
                // two superpage entries overlap too: the NAPOT entry (level 0, RX; cached before the rewrite, entry 0)
                // and the rewritten level-1 leaf (entry 1): the lowest level answers (cache-model.md §4 step 3)
                rec.clear();
                h.run(List.of(b.check(b.napotPa + 0x5000, Access.X)));
                CacheEvent hit = rec.of(CacheStep.LOOKUP).get(0).events().get(0);
                assertTrue(hit.kind() == Kind.HIT && hit.array() == ArrayId.SUPERPAGE && hit.level() == 0,
                        "the NAPOT entry answers: " + rec);
                assertTrue(h.answers().get(0).allow(), "X allowed by the NAPOT entry (RX), not denied by the R leaf: "
                        + h.answers().get(0));
            }
            rec.clear();
            h.run(List.of(b.check(cached, Access.W), b.check(b.leafPa + 0xA0000, Access.W)));
            List<CheckAnswer> a = h.answers();
            CacheEvent first = rec.of(CacheStep.LOOKUP).get(0).events().get(0);
            assertEquals(Kind.HIT, first.kind());
            assertEquals(ArrayId.LEAF, first.array(), "both match; the leaf array wins: " + rec);
            assertTrue(a.get(0).allow() && a.get(0).xwr() == CacheBench.RW, "the 64 KiB leaf's answer, not a merge: "
                    + a.get(0));
            CacheEvent second = rec.of(CacheStep.LOOKUP).get(1).events().get(0);
            assertEquals(ArrayId.SUPERPAGE, second.array(), rec.toString());
            assertTrue(!a.get(1).allow() && a.get(1).xwr() == superXwr, "outside the leaf, the superpage answers: "
                    + a.get(1));
        }
    }
}
