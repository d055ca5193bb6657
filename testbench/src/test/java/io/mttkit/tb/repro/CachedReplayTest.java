package io.mttkit.tb.repro;

import java.util.Map;
import io.mttkit.gen.Configurations;
import io.mttkit.golden.RsvdTupleScope;
import io.mttkit.tb.dut.CheckerManifest;
import io.mttkit.tb.dut.CheckerDescription;
import io.mttkit.tb.cosim.RegressionOptions;
import io.mttkit.tb.cosim.RegressionResult;
import io.mttkit.tb.cosim.SessionSettings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mttkit.golden.Access;
import io.mttkit.golden.MttMode;
import io.mttkit.golden.tables.Region;
import io.mttkit.tb.cosim.CheckRequest;
import io.mttkit.tb.cosim.CheckerLibrary;
import io.mttkit.tb.cosim.Regression;
import io.mttkit.tb.cosim.Stimulus;
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

/**
 * Bundles of cached-checker phases: streams with fences and idle gaps, table entries rewritten between the
 * stream's segments, the cache shape. A reference phase round-trips and replays cycle for cycle; a real mismatch of a
 * cached regression reproduces from its bundle alone.
 */
class CachedReplayTest {
    @TempDir
    Path dir;

    /** Skips without Verilator, unless MTTKIT_REQUIRE_TOOLS=1 (CI), as the cosim tests do. */
    @BeforeAll
    static void tools() {
        io.mttkit.tb.ToolGate.requireVerilator();
    }

    /**
     * A phase on the shipped cached checker: checks that hit and miss, fences of every kind, an idle gap, and — at
     * the segment boundary — the leaf entry of a PA checked only afterwards rewritten to 0 (so the write changes
     * what the checker answers), plus the leaf of a PA cached before (a stale entry the cache may keep using).
     */
    private static ReproBundle phase(CheckerLibrary lib, boolean withWrites) {
        MttMode mode = MttMode.SMMPT52;
        List<Region> regions = RandomDomains.generate(mode, 21, 10, 0x9000_0000L, 0x2000_0000L);
        TableWorld world = TableWorld.build(mode, regions);
        SplittableRandom rnd = new SplittableRandom(8);
        long early = regions.get(0).base();
        long late = regions.get(1).base();
        List<Stimulus> items = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            Region r = regions.get(2 + rnd.nextInt(regions.size() - 2));
            long pa = i % 3 == 0 ? early : r.base() + (rnd.nextLong(r.size()) & ~0xFFFL);
            items.add(CheckRequest.of(mode, world.rootPpn(), pa, Access.R, false));
            switch (i % 17) {
                case 5 -> {
                    items.add(new Stimulus.Invalidate(true, pa, false, 0)); // MFENCE.PA
                    items.add(new Stimulus.Sync());
                }
                case 9 -> {
                    items.add(Stimulus.Invalidate.all()); // MINVAL.PA batch
                    items.add(new Stimulus.Invalidate(false, 0, true, 0));
                    items.add(new Stimulus.Sync()); // SFENCE.INVAL.IR
                }
                case 13 -> items.add(new Stimulus.Idle(5));
                default -> { }
            }
        }
        int half = items.size();
        for (int i = 0; i < 40; i++) {
            items.add(CheckRequest.of(mode, world.rootPpn(), i % 2 == 0 ? late : early, Access.R, false));
        }
        List<PhaseStream.EntryWrite> writes = new ArrayList<>();
        if (withWrites) {
            long lateLeaf = world.entryAddress(late, world.path(late).readCount() - 1);
            long earlyLeaf = world.entryAddress(early, world.path(early).readCount() - 1);
            writes.add(new PhaseStream.EntryWrite(half, lateLeaf, 8, 0));
            writes.add(new PhaseStream.EntryWrite(half, earlyLeaf, 8, 0));
        }
        SessionSettings s = new SessionSettings(31, 2, 5, 60, 40, 0, true);
        return new ReproBundle(3, lib.description(), s, List.of(), lib.library().built().hash(), 0, -1, "",
                ReproBundle.snapshot(world.memory()), new PhaseStream(items, writes));
    }

    @Test
    void aPhaseWithFencesAndRewritesRoundTripsAndReplaysCycleForCycle() throws Exception {
        CheckerLibrary lib = CheckerLibrary.shipped("rv64-smmpt");
        Path f = dir.resolve("ref.tar.gz");
        Replay.writeWithDigest(phase(lib, true), lib.library(), f);
        ReproBundle b = ReproBundleCodec.read(f);
        assertEquals(lib.cache(), b.checker().cache());
        assertEquals(2, b.stream().segmentStarts().size(), "one segment boundary, at the writes");
        assertEquals(2, b.stream().writes().size());
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        Replay.Outcome o = Replay.replay(b, null, new PrintStream(log, true, StandardCharsets.UTF_8));
        assertTrue(o.reproduced(), o.summary(b));
        assertTrue(o.buildHashMatches() && o.digestMatches(), o.summary(b));
        assertEquals("", log.toString(StandardCharsets.UTF_8));
        // the writes are part of what is replayed: without them the checker answers the late checks otherwise
        assertNotEquals(b.digest(), Replay.digest(lib.library(), phase(lib, false)));
        // a bundle for the cache-less checker of the same parameters is refused on the cached library
        ReproBundle cacheLess = new ReproBundle(b.seed(), b.checker().withCache(null), b.settings(), b.pmp(),
                b.buildHash(), 0, -1, "", b.memory(), b.stream());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Replay.replay(cacheLess, lib, null, System.out));
        assertTrue(e.getMessage().contains("recorded on a checker with " + cacheLess.checker().label() + ", but")
                && e.getMessage().contains("implements " + lib.description().label()), e.getMessage());
    }

    /**
     * A real mismatch: the cached checker generated with the reserved-tuple check on the selected tuple only
     * (SPEC-DECISIONS #11) but run as if it checked every tuple — the golden model is configured wrongly for that
     * RTL, as in ScoreboardSelfTest. The regression writes a bundle of the failing phase (stream, writes, cache shape);
     * the bundle alone reproduces the mismatch at the same check with the same event digest and the same report, and
     * the correctly generated checker passes it.
     */
    @Test
    void aCachedRegressionMismatchReproducesFromItsBundle() throws Exception {
        CheckerLibrary shipped = CheckerLibrary.shipped("rv64-smmpt");
        CheckerDescription claimed = shipped.description();
        CheckerDescription.Cache shape = shipped.cache();
        String other = claimed.rsvdTupleScope() == RsvdTupleScope.ANY ? "SELECTED" : "ANY";
        Path rtl = Files.createDirectories(dir.resolve("rtl"));
        Configurations.generate("checker-rv64", Map.of("formats", "smmpt-v0.9", "rsvdTupleScope", other), rtl);
        CheckerDescription built = CheckerManifest.read(rtl);
        // the RTL built with the other scope, described (and so checked) as the shipped one
        CheckerLibrary mutant = CheckerLibrary.of(claimed.withSources(built.top(), built.sources()));
        Path f = dir.resolve("out/mismatch.tar.gz");
        RegressionResult r = Regression.run(mutant, 5, 40_000, f);
        ReproBundle b = ReplayAssertions.bundleOfFailure(r, f);
        assertEquals(shape, b.checker().cache());
        assertTrue(b.stream().items().size() > b.requests().size(), "the stream holds fences besides the checks");
        assertFalse(b.stream().writes().isEmpty(), "a cached phase rewrites entries between its halves");

        ReplayAssertions.assertReproduces(b, mutant);

        Replay.Outcome onGenerated = Replay.replay(b, shipped, null, System.out);
        assertFalse(onGenerated.reproduced(), "the correctly generated checker matches the golden model");
        assertTrue(onGenerated.summary(b).startsWith("NOT REPRODUCED"), onGenerated.summary(b));

        // two jobs stop at the same first mismatch (worlds are taken in order)
        RegressionResult two = Regression.run(mutant, RegressionOptions.of(5, 40_000).withJobs(2));
        assertEquals(r.checks(), two.checks());
        assertEquals(b.mismatch(), two.firstMismatch());
    }

    /**
     * Waves of a segmented stream: the check to centre on lies in the second segment (after the writes). Needs the
     * trace build of the cached checker (a second Verilator build): opt-in with -Dmttkit.test.waves=true.
     */
    @Test
    @EnabledIfSystemProperty(named = "mttkit.test.waves", matches = "true")
    void wavesAroundACheckAfterTheWrites() throws Exception {
        CheckerLibrary lib = CheckerLibrary.shipped("rv64-smmpt");
        ReproBundle b = phase(lib, true);
        int check = b.requests().size() - 3; // among the 40 checks after the segment boundary
        Path fst = dir.resolve("w/cached.fst");
        Replay.Outcome o = Replay.replay(b.withMismatch(check, "synthetic"), fst, System.out);
        assertTrue(Files.size(o.waveFile()) > 0);
        assertFalse(o.reproduced(), "the phase passes: the synthetic mismatch does not reproduce");
    }
}
