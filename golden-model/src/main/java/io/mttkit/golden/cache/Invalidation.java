package io.mttkit.golden.cache;

/**
 * One MFENCE.PA / MINVAL.PA operand pair (smmpt chapter 3, "Machine Memory Protection Fence Instruction";
 * CHECKER-MICROARCH.md §5 invalidation table). {@code hasPa} is "rs1 != x0" and {@code hasSdid} is
 * "rs2 != x0": they name whether a register was given, not whether its value is zero.
 *
 * @param hasPa   rs1 != x0: only entries whose range contains {@code pa} are dropped
 * @param pa      the physical address held in rs1 (ignored when {@code hasPa} is false)
 * @param hasSdid rs2 != x0: only entries of {@code sdid} are dropped
 * @param sdid    the value held in rs2; only the implemented SDID bits (below {@code sdidLen}) are compared,
 *                the rest is ignored as the spec requires
 */
public record Invalidation(boolean hasPa, long pa, boolean hasSdid, long sdid) {

    /** rs1 = x0, rs2 = x0: everything, every SDID. */
    public static Invalidation all() {
        return new Invalidation(false, 0, false, 0);
    }

    /** rs1 = x0, rs2 = SDID: every entry of one SDID. */
    public static Invalidation ofSdid(long sdid) {
        return new Invalidation(false, 0, true, sdid);
    }

    /** rs1 = PA, rs2 = x0: the entries covering {@code pa}, every SDID. */
    public static Invalidation ofPa(long pa) {
        return new Invalidation(true, pa, false, 0);
    }

    /** rs1 = PA, rs2 = SDID: the entries covering {@code pa} of one SDID. */
    public static Invalidation ofPaAndSdid(long pa, long sdid) {
        return new Invalidation(true, pa, true, sdid);
    }

    @Override
    public String toString() {
        return "inv(" + (hasPa ? "pa=0x" + Long.toHexString(pa) : "pa=*") + ", "
                + (hasSdid ? "sdid=" + sdid : "sdid=*") + ")";
    }
}
