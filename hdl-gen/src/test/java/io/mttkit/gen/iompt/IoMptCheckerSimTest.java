package io.mttkit.gen.iompt;

import static io.mttkit.gen.iompt.IoFrontBench.COMMAND;
import static io.mttkit.gen.iompt.IoFrontBench.CONTROL;
import static io.mttkit.gen.iompt.IoFrontBench.DATA1;
import static io.mttkit.gen.iompt.IoFrontBench.DATA2;
import static io.mttkit.gen.iompt.IoFrontBench.command;
import static io.mttkit.gen.iompt.IoFrontBench.rule;
import static io.mttkit.gen.iompt.IoFrontBench.sdcfg;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mttkit.gen.iompt.IoMptParams.Mbe;
import io.mttkit.gen.iompt.IoMptParams.StatusCodes;
import io.mttkit.hdl.Hdl;
import io.mttkit.hdl.sim.Simulator;
import io.mttkit.hdl.sim.Simulator.Port;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code mtt_io_checker} in the DSL's simulator: rules and SDCFGs programmed through the register port as software
 * does, MPTE reads served from hand-built Smmpt43 tables (MPTE bits written from Smmpt v0.9 ch. 4 figures "Smmpt43
 * non-leaf MPTE" and "non-NAPOT leaf MPTE"), PMP answered {@code pmpLatency} cycles after each query. Expected
 * verdicts come from ch. 6 §"Handling I/O MPT Checker violations", §"Control" and §"SET_SDCFG_ENTRY", and the
 * chapter-6 rows of {@code docs/spec-notes.md} (abort reasons, SDID never configured, SDID Bare).
 */
class IoMptCheckerSimTest {
    // rsp_abort_reason (port contract v3)
    static final int NONE = 0;
    static final int CHECKER_OFF = 1;
    static final int BARE_TEE = 2;
    static final int UNCLASSIFIED = 3;
    static final int SDID_NOT_CONFIGURED = 4;
    static final int MPT_DISALLOWED = 5;
    static final int MPT_ACCESS_PMP_PMA = 6;
    static final int MPT_DATA_CORRUPTED = 7;
    // rsp_cause (contract v1 walker causes)
    static final int CAUSE_PA_RANGE = 1;
    static final int CAUSE_WALK_PMP = 2;
    static final int CAUSE_BUS_ERROR = 3;
    static final int CAUSE_MPTE_INVALID = 4;
    static final int CAUSE_PERM_DENY = 9;
    // need {X, W, R}
    static final int R = 1;
    static final int W = 2;
    static final int X = 4;

    /** RV64, 16 rules, 8 SDIDs, 4 IOMMUs, paw 56, writable MBE. */
    static IoMptParams params(int pmpLatency) {
        return new IoMptParams(64, 16, 8, 4, 24, true, StatusCodes.TABLE, false, Mbe.WRITABLE, true, 56, 8,
                pmpLatency);
    }

    // ---- Smmpt43 MPTEs (ch. 4): V bit 0, L bit 1, N bit 2; non-leaf PPN in 53:10; leaf XWR[i] in 10+3i:8+3i ----

    static long nonLeaf(long ppn) {
        return 1L | (ppn << 10);
    }

    static long leaf(int... xwrPerPage) {
        long e = 0b011; // V=1, L=1, N=0
        for (int i = 0; i < xwrPerPage.length; i++) {
            e |= (long) xwrPerPage[i] << (8 + 3 * i);
        }
        return e;
    }

    /** The checker with a memory, a PMP and a DMA driver around it. */
    static final class Bench {
        final IoFrontBench regs;
        final Simulator sim;
        final Map<Long, Long> memory = new HashMap<>();
        final Set<Long> pmpDenied = new HashSet<>();
        final Set<Long> busError = new HashSet<>();
        final List<Long> reads = new ArrayList<>();
        final List<long[]> responses = new ArrayList<>();
        /** The cycle of each entry of {@link #responses}: the one whose clock edge took the verdict. */
        final List<Long> responseCycles = new ArrayList<>();
        /** The cycle of each accepted transaction's handshake. */
        final List<Long> acceptCycles = new ArrayList<>();
        /** Cached checker: the lookup pulses {cycle, obs_kind, obs_array, obs_set, obs_way}. */
        final List<long[]> lookups = new ArrayList<>();
        /** Cached checker: per applied invalidation, {cycle, leaf entries cleared, superpage, walk cache}. */
        final List<java.math.BigInteger[]> invalidations = new ArrayList<>();
        private final boolean cached;
        private final int pmpLatency;
        private final Deque<long[]> pmpQueries = new ArrayDeque<>(); // {address, due cycle}
        private Long pendingRead;
        private long cycle;
        private final Port pmpValid;
        private final Port pmpAddr;
        private final Port pmpOk;
        private final Port mrdValid;
        private final Port mrdAddr;
        private final Port mrdSize;
        private final Port mrsValid;
        private final Port mrsData;
        private final Port mrsErr;
        private final Port rspValid;
        private final Port rspReady;
        private final Port dmaValid;
        private final Port dmaReady;
        private static final String[] RSP_FIELDS = {"allow", "abort_reason", "matched", "rule", "sdid", "xwr", "cause",
            "id", "iommu_valid", "iommu_id", "report_to_iommu"};

        Bench(IoMptParams p) {
            this(p, null);
        }

        /** A bench around the checker with a cache of {@code shape} ({@code null}: cache-less). */
        Bench(IoMptParams p, io.mttkit.gen.cache.CacheShape shape) {
            this(p, shape, false);
        }

        /** The elaborated checker. */
        final io.mttkit.hdl.ir.Design design;

        /** With {@code record}, every edge's inputs are recorded ({@code regs.recorded}) to replay in Verilator. */
        Bench(IoMptParams p, io.mttkit.gen.cache.CacheShape shape, boolean record) {
            IoMptChecker top = new IoMptChecker(p, shape);
            cached = shape != null;
            design = Hdl.elaborate(top);
            sim = new Simulator(design);
            pmpLatency = p.pmpLatency();
            pmpValid = sim.port("pmp_valid");
            pmpAddr = sim.port("pmp_addr");
            pmpOk = sim.port("pmp_ok");
            mrdValid = sim.port("mrd_valid");
            mrdAddr = sim.port("mrd_addr");
            mrdSize = sim.port("mrd_size");
            mrsValid = sim.port("mrs_valid");
            mrsData = sim.port("mrs_data");
            mrsErr = sim.port("mrs_err");
            rspValid = sim.port("rsp_valid");
            rspReady = sim.port("rsp_ready");
            dmaValid = sim.port("dma_valid");
            dmaReady = sim.port("dma_ready");
            sim.poke(sim.port("mrd_ready"), 1);
            sim.poke(rspReady, 1);
            List<String> inputs = new ArrayList<>(List.of("rst"));
            design.topModule().ports().stream().filter(x -> x.kind() == io.mttkit.hdl.ir.Signal.Kind.INPUT)
                    .forEach(x -> inputs.add(x.name()));
            regs = new IoFrontBench(p, sim, false, record ? inputs : null);
            regs.beforeEdge = this::serve;
        }

        /** The memory, PMP and response side of one cycle, just before its clock edge. */
        private void serve() {
            // the read response of the read accepted last cycle
            if (pendingRead != null) {
                long a = pendingRead;
                sim.poke(mrsValid, 1);
                sim.poke(mrsErr, busError.contains(a) ? 1 : 0);
                sim.poke(mrsData, java.math.BigInteger.valueOf(memory.getOrDefault(a, 0L))
                        .and(java.math.BigInteger.ONE.shiftLeft(64).subtract(java.math.BigInteger.ONE)));
                pendingRead = null;
            } else {
                sim.poke(mrsValid, 0);
            }
            // pmp_ok exactly pmpLatency cycles after the query
            int ok = 1;
            if (!pmpQueries.isEmpty() && pmpQueries.peekFirst()[1] == cycle) {
                ok = pmpDenied.contains(pmpQueries.pollFirst()[0]) ? 0 : 1;
            }
            sim.poke(pmpOk, ok);
            if (sim.peek(pmpValid).intValue() == 1) {
                pmpQueries.addLast(new long[] {sim.peek(pmpAddr).longValue(), cycle + pmpLatency});
            }
            if (sim.peek(mrdValid).intValue() == 1) {
                assertEquals(8, sim.peek(mrdSize).intValue(), "Smmpt43 MPTEs are 8 bytes");
                pendingRead = sim.peek(mrdAddr).longValue();
                reads.add(pendingRead);
            }
            if (sim.peek(rspValid).intValue() == 1 && sim.peek(rspReady).intValue() == 1) {
                long[] r = new long[RSP_FIELDS.length];
                for (int i = 0; i < r.length; i++) {
                    r[i] = sim.peek(sim.port("rsp_" + RSP_FIELDS[i])).longValue();
                }
                responses.add(r);
                responseCycles.add(cycle);
            }
            if (cached && sim.peek(sim.port("obs_valid")).intValue() == 1) {
                lookups.add(new long[] {cycle, sim.peek(sim.port("obs_kind")).longValue(),
                    sim.peek(sim.port("obs_array")).longValue(), sim.peek(sim.port("obs_set")).longValue(),
                    sim.peek(sim.port("obs_way")).longValue()});
            }
            if (cached && sim.peek(sim.port("obs_inv_apply")).intValue() == 1) {
                invalidations.add(new java.math.BigInteger[] {java.math.BigInteger.valueOf(cycle),
                    sim.peek(sim.port("obs_inv_leaf")), sim.peek(sim.port("obs_inv_superpage")),
                    sim.peek(sim.port("obs_inv_walk"))});
            }
            cycle++;
        }

        /** Offers a transaction until it is accepted. */
        void offer(long device, boolean tee, boolean iommuOriginated, long pa, int need, int id) {
            sim.poke(sim.port("dma_device_id"), device);
            sim.poke(sim.port("dma_has_ide"), 0);
            sim.poke(sim.port("dma_ide_id"), 0);
            sim.poke(sim.port("dma_tee"), tee ? 1 : 0);
            sim.poke(sim.port("dma_iommu_originated"), iommuOriginated ? 1 : 0);
            sim.poke(sim.port("dma_pa"), pa);
            sim.poke(sim.port("dma_size"), 8);
            sim.poke(sim.port("dma_need"), need);
            sim.poke(sim.port("dma_id"), id);
            sim.poke(dmaValid, 1);
            for (int i = 0; i < 50; i++) {
                boolean accepted = sim.peek(dmaReady).intValue() == 1;
                if (accepted) {
                    acceptCycles.add(cycle);
                }
                regs.step();
                if (accepted) {
                    sim.poke(dmaValid, 0);
                    return;
                }
            }
            throw new AssertionError("dma_ready never rose");
        }

        /** The current cycle (the one the next {@code regs.step()} ends). */
        long cycle() {
            return cycle;
        }

        /** Drives {@code rsp_ready}. */
        void rspReady(boolean ready) {
            sim.poke(rspReady, ready ? 1 : 0);
        }

        /** Waits for the next verdict. */
        Verdict await() {
            int before = responses.size();
            for (int i = 0; i < 200 && responses.size() == before; i++) {
                regs.step();
            }
            assertEquals(before + 1, responses.size(), "one verdict");
            long[] r = responses.get(before);
            return new Verdict(r[0] == 1, (int) r[1], r[2] == 1, (int) r[3], (int) r[4], (int) r[5], (int) r[6],
                    (int) r[7], r[8] == 1, (int) r[9], r[10] == 1);
        }

        Verdict dma(long device, boolean tee, long pa, int need) {
            offer(device, tee, false, pa, need, 0x5A);
            Verdict v = await();
            assertEquals(0x5A, v.id, "rsp_id");
            return v;
        }

        void setRule(int ruleId, long device, int sdid, int iommu) {
            // SRC_IDT 1 (device ID), SRC_IDM 2 (Unary), TEE_FLT 0 (any)
            assertEquals(1, regs.run(command(2, ruleId), rule(1, 2, 0, device, iommu, sdid), 0), "SET_SDCL_ENTRY");
        }

        void setSdcfg(int sdid, int mode, int mbe, long ppn) {
            assertEquals(1, regs.run(command(4, sdid), sdcfg(mode, mbe, 0, ppn), 0), "SET_SDCFG_ENTRY");
        }
    }

    record Verdict(boolean allow, int reason, boolean matched, int rule, int sdid, int xwr, int cause, int id,
                   boolean iommuValid, int iommuId, boolean reportToIommu) {}

    /**
     * The tests that give the same verdicts with and without an MPT cache run on both: cache-less, and the cached
     * top at the shipped geometry (every one of their MPT checks is a first access, or a repeat whose answer a
     * cached copy must give too).
     */
    static java.util.stream.Stream<io.mttkit.gen.cache.CacheShape> caches() {
        return java.util.stream.Stream.of(null, new io.mttkit.gen.cache.CacheShape(16, 4, 8, 4, 1, true));
    }

    static final long PA = 0x8000_0000L; // Smmpt43: pn[2] = 0, pn[1] = 64, pn[0] = 0, range offset[15:12] = page
    static final int SMMPT43 = 1;

    /**
     * The platform: rules 0..6 map devices 0x10..0x70 to SDIDs 1..7 (device 0x10 with IOMMU 3); device 0x05 to
     * SDID 0. SDID 1: three-level table, leaf at level 0 with page 0 R, page 1 RW, page 2 none. SDID 2: a leaf at
     * the root (level 2, pages of 1 GiB) with RWX for PA[33:30] = 2. SDID 3: root entry PMP-denied. SDID 4: root
     * entry read fails. SDID 5: root table empty (V = 0). SDID 6: Bare. SDID 7: never configured. SDID 0: SDID 2's
     * leaf stored big-endian, MBE = 1. Every rule names an IOMMU (there are 4), so every classification by a
     * device's own access reports one.
     */
    static Bench platform(int pmpLatency) {
        return platform(pmpLatency, null);
    }

    /** The platform around the checker with a cache of {@code shape} ({@code null}: cache-less). */
    static Bench platform(int pmpLatency, io.mttkit.gen.cache.CacheShape shape) {
        Bench b = new Bench(params(pmpLatency), shape);
        b.setRule(0, 0x10, 1, 3);
        for (int sd = 2; sd <= 7; sd++) {
            b.setRule(sd - 1, 0x10L * sd, sd, 0);
        }
        b.setRule(7, 0x05, 0, 0);
        b.setSdcfg(1, SMMPT43, 0, 0x100);
        b.memory.put(0x100000L, nonLeaf(0x101));
        b.memory.put(0x101000L + 64 * 8, nonLeaf(0x102));
        b.memory.put(0x102000L, leaf(R, R | W, 0));
        b.setSdcfg(2, SMMPT43, 0, 0x200);
        b.memory.put(0x200000L, leaf(0, 0, R | W | X));
        b.setSdcfg(3, SMMPT43, 0, 0x300);
        b.pmpDenied.add(0x300000L);
        b.setSdcfg(4, SMMPT43, 0, 0x400);
        b.busError.add(0x400000L);
        b.setSdcfg(5, SMMPT43, 0, 0x500);
        b.setSdcfg(6, 0, 0, 0);
        b.setSdcfg(0, SMMPT43, 1, 0x600);
        b.memory.put(0x600000L, Long.reverseBytes(leaf(0, 0, R | W | X)));
        return b;
    }

    @ParameterizedTest
    @MethodSource("caches")
    void offAbortsEverythingWithoutReadingTheMpt(io.mttkit.gen.cache.CacheShape cache) {
        Bench b = platform(1, cache);
        for (boolean tee : new boolean[] {false, true}) {
            Verdict v = b.dma(0x10, tee, PA, R);
            assertEquals(new Verdict(false, CHECKER_OFF, false, 0, 0, 0, 0, 0x5A, false, 0, false), v);
        }
        assertEquals(List.of(), b.reads);
    }

    @ParameterizedTest
    @MethodSource("caches")
    void bareAllowsNonTeeAndAbortsTee(io.mttkit.gen.cache.CacheShape cache) {
        Bench b = platform(1, cache);
        assertEquals(1, b.regs.control(1));
        assertEquals(new Verdict(true, NONE, false, 0, 0, 0, 0, 0x5A, false, 0, false), b.dma(0x10, false, PA, W));
        assertEquals(new Verdict(true, NONE, false, 0, 0, 0, 0, 0x5A, false, 0, false), b.dma(0x99, false, PA, X),
                "Bare classifies nothing: an unknown device is allowed");
        assertEquals(new Verdict(false, BARE_TEE, false, 0, 0, 0, 0, 0x5A, false, 0, false), b.dma(0x10, true, PA, R));
        assertEquals(List.of(), b.reads);
    }

    @ParameterizedTest
    @MethodSource("caches")
    void onWalksTheSdidsTable(io.mttkit.gen.cache.CacheShape cache) {
        for (int latency : new int[] {1, 3}) {
            Bench b = platform(latency, cache);
            assertEquals(2, b.regs.control(2));
            // SDID 1, page 0: R only (level-0 leaf, XWR[0] = 001)
            assertEquals(new Verdict(true, NONE, true, 0, 1, R, 0, 0x5A, true, 3, false), b.dma(0x10, false, PA, R));
            assertEquals(List.of(0x100000L, 0x101200L, 0x102000L), b.reads, "root, level 1 index 64, level 0 index 0");
            assertEquals(new Verdict(false, MPT_DISALLOWED, true, 0, 1, R, CAUSE_PERM_DENY, 0x5A, true, 3, false),
                    b.dma(0x10, false, PA, W));
            // page 1: RW; the TEE bit does not matter to a TEE_FLT 0 rule
            assertTrue(b.dma(0x10, true, PA + 0x1FF8, R | W).allow);
            Verdict none = b.dma(0x10, false, PA + 0x2000, R);
            assertEquals(new Verdict(false, MPT_DISALLOWED, true, 0, 1, 0, CAUSE_PERM_DENY, 0x5A, true, 3, false),
                    none);
            // SDID 2: the same PA, one read, RWX from the root leaf
            b.reads.clear();
            assertEquals(new Verdict(true, NONE, true, 1, 2, 7, 0, 0x5A, true, 0, false), b.dma(0x20, false, PA, W));
            assertEquals(List.of(0x200000L), b.reads);
            // SDID 0: the same leaf stored big-endian, MBE = 1
            assertEquals(new Verdict(true, NONE, true, 7, 0, 7, 0, 0x5A, true, 0, false), b.dma(0x05, false, PA, X));
        }
    }

    @ParameterizedTest
    @MethodSource("caches")
    void mptReadFailuresHaveTheirOwnBullets(io.mttkit.gen.cache.CacheShape cache) {
        Bench b = platform(1, cache);
        b.regs.control(2);
        b.reads.clear();
        assertEquals(new Verdict(false, MPT_ACCESS_PMP_PMA, true, 2, 3, 0, CAUSE_WALK_PMP, 0x5A, true, 0, false),
                b.dma(0x30, false, PA, R), "bullet 4: PMP denies the MPTE read");
        assertEquals(List.of(), b.reads, "no read after a PMP denial");
        assertEquals(new Verdict(false, MPT_DATA_CORRUPTED, true, 3, 4, 0, CAUSE_BUS_ERROR, 0x5A, true, 0, false),
                b.dma(0x40, false, PA, R), "bullet 5: the read returns an error");
        assertEquals(new Verdict(false, MPT_DISALLOWED, true, 4, 5, 0, CAUSE_MPTE_INVALID, 0x5A, true, 0, false),
                b.dma(0x50, false, PA, R), "bullet 3: V = 0");
        b.reads.clear();
        assertEquals(new Verdict(false, MPT_DISALLOWED, true, 0, 1, 0, CAUSE_PA_RANGE, 0x5A, true, 3, false),
                b.dma(0x10, false, 1L << 43, R), "bullet 3: PA beyond Smmpt43's 43 bits");
        assertEquals(List.of(), b.reads);
    }

    @ParameterizedTest
    @MethodSource("caches")
    void classificationOutcomes(io.mttkit.gen.cache.CacheShape cache) {
        Bench b = platform(1, cache);
        b.regs.control(2);
        assertEquals(new Verdict(false, UNCLASSIFIED, false, 0, 0, 0, 0, 0x5A, false, 0, false),
                b.dma(0x99, false, PA, R));
        assertEquals(new Verdict(true, NONE, true, 5, 6, 0, 0, 0x5A, true, 0, false), b.dma(0x60, true, PA, X),
                "SDID MPT_MODE Bare: allowed, TEE or not");
        assertEquals(new Verdict(false, SDID_NOT_CONFIGURED, true, 6, 7, 0, 0, 0x5A, true, 0, false),
                b.dma(0x70, false, PA, R));
        assertEquals(List.of(), b.reads);
        // the IOMMU's own access: no IOMMU_ID reported; its abort is reported to the IOMMU
        b.offer(0x10, false, true, PA, W, 9);
        assertEquals(new Verdict(false, MPT_DISALLOWED, true, 0, 1, R, CAUSE_PERM_DENY, 9, false, 0, true), b.await());
        b.offer(0x10, false, true, PA, R, 10);
        assertEquals(new Verdict(true, NONE, true, 0, 1, R, 0, 10, false, 0, false), b.await());
    }

    @Test
    void registerWritesDuringAWalkDoNotChangeItsAnswer() {
        Bench b = platform(1);
        b.regs.control(2);
        // SDID 1 moved to the empty table at 0x500, and the checker turned Off, while a walk is in flight
        b.regs.write64(DATA1, sdcfg(SMMPT43, 0, 0, 0x500));
        b.regs.write64(DATA2, 0);
        b.offer(0x10, false, false, PA + 0x1000, W, 1);
        b.regs.write32(COMMAND, command(4, 1));
        b.regs.waitNotBusy();
        b.regs.write32(CONTROL, 0);
        b.regs.waitNotBusy();
        assertEquals(List.of(), b.responses, "the walk is still in flight");
        assertEquals(new Verdict(true, NONE, true, 0, 1, R | W, 0, 1, true, 3, false), b.await(), "old configuration");
        assertEquals(CHECKER_OFF, b.dma(0x10, false, PA + 0x1000, W).reason, "the new MODE applies to the next one");
        b.regs.control(2);
        Verdict v = b.dma(0x10, false, PA + 0x1000, W);
        assertEquals(CAUSE_MPTE_INVALID, v.cause, "the new root applies to the next one");
    }

    @Test
    void iofenceWaitsForTheVerdictInFlightWithoutACacheToo() {
        Bench b = platform(1);
        b.regs.control(2);
        b.rspReady(false);
        b.offer(0x10, false, false, PA, R, 3);
        b.regs.write32(COMMAND, command(1, 0));
        for (int i = 0; i < 20; i++) {
            assertTrue((b.regs.read32(IoFrontBench.STATUS) & IoFrontBench.BUSY) != 0, "BUSY while the verdict waits");
            assertEquals(0, b.sim.peek(b.sim.port("dma_ready")).intValue(), "no transaction taken meanwhile");
        }
        assertTrue(b.regs.statesSeen.contains(IoMptRegs.State.FENCE.ordinal()), "the register FSM waits in FENCE");
        b.rspReady(true);
        assertEquals(3, b.await().id());
        b.regs.waitNotBusy();
        assertEquals(1, b.regs.read32(IoFrontBench.STATUS) & 0xFF);
    }
}
