package io.mttkit.tb.cosim;

/**
 * One item of the request stream the harness sends to the checker, in stream order: a check
 * ({@link CheckRequest}), an invalidation ({@code inv_*}: MINVAL.PA, or the invalidation half of MFENCE.PA), a sync
 * ({@code sync_req}: SFENCE.INVAL.IR, or the sync half of MFENCE.PA) or an idle gap. The bridge presents item
 * {@code n + 1} in the cycle after item {@code n} was taken, so fences sit at exact positions between checks; an
 * invalidation marked {@link Invalidate#withCheck} and the check after it are presented together.
 */
public sealed interface Stimulus permits CheckRequest, Stimulus.Invalidate, Stimulus.Sync, Stimulus.Idle {

    /**
     * An invalidation operand (port contract {@code inv_*}; CHECKER-MICROARCH.md §5 table).
     *
     * @param hasPa   rs1 ≠ x0: only entries whose range contains {@code pa}
     * @param pa      the physical address (ignored unless {@code hasPa})
     * @param hasSdid rs2 ≠ x0: only entries of {@code sdid}
     * @param sdid    the SDID (only the implemented bits compare)
     * @param withCheck presented in the same cycles as the check right after it in the stream (a requester that
     *                  issues MINVAL.PA while its lookups go on; bridge ABI 5): each is taken by its own handshake,
     *                  and the item after the pair is presented once both were taken. The next item must be a check.
     */
    record Invalidate(boolean hasPa, long pa, boolean hasSdid, int sdid, boolean withCheck) implements Stimulus {
        /** An invalidation presented alone. */
        public Invalidate(boolean hasPa, long pa, boolean hasSdid, int sdid) {
            this(hasPa, pa, hasSdid, sdid, false);
        }

        /** Every entry of every SDID (rs1 = rs2 = x0). */
        public static Invalidate all() {
            return new Invalidate(false, 0, false, 0);
        }

        /** This operand, presented in the same cycles as the check after it. */
        public Invalidate withNextCheck() {
            return new Invalidate(hasPa, pa, hasSdid, sdid, true);
        }

        @Override
        public String toString() {
            return "invalidate(" + (hasPa ? String.format("pa=0x%x", pa) : "any pa") + ", "
                    + (hasSdid ? "sdid=" + sdid : "any sdid") + (withCheck ? ", with the next check" : "") + ")";
        }
    }

    /** {@code sync_req} held until {@code sync_ack}: every earlier invalidation applied, no older walk can fill. */
    record Sync() implements Stimulus {
        @Override
        public String toString() {
            return "sync";
        }
    }

    /** Nothing presented for {@code cycles} cycles (lets queued invalidations drain, walks finish). */
    record Idle(int cycles) implements Stimulus {
        public Idle {
            if (cycles < 1 || cycles > 1_000_000) {
                throw new IllegalArgumentException("idle gap must be 1..1000000 cycles; got " + cycles);
            }
        }
    }
}
