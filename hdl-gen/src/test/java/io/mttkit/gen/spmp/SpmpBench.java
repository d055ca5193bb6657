package io.mttkit.gen.spmp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.mttkit.hdl.Hdl;
import io.mttkit.hdl.sim.Simulator;
import io.mttkit.hdl.sim.Simulator.Port;
import java.math.BigInteger;

/**
 * Drives {@code mtt_spmp} in the DSL's simulator as a hart would: CSR accesses through {@code siselect}/{@code sireg}/
 * {@code sireg2}/{@code spmpen}, and one access check at a time. The {@code spmpcfg} layout is written here from the
 * spec's figure ("SPMP configuration register format"), independently of the generator's constants.
 */
final class SpmpBench {
    // spmpcfg fields, from the figure: R 0, W 1, X 2, A 4:3, L 7, U 8, SHARED 9
    static final int R = 1;
    static final int W = 2;
    static final int X = 4;
    static final int OFF = 0;
    static final int TOR = 1 << 3;
    static final int NA4 = 2 << 3;
    static final int NAPOT = 3 << 3;
    static final int L = 1 << 7;
    static final int U = 1 << 8;
    static final int SHARED = 1 << 9;
    // access types of chk_type
    static final int FETCH = 0;
    static final int LOAD = 1;
    static final int STORE = 2;
    static final int AMO = 3;
    // csr_sel
    static final int SIREG = 0;
    static final int SIREG2 = 1;
    static final int SPMPEN = 2;
    static final int SPMPENH = 3;

    /** One answer: {@code rsp_allow}, {@code rsp_matched}, {@code rsp_entry}, {@code rsp_cause}. */
    record Answer(boolean allow, boolean matched, int entry, int cause) {}

    final SpmpParams p;
    final Simulator sim;
    private final Port csrValid;
    private final Port csrWrite;
    private final Port csrMmode;
    private final Port csrSel;
    private final Port csrSiselect;
    private final Port csrWdata;
    private final Port csrRdata;
    private final Port chkValid;
    private final Port chkReady;
    private final Port chkPa;
    private final Port chkSize;
    private final Port chkType;
    private final Port chkPrivS;
    private final Port chkSum;
    private final Port chkBare;
    private final Port rspValid;
    private final Port rspReady;
    private final Port rspAllow;
    private final Port chkMxr;
    private final Port rspMatched;
    private final Port rspEntry;
    private final Port rspCause;

    SpmpBench(SpmpParams p) {
        this.p = p;
        sim = new Simulator(Hdl.elaborate(new SpmpChecker(p)));
        csrValid = sim.port("csr_valid");
        csrWrite = sim.port("csr_write");
        csrMmode = sim.port("csr_mmode");
        csrSel = sim.port("csr_sel");
        csrSiselect = sim.port("csr_siselect");
        csrWdata = sim.port("csr_wdata");
        csrRdata = sim.port("csr_rdata");
        chkValid = sim.port("chk_valid");
        chkReady = sim.port("chk_ready");
        chkPa = sim.port("chk_pa");
        chkSize = sim.port("chk_size");
        chkType = sim.port("chk_type");
        chkPrivS = sim.port("chk_priv_s");
        chkSum = sim.port("chk_sum");
        chkBare = sim.port("chk_bare");
        chkMxr = sim.port("chk_mxr");
        rspValid = sim.port("rsp_valid");
        rspReady = sim.port("rsp_ready");
        rspAllow = sim.port("rsp_allow");
        rspMatched = sim.port("rsp_matched");
        rspEntry = sim.port("rsp_entry");
        rspCause = sim.port("rsp_cause");
        Port rst = sim.port("rst");
        sim.poke(rst, 1);
        sim.step();
        sim.poke(rst, 0);
    }

    static SpmpBench rv64(int entries, int pipeline) {
        return new SpmpBench(new SpmpParams(64, entries, 0, true, pipeline, 56));
    }

    /** One CSR write, taking effect at the clock edge. */
    void write(int sel, long siselect, long value, boolean mmode) {
        sim.poke(csrValid, 1);
        sim.poke(csrWrite, 1);
        sim.poke(csrMmode, mmode ? 1 : 0);
        sim.poke(csrSel, sel);
        sim.poke(csrSiselect, BigInteger.valueOf(siselect).and(mask(p.xlen())));
        sim.poke(csrWdata, BigInteger.valueOf(value).and(mask(p.xlen())));
        sim.step();
        sim.poke(csrValid, 0);
        sim.poke(csrWrite, 0);
        sim.poke(csrMmode, 0);
    }

    /** One CSR read, answered in its cycle. */
    long read(int sel, long siselect) {
        sim.poke(csrValid, 1);
        sim.poke(csrWrite, 0);
        sim.poke(csrSel, sel);
        sim.poke(csrSiselect, BigInteger.valueOf(siselect).and(mask(p.xlen())));
        long v = sim.peek(csrRdata).longValue();
        sim.poke(csrValid, 0);
        return v;
    }

    /** S-mode writes {@code spmpaddr[i] = addr} ({@code sireg}) then {@code spmpcfg[i] = cfg} ({@code sireg2}). */
    void entry(int i, long addr, int cfg) {
        write(SIREG, 0x100 + i, addr, false);
        write(SIREG2, 0x100 + i, cfg, false);
    }

    long addr(int i) {
        return read(SIREG, 0x100 + i);
    }

    long cfg(int i) {
        return read(SIREG2, 0x100 + i);
    }

    /** Sets {@code spmpen} (RV64, or RV32's low half) as S-mode does. */
    void spmpen(long bits) {
        write(SPMPEN, 0, bits, false);
    }

    /** One check through the valid/ready handshake, the answer of its response cycle. */
    Answer check(long pa, int size, int type, boolean privS, boolean sum, boolean bare) {
        return check(pa, size, type, privS, sum, false, bare);
    }

    /** One check with {@code sstatus.MXR} given. */
    Answer check(long pa, int size, int type, boolean privS, boolean sum, boolean mxr, boolean bare) {
        sim.poke(chkMxr, mxr ? 1 : 0);
        sim.poke(chkPa, BigInteger.valueOf(pa).and(mask(p.paw())));
        sim.poke(chkSize, size);
        sim.poke(chkType, type);
        sim.poke(chkPrivS, privS ? 1 : 0);
        sim.poke(chkSum, sum ? 1 : 0);
        sim.poke(chkBare, bare ? 1 : 0);
        sim.poke(chkValid, 1);
        sim.poke(rspReady, 1);
        assertEquals(1, sim.peek(chkReady).intValue(), "chk_ready with rsp_ready high");
        if (p.pipeline() == 1) {
            sim.step();
            sim.poke(chkValid, 0);
        }
        assertEquals(1, sim.peek(rspValid).intValue(), "rsp_valid " + p.pipeline() + " cycle(s) after the request");
        Answer a = new Answer(sim.peek(rspAllow).intValue() == 1, sim.peek(rspMatched).intValue() == 1,
                sim.peek(rspEntry).intValue(), sim.peek(rspCause).intValue());
        if (p.pipeline() == 0) {
            sim.poke(chkValid, 0);
        }
        sim.step(); // the response is taken
        return a;
    }

    /** A check in bare mode (SPMP active) by S-mode with SUM 0. */
    Answer s(long pa, int size, int type) {
        return check(pa, size, type, true, false, true);
    }

    /** A check in bare mode (SPMP active) by U-mode. */
    Answer u(long pa, int size, int type) {
        return check(pa, size, type, false, false, true);
    }

    boolean sAllows(long pa, int size, int type) {
        return s(pa, size, type).allow();
    }

    static BigInteger mask(int width) {
        return BigInteger.ONE.shiftLeft(width).subtract(BigInteger.ONE);
    }
}
