package io.mttkit.golden.cove;

/**
 * An ownership invariant broken ({@code docs/cove.md} "Invariants").
 *
 * @param kind    which invariant
 * @param hart    the hart concerned (the one whose check, fence or grant broke it), or {@link #DEVICE} for a
 *                DMA check of the I/O MPT checker
 * @param pc      that hart's pc
 * @param sdid    the domain concerned
 * @param pa      the address concerned (the page for a grant or a fence)
 * @param report  the full report: what, where, the instruction, the page's ownership history
 */
public record OwnershipViolation(Kind kind, int hart, long pc, int sdid, long pa, String report) {
    /** {@link #hart()} of a violation by a device's DMA check (the report names the device). */
    public static final int DEVICE = -1;

    /** The invariants, each named as what it catches. */
    public enum Kind {
        /** A check allowed an access its domain does not own (neither the old nor the new permission of the window). */
        STALE_ALLOW("allow for memory the domain does not own"),
        /** A check denied an access every permission in force grants (tables and ownership log disagree). */
        DENIED_OWNED("deny of memory the domain owns"),
        /** A fence protocol completed while a hart had not fenced a revoked page. */
        FENCE_OMITTED("fence omitted on a hart"),
        /**
         * A fence protocol completed without its I/O side: the I/O MPT checker has not completed an MPTINVAL covering
         * a revoked page, or an IOFENCE, since the revocation.
         */
        IOFENCE_OMITTED("I/O fence (MPTINVAL + IOFENCE) omitted in a fence protocol"),
        /** A page was granted writable to a domain while another domain may still write it. */
        TWO_WRITERS("page writable by two domains at once");

        private final String what;

        Kind(String what) {
            this.what = what;
        }

        /** A short description. */
        public String what() {
            return what;
        }
    }
}
