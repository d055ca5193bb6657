package io.mttkit.golden.hart;

import io.mttkit.golden.Access;

/**
 * What made a physical access, as the MTT sees it. Implicit page-table accesses are checked as loads
 * (walk reads) and stores (A/D updates), but a fault is reported for the access that caused the walk
 * (SPEC-DECISIONS #21).
 */
public enum AccessKind {
    FETCH(Access.X),
    LOAD(Access.R),
    STORE(Access.W),
    /** Read-modify-write AMOs (need R and W); LR is a {@link #LOAD} and SC a {@link #STORE}. */
    AMO(Access.R | Access.W),
    /** The page-table walk's own read of a PTE. */
    PTW_READ(Access.R),
    /** The page-table walk's update of A/D bits in a PTE. */
    PTW_UPDATE(Access.W);

    private final int need;

    AccessKind(int need) {
        this.need = need;
    }

    /** The permissions ({@link Access} bits) the access needs from the MTT and from PMP. */
    public int need() {
        return need;
    }
}
