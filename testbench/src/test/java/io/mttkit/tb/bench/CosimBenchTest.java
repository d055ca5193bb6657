package io.mttkit.tb.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.mttkit.bridge.BuildDriver;
import io.mttkit.bridge.CheckerSession;
import io.mttkit.bridge.EventBuffer;
import io.mttkit.bridge.LoadedLibrary;
import io.mttkit.bridge.RunResult;
import io.mttkit.bridge.Scenario;
import io.mttkit.bridge.StopReason;
import io.mttkit.bridge.TestDesigns;
import io.mttkit.bridge.ToolMissingException;
import io.mttkit.bridge.Variant;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The co-simulation benchmark's pieces: the reference model, the per-cycle driver and the report. */
class CosimBenchTest {
    private static LoadedLibrary lib;

    @BeforeAll
    static void build() {
        BuildDriver d;
        try {
            d = BuildDriver.fromEnvironment();
        } catch (ToolMissingException e) {
            if ("1".equals(System.getenv("MTTKIT_REQUIRE_TOOLS"))) {
                fail("MTTKIT_REQUIRE_TOOLS=1 but " + e.getMessage());
            }
            assumeTrue(false, ToolMissingException.INSTALL_HINT);
            throw e;
        }
        lib = d.load(TestDesigns.tinyCheckerSpec(d.cache(), Variant.FAST));
    }

    @Test
    void referenceModelAgreesWithTheRtlForEveryBatchSize() {
        Scenario sc = CosimStimulus.generate(5, 3000);
        long digest = CosimBench.jna(lib, sc, 1, true).digest();
        for (int k : new int[] {8, 512, 4096}) {
            assertEquals(digest, CosimBench.jna(lib, sc, k, true).digest());
        }
    }

    @Test
    void referenceModelCatchesAWrongMemoryImage() {
        Scenario sc = CosimStimulus.generate(6, 2000);
        Scenario other = CosimStimulus.generate(7, 2000);
        // the RTL reads sc's memory while the model believes it reads other's
        TinyCheckerModel model = new TinyCheckerModel(sc.requests(), other.memory(), sc.pmp(), true);
        EventBuffer ev = new EventBuffer(4096);
        try (CheckerSession s = sc.open(lib)) {
            TinyCheckerModel.Mismatch m = assertThrows(TinyCheckerModel.Mismatch.class, () -> {
                int from = 0;
                while (from < sc.requests().size()) {
                    RunResult r = s.run(sc.requests(), from, sc.requests().size() - from, ev, 0);
                    model.accept(ev);
                    from += (int) r.consumed();
                }
            });
            assertTrue(m.getMessage().contains("memory holds") || m.getMessage().contains("expected"), m.getMessage());
        }
    }

    @Test
    void referenceModelCatchesAWrongPmpList() {
        Scenario sc = CosimStimulus.generate(8, 3000);
        TinyCheckerModel model = new TinyCheckerModel(sc.requests(), sc.memory(), java.util.List.of(), true);
        EventBuffer ev = new EventBuffer(1 << 16);
        try (CheckerSession s = sc.open(lib)) {
            assertThrows(TinyCheckerModel.Mismatch.class, () -> {
                RunResult r = s.run(sc.requests(), 0, sc.requests().size(), ev, 0);
                assertEquals(StopReason.DONE, r.reason());
                model.accept(ev);
            });
        }
    }

    @Test
    void perCycleGenericDriverReproducesTheFastPathTrace() {
        Scenario sc = CosimStimulus.generate(9, 400);
        assertEquals(CosimBench.jna(lib, sc, 64, true).digest(), CosimBench.perCycle(lib, sc).digest());
    }

    @Test
    void reportPrintsEveryModeAndTheRatioLine() {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        int rc = new CosimBench().measure(new CosimBench.Settings(400, 100, 1), new PrintStream(buf, true, StandardCharsets.UTF_8));
        String text = buf.toString(StandardCharsets.UTF_8);
        assertEquals(0, rc, text);
        for (String mode : new String[] {"M0 C++ runner", "M1 JNA decode", "M2 K=1 ", "M2 K=4096", "M3 per-cycle"}) {
            assertTrue(text.contains(mode), mode + " missing in:\n" + text);
        }
        assertTrue(text.matches("(?s).*ratio M2/M0 at K=64: \\d+\\.\\d\\d\\n.*"), text);
        assertTrue(text.contains("cold build") && text.contains("cached load"), text);
    }
}
