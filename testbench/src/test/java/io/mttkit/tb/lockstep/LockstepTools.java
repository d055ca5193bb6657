package io.mttkit.tb.lockstep;

import io.mttkit.golden.elf.ElfFile;
import io.mttkit.golden.hart.ProgramBuild;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Test support: lockstep needs Verilator (the RTL checker) and the RISC-V toolchain (the programs). Missing
 * tools skip the test, unless {@code MTTKIT_REQUIRE_TOOLS=1} (CI) makes that a failure.
 */
final class LockstepTools {
    private LockstepTools() {
    }

    static void require() {
        String missing = null;
        try {
            io.mttkit.bridge.BuildDriver.fromEnvironment();
        } catch (io.mttkit.bridge.ToolMissingException e) {
            missing = e.getMessage();
        }
        if (missing == null && !ProgramBuild.toolchainAvailable()) {
            missing = ProgramBuild.MISSING;
        }
        if (missing == null) {
            return;
        }
        if ("1".equals(System.getenv("MTTKIT_REQUIRE_TOOLS"))) {
            Assertions.fail("MTTKIT_REQUIRE_TOOLS=1 but " + missing);
        }
        Assumptions.assumeTrue(false, missing);
    }

    /** The repository's {@code programs/} folder (searched upwards from the working directory). */
    static Path programs() {
        Path p = Path.of("").toAbsolutePath();
        while (p != null) {
            Path c = p.resolve("programs");
            if (Files.isRegularFile(c.resolve("link.ld"))) {
                return c;
            }
            p = p.getParent();
        }
        throw new IllegalStateException("no programs/link.ld above " + Path.of("").toAbsolutePath());
    }

    /** {@code <build folder>/programs}, so each -Dmttkit.target has its own cache. */
    static Path cache() {
        try {
            Path testClasses = Path.of(LockstepTools.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return testClasses.getParent().resolve("programs");
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The matrix program for {@code xlen}, built or taken from the cache. */
    static ElfFile matrix(int xlen) {
        return ElfFile.read(ProgramBuild.build(programs(), "matrix", xlen, cache(), false));
    }
}
