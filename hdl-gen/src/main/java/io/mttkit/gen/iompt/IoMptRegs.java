package io.mttkit.gen.iompt;

import io.mttkit.gen.walker.WalkMode;
import io.mttkit.hdl.Bool;
import io.mttkit.hdl.Bundle;
import io.mttkit.hdl.BundleMem;
import io.mttkit.hdl.Fsm;
import io.mttkit.hdl.Hw;
import io.mttkit.hdl.Module;
import io.mttkit.hdl.Scope;
import io.mttkit.hdl.UInt;
import java.util.ArrayList;
import java.util.List;

/**
 * The register interface of the I/O MPT checker ({@code mtt_io_regs}, Smmpt v0.9 ch. 6 §"I/O MPT Checker Register
 * Interface" to §"IOFENCE"): {@code capabilities}, {@code status}, {@code control}, {@code command}, {@code data1},
 * {@code data2} at offsets 0, 4, 8, 12, 16, 24 behind the {@link RegPort}, the six operations, and the per-SDID
 * configuration array ({@code sdcfg_*[sdid]} with a valid bit per SDID). The SDCL rules live in {@code mtt_io_sdcl},
 * reached through {@link RuleAccessPort}.
 *
 * <p>Every decision is spec-notes' (chapter 6): CODE 3/4 by {@code statusCodes}; operands checked OP, then RULEID,
 * then SDID, then the other fields; reserved bits ignored and read 0; UNSPECIFIED accesses (not 4/8 bytes,
 * misaligned, an 8-byte access other than at 16 or 24) read 0 and are ignored; an 8-byte write is the low then the
 * high half (both in one cycle: the halves have no side effects); writes to {@code control}, {@code command},
 * {@code data*} while BUSY are ignored; {@code control.MODE} WARL keeps the old value for reserved, custom and
 * unimplemented values; CODE unchanged by a {@code control} write; a failed operation changes nothing; GET of a
 * rule or SDID never set returns 0 with CODE 1; GET_SDCL leaves {@code data2} unchanged.
 *
 * <p>FSM ({@link State}): a {@code command} write goes IDLE → CHECK (the operands are checked and the CODE
 * registered) → EXECUTE (the rule or SDCFG array is written, or {@code data1}/{@code data2} loaded; CODE set) →
 * IDLE; a {@code control} write goes IDLE → CONTROL (MODE legalised) → IDLE. {@code status.BUSY} is "the FSM is
 * not in IDLE": set by the write's clock edge, cleared by the edge that completes the operation (3 cycles for a
 * command, 2 for a control write).
 *
 * <p>Built {@code withFence} (inside {@code mtt_io_checker}), a successful {@code IOFENCE} or {@code MPTINVAL} goes
 * EXECUTE → FENCE and waits there, BUSY still 1, until the DMA side answers {@code fence_done} ({@link FencePort}:
 * earlier transactions have their verdicts, the MPT cache has applied the invalidation). Without it (the
 * register block alone, {@code io-sdcl-*}) both complete in EXECUTE: there is nothing to wait for.
 */
public final class IoMptRegs extends Module {
    /** The Verilog name. */
    public static final String MODULE_NAME = "mtt_io_regs";

    /** Register offsets (§"I/O MPT Checker Register Interface", table "register layout"). */
    public static final int CAPABILITIES = 0;
    public static final int STATUS = 4;
    public static final int CONTROL = 8;
    public static final int COMMAND = 12;
    public static final int DATA1 = 16;
    public static final int DATA2 = 24;

    /** {@code command.OP} encodings (§"Command register" table "I/O MPT Checker operations"). */
    public static final int OP_IOFENCE = 1;
    public static final int OP_SET_SDCL_ENTRY = 2;
    public static final int OP_GET_SDCL_ENTRY = 3;
    public static final int OP_SET_SDCFG_ENTRY = 4;
    public static final int OP_GET_SDCFG_ENTRY = 5;
    public static final int OP_MPTINVAL = 6;

    /** {@code status.CODE} values that do not depend on the convention. */
    public static final int CODE_SUCCESS = 1;
    public static final int CODE_INVALID_OP = 2;
    public static final int CODE_INVALID_OPERAND = 5;

    /** {@code control.MODE} encodings (§"Control"). */
    public static final int MODE_OFF = 0;
    public static final int MODE_BARE = 1;
    public static final int MODE_ON = 2;

    /** The register FSM, named after what each state does. */
    public enum State {
        /** waiting for a {@code command} or {@code control} write; BUSY = 0. */
        IDLE,
        /** checking the operands of {@code command} (OP, RULEID, SDID, other fields) and registering the CODE. */
        CHECK,
        /** performing the operation (array write, or {@code data*} load) and setting CODE. */
        EXECUTE,
        /** legalising the written MODE (WARL). */
        CONTROL,
        /** IOFENCE / MPTINVAL: waiting for fence_done (earlier DMA verdicts, the cache's invalidation). */
        FENCE
    }

    /** The register block's ports. */
    public static final class Io extends Bundle {
        public final RegPort reg;
        public final RuleAccessPort rule;
        public final SdcfgLookupPort cfg;
        /** {@code control.MODE}. */
        public final UInt mode;
        /** {@code status.BUSY}. */
        public final Bool busy;
        public final UInt state;
        /** Only {@code withFence}: the wait of IOFENCE and MPTINVAL for the DMA side. */
        public final FencePort fence;

        public Io(Scope s, IoMptParams p, boolean withFence) {
            super(s);
            reg = s.in().bundle("reg", RegPort::new);
            fence = withFence ? s.out().bundle("fence", FencePort::new) : null;
            rule = s.out().bundle("rule", x -> new RuleAccessPort(x, p));
            cfg = s.in().bundle("cfg", SdcfgLookupPort::new);
            mode = s.out().uint("mode", 4);
            busy = s.out().bool("busy");
            state = s.out().uint("regs_state", STATE_WIDTH);
        }
    }

    /** Width of {@code regs_state}. */
    public static final int STATE_WIDTH = Hw.indexWidth(State.values().length);

    private final IoMptParams p;
    private final boolean withFence;
    /** The ports, after the module is built. */
    public Io io;

    /** The register block alone: IOFENCE and MPTINVAL complete in EXECUTE. */
    public IoMptRegs(IoMptParams params) {
        this(params, false);
    }

    /** With {@code withFence}, IOFENCE and MPTINVAL wait in FENCE for {@code fence_done}. */
    public IoMptRegs(IoMptParams params, boolean withFence) {
        this.p = params;
        this.withFence = withFence;
        moduleName(MODULE_NAME);
    }

    @Override
    protected void build() {
        doc("I/O MPT checker register interface (Smmpt v0.9 ch. 6): capabilities 0, status 4, control 8, command 12,\n"
                + "data1 16, data2 24; little-endian, 4- and 8-byte accesses (8 bytes only at 16 and 24).\n"
                + "Parameters: xlen=" + p.xlen() + " " + p.values(false) + ".\n"
                + "FSM: IDLE -command-> CHECK -> EXECUTE -> IDLE; IDLE -control-> CONTROL -> IDLE; BUSY = state != IDLE.\n"
                + (withFence ? "IOFENCE and MPTINVAL: EXECUTE -> FENCE -> IDLE when fence_done (DMA verdicts, cache).\n" : "")
                + "CODE: 1 success, 2 invalid OP, " + p.statusCodes().invalidRuleId() + " invalid RULEID, "
                + p.statusCodes().invalidSdid() + " invalid SDID, 5 invalid operand (docs/spec-notes.md chapter 6).\n"
                + "SDCFG in arrays sdcfg_<field>[sdid], sdcfg_valid[sdid] = configured since reset.");
        io = ports(s -> new Io(s, p, withFence));
        io.rule.wrValid.withDefault(0);

        UInt command = regInit("command", 32, 0);
        UInt data1 = regInit("data1", 64, 0);
        UInt data2 = regInit("data2", 64, 0);
        UInt code = regInit("code", 8, 0);
        UInt mode = regInit("control_mode", 4, MODE_OFF);
        UInt writtenMode = regInit("written_mode", 4, 0);
        UInt checkedCode = regInit("checked_code", 8, 0);
        Fsm<State> fsm = fsm("state", State.class, State.IDLE);
        Bool busy = fsm.is(State.IDLE).not().named("status_busy");
        io.busy.set(busy);
        io.mode.set(mode);
        io.state.set(fsm.state());

        // ---- the operands, by the field names of each operation's layout ----
        UInt op = command.bits(7, 0).named("op");
        UInt ruleId = command.bits(15, 8).named("cmd_ruleid");
        UInt cmdSdid = command.bits(13, 8).named("cmd_sdid");
        Bool cmdSdidv = command.bit(15); // SDIDV (MPTINVAL); named where used
        UInt ruleIdx = ruleId.bits(p.ruleIndexWidth() - 1, 0);
        UInt sdidIdx = cmdSdid.bits(p.sdidIndexWidth() - 1, 0);

        // SET_SDCL_ENTRY data1 as a rule (reserved bits 63:46 dropped; IOMMU_ID only with an IOMMU), decoded straight
        // onto the rule write port (rule_wr_*), which the operand checks read as well
        SdclRule newRule = io.rule.wr;
        newRule.srcIdt.set(data1.bits(3, 0));
        newRule.srcIdm.set(data1.bits(5, 4));
        newRule.teeFlt.set(data1.bits(7, 6));
        newRule.srcId.set(data1.bits(31, 8));
        if (p.hasIommu()) {
            newRule.iommuId.set(data1.bits(39, 32));
        }
        newRule.sdid.set(data1.bits(45, 40));

        // SET_SDCFG_ENTRY data1 (and data2) as a configuration; a hardwired MBE ignores the value written
        SdConfig newCfg = wire("new_cfg", s -> new SdConfig(s, p.qosImplemented()));
        newCfg.mptMode.set(data1.bits(3, 0));
        switch (p.mbe()) {
            case LITTLE -> newCfg.mbe.set(false);
            case BIG -> newCfg.mbe.set(true);
            default -> newCfg.mbe.set(data1.bit(4));
        }
        newCfg.mxl.set(data1.bit(5));
        newCfg.ppn.set(data1.bits(53, 10));
        if (p.qosImplemented()) {
            newCfg.sRcid.set(data2.bits(11, 0));
            newCfg.sMcid.set(data2.bits(27, 16));
            newCfg.srl.set(data2.bits(35, 32));
            newCfg.sml.set(data2.bits(39, 36));
            newCfg.sqrid.set(data2.bits(43, 40));
            newCfg.ssrm.set(data2.bit(44));
            newCfg.ssmm.set(data2.bit(45));
        }

        // ---- the operand checks (spec-notes: OP, then RULEID, then SDID, then the other fields); a check that
        // cannot fail for these parameters (256 rules, 64 SDIDs) is left out rather than emitted as a constant ----
        Bool ruleIdBad = p.ruleCount() == 256 ? null : ruleId.ge(p.ruleCount()).named("ruleid_bad");
        Bool cmdSdidBad = sdidBad(cmdSdid, "cmd_sdid_bad");
        Bool ruleSdidBad = sdidBad(newRule.sdid, "rule_sdid_bad");
        Bool ruleEncodingBad = ruleEncodingOk(newRule).not();
        Bool cfgEncodingBad = cfgEncodingOk(newCfg).not();
        int invalidRuleId = p.statusCodes().invalidRuleId();
        int invalidSdid = p.statusCodes().invalidSdid();
        Bool srcIdtNone = newRule.srcIdt.eq(IoSdcl.SRC_IDT_NONE).named("rule_src_idt_none");

        UInt checkCode = wireInit("check_code", 8, CODE_INVALID_OP);
        switchOn(op).is(OP_IOFENCE, () -> checkCode.set(CODE_SUCCESS))
                .is(OP_SET_SDCL_ENTRY, () -> checkCode.set(firstFailure(List.of(
                        new Check(ruleIdBad, invalidRuleId), new Check(srcIdtNone, CODE_SUCCESS),
                        new Check(ruleSdidBad, invalidSdid), new Check(ruleEncodingBad, CODE_INVALID_OPERAND)))))
                .is(OP_GET_SDCL_ENTRY, () -> checkCode.set(firstFailure(List.of(new Check(ruleIdBad, invalidRuleId)))))
                .is(OP_SET_SDCFG_ENTRY, () -> checkCode.set(firstFailure(List.of(new Check(cmdSdidBad, invalidSdid),
                        new Check(cfgEncodingBad, CODE_INVALID_OPERAND)))))
                .is(OP_GET_SDCFG_ENTRY, () -> checkCode.set(firstFailure(List.of(new Check(cmdSdidBad, invalidSdid)))))
                .is(OP_MPTINVAL, () -> checkCode.set(firstFailure(List.of(
                        new Check(cmdSdidBad == null ? null : cmdSdidv.and(cmdSdidBad), invalidSdid)))))
                .otherwise(() -> { });

        // ---- the arrays: rules in the SDCL (write and read ports), SDCFG here ----
        io.rule.wrIndex.set(ruleIdx);
        io.rule.rdIndex.set(ruleIdx);
        BundleMem<SdConfig> sdcfg = mem("sdcfg", p.sdidCount(), s -> new SdConfig(s, p.qosImplemented()));
        UInt sdcfgValid = regInit("sdcfg_valid", p.sdidCount(), 0);
        SdConfig cmdCfg = sdcfg.read(sdidIdx);
        Bool cmdCfgValid = bitAt(sdcfgValid, sdidIdx).named("cmd_sdcfg_valid");

        // the MPT check's lookup: an SDID beyond sdidCount is never configured
        UInt lookupIdx = io.cfg.sdid.bits(p.sdidIndexWidth() - 1, 0);
        SdConfig lookupCfg = sdcfg.read(lookupIdx);
        Bool lookupBad = sdidBad(io.cfg.sdid, "cfg_sdid_bad");
        Bool lookupValid = bitAt(sdcfgValid, lookupIdx);
        io.cfg.valid.set(lookupBad == null ? lookupValid : lookupValid.and(lookupBad.not()));
        io.cfg.cfg.mptMode.set(lookupCfg.mptMode);
        io.cfg.cfg.mbe.set(lookupCfg.mbe);
        io.cfg.cfg.mxl.set(lookupCfg.mxl);
        io.cfg.cfg.ppn.set(lookupCfg.ppn);

        // ---- the register port: decode, read data, and writes (only while not BUSY) ----
        io.reg.ready.set(true);
        UInt addr = io.reg.addr;
        Bool access4 = io.reg.size.eq(4).and(addr.bits(1, 0).eq(0)).named("reg_access4");
        Bool access8 = io.reg.size.eq(8).and(addr.bit(4)).and(addr.bits(2, 0).eq(0)).named("reg_access8");
        UInt word = addr.bits(4, 2).named("reg_word");
        UInt status = Hw.cat(busy, Hw.lit(0, 23), code).named("status");
        UInt read32 = Hw.select(word, List.of(Hw.lit(IoMptParams.VER, 32), status, mode.zext(32), command,
                data1.bits(31, 0), data1.bits(63, 32), data2.bits(31, 0), data2.bits(63, 32))).named("reg_read32");
        UInt read64 = Hw.mux(addr.bit(3), data2, data1).named("reg_read64");
        UInt readValue = Hw.mux(access4, read32.zext(64), Hw.mux(access8, read64, Hw.lit(0, 64)));
        Bool fire = io.reg.valid.named("reg_fire");
        Bool isRead = fire.and(io.reg.write.not());
        UInt rvalid = regInit("reg_rvalid_q", 1, 0);
        UInt rdata = regInit("reg_rdata_q", 64, 0);
        rvalid.set(fire);
        rdata.set(Hw.mux(isRead, readValue, Hw.lit(0, 64)));
        io.reg.rvalid.set(rvalid.asBool());
        io.reg.rdata.set(rdata);
        UInt wlow = io.reg.wdata.bits(31, 0).named("reg_wdata_low");
        Bool write = fire.and(io.reg.write).named("reg_write_fire");
        Bool write4 = write.and(access4).named("reg_write4");
        Bool write8 = write.and(access8).named("reg_write8");

        // ---- what the GET operations return (computed here, loaded in EXECUTE) ----
        UInt getSdclData1 = ruleData1(io.rule.rd);
        UInt getSdcfgData1 = Hw.mux(cmdCfgValid, cfgData1(cmdCfg), Hw.lit(0, 64)).named("get_sdcfg_data1");
        UInt getSdcfgData2 = p.qosImplemented()
                ? Hw.mux(cmdCfgValid, cfgData2(cmdCfg), Hw.lit(0, 64)).named("get_sdcfg_data2") : Hw.lit(0, 64);

        // ---- the FSM ----
        fsm.on(State.IDLE, () -> {
            when(write4.and(word.eq(CONTROL / 4)), () -> {
                writtenMode.set(wlow.bits(3, 0));
                fsm.go(State.CONTROL);
            });
            when(write4.and(word.eq(COMMAND / 4)), () -> {
                command.set(wlow);
                fsm.go(State.CHECK);
            });
            when(write4.and(word.eq(DATA1 / 4)), () -> data1.set(data1.bits(63, 32).cat(wlow)));
            when(write4.and(word.eq(DATA1 / 4 + 1)), () -> data1.set(wlow.cat(data1.bits(31, 0))));
            when(write4.and(word.eq(DATA2 / 4)), () -> data2.set(data2.bits(63, 32).cat(wlow)));
            when(write4.and(word.eq(DATA2 / 4 + 1)), () -> data2.set(wlow.cat(data2.bits(31, 0))));
            when(write8.and(addr.bit(3).not()), () -> data1.set(io.reg.wdata));
            when(write8.and(addr.bit(3)), () -> data2.set(io.reg.wdata));
        }).on(State.CHECK, () -> {
            checkedCode.set(checkCode);
            fsm.go(State.EXECUTE);
        }).on(State.EXECUTE, () -> {
            code.set(checkedCode);
            fsm.go(State.IDLE);
            if (withFence) {
                when(checkedCode.eq(CODE_SUCCESS).and(op.eq(OP_IOFENCE).or(op.eq(OP_MPTINVAL))),
                        () -> fsm.go(State.FENCE));
            }
            when(checkedCode.eq(CODE_SUCCESS), () -> switchOn(op)
                    .is(OP_SET_SDCL_ENTRY, () -> io.rule.wrValid.set(true))
                    .is(OP_GET_SDCL_ENTRY, () -> data1.set(getSdclData1))
                    .is(OP_SET_SDCFG_ENTRY, () -> {
                        sdcfg.write(sdidIdx, newCfg);
                        sdcfgValid.set(sdcfgValid.or(Hw.decode(sdidIdx, p.sdidCount())));
                    })
                    .is(OP_GET_SDCFG_ENTRY, () -> {
                        data1.set(getSdcfgData1);
                        data2.set(getSdcfgData2);
                    })
                    .otherwise(() -> { }));
        }).on(State.CONTROL, () -> {
            // WARL (spec-notes): Off and On always; Bare if implemented; anything else keeps the old MODE
            switchOn(writtenMode).is(MODE_OFF, () -> mode.set(MODE_OFF))
                    .is(MODE_BARE, () -> {
                        if (p.bareSupported()) {
                            mode.set(MODE_BARE);
                        }
                    })
                    .is(MODE_ON, () -> mode.set(MODE_ON))
                    .otherwise(() -> { });
            fsm.go(State.IDLE);
        }).on(State.FENCE, () -> {
            if (withFence) {
                when(io.fence.done, () -> fsm.go(State.IDLE));
            } else {
                fsm.go(State.IDLE); // never entered without the fence port
            }
        });
        if (withFence) {
            // the operation's operands, stable while BUSY (writes to command and data1 are ignored then)
            FencePort f = io.fence;
            f.req.set(fsm.is(State.FENCE));
            f.inval.set(op.eq(OP_MPTINVAL));
            f.sdidv.set(cmdSdidv);
            f.sdid.set(cmdSdid);
            f.ppnv.set(data1.bit(0));
            f.s.set(data1.bit(1));
            f.ppn.set(data1.bits(53, 10));
        }
    }

    /** {@code sdid >= sdidCount}, or {@code null} when no 6-bit SDID can be (64 SDIDs). */
    private Bool sdidBad(UInt sdid, String name) {
        return p.sdidCount() == 64 ? null : sdid.ge(p.sdidCount()).named(name);
    }

    /** A check of the operands: when {@code failed} (null: cannot fail) the operation ends with {@code code}. */
    private record Check(Bool failed, int code) {}

    /** The CODE of the first check that fails, in order, else success. */
    private static UInt firstFailure(List<Check> checks) {
        UInt out = Hw.lit(CODE_SUCCESS, 8);
        for (int i = checks.size() - 1; i >= 0; i--) {
            Check c = checks.get(i);
            if (c.failed() != null) {
                out = Hw.mux(c.failed(), Hw.lit(c.code(), 8), out);
            }
        }
        return out;
    }

    /** Bit {@code idx} of {@code v} (the valid bit of an array entry). */
    private static Bool bitAt(UInt v, UInt idx) {
        if (v.width() == 1) {
            return v.asBool();
        }
        List<UInt> bits = new ArrayList<>();
        for (int i = 0; i < v.width(); i++) {
            bits.add(v.bit(i));
        }
        return Hw.select(idx, bits).asBool();
    }

    /**
     * The fields of a rule other than its identifiers, when {@code SRC_IDT} is not None (§"SET_SDCL_ENTRY"):
     * SRC_IDT 1 or 2 (3–7 reserved, 8–15 custom); SRC_IDM not the reserved 0; TEE_FLT not the reserved 3, and 0
     * without TEE filtering; IOMMU_ID below the IOMMU count (ignored without IOMMU). SRC_ID takes any value.
     */
    private Bool ruleEncodingOk(SdclRule r) {
        Bool ok = r.srcIdt.eq(IoSdcl.SRC_IDT_DEVICE_ID).or(r.srcIdt.eq(IoSdcl.SRC_IDT_IDE_STREAM))
                .and(r.srcIdm.ne(0));
        ok = ok.and(p.teeFilter() ? r.teeFlt.ne(3) : r.teeFlt.eq(IoSdcl.TEE_FLT_ANY));
        if (p.hasIommu() && p.iommuCount() < 256) {
            ok = ok.and(r.iommuId.lt(p.iommuCount()));
        }
        return ok.named("rule_encoding_ok");
    }

    /**
     * The {@code data1} of SET_SDCFG_ENTRY (spec-notes): MXL of the implemented modes; MPT_MODE Bare with PPN 0, or
     * an implemented Smmpt mode whose root fits: PPN below 2^22 for Smmpt34, the root below 2^paw, and for Smmpt64
     * a 32 KiB aligned root (PPN[2:0] = 0).
     */
    private Bool cfgEncodingOk(SdConfig c) {
        Bool mxlOk = p.mxl() == 1 ? c.mxl : c.mxl.not();
        Bool ppnZero = c.ppn.isZero().named("cfg_ppn_zero");
        int rootBits = Math.min(SdConfig.PPN_WIDTH, p.paw() - 12);
        if (p.xlen() == 32) {
            rootBits = Math.min(rootBits, 22);
        }
        Bool rootFits = rootBits >= SdConfig.PPN_WIDTH ? null
                : c.ppn.bits(SdConfig.PPN_WIDTH - 1, rootBits).isZero().named("cfg_root_fits");
        Bool modeOk = c.mptMode.eq(0).and(ppnZero);
        for (WalkMode m : p.modes()) {
            Bool ok = c.mptMode.eq(m.csrEncoding());
            if (rootFits != null) {
                ok = ok.and(rootFits);
            }
            if (m == WalkMode.SMMPT64) {
                ok = ok.and(c.ppn.bits(2, 0).eq(0));
            }
            modeOk = modeOk.or(ok);
        }
        return mxlOk.and(modeOk).named("cfg_encoding_ok");
    }

    /** {@code data1} of GET_SDCL_ENTRY: the rule's fields at their bit positions, reserved bits 0. */
    private UInt ruleData1(SdclRule r) {
        UInt iommu = p.hasIommu() ? r.iommuId : Hw.lit(0, SdclRule.IOMMU_ID_WIDTH);
        return Hw.cat(Hw.lit(0, 18), r.sdid, iommu, r.srcId, r.teeFlt, r.srcIdm, r.srcIdt).named("get_sdcl_data1");
    }

    /** {@code data1} of GET_SDCFG_ENTRY. */
    private static UInt cfgData1(SdConfig c) {
        return Hw.cat(Hw.lit(0, 10), c.ppn, Hw.lit(0, 4), c.mxl, c.mbe, c.mptMode);
    }

    /** {@code data2} of GET_SDCFG_ENTRY (QoS implemented). */
    private static UInt cfgData2(SdConfig c) {
        return Hw.cat(Hw.lit(0, 18), c.ssmm, c.ssrm, c.sqrid, c.sml, c.srl, Hw.lit(0, 4), c.sMcid, Hw.lit(0, 4), c.sRcid);
    }
}
