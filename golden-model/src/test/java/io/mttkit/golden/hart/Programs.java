package io.mttkit.golden.hart;

import org.junit.jupiter.api.Assumptions;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Test support: finds {@code programs/}, builds programs into the build folder, skips without the toolchain. */
final class Programs {
    private Programs() {
    }

    /** The repository's {@code programs/} folder (searched upwards from the working directory). */
    static Path dir() {
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

    /** {@code <build folder>/programs}: next to test-classes, so each -Dmttkit.target has its own cache. */
    static Path cache() {
        try {
            Path testClasses = Path.of(Programs.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return testClasses.getParent().resolve("programs");
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Skips the calling test when the toolchain is missing, unless MTTKIT_REQUIRE_TOOLS=1 (then fails). */
    static void requireToolchain() {
        if (ProgramBuild.toolchainAvailable()) {
            return;
        }
        if ("1".equals(System.getenv("MTTKIT_REQUIRE_TOOLS"))) {
            throw new AssertionError(ProgramBuild.MISSING);
        }
        Assumptions.assumeTrue(false, ProgramBuild.MISSING);
    }

    /** Builds (or reuses) program {@code name} for {@code xlen}. */
    static Path elf(String name, int xlen) {
        return elf(name, xlen, false);
    }

    /** Builds (or reuses) program {@code name} for {@code xlen}, with the C extension when {@code rvc}. */
    static Path elf(String name, int xlen, boolean rvc) {
        requireToolchain();
        return ProgramBuild.build(dir(), name, xlen, cache(), rvc);
    }
}
