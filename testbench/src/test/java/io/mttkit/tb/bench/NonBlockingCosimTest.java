package io.mttkit.tb.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mttkit.gen.ShippedRtl;
import io.mttkit.golden.Access;
import io.mttkit.golden.ImplicitReadCheck;
import io.mttkit.golden.MttLookup;
import io.mttkit.golden.cache.MttCacheModel;
import io.mttkit.golden.MttMode;
import io.mttkit.golden.TableFormat;
import io.mttkit.golden.mem.PhysicalMemory;
import io.mttkit.golden.tables.BuiltTables;
import io.mttkit.tb.cosim.CheckRequest;
import io.mttkit.tb.dut.ResponseOrder;
import io.mttkit.tb.cosim.WalkCosim;
import io.mttkit.tb.cosim.Stimulus;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The non-blocking checker (issue #15 step 3) in Verilator, W = 2 in order and W = 4 by id, out-of-order memory:
 * every response's verdict equals a fresh golden lookup of its request ({@link NonBlockingRun}); no MPTE is read
 * twice at once and tags are MSHR indexes; walks overlap; with {@code BY_ID} hits overtake outstanding misses. The
 * stream mixes hot blocks (hits), fresh blocks (misses), bursts on one fresh block (a conflict: WAIT, replay),
 * bypass, out-of-range PAs, invalidations and syncs (stale walks, R7), with random {@code rsp_ready} stalls. Two
 * Verilator builds, one run each per seed.
 */
class NonBlockingCosimTest {
    private static final int BLOCKS = 600;

    @Test
    void twoWalksInOrderAnswerEveryCheckAsTheGoldenModel() {
        runSeeds(Map.of("walksInFlight", "2"), false);
    }

    @Test
    void fourWalksByIdAnswerEveryCheckAsTheGoldenModelAndHitsOvertakeMisses() {
        runSeeds(Map.of("walksInFlight", "4", "responseOrder", "BY_ID"), true);
    }

    /**
     * The event scoreboard can fail: the W = 2 RTL against a golden cache model whose leaf array has 2 ways instead of
     * 4 (a wrong replacement) is reported, event by event.
     */
    @Test
    void aWrongGoldenCacheModelIsReported() {
        NonBlockingRun.Built b = build(Map.of("walksInFlight", "2"));
        MttMode mode = smmpt(b);
        PhysicalMemory memory = new PhysicalMemory();
        BuiltTables tables = LatencyBench.tables(mode, BLOCKS, memory);
        List<Stimulus> stream = stream(mode, tables.rootPpn(), 1, 3000);
        MttCacheModel wrong = new MttCacheModel(b.description().cacheParams().withLeafGeometry(16, 2),
                new MttLookup(memory, ImplicitReadCheck.ALLOW_ALL, b.description().lookupConfig()));
        wrong.setWalksInFlight(2);
        WalkCosim.Result w = WalkCosim.run(b.library(), b.description(), 2, ResponseOrder.IN_ORDER, memory, stream, 1,
                2, 30, 0, wrong, null);
        assertTrue(w.differences().stream().anyMatch(x -> x.contains("cache lookup") || x.contains("fill of walk")),
                "a 2-way leaf array must disagree with the RTL's 4: " + w.differences().stream().limit(3).toList());
    }

    private static NonBlockingRun.Built build(Map<String, String> concurrency) {
        ShippedRtl.Shipped shipped = ShippedRtl.ALL.stream().filter(s -> s.name().equals("rv64-smmpt")).findFirst()
                .orElseThrow();
        Map<String, String> settings = new java.util.LinkedHashMap<>(shipped.settings());
        settings.putAll(concurrency);
        return NonBlockingRun.build(shipped.configuration(), settings);
    }

    private static MttMode smmpt(NonBlockingRun.Built b) {
        return b.description().modes().stream().filter(m -> m.format() == TableFormat.SMMPT_V0_9).findFirst()
                .orElseThrow();
    }

    /**
     * The shipped rv64-smmpt with {@code concurrency} (the bench's non-blocking rows build the same 4-walk RTL): per
     * seed the verdict run ({@link NonBlockingRun}) and the event-by-event run ({@link WalkCosim}: every cache event,
     * every walk's reads of its tag, every response, R7 syncs) on the same stream.
     */
    private static void runSeeds(Map<String, String> concurrency, boolean byId) {
        ShippedRtl.Shipped shipped = ShippedRtl.ALL.stream().filter(s -> s.name().equals("rv64-smmpt")).findFirst()
                .orElseThrow();
        Map<String, String> settings = new java.util.LinkedHashMap<>(shipped.settings());
        settings.putAll(concurrency);
        NonBlockingRun.Built b = NonBlockingRun.build(shipped.configuration(), settings);
        MttMode mode = b.description().modes().stream().filter(m -> m.format() == TableFormat.SMMPT_V0_9).findFirst()
                .orElseThrow();
        PhysicalMemory memory = new PhysicalMemory();
        BuiltTables tables = LatencyBench.tables(mode, BLOCKS, memory);
        long stale = 0;
        for (long seed = 1; seed <= 3; seed++) {
            List<Stimulus> stream = stream(mode, tables.rootPpn(), seed, 3000);
            NonBlockingRun.Result r = NonBlockingRun.run(b, memory, stream, seed, 2, 30, seed == 3 ? 200 : 0);
            System.out.printf("%s seed %d: %d checks, %.3f checks/cycle, %d reads in flight at most, %d overtaken,"
                    + " %d hits under a miss, %d stale%n", settings, seed, r.checks(), r.checksPerCycle(),
                    r.maxReadsInFlight(), r.overtaken(), r.hitsUnderMiss(), r.stale());
            assertEquals(3000, r.checks());
            assertTrue(r.maxReadsInFlight() >= 2, "walks overlap: " + r);
            assertTrue(r.hitsUnderMiss() > 100, "hits answered while a walk waits for memory: " + r.hitsUnderMiss());
            if (byId) {
                assertTrue(r.overtaken() > 50, "hits answered under outstanding misses: " + r.overtaken());
            }
            stale += r.stale();
            // the whole stream, PA-range faults included: answered in the front by both sides (no MSHR)
            WalkCosim.Result w = WalkCosim.run(b.library(), b.description(), b.walksInFlight(),
                    byId ? ResponseOrder.BY_ID : ResponseOrder.IN_ORDER, memory, stream, seed, 2, 30,
                    seed == 3 ? 200 : 0, null, null);
            System.out.printf("%s seed %d, event scoreboard: %d checks, %d cycles, %d differences%n", settings, seed,
                    w.checks(), w.cycles(), w.differences().size());
            assertEquals(List.of(), w.differences().stream().limit(20).toList(), "WalkScoreboard");
            assertEquals(3000, w.checks());
            assertTrue(rangeFaults(b, stream) > 0, "the event run includes PA-range faults");
        }
        assertTrue(stale > 0, "some walks were overtaken by an invalidation (R1)");
    }

    /** The PA-range faults of {@code stream}: checks (not bypass) with a PA bit at or above paw. */
    private static long rangeFaults(NonBlockingRun.Built b, List<Stimulus> stream) {
        return stream.stream().filter(s -> s instanceof CheckRequest c && !c.isBypass()
                && (c.pa() >>> b.description().paw()) != 0).count();
    }

    /** Loads and stores to hot and fresh blocks, bursts on one fresh block, bypass, range faults, fences. */
    static List<Stimulus> stream(MttMode mode, long rootPpn, long seed, int checks) {
        SplittableRandom rnd = new SplittableRandom(seed);
        List<Stimulus> out = new ArrayList<>();
        int n = 0;
        while (n < checks) {
            int kind = rnd.nextInt(100);
            long block = kind < 60 ? rnd.nextInt(8) : 8 + rnd.nextInt(BLOCKS - 8);
            int burst = kind >= 90 ? 2 + rnd.nextInt(3) : 1; // several misses on one block: conflicts
            for (int k = 0; k < burst && n < checks; k++, n++) {
                long pa = (1L << 32) + block * 64 * 1024 + (rnd.nextLong(64 * 1024) & ~7L);
                int need = new int[] {Access.R, Access.W, Access.X, Access.R | Access.W}[rnd.nextInt(4)];
                CheckRequest c = CheckRequest.of(mode, rootPpn, pa, need, false);
                int special = rnd.nextInt(200);
                if (special == 0) {
                    c = CheckRequest.bypass(mode, rootPpn, pa, need);
                } else if (special == 1) {
                    c = CheckRequest.of(mode, rootPpn, pa | (1L << 60), need, false); // beyond paw: PA_RANGE
                }
                out.add(LatencyBench.withSdid(c));
            }
            int fence = rnd.nextInt(100);
            if (fence == 0) {
                out.add(Stimulus.Invalidate.all());
            } else if (fence == 1) {
                out.add(new Stimulus.Invalidate(true, (1L << 32) + rnd.nextInt(BLOCKS) * 64L * 1024, false, 0));
                out.add(new Stimulus.Sync());
            } else if (fence == 2) {
                out.add(new Stimulus.Sync());
            }
        }
        return out;
    }
}
