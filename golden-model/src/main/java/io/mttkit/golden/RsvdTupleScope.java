package io.mttkit.golden;

/**
 * SPEC-DECISIONS #11: which permission tuples of a leaf are checked for reserved encodings (Smmpt XWR
 * 010/110, v0.1 MTTL1 nibble bits [3:2] and 2-bit PERM fields).
 */
public enum RsvdTupleScope {
    /** Literal reading of the spec: a reserved encoding in any tuple faults the whole leaf (default). */
    ANY,
    /** Reference-model reading: only the tuple selected by the PA is checked. */
    SELECTED;

    public static RsvdTupleScope fromId(String s) {
        for (RsvdTupleScope v : values()) {
            if (v.name().equalsIgnoreCase(s)) {
                return v;
            }
        }
        throw new IllegalArgumentException("unknown rsvd-tuple-scope '" + s + "' (expected any or selected)");
    }
}
