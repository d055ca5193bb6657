package io.mttkit.tb.coverage;

import io.mttkit.tb.cosim.Checkers;
import io.mttkit.tb.cosim.RegressionResult;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mttkit.gen.walker.WalkerParams;
import io.mttkit.tb.cosim.Regression;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A regression of tens of thousands of checks (a few seconds) on the generated checker reaches most of the non-cache bins: a floor per
 * group (set below what the seeded stimulus reaches today, so that a stimulus or sampling regression shows), with
 * the holes printed. The floors are a property of the regression's stimulus, not of the checker.
 */
class RegressionCoverageTest {
    static final long SEED = 20261122;
    /** Multiplies the checks (the floors still hold: with one seed, a longer run repeats a shorter one first). */
    static final long SCALE = Long.getLong("mttkit.coverage.scale", 1);

    /** Skips without Verilator, unless MTTKIT_REQUIRE_TOOLS=1 (CI), as the cosim tests do. */
    @BeforeAll
    static void tools() {
        io.mttkit.tb.ToolGate.requireVerilator();
    }

    @Test
    void rv64RegressionReachesMostBins() {
        // measured with this seed: config 9/12, result 38/60, cause 83/113, xwr 24/24, tuple 157/256,
        // napot_g 20/192, rsvd_bit 72/121, pa 82/82, reads 22/22 (holes printed; see docs/coverage.md)
        check(WalkerParams.defaults(64), 60_000, Map.of(
                CheckerCoverage.CONFIG, 0.7, CheckerCoverage.RESULT, 0.55, CheckerCoverage.CAUSE, 0.65,
                CheckerCoverage.XWR, 1.0, CheckerCoverage.TUPLE, 0.55, CheckerCoverage.NAPOT, 0.08,
                CheckerCoverage.RSVD, 0.5, CheckerCoverage.PA, 1.0, CheckerCoverage.READS, 1.0,
                CheckerCoverage.REQ_MODE, 1.0));
    }

    @Test
    void rv32RegressionReachesMostBins() {
        // measured: config 5/6, result 14/14, cause 24/24, xwr 24/24, tuple 32/32, napot_g 16/32, rsvd_bit 41/41,
        // pa 4/4, reads 6/6
        check(WalkerParams.defaults(32), 30_000, Map.of(
                CheckerCoverage.CONFIG, 0.8, CheckerCoverage.RESULT, 1.0, CheckerCoverage.CAUSE, 0.95,
                CheckerCoverage.XWR, 1.0, CheckerCoverage.TUPLE, 1.0, CheckerCoverage.NAPOT, 0.4,
                CheckerCoverage.RSVD, 0.95, CheckerCoverage.PA, 1.0, CheckerCoverage.READS, 1.0,
                CheckerCoverage.REQ_MODE, 1.0));
    }

    private static void check(WalkerParams params, long checks, Map<String, Double> floors) {
        RegressionResult r = Regression.run(Checkers.of(params), SEED, checks * SCALE);
        assertTrue(r.passed(), r::firstMismatch);
        CoverageDb db = r.coverage();
        System.out.println(db.summary(400));
        if (Boolean.getBoolean("mttkit.coverage.json")) { // the full database, for tuning the stimulus
            System.out.println(db.toJson());
        }
        assertEquals(new CheckerCoverage(Checkers.describe(params)).db().groups(), db.groups());
        for (String g : db.groups()) {
            double floor = floors.get(g);
            assertTrue(db.ratio(g) >= floor, String.format("group %s: %d/%d bins hit, below the floor %.2f; holes %s",
                    g, db.hitBins(g), db.bins(g).size(), floor, db.holes(g)));
        }
    }
}
