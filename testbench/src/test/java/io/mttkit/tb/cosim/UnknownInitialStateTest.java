package io.mttkit.tb.cosim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mttkit.bridge.Variant;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The shipped checker relies on nothing but its reset: built with every register and memory bit initialised to a
 * unique random value ({@link Variant#ASSERT}: {@code --x-initial unique}, {@code --x-assign unique}, assertions
 * on), it matches the golden models on a random regression and runs exactly the same trace (cycles, reads, causes,
 * cache events) as the zero-initialised build.
 */
class UnknownInitialStateTest {
    @BeforeAll
    static void tools() {
        Bench.requireTools();
    }

    @Test
    void theShippedCheckerDependsOnlyOnItsReset() {
        CheckerLibrary fast = CheckerLibrary.shipped("rv64-smmpt");
        CheckerLibrary random = CheckerLibrary.forConfiguration("checker-rv64", Map.of("formats", "smmpt-v0.9"),
                Variant.ASSERT);
        RegressionResult a = Regression.run(fast, 5, 20_000);
        RegressionResult b = Regression.run(random, 5, 20_000);
        assertTrue(b.passed(), b::firstMismatch);
        assertTrue(a.passed(), a::firstMismatch);
        assertEquals(a.cycles(), b.cycles(), "same cycle count");
        assertEquals(a.reads(), b.reads(), "same MPTE reads");
        assertArrayEquals(a.causes(), b.causes(), "same verdicts");
        assertArrayEquals(a.cache(), b.cache(), "same cache events");
    }
}
