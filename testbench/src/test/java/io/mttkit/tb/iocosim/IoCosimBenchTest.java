package io.mttkit.tb.iocosim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * {@code mtt bench cosim --config io-...} on a short workload: not its speed (benchmarks print figures, tests never
 * time), but that it reports only when the product path, the decode-only path and the C++ runner ran one trace, and
 * that its figures are well formed.
 */
class IoCosimBenchTest {
    @Test
    void theBenchReportsTheThreeModesOnOneTrace() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int rc = IoCosimBench.run(IoRandomCosimTest.shipped(), 2_000, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        String out = bytes.toString(StandardCharsets.UTF_8);
        assertEquals(0, rc, out);
        for (String mode : new String[] {"M0 C++ runner", "M1 JNA batches", "M2 product path"}) {
            assertTrue(out.contains(mode), mode + " missing:\n" + out);
        }
        Matcher ratio = Pattern.compile("ratio M2/M0: (\\d+\\.\\d\\d) \\(goal <= 1\\.25; median of 5 paired").matcher(out);
        assertTrue(ratio.find(), out);
        assertTrue(Double.parseDouble(ratio.group(1)) > 0, out);
        Matcher digest = Pattern.compile("event digest \\(M0 = M2\\): [0-9a-f]{16}, (\\d+) cycles, (\\d+) events")
                .matcher(out);
        assertTrue(digest.find(), out);
        // the idle cycles of a cached checker write no observation events (obs_* data ports are 0 when unqualified):
        // fewer events than cycles on this DMA stream, where 2-3 per cycle were written before
        assertTrue(Long.parseLong(digest.group(2)) < Long.parseLong(digest.group(1)), out);
    }
}
