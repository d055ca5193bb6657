package io.mttkit.tb.lockstep;

import io.mttkit.golden.TableFormat;
import io.mttkit.tb.cosim.CheckerLibrary;

/**
 * Which RTL checker answers the checks of a hart of a given XLEN and table format: the shipped configuration
 * (folder {@code rtl/}) that implements that one format at that XLEN.
 *
 * <p>The library choice is this class's one job, so that redirecting lockstep to another library is a one-line
 * change in {@link #forCell}.
 */
public final class LockstepTarget {
    private LockstepTarget() {
    }

    /**
     * The checker of the shipped configuration {@link #configName configName(xlen, format)}, built (or taken from
     * the build cache) and loaded on first use.
     */
    public static CheckerLibrary forCell(int xlen, TableFormat format) {
        return CheckerLibrary.shipped(configName(xlen, format));
    }

    /** {@code rv64-smmpt}, {@code rv64-smmtt}, {@code rv32-smmpt} or {@code rv32-smmtt}. */
    public static String configName(int xlen, TableFormat format) {
        if (xlen != 32 && xlen != 64) {
            throw new IllegalArgumentException("xlen must be 32 or 64, got " + xlen);
        }
        if (format == null) {
            throw new IllegalArgumentException("a table format must be given");
        }
        return "rv" + xlen + "-" + (format == TableFormat.SMMPT_V0_9 ? "smmpt" : "smmtt");
    }
}
