package io.mttkit.golden.audit;

import io.mttkit.golden.Access;
import io.mttkit.golden.Cause;

/**
 * One range of physical addresses that a table treats alike, and the entries that decide it: {@code [first, last]}
 * (inclusive, unsigned) gets {@code xwr} from the run of identical entries at {@code level} from {@code firstEntry}
 * to {@code lastEntry} (consecutive addresses, one entry apart; equal for a range inside one entry), each holding
 * {@code raw}.
 *
 * @param xwr        the permission granted, or -1 when the walk faults ({@code cause} says why)
 * @param cause      {@link Cause#NONE} for a well-formed leaf, else the fault of the walk (V=0, reserved bits, ...)
 * @param readFailed the deciding entry could not be read (outside the loaded image): its content is unknown
 */
public record Piece(long first, long last, int xwr, Cause cause, int level, long firstEntry, long lastEntry, long raw,
                    boolean readFailed) {

    /** The permission the table grants here: {@code xwr}, or none (0) when the walk faults. */
    public int granted() {
        return xwr < 0 ? 0 : xwr;
    }

    /** True when the walk faults for lack of the entry itself (bus error, PMP): what the table says is unknown. */
    public boolean unknown() {
        return readFailed || cause == Cause.WALK_BUS_ERROR || cause == Cause.WALK_PMP;
    }

    /** "rw", "none", or "none (MPTE_RSVD_BITS)", "unknown (WALK_BUS_ERROR)" for a fault. */
    public String describeActual() {
        if (xwr >= 0) {
            return xwr == 0 ? "none" : Access.format(xwr);
        }
        return (unknown() ? "unknown (" : "none (") + cause.name() + ")";
    }
}
