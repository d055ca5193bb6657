package io.mttkit.gen.walker;

import io.mttkit.hdl.Bool;
import io.mttkit.hdl.Fsm;
import io.mttkit.hdl.Hw;
import io.mttkit.hdl.Module;
import io.mttkit.hdl.UInt;
import java.util.ArrayList;
import java.util.List;

/**
 * The MTT/MPT table walker: one lookup at a time, one outstanding memory read, for smmtt-v0.1 and/or
 * smmpt-v0.9 at one XLEN (CHECKER-MICROARCH §4, {@code docs/walker.md}).
 *
 * <p>Interface towards a front end (the cache-less {@code MttChecker} today, the MTT cache later):
 * {@code lookup_*} (valid/ready) in, {@code result_*} (valid/ready) out, plus {@code ptr_*} pulses for every
 * pointer followed and {@code result_mpte} (the deciding leaf) so that a cache can fill from the walk.
 * Memory and PMP ports carry the names and timing of checker port contract v1.
 *
 * <p>FSM: {@code IDLE → RANGE → PMP → [MREQ] → MWAIT → DECODE → (PMP of the next level | RESP)}. The PMP query
 * of an entry pulses in the cycle that forms its address (RANGE for the root, DECODE for the next level) and the
 * read is offered in the cycle {@code pmp_ok} arrives ({@code MREQ} only holds it while {@code mrd_ready} is
 * low), so a level costs {@code pmpLatency + memory latency + 1} cycles. Every fault goes to {@code RESP} with
 * no further read.
 */
public final class MttWalker extends Module {

    /** Walker states, named after the step of the lookup they perform. */
    public enum State {
        /** waiting for a lookup. */
        IDLE,
        /** PA range check and root entry address (SPEC-DECISIONS #3, #10). */
        RANGE,
        /**
         * the PMP/PMA query of the entry (v0.9 §4 step 2) is outstanding: its {@code pmp_valid} pulse went out in
         * the cycle that formed the address (RANGE or DECODE); {@code pmp_ok} comes {@code pmpLatency} cycles later
         * and, when it allows, the read is offered in that same cycle.
         */
        PMP,
        /** the MPTE read is offered on {@code mrd_*}. */
        MREQ,
        /** waiting for the read response. */
        MWAIT,
        /** decode the MPTE: descend, decide, or fault (steps 3–7). */
        DECODE,
        /** the result is offered on {@code result_*}. */
        RESP
    }

    /** Width of the {@code *_leaf_log2}/{@code *_uniform_log2} fields (values up to 57). */
    public static final int LOG2_WIDTH = 7;
    /** Width of a level number (0..4). */
    public static final int LEVEL_WIDTH = 3;
    /** Width of {@code mrd_size}/{@code pmp_size} (a byte count: 4 or 8). */
    public static final int SIZE_WIDTH = 4;
    /** Width of {@code mrd_tag}/{@code mrs_tag}: one read outstanding needs one tag value. */
    public static final int TAG_WIDTH = 1;
    /** {@code mrs_data} width (bridge contract v1). */
    public static final int DATA_WIDTH = 64;
    /** log2 of PAGESIZE (both specs). */
    public static final int PAGE_SHIFT = 12;
    /** {@code result_leaf_kind}: a leaf of XWR tuples (v0.9 non-NAPOT leaf, v0.1 MTTL1 word or {@code 2M/4M_PAGES}). */
    public static final int KIND_TUPLES = 0;
    /** {@code result_leaf_kind}: a v0.9 NAPOT leaf (one XWR, in tuple 0). */
    public static final int KIND_NAPOT = 1;
    /** {@code result_leaf_kind}: a v0.1 {@code 1G_*} entry (one XWR, in tuple 0). */
    public static final int KIND_UNIFORM = 2;

    private final WalkerParams p;
    private final int paW;
    private final int ppnW;
    private final int entryW;
    /** Width of an entry address before the {@code paw} check: wide enough for {@code (ppn << 12) + index × size}. */
    private final int addrW;

    // Lookup state, visible to the decode helpers.
    private UInt pa;
    private UInt need;
    private Bool fmtV09;
    private UInt level;
    private UInt mpte;

    /** A walker for {@code params}. */
    public MttWalker(WalkerParams params) {
        this.p = params;
        param("xlen", params.xlen());
        param("fmt", params.formats().name().toLowerCase());
        param("paw", params.paw());
        param("scope", params.rsvdTupleScope().name().toLowerCase());
        param("gig", params.v01OneGigAsOneGiB() ? 1 : 0);
        param("be", params.bigEndianSupport() ? 1 : 0);
        param("pmplat", params.pmpLatency());
        this.paW = params.paWidth();
        this.ppnW = params.ppnWidth();
        this.entryW = params.xlen();
        this.addrW = params.xlen() == 64 ? 57 : 35;
    }

    @Override
    protected void build() {
        doc("MTT/MPT walker (" + p.xlen() + "-bit, formats " + p.formats() + ", paw " + p.paw() + ").\n"
                + "One lookup at a time, one outstanding MPTE read; PMP query before every read.\n"
                + "State: IDLE -> RANGE -> PMP -> [MREQ] -> MWAIT -> DECODE -> (PMP | RESP); the PMP query\n"
                + "pulses in RANGE/DECODE, the read is offered when pmp_ok arrives: memory latency + 2 cycles per level\n"
                + "at pmpLatency 1.\n"
                + "Levels count from the leaf up (docs/spec-notes.md). Entry address = (ppn << 12) + index * size\n"
                + "(SPEC-DECISIONS #4). Decode order (SPEC-DECISIONS #16): bus error, V=0, reserved bits, reserved\n"
                + "encodings, NAPOT G, non-leaf at level 0, permission (smmpt-v0.9 ch. 4 steps 2-7; smmtt-v0.1\n"
                + "ch. 4 steps 2-7, MTTL2 TYPE table, MTTL1 PERM table).\n"
                + "res_cause / result_cause codes (contract v1): " + causeLegend() + ".");

        // ---- lookup request (from the front end) ----
        Bool lookupValid = input("lookup_valid");
        Bool lookupReady = output("lookup_ready").withDefault(false);
        UInt lookupPa = input("lookup_pa", paW);
        UInt lookupNeed = input("lookup_need", 3);
        Bool lookupFormat = input("lookup_format");
        UInt lookupMode = input("lookup_mode", 4);
        UInt lookupRootPpn = input("lookup_root_ppn", ppnW);
        Bool lookupBe = input("lookup_be");
        // a walk-cache hit: start in table lookup_root_ppn at lookup_start_level instead of the root (CHECKER-MICROARCH §4)
        Bool lookupStart = input("lookup_start");
        UInt lookupStartLevel = input("lookup_start_level", LEVEL_WIDTH);

        // ---- memory read port (contract v1) ----
        Bool mrdValid = output("mrd_valid").withDefault(false);
        Bool mrdReady = input("mrd_ready");
        UInt mrdAddr = output("mrd_addr", p.paw());
        UInt mrdSize = output("mrd_size", SIZE_WIDTH);
        UInt mrdTag = output("mrd_tag", TAG_WIDTH);
        Bool mrsValid = input("mrs_valid");
        UInt mrsData = input("mrs_data", DATA_WIDTH);
        Bool mrsErr = input("mrs_err");
        UInt mrsTag = input("mrs_tag", TAG_WIDTH);

        // ---- PMP hook (contract v1) ----
        Bool pmpValid = output("pmp_valid").withDefault(false);
        UInt pmpAddr = output("pmp_addr", p.paw());
        UInt pmpSize = output("pmp_size", SIZE_WIDTH);
        Bool pmpOk = input("pmp_ok");

        // ---- result (to the front end) ----
        Bool resultValid = output("result_valid").withDefault(false);
        Bool resultReady = input("result_ready");
        Bool resultAllow = output("result_allow");
        UInt resultCause = output("result_cause", WalkCause.WIDTH);
        UInt resultXwr = output("result_xwr", 3);
        UInt resultLevel = output("result_level", LEVEL_WIDTH);
        UInt resultLeafLog2 = output("result_leaf_log2", LOG2_WIDTH);
        UInt resultUniformLog2 = output("result_uniform_log2", LOG2_WIDTH);
        Bool resultCacheable = output("result_cacheable");
        UInt resultMpte = output("result_mpte", entryW);
        // the deciding leaf, normalised for a cache fill (CHECKER-MICROARCH §1): meaningful when result_cacheable
        UInt resultLeafKind = output("result_leaf_kind", 2);
        UInt resultTupleLog2 = output("result_tuple_log2", LOG2_WIDTH);
        UInt resultTuples = output("result_tuples", 3 * tupleCount());
        Bool resultLeafRsvd = output("result_leaf_rsvd");

        // ---- fill hooks for a walk cache: one pulse per pointer followed ----
        Bool ptrValid = output("ptr_valid").withDefault(false);
        UInt ptrLevel = output("ptr_level", LEVEL_WIDTH);
        UInt ptrPpn = output("ptr_ppn", ppnW);

        UInt stateOut = output("walker_state", Hw.indexWidth(State.values().length));

        // ---- lookup registers ----
        pa = regInit("pa", paW, 0);
        need = regInit("need", 3, 0);
        Bool fmtReg = regInit("fmt_v09", false);
        fmtV09 = fmtReg;
        UInt modeReg = regInit("mode", 4, 0);
        UInt rootPpn = regInit("root_ppn", ppnW, 0);
        Bool beReg = regInit("be", false);
        Bool startReg = regInit("start_from_walk_cache", false);
        UInt startLevelReg = regInit("start_level", LEVEL_WIDTH, 0);
        level = regInit("level", LEVEL_WIDTH, 0);
        UInt entryAddr = regInit("entry_addr", addrW, 0);
        mpte = regInit("mpte", entryW, 0);
        Bool mpteErr = regInit("mpte_err", false);
        UInt pmpWait = regInit("pmp_wait", Hw.indexWidth(p.pmpLatency() + 1), 0);
        // the result
        Bool resAllow = regInit("res_allow", false);
        UInt resCause = regInit("res_cause", WalkCause.WIDTH, 0);
        UInt resXwr = regInit("res_xwr", 3, 0);
        UInt resLeafLog2 = regInit("res_leaf_log2", LOG2_WIDTH, 0);
        UInt resUniformLog2 = regInit("res_uniform_log2", LOG2_WIDTH, 0);
        Bool resCacheable = regInit("res_cacheable", false);

        // ---- the mode of the lookup (req_mode = {format, MODE}) and the PA range (SPEC-DECISIONS #3, #10) ----
        List<WalkMode> modes = p.modes();
        ModeDecode md = ModeDecode.of(p, pa, fmtReg, modeReg);
        List<Bool> modeHit = md.modeHit();
        Bool paRangeFault = md.paRangeFault();

        UInt rootLevel = Hw.lit(0, LEVEL_WIDTH);
        for (int i = 0; i < modes.size(); i++) {
            rootLevel = Hw.mux(modeHit.get(i), Hw.lit(modes.get(i).rootLevel(), LEVEL_WIDTH), rootLevel);
        }
        UInt rootLevelNamed = rootLevel.named("root_level");
        UInt firstLevel = Hw.mux(startReg, startLevelReg, rootLevelNamed).named("first_level");

        // ---- the MPTE as read: byte swap for big-endian tables (v0.9 §4 "controlled by mstatus.MBE") ----
        UInt rawEntry = mrsData.bits(entryW - 1, 0);
        UInt mrsEntry = p.bigEndianSupport() ? Hw.mux(beReg, byteSwap(rawEntry), rawEntry) : rawEntry;

        // ---- decode (combinational from the mpte register; used in DECODE) ----
        Decision dec = decide();

        // ---- the entry address adder: (ppn << 12) + index × size (SPEC-DECISIONS #4), root or next level ----
        Bool inRange = wireInit("addr_from_root", false);
        UInt addrPpn = Hw.mux(inRange, rootPpn, dec.nextPpn).named("addr_ppn");
        UInt addrLevel = Hw.mux(inRange, firstLevel, level.sub(1)).named("addr_level");
        UInt nextEntryAddr = addrPpn.zext(addrW).shl(PAGE_SHIFT).add(entryOffset(addrLevel).zext(addrW))
                .named("next_entry_addr");

        Bool beyondPaw = p.paw() < addrW ? entryAddr.bits(addrW - 1, p.paw()).orR().named("entry_beyond_paw")
                : Hw.low();
        UInt entryAddrPaw = p.paw() <= addrW ? entryAddr.bits(p.paw() - 1, 0) : entryAddr.zext(p.paw());
        UInt nextEntryAddrPaw = p.paw() <= addrW ? nextEntryAddr.bits(p.paw() - 1, 0) : nextEntryAddr.zext(p.paw());

        mrdAddr.set(entryAddrPaw);
        mrdSize.set(Hw.lit(p.entryBytes(), SIZE_WIDTH));
        mrdTag.set(Hw.lit(0, TAG_WIDTH));
        pmpAddr.set(nextEntryAddrPaw); // the query goes out in the cycle that forms the address
        pmpSize.set(Hw.lit(p.entryBytes(), SIZE_WIDTH));
        resultAllow.set(resAllow);
        resultCause.set(resCause);
        resultXwr.set(resXwr);
        resultLevel.set(level);
        resultLeafLog2.set(resLeafLog2);
        resultUniformLog2.set(resUniformLog2);
        resultCacheable.set(resCacheable);
        resultMpte.set(mpte);
        resultLeafKind.set(dec.kind);
        resultTupleLog2.set(dec.tupleLog2);
        resultTuples.set(dec.tuples);
        resultLeafRsvd.set(dec.leafRsvd);
        ptrLevel.set(level.sub(1));
        ptrPpn.set(dec.nextPpn);

        Fsm<State> fsm = fsm("state", State.class, State.IDLE);
        stateOut.set(fsm.state());

        Runnable faultNoLeaf = () -> {
            resAllow.set(false);
            resXwr.set(0);
            resLeafLog2.set(0);
            resUniformLog2.set(0);
            resCacheable.set(false);
        };

        fsm.on(State.IDLE, () -> {
            lookupReady.set(true);
            when(lookupValid, () -> {
                pa.set(lookupPa);
                need.set(lookupNeed);
                fmtReg.set(lookupFormat);
                modeReg.set(lookupMode);
                rootPpn.set(lookupRootPpn);
                beReg.set(lookupBe);
                startReg.set(lookupStart);
                startLevelReg.set(lookupStartLevel);
                fsm.go(State.RANGE);
            });
        }).on(State.RANGE, () -> {
            inRange.set(true);
            level.set(firstLevel);
            entryAddr.set(nextEntryAddr);
            when(paRangeFault, () -> {
                // PA range: no memory read at all; reported at the root level.
                faultNoLeaf.run();
                resCause.set(WalkCause.PA_RANGE.code());
                fsm.go(State.RESP);
            }).otherwise(() -> {
                pmpValid.set(true);
                pmpWait.set(1);
                fsm.go(State.PMP);
            });
        }).on(State.PMP, () -> {
            pmpWait.set(pmpWait.add(1));
            when(pmpWait.eq(p.pmpLatency()), () -> {
                when(pmpOk.not(), () -> {
                    faultNoLeaf.run();
                    resCause.set(WalkCause.WALK_PMP.code());
                    fsm.go(State.RESP);
                }).elseWhen(beyondPaw, () -> {
                    // spec-notes "step 2": the platform has no such address: bus error after the PMP check, no read.
                    faultNoLeaf.run();
                    resCause.set(WalkCause.WALK_BUS_ERROR.code());
                    fsm.go(State.RESP);
                }).otherwise(() -> {
                    mrdValid.set(true);
                    when(mrdReady, () -> fsm.go(State.MWAIT)).otherwise(() -> fsm.go(State.MREQ));
                });
            });
        }).on(State.MREQ, () -> {
            mrdValid.set(true);
            when(mrdReady, () -> fsm.go(State.MWAIT));
        }).on(State.MWAIT, () -> when(mrsValid, () -> {
            mpte.set(mrsEntry);
            mpteErr.set(mrsErr);
            fsm.go(State.DECODE);
        })).on(State.DECODE, () -> {
            when(mpteErr, () -> {
                faultNoLeaf.run();
                resCause.set(WalkCause.WALK_BUS_ERROR.code());
                fsm.go(State.RESP);
            }).elseWhen(dec.descend, () -> {
                ptrValid.set(true);
                level.set(level.sub(1));
                entryAddr.set(nextEntryAddr);
                pmpValid.set(true);
                pmpWait.set(1);
                fsm.go(State.PMP);
            }).otherwise(() -> {
                resCause.set(dec.cause);
                when(dec.leaf, () -> {
                    // a valid, well-formed leaf decided (allowed or PERM_DENY): cacheable (spec-notes)
                    resAllow.set(dec.cause.eq(WalkCause.NONE.code()));
                    resXwr.set(dec.xwr);
                    resLeafLog2.set(dec.leafLog2);
                    resUniformLog2.set(dec.uniformLog2);
                    resCacheable.set(true);
                }).otherwise(faultNoLeaf);
                fsm.go(State.RESP);
            });
        }).on(State.RESP, () -> {
            resultValid.set(true);
            when(resultReady, () -> fsm.go(State.IDLE));
        });

        // Inputs and bits that this configuration does not need (one read outstanding: the tag is constant;
        // page offsets never index a table). Verilator accepts names matching *unused*.
        List<UInt> ignored = new ArrayList<>();
        ignored.add(mrsTag);
        ignored.add(pa.bits(PAGE_SHIFT - 1, 0));
        if (!p.bigEndianSupport()) {
            ignored.add(beReg);
        }
        if (entryW < DATA_WIDTH) {
            ignored.add(mrsData.bits(DATA_WIDTH - 1, entryW));
        }
        ignored.addAll(dec.unused);
        wireInit("inputs_unused", Hw.cat(ignored).xorR());
    }

    // ------------------------------------------------------------------------------------------------
    // Index of the entry per (format, level): the figures of both specs (SPEC-DECISIONS #1).
    // ------------------------------------------------------------------------------------------------

    /** Byte offset of the entry for the current PA at {@code lvl}: {@code pn[...] × entry size}. */
    private UInt entryOffset(UInt lvl) {
        int sizeShift = Integer.numberOfTrailingZeros(p.entryBytes());
        int offW = (p.xlen() == 64 ? 21 : 10) + sizeShift;
        UInt v01 = Hw.lit(0, offW);
        UInt v09 = Hw.lit(0, offW);
        if (p.xlen() == 64) {
            // v0.1 RV64 figure: MTTL3 by pn[3] = PA[55:46], MTTL2 by pn[2] = PA[45:25], MTTL1 word by pn[1] = PA[24:16]
            v01 = Hw.mux(lvl.eq(2), index(55, 46, sizeShift, offW),
                    Hw.mux(lvl.eq(1), index(45, 25, sizeShift, offW), index(24, 16, sizeShift, offW)));
            // v0.9 Smmpt43/52/64: pn[i] = PA[16+9i+8 : 16+9i] for i <= 3, Smmpt64 pn[4] = PA[63:52]
            v09 = index(63, 52, sizeShift, offW);
            for (int i = 3; i >= 0; i--) {
                v09 = Hw.mux(lvl.eq(i), index(16 + 9 * i + 8, 16 + 9 * i, sizeShift, offW), v09);
            }
        } else {
            // RV32, both formats: level 1 by PA[33:25], level 0 by PA[24:15] (v0.1 pn[2]/pn[1], v0.9 pn[1]/pn[0])
            UInt rv32 = Hw.mux(lvl.eq(1), index(33, 25, sizeShift, offW), index(24, 15, sizeShift, offW));
            if (p.formats().v01() && p.formats().v09()) {
                rv32 = rv32.named("rv32_entry_offset"); // both arms of the format mux below
            }
            v01 = rv32;
            v09 = rv32;
        }
        return formatMux(v09, v01).named("entry_offset");
    }

    private UInt index(int hi, int lo, int sizeShift, int offW) {
        return pa.bits(hi, lo).cat(Hw.lit(0, sizeShift)).zext(offW);
    }

    /** The v0.9 value when the lookup is smmpt-v0.9, else the v0.1 one (one of them when only one format is built). */
    private UInt formatMux(UInt v09, UInt v01) {
        if (!p.formats().v01()) {
            return v09;
        }
        if (!p.formats().v09()) {
            return v01;
        }
        return Hw.mux(fmtV09, v09, v01);
    }

    // ------------------------------------------------------------------------------------------------
    // Decode (v0.9 §4 steps 3–7, v0.1 §4 steps 3–7; priority per SPEC-DECISIONS #16)
    // ------------------------------------------------------------------------------------------------

    /** What DECODE does with the current {@code mpte}. */
    private static final class Decision {
        Bool descend;
        UInt nextPpn;
        /** a valid, well-formed leaf decided (cause NONE or PERM_DENY). */
        Bool leaf;
        UInt cause;
        UInt xwr;
        UInt leafLog2;
        UInt uniformLog2;
        /** the leaf for a fill: KIND_*, tuple range, packed XWR (tuple i in bits 3i+2:3i), a reserved tuple anywhere. */
        UInt kind;
        UInt tupleLog2;
        UInt tuples;
        Bool leafRsvd;
        final List<UInt> unused = new ArrayList<>();
    }

    private Decision decide() {
        Decision d09 = p.formats().v09() ? area("v09", (java.util.function.Supplier<Decision>) this::decideV09) : null;
        Decision d01 = p.formats().v01() ? area("v01", (java.util.function.Supplier<Decision>) this::decideV01) : null;
        if (d09 == null) {
            return d01;
        }
        if (d01 == null) {
            return d09;
        }
        Decision d = new Decision();
        d.descend = Hw.mux(fmtV09, d09.descend, d01.descend).named("dec_descend");
        d.nextPpn = Hw.mux(fmtV09, d09.nextPpn, d01.nextPpn).named("dec_next_ppn");
        d.leaf = Hw.mux(fmtV09, d09.leaf, d01.leaf).named("dec_leaf");
        d.cause = Hw.mux(fmtV09, d09.cause, d01.cause).named("dec_cause");
        d.xwr = Hw.mux(fmtV09, d09.xwr, d01.xwr).named("dec_xwr");
        d.leafLog2 = Hw.mux(fmtV09, d09.leafLog2, d01.leafLog2).named("dec_leaf_log2");
        d.uniformLog2 = Hw.mux(fmtV09, d09.uniformLog2, d01.uniformLog2).named("dec_uniform_log2");
        d.kind = Hw.mux(fmtV09, d09.kind, d01.kind).named("dec_leaf_kind");
        d.tupleLog2 = Hw.mux(fmtV09, d09.tupleLog2, d01.tupleLog2).named("dec_tuple_log2");
        d.tuples = Hw.mux(fmtV09, d09.tuples, d01.tuples).named("dec_tuples");
        d.leafRsvd = Hw.mux(fmtV09, d09.leafRsvd, d01.leafRsvd).named("dec_leaf_rsvd");
        d.unused.addAll(d09.unused);
        d.unused.addAll(d01.unused);
        return d;
    }

    /** smmpt-v0.9 MPTE, v0.9 §4 figures "non-leaf", "non-NAPOT leaf", "NAPOT leaf". */
    private Decision decideV09() {
        boolean rv64 = p.xlen() == 64;
        int tuples = rv64 ? 16 : 8;                 // NUMPGINRANGE = 4 (RV64) / 3 (Smmpt34)
        int tupleBits = rv64 ? 4 : 3;
        int legalG = rv64 ? 4 : 6;                  // "encodings 0-3 and 5-15 of G are reserved" / "0-5 and 7-15"
        Bool mpteV = mpte.bit(0).named("mpte_v");
        Bool mpteL = mpte.bit(1).named("mpte_l");
        Bool mpteN = mpte.bit(2).named("mpte_n");

        // non-leaf: bits 9:3 reserved (bit 2 is the N position: "L=0 and N=1" is a reserved encoding); RV64 63:54
        Bool nonLeafRsvdBits = (rv64 ? mpte.bits(9, 3).cat(mpte.bits(63, 54)) : mpte.bits(9, 3)).orR()
                .named("nonleaf_rsvd_bits");
        UInt pointerPpn = (rv64 ? mpte.bits(53, 10) : mpte.bits(31, 10)).named("mpte_ppn");

        // non-NAPOT leaf: bits 7:3 reserved (RV64 also 63:56); XWR[k] at bits 8+3k+2 : 8+3k
        Bool leafRsvdBits = (rv64 ? mpte.bits(7, 3).cat(mpte.bits(63, 56)) : mpte.bits(7, 3)).orR()
                .named("leaf_rsvd_bits");
        List<UInt> xwrTuples = new ArrayList<>();
        for (int k = 0; k < tuples; k++) {
            xwrTuples.add(mpte.bits(8 + 3 * k + 2, 8 + 3 * k));
        }
        // pi: the NUMPGINRANGE most significant bits of pn[i-1] (or of the range offset at i = 0):
        // PA[leafLog2-1 : leafLog2-NUMPGINRANGE], leafLog2 = 16+9i (RV64) / 15+10i (Smmpt34)
        int maxLevel = rv64 ? 4 : 1;
        UInt pi = null;
        UInt leafLog2 = null;
        UInt tupleLog2 = null;
        for (int i = maxLevel; i >= 0; i--) {
            int l2 = rv64 ? 16 + 9 * i : 15 + 10 * i;
            UInt piHere = pa.bits(l2 - 1, l2 - tupleBits);
            UInt leafHere = Hw.lit(l2, LOG2_WIDTH);
            UInt tupleHere = Hw.lit(l2 - tupleBits, LOG2_WIDTH);
            if (pi == null) {
                pi = piHere;
                leafLog2 = leafHere;
                tupleLog2 = tupleHere;
            } else {
                Bool at = level.eq(i);
                pi = Hw.mux(at, piHere, pi);
                leafLog2 = Hw.mux(at, leafHere, leafLog2);
                tupleLog2 = Hw.mux(at, tupleHere, tupleLog2);
            }
        }
        pi = pi.named("pi");
        leafLog2 = leafLog2.named("leaf_log2");
        tupleLog2 = tupleLog2.named("tuple_log2");
        UInt selXwr = Hw.select(pi, xwrTuples).named("tuple_xwr");
        Bool tupleRsvd;
        if (p.rsvdTupleScope() == WalkerParams.TupleScope.ANY) {
            List<UInt> r = new ArrayList<>();
            xwrTuples.forEach(t -> r.add(reservedXwr(t)));
            tupleRsvd = Hw.orAll(r).named("tuple_rsvd_enc");
        } else {
            tupleRsvd = reservedXwr(selXwr).named("tuple_rsvd_enc");
        }
        UInt tupleUniform = tupleLog2.add(LeafTuples.uniformExtra("tuple", xwrTuples, selXwr, pi).zext(LOG2_WIDTH));

        // NAPOT leaf: bits 7:3, 11 and W-1:16 reserved; XWR at 10:8, G at 15:12; range = leaf range × 2^(G+1)
        Bool napotRsvdBits = mpte.bits(7, 3).cat(mpte.bit(11), mpte.bits(entryW - 1, 16)).orR()
                .named("napot_rsvd_bits");
        UInt napotXwr = mpte.bits(10, 8).named("napot_xwr");
        UInt napotG = mpte.bits(15, 12).named("napot_g");
        Bool napotGBad = napotG.ne(legalG);
        UInt napotLog2 = leafLog2.add(legalG + 1).named("napot_log2");

        UInt xwr = Hw.mux(mpteN, napotXwr, selXwr).named("xwr");
        Bool deny = need.and(xwr.not()).orR().named("perm_deny");

        // priority: V=0 → reserved bits → reserved encodings → G → non-leaf at level 0 → permission
        Bool isPointer = mpteV.and(mpteL.not());
        Bool isPlainLeaf = mpteL.and(mpteN.not());
        Bool isNapot = mpteL.and(mpteN);
        UInt cause = priority(List.of(
                mpteV.not(), mpteL.not().and(nonLeafRsvdBits), mpteL.not().and(mpteN),
                mpteL.not().and(level.eq(0)),
                isPlainLeaf.and(leafRsvdBits), isPlainLeaf.and(tupleRsvd),
                isNapot.and(napotRsvdBits), isNapot.and(reservedXwr(napotXwr)), isNapot.and(napotGBad),
                mpteL.and(deny)),
                List.of(WalkCause.MPTE_INVALID, WalkCause.MPTE_RSVD_BITS, WalkCause.MPTE_RSVD_ENC,
                        WalkCause.NONLEAF_AT_L0,
                        WalkCause.MPTE_RSVD_BITS, WalkCause.MPTE_RSVD_ENC,
                        WalkCause.MPTE_RSVD_BITS, WalkCause.MPTE_RSVD_ENC, WalkCause.NAPOT_G_BAD,
                        WalkCause.PERM_DENY)).named("cause");
        Bool wellFormed = cause.eq(WalkCause.NONE.code()).or(cause.eq(WalkCause.PERM_DENY.code()));

        Decision d = new Decision();
        d.descend = isPointer.and(cause.eq(WalkCause.NONE.code())).named("descend");
        d.nextPpn = pointerPpn;
        d.leaf = mpteV.and(mpteL).and(wellFormed).named("leaf");
        d.cause = cause;
        d.xwr = xwr;
        d.leafLog2 = Hw.mux(mpteN, napotLog2, leafLog2);
        d.uniformLog2 = Hw.mux(mpteN, napotLog2, tupleUniform);
        d.kind = Hw.mux(mpteN, Hw.lit(KIND_NAPOT, 2), Hw.lit(KIND_TUPLES, 2));
        d.tupleLog2 = Hw.mux(mpteN, napotLog2, tupleLog2);
        d.tuples = Hw.mux(mpteN, napotXwr.zext(3 * tuples), packTuples(xwrTuples));
        List<UInt> anyRsvd = new ArrayList<>();
        xwrTuples.forEach(t -> anyRsvd.add(reservedXwr(t)));
        d.leafRsvd = mpteN.not().and(Hw.orAll(anyRsvd)).named("leaf_rsvd_tuple");
        return d;
    }

    /** smmtt-v0.1 MTTL3/MTTL2/MTTL1 entries, v0.1 §4 figures and tables. */
    private Decision decideV01() {
        boolean rv64 = p.xlen() == 64;
        int ppnW = this.ppnW;

        // MTTL2 (level 1): INFO, TYPE, ZERO
        int infoW = rv64 ? 44 : 22;
        UInt info = mpte.bits(infoW - 1, 0).named("mpte_info");
        UInt type = mpte.bits(infoW + 2, infoW).named("mpte_type");
        Bool l2Zero = mpte.bits(entryW - 1, infoW + 3).orR().named("mttl2_zero_bits");
        Bool typeIs1G = type.bit(2).not().named("type_1g");
        Bool typeDir = type.eq(V01Type.MTT_L1_DIR);
        int pagesType = rv64 ? V01Type.PAGES_2M : V01Type.PAGES_4M;
        int otherPagesType = rv64 ? V01Type.PAGES_4M : V01Type.PAGES_2M;
        Bool typePages = type.eq(pagesType);
        Bool typeRsvd = type.eq(V01Type.RESERVED).or(type.eq(otherPagesType)).named("type_rsvd");
        // 2M_PAGES: 16 PERM in INFO[31:0], INFO[43:32] reserved; 4M_PAGES: 8 PERM in INFO[15:0], INFO[21:16] reserved
        int pages = rv64 ? 16 : 8;
        int pageBits = rv64 ? 4 : 3;
        int pageLog2 = rv64 ? 21 : 22;
        Bool pagesInfoRsvd = info.bits(infoW - 1, 2 * pages).orR();
        List<UInt> pagePerms = new ArrayList<>();
        for (int k = 0; k < pages; k++) {
            pagePerms.add(info.bits(2 * k + 1, 2 * k));
        }
        UInt pagePi = pa.bits(24, 25 - pageBits).named("page_pi");
        UInt pagePerm = Hw.select(pagePi, pagePerms).named("page_perm");
        Bool l2RsvdEnc = typeRsvd.or(typeIs1G.and(info.orR())).or(typePages.and(pagesInfoRsvd))
                .named("mttl2_rsvd_enc");
        UInt l2Xwr = permToXwr(Hw.mux(typeIs1G, type.bits(1, 0), pagePerm).named("mttl2_perm")).named("mttl2_xwr");
        int oneGigLog2 = p.v01OneGigAsOneGiB() ? 30 : 25;
        UInt l2PagesUniform = Hw.lit(pageLog2, LOG2_WIDTH)
                .add(LeafTuples.uniformExtra("page_perm", pagePerms, pagePerm, pagePi).zext(LOG2_WIDTH));

        // MTTL1 word (level 0): XLEN/4 nibbles {resv[1:0], PERM[1:0]}, selected by pn[0]
        int nibbles = entryW / 4;
        int nibbleBits = rv64 ? 4 : 3;
        List<UInt> nibblePerms = new ArrayList<>();
        List<UInt> nibbleResv = new ArrayList<>();
        for (int k = 0; k < nibbles; k++) {
            nibblePerms.add(mpte.bits(4 * k + 1, 4 * k));
            nibbleResv.add(mpte.bits(4 * k + 3, 4 * k + 2).orR());
        }
        UInt nibblePi = pa.bits(PAGE_SHIFT + nibbleBits - 1, PAGE_SHIFT).named("nibble_pi");
        UInt nibblePerm = Hw.select(nibblePi, nibblePerms).named("nibble_perm");
        Bool nibbleRsvd = (p.rsvdTupleScope() == WalkerParams.TupleScope.ANY
                ? Hw.orAll(nibbleResv) : Hw.select(nibblePi, nibbleResv).asBool()).named("nibble_rsvd_enc");
        UInt l1Xwr = permToXwr(nibblePerm);
        int l1Log2 = rv64 ? 16 : 15;
        UInt l1Uniform = Hw.lit(PAGE_SHIFT, LOG2_WIDTH)
                .add(LeafTuples.uniformExtra("nibble_perm", nibblePerms, nibblePerm, nibblePi).zext(LOG2_WIDTH));

        Bool atL1 = level.eq(0).named("at_mttl1");
        Bool atL2 = level.eq(1).named("at_mttl2");
        UInt xwr = Hw.mux(atL1, l1Xwr, l2Xwr).named("xwr");
        Bool deny = need.and(xwr.not()).orR().named("perm_deny");

        List<Bool> conds = new ArrayList<>();
        List<WalkCause> causes = new ArrayList<>();
        UInt nextPpn;
        Bool descend;
        if (rv64) {
            // MTTL3 (level 2, Smmtt56): MTTL2 PPN[43:0], ZERO[63:44]; no valid bit (SPEC-DECISIONS #6)
            Bool atL3 = level.eq(2).named("at_mttl3");
            Bool l3Zero = mpte.bits(63, ppnW).orR().named("mttl3_zero_bits");
            conds.add(atL3.and(l3Zero));
            causes.add(WalkCause.MPTE_RSVD_BITS);
            conds.add(atL2.and(l2Zero));
            causes.add(WalkCause.MPTE_RSVD_BITS);
            conds.add(atL2.and(l2RsvdEnc));
            causes.add(WalkCause.MPTE_RSVD_ENC);
            nextPpn = Hw.mux(atL3, mpte.bits(ppnW - 1, 0), info);
            descend = atL3.and(l3Zero.not()).or(atL2.and(l2Zero.not()).and(l2RsvdEnc.not()).and(typeDir));
        } else {
            conds.add(atL2.and(l2Zero));
            causes.add(WalkCause.MPTE_RSVD_BITS);
            conds.add(atL2.and(l2RsvdEnc));
            causes.add(WalkCause.MPTE_RSVD_ENC);
            nextPpn = info;
            descend = atL2.and(l2Zero.not()).and(l2RsvdEnc.not()).and(typeDir);
        }
        conds.add(atL1.and(nibbleRsvd));
        causes.add(WalkCause.MPTE_RSVD_ENC);
        Bool isLeafLevel = atL1.or(atL2.and(typeDir.not())).named("at_leaf_level");
        conds.add(isLeafLevel.and(deny));
        causes.add(WalkCause.PERM_DENY);
        UInt cause = priority(conds, causes).named("cause");
        Bool wellFormed = cause.eq(WalkCause.NONE.code()).or(cause.eq(WalkCause.PERM_DENY.code()));

        Decision d = new Decision();
        d.descend = descend.named("descend");
        d.nextPpn = nextPpn.named("next_ppn");
        d.leaf = isLeafLevel.and(wellFormed).named("leaf");
        d.cause = cause;
        d.xwr = xwr;
        d.leafLog2 = Hw.mux(atL1, Hw.lit(l1Log2, LOG2_WIDTH),
                Hw.mux(typeIs1G, Hw.lit(oneGigLog2, LOG2_WIDTH), Hw.lit(25, LOG2_WIDTH)));
        d.uniformLog2 = Hw.mux(atL1, l1Uniform, Hw.mux(typeIs1G, Hw.lit(oneGigLog2, LOG2_WIDTH), l2PagesUniform));
        // for a fill: PERM converted to XWR per tuple (CHECKER-MICROARCH §1); a 1G_* entry is one uniform XWR
        List<UInt> nibbleXwr = new ArrayList<>();
        nibblePerms.forEach(x -> nibbleXwr.add(permToXwr(x)));
        List<UInt> pageXwr = new ArrayList<>();
        pagePerms.forEach(x -> pageXwr.add(permToXwr(x)));
        d.kind = Hw.mux(atL1.or(typeIs1G.not()), Hw.lit(KIND_TUPLES, 2), Hw.lit(KIND_UNIFORM, 2));
        d.tupleLog2 = Hw.mux(atL1, Hw.lit(PAGE_SHIFT, LOG2_WIDTH),
                Hw.mux(typeIs1G, Hw.lit(oneGigLog2, LOG2_WIDTH), Hw.lit(pageLog2, LOG2_WIDTH)));
        d.tuples = Hw.mux(atL1, packTuples(nibbleXwr),
                Hw.mux(typeIs1G, l2Xwr.zext(3 * pages), packTuples(pageXwr)));
        // MTTL1 nibble bits [3:2] are reserved (v0.1 §4); under the SELECTED scope such a word still decides
        d.leafRsvd = atL1.and(Hw.orAll(nibbleResv)).named("leaf_rsvd_nibble");
        return d;
    }

    private static String causeLegend() {
        StringBuilder sb = new StringBuilder();
        for (WalkCause c : WalkCause.values()) {
            sb.append(c.ordinal() == 0 ? "" : ", ").append(c.code()).append(' ').append(c.name());
        }
        return sb.toString();
    }

    /** v0.9 XWR table: 010 and 110 (W without R) are reserved. */
    private static Bool reservedXwr(UInt xwr) {
        return xwr.bit(1).and(xwr.bit(0).not());
    }

    /** v0.1 PERM → XWR (spec-notes): 00 none, 01 RX, 10 RW, 11 RWX. */
    private static UInt permToXwr(UInt perm) {
        return perm.bit(0).cat(perm.bit(1), perm.orR());
    }

    /**
     * The cause of the first true condition (in priority order), else NONE.
     */
    private static UInt priority(List<Bool> conds, List<WalkCause> causes) {
        UInt r = Hw.lit(WalkCause.NONE.code(), WalkCause.WIDTH);
        for (int i = conds.size() - 1; i >= 0; i--) {
            r = Hw.mux(conds.get(i), Hw.lit(causes.get(i).code(), WalkCause.WIDTH), r);
        }
        return r;
    }

    /** Tuple 0 in the least significant bits: {@code {t[n-1], …, t[0]}}. */
    private static UInt packTuples(List<UInt> tuples) {
        List<UInt> msbFirst = new ArrayList<>(tuples);
        java.util.Collections.reverse(msbFirst);
        return Hw.cat(msbFirst);
    }

    /** XWR tuples per leaf: 16 on RV64, 8 on RV32 (both formats). */
    private int tupleCount() {
        return p.xlen() == 64 ? 16 : 8;
    }

    private static UInt byteSwap(UInt v) {
        List<UInt> bytes = new ArrayList<>();
        for (int i = 0; i < v.width() / 8; i++) {
            bytes.add(v.bits(8 * i + 7, 8 * i)); // byte 0 first = most significant in the result
        }
        return Hw.cat(bytes);
    }

    /** v0.1 MTTL2 TYPE encodings (v0.1 §4 table "MTTL2 Entry Type"). */
    private static final class V01Type {
        static final int MTT_L1_DIR = 0b100;
        static final int PAGES_4M = 0b101;
        static final int PAGES_2M = 0b110;
        static final int RESERVED = 0b111;
    }
}
