package io.mttkit.tb.cli;

import io.mttkit.golden.hart.ProgramBuild;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code mtt matrix --rtl} and {@code mtt run --rtl}: output, exit codes and their own bad options. */
class LockstepCommandsTest {

    @Test
    void matrixRtlPrintsOneLinePerCellWithTheChecksTheRtlAnswered() {
        requireTools();
        String old = System.getProperty("mttkit.repo.root");
        System.setProperty("mttkit.repo.root", repoRoot().toString());
        try {
            CliRunner r = CliRunner.run("matrix", "--rtl", "--config", "rv32-smmtt", "--stride", "65536");
            assertEquals(ExitCodes.OK, r.exit(), r.out() + r.err());
            List<String> cells = Arrays.stream(r.out().split("\n")).filter(l -> l.startsWith("PASS ")
                    || l.startsWith("FAIL ")).toList();
            assertEquals(4, cells.size(), r.out());
            for (String l : cells) {
                assertTrue(l.matches("PASS 32 smmtt34 (disallow|allow-rx|allow-rw|allow-rwx) rtl rv32-smmtt \\d+ checks"),
                        l);
            }
            assertTrue(r.out().contains("summary: 4/4 cells passed"), r.out());
        } finally {
            if (old == null) {
                System.clearProperty("mttkit.repo.root");
            } else {
                System.setProperty("mttkit.repo.root", old);
            }
        }
    }

    @Test
    void lockstepOptionsWithoutRtlAreRefused() {
        CliRunner r = CliRunner.run("matrix", "--batch", "4");
        assertEquals(ExitCodes.BAD_INPUT, r.exit());
        assertTrue(r.err().contains("add --rtl"), r.err());
        assertTrue(r.noStackTrace(), r.err());
    }

    @Test
    void badLockstepValuesAreNamed() {
        CliRunner r = CliRunner.run("matrix", "--rtl", "--config", "rv99-smmpt");
        assertEquals(ExitCodes.BAD_INPUT, r.exit());
        assertTrue(r.err().contains("unknown configuration 'rv99-smmpt'"), r.err());
        CliRunner b = CliRunner.run("matrix", "--rtl", "--batch", "0");
        assertEquals(ExitCodes.BAD_INPUT, b.exit());
        assertTrue(b.err().contains("--batch: 0 is out of range"), b.err());
        assertTrue(r.noStackTrace() && b.noStackTrace(), r.err() + b.err());
    }

    private static Path repoRoot() {
        Path p = Path.of("").toAbsolutePath();
        while (p != null && !Files.isRegularFile(p.resolve("programs/link.ld"))) {
            p = p.getParent();
        }
        if (p == null) {
            throw new IllegalStateException("no programs/link.ld above " + Path.of("").toAbsolutePath());
        }
        return p;
    }

    /** Verilator and the RISC-V toolchain: skip without them, unless MTTKIT_REQUIRE_TOOLS=1. */
    private static void requireTools() {
        String missing = null;
        try {
            io.mttkit.bridge.BuildDriver.fromEnvironment();
        } catch (io.mttkit.bridge.ToolMissingException e) {
            missing = e.getMessage();
        }
        if (missing == null && !ProgramBuild.toolchainAvailable()) {
            missing = ProgramBuild.MISSING;
        }
        if (missing != null) {
            if ("1".equals(System.getenv("MTTKIT_REQUIRE_TOOLS"))) {
                Assertions.fail("MTTKIT_REQUIRE_TOOLS=1 but " + missing);
            }
            Assumptions.assumeTrue(false, missing);
        }
    }
}
