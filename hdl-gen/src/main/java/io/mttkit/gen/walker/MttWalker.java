package io.mttkit.gen.walker;

import io.mttkit.gen.contract.CheckResponsePort;
import io.mttkit.gen.contract.MemReadPort;
import io.mttkit.gen.contract.MemResponsePort;
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

    /** The Verilog name of the walker (the same for every configuration; the header comment says which). */
    public static final String MODULE_NAME = "mtt_walker";
    /** Width of the {@code *_leaf_log2}/{@code *_uniform_log2} fields (values up to 57). */
    public static final int LOG2_WIDTH = CheckResponsePort.LOG2_WIDTH;
    /** Width of a level number (0..4). */
    public static final int LEVEL_WIDTH = CheckResponsePort.LEVEL_WIDTH;
    /** Width of {@code walker_state}. */
    public static final int STATE_WIDTH = Hw.indexWidth(State.values().length);
    /** log2 of PAGESIZE (both specs). */
    public static final int PAGE_SHIFT = 12;
    /** {@code result_leaf_kind}: a leaf of XWR tuples (v0.9 non-NAPOT leaf, v0.1 MTTL1 word or {@code 2M/4M_PAGES}). */
    public static final int KIND_TUPLES = 0;
    /** {@code result_leaf_kind}: a v0.9 NAPOT leaf (one XWR, in tuple 0). */
    public static final int KIND_NAPOT = 1;
    /** {@code result_leaf_kind}: a v0.1 {@code 1G_*} entry (one XWR, in tuple 0). */
    public static final int KIND_UNIFORM = 2;

    private final WalkerParams p;
    /** Width of an entry address before the {@code paw} check: wide enough for {@code (ppn << 12) + index × size}. */
    private final int addrW;
    /** The PMP port is shared with other walkers (several walks in flight): a query waits for {@code pmp_grant}. */
    private final boolean sharedPmp;

    /** The walker's ports, after it is built ({@code instance(...)}). */
    public WalkerIo io;

    /** A walker for {@code params}. */
    public MttWalker(WalkerParams params) {
        this(params, false);
    }

    /**
     * A walker for {@code params} that shares the PMP port with other walkers when {@code sharedPmp}: it holds
     * RANGE or DECODE, its query repeated, until {@code pmp_grant}; everything else is the same walker. The arbiter
     * grants one query per cycle, so the cycle a walker samples {@code pmp_ok} ({@code pmpLatency} after its grant)
     * is its own and {@code pmp_ok} can go to every walker.
     */
    public MttWalker(WalkerParams params, boolean sharedPmp) {
        this.sharedPmp = sharedPmp;
        this.p = params;
        this.addrW = params.xlen() == 64 ? 57 : 35;
        moduleName(MODULE_NAME);
    }

    @Override
    protected void build() {
        doc("MTT/MPT walker (" + p.xlen() + "-bit, formats " + p.formats().spelling() + ", paw " + p.paw() + ").\n"
                + "Parameters: " + p.values() + ".\n"
                + "One lookup at a time, one outstanding MPTE read; PMP query before every read.\n"
                + "State: IDLE -> RANGE -> PMP -> [MREQ] -> MWAIT -> DECODE -> (PMP | RESP); the PMP query\n"
                + "pulses in RANGE/DECODE, the read is offered when pmp_ok arrives: memory latency + 2 cycles per level\n"
                + "at pmpLatency 1.\n"
                + "Levels count from the leaf up (docs/spec-notes.md). Entry address = (ppn << 12) + index * size\n"
                + "(SPEC-DECISIONS #4). Decode order (SPEC-DECISIONS #16): bus error, V=0, reserved bits, reserved\n"
                + "encodings, NAPOT G, non-leaf at level 0, permission (smmpt-v0.9 ch. 4 steps 2-7; smmtt-v0.1\n"
                + "ch. 4 steps 2-7, MTTL2 TYPE table, MTTL1 PERM table).\n"
                + "res_cause / result_cause codes (contract v1): " + causeLegend() + ".");
        io = ports(s -> new WalkerIo(s, p, sharedPmp));
        io.lookup.ready.withDefault(0);
        io.mrd.valid.withDefault(0);
        io.pmp.valid.withDefault(0);
        io.result.valid.withDefault(0);
        io.ptr.valid.withDefault(0);

        // ---- the lookup, registered at the handshake, and the walk's own state ----
        LookupRequest walk = regInit("walk", s -> new LookupRequest(s, p));
        UInt level = regInit("level", LEVEL_WIDTH, 0);
        UInt entryAddr = regInit("entry_addr", addrW, 0);
        UInt mpte = regInit("mpte", p.xlen(), 0);
        Bool mpteErr = regInit("mpte_err", false);
        UInt pmpWait = regInit("pmp_wait", Hw.indexWidth(p.pmpLatency() + 1), 0);
        Verdict res = regInit("res", Verdict::new);

        // ---- the mode of the lookup (req_mode = {format, MODE}) and the PA range (SPEC-DECISIONS #3, #10) ----
        List<WalkMode> modes = p.modes();
        ModeDecode md = ModeDecode.of(p, walk.pa, walk.format, walk.mode);
        List<Bool> modeHit = md.modeHit();
        Bool paRangeFault = md.paRangeFault();

        UInt rootLevel = Hw.lit(0, LEVEL_WIDTH);
        for (int i = 0; i < modes.size(); i++) {
            rootLevel = Hw.mux(modeHit.get(i), Hw.lit(modes.get(i).rootLevel(), LEVEL_WIDTH), rootLevel);
        }
        UInt rootLevelNamed = rootLevel.named("root_level");
        UInt firstLevel = Hw.mux(walk.start, walk.startLevel, rootLevelNamed).named("first_level");

        // ---- the MPTE as read: byte swap for big-endian tables (v0.9 §4 "controlled by mstatus.MBE") ----
        UInt rawEntry = io.mrs.data.bits(p.xlen() - 1, 0);
        UInt mrsEntry = p.bigEndianSupport() ? Hw.mux(walk.be, byteSwap(rawEntry), rawEntry) : rawEntry;

        // ---- decode (combinational from the mpte register; used in DECODE) ----
        Decision dec = decide(new WalkState(walk.pa, walk.need, level, mpte), walk.format);

        // ---- the entry address adder: (ppn << 12) + index × size (SPEC-DECISIONS #4), root or next level ----
        Bool inRange = wireInit("addr_from_root", false);
        UInt addrPpn = Hw.mux(inRange, walk.rootPpn, dec.nextPpn).named("addr_ppn");
        UInt addrLevel = Hw.mux(inRange, firstLevel, level.sub(1)).named("addr_level");
        UInt entryOffset = new EntryIndex(p, walk.pa, walk.format).offset(addrLevel);
        UInt nextEntryAddr = addrPpn.zext(addrW).shl(PAGE_SHIFT).add(entryOffset.zext(addrW))
                .named("next_entry_addr");

        Bool beyondPaw = p.paw() < addrW ? entryAddr.bits(addrW - 1, p.paw()).orR().named("entry_beyond_paw")
                : Hw.low();
        UInt entryAddrPaw = p.paw() <= addrW ? entryAddr.bits(p.paw() - 1, 0) : entryAddr.zext(p.paw());
        UInt nextEntryAddrPaw = p.paw() <= addrW ? nextEntryAddr.bits(p.paw() - 1, 0) : nextEntryAddr.zext(p.paw());

        io.mrd.addr.set(entryAddrPaw);
        io.mrd.size.set(Hw.lit(p.entryBytes(), MemReadPort.SIZE_WIDTH));
        io.mrd.tag.set(Hw.lit(0, MemReadPort.TAG_WIDTH));
        io.pmp.addr.set(nextEntryAddrPaw); // the query goes out in the cycle that forms the address
        io.pmp.size.set(Hw.lit(p.entryBytes(), MemReadPort.SIZE_WIDTH));
        io.result.verdict.set(res);
        io.result.level.set(level);
        io.result.mpte.set(mpte);
        io.result.leafKind.set(dec.leafKind);
        io.result.tupleLog2.set(dec.tupleLog2);
        io.result.tuples.set(dec.tuples);
        io.result.leafRsvd.set(dec.leafRsvd);
        io.ptr.level.set(level.sub(1));
        io.ptr.ppn.set(dec.nextPpn);

        Fsm<State> fsm = fsm("state", State.class, State.IDLE);
        io.state.set(fsm.state());

        Runnable faultNoLeaf = () -> {
            res.allow.set(false);
            res.xwr.set(0);
            res.leafLog2.set(0);
            res.uniformLog2.set(0);
            res.cacheable.set(false);
        };

        fsm.on(State.IDLE, () -> {
            io.lookup.ready.set(true);
            when(io.lookup.valid, () -> {
                walk.set(io.lookup.request);
                fsm.go(State.RANGE);
            });
        }).on(State.RANGE, () -> {
            inRange.set(true);
            level.set(firstLevel);
            entryAddr.set(nextEntryAddr);
            when(paRangeFault, () -> {
                // PA range: no memory read at all; reported at the root level.
                faultNoLeaf.run();
                res.cause.set(WalkCause.PA_RANGE.code());
                fsm.go(State.RESP);
            }).otherwise(() -> {
                io.pmp.valid.set(true);
                granted(() -> {
                    pmpWait.set(1);
                    fsm.go(State.PMP);
                });
            });
        }).on(State.PMP, () -> {
            pmpWait.set(pmpWait.add(1));
            when(pmpWait.eq(p.pmpLatency()), () -> {
                when(io.pmp.ok.not(), () -> {
                    faultNoLeaf.run();
                    res.cause.set(WalkCause.WALK_PMP.code());
                    fsm.go(State.RESP);
                }).elseWhen(beyondPaw, () -> {
                    // spec-notes "step 2": the platform has no such address: bus error after the PMP check, no read.
                    faultNoLeaf.run();
                    res.cause.set(WalkCause.WALK_BUS_ERROR.code());
                    fsm.go(State.RESP);
                }).otherwise(() -> {
                    io.mrd.valid.set(true);
                    when(io.mrd.ready, () -> fsm.go(State.MWAIT)).otherwise(() -> fsm.go(State.MREQ));
                });
            });
        }).on(State.MREQ, () -> {
            io.mrd.valid.set(true);
            when(io.mrd.ready, () -> fsm.go(State.MWAIT));
        }).on(State.MWAIT, () -> when(io.mrs.valid, () -> {
            mpte.set(mrsEntry);
            mpteErr.set(io.mrs.err);
            fsm.go(State.DECODE);
        })).on(State.DECODE, () -> {
            when(mpteErr, () -> {
                faultNoLeaf.run();
                res.cause.set(WalkCause.WALK_BUS_ERROR.code());
                fsm.go(State.RESP);
            }).elseWhen(dec.descend, () -> {
                if (sharedPmp) {
                    // the descent (pointer pulse, level, address) happens in the cycle the query is granted
                    io.pmp.valid.set(true);
                    when(io.pmpGrant, () -> {
                        io.ptr.valid.set(true);
                        level.set(level.sub(1));
                        entryAddr.set(nextEntryAddr);
                        pmpWait.set(1);
                        fsm.go(State.PMP);
                    });
                } else {
                    io.ptr.valid.set(true);
                    level.set(level.sub(1));
                    entryAddr.set(nextEntryAddr);
                    io.pmp.valid.set(true);
                    pmpWait.set(1);
                    fsm.go(State.PMP);
                }
            }).otherwise(() -> {
                res.cause.set(dec.cause);
                when(dec.leaf, () -> {
                    // a valid, well-formed leaf decided (allowed or PERM_DENY): cacheable (spec-notes)
                    res.allow.set(dec.cause.eq(WalkCause.NONE.code()));
                    res.xwr.set(dec.xwr);
                    res.leafLog2.set(dec.leafLog2);
                    res.uniformLog2.set(dec.uniformLog2);
                    res.cacheable.set(true);
                }).otherwise(faultNoLeaf);
                fsm.go(State.RESP);
            });
        }).on(State.RESP, () -> {
            io.result.valid.set(true);
            when(io.result.ready, () -> fsm.go(State.IDLE));
        });

        // Inputs and bits that this configuration does not need (one read outstanding: the tag is constant;
        // page offsets never index a table). Verilator accepts names matching *unused*.
        List<UInt> ignored = new ArrayList<>();
        ignored.add(io.mrs.tag);
        ignored.add(walk.pa.bits(PAGE_SHIFT - 1, 0));
        if (!p.bigEndianSupport()) {
            ignored.add(walk.be);
        }
        if (p.xlen() < MemResponsePort.DATA_WIDTH) {
            ignored.add(io.mrs.data.bits(MemResponsePort.DATA_WIDTH - 1, p.xlen()));
        }
        wireInit("inputs_unused", Hw.cat(ignored).xorR());
    }

    /** Runs {@code body} (the move to PMP) at once, or, with a shared PMP port, only when the query is granted. */
    private void granted(Runnable body) {
        if (sharedPmp) {
            when(io.pmpGrant, body);
        } else {
            body.run();
        }
    }

    /**
     * The decision of the implemented format(s): one decoder per format, each in an area named after it; with both
     * formats the lookup's format bit chooses between the two decisions as whole bundles ({@code dec_*}).
     */
    private Decision decide(WalkState w, Bool formatV09) {
        Decision d09 = p.formats().v09() ? area("v09", () -> {
            Decision d = wire("", s -> new Decision(s, p));
            new V09Decoder(p, w).decide(d);
            return d;
        }) : null;
        Decision d01 = p.formats().v01() ? area("v01", () -> {
            Decision d = wire("", s -> new Decision(s, p));
            new V01Decoder(p, w).decide(d);
            return d;
        }) : null;
        if (d09 == null || d01 == null) {
            return d09 != null ? d09 : d01;
        }
        Decision dec = wire("dec", s -> new Decision(s, p));
        dec.set(Hw.mux(formatV09, d09, d01));
        return dec;
    }

    private static String causeLegend() {
        StringBuilder sb = new StringBuilder();
        for (WalkCause c : WalkCause.values()) {
            sb.append(c.ordinal() == 0 ? "" : ", ").append(c.code()).append(' ').append(c.name());
        }
        return sb.toString();
    }

    private static UInt byteSwap(UInt v) {
        List<UInt> bytes = new ArrayList<>();
        for (int i = 0; i < v.width() / 8; i++) {
            bytes.add(v.bits(8 * i + 7, 8 * i)); // byte 0 first = most significant in the result
        }
        return Hw.cat(bytes);
    }
}
