package io.mttkit.golden.iompt;

/**
 * {@code data1.SRC_IDM} of {@code SET_SDCL_ENTRY} (ch. 6 §"SET_SDCL_ENTRY", table "data1.SRC_IDM field
 * encodings"). 0 is reserved: an invalid operand (CODE 5) for a rule whose {@code SRC_IDT} is not None. The
 * matching itself is {@link SourceMatch}.
 */
public enum SrcIdMatch {
    /** 1: top of range, {@code SRC_ID(r−1) ≤ s < SRC_ID(r)}. */
    TOR(1),
    /** 2: exact, "all the bits of the source ID ... match". */
    UNARY(2),
    /** 3: naturally aligned power-of-two range; low bits up to and including the first low-order 0 masked. */
    NAPOT(3);

    private final int encoding;

    SrcIdMatch(int encoding) {
        this.encoding = encoding;
    }

    public int encoding() {
        return encoding;
    }

    /** The mode encoded by {@code srcIdm}, or {@code null} for the reserved 0. */
    public static SrcIdMatch fromEncoding(int srcIdm) {
        for (SrcIdMatch m : values()) {
            if (m.encoding == srcIdm) {
                return m;
            }
        }
        return null;
    }
}
