package io.mttkit.golden.spmp;

/**
 * The outcome of one SPMP check.
 *
 * @param outcome what decided
 * @param entry   the deciding SPMP entry, or −1 when none matched or SPMP did not apply
 */
public record SpmpVerdict(Outcome outcome, int entry) {
    /** Why an access was allowed or denied. */
    public enum Outcome {
        /** SPMP does not apply: M-mode, satp.MODE not Bare, or no SPMP entry implemented/delegated. */
        NOT_APPLICABLE(true),
        /** The lowest-numbered matching entry covers every byte and grants the access. */
        ALLOWED(true),
        /** No active entry matches any byte, and at least one entry is implemented. */
        NO_MATCH(false),
        /** The lowest-numbered matching entry does not cover every byte of the access. */
        PARTIAL_MATCH(false),
        /** The matching entry's encoding does not grant the access (Deny, EnforceNoX, or missing R/W/X). */
        PERMISSION(false),
        /** The matching entry holds a reserved encoding (reachable only through Smpmpdeleg's pmpcfg alias). */
        RESERVED_ENCODING(false);

        private final boolean allowed;

        Outcome(boolean allowed) {
            this.allowed = allowed;
        }

        public boolean allowed() {
            return allowed;
        }
    }

    public boolean allowed() {
        return outcome.allowed();
    }

    static final SpmpVerdict NOT_APPLICABLE = new SpmpVerdict(Outcome.NOT_APPLICABLE, -1);
    static final SpmpVerdict NO_MATCH = new SpmpVerdict(Outcome.NO_MATCH, -1);
}
