package io.mttkit.gen.walker;

/**
 * The table modes the walker knows, with what the hardware needs of each: the format bit of {@code req_mode[4]},
 * the MODE field value of {@code mttp}/{@code mmpt} ({@code req_mode[3:0]}), the PA width whose upper bits must be
 * zero, and the root level (levels counted from the leaf up, as in {@code docs/spec-notes.md}).
 */
public enum WalkMode {
    /** v0.1 §4 Smmtt34 (RV32): MTTL2 → MTTL1. */
    SMMTT34(false, 32, 1, 34, 1),
    /** v0.1 §4 Smmtt46 (RV64): MTTL2 → MTTL1 (SPEC-DECISIONS #2). */
    SMMTT46(false, 64, 1, 46, 1),
    /** v0.1 §4 Smmtt56 (RV64): MTTL3 → MTTL2 → MTTL1. */
    SMMTT56(false, 64, 2, 56, 2),
    /** v0.9 §4 Smmpt34 (RV32), LEVELS = 2. */
    SMMPT34(true, 32, 1, 34, 1),
    /** v0.9 §4 Smmpt43 (RV64), LEVELS = 3. */
    SMMPT43(true, 64, 1, 43, 2),
    /** v0.9 §4 Smmpt52 (RV64), LEVELS = 4. */
    SMMPT52(true, 64, 2, 52, 3),
    /** v0.9 §4 Smmpt64 (RV64), LEVELS = 5; no PA bit is out of range. */
    SMMPT64(true, 64, 3, 64, 4);

    private final boolean v09;
    private final int xlen;
    private final int csrEncoding;
    private final int paBits;
    private final int rootLevel;

    WalkMode(boolean v09, int xlen, int csrEncoding, int paBits, int rootLevel) {
        this.v09 = v09;
        this.xlen = xlen;
        this.csrEncoding = csrEncoding;
        this.paBits = paBits;
        this.rootLevel = rootLevel;
    }

    /** True for smmpt-v0.9, false for smmtt-v0.1. */
    public boolean v09() {
        return v09;
    }

    /** The XLEN the mode exists for. */
    public int xlen() {
        return xlen;
    }

    /** The MODE field value in {@code mttp}/{@code mmpt}. */
    public int csrEncoding() {
        return csrEncoding;
    }

    /** The value of the 5-bit {@code req_mode} port: {@code {format, MODE}}. */
    public int reqMode() {
        return (v09 ? 16 : 0) | csrEncoding;
    }

    /** PA bits at and above this index must be zero (64: none). */
    public int paBits() {
        return paBits;
    }

    /** Level of the root table (LEVELS − 1). */
    public int rootLevel() {
        return rootLevel;
    }
}
