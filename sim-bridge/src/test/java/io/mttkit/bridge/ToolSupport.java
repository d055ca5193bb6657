package io.mttkit.bridge;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Skips co-simulation tests when Verilator is missing, unless MTTKIT_REQUIRE_TOOLS=1 (CI) makes that a failure. */
final class ToolSupport {
    private ToolSupport() {
    }

    static boolean toolsRequired() {
        return "1".equals(System.getenv("MTTKIT_REQUIRE_TOOLS"));
    }

    /** The build driver from the environment, or a skip (a failure in CI) when Verilator is missing. */
    static BuildDriver driverOrSkip() {
        try {
            return BuildDriver.fromEnvironment();
        } catch (ToolMissingException e) {
            if (toolsRequired()) {
                fail("MTTKIT_REQUIRE_TOOLS=1 but " + e.getMessage());
            }
            assumeTrue(false, ToolMissingException.INSTALL_HINT);
            throw e;
        }
    }
}
