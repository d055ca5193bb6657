package io.mttkit.tb.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mttkit.tb.cosim.CheckerLibrary;
import io.mttkit.tb.cosim.Regression;
import io.mttkit.tb.cosim.RegressionOptions;
import io.mttkit.tb.cosim.RegressionResult;
import io.mttkit.tb.dut.CheckerManifest;
import io.mttkit.tb.mutation.MutantCatalogue;
import io.mttkit.tb.mutation.MutationConfig;
import io.mttkit.tb.mutation.MutationRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A found mismatch is printed before anything is written to disk (ground rule; issue #16, category 3): on a full
 * disk the repro bundle or the report may fail, the mismatch must still reach the user.
 */
class MismatchFirstTest {
    @TempDir
    static Path dir;
    static Path rtl;

    /** The cache-less RV64 checker with MPTE reads issued 4 bytes wide: every walk differs at its first read. */
    @BeforeAll
    static void brokenRtl() throws IOException {
        MutationConfig.Generated g = MutationConfig.of(MutantCatalogue.RV64).sources();
        Map<String, String> files = MutationRun.apply(MutantCatalogue.byId("mrd-size"), g.files());
        rtl = Files.createDirectories(dir.resolve("rtl"));
        for (Map.Entry<String, String> f : files.entrySet()) {
            Files.writeString(rtl.resolve(f.getKey()), f.getValue());
        }
        Files.writeString(rtl.resolve(CheckerManifest.FILE), g.manifest());
    }

    @Test
    void theMismatchReachesTheCallerBeforeTheBundleIsWritten() {
        Path bundle = dir.resolve("api").resolve("repro.tar.gz");
        AtomicBoolean bundleExistedWhenTold = new AtomicBoolean(true);
        AtomicBoolean told = new AtomicBoolean();
        RegressionResult r = Regression.run(CheckerLibrary.fromManifest(rtl), RegressionOptions.of(1, 2_000)
                .withBundle(bundle).withOnMismatch(text -> {
                    told.set(true);
                    bundleExistedWhenTold.set(Files.exists(bundle));
                }));
        assertFalse(r.passed());
        assertTrue(told.get(), "the mismatch sink was not called");
        assertFalse(bundleExistedWhenTold.get(), "the bundle was written before the mismatch was reported");
        assertNotNull(r.bundle(), r.firstMismatch());
        assertTrue(Files.exists(bundle));
    }

    @Test
    void regressPrintsTheMismatchBeforeItsSummaryAndSaysWhereTheBundleWent() {
        Path report = dir.resolve("cli-report");
        CliRunner c = CliRunner.run("regress", "--rtl", rtl.toString(), "--checks", "2000", "--report", report.toString());
        assertEquals(1, c.exit(), c.err());
        int mismatch = c.out().indexOf("field differences");
        int bundleLine = c.out().indexOf("repro bundle: ");
        int summary = c.out().indexOf("checks: ");
        assertTrue(mismatch >= 0 && bundleLine > mismatch && summary > bundleLine, c.out());
        assertEquals(1, c.out().split("field differences", -1).length - 1, "the mismatch is printed once:\n" + c.out());
        assertTrue(Files.exists(report.resolve("repro.tar.gz")));
        assertTrue(Files.exists(report.resolve("mismatch.txt")));
    }
}
