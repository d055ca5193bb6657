package io.mttkit.golden;

/**
 * The two memory-resident table formats mttkit knows. "MTT" is the family name used throughout
 * mttkit; the formats are named after the spec version that defines them.
 */
public enum TableFormat {
    /** Smmtt, RISC-V Supervisor Domains spec v0.1 (2024-08-28), chapter 4: MTTL3/MTTL2/MTTL1. */
    SMMTT_V0_1("smmtt-v0.1"),
    /** Smmpt, RISC-V Supervisor Domains spec v0.9.0 (2026-08-19), chapter 4: MPTEs with V/L/N. */
    SMMPT_V0_9("smmpt-v0.9");

    private final String id;

    TableFormat(String id) {
        this.id = id;
    }

    /** The name used on the command line, in JSON and in reports, e.g. {@code smmpt-v0.9}. */
    public String id() {
        return id;
    }

    /** Parses {@link #id()}; throws {@link IllegalArgumentException} naming the accepted values. */
    public static TableFormat fromId(String s) {
        for (TableFormat f : values()) {
            if (f.id.equalsIgnoreCase(s)) {
                return f;
            }
        }
        throw new IllegalArgumentException("unknown table format '" + s + "' (expected smmtt-v0.1 or smmpt-v0.9)");
    }
}
