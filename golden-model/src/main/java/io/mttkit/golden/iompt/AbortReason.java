package io.mttkit.golden.iompt;

import io.mttkit.golden.Cause;

/**
 * Why the checker asks the I/O Bridge to abort a transaction: the bullet list of ch. 6 §"Handling I/O MPT
 * Checker violations" ("A transaction shall be aborted if: ..."), plus one reason mttkit defines for a state the
 * spec forbids software to create. {@link #bullet()} gives the bullet number (1–5), 0 for mttkit's own.
 */
public enum AbortReason {
    /** Not aborted. */
    NONE(0),
    /** Bullet 1: "The I/O MPT Checker is in Off mode". */
    CHECKER_OFF(1),
    /** Bullet 1: "... or is in Bare mode and the transaction is TEE-associated". */
    BARE_TEE(1),
    /** Bullet 2: "in On mode but is not configured with a rule to classify the transaction". */
    UNCLASSIFIED(2),
    /**
     * mttkit: the matching rule names an SDID that no {@code SET_SDCFG_ENTRY} configured since reset. The spec
     * requires software to configure every SDID before turning the checker On, so the outcome is UNSPECIFIED;
     * the golden model fails closed. A comparison must not call a difference here a bug ({@link #specified()}).
     */
    SDID_NOT_CONFIGURED(0),
    /**
     * Bullet 3: "The memory targeted by the transaction is disallowed by the MPT": any fault of the MPT lookup
     * other than the two below (permission, V=0, reserved bits or encodings, bad G, pointer at level 0, PA beyond
     * the mode or {@code paw}).
     */
    MPT_DISALLOWED(3),
    /** Bullet 4: "An access to the MPT ... is disallowed by a physical memory attributes check or a physical memory protection check". */
    MPT_ACCESS_PMP_PMA(4),
    /**
     * Bullet 5: "An access to the MPT by the I/O MPT Checker returns corrupted (poisoned) data". mttkit puts
     * every failed MPT read here: poison and bus errors alike arrive as {@link Cause#WALK_BUS_ERROR} (a reader
     * whose {@code canRead} is false), and so does an entry address at or above 2^{@code paw}.
     */
    MPT_DATA_CORRUPTED(5);

    private final int bullet;

    AbortReason(int bullet) {
        this.bullet = bullet;
    }

    /** The bullet of §"Handling I/O MPT Checker violations" (1–5), or 0 for {@link #NONE} and mttkit's own reason. */
    public int bullet() {
        return bullet;
    }

    /** False for outcomes the spec leaves UNSPECIFIED (the golden model's choice there is not normative). */
    public boolean specified() {
        return this != SDID_NOT_CONFIGURED;
    }

    /** The abort reason of a failed MPT lookup ({@code cause} ≠ NONE), or {@link #NONE}. */
    public static AbortReason ofLookup(Cause cause) {
        return switch (cause) {
            case NONE -> NONE;
            case WALK_PMP -> MPT_ACCESS_PMP_PMA;
            case WALK_BUS_ERROR -> MPT_DATA_CORRUPTED;
            default -> MPT_DISALLOWED;
        };
    }
}
