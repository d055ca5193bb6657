package io.mttkit.golden.cove;

/** Stops a scenario run at the first broken ownership invariant. */
public final class OwnershipViolationException extends RuntimeException {
    private final transient OwnershipViolation violation;

    public OwnershipViolationException(OwnershipViolation violation) {
        super(violation.report());
        this.violation = violation;
    }

    /** What was broken. */
    public OwnershipViolation violation() {
        return violation;
    }
}
