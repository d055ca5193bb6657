package io.mttkit.tb.repro;

import io.mttkit.tb.cosim.RegressionResult;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mttkit.tb.ToolGate;
import io.mttkit.tb.cosim.CheckerLibrary;
import io.mttkit.tb.cosim.Regression;
import io.mttkit.tb.mutation.MutantCatalogue;
import io.mttkit.tb.mutation.MutationRun;
import java.io.PrintStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code mtt replay --shrink}: a real bug (the cached checker with the "fill on a stale walk" mutant) found by a
 * short regression is shrunk to a much shorter stream that still fails with the same kind of mismatch, and the
 * shrunk bundle replays to it.
 */
class ShrinkerTest {
    @BeforeAll
    static void tools() {
        ToolGate.requireVerilator();
    }

    @Test
    void aFailingPhaseShrinksToAFewItemsThatStillFailTheSameWay(@TempDir Path tmp) throws Exception {
        CheckerLibrary good = CheckerLibrary.shipped("rv64-smmpt");
        Map<String, String> files = new LinkedHashMap<>();
        for (Path f : good.description().sources()) { // the generated folder it was built from
            files.put(f.getFileName().toString(), Files.readString(f));
        }
        Map<String, String> mutated = MutationRun.apply(MutantCatalogue.byId("cache-stale-fill"), files);
        Path dir = Files.createDirectory(tmp.resolve("mutant"));
        List<Path> sources = new ArrayList<>();
        for (var e : mutated.entrySet()) {
            sources.add(Files.writeString(dir.resolve(e.getKey()), e.getValue()));
        }
        CheckerLibrary bad = CheckerLibrary.of(good.description().withSources(good.top(), sources));

        Path bundleFile = tmp.resolve("repro.tar.gz");
        RegressionResult r = Regression.run(bad, 1, 3_000, bundleFile);
        assertTrue(!r.passed() && r.bundle() != null, "the mutant is caught and a bundle written");
        ReproBundle b = ReproBundleCodec.read(r.bundle());

        Shrinker.Result s = Shrinker.shrink(b, bad);
        System.out.printf("shrunk %d stream items to %d in %d trials%n", s.itemsBefore(), s.itemsAfter(), s.trials());
        assertTrue(s.itemsAfter() < s.itemsBefore() / 4, "shrunk from " + s.itemsBefore() + " to " + s.itemsAfter());
        assertEquals(Shrinker.signature(b.mismatch()), Shrinker.signature(s.bundle().mismatch()),
                "the same kind of mismatch");
        PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
        Replay.Outcome again = Replay.replay(s.bundle(), bad, null, quiet);
        assertTrue(again.reproduced(), "the shrunk bundle replays to its mismatch:\n" + again.report());
        // and on the correct checker the shrunk stream passes: it isolates the bug, not a harness artefact
        Replay.Outcome fixed = Replay.replay(s.bundle(), good, null, quiet);
        assertTrue(!fixed.reproduced() && fixed.mismatchIndex() < 0, fixed.report());
    }

    @Test
    void signaturesIgnoreValues() {
        String a = "CO-SIMULATION MISMATCH\nrequest: pa=0x1\n  PA fields: L2[42:34]=0x0\nfield differences (expected = golden model):\n"
                + "  stale          expected 1                actual 0\n";
        String b = "CO-SIMULATION MISMATCH\nrequest: pa=0x7\n  PA fields: L2[42:34]=0x3\nfield differences (expected = golden model):\n"
                + "  stale          expected 0                actual 1\n";
        String c = "CO-SIMULATION MISMATCH\ncache differences (expected = golden cache model):\n"
                + "  cache fill at the walk's response: expected none, RTL reported [FILL LEAF set=2 way=0]\n";
        assertEquals(Shrinker.signature(a), Shrinker.signature(b));
        assertTrue(!Shrinker.signature(a).equals(Shrinker.signature(c)), Shrinker.signature(c));
        assertEquals("cache cache fill at the walk's response", Shrinker.signature(c));
    }
}
