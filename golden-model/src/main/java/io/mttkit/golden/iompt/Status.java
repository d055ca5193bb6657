package io.mttkit.golden.iompt;

/**
 * The outcomes of an operation, {@code status.CODE} (ch. 6 §"Status register", table "status.CODE field
 * encodings"). The numeric code of {@link #INVALID_RULEID} and {@link #INVALID_SDID} depends on the
 * {@link StatusCodeConvention}; the others are fixed. 6–127 are reserved and 128–255 custom: the golden
 * model never reports them.
 */
public enum Status {
    /** 0: "No status available; reason UNSPECIFIED." The reset value; never the result of an operation here. */
    NONE,
    /** 1: "Operation completed successfully." */
    SUCCESS,
    /** 2: "Invalid operation (OP) requested." */
    INVALID_OP,
    /** 3 (table) or 4 (prose): "Operation requested for invalid RULEID." */
    INVALID_RULEID,
    /** 4 (table) or 3 (prose): "Operation requested for invalid SDID." */
    INVALID_SDID,
    /** 5: "Illegal or invalid operand encodings." */
    INVALID_OPERAND;

    /** The {@code status.CODE} value under {@code convention}. */
    public int code(StatusCodeConvention convention) {
        return switch (this) {
            case NONE -> 0;
            case SUCCESS -> 1;
            case INVALID_OP -> 2;
            case INVALID_RULEID -> convention.invalidRuleIdCode();
            case INVALID_SDID -> convention.invalidSdidCode();
            case INVALID_OPERAND -> 5;
        };
    }

    /**
     * The status whose code under {@code convention} is {@code code}.
     *
     * @throws IllegalArgumentException for 6..255 (reserved or custom) and values outside 0..255
     */
    public static Status fromCode(int code, StatusCodeConvention convention) {
        for (Status s : values()) {
            if (s.code(convention) == code) {
                return s;
            }
        }
        throw new IllegalArgumentException("status.CODE " + code + " is not one of the defined codes 0..5"
                + " (6..127 reserved, 128..255 custom)");
    }
}
