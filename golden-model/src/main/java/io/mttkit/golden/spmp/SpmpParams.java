package io.mttkit.golden.spmp;

/**
 * The shape of an SPMP.
 *
 * @param entryCount  implemented SPMP entries, 1..64, when Smpmpdeleg is absent; with Smpmpdeleg the
 *                    count is {@code writable PMP entries − mpmpdeleg.pmpnum} and this is ignored (give 0)
 * @param xlen        SXLEN, 32 or 64 (spmpaddr holds address bits 33:2 or 55:2)
 * @param granularity G: the grain is 2^(G+2) bytes
 * @param sspmpen     whether the Sspmpen extension ({@code spmpen}/{@code spmpenh}) is implemented
 * @param mpmpdeleg   whether Smpmpdeleg is implemented (entries come from a {@link PmpBacking})
 * @param mxrApplies  whether {@code sstatus.MXR} makes rule-executable memory readable (default true:
 *                    the spec requires MXR to be writable; docs/spec-notes.md, Sspmp)
 */
public record SpmpParams(int entryCount, int xlen, int granularity, boolean sspmpen, boolean mpmpdeleg,
                         boolean mxrApplies) {

    public SpmpParams {
        if (xlen != 32 && xlen != 64) {
            throw new IllegalArgumentException("SPMP xlen must be 32 or 64, got " + xlen);
        }
        if (!mpmpdeleg && (entryCount < 1 || entryCount > 64)) {
            throw new IllegalArgumentException("SPMP entryCount must be 1..64 (the spec's range), got " + entryCount);
        }
        int bits = addrBits(xlen);
        if (granularity < 0 || granularity > bits) {
            throw new IllegalArgumentException("SPMP granularity G must be 0.." + bits + ", got " + granularity);
        }
    }

    /** Standalone SPMP without Smpmpdeleg, MXR applying. */
    public static SpmpParams of(int entryCount, int xlen, int granularity, boolean sspmpen) {
        return new SpmpParams(entryCount, xlen, granularity, sspmpen, false, true);
    }

    /** Width of spmpaddr: 32 bits on RV32 (address 33:2), 54 on RV64 (address 55:2). */
    public static int addrBits(int xlen) {
        return xlen == 32 ? 32 : 54;
    }

    public long addrMask() {
        return (1L << addrBits(xlen)) - 1;
    }
}
