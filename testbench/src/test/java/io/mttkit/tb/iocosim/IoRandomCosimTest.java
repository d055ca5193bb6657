package io.mttkit.tb.iocosim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mttkit.golden.iompt.AbortReason;
import io.mttkit.golden.mem.PhysicalMemory;
import io.mttkit.tb.cosim.SessionSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The default suite's constrained-random co-simulation of the I/O checker: at least 200 000 DMA checks of the shipped
 * cached {@code io-rv64-smmpt} (the generator's output, which {@code ShippedRtlTest} keeps equal to
 * {@code rtl/io-rv64-smmpt}) against the golden model and the golden cache model, and 50 000 of the cache-less
 * {@code io-checker-rv64}, each with every abort reason reached and every coverage bin hit (the cache events and
 * invalidation scopes included); and the two properties the regression's digest relies on: a seed gives one trace,
 * and batching is invisible.
 */
class IoRandomCosimTest {
    static IoCheckerLibrary lib() {
        return IoCheckerLibrary.forConfiguration("io-checker-rv64", Map.of());
    }

    static IoCheckerLibrary shipped() {
        return IoCheckerLibrary.forConfiguration("io-rv64-smmpt", Map.of());
    }

    @Test
    void twoHundredThousandRandomDmaChecksOfTheShippedCachedCheckerMatchTheGoldenModels() {
        IoRegression.Result r = everyReasonAndBin(shipped(), 200_000);
        // every kind of cache event was compared, stale hits (an MPT store or root change not yet invalidated) too
        for (int i = 0; i < r.cacheStats().length; i++) {
            assertTrue(r.cacheStats()[i] > 0, IoCoverage.CACHE_EVENT_BINS.get(i) + " never happened: "
                    + java.util.Arrays.toString(r.cacheStats()));
        }
    }

    @Test
    void fiftyThousandRandomDmaChecksOfTheCachelessCheckerMatchTheGoldenModel() {
        IoRegression.Result r = everyReasonAndBin(lib(), 50_000);
        assertNull(r.cacheStats());
    }

    private static IoRegression.Result everyReasonAndBin(IoCheckerLibrary lib, long checks) {
        IoRegression.Result r = IoRegression.run(lib, 1, checks, n -> { });
        assertNull(r.firstMismatch());
        assertTrue(r.checks() >= checks, "checks " + r.checks());
        for (AbortReason a : AbortReason.values()) {
            assertTrue(r.reasons()[a.ordinal()] > 0, a + " never decided: " + java.util.Arrays.toString(r.reasons()));
        }
        assertTrue(r.windows() > 0, "no verdict fell in a reconfiguration window");
        for (String g : r.coverage().db().groups()) {
            assertEquals(List.of(), r.coverage().db().holes(g), "coverage holes in " + g);
        }
        return r;
    }

    @Test
    void aSeedGivesOneTraceWhateverTheBatch() {
        List<Long> digests = new ArrayList<>();
        for (int batch : new int[] {1, 7, 2048}) {
            PhysicalMemory mem = new PhysicalMemory();
            IoCheckerLibrary lib = shipped();
            IoStimulus stim = new IoStimulus(5, lib.description(), mem);
            SessionSettings s = SessionSettings.simple(9).withLatency(2, 7).withStalls(100, 100).withBusErrors(20);
            try (IoHarness h = new IoHarness(lib, mem, s)) {
                h.setBatch(batch);
                h.setPmpRegions(stim.pmpRegions());
                h.run(stim.setUp());
                h.run(stim.round(1500));
                assertTrue(h.totals().dmaChecks() >= 1500);
                digests.add(h.totals().digest());
            }
        }
        assertEquals(1, digests.stream().distinct().count(), "digests " + digests);
        IoRegression.Result a = IoRegression.run(lib(), 3, 5_000, n -> { });
        IoRegression.Result b = IoRegression.run(lib(), 3, 5_000, n -> { });
        IoRegression.Result c = IoRegression.run(lib(), 4, 5_000, n -> { });
        assertEquals(a.digest(), b.digest());
        assertTrue(a.digest() != c.digest(), "another seed, another run");
    }
}
