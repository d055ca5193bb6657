package io.mttkit.tb.repro;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mttkit.tb.cosim.CheckerLibrary;
import io.mttkit.tb.cosim.Regression;
import io.mttkit.tb.cosim.RegressionResult;
import io.mttkit.tb.dut.CheckerManifest;
import io.mttkit.tb.mutation.MutantCatalogue;
import io.mttkit.tb.mutation.MutationConfig;
import io.mttkit.tb.mutation.MutationRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A repro bundle of a checker with several walks in flight replays as it was recorded: the same harness
 * (WalkHarness), memory answering out of order with the recorded seed, so the mismatch comes back at the same
 * check with the same report and the same event digest; the shrinker keeps it failing the same way.
 */
class NonBlockingReplayTest {
    /** A miss conflicting with several walks waits on the highest one (killed a few hundred checks in). */
    private static final String MUTANT = "nb-wait-on-highest";

    @TempDir
    Path dir;

    /** Skips without Verilator, unless MTTKIT_REQUIRE_TOOLS=1 (CI), as the cosim tests do. */
    @BeforeAll
    static void tools() {
        io.mttkit.tb.ToolGate.requireVerilator();
    }

    /** The shipped non-blocking configuration with {@link #MUTANT} applied, in a folder of its own (--rtl style). */
    private CheckerLibrary mutant() throws Exception {
        MutationConfig.Generated g = MutationConfig.of(MutationConfig.RV64_SMMPT_NB).sources();
        Path rtl = Files.createDirectories(dir.resolve("rtl"));
        for (Map.Entry<String, String> f : MutationRun.apply(MutantCatalogue.byId(MUTANT), g.files()).entrySet()) {
            Files.writeString(rtl.resolve(f.getKey()), f.getValue());
        }
        Files.writeString(rtl.resolve(CheckerManifest.FILE), g.manifest());
        return CheckerLibrary.fromManifest(rtl);
    }

    @Test
    void aNonBlockingMismatchReproducesAndShrinksFromItsBundle() throws Exception {
        CheckerLibrary mutant = mutant();
        assertTrue(mutant.description().nonBlocking());
        Path f = dir.resolve("out/mismatch.tar.gz");
        RegressionResult r = Regression.run(mutant, 1, 20_000, f);
        ReproBundle b = ReplayAssertions.bundleOfFailure(r, f);
        assertTrue(b.checker().nonBlocking(), "the bundle records the walks in flight");
        assertNotEquals(0, b.digest());

        ReplayAssertions.assertReproduces(b, mutant);

        Replay.Outcome onShipped = Replay.replay(b, MutationConfig.of(MutationConfig.RV64_SMMPT_NB).library(), null,
                System.out);
        assertFalse(onShipped.reproduced(), "the unmutated checker matches the golden model");
        assertEquals(-1, onShipped.mismatchIndex(), onShipped.summary(b));
        assertFalse(onShipped.digestMatches(), "another RTL, another trace");

        Shrinker.Result s = Shrinker.shrink(b, mutant);
        System.out.printf("%s: mismatch at check %d of %d (%s); shrunk %d -> %d items in %d trials%n", MUTANT,
                b.failingIndex(), b.requests().size(), Shrinker.signature(b.mismatch()), s.itemsBefore(),
                s.itemsAfter(), s.trials());
        assertTrue(s.itemsAfter() < s.itemsBefore(), s.itemsBefore() + " -> " + s.itemsAfter());
        Replay.Outcome shrunk = Replay.replay(s.bundle(), mutant, null, System.out);
        assertTrue(shrunk.reproduced(), shrunk.summary(s.bundle()));
        assertEquals(Shrinker.signature(b.mismatch()), Shrinker.signature(shrunk.report()));
        assertTrue(Shrinker.signature(b.mismatch()).startsWith("walk "), Shrinker.signature(b.mismatch()));
    }
}
