package io.mttkit.golden.iompt;

/**
 * The 32-bit {@code command} register read with the layouts of ch. 6 §"Command register" and its operations:
 * <pre>
 * every OP         OP[7:0] operands[31:8]
 * *_SDCL_ENTRY     OP[7:0] RULEID[15:8] reserved[31:16]
 * *_SDCFG_ENTRY    OP[7:0] SDID[13:8] reserved[31:14]
 * MPTINVAL         OP[7:0] SDID[13:8] reserved[14] SDIDV[15] reserved[31:16]
 * IOFENCE          OP[7:0] reserved[31:8]
 * </pre>
 * Reserved bits are ignored ("Fields not used by an operation are ignored").
 *
 * @param raw the register value (only the low 32 bits are meaningful)
 */
public record CommandWord(int raw) {

    /** {@code OP}, bits 7:0. */
    public int op() {
        return (int) Bits.field(raw, 0, 8);
    }

    /** {@code RULEID}, bits 15:8 (SDCL operations). */
    public int ruleId() {
        return (int) Bits.field(raw, 8, 8);
    }

    /** {@code SDID}, bits 13:8 (SDCFG operations, MPTINVAL). */
    public int sdid() {
        return (int) Bits.field(raw, 8, 6);
    }

    /** {@code SDIDV}, bit 15 (MPTINVAL). */
    public boolean sdidValid() {
        return Bits.field(raw, 15, 1) != 0;
    }

    // ---- encoders, for software and tests --------------------------------------------------------------

    /** {@code IOFENCE}. */
    public static int iofence() {
        return Op.IOFENCE.encoding();
    }

    /** {@code SET_SDCL_ENTRY} of rule {@code ruleId} (0..255). */
    public static int setSdclEntry(int ruleId) {
        return withRuleId(Op.SET_SDCL_ENTRY, ruleId);
    }

    /** {@code GET_SDCL_ENTRY} of rule {@code ruleId} (0..255). */
    public static int getSdclEntry(int ruleId) {
        return withRuleId(Op.GET_SDCL_ENTRY, ruleId);
    }

    /** {@code SET_SDCFG_ENTRY} of {@code sdid} (0..63). */
    public static int setSdcfgEntry(int sdid) {
        return withSdid(Op.SET_SDCFG_ENTRY, sdid);
    }

    /** {@code GET_SDCFG_ENTRY} of {@code sdid} (0..63). */
    public static int getSdcfgEntry(int sdid) {
        return withSdid(Op.GET_SDCFG_ENTRY, sdid);
    }

    /** {@code MPTINVAL} for every SDID (SDIDV=0). */
    public static int mptinvalAllSdids() {
        return Op.MPTINVAL.encoding();
    }

    /** {@code MPTINVAL} for one SDID (SDIDV=1, SDID = {@code sdid}, 0..63). */
    public static int mptinvalSdid(int sdid) {
        return withSdid(Op.MPTINVAL, sdid) | (1 << 15);
    }

    private static int withRuleId(Op op, int ruleId) {
        Bits.checkRange("RULEID", ruleId, 255);
        return op.encoding() | (ruleId << 8);
    }

    private static int withSdid(Op op, int sdid) {
        Bits.checkRange("SDID", sdid, 63);
        return op.encoding() | (sdid << 8);
    }
}
