package io.mttkit.gen.walker;

/**
 * Compile-time parameters of the MTT walker and of the cache-less checker top (CHECKER-MICROARCH §2).
 * Every value is checked in the constructor; a value out of range is an {@link IllegalArgumentException}
 * naming the parameter, its range and the value given.
 *
 * @param xlen              32 or 64: selects the RV32 (Smmtt34, Smmpt34) or RV64 modes
 * @param formats           which table formats the hardware implements (selected per request by {@code req_mode[4]})
 * @param paw               platform physical address width: RV32 32..34 (default 34), RV64 32..64 (default 56);
 *                          a PA or an MPTE address at or above {@code 2^paw} does not exist
 * @param sdidLen           implemented SDID bits, 0..6 (default 6); the port is at least 1 bit wide
 * @param idWidth           width of {@code req_id}/{@code rsp_id}, 1..16 (default 8)
 * @param rsvdTupleScope    which tuples of a leaf the reserved-encoding check looks at (SPEC-DECISIONS #11)
 * @param v01OneGigAsOneGiB report v0.1 {@code 1G_*} leaves as 1 GiB ({@code leaf_log2} 30) instead of 32 MiB (25)
 * @param bigEndianSupport  honour {@code req_be} (byte-swap 4/8-byte MPTEs); when off {@code req_be} is ignored
 * @param pmpLatency        cycles from a {@code pmp_valid} pulse to its {@code pmp_ok}, 1..4 (default 1); must equal
 *                          the bridge's {@code SessionConfig.pmpLatency}
 */
public record WalkerParams(int xlen, Formats formats, int paw, int sdidLen, int idWidth,
                           TupleScope rsvdTupleScope, boolean v01OneGigAsOneGiB, boolean bigEndianSupport,
                           int pmpLatency) {

    /** The table formats a configuration implements. */
    public enum Formats {
        /** smmtt-v0.1 only ({@code req_mode[4]} = 0). */
        V01(true, false),
        /** smmpt-v0.9 only ({@code req_mode[4]} = 1). */
        V09(false, true),
        /** both, selected per request by {@code req_mode[4]}. */
        BOTH(true, true);

        private final boolean v01;
        private final boolean v09;

        Formats(boolean v01, boolean v09) {
            this.v01 = v01;
            this.v09 = v09;
        }

        /** Whether smmtt-v0.1 is implemented. */
        public boolean v01() {
            return v01;
        }

        /** Whether smmpt-v0.9 is implemented. */
        public boolean v09() {
            return v09;
        }
    }

    /** SPEC-DECISIONS #11: which tuples of a non-NAPOT leaf (or v0.1 MTTL1 nibbles) are checked for reserved encodings. */
    public enum TupleScope {
        /** every tuple of the leaf (the literal reading, default). */
        ANY,
        /** only the tuple the access selects. */
        SELECTED
    }

    /** Defaults for {@code xlen}: both formats, paw 34 (RV32) / 56 (RV64), sdidLen 6, idWidth 8, ANY, 32 MiB 1G_*, big-endian support on, PMP latency 1. */
    public static WalkerParams defaults(int xlen) {
        checkXlen(xlen);
        return new WalkerParams(xlen, Formats.BOTH, defaultPaw(xlen), 6, 8, TupleScope.ANY, false, true, 1);
    }

    /** The default {@code paw} of an XLEN: 34 on RV32, 56 on RV64. */
    public static int defaultPaw(int xlen) {
        return xlen == 32 ? 34 : 56;
    }

    public WalkerParams {
        checkXlen(xlen);
        if (formats == null) {
            throw new IllegalArgumentException("parameter 'formats' must be one of V01, V09, BOTH; got null");
        }
        if (rsvdTupleScope == null) {
            throw new IllegalArgumentException("parameter 'rsvdTupleScope' must be ANY or SELECTED; got null");
        }
        int pawMin = 32;
        int pawMax = xlen == 32 ? 34 : 64;
        range("paw", paw, pawMin, pawMax, " (for xlen " + xlen + ")");
        range("sdidLen", sdidLen, 0, 6, "");
        range("idWidth", idWidth, 1, 16, "");
        range("pmpLatency", pmpLatency, 1, 4, "");
    }

    private static void checkXlen(int xlen) {
        if (xlen != 32 && xlen != 64) {
            throw new IllegalArgumentException("parameter 'xlen' must be 32 or 64; got " + xlen);
        }
    }

    private static void range(String name, int value, int min, int max, String context) {
        if (value < min || value > max) {
            throw new IllegalArgumentException("parameter '" + name + "' must be in " + min + ".." + max + context
                    + "; got " + value);
        }
    }

    /** Width of {@code req_pa}: XLEN on RV64; 34 on RV32, whose physical addresses are 34 bits wide. */
    public int paWidth() {
        return xlen == 64 ? 64 : 34;
    }

    /** Width of a PPN in an MPTE and of {@code req_root_ppn}: 44 (RV64) or 22 (RV32). */
    public int ppnWidth() {
        return xlen == 64 ? 44 : 22;
    }

    /** Bytes per MPTE (every read, the v0.1 MTTL1 word included): 8 on RV64, 4 on RV32. */
    public int entryBytes() {
        return xlen / 8;
    }

    /** Width of {@code req_sdid}/{@code inv_sdid}: {@code sdidLen}, at least 1 (a port cannot be 0 bits). */
    public int sdidPortWidth() {
        return Math.max(1, sdidLen);
    }

    /** The modes this configuration implements, in CSR-encoding order per format. */
    public java.util.List<WalkMode> modes() {
        java.util.List<WalkMode> out = new java.util.ArrayList<>();
        for (WalkMode m : WalkMode.values()) {
            if (m.xlen() == xlen && (m.v09() ? formats.v09() : formats.v01())) {
                out.add(m);
            }
        }
        return out;
    }
}
