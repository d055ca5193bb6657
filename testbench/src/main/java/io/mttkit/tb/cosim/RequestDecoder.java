package io.mttkit.tb.cosim;

import io.mttkit.golden.Access;
import io.mttkit.golden.MttMode;
import io.mttkit.tb.dut.CheckerDescription;

/**
 * The human-readable form of a request for mismatch reports: the PA split into the table index of every level
 * (from the figures of v0.1 §4 and v0.9 §4, levels counted from the leaf up), mode, need and flags.
 */
final class RequestDecoder {
    private RequestDecoder() {}

    static String describe(CheckRequest r, CheckerDescription params) {
        StringBuilder sb = new StringBuilder("request: ");
        sb.append(String.format("pa=0x%x need=%s mode=%s req_mode=0x%02x root_ppn=0x%x sdid=%d be=%b bypass=%b%n",
                r.pa(), Access.format(r.need()), r.mode() == null ? "(not implemented)" : r.mode().id(), r.rawMode(),
                r.rootPpn(), r.sdid(), r.be(), r.bypass()));
        if (r.mode() != null && r.mode() != MttMode.BARE) {
            sb.append("  PA fields:");
            for (int[] f : fields(r.mode())) {
                long v = (r.pa() >>> f[2]) & ((1L << (f[1] - f[2] + 1)) - 1);
                sb.append(String.format(" L%d[%d:%d]=0x%x", f[0], f[1], f[2], v));
            }
            int top = r.mode().paBits();
            sb.append(top < 64 && (r.pa() >>> top) != 0 ? "  (bits >= " + top + " set)" : "");
            sb.append(params.paw() < 64 && (r.pa() >>> params.paw()) != 0 ? "  (bits >= paw " + params.paw() + " set)" : "");
            sb.append('\n');
        }
        return sb.toString();
    }

    /** {level, hi, lo} of the index used at each level, root first, then the tuple/nibble selector as level -1. */
    static int[][] fields(MttMode m) {
        return switch (m) {
            case SMMTT34 -> new int[][] {{1, 33, 25}, {0, 24, 15}, {-1, 14, 12}};
            case SMMTT46 -> new int[][] {{1, 45, 25}, {0, 24, 16}, {-1, 15, 12}};
            case SMMTT56 -> new int[][] {{2, 55, 46}, {1, 45, 25}, {0, 24, 16}, {-1, 15, 12}};
            case SMMPT34 -> new int[][] {{1, 33, 25}, {0, 24, 15}, {-1, 14, 12}};
            case SMMPT43 -> new int[][] {{2, 42, 34}, {1, 33, 25}, {0, 24, 16}, {-1, 15, 12}};
            case SMMPT52 -> new int[][] {{3, 51, 43}, {2, 42, 34}, {1, 33, 25}, {0, 24, 16}, {-1, 15, 12}};
            case SMMPT64 -> new int[][] {{4, 63, 52}, {3, 51, 43}, {2, 42, 34}, {1, 33, 25}, {0, 24, 16}, {-1, 15, 12}};
            default -> new int[0][];
        };
    }
}
