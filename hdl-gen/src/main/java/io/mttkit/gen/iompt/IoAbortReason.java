package io.mttkit.gen.iompt;

import io.mttkit.gen.walker.WalkCause;

/**
 * The {@code rsp_abort_reason} codes of {@code mtt_io_checker} (port contract v3): why the checker asks the I/O
 * Bridge to abort a DMA transaction, the bullets of ch. 6 §"Handling I/O MPT Checker violations" plus mttkit's
 * own reason for an SDID never configured. The code is the ordinal, which is also the order of the golden model's
 * {@code AbortReason} (written again here: hdl-gen does not depend on the golden model).
 */
public enum IoAbortReason {
    /** 0: allowed. */
    NONE,
    /** 1, bullet 1: the checker is Off. */
    CHECKER_OFF,
    /** 2, bullet 1: the checker is Bare and the transaction is TEE-associated. */
    BARE_TEE,
    /** 3, bullet 2: On, but no SDCL rule classifies the transaction. */
    UNCLASSIFIED,
    /** 4, mttkit (UNSPECIFIED state): the matching rule names an SDID no SET_SDCFG_ENTRY configured. */
    SDID_NOT_CONFIGURED,
    /** 5, bullet 3: the MPT disallows the access: every lookup fault but the two below, PA range included. */
    MPT_DISALLOWED,
    /** 6, bullet 4: PMP/PMA denied an implicit MPTE read ({@link WalkCause#WALK_PMP}). */
    MPT_ACCESS_PMP_PMA,
    /** 7, bullet 5: an MPTE read returned a bus error or poison, or its address is at or above 2^paw. */
    MPT_DATA_CORRUPTED;

    /** Width of {@code rsp_abort_reason}. */
    public static final int WIDTH = 3;

    /** The contract code. */
    public int code() {
        return ordinal();
    }

    /** The reason of a walk that ended with {@code cause}. */
    public static IoAbortReason ofWalk(WalkCause cause) {
        return switch (cause) {
            case NONE -> NONE;
            case WALK_PMP -> MPT_ACCESS_PMP_PMA;
            case WALK_BUS_ERROR -> MPT_DATA_CORRUPTED;
            default -> MPT_DISALLOWED;
        };
    }

    /** "0 NONE, 1 CHECKER_OFF, ...", for module headers. */
    public static String legend() {
        StringBuilder sb = new StringBuilder();
        for (IoAbortReason r : values()) {
            sb.append(r.ordinal() == 0 ? "" : ", ").append(r.code()).append(' ').append(r.name());
        }
        return sb.toString();
    }
}
