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
 * The default suite's constrained-random co-simulation of the I/O checker ({@code io-checker-rv64}): at least 200 000
 * DMA checks against the golden model with every abort reason reached and every coverage bin hit, and the two
 * properties the regression's digest relies on: a seed gives one trace, and batching is invisible.
 */
class IoRandomCosimTest {
    static IoCheckerLibrary lib() {
        return IoCheckerLibrary.forConfiguration("io-checker-rv64", Map.of());
    }

    @Test
    void twoHundredThousandRandomDmaChecksMatchTheGoldenModel() {
        IoRegression.Result r = IoRegression.run(lib(), 1, 200_000, n -> { });
        assertNull(r.firstMismatch());
        assertTrue(r.checks() >= 200_000, "checks " + r.checks());
        for (AbortReason a : AbortReason.values()) {
            assertTrue(r.reasons()[a.ordinal()] > 0, a + " never decided: " + java.util.Arrays.toString(r.reasons()));
        }
        assertTrue(r.windows() > 0, "no verdict fell in a reconfiguration window");
        for (String g : r.coverage().db().groups()) {
            assertEquals(List.of(), r.coverage().db().holes(g), "coverage holes in " + g);
        }
    }

    @Test
    void aSeedGivesOneTraceWhateverTheBatch() {
        List<Long> digests = new ArrayList<>();
        for (int batch : new int[] {1, 7, 2048}) {
            PhysicalMemory mem = new PhysicalMemory();
            IoCheckerLibrary lib = lib();
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
