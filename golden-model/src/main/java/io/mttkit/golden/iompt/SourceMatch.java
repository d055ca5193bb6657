package io.mttkit.golden.iompt;

/**
 * The three {@code SRC_IDM} matching functions (ch. 6 §"SET_SDCL_ENTRY", table "data1.SRC_IDM field
 * encodings"), on source IDs already cut to the bits the rule's {@code SRC_IDT} compares ({@code keyMask}:
 * 24 bits for a device ID, 16 for an IDE stream + segment). Pure functions.
 */
public final class SourceMatch {
    private SourceMatch() {
    }

    /**
     * TOR: "the rule matches any source ID s if: s is greater than or equal to SRC_ID of rule r−1 and is
     * less than the SRC_ID of rule r. If r is 0, then zero is used as the lower bound. If SRC_ID of rule r−1
     * is greater than or equal to that of rule r ... rule r does not match any address" (which the two
     * comparisons already give).
     *
     * @param lower SRC_ID of rule r−1 (0 for r = 0), inclusive
     * @param top   SRC_ID of rule r, exclusive
     */
    public static boolean tor(int lower, int top, int s) {
        return lower <= s && s < top;
    }

    /** Unary: "matches if all the bits of the source ID of the transaction match the value configured". */
    public static boolean unary(int srcId, int s) {
        return srcId == s;
    }

    /**
     * The bits NAPOT ignores: "the lower bits of the SRC_ID, up to and including the first low-order zero
     * bit, are masked". {@code SRC_ID} = {@code yyyyy011} masks bits 2:0 (8 IDs), {@code ...0} bit 0 (2 IDs).
     * When every compared bit of {@code srcId} is 1 there is no low-order zero: the spec is silent, and mttkit
     * masks every compared bit, so the rule matches every source ID (as "the first zero is just above the
     * field" would give).
     */
    public static int napotMask(int srcId, int keyMask) {
        int v = srcId & keyMask;
        if (v == keyMask) {
            return keyMask;
        }
        // v + 1 turns the trailing ones into zeros and the first zero into a one; XOR marks all of them.
        return v ^ (v + 1);
    }

    /** NAPOT: "the unmasked bits are compared with the corresponding bits in the source ID". */
    public static boolean napot(int srcId, int keyMask, int s) {
        int compared = keyMask & ~napotMask(srcId, keyMask);
        return ((srcId ^ s) & compared) == 0;
    }
}
