package io.mttkit.golden.iompt;

/**
 * Which {@code status.CODE} values mean "invalid RULEID" and "invalid SDID". Chapter 6 contradicts itself:
 * the {@code status.CODE} encoding table (§"Status register") lists 3 = "Operation requested for invalid
 * {@code RULEID}" and 4 = "Operation requested for invalid {@code SDID}", while §"Command register" says an
 * operation with invalid SDID or RULEID operands "fails with ... invalid SDID (status.CODE=3) or ... invalid
 * RULEID (status.CODE=4) respectively".
 *
 * <p>mttkit follows the table by default ({@link #TABLE}): it is the normative list of encodings and names
 * each code, the prose only refers to it. {@link #PROSE} is offered for implementations that followed the
 * other reading.
 */
public enum StatusCodeConvention {
    /** §"Status register" table: 3 = invalid RULEID, 4 = invalid SDID (default). */
    TABLE(3, 4),
    /** §"Command register" prose: 3 = invalid SDID, 4 = invalid RULEID. */
    PROSE(4, 3);

    private final int invalidRuleId;
    private final int invalidSdid;

    StatusCodeConvention(int invalidRuleId, int invalidSdid) {
        this.invalidRuleId = invalidRuleId;
        this.invalidSdid = invalidSdid;
    }

    /** The CODE reported for an invalid {@code RULEID} operand. */
    public int invalidRuleIdCode() {
        return invalidRuleId;
    }

    /** The CODE reported for an invalid {@code SDID} operand. */
    public int invalidSdidCode() {
        return invalidSdid;
    }
}
