package io.mttkit.tb.bench;

import io.mttkit.tb.cosim.Checkers;
import io.mttkit.tb.dut.CheckerDescription;
import io.mttkit.tb.cosim.CheckAnswer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.mttkit.bridge.BuildDriver;
import io.mttkit.bridge.CheckerSession;
import io.mttkit.bridge.EventBuffer;
import io.mttkit.bridge.EventKind;
import io.mttkit.bridge.Records;
import io.mttkit.bridge.RequestBuffer;
import io.mttkit.bridge.RunResult;
import io.mttkit.bridge.Scenario;
import io.mttkit.bridge.StopReason;
import io.mttkit.bridge.ToolMissingException;
import io.mttkit.gen.Configurations;
import io.mttkit.gen.cache.CacheShape;
import io.mttkit.gen.checker.CheckerConfigurations;
import io.mttkit.gen.walker.WalkerParams;
import io.mttkit.golden.MttMode;
import io.mttkit.tb.cosim.CheckRequest;
import io.mttkit.tb.cosim.CheckerLibrary;
import io.mttkit.tb.cosim.CosimHarness;
import io.mttkit.tb.cosim.Stimulus;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The co-simulation benchmark's pieces on the shipped cached checker: the workload, its bridge-level encoding,
 * the per-cycle driver, the product-path cross-check and the report. No timing is asserted.
 */
class CosimBenchTest {
    private static CheckerLibrary lib;

    /** The shipped checker, or the test is skipped when Verilator is missing (failed with MTTKIT_REQUIRE_TOOLS=1). */
    private static CheckerLibrary lib() {
        if (lib == null) {
            try {
                BuildDriver.fromEnvironment();
            } catch (ToolMissingException e) {
                if ("1".equals(System.getenv("MTTKIT_REQUIRE_TOOLS"))) {
                    fail("MTTKIT_REQUIRE_TOOLS=1 but " + e.getMessage());
                }
                assumeTrue(false, ToolMissingException.INSTALL_HINT);
            }
            lib = CheckerLibrary.shipped(CosimBench.CONFIGURATION);
        }
        return lib;
    }

    /** The shipped configuration's parameters, resolved as {@link CheckerLibrary#shipped} does (no build). */
    private static WalkerParams params() {
        return CheckerConfigurations.params(64, Configurations.resolve("checker-rv64", java.util.Map.of("formats", "smmpt-v0.9")));
    }

    @Test
    void workloadFollowsTheSeedAndHoldsEveryKindOfItem() {
        BenchWorkload a = CosimStimulus.generate(Checkers.describe(params(), CacheShape.DEFAULT), Checkers.describe(params(), CacheShape.DEFAULT).cache(), 3, 20_000);
        BenchWorkload b = CosimStimulus.generate(Checkers.describe(params(), CacheShape.DEFAULT), Checkers.describe(params(), CacheShape.DEFAULT).cache(), 3, 20_000);
        assertEquals(20_000, a.stream().size());
        assertEquals(a.stream(), b.stream());
        assertNotEquals(a.stream(), CosimStimulus.generate(Checkers.describe(params(), CacheShape.DEFAULT), Checkers.describe(params(), CacheShape.DEFAULT).cache(), 4, 20_000).stream());

        Set<Integer> sdids = new HashSet<>();
        Set<MttMode> modes = new HashSet<>();
        Set<String> fenceKinds = new HashSet<>();
        int bypass = 0;
        int syncs = 0;
        int idles = 0;
        int repeatedPages = 0;
        Set<Long> pages = new HashSet<>();
        for (Stimulus s : a.stream()) {
            if (s instanceof CheckRequest c) {
                sdids.add(c.sdid());
                modes.add(c.mode());
                bypass += c.bypass() ? 1 : 0;
                repeatedPages += pages.add(c.pa() >>> 12) ? 0 : 1;
            } else if (s instanceof Stimulus.Invalidate inv) {
                fenceKinds.add(inv.hasPa() + "/" + inv.hasSdid());
            } else if (s instanceof Stimulus.Sync) {
                syncs++;
            } else {
                idles++;
            }
        }
        assertEquals(CosimStimulus.DOMAINS, sdids.size(), "one SDID per domain");
        assertTrue(modes.contains(MttMode.BARE), "Bare checks");
        assertTrue(modes.containsAll(List.of(MttMode.SMMPT43, MttMode.SMMPT52, MttMode.SMMPT64)), modes.toString());
        assertEquals(4, fenceKinds.size(), "all four invalidation operand kinds: " + fenceKinds);
        assertTrue(bypass > 0 && syncs > 0 && idles > 0, bypass + " " + syncs + " " + idles);
        assertTrue(repeatedPages > a.checks() / 2, "locality: most checks revisit a page (" + repeatedPages + ")");
    }

    @Test
    void scenarioEncodesTheStreamAsTheHarnessDoes() {
        CheckerDescription p = Checkers.describe(params(), CacheShape.DEFAULT);
        BenchWorkload w = CosimStimulus.generate(p, p.cache(), 5, 2_000);
        Scenario sc = w.scenario(p);
        RequestBuffer q = sc.requests();
        assertEquals(w.stream().size(), q.size());
        assertEquals(w.checks(), sc.checks());
        assertEquals(p.pmpLatency(), sc.config().pmpLatency());
        int check = 0;
        for (int i = 0; i < q.size(); i++) {
            Stimulus s = w.stream().get(i);
            if (s instanceof CheckRequest c) {
                assertEquals(Records.REQ_CHECK, q.kind(i));
                assertEquals(check++ % (1 << p.idWidth()), q.id(i), "check ids count checks and wrap at idWidth");
                assertEquals(c.pa(), q.pa(i));
                assertEquals(c.sdid(), q.sdid(i));
                assertEquals(c.rawMode(), q.mode(i));
            } else if (s instanceof Stimulus.Invalidate) {
                assertEquals(Records.REQ_INVAL, q.kind(i));
            } else if (s instanceof Stimulus.Sync) {
                assertEquals(Records.REQ_SYNC, q.kind(i));
            } else {
                assertEquals(Records.REQ_IDLE, q.kind(i));
            }
        }
        assertTrue(check > 1 << p.idWidth(), "the stream is long enough for ids to wrap");
    }

    @Test
    void everyBatchSizeRunsTheSameTrace() {
        CheckerLibrary l = lib();
        Scenario sc = CosimStimulus.generate(l.description(), l.cache(), 6, 3_000).scenario(l.description());
        long digest = CosimBench.jna(l.library(), sc, 1, null).digest();
        for (int k : new int[] {8, 256, 4096}) {
            assertEquals(digest, CosimBench.jna(l.library(), sc, k, null).digest(), "K=" + k);
        }
    }

    @Test
    void perCycleDriverReproducesTheFastPathTraceIncludingObsx() {
        CheckerLibrary l = lib();
        Scenario sc = CosimStimulus.generate(l.description(), l.cache(), 7, 300).scenario(l.description());
        // the comparison means something only if the trace has extension observations (fills, invalidations)
        assertTrue(count(l, sc, EventKind.OBSX) > 0, "no OBSX event in the trace");
        assertEquals(CosimBench.jna(l.library(), sc, 64, null).digest(), CosimBench.perCycle(l.library(), sc).digest());
    }

    @Test
    void firstDifferenceFindsNoneWhenTheDriversAgree() {
        CheckerLibrary l = lib();
        Scenario sc = CosimStimulus.generate(l.description(), l.cache(), 11, 200).scenario(l.description());
        assertTrue(CosimBench.firstDifference(l.library(), sc).contains("did not repeat"));
    }

    @Test
    void productPathAnswersMatchTheFastPathTrace() {
        CheckerLibrary l = lib();
        BenchWorkload w = CosimStimulus.generate(l.description(), l.cache(), 8, 3_000);
        CosimBench.ProductCheck pc = run(l, w);
        assertTrue(pc.answers().stream().anyMatch(CheckAnswer::hit), "the workload hits the cache");
        CosimBench.compareAnswers(l.library(), w.scenario(l.description()), pc); // does not throw
    }

    @Test
    void refusesAnswersOfAnotherTrace() {
        CheckerLibrary l = lib();
        BenchWorkload w = CosimStimulus.generate(l.description(), l.cache(), 9, 2_000);
        BenchWorkload other = CosimStimulus.generate(l.description(), l.cache(), 10, 2_000);
        CosimBench.ProductCheck pc = run(l, other);
        assertThrows(CosimBench.Refused.class, () -> CosimBench.compareAnswers(l.library(), w.scenario(l.description()), pc));
    }

    @Test
    void reportPrintsEveryModeAndTheRatioLines() {
        lib();
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        int rc = new CosimBench().measure(new CosimBench.Settings(400, 100, 1), new PrintStream(buf, true, StandardCharsets.UTF_8));
        String text = buf.toString(StandardCharsets.UTF_8);
        assertEquals(0, rc, text);
        for (String mode : new String[] {"M0 C++ runner", "M1 K=1 ", "M1 K=4096", "M2 K=1 product path",
            "M2 K=64 product path", "M2 K=4096 product path", "M3 per-cycle"}) {
            assertTrue(text.contains(mode), mode + " missing in:\n" + text);
        }
        assertTrue(text.matches("(?s).*\\nratio M2/M0 at K=64: \\d+\\.\\d\\d\\n.*"), text);
        assertTrue(text.matches("(?s).*\\nfastest repetitions .*: M2/M0 at K=64 \\d+\\.\\d\\d, M1/M0 at K=64 \\d+\\.\\d\\d\\n.*"), text);
        assertTrue(text.contains("cold build") && text.contains("dlopen"), text);
        assertTrue(text.contains("scoreboard: every check and cache event of M2 matched"), text);
    }

    private static CosimBench.ProductCheck run(CheckerLibrary l, BenchWorkload w) {
        try (CosimHarness h = new CosimHarness(l, w.memory(), w.settings())) {
            h.setPmpRegions(w.pmp());
            h.run(w.stream());
            return new CosimBench.ProductCheck(h.totals(), h.answers());
        }
    }

    private static long count(CheckerLibrary l, Scenario sc, EventKind kind) {
        EventBuffer ev = new EventBuffer(1 << 16);
        long n = 0;
        try (CheckerSession s = sc.open(l.library())) {
            int from = 0;
            boolean done = false;
            while (!done) {
                boolean draining = from >= sc.requests().size();
                RunResult r = draining ? s.drain(ev, 0) : s.run(sc.requests(), from, sc.requests().size() - from, ev, 0);
                assertTrue(!r.reason().terminal(), r.reason() + " " + r.message());
                from += (int) r.consumed();
                done = draining && r.reason() == StopReason.DONE;
                for (int i = 0; i < ev.size(); i++) {
                    n += ev.event(i).kind() == kind ? 1 : 0;
                }
            }
        }
        return n;
    }
}
