package io.mttkit.golden.iompt;

/**
 * Executes one {@code command} with the {@code data1}/{@code data2} operands (ch. 6 §"Command register" and the
 * sections of each operation) against the SDCL rules and SD configurations.
 *
 * <p>What the spec leaves open, as mttkit decides it:
 * <ul>
 *   <li>Operand check order: OP, then RULEID / SDID, then the other fields ({@link OperandCheck}).</li>
 *   <li>A failed operation changes nothing, {@code data1} and {@code data2} included (their contents after a
 *       failed GET are UNSPECIFIED).</li>
 *   <li>{@code GET_SDCL_ENTRY} of a rule never set returns {@link SdclRule#RESET} (0) with CODE 1; it leaves
 *       {@code data2} unchanged ("UNSPECIFIED, regardless of whether the operation completes successfully").
 *       Without an IOMMU its IOMMU_ID reads 0.</li>
 *   <li>{@code GET_SDCFG_ENTRY} of an SDID never set returns 0 in {@code data1} and {@code data2} with CODE 1;
 *       without QoS {@code data2} reads 0.</li>
 *   <li>{@code IOFENCE} completes at once: the golden model applies every configuration write when it completes,
 *       so there is nothing left to observe.</li>
 *   <li>{@code MPTINVAL} completes with its scope ({@link MptInval}); the golden model has no cache to clear.</li>
 * </ul>
 */
final class CommandExecutor {
    private final IoMptParams params;
    private final Sdcl sdcl;
    private final SdConfigTable sdcfg;

    CommandExecutor(IoMptParams params, Sdcl sdcl, SdConfigTable sdcfg) {
        this.params = params;
        this.sdcl = sdcl;
        this.sdcfg = sdcfg;
    }

    CommandDone execute(int command, long data1, long data2) {
        CommandWord cw = new CommandWord(command);
        Op op = Op.fromEncoding(cw.op());
        if (op == null) {
            return done(cw, null, Status.INVALID_OP, data1, data2, null);
        }
        return switch (op) {
            case IOFENCE -> done(cw, op, Status.SUCCESS, data1, data2, null);
            case SET_SDCL_ENTRY -> setSdcl(cw, data1, data2);
            case GET_SDCL_ENTRY -> getSdcl(cw, data1, data2);
            case SET_SDCFG_ENTRY -> setSdcfg(cw, data1, data2);
            case GET_SDCFG_ENTRY -> getSdcfg(cw, data1, data2);
            case MPTINVAL -> mptinval(cw, data1, data2);
        };
    }

    /** §"SET_SDCL_ENTRY": data2 is ignored. */
    private CommandDone setSdcl(CommandWord cw, long data1, long data2) {
        Status s = OperandCheck.ruleId(cw.ruleId(), params);
        SdclRule rule = SdclRule.fromData1(data1);
        if (s == Status.SUCCESS) {
            s = OperandCheck.sdclRule(rule, params);
        }
        if (s == Status.SUCCESS) {
            // "When the I/O MPT Checker is not associated with an IOMMU, the IOMMU_ID field is ignored."
            sdcl.set(cw.ruleId(), params.iommuCount() == 0 ? rule.withIommuId(0) : rule);
        }
        return done(cw, Op.SET_SDCL_ENTRY, s, data1, data2, null);
    }

    /** §"GET_SDCL_ENTRY": the rule in data1; data2 untouched. */
    private CommandDone getSdcl(CommandWord cw, long data1, long data2) {
        Status s = OperandCheck.ruleId(cw.ruleId(), params);
        long out1 = s == Status.SUCCESS ? sdcl.rule(cw.ruleId()).toData1() : data1;
        return done(cw, Op.GET_SDCL_ENTRY, s, out1, data2, null);
    }

    /** §"SET_SDCFG_ENTRY": MPT configuration from data1, QoS IDs from data2 when implemented. */
    private CommandDone setSdcfg(CommandWord cw, long data1, long data2) {
        Status s = OperandCheck.sdid(cw.sdid(), params);
        SdConfig cfg = SdConfig.fromData1(data1);
        if (s == Status.SUCCESS) {
            s = OperandCheck.sdConfig(cfg, params);
        }
        if (s == Status.SUCCESS) {
            SdConfig stored = new SdConfig(cfg.mptMode(), params.mbe().legalise(cfg.mbe()), cfg.mxl(), cfg.ppn());
            // "If not implemented, the data2 register value is ignored by this operation."
            QosIds ids = params.qosImplemented() ? QosIds.fromData2(data2) : QosIds.ZERO;
            sdcfg.set(cw.sdid(), stored, ids);
        }
        return done(cw, Op.SET_SDCFG_ENTRY, s, data1, data2, null);
    }

    /** §"GET_SDCFG_ENTRY": configuration in data1, QoS IDs in data2. */
    private CommandDone getSdcfg(CommandWord cw, long data1, long data2) {
        Status s = OperandCheck.sdid(cw.sdid(), params);
        if (s != Status.SUCCESS) {
            return done(cw, Op.GET_SDCFG_ENTRY, s, data1, data2, null);
        }
        SdConfig cfg = sdcfg.config(cw.sdid());
        QosIds ids = sdcfg.qos(cw.sdid());
        long out1 = cfg == null ? 0 : cfg.toData1();
        long out2 = ids == null ? 0 : ids.toData2();
        return done(cw, Op.GET_SDCFG_ENTRY, s, out1, out2, null);
    }

    /** §"MPTINVAL": the SDID is an operand only when SDIDV=1; data2 is ignored. */
    private CommandDone mptinval(CommandWord cw, long data1, long data2) {
        Status s = cw.sdidValid() ? OperandCheck.sdid(cw.sdid(), params) : Status.SUCCESS;
        MptInval scope = s == Status.SUCCESS ? MptInval.fromOperands(cw.raw(), data1) : null;
        return done(cw, Op.MPTINVAL, s, data1, data2, scope);
    }

    private CommandDone done(CommandWord cw, Op op, Status s, long data1, long data2, MptInval inval) {
        return new CommandDone(cw.raw(), op, s, s.code(params.statusCodes()), data1, data2, inval);
    }
}
