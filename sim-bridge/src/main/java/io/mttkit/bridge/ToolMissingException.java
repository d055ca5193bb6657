package io.mttkit.bridge;

/** Verilator (or the C++ compiler) is not installed or not runnable. Tests turn this into a skip
 *  unless {@code MTTKIT_REQUIRE_TOOLS=1} is set. */
public final class ToolMissingException extends FixableException {
    /** The message tests use when they skip for a missing Verilator. */
    public static final String INSTALL_HINT = "verilator not found: run scripts/setup.sh (apt-get install verilator)";

    public ToolMissingException(String message) {
        super(message);
    }
}
