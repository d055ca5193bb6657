package io.mttkit.golden.iompt;

/**
 * {@code data1.TEE_FLT} of {@code SET_SDCL_ENTRY} (ch. 6 §"SET_SDCL_ENTRY", table "data1.TEE_FLT field
 * encodings"). 3 is reserved (CODE 5). "If filtering transactions associated with a TEE is not supported then
 * the only legal values for TEE_FLT is 0" ({@link IoMptParams#teeFilter()}).
 */
public enum TeeFilter {
    /** 0: matches TEE-associated and non-TEE-associated transactions. */
    ANY(0),
    /** 1: matches TEE-associated transactions only. */
    TEE_ONLY(1),
    /** 2: matches transactions that are not TEE-associated only. */
    NON_TEE_ONLY(2);

    private final int encoding;

    TeeFilter(int encoding) {
        this.encoding = encoding;
    }

    public int encoding() {
        return encoding;
    }

    /** The filter encoded by {@code teeFlt}, or {@code null} for the reserved 3. */
    public static TeeFilter fromEncoding(int teeFlt) {
        for (TeeFilter f : values()) {
            if (f.encoding == teeFlt) {
                return f;
            }
        }
        return null;
    }

    /** True when a transaction with TEE association {@code tee} passes the filter. */
    public boolean admits(boolean tee) {
        return switch (this) {
            case ANY -> true;
            case TEE_ONLY -> tee;
            case NON_TEE_ONLY -> !tee;
        };
    }
}
