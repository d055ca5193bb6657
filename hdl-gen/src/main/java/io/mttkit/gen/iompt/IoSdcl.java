package io.mttkit.gen.iompt;

import io.mttkit.hdl.Bool;
import io.mttkit.hdl.Bundle;
import io.mttkit.hdl.BundleMem;
import io.mttkit.hdl.Hw;
import io.mttkit.hdl.Module;
import io.mttkit.hdl.Scope;
import io.mttkit.hdl.UInt;
import java.util.ArrayList;
import java.util.List;

/**
 * The Supervisor Domain Classifier ({@code mtt_io_sdcl}, Smmpt v0.9 ch. 6 §"SET_SDCL_ENTRY"): the N rules, stored
 * in one array per field ({@code rule_src_id[r]} …) with a written bit per rule, and the classification of one
 * transaction by them, <b>combinational</b> (latency 0: {@code cls_*} answers in the cycle it is asked; a write takes
 * effect at the clock edge, so a classification in the write's cycle sees the old rule).
 *
 * <p>Rule r matches (spec-notes, chapter 6) when its {@code SRC_IDT} is device ID (1), or IDE stream (2) and the
 * transaction is on an IDE stream; its {@code TEE_FLT} admits the transaction (0 any, 1 TEE only, 2 non-TEE only);
 * and its {@code SRC_ID} matches the key under {@code SRC_IDM}: TOR {@code lower <= key < SRC_ID} with {@code lower}
 * = rule r−1's stored {@code SRC_ID} whatever its type (0 for r = 0 and for a rule never written), Unary equality,
 * NAPOT with the low bits up to and including the first zero masked (all compared bits 1: every key matches).
 * A device-ID rule compares 24 bits of the zero-extended {@code device_id}; an IDE rule compares
 * {@code SRC_ID[15:0]} with segment:stream. Both share one 24-bit datapath per rule: the IDE operands are
 * zero-extended, which gives the 16-bit comparisons, and {@code src + 1} carries out of bit 15 exactly when every
 * compared NAPOT bit is 1. The lowest matching RULEID wins (as PMP): a priority encoder over {@code rule_hit}.
 */
public final class IoSdcl extends Module {
    /** The Verilog name. */
    public static final String MODULE_NAME = "mtt_io_sdcl";
    /** {@code SRC_IDT} encodings (§"SET_SDCL_ENTRY" table "data1.SRC_IDT field encodings"). */
    public static final int SRC_IDT_NONE = 0;
    public static final int SRC_IDT_DEVICE_ID = 1;
    public static final int SRC_IDT_IDE_STREAM = 2;
    /** {@code SRC_IDM} encodings. */
    public static final int SRC_IDM_TOR = 1;
    public static final int SRC_IDM_UNARY = 2;
    public static final int SRC_IDM_NAPOT = 3;
    /** {@code TEE_FLT} encodings. */
    public static final int TEE_FLT_ANY = 0;
    public static final int TEE_FLT_TEE = 1;
    public static final int TEE_FLT_NON_TEE = 2;

    /** The SDCL's ports: the classification asked of it and the register block's access to the rules. */
    public static final class Io extends Bundle {
        public final ClassifyPort cls;
        public final RuleAccessPort rule;

        public Io(Scope s, IoMptParams p) {
            super(s);
            cls = s.in().bundle("cls", x -> new ClassifyPort(x, p));
            rule = s.in().bundle("rule", x -> new RuleAccessPort(x, p));
        }
    }

    private final IoMptParams p;
    /** The ports, after the module is built. */
    public Io io;

    public IoSdcl(IoMptParams params) {
        this.p = params;
        moduleName(MODULE_NAME);
    }

    @Override
    protected void build() {
        int n = p.ruleCount();
        int w = SdclRule.SRC_ID_WIDTH;
        doc("I/O MPT checker: Supervisor Domain Classifier (Smmpt v0.9 ch. 6 SET_SDCL_ENTRY), " + n + " rules.\n"
                + "Parameters: " + p.values(false) + ".\n"
                + "Rules in arrays rule_<field>[r]; rule_written[r] = SET_SDCL_ENTRY stored rule r since reset (else it\n"
                + "reads all-zero: SRC_IDT None, SRC_ID 0). Classification is combinational; lowest RULEID wins.\n"
                + "TOR lower bound = SRC_ID of rule r-1 (any type; 0 for r = 0); NAPOT with SRC_ID all ones matches all;\n"
                + "IDE rules compare SRC_ID[15:0] with {segment, stream}; docs/spec-notes.md chapter 6.");
        io = ports(s -> new Io(s, p));

        BundleMem<SdclRule> rules = mem("rule", n, s -> new SdclRule(s, p));
        UInt written = regInit("rule_written", n, 0);
        when(io.rule.wrValid, () -> {
            rules.write(io.rule.wrIndex, io.rule.wr);
            written.set(written.or(Hw.decode(io.rule.wrIndex, n)));
        });

        // ---- the read port: a rule never written reads as the reset rule (all zero) ----
        SdclRule rd = rules.read(io.rule.rdIndex);
        Bool rdWritten = Hw.select(io.rule.rdIndex, bitsOf(written)).asBool().named("rule_rd_written");
        List<Bundle.Leaf> from = rd.leaves();
        List<Bundle.Leaf> to = io.rule.rd.leaves();
        for (int i = 0; i < to.size(); i++) {
            UInt v = from.get(i).signal();
            to.get(i).signal().set(Hw.mux(rdWritten, v, Hw.lit(0, v.width())));
        }

        // ---- the transaction's keys, zero-extended to SRC_ID's 24 bits ----
        UInt deviceKey = io.cls.deviceId.zext(w).named("device_key");
        UInt ideKey = io.cls.ideId.zext(w).named("ide_key");

        // ---- per rule: its fields as the classifier sees them (0 when never written), and the match ----
        List<UInt> srcIds = new ArrayList<>();
        List<UInt> hits = new ArrayList<>();
        for (int r = 0; r < n; r++) {
            SdclRule e = rules.read(r);
            Bool isWritten = written.bit(r);
            UInt srcIdt = Hw.mux(isWritten, e.srcIdt, Hw.lit(0, 4)).named("rule_src_idt_" + r);
            UInt srcId = Hw.mux(isWritten, e.srcId, Hw.lit(0, w)).named("rule_src_id_" + r);
            srcIds.add(srcId);
            Bool isIde = srcIdt.eq(SRC_IDT_IDE_STREAM).named("rule_is_ide_" + r);
            Bool keyPresent = srcIdt.eq(SRC_IDT_DEVICE_ID).or(isIde.and(io.cls.hasIde)).named("rule_applies_" + r);
            // what this rule compares: 24 bits of a device ID, or 16 bits of segment:stream (zero-extended)
            UInt key = Hw.mux(isIde, ideKey, deviceKey).named("rule_key_" + r);
            UInt top = Hw.mux(isIde, srcId.bits(15, 0).zext(w), srcId).named("rule_top_" + r);
            Bool below = key.lt(top);
            Bool torHit;
            if (r == 0) {
                torHit = below.named("tor_hit_0"); // "If r is 0, then zero is used as the lower bound"
            } else {
                UInt prev = srcIds.get(r - 1);
                UInt lower = Hw.mux(isIde, prev.bits(15, 0).zext(w), prev).named("tor_lower_" + r);
                torHit = lower.le(key).and(below).named("tor_hit_" + r);
            }
            Bool unaryHit = key.eq(top).named("unary_hit_" + r);
            // NAPOT: top ^ (top + 1) marks the trailing ones and the first zero; with every compared bit 1 the
            // carry leaves the compared bits and the mask covers all of them (spec-notes: matches every source ID)
            UInt napotMask = top.xor(top.add(1)).named("napot_mask_" + r);
            Bool napotHit = top.xor(key).and(napotMask.not()).isZero().named("napot_hit_" + r);
            // SRC_IDM and TEE_FLT need no masking: a rule never written has SRC_IDT None and cannot hit
            UInt srcIdm = e.srcIdm.named("rule_src_idm_" + r);
            UInt teeFlt = e.teeFlt.named("rule_tee_flt_" + r);
            Bool idHit = srcIdm.eq(SRC_IDM_TOR).and(torHit)
                    .or(srcIdm.eq(SRC_IDM_UNARY).and(unaryHit))
                    .or(srcIdm.eq(SRC_IDM_NAPOT).and(napotHit)).named("rule_id_hit_" + r);
            Bool teeOk = teeFlt.eq(TEE_FLT_ANY)
                    .or(teeFlt.eq(TEE_FLT_TEE).and(io.cls.tee))
                    .or(teeFlt.eq(TEE_FLT_NON_TEE).and(io.cls.tee.not())).named("rule_tee_ok_" + r);
            hits.add(keyPresent.and(teeOk).and(idHit).named("rule_hit_" + r));
        }
        UInt hit = Hw.catLsbFirst(hits).named("rule_hit");
        UInt winner = n == 1 ? Hw.lit(0, 1) : Hw.priorityEncode(hit).named("winner");
        SdclRule won = rules.read(winner);
        io.cls.match.set(hit.orR());
        io.cls.rule.set(winner);
        io.cls.sdid.set(won.sdid);
        if (p.hasIommu()) {
            io.cls.iommuId.set(won.iommuId);
        }
    }

    private static List<UInt> bitsOf(UInt v) {
        List<UInt> out = new ArrayList<>();
        for (int i = 0; i < v.width(); i++) {
            out.add(v.bit(i));
        }
        return out;
    }
}
