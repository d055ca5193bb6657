package io.mttkit.gen.walker;

import io.mttkit.gen.Param;
import io.mttkit.gen.ParamValues;

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
    public enum Formats implements Param.Choice {
        /** smmtt-v0.1 only ({@code req_mode[4]} = 0). */
        V01(true, false, "smmtt-v0.1"),
        /** smmpt-v0.9 only ({@code req_mode[4]} = 1). */
        V09(false, true, "smmpt-v0.9"),
        /** both, selected per request by {@code req_mode[4]}. */
        BOTH(true, true, "both");

        private final boolean v01;
        private final boolean v09;
        private final String spelling;

        Formats(boolean v01, boolean v09, String spelling) {
            this.v01 = v01;
            this.v09 = v09;
            this.spelling = spelling;
        }

        /** Whether smmtt-v0.1 is implemented. */
        public boolean v01() {
            return v01;
        }

        /** Whether smmpt-v0.9 is implemented. */
        public boolean v09() {
            return v09;
        }

        @Override
        public String spelling() {
            return spelling;
        }
    }

    /** SPEC-DECISIONS #11: which tuples of a non-NAPOT leaf (or v0.1 MTTL1 nibbles) are checked for reserved encodings. */
    public enum TupleScope implements Param.Choice {
        /** every tuple of the leaf (the literal reading, default). */
        ANY,
        /** only the tuple the access selects. */
        SELECTED;

        @Override
        public String spelling() {
            return name();
        }
    }

    // ---- the parameter descriptors (mtt gen --set, --describe, manifests, module headers) ----

    /** {@code formats}: the table formats implemented. */
    public static final Param<Formats> FORMATS = Param.choice("formats", Formats.class, Formats.BOTH,
            "table formats implemented; with both, req_mode[4] selects smmpt-v0.9");
    /** {@code paw} on RV32. */
    public static final Param<Integer> PAW_RV32 = Param.integer("paw", 34, 32, 34,
            "platform physical address width: a PA or MPTE address at or above 2^paw does not exist")
            .withNote(" (for xlen 32)");
    /** {@code paw} on RV64. */
    public static final Param<Integer> PAW_RV64 = Param.integer("paw", 56, 32, 64,
            "platform physical address width: a PA or MPTE address at or above 2^paw does not exist")
            .withNote(" (for xlen 64)");
    /** {@code sdidLen}. */
    public static final Param<Integer> SDID_LEN = Param.integer("sdidLen", 6, 0, 6,
            "implemented SDID bits (the ports are at least 1 bit wide)");
    /** {@code idWidth}. */
    public static final Param<Integer> ID_WIDTH = Param.integer("idWidth", 8, 1, 16, "width of req_id and rsp_id");
    /** {@code rsvdTupleScope}. */
    public static final Param<TupleScope> RSVD_TUPLE_SCOPE = Param.choice("rsvdTupleScope", TupleScope.class,
            TupleScope.ANY, "reserved-encoding check of leaf tuples: every tuple (ANY) or the selected one");
    /** {@code v01OneGigAsOneGiB}. */
    public static final Param<Boolean> V01_ONE_GIG_AS_ONE_GIB = Param.flag("v01OneGigAsOneGiB", false,
            "report (and cache) smmtt-v0.1 1G_* leaves as 1 GiB instead of 32 MiB");
    /** {@code bigEndianSupport}. */
    public static final Param<Boolean> BIG_ENDIAN_SUPPORT = Param.flag("bigEndianSupport", true,
            "honour req_be: byte-swap MPTEs of big-endian tables");
    /** {@code pmpLatency}. */
    public static final Param<Integer> PMP_LATENCY = Param.integer("pmpLatency", 1, 1, 4,
            "cycles from a pmp_valid pulse to its pmp_ok");

    /** The {@code paw} descriptor of {@code xlen}. */
    public static Param<Integer> paw(int xlen) {
        checkXlen(xlen);
        return xlen == 32 ? PAW_RV32 : PAW_RV64;
    }

    /** The descriptors of the walker parameters of {@code xlen}, in documentation order. */
    public static java.util.List<Param<?>> parameters(int xlen) {
        return java.util.List.of(FORMATS, paw(xlen), SDID_LEN, ID_WIDTH, RSVD_TUPLE_SCOPE, V01_ONE_GIG_AS_ONE_GIB,
                BIG_ENDIAN_SUPPORT, PMP_LATENCY);
    }

    /** The walker parameters of {@code xlen} from checked configuration values. */
    public static WalkerParams of(int xlen, ParamValues v) {
        return new WalkerParams(xlen, v.get(FORMATS), v.get(paw(xlen)), v.get(SDID_LEN), v.get(ID_WIDTH),
                v.get(RSVD_TUPLE_SCOPE), v.get(V01_ONE_GIG_AS_ONE_GIB), v.get(BIG_ENDIAN_SUPPORT), v.get(PMP_LATENCY));
    }

    /** Defaults for {@code xlen}: every descriptor's default (both formats, paw 34/56, sdidLen 6, idWidth 8, ...). */
    public static WalkerParams defaults(int xlen) {
        checkXlen(xlen);
        return new WalkerParams(xlen, FORMATS.defaultValue(), paw(xlen).defaultValue(), SDID_LEN.defaultValue(),
                ID_WIDTH.defaultValue(), RSVD_TUPLE_SCOPE.defaultValue(), V01_ONE_GIG_AS_ONE_GIB.defaultValue(),
                BIG_ENDIAN_SUPPORT.defaultValue(), PMP_LATENCY.defaultValue());
    }

    /** The default {@code paw} of an XLEN: 34 on RV32, 56 on RV64. */
    public static int defaultPaw(int xlen) {
        return paw(xlen).defaultValue();
    }

    /** Checks every value against its descriptor. */
    public WalkerParams {
        checkXlen(xlen);
        FORMATS.check(formats);
        paw(xlen).check(paw);
        SDID_LEN.check(sdidLen);
        ID_WIDTH.check(idWidth);
        RSVD_TUPLE_SCOPE.check(rsvdTupleScope);
        PMP_LATENCY.check(pmpLatency);
    }

    /** The values by descriptor, in {@link #parameters} order (for headers and manifests). */
    public ParamValues values() {
        java.util.Map<Param<?>, Object> m = new java.util.LinkedHashMap<>();
        m.put(FORMATS, formats);
        m.put(paw(xlen), paw);
        m.put(SDID_LEN, sdidLen);
        m.put(ID_WIDTH, idWidth);
        m.put(RSVD_TUPLE_SCOPE, rsvdTupleScope);
        m.put(V01_ONE_GIG_AS_ONE_GIB, v01OneGigAsOneGiB);
        m.put(BIG_ENDIAN_SUPPORT, bigEndianSupport);
        m.put(PMP_LATENCY, pmpLatency);
        return ParamValues.of(m);
    }

    private static void checkXlen(int xlen) {
        if (xlen != 32 && xlen != 64) {
            throw new IllegalArgumentException("parameter 'xlen' must be 32 or 64; got " + xlen);
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
