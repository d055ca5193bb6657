package io.mttkit.bridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The standalone C++ runner and the wave replay reproduce the JVM's event trace exactly. */
class WavesAndRunnerTest {
    private static BuildDriver driver;
    private static LoadedLibrary fast;

    @BeforeAll
    static void build() {
        driver = ToolSupport.driverOrSkip();
        fast = TinyFixture.fast();
    }

    static Scenario scenario(long seed, int n) {
        Random rnd = new Random(seed);
        ByteBuffer mem = TinyFixture.memory();
        for (int p = 0; p < 128; p++) {
            TinyFixture.putEntry(mem, p, rnd.nextInt(6) == 0 ? rnd.nextLong() : TinyFixture.entry(true, rnd.nextInt(8)));
        }
        RequestBuffer q = new RequestBuffer(n);
        for (int i = 0; i < n; i++) {
            int pick = rnd.nextInt(25);
            if (pick == 0) {
                q.invalidate(rnd.nextBoolean(), (long) rnd.nextInt(128) << 12, rnd.nextBoolean(), rnd.nextInt(4));
            } else if (pick == 1) {
                q.sync();
            } else {
                q.check(i, (long) rnd.nextInt(160) << 12, 1 << rnd.nextInt(3), rnd.nextInt(4), 0, TinyFixture.ROOT_PPN,
                        rnd.nextInt(8) == 0, false);
            }
        }
        SessionConfig cfg = SessionConfig.defaults(seed).withLatency(2, 12).withStalls(250, 100).withBusErrors(20);
        return new Scenario(cfg, 5, List.of(new PmpRegion(TinyFixture.MEM_BASE + 0x300, 0x100, false)),
                List.of(new StimulusFile.Region(TinyFixture.MEM_BASE, mem)), q);
    }

    @Test
    void baselineRunnerProducesTheJvmsDigest(@TempDir Path tmp) throws Exception {
        Scenario sc = scenario(11, 2000);
        long jvm;
        try (CheckerSession s = sc.open(fast)) {
            jvm = WaveReplay.runAll(s, sc.requests(), new EventBuffer(256));
        }
        Path stim = tmp.resolve("stim.bin");
        sc.writeStimulus(stim);
        BaselineRunner runner = BaselineRunner.build(driver.cache(), driver.compilerVersion());
        List<BaselineRunner.Result> res = runner.run(fast.built(), stim, 2);
        assertEquals(jvm, res.get(0).digest());
        assertEquals(jvm, res.get(1).digest());
        assertEquals(sc.checks(), res.get(0).checks());
        assertTrue(res.get(0).cycles() > 2000);
    }

    @Test
    void vcdReplayDumpsOnlyTheWindowAndKeepsTheTrace(@TempDir Path tmp) throws Exception {
        LoadedLibrary trace = driver.load(TestDesigns.tinyCheckerSpec(driver.cache(), Variant.TRACE).withWaves(WaveFormat.VCD));
        Scenario sc = scenario(12, 300);
        long fastDigest;
        try (CheckerSession s = sc.open(fast)) {
            fastDigest = WaveReplay.runAll(s, sc.requests(), new EventBuffer(256));
        }
        Path vcd = tmp.resolve("replay.vcd");
        WaveReplay.Result r = WaveReplay.around(trace, sc, 150, 20, 30, vcd);
        assertEquals(fastDigest, r.digest());
        assertEquals(r.acceptCycle() - 20, r.fromCycle());
        String text = Files.readString(vcd);
        assertTrue(text.contains("$enddefinitions"), "not a VCD");
        Matcher m = Pattern.compile("(?m)^#(\\d+)$").matcher(text);
        long first = Long.MAX_VALUE;
        long last = -1;
        while (m.find()) {
            long t = Long.parseLong(m.group(1));
            first = Math.min(first, t);
            last = Math.max(last, t);
        }
        // two time steps per cycle: the dump covers exactly [from, to)
        assertEquals(2 * r.fromCycle(), first);
        assertEquals(2 * r.toCycle() - 1, last);
        assertTrue(text.contains("req_valid"));
    }

    @Test
    void fstReplayWritesAWaveFile(@TempDir Path tmp) {
        LoadedLibrary trace = driver.load(TestDesigns.tinyCheckerSpec(driver.cache(), Variant.TRACE));
        assertTrue(trace.buildInfo().contains("variant=trace-fst"), trace.buildInfo());
        Scenario sc = scenario(13, 200);
        Path fst = tmp.resolve("replay.fst");
        WaveReplay.Result r = WaveReplay.around(trace, sc, 100, 10, 10, fst);
        assertTrue(Files.exists(fst));
        assertTrue(fst.toFile().length() > 100, "FST file too small");
        assertTrue(r.toCycle() - r.fromCycle() == 21);
    }

    @Test
    void assertVariantWithRandomXInitGivesTheSameTrace() {
        LoadedLibrary checked = driver.load(TestDesigns.tinyCheckerSpec(driver.cache(), Variant.ASSERT));
        assertTrue(checked.buildInfo().contains("variant=assert"), checked.buildInfo());
        Scenario sc = scenario(15, 500);
        long want;
        try (CheckerSession s = sc.open(fast)) {
            want = WaveReplay.runAll(s, sc.requests(), new EventBuffer(256));
        }
        // every register starts from a seeded random value; after reset the design must not care
        try (CheckerSession s = sc.open(checked)) {
            assertEquals(want, WaveReplay.runAll(s, sc.requests(), new EventBuffer(256)));
        }
    }

    @Test
    void tracingIsRefusedOutsideTheTraceVariant(@TempDir Path tmp) {
        Scenario sc = scenario(14, 10);
        try (CheckerSession s = sc.open(fast)) {
            BridgeException e = assertThrows(BridgeException.class, () -> s.traceWindow(tmp.resolve("x.fst"), 0, 10));
            assertTrue(e.getMessage().contains("trace variant"), e.getMessage());
        }
        assertThrows(BridgeException.class, () -> WaveReplay.around(fast, sc, 1, 1, 1, tmp.resolve("y.fst")));
    }
}
