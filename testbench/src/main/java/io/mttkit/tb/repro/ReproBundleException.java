package io.mttkit.tb.repro;

/** A repro bundle that cannot be read or written: the message names the file and the entry at fault. */
public final class ReproBundleException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ReproBundleException(String message) {
        super(message);
    }

    public ReproBundleException(String message, Throwable cause) {
        super(message, cause);
    }
}
