package io.mttkit.bridge;

/** Any failure of the co-simulation bridge: tool, build, load or session. The message says what went
 *  wrong and what to do about it. */
public class BridgeException extends RuntimeException {
    public BridgeException(String message) {
        super(message);
    }

    public BridgeException(String message, Throwable cause) {
        super(message, cause);
    }
}
