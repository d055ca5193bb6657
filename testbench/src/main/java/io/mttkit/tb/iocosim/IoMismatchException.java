package io.mttkit.tb.iocosim;

/** The RTL and the golden I/O checker disagreed; the message is the full report (what, where, expected vs got). */
public final class IoMismatchException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final long cycle;

    IoMismatchException(long cycle, String report) {
        super(report);
        this.cycle = cycle;
    }

    /** The cycle of the event that disagreed. */
    public long cycle() {
        return cycle;
    }
}
