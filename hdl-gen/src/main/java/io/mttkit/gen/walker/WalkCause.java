package io.mttkit.gen.walker;

/**
 * The {@code rsp_cause} codes of checker port contract v1 (docs/bridge.md), in the order of the golden model's
 * {@code Cause}: the code is the ordinal.
 */
public enum WalkCause {
    /** allowed, or bypass. */
    NONE,
    /** a PA bit at or above the mode width or {@code paw} (SPEC-DECISIONS #3, #10); also an unimplemented mode. */
    PA_RANGE,
    /** PMP/PMA denied the implicit read of an entry (v0.9 §4 step 2). */
    WALK_PMP,
    /** the read returned a bus error, or the entry address is at or above {@code 2^paw}. */
    WALK_BUS_ERROR,
    /** v0.9 {@code mpte.V} = 0. */
    MPTE_INVALID,
    /** reserved / ZERO bits set. */
    MPTE_RSVD_BITS,
    /** reserved encoding (XWR 010/110, N on a non-leaf, v0.1 TYPE/INFO/nibble rules). */
    MPTE_RSVD_ENC,
    /** NAPOT G value reserved for the mode. */
    NAPOT_G_BAD,
    /** a non-leaf MPTE at level 0. */
    NONLEAF_AT_L0,
    /** a valid leaf does not grant the needed access. */
    PERM_DENY;

    /** Width of the cause field. */
    public static final int WIDTH = 4;

    /** The contract code. */
    public int code() {
        return ordinal();
    }
}
