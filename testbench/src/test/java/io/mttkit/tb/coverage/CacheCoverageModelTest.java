package io.mttkit.tb.coverage;

import io.mttkit.tb.cosim.Checkers;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mttkit.gen.cache.CacheShape;
import io.mttkit.gen.walker.WalkerParams;
import io.mttkit.golden.ImplicitReadCheck;
import io.mttkit.golden.LookupConfig;
import io.mttkit.golden.LookupResult;
import io.mttkit.golden.MttLookup;
import io.mttkit.golden.MttMode;
import io.mttkit.golden.cache.CacheEvent;
import io.mttkit.golden.cache.CacheEvent.Kind;
import io.mttkit.golden.cache.CacheParams;
import io.mttkit.golden.cache.CacheSnapshot;
import io.mttkit.golden.cache.CheckContext;
import io.mttkit.golden.cache.CheckOutcome;
import io.mttkit.golden.cache.FenceDuringWalk;
import io.mttkit.golden.cache.Invalidation;
import io.mttkit.golden.cache.MttCacheModel;
import io.mttkit.golden.cache.PendingWalk;
import io.mttkit.golden.tables.Region;
import io.mttkit.tb.cosim.CheckRequest;
import io.mttkit.tb.cosim.CheckObserver.CacheObservation;
import io.mttkit.tb.cosim.CheckObserver.CacheStep;
import io.mttkit.tb.cosim.TableWorld;
import io.mttkit.tb.selftest.RandomDomains;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The cache bins over streams of the golden cache model itself (no RTL), driven the way the co-simulation
 * scoreboard drives it — random checks with locality and SDIDs, invalidations accepted and applied during walks,
 * in the fill cycle and under syncs, MINVAL batches with backpressure — and several resets per mode that the
 * observer is not told about. The placement, reads and race bins are compared with what the model's own state and
 * walks say (a snapshot before every fill, the walk's start level and reads), every sampled bin must be defined,
 * and two observers of disjoint parts merge into the observer of the whole.
 */
class CacheCoverageModelTest {
    /** Small, so that evictions and full queues are frequent: 4 sets × 2 ways, 4 superpage, 2 walk, queue 2. */
    private static final CacheShape SHAPE = new CacheShape(4, 2, 4, 2, 2, true);

    @Test
    void modelStreamsAreBinnedAsTheModelStateSays() {
        for (WalkerParams params : List.of(WalkerParams.defaults(64), WalkerParams.defaults(32))) {
            CheckerCoverage whole = new CheckerCoverage(Checkers.describe(params, SHAPE));
            List<CheckerCoverage> halves = List.of(new CheckerCoverage(Checkers.describe(params, SHAPE)),
                    new CheckerCoverage(Checkers.describe(params, SHAPE)));
            Map<String, Long> expected = new HashMap<>();
            SplittableRandom rnd = new SplittableRandom(20261122);
            List<MttMode> modes = Checkers.describe(params).modes();
            for (int mi = 0; mi < modes.size(); mi++) {
                MttMode mode = modes.get(mi);
                List<Region> regions = RandomDomains.generate(mode, rnd.nextLong(), 12, 0x9000_0000L, 0x6000_0000L);
                TableWorld world = TableWorld.build(mode, regions);
                MttLookup lookup = new MttLookup(world.memory(), ImplicitReadCheck.ALLOW_ALL,
                        LookupConfig.DEFAULT.withPaw(params.paw()));
                for (int session = 0; session < 3; session++) { // a reset between sessions, unseen by the observers
                    MttCacheModel model = new MttCacheModel(new CacheParams(params.xlen(), SHAPE.leafSets(),
                            SHAPE.leafWays(), SHAPE.superpageEntries(), SHAPE.walkCacheEntries(), params.sdidLen(),
                            SHAPE.minvalQueueDepth(), FenceDuringWalk.DELIVER_NO_FILL, SHAPE.paFenceDropsWalkCache(),
                            false), lookup);
                    new Session(params, mode, world, regions, model, rnd, List.of(whole, halves.get(mi % 2)),
                            expected).run(1500);
                }
            }
            CoverageDb db = whole.db();
            for (String group : List.of(CacheCoverage.VICTIM, CacheCoverage.READS)) {
                for (String bin : db.bins(group)) {
                    assertEquals(expected.getOrDefault(group + "|" + bin, 0L), db.count(group, bin), group + " " + bin);
                }
            }
            for (String bin : List.of("stale walk (R1), cacheable leaf not filled", "stale walk (R1), nothing cacheable")) {
                assertEquals(expected.getOrDefault(CacheCoverage.FENCE_WALK + "|" + bin, 0L),
                        db.count(CacheCoverage.FENCE_WALK, bin), bin);
            }
            assertEquals(expected.getOrDefault(CacheCoverage.FENCE_FILL + "|nothing", 0L),
                    db.count(CacheCoverage.FENCE_FILL, "same cycle (R2), nothing cacheable"));
            for (String bin : db.bins(CacheCoverage.MINVAL)) {
                if (bin.startsWith("batch=")) {
                    assertEquals(expected.getOrDefault(CacheCoverage.MINVAL + "|" + bin, 0L),
                            db.count(CacheCoverage.MINVAL, bin), bin);
                }
            }
            for (String g : CacheCoverage.GROUPS) {
                assertTrue(db.hitBins(g) > 0, "group " + g + " never sampled: " + db.summary(0));
            }
            halves.get(0).db().merge(halves.get(1).db());
            assertEquals(db.toJson(), halves.get(0).db().toJson());
        }
    }

    /** One session (one reset) of the model, reported to the observers the way the harness reports the RTL's. */
    private static final class Session {
        private final MttMode mode;
        private final TableWorld world;
        private final List<Region> regions;
        private final MttCacheModel model;
        private final SplittableRandom rnd;
        private final List<CheckerCoverage> observers;
        private final Map<String, Long> expected;
        private final int sdidMask;
        private final List<Long> recent = new ArrayList<>();
        /** Invalidations accepted since the last lookup or sync (the batch the next sync closes). */
        private int batch;

        Session(WalkerParams params, MttMode mode, TableWorld world, List<Region> regions, MttCacheModel model,
                SplittableRandom rnd, List<CheckerCoverage> observers, Map<String, Long> expected) {
            this.mode = mode;
            this.world = world;
            this.regions = regions;
            this.model = model;
            this.rnd = rnd;
            this.observers = observers;
            this.expected = expected;
            this.sdidMask = (1 << params.sdidLen()) - 1;
        }

        void run(int checks) {
            for (int i = 0; i < checks; i++) {
                check();
                int k = rnd.nextInt(100);
                if (k < 8) {
                    minvalBatch();
                } else if (k < 11) {
                    sync();
                }
            }
        }

        private void expect(String group, String bin) {
            expected.merge(group + "|" + bin, 1L, Long::sum);
        }

        private void emit(CacheStep step, CheckRequest req, List<CacheEvent> events, Invalidation inv, int walkReads,
                          boolean sameCycle, boolean stale, long wait) {
            CacheObservation o = new CacheObservation(step, req, List.copyOf(events), inv, walkReads, sameCycle,
                    stale, model.queuedCount(), wait);
            observers.forEach(c -> c.onCache(o));
        }

        private void answered(CheckRequest req, LookupResult g) {
            observers.forEach(c -> c.onCheck(req, g));
        }

        private void check() {
            long pa;
            if (!recent.isEmpty() && rnd.nextInt(3) != 0) {
                pa = recent.get(rnd.nextInt(recent.size())) ^ (rnd.nextBoolean() ? rnd.nextInt(1 << 16)
                        : rnd.nextInt(1 << 22));
            } else {
                Region r = regions.get(rnd.nextInt(regions.size()));
                pa = r.base() + rnd.nextLong(r.size());
                recent.add(pa);
            }
            int need = 1 + rnd.nextInt(7);
            int sdid = rnd.nextInt(3);
            CheckRequest req = new CheckRequest(pa, need, mode, CheckRequest.reqMode(mode), world.rootPpn(), sdid,
                    false, false);
            CheckContext ctx = new CheckContext(sdid & sdidMask, mode, world.rootPpn(), false);
            Optional<CheckOutcome> front = model.probe(ctx, pa, need);
            if (front.isPresent()) {
                if (front.get().hit()) {
                    batch = 0;
                    emit(CacheStep.LOOKUP, req, front.get().events(), null, -1, false, false, -1);
                    expect(CacheCoverage.READS, mode.id() + " answered from the cache");
                }
                answered(req, front.get().result());
                return;
            }
            PendingWalk pw = model.beginMiss(ctx, pa, need);
            batch = 0;
            emit(CacheStep.LOOKUP, req, pw.events(), null, -1, false, false, -1);
            int start = pw.startLevel();
            expect(CacheCoverage.READS, mode.id() + " start L" + start + (start == mode.levels() - 1 ? " (root)" : "")
                    + " reads=" + pw.result().readCount());
            if (rnd.nextInt(6) == 0) { // an invalidation arrives during the walk, applied at once or later
                Invalidation inv = randomInvalidation();
                if (model.minval(inv)) {
                    batch++;
                    emit(CacheStep.INVALIDATION_ACCEPTED, null, List.of(), inv,
                            rnd.nextInt(pw.result().readCount() + 1), false, false, -1);
                    if (rnd.nextBoolean()) {
                        applyHead();
                    }
                }
            }
            boolean sameCycle = model.queuedCount() > 0 && rnd.nextInt(3) == 0;
            CacheSnapshot before = model.snapshot();
            CheckOutcome out = model.finishMiss(pw, sameCycle);
            expectPlacements(before, out.events());
            emit(CacheStep.FILL, null, out.events(), null, -1, sameCycle, out.stale(), -1);
            LookupResult g = pw.result();
            if (out.stale()) {
                expect(CacheCoverage.FENCE_WALK, g.cacheable() ? "stale walk (R1), cacheable leaf not filled"
                        : "stale walk (R1), nothing cacheable");
            } else if (sameCycle && !g.cacheable()) {
                expect(CacheCoverage.FENCE_FILL, "nothing");
            }
            answered(req, g);
            if (sameCycle) {
                applyHead(); // the scoreboard reports the cycle's applied invalidation when it closes the cycle
            }
        }

        /** Victim reasons from the model's state before the fill: the slot was valid (same tag) or not. */
        private void expectPlacements(CacheSnapshot before, List<CacheEvent> events) {
            for (int i = 0; i < events.size(); i++) {
                CacheEvent e = events.get(i);
                if (e.kind() != Kind.FILL) {
                    continue;
                }
                String a = e.array().name().toLowerCase(java.util.Locale.ROOT);
                boolean evicted = i > 0 && events.get(i - 1).kind() == Kind.EVICT && events.get(i - 1).array() == e.array();
                boolean wasValid = switch (e.array()) {
                    case LEAF -> before.leaf().stream().anyMatch(s -> s.set() == e.set() && s.way() == e.way());
                    case SUPERPAGE -> before.superpage().stream().anyMatch(s -> s.way() == e.way());
                    case WALK -> before.walk().stream().anyMatch(s -> s.way() == e.way());
                };
                expect(CacheCoverage.VICTIM, evicted ? a + " plru victim way " + e.way()
                        : wasValid ? a + " overwrite in place" : a + " invalid way " + e.way());
            }
        }

        private void applyHead() {
            Invalidation inv = model.snapshot().queued().get(0);
            emit(CacheStep.INVALIDATION_APPLIED, null, model.applyNextQueued(), inv, -1, false, false, -1);
        }

        /** MINVAL.PA × 0..3 (queue depth 2: a full queue applies its head first), then usually a sync. */
        private void minvalBatch() {
            int n = rnd.nextInt(4);
            for (int i = 0; i < n; i++) {
                Invalidation inv = randomInvalidation();
                if (!model.minval(inv)) {
                    applyHead();
                    model.minval(inv);
                }
                batch++;
                emit(CacheStep.INVALIDATION_ACCEPTED, null, List.of(), inv, -1, false, false, -1);
                if (rnd.nextInt(3) == 0) {
                    applyHead(); // applied while the cache is idle
                }
            }
            if (rnd.nextInt(4) != 0) {
                sync();
            }
        }

        /** SFENCE.INVAL.IR: the queue is applied one per cycle; the wait is how many were left. */
        private void sync() {
            int wait = 0;
            while (model.queuedCount() > 0) {
                applyHead();
                wait++;
            }
            // the bucket names for queue depth 2: 0, 1, 2, >2
            expect(CacheCoverage.MINVAL, "batch=" + (batch > 2 ? ">2" : batch) + " sync wait=" + (wait > 2 ? ">2" : wait));
            batch = 0;
            emit(CacheStep.SYNC, null, List.of(), null, -1, false, false, wait);
        }

        private Invalidation randomInvalidation() {
            long pa = recent.isEmpty() ? 0 : recent.get(rnd.nextInt(recent.size()));
            pa = switch (rnd.nextInt(4)) {
                case 0 -> pa;
                case 1 -> pa ^ rnd.nextInt(1 << 16);
                case 2 -> (pa | 0xFFFF) + 1;
                default -> (pa & ~0xFFFFL) - 1;
            };
            return new Invalidation(rnd.nextInt(3) != 0, pa, rnd.nextBoolean(), rnd.nextInt(3));
        }
    }
}
