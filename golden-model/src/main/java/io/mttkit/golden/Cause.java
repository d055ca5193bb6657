package io.mttkit.golden;

/**
 * Why a check was denied, in the priority order of SPEC-DECISIONS #16 (first listed wins when several
 * apply): PA range, PMP on the entry address, bus error, V=0, reserved bits, reserved encodings / bad G,
 * non-leaf at level 0, permission. {@link #NONE} means the access is allowed.
 *
 * <p>The names are those of the checker port contract ({@code rsp_cause}, CHECKER-MICROARCH.md §3).
 */
public enum Cause {
    NONE,
    /** The PA has a bit set at or above the mode's width or the platform {@code paw}; no table read. */
    PA_RANGE,
    /** PMP/Smepmp denied the implicit M-mode read of an entry; that read was not issued. */
    WALK_PMP,
    /** The implicit read of an entry returned a bus error (or poison). */
    WALK_BUS_ERROR,
    /** Smmpt: the entry has V=0 (its other bits are don't-care). */
    MPTE_INVALID,
    /** A reserved (must-be-zero) bit of the entry is set. */
    MPTE_RSVD_BITS,
    /** A reserved encoding: v0.1 TYPE, Smmpt L=0 with N=1, reserved XWR 010/110, v0.1 resv nibble bits. */
    MPTE_RSVD_ENC,
    /** Smmpt NAPOT leaf whose G value is reserved for the mode. */
    NAPOT_G_BAD,
    /** A pointer (non-leaf entry) at level 0, where only leaves are legal. */
    NONLEAF_AT_L0,
    /** The leaf was found and well-formed but its XWR does not grant the access. */
    PERM_DENY;

    /** True for every cause except {@link #NONE}. */
    public boolean isFault() {
        return this != NONE;
    }
}
