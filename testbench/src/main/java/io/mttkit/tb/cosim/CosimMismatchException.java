package io.mttkit.tb.cosim;

/** The RTL and the golden model disagree (or the simulation stopped); the message is the full text report. */
public final class CosimMismatchException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** A mismatch with its report. */
    public CosimMismatchException(String report) {
        super(report);
    }
}
