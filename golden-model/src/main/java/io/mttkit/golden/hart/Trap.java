package io.mttkit.golden.hart;

import io.mttkit.golden.Cause;

/**
 * A synchronous exception raised while executing an instruction. Thrown inside the hart only and caught
 * by {@link Hart#step()}; carries no stack trace (traps are ordinary control flow for a program).
 */
final class Trap extends RuntimeException {
    final int cause;
    final long tval;
    /** The MTT cause when the trap is an MTT/MPT access fault, else null. */
    final Cause mttCause;

    Trap(int cause, long tval, Cause mttCause) {
        super(null, null, false, false);
        this.cause = cause;
        this.tval = tval;
        this.mttCause = mttCause;
    }

    Trap(int cause, long tval) {
        this(cause, tval, null);
    }
}
