package io.mttkit.golden.hart;

import io.mttkit.golden.pmp.PrivMode;

/** Privilege levels as encoded in {@code mstatus.MPP}: 0 U, 1 S, 3 M. */
public final class Priv {
    public static final int U = 0;
    public static final int S = 1;
    public static final int M = 3;

    private Priv() {
    }

    /** "U", "S" or "M". */
    public static String name(int p) {
        return switch (p) {
            case U -> "U";
            case S -> "S";
            case M -> "M";
            default -> "?" + p;
        };
    }

    static PrivMode pmp(int p) {
        return p == M ? PrivMode.M : p == S ? PrivMode.S : PrivMode.U;
    }
}
