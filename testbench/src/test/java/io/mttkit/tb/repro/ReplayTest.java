package io.mttkit.tb.repro;

import io.mttkit.tb.cosim.Checkers;
import io.mttkit.tb.cosim.RegressionResult;
import io.mttkit.tb.cosim.SessionSettings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mttkit.bridge.PmpRegion;
import io.mttkit.gen.checker.MttChecker;
import io.mttkit.gen.walker.WalkerParams;
import io.mttkit.golden.MttMode;
import io.mttkit.golden.tables.Region;
import io.mttkit.hdl.Hdl;
import io.mttkit.hdl.emit.EmitOptions;
import io.mttkit.hdl.ir.Design;
import io.mttkit.tb.cosim.CheckRequest;
import io.mttkit.tb.cosim.CheckerLibrary;
import io.mttkit.tb.cosim.Regression;
import io.mttkit.tb.cosim.TableWorld;
import io.mttkit.tb.selftest.RandomDomains;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/** Replays on the generated checker: digests reproduce, the build hash is checked, a real mismatch reproduces. */
class ReplayTest {
    private static final WalkerParams RV64 = WalkerParams.defaults(64);

    @TempDir
    Path dir;

    /** Skips without Verilator, unless MTTKIT_REQUIRE_TOOLS=1 (CI), as the cosim tests do. */
    @BeforeAll
    static void tools() {
        io.mttkit.tb.ToolGate.requireVerilator();
    }

    /** A phase like the regression's: a world with corrupted entries, latency, stalls, bus errors and PMP. */
    private static ReproBundle phase(SessionSettings s) {
        CheckerLibrary lib = Checkers.of(RV64);
        MttMode mode = MttMode.SMMPT52;
        List<Region> regions = RandomDomains.generate(mode, 11, 12, 0x9000_0000L, 0x2000_0000L);
        TableWorld world = TableWorld.build(mode, regions);
        SplittableRandom rnd = new SplittableRandom(5);
        for (int i = 0; i < 6; i++) { // flip low bits of a few entries on walk paths (V/L/N, XWR, G live there)
            Region r = regions.get(rnd.nextInt(regions.size()));
            int steps = world.path(r.base()).readCount();
            long addr = world.entryAddress(r.base(), steps > 1 ? 1 + rnd.nextInt(steps - 1) : 0);
            world.writeEntry(addr, world.readEntry(addr) ^ (1L << rnd.nextInt(16)));
        }
        List<CheckRequest> reqs = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            Region r = regions.get(rnd.nextInt(regions.size()));
            reqs.add(CheckRequest.of(mode, world.rootPpn(), r.base() + rnd.nextLong(r.size()), 1 + rnd.nextInt(7), false));
        }
        long leaf = world.entryAddress(regions.get(0).base(), world.path(regions.get(0).base()).readCount() - 1);
        List<PmpRegion> pmp = List.of(new PmpRegion(leaf, 8, false));
        return new ReproBundle(1, Checkers.describe(RV64), s, pmp, lib.library().built().hash(), 0, -1, "",
                ReproBundle.snapshot(world.memory()), reqs);
    }

    private static final SessionSettings SETTINGS = new SessionSettings(99, 2, 6, 120, 80, 20, true);

    @Test
    void replayOfARecordedPhaseGivesTheSameDigest() throws Exception {
        Path f = dir.resolve("ref.tar.gz");
        Replay.writeWithDigest(phase(SETTINGS), Checkers.of(RV64).library(), f);
        ReproBundle b = ReproBundleCodec.read(f);
        assertNotEquals(0, b.digest());
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        Replay.Outcome o = Replay.replay(b, null, new PrintStream(log, true, StandardCharsets.UTF_8));
        assertTrue(o.reproduced(), o.summary(b));
        assertEquals(-1, o.mismatchIndex());
        assertTrue(o.buildHashMatches() && o.digestMatches(), o.summary(b));
        assertEquals("", log.toString(StandardCharsets.UTF_8));
        // the digest is sensitive to the recorded settings: another bridge seed gives another trace
        ReproBundle other = phase(new SessionSettings(100, 2, 6, 120, 80, 20, true));
        assertNotEquals(b.digest(), Replay.digest(Checkers.of(RV64).library(), other));
    }

    @Test
    void aDifferentBuildHashIsAWarning() {
        ReproBundle b = phase(SETTINGS);
        ReproBundle stale = new ReproBundle(b.seed(), b.checker(), b.settings(), b.pmp(), "0123456789abcdef", 0, -1,
                "", b.memory(), b.requests());
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        Replay.Outcome o = Replay.replay(stale, null, new PrintStream(log, true, StandardCharsets.UTF_8));
        assertFalse(o.buildHashMatches());
        assertTrue(log.toString(StandardCharsets.UTF_8).contains("0123456789abcdef"), log.toString());
        assertTrue(o.reproduced(), "the phase still passes on the current build");
    }

    /**
     * A real mismatch: RTL generated with the reserved-tuple check on the selected tuple only (SPEC-DECISIONS #11)
     * but run as if it checked every tuple. The regression writes a bundle; the bundle alone reproduces the
     * mismatch at the same request on that RTL (same digest), and the correctly generated checker passes it.
     */
    @Test
    void aRegressionMismatchReproducesFromItsBundle() throws Exception {
        WalkerParams claimed = WalkerParams.defaults(32);
        WalkerParams built = new WalkerParams(32, claimed.formats(), claimed.paw(), claimed.sdidLen(),
                claimed.idWidth(), WalkerParams.TupleScope.SELECTED, claimed.v01OneGigAsOneGiB(),
                claimed.bigEndianSupport(), claimed.pmpLatency());
        Design design = Hdl.elaborate(new MttChecker(built));
        Path rtl = Files.createDirectories(dir.resolve("rtl"));
        CheckerLibrary mutant = Checkers.fromVerilog(Hdl.write(design, EmitOptions.plain(), rtl), design.top(),
                claimed);
        Path f = dir.resolve("out/mismatch.tar.gz");
        RegressionResult r = Regression.run(mutant, 7, 20_000, f);
        ReproBundle b = ReplayAssertions.bundleOfFailure(r, f);
        assertTrue(r.firstMismatch().contains("repro bundle: "), r.firstMismatch());
        assertNotEquals(0, b.digest());

        ReplayAssertions.assertReproduces(b, mutant);

        Replay.Outcome onGenerated = Replay.replay(b, Checkers.of(claimed), null, System.out);
        assertFalse(onGenerated.reproduced(), "the correctly generated checker matches the golden model");
        assertEquals(-1, onGenerated.mismatchIndex());
        assertFalse(onGenerated.buildHashMatches());
        assertTrue(onGenerated.summary(b).startsWith("NOT REPRODUCED"), onGenerated.summary(b));
    }

    /** Waves need the trace build (a second Verilator build): opt-in with -Dmttkit.test.waves=true. */
    @Test
    @EnabledIfSystemProperty(named = "mttkit.test.waves", matches = "true")
    void wavesAroundTheFailingRequest() throws Exception {
        ReproBundle b = phase(SETTINGS).withMismatch(150, "synthetic");
        Path fst = dir.resolve("w/replay.fst");
        Replay.Outcome o = Replay.replay(b, fst, System.out);
        assertNotNull(o.waveFile());
        assertTrue(Files.size(o.waveFile()) > 0);
        assertTrue(o.summary(b).contains(fst.toAbsolutePath().toString()));
        assertFalse(o.reproduced(), "the phase passes: the synthetic mismatch does not reproduce");
    }
}
