package io.mttkit.golden.hart;

import io.mttkit.golden.Cause;

/**
 * One trap the hart took.
 *
 * @param instret   instructions retired before the trap
 * @param pc        the pc the trap was taken at (xepc)
 * @param interrupt true for an interrupt
 * @param code      exception or interrupt code
 * @param tval      the value written to xtval
 * @param fromPriv  privilege before the trap (0 U, 1 S, 3 M)
 * @param toPriv    privilege that handles it
 * @param mttCause  the MTT cause when the trap is an MTT/MPT access fault, else {@link Cause#NONE}
 */
public record TrapRecord(long instret, long pc, boolean interrupt, int code, long tval, int fromPriv, int toPriv,
                         Cause mttCause) {
    @Override
    public String toString() {
        return String.format("#%d pc=0x%x %s (%s%d) tval=0x%x %s->%s%s", instret, pc,
                TrapCause.name(interrupt, code), interrupt ? "irq " : "cause ", code, tval, Priv.name(fromPriv),
                Priv.name(toPriv), mttCause == Cause.NONE ? "" : " mtt=" + mttCause);
    }
}
