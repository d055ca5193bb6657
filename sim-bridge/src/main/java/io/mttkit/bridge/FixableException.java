package io.mttkit.bridge;

/**
 * A bridge failure that is the user's to fix, not a bug of mttkit: their RTL does not build or does not settle, their
 * Verilator is missing, too old or not Verilator, a top lacks contract ports. The message says what is wrong, where
 * and what to do; the CLI prints it as one line and exits with code 2 (issue #16: "internal error" only for real
 * bugs of mttkit).
 */
public class FixableException extends BridgeException {
    public FixableException(String message) {
        super(message);
    }
}
