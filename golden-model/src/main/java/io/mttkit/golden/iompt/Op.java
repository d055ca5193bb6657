package io.mttkit.golden.iompt;

/**
 * The operations of {@code command.OP} (ch. 6 §"Command register", table "I/O MPT Checker operations"). OP 0
 * and 7–127 are reserved, 128–255 custom: none is implemented, so they fail with
 * {@link Status#INVALID_OP} (CODE 2).
 */
public enum Op {
    /** 1: commit previous DMA to the global order and observe earlier configuration updates (§"IOFENCE"). */
    IOFENCE(1),
    /** 2: configure an SDCL rule (§"SET_SDCL_ENTRY"). */
    SET_SDCL_ENTRY(2),
    /** 3: read an SDCL rule (§"GET_SDCL_ENTRY"). */
    GET_SDCL_ENTRY(3),
    /** 4: configure the MPT and QoS IDs of a supervisor domain (§"SET_SDCFG_ENTRY"). */
    SET_SDCFG_ENTRY(4),
    /** 5: read the configuration of a supervisor domain (§"GET_SDCFG_ENTRY"). */
    GET_SDCFG_ENTRY(5),
    /** 6: invalidate information cached from MPTs (§"MPTINVAL"). */
    MPTINVAL(6);

    private final int encoding;

    Op(int encoding) {
        this.encoding = encoding;
    }

    /** The value of {@code command.OP}. */
    public int encoding() {
        return encoding;
    }

    /** The operation encoded by {@code op} (the 8-bit OP field), or {@code null} when reserved or custom. */
    public static Op fromEncoding(int op) {
        for (Op o : values()) {
            if (o.encoding == op) {
                return o;
            }
        }
        return null;
    }
}
