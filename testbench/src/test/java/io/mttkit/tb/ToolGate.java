package io.mttkit.tb;

/** The one place test classes of this module decide what to do when Verilator is missing. */
public final class ToolGate {
    private ToolGate() {
    }

    /**
     * Skips the calling test class when Verilator is missing, unless {@code MTTKIT_REQUIRE_TOOLS=1} (CI) makes that a
     * failure.
     */
    public static void requireVerilator() {
        try {
            io.mttkit.bridge.BuildDriver.fromEnvironment();
        } catch (io.mttkit.bridge.ToolMissingException e) {
            if ("1".equals(System.getenv("MTTKIT_REQUIRE_TOOLS"))) {
                org.junit.jupiter.api.Assertions.fail("MTTKIT_REQUIRE_TOOLS=1 but " + e.getMessage());
            }
            org.junit.jupiter.api.Assumptions.assumeTrue(false, io.mttkit.bridge.ToolMissingException.INSTALL_HINT);
        }
    }
}
