package io.mttkit.golden.iompt;

/**
 * {@code data1.SRC_IDT} of {@code SET_SDCL_ENTRY} (ch. 6 §"SET_SDCL_ENTRY", table "data1.SRC_IDT field
 * encodings"): which identifier of the transaction a rule compares. 3–7 are reserved and 8–15 custom; none
 * is implemented, so they are invalid operands (CODE 5).
 */
public enum SrcIdType {
    /** 0: "This rule does not match any incoming transaction. All other fields of data1 are ignored." */
    NONE(0),
    /** 1: filter by device ID, given in {@code SRC_ID}. */
    DEVICE_ID(1),
    /** 2: PCIe IDE stream ID in {@code SRC_ID[7:0]} and segment in {@code SRC_ID[15:8]}; bits 23:16 ignored. */
    IDE_STREAM(2);

    private final int encoding;

    SrcIdType(int encoding) {
        this.encoding = encoding;
    }

    public int encoding() {
        return encoding;
    }

    /** The type encoded by {@code srcIdt}, or {@code null} when reserved or custom. */
    public static SrcIdType fromEncoding(int srcIdt) {
        for (SrcIdType t : values()) {
            if (t.encoding == srcIdt) {
                return t;
            }
        }
        return null;
    }

    /**
     * The bits of {@code SRC_ID} (and of the transaction's key) this type compares: all 24 for a device ID,
     * 15:0 for an IDE stream ("The bits 23:16 of the SRC_ID field are ignored").
     */
    int keyMask() {
        return this == IDE_STREAM ? 0xFFFF : 0xFF_FFFF;
    }
}
