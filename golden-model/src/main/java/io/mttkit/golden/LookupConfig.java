package io.mttkit.golden;

/**
 * Platform choices and spec interpretations that change the result of a lookup.
 *
 * @param paw               platform physical address width in bits (SPEC-DECISIONS #3, #10): a PA with a
 *                          bit set at or above {@code paw} faults with {@link Cause#PA_RANGE}, no read.
 *                          Range 12..64; the mode's own width applies as well.
 * @param rsvdTupleScope    SPEC-DECISIONS #11.
 * @param v01OneGigAsOneGiB SPEC-DECISIONS #8: report (and let a cache keep) a v0.1 {@code 1G_*} leaf as one
 *                          1 GiB region instead of the 32 MiB its MTTL2 entry covers. Default false.
 */
public record LookupConfig(int paw, RsvdTupleScope rsvdTupleScope, boolean v01OneGigAsOneGiB) {

    public static final LookupConfig DEFAULT = new LookupConfig(64, RsvdTupleScope.ANY, false);

    public LookupConfig {
        if (paw < 12 || paw > 64) {
            throw new IllegalArgumentException("paw must be between 12 and 64 bits, got " + paw);
        }
        if (rsvdTupleScope == null) {
            throw new IllegalArgumentException("rsvdTupleScope must be given (ANY or SELECTED)");
        }
    }

    public LookupConfig withPaw(int newPaw) {
        return new LookupConfig(newPaw, rsvdTupleScope, v01OneGigAsOneGiB);
    }

    public LookupConfig withRsvdTupleScope(RsvdTupleScope scope) {
        return new LookupConfig(paw, scope, v01OneGigAsOneGiB);
    }

    public LookupConfig withV01OneGigAsOneGiB(boolean v) {
        return new LookupConfig(paw, rsvdTupleScope, v);
    }
}
