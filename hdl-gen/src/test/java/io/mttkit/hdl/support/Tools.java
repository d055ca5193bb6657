package io.mttkit.hdl.support;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/** External tools the tests use: skipped when missing, unless {@code MTTKIT_REQUIRE_TOOLS=1}. */
public final class Tools {
    /** The skip message the project uses everywhere for a missing Verilator. */
    public static final String NO_VERILATOR = "verilator not found: run scripts/setup.sh (apt-get install verilator)";
    private static Boolean available;

    private Tools() {}

    /** Skips the calling test (or fails it when tools are required) if Verilator is not installed. */
    public static void requireVerilator() {
        if (verilatorAvailable()) {
            return;
        }
        if ("1".equals(System.getenv("MTTKIT_REQUIRE_TOOLS"))) {
            Assertions.fail(NO_VERILATOR + " (MTTKIT_REQUIRE_TOOLS=1 makes this a failure)");
        }
        Assumptions.assumeTrue(false, NO_VERILATOR);
    }

    private static synchronized boolean verilatorAvailable() {
        if (available == null) {
            try {
                Process p = new ProcessBuilder("verilator", "--version").redirectErrorStream(true).start();
                p.getInputStream().readAllBytes();
                available = p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
            } catch (Exception e) {
                available = false;
            }
        }
        return available;
    }
}
