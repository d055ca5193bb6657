package io.mttkit.gen.spmp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mttkit.gen.walker.WalkerParams;
import io.mttkit.hdl.Hdl;
import io.mttkit.hdl.sim.Simulator;
import java.math.BigInteger;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code mtt_spmp_checker} in the DSL simulator: the order of the units and what each reports. "SPMP exceptions take
 * priority over PMP or PMA exceptions": an access both the SPMP and the PMP hook would deny is reported as the SPMP's
 * page fault and neither the PMP hook nor the MPT is asked; a PMP denial is an access fault and the MPT is not
 * walked; an MPT denial (an invalid MPTE: memory reads as zero) is an access fault with the MPT's contract cause.
 * M-mode is checked by neither the SPMP nor the MPT.
 */
class SpmpMptCheckerSimTest {
    // spmpcfg from the spec's figure
    static final int R = 1;
    static final int W = 2;
    static final int TOR = 1 << 3;
    static final int FETCH = 0;
    static final int LOAD = 1;
    static final int STORE = 2;
    /** req_mode: format bit 4 = smmpt-v0.9, MODE 1 = Smmpt43 on RV64; MODE 0 = Bare. */
    static final int SMMPT43 = 0x11;
    static final int MPT_BARE = 0x10;
    static final int U = 0;
    static final int S = 1;
    static final int M = 3;

    final class Top {
        final Simulator sim;
        int reads;
        int apmpAsks;
        boolean apmpOk = true;

        Top(int pipeline) {
            SpmpParams sp = new SpmpParams(64, 8, 0, true, pipeline, 56);
            WalkerParams wp = WalkerParams.defaults(64);
            sim = new Simulator(Hdl.elaborate(new SpmpMptChecker(sp, wp)));
            sim.poke(sim.port("rst"), 1);
            sim.step();
            sim.poke(sim.port("rst"), 0);
            sim.poke(sim.port("mrd_ready"), 1);
            sim.poke(sim.port("pmp_ok"), 1);
            sim.poke(sim.port("rsp_ready"), 1);
        }

        void csr(int sel, long siselect, long value) {
            sim.poke(sim.port("csr_valid"), 1);
            sim.poke(sim.port("csr_write"), 1);
            sim.poke(sim.port("csr_sel"), sel);
            sim.poke(sim.port("csr_siselect"), siselect);
            sim.poke(sim.port("csr_wdata"), value);
            sim.step();
            sim.poke(sim.port("csr_valid"), 0);
        }

        /** One access to the response; {unit, cause, allow, mpt_cause, spmp_matched, spmp_entry}. */
        long[] access(long pa, int type, int priv, int mode) {
            sim.poke(sim.port("req_pa"), BigInteger.valueOf(pa).and(BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE)));
            sim.poke(sim.port("req_size"), 8);
            sim.poke(sim.port("req_type"), type);
            sim.poke(sim.port("req_priv"), priv);
            sim.poke(sim.port("req_sum"), 0);
            sim.poke(sim.port("req_satp_bare"), 1);
            sim.poke(sim.port("req_mode"), mode);
            sim.poke(sim.port("req_root_ppn"), 0x100);
            sim.poke(sim.port("req_valid"), 1);
            boolean pendingRead = false;
            for (int cycle = 0; cycle < 200; cycle++) {
                if (sim.peek(sim.port("req_ready")).intValue() == 1) {
                    sim.step();
                    sim.poke(sim.port("req_valid"), 0);
                    continue;
                }
                sim.poke(sim.port("mrs_valid"), pendingRead ? 1 : 0);
                sim.poke(sim.port("mrs_data"), 0); // every MPTE reads as invalid
                pendingRead = false;
                if (sim.peek(sim.port("apmp_valid")).intValue() == 1) {
                    apmpAsks++;
                    sim.poke(sim.port("apmp_ok"), apmpOk ? 1 : 0);
                }
                if (sim.peek(sim.port("mrd_valid")).intValue() == 1) {
                    reads++;
                    pendingRead = true;
                }
                if (sim.peek(sim.port("rsp_valid")).intValue() == 1) {
                    long[] out = {sim.peek(sim.port("rsp_unit")).longValue(), sim.peek(sim.port("rsp_cause")).longValue(),
                        sim.peek(sim.port("rsp_allow")).longValue(), sim.peek(sim.port("rsp_mpt_cause")).longValue(),
                        sim.peek(sim.port("rsp_spmp_matched")).longValue(),
                        sim.peek(sim.port("rsp_spmp_entry")).longValue()};
                    sim.step();
                    return out;
                }
                sim.step();
            }
            throw new AssertionError("no response in 200 cycles");
        }
    }

    private Top top(int pipeline) {
        Top t = new Top(pipeline);
        t.csr(2, 0, 0xFF); // spmpen
        t.csr(0, 0x100, 0x1000 >> 2); // entry 0: TOR [0, 0x1000) read-only
        t.csr(1, 0x100, TOR | R);
        t.csr(0, 0x101, 0x2000 >> 2); // entry 1: TOR [0x1000, 0x2000) read/write
        t.csr(1, 0x101, TOR | R | W);
        return t;
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1})
    void spmpDenialComesFirstAndStopsThePipeline(int pipeline) {
        Top t = top(pipeline);
        t.apmpOk = false;
        long[] r = t.access(0x800, STORE, S, SMMPT43);
        assertEquals(1, r[0], "unit SPMP although PMP would deny too");
        assertEquals(15, r[1], "Store/AMO page fault");
        assertEquals(0, r[2]);
        assertEquals(1, r[4], "matched");
        assertEquals(0, r[5], "entry 0");
        assertEquals(0, t.apmpAsks, "the PMP hook is not asked");
        assertEquals(0, t.reads, "no MPT walk");
        r = t.access(0x9000, FETCH, U, SMMPT43);
        assertEquals(1, r[0]);
        assertEquals(12, r[1], "no match: instruction page fault");
        assertEquals(0, r[4]);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1})
    void pmpDenialIsAnAccessFaultBeforeTheMpt(int pipeline) {
        Top t = top(pipeline);
        t.apmpOk = false;
        long[] r = t.access(0x1800, STORE, S, SMMPT43);
        assertEquals(2, r[0], "unit PMP");
        assertEquals(7, r[1], "Store/AMO access fault");
        assertEquals(1, t.apmpAsks);
        assertEquals(0, t.reads, "no MPT walk");
        assertEquals(1, r[5], "the SPMP's deciding entry is still reported");
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1})
    void mptDenialIsAnAccessFaultWithItsCause(int pipeline) {
        Top t = top(pipeline);
        long[] r = t.access(0x1800, LOAD, S, SMMPT43);
        assertEquals(3, r[0], "unit MPT");
        assertEquals(5, r[1], "Load access fault");
        assertEquals(4, r[3], "MPTE_INVALID: V = 0");
        assertTrue(t.reads >= 1);
        r = t.access(0x1800, LOAD, S, MPT_BARE);
        assertEquals(0, r[0], "MPT Bare: allowed");
        assertEquals(1, r[2]);
        assertEquals(0, r[1]);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1})
    void machineModeIsCheckedByNeitherSpmpNorMpt(int pipeline) {
        Top t = top(pipeline);
        long[] r = t.access(0x9000, STORE, M, SMMPT43);
        assertEquals(0, r[0]);
        assertEquals(1, r[2]);
        assertEquals(0, t.reads, "bypass");
        assertEquals(1, t.apmpAsks, "PMP still applies to M-mode (its locked entries)");
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1})
    void paAbovePawIsInNoSpmpEntry(int pipeline) {
        Top t = top(pipeline);
        t.csr(0, 0x102, -1L); // entry 2: NAPOT over all of 2^56
        t.csr(1, 0x102, (3 << 3) | R | W);
        long[] r = t.access(1L << 56, LOAD, S, MPT_BARE);
        assertEquals(1, r[0], "unit SPMP");
        assertEquals(13, r[1]);
        r = t.access((1L << 56) - 8, LOAD, S, MPT_BARE);
        assertEquals(0, r[0]);
    }
}
