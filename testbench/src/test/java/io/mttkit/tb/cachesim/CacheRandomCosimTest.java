package io.mttkit.tb.cachesim;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mttkit.gen.cache.MttCacheParams;
import io.mttkit.golden.ImplicitReadCheck;
import io.mttkit.golden.LookupConfig;
import io.mttkit.golden.LookupResult;
import io.mttkit.golden.MttLookup;
import io.mttkit.golden.MttMode;
import io.mttkit.golden.cache.CacheEvent.ArrayId;
import io.mttkit.golden.cache.CacheEvent.Kind;
import io.mttkit.golden.cache.Invalidation;
import io.mttkit.golden.cache.PendingWalk;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Seeded random co-simulation of the generated cache against {@code MttCacheModel}: per parameter set at least
 * {@value #CHECKS} checks over several SDIDs and modes, with walks of random latency (hits served meanwhile),
 * random invalidations of all four kinds (SDIDs with bits above {@code sdidLen} included), MINVAL batches that
 * hit the queue's backpressure, syncs, MFENCE.PA, and table rewrites without a fence (overlaps, in-place
 * overwrites). Every cycle compares hit/miss, every event and the hit
 * data ({@link CacheCosim}). The seed is fixed per set; {@code -Dmttkit.cachesim.seed=N} overrides it.
 */
class CacheRandomCosimTest {
    static final int CHECKS = 20_000;

    static Stream<Arguments> parameterSets() {
        return Stream.of(
                Arguments.of("rv64-default", MttCacheParams.defaults(64),
                        List.of(MttMode.SMMPT43, MttMode.SMMPT52, MttMode.SMMPT64, MttMode.SMMTT46, MttMode.SMMTT56),
                        new int[] {1, 2, 5}, 11L),
                Arguments.of("rv64-tiny-v09", MttCacheParams.of(64, 56, 2, 2, 2, 2, 2, 2, false, false),
                        List.of(MttMode.SMMPT43, MttMode.SMMPT52), new int[] {0, 1, 3}, 12L),
                Arguments.of("rv64-v01-onegib", MttCacheParams.of(64, 56, 4, 2, 4, 4, 3, 3, true, true),
                        List.of(MttMode.SMMTT46, MttMode.SMMTT56), new int[] {0, 6}, 13L),
                Arguments.of("rv32", MttCacheParams.of(32, 34, 4, 4, 4, 2, 6, 4, true, false),
                        List.of(MttMode.SMMPT34, MttMode.SMMTT34), new int[] {3, 60}, 14L),
                Arguments.of("rv64-1way-nowc-nosdid", MttCacheParams.of(64, 64, 8, 1, 1, 0, 0, 1, true, false),
                        List.of(MttMode.SMMPT52), new int[] {0}, 15L));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("parameterSets")
    void agreesWithTheModelEventByEvent(String label, MttCacheParams params, List<MttMode> modes, int[] sdids,
                                        long defaultSeed) {
        long seed = Long.getLong("mttkit.cachesim.seed", defaultSeed);
        Random rnd = new Random(seed);
        CacheWorld world = new CacheWorld(rnd, sdids, modes);
        try (CacheCosim cs = new CacheCosim(params, world.memory, LookupConfig.DEFAULT, label + " seed " + seed)) {
            run(cs, world, rnd, params);
            // The stimulus must have reached every behaviour the comparison is about.
            assertTrue(cs.seen(Kind.HIT, ArrayId.LEAF) > 0, "leaf hits");
            assertTrue(cs.seen(Kind.HIT, ArrayId.SUPERPAGE) > 0, "superpage hits");
            assertTrue(cs.seen(Kind.EVICT, ArrayId.LEAF) + cs.seen(Kind.EVICT, ArrayId.SUPERPAGE) > 0, "evictions");
            assertTrue(cs.seen(Kind.INVALIDATE, ArrayId.LEAF) + cs.seen(Kind.INVALIDATE, ArrayId.SUPERPAGE) > 0,
                    "invalidations");
            if (params.walkCacheEntries() > 0) {
                assertTrue(cs.seen(Kind.WALK_HIT, ArrayId.WALK) > 0, "walk-cache hits");
            }
            assertTrue(cs.staleFills > 0, "stale walks");
            assertTrue(cs.refusedEnqueues > 0, "MINVAL.PA backpressure");
        }
    }

    private static void run(CacheCosim cs, CacheWorld world, Random rnd, MttCacheParams params) {
        Map<CacheWorld.Domain, List<Long>> hot = new HashMap<>();
        MttLookup paths = new MttLookup(world.memory, ImplicitReadCheck.ALLOW_ALL,
                LookupConfig.DEFAULT.withPaw(params.paw()));
        List<long[]> seenEntries = new ArrayList<>();
        PendingWalk pending = null;
        int pendingLeft = 0;
        while (cs.checks < CHECKS) {
            int dice = rnd.nextInt(1000);
            if (dice < 3) {
                softwareRewrite(rnd, world, hot, paths, seenEntries);
                continue;
            }
            if (pending == null && dice < 7) {
                cs.mfence(randomInvalidation(rnd, world, hot, params));
                continue;
            }
            if (pending == null && dice < 11) {
                // A MINVAL batch of 0 .. depth+1 operands, then the sync.
                int n = rnd.nextInt(params.minvalQueueDepth() + 2);
                for (int i = 0; i < n; i++) {
                    // With a lookup in the same cycle the cache is busy and keeps the operand queued (it drains
                    // when idle, full or syncing), so batches reach the queue's backpressure.
                    CacheCosim.Cycle c = new CacheCosim.Cycle();
                    c.enqueue = randomInvalidation(rnd, world, hot, params);
                    CacheWorld.Domain d = world.domains.get(rnd.nextInt(world.domains.size()));
                    c.ctx = d.ctx();
                    c.pa = pickPa(rnd, d, hot);
                    c.need = 1 + rnd.nextInt(7);
                    c.walkReady = false;
                    cs.run(c);
                }
                cs.sync();
                continue;
            }
            CacheCosim.Cycle c = new CacheCosim.Cycle();
            if (pending != null && pendingLeft == 0) {
                c.fill = pending;
                pending = null;
            } else if (rnd.nextInt(8) != 0) {
                CacheWorld.Domain d = world.domains.get(rnd.nextInt(world.domains.size()));
                c.ctx = d.ctx();
                c.pa = pickPa(rnd, d, hot);
                c.need = 1 + rnd.nextInt(7);
                c.walkReady = pending == null;
            }
            if (rnd.nextInt(100) < 3) {
                c.enqueue = randomInvalidation(rnd, world, hot, params);
            }
            c.sync = rnd.nextInt(100) == 0;
            CacheCosim.Result r = cs.run(c);
            if (r.started != null) {
                pending = r.started;
                pendingLeft = rnd.nextInt(4);
            } else if (pending != null) {
                pendingLeft--;
            }
        }
        if (pending != null) {
            cs.fill(pending);
        }
        cs.sync();
    }

    /**
     * Software without the fence the spec asks for: an entry on a hot PA's path is overwritten with another
     * entry value seen in the tables (a pointer, a leaf of another size or kind, an invalid entry). Stale and
     * overlapping entries follow (cache-model.md §4.3 priority, §6.3 in-place overwrite); the cache and the
     * model must still agree event by event.
     */
    private static void softwareRewrite(Random rnd, CacheWorld world, Map<CacheWorld.Domain, List<Long>> hot,
                                        MttLookup paths, List<long[]> seenEntries) {
        CacheWorld.Domain d = world.domains.get(rnd.nextInt(world.domains.size()));
        long pa = pickPa(rnd, d, hot);
        LookupResult path = paths.lookup(d.ctx().mode(), d.ctx().rootPpn(), pa, 1, false, new LookupResult());
        for (int i = 0; i < path.readCount(); i++) {
            seenEntries.add(new long[] {path.readSize(i), path.readValue(i)});
        }
        if (seenEntries.size() > 256) {
            seenEntries.subList(0, 128).clear();
        }
        if (path.readCount() == 0) {
            return;
        }
        int step = rnd.nextInt(path.readCount());
        int size = path.readSize(step);
        if (path.readFailed(step) || !world.memory.canRead(path.readAddr(step), size)) {
            return;                                    // a bus error: there is no entry to rewrite
        }
        for (int tries = 0; tries < 8; tries++) {
            long[] e = seenEntries.get(rnd.nextInt(seenEntries.size()));
            if (e[0] == size) {
                world.memory.write(path.readAddr(step), size, e[1], false);
                return;
            }
        }
    }

    private static long pickPa(Random rnd, CacheWorld.Domain d, Map<CacheWorld.Domain, List<Long>> hot) {
        List<Long> pool = hot.computeIfAbsent(d, k -> new ArrayList<>());
        if (!pool.isEmpty() && rnd.nextInt(10) < 7) {
            long pa = pool.get(rnd.nextInt(pool.size()));
            // Same 64 KiB block, another 4 KiB granule sometimes: a hit on the same leaf, other tuple.
            return rnd.nextBoolean() ? pa : (pa & ~0xFFFFL) | ((long) rnd.nextInt(16) << 12) | (pa & 0xFF8);
        }
        long pa = CacheWorld.randomPa(rnd, d);
        if (pool.size() < 24) {
            pool.add(pa);
        } else {
            pool.set(rnd.nextInt(pool.size()), pa);
        }
        return pa;
    }

    private static Invalidation randomInvalidation(Random rnd, CacheWorld world,
                                                   Map<CacheWorld.Domain, List<Long>> hot, MttCacheParams params) {
        CacheWorld.Domain d = world.domains.get(rnd.nextInt(world.domains.size()));
        long pa = pickPa(rnd, d, hot);
        // Bits above sdidLen are ignored by the fence (smmpt ch. 3): sometimes set them.
        long sdid = d.ctx().sdid() | (rnd.nextInt(4) == 0 ? (long) (1 + rnd.nextInt(100)) << params.sdidLen() : 0);
        return switch (rnd.nextInt(8)) {
            case 0 -> Invalidation.all();
            case 1, 2 -> Invalidation.ofSdid(sdid);
            case 3, 4, 5 -> Invalidation.ofPa(pa);
            default -> Invalidation.ofPaAndSdid(pa, sdid);
        };
    }
}
