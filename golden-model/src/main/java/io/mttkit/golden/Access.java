package io.mttkit.golden;

/**
 * Permission bits in the spec's XWR order: bit 0 = R, bit 1 = W, bit 2 = X. Used both for the XWR of a
 * tuple and for the set of permissions an access needs (load R, store W, AMO R|W, fetch X,
 * shadow-stack R|W, page-table read R, A/D update W, HLVX R — SPEC-DECISIONS #12, #13).
 */
public final class Access {
    public static final int R = 1;
    public static final int W = 2;
    public static final int X = 4;

    private Access() {
    }

    /** Parses a subset of "rwx" in any order and case ("" is allowed and needs nothing). */
    public static int parse(String s) {
        int bits = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = Character.toLowerCase(s.charAt(i));
            int b = switch (c) {
                case 'r' -> R;
                case 'w' -> W;
                case 'x' -> X;
                default -> throw new IllegalArgumentException(
                        "'" + s + "' is not a subset of rwx (unexpected '" + s.charAt(i) + "')");
            };
            if ((bits & b) != 0) {
                throw new IllegalArgumentException("'" + s + "' names '" + c + "' twice");
            }
            bits |= b;
        }
        return bits;
    }

    /** Formats XWR bits as a string in "rwx" order, e.g. 5 → "rx", 0 → "". */
    public static String format(int xwr) {
        StringBuilder sb = new StringBuilder(3);
        if ((xwr & R) != 0) {
            sb.append('r');
        }
        if ((xwr & W) != 0) {
            sb.append('w');
        }
        if ((xwr & X) != 0) {
            sb.append('x');
        }
        return sb.toString();
    }

    /** True when every bit of {@code need} is granted by {@code xwr}. */
    public static boolean grants(int xwr, int need) {
        return (need & ~xwr) == 0;
    }
}
