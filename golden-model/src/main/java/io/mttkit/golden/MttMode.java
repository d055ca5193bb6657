package io.mttkit.golden;

import java.util.Locale;

/**
 * Every MODE of both formats, with the facts the spec states about each: the XLEN it exists for, the
 * supervisor physical address width it covers, the number of table levels, the size of one entry and
 * the value of the MODE field in {@code mttp} (v0.1, chapter 3) or {@code mmpt} (v0.9, chapter 3).
 *
 * <p>Level counts follow SPEC-DECISIONS #2: Smmtt34 and Smmtt46 walk MTTL2 then MTTL1, Smmtt56 walks
 * MTTL3, MTTL2, MTTL1. mttkit numbers levels from the leaf upwards for both formats: level 0 is the
 * MTTL1 word (v0.1) or the 64 KiB / 32 KiB leaf level (v0.9).
 */
public enum MttMode {
    /** No MTT protection: every access is allowed and no table is read. Exists in both formats. */
    BARE(null, 0, 0, 0, 0, 0),
    SMMTT34(TableFormat.SMMTT_V0_1, 32, 34, 2, 4, 1),
    SMMTT46(TableFormat.SMMTT_V0_1, 64, 46, 2, 8, 1),
    SMMTT56(TableFormat.SMMTT_V0_1, 64, 56, 3, 8, 2),
    SMMPT34(TableFormat.SMMPT_V0_9, 32, 34, 2, 4, 1),
    SMMPT43(TableFormat.SMMPT_V0_9, 64, 43, 3, 8, 1),
    SMMPT52(TableFormat.SMMPT_V0_9, 64, 52, 4, 8, 2),
    SMMPT64(TableFormat.SMMPT_V0_9, 64, 64, 5, 8, 3);

    private final TableFormat format;
    private final int xlen;
    private final int paBits;
    private final int levels;
    private final int entryBytes;
    private final int csrEncoding;

    MttMode(TableFormat format, int xlen, int paBits, int levels, int entryBytes, int csrEncoding) {
        this.format = format;
        this.xlen = xlen;
        this.paBits = paBits;
        this.levels = levels;
        this.entryBytes = entryBytes;
        this.csrEncoding = csrEncoding;
    }

    /** The table format, or {@code null} for {@link #BARE}. */
    public TableFormat format() {
        return format;
    }

    /** 32 or 64; 0 for {@link #BARE}, which exists for both. */
    public int xlen() {
        return xlen;
    }

    /** Width of the supervisor physical address the mode covers (34, 43, 46, 52, 56 or 64). */
    public int paBits() {
        return paBits;
    }

    /** Number of table levels walked from the root (LEVELS in the spec's lookup process). */
    public int levels() {
        return levels;
    }

    /** Size in bytes of one table entry read by the walk (MPTESIZE / NON_LEAF_PTE_SIZE). */
    public int entryBytes() {
        return entryBytes;
    }

    /** Value of the MODE field of {@code mttp}/{@code mmpt} that selects this mode. */
    public int csrEncoding() {
        return csrEncoding;
    }

    /** The lower-case name used on the command line and in reports, e.g. {@code smmpt43}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses {@link #id()} (case-insensitive); throws {@link IllegalArgumentException} listing valid names. */
    public static MttMode fromId(String s) {
        for (MttMode m : values()) {
            if (m.id().equalsIgnoreCase(s)) {
                return m;
            }
        }
        StringBuilder valid = new StringBuilder();
        for (MttMode m : values()) {
            valid.append(valid.length() == 0 ? "" : ", ").append(m.id());
        }
        throw new IllegalArgumentException("unknown mode '" + s + "' (expected one of " + valid + ")");
    }

    /** The mode of {@code format} and {@code xlen} whose CSR MODE value is {@code encoding}, or null. */
    public static MttMode fromCsrEncoding(TableFormat format, int xlen, int encoding) {
        if (encoding == 0) {
            return BARE;
        }
        for (MttMode m : values()) {
            if (m.format == format && m.xlen == xlen && m.csrEncoding == encoding) {
                return m;
            }
        }
        return null;
    }
}
