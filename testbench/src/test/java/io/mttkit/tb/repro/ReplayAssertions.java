package io.mttkit.tb.repro;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mttkit.tb.cosim.CheckerLibrary;
import io.mttkit.tb.cosim.RegressionResult;
import java.nio.file.Path;

/** What every "a regression's mismatch reproduces from its bundle" test checks, in one place. */
final class ReplayAssertions {
    private ReplayAssertions() {
    }

    /**
     * The bundle a failed regression wrote to {@code file}: its failing check lies in the stream and its report is the
     * regression's.
     */
    static ReproBundle bundleOfFailure(RegressionResult r, Path file) {
        assertFalse(r.passed(), "the mutant must be caught");
        assertEquals(file, r.bundle(), r.firstMismatch());
        ReproBundle b = ReproBundleCodec.read(file);
        assertTrue(b.failingIndex() >= 0 && b.failingIndex() < b.requests().size());
        assertTrue(r.firstMismatch().startsWith(b.mismatch()), "the bundle holds the regression's report");
        return b;
    }

    /** The bundle alone brings the mismatch back on {@code lib}: the same check, the same report, the same digest. */
    static void assertReproduces(ReproBundle b, CheckerLibrary lib) {
        Replay.Outcome o = Replay.replay(b, lib, null, System.out);
        assertTrue(o.reproduced(), o.summary(b));
        assertEquals(b.failingIndex(), o.mismatchIndex());
        assertTrue(o.digestMatches(), o.summary(b));
        assertEquals(b.mismatch(), o.report(), "the same report, from the bundle alone");
    }
}
