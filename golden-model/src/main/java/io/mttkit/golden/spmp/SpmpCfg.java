package io.mttkit.golden.spmp;

/**
 * The fields of {@code spmpcfg[i]} (spec "S-level Physical Memory Protection CSRs", figure "SPMP
 * configuration register format"): R[0] W[1] X[2] A[4:3], bits 6:5 reserved (WPRI), L[7], U[8],
 * SHARED[9], bits SXLEN-1:10 reserved (WPRI). The low 8 bits have the layout of a {@code pmpcfg} byte,
 * which Smpmpdeleg relies on ("its lower 8 bits are an alias for the 8-bit field in the corresponding
 * M-mode PMP configuration register").
 */
public final class SpmpCfg {
    public static final int R = 1;
    public static final int W = 1 << 1;
    public static final int X = 1 << 2;
    public static final int A_SHIFT = 3;
    public static final int A_MASK = 3 << A_SHIFT;
    public static final int L = 1 << 7;
    public static final int U = 1 << 8;
    public static final int SHARED = 1 << 9;
    /** Every bit that is not WPRI. */
    public static final int IMPLEMENTED = R | W | X | A_MASK | L | U | SHARED;

    private SpmpCfg() {
    }

    public static int rwx(int cfg) {
        return cfg & (R | W | X);
    }

    public static AddressMode mode(int cfg) {
        return AddressMode.of((cfg & A_MASK) >>> A_SHIFT);
    }

    public static boolean locked(int cfg) {
        return (cfg & L) != 0;
    }

    public static boolean u(int cfg) {
        return (cfg & U) != 0;
    }

    public static boolean shared(int cfg) {
        return (cfg & SHARED) != 0;
    }

    /** Builds a cfg value; {@code rwx} uses {@link io.mttkit.golden.Access} bit positions (equal to R/W/X). */
    public static int of(int rwx, AddressMode a, boolean locked, boolean u, boolean shared) {
        return (rwx & 7) | (a.code() << A_SHIFT) | (locked ? L : 0) | (u ? U : 0) | (shared ? SHARED : 0);
    }

    /**
     * The encodings "reserved for future standard use" (spec "Encoding of Permissions"): RWX=010, RWX=011,
     * and SHARED=1 with U=0.
     */
    public static boolean reserved(int cfg) {
        int rwx = rwx(cfg);
        return rwx == W || rwx == (W | X) || (shared(cfg) && !u(cfg));
    }

    /** The rule type of a non-reserved cfg (spec: "three distinct rule types"). */
    public static RuleType ruleType(int cfg) {
        if (reserved(cfg)) {
            return RuleType.RESERVED;
        }
        if (shared(cfg)) {
            return RuleType.SHARED_REGION;
        }
        return u(cfg) ? RuleType.U_MODE : RuleType.S_MODE_ONLY;
    }

    /** The three rule types of the spec, plus the reserved encodings. */
    public enum RuleType {
        S_MODE_ONLY,
        U_MODE,
        SHARED_REGION,
        RESERVED
    }

    /** {@code spmpcfg[i].A} (spec "Address Matching" table). */
    public enum AddressMode {
        OFF(0),
        TOR(1),
        NA4(2),
        NAPOT(3);

        private final int code;

        AddressMode(int code) {
            this.code = code;
        }

        public int code() {
            return code;
        }

        public static AddressMode of(int code) {
            return values()[code & 3];
        }
    }
}
