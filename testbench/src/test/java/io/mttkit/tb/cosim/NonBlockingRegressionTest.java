package io.mttkit.tb.cosim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mttkit.golden.Access;
import io.mttkit.golden.MttMode;
import io.mttkit.golden.cache.MttCacheModel;
import io.mttkit.golden.tables.Region;
import io.mttkit.tb.coverage.WalkCoverage;
import io.mttkit.tb.selftest.RandomDomains;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The shipped non-blocking checker ({@code rtl/rv64-smmpt-nb}: 4 walks in flight, responses by id) through the
 * world/phase regression, event by event ({@link WalkHarness}, {@link WalkScoreboard}): a short run passes, is
 * reproducible from its seed, counts walks-in-flight coverage; and a golden cache model of another geometry is
 * reported, with the cycle and the MSHRs. The 200 000-check run is {@code mtt regress --config rv64-smmpt-nb}.
 */
class NonBlockingRegressionTest {
    @BeforeAll
    static void tools() {
        Bench.requireTools();
    }

    private static CheckerLibrary nb() {
        return CheckerLibrary.shipped("rv64-smmpt-nb");
    }

    @Test
    void aShortRegressionPassesAndRepeatsItsDigest() {
        CheckerLibrary lib = nb();
        assertTrue(lib.description().nonBlocking(), "rv64-smmpt-nb has several walks in flight");
        RegressionResult a = Regression.run(lib, 5, 6_000);
        assertTrue(a.passed(), a::firstMismatch);
        assertTrue(a.checks() > 6_000, "checks: " + a.checks());
        int walks = a.coverage().hitBins(WalkCoverage.IN_FLIGHT);
        assertTrue(walks >= 20, "walks-in-flight bins hit: " + walks + "; holes " + a.coverage().holes(
                WalkCoverage.IN_FLIGHT));
        RegressionResult b = Regression.run(lib, 5, 6_000);
        assertEquals(a.eventDigest(), b.eventDigest(), "same seed, same events");
    }

    @Test
    void aWrongGoldenCacheGeometryIsReported() {
        CheckerLibrary lib = nb();
        MttMode mode = MttMode.SMMPT43;
        List<Region> regions = RandomDomains.generate(mode, 3, 16, 0x9000_0000L, 0x6000_0000L);
        TableWorld world = TableWorld.build(mode, regions);
        SplittableRandom rnd = new SplittableRandom(11);
        List<Stimulus> stream = new ArrayList<>();
        for (int i = 0; i < 1_500; i++) {
            Region r = regions.get(rnd.nextInt(regions.size()));
            stream.add(CheckRequest.of(mode, world.rootPpn(), r.base() + rnd.nextLong(r.size()), Access.R, false));
        }
        SessionSettings s = SessionSettings.simple(1).withLatency(2, 12);
        try (WalkHarness right = new WalkHarness(lib, world.memory(), s)) {
            right.run(stream); // the stream itself is fine
            assertEquals(1_500, right.totals().checks());
        }
        try (WalkHarness wrong = new WalkHarness(lib, world.memory(), s, lookup -> {
            MttCacheModel m = new MttCacheModel(lib.description().cacheParams().withLeafGeometry(16, 2), lookup);
            m.setWalksInFlight(lib.description().walksInFlight());
            return m;
        })) {
            CosimMismatchException e = assertThrows(CosimMismatchException.class, () -> wrong.run(stream));
            assertTrue(e.getMessage().contains("first difference, up to cycle") && e.getMessage().contains("MSHR"),
                    e.getMessage());
        }
    }
}
