package io.mttkit.tb.spmpcosim;

import io.mttkit.bridge.BuildDriver;
import io.mttkit.bridge.BuildSpec;
import io.mttkit.bridge.Dut;
import io.mttkit.bridge.LoadedLibrary;
import io.mttkit.bridge.PortInfo;
import io.mttkit.bridge.Variant;
import io.mttkit.gen.spmp.SpmpCheckRequestPort;
import io.mttkit.gen.spmp.SpmpChecker;
import io.mttkit.gen.spmp.SpmpCsrPort;
import io.mttkit.gen.spmp.SpmpParams;
import io.mttkit.hdl.Hdl;
import io.mttkit.hdl.emit.EmitOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The generated {@code mtt_spmp} as a Verilator model driven cycle by cycle through the bridge's generic
 * {@link Dut} layer (one native call per port access: slow, but the SPMP's ports are few and a check is
 * combinational, so a run of 50 000 accesses takes seconds). Port ids are looked up once.
 *
 * <p>Protocol, as {@link SpmpCsrPort} and {@link SpmpCheckRequestPort} describe it: a CSR read is
 * combinational in the cycle of {@code csr_valid}; a write takes effect at the next clock edge; a check with
 * {@code pipeline} 0 answers in its own cycle (no clock needed), with {@code pipeline} 1 one edge later.
 */
final class SpmpRtl implements AutoCloseable, SpmpCosim.CsrTarget {
    /** The answer of one check, as the response port gives it. */
    record Answer(boolean valid, boolean allow, boolean matched, int entry, int cause, boolean held) {
    }

    private final SpmpParams params;
    private final Dut dut;
    private final int rst;
    private final int csrValid, csrWrite, csrMmode, csrSel, csrSiselect, csrWdata, csrRdata;
    private final int chkValid, chkReady, chkPa, chkSize, chkType, chkPrivS, chkSum, chkMxr, chkBare;
    private final int rspReady, rspValid, rspAllow, rspMatched, rspEntry, rspCause;
    private final long xlenMask;

    private SpmpRtl(SpmpParams params, Dut dut) {
        this.params = params;
        this.dut = dut;
        rst = dut.id("rst");
        csrValid = dut.id("csr_valid");
        csrWrite = dut.id("csr_write");
        csrMmode = dut.id("csr_mmode");
        csrSel = dut.id("csr_sel");
        csrSiselect = dut.id("csr_siselect");
        csrWdata = dut.id("csr_wdata");
        csrRdata = dut.id("csr_rdata");
        chkValid = dut.id("chk_valid");
        chkReady = dut.id("chk_ready");
        chkPa = dut.id("chk_pa");
        chkSize = dut.id("chk_size");
        chkType = dut.id("chk_type");
        chkPrivS = dut.id("chk_priv_s");
        chkSum = dut.id("chk_sum");
        chkMxr = dut.id("chk_mxr");
        chkBare = dut.id("chk_bare");
        rspReady = dut.id("rsp_ready");
        rspValid = dut.id("rsp_valid");
        rspAllow = dut.id("rsp_allow");
        rspMatched = dut.id("rsp_matched");
        rspEntry = dut.id("rsp_entry");
        rspCause = dut.id("rsp_cause");
        xlenMask = params.xlen() == 64 ? -1L : 0xFFFF_FFFFL;
    }

    /**
     * Generates {@code mtt_spmp} for {@code params}, builds it through the build cache (a rebuild only when the
     * Verilog changed) and opens it, reset.
     */
    static SpmpRtl open(BuildDriver driver, SpmpParams params) {
        Path dir = null;
        LoadedLibrary lib;
        try {
            dir = Files.createTempDirectory("mttkit-spmpcosim");
            List<Path> files = Hdl.write(Hdl.elaborate(new SpmpChecker(params)), EmitOptions.plain(), dir);
            lib = driver.load(BuildSpec.generic(files, SpmpChecker.MODULE_NAME, Variant.FAST));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            deleteQuietly(dir); // the build cache keeps what it needs
        }
        SpmpRtl rtl = new SpmpRtl(params, lib.openDut());
        rtl.reset();
        return rtl;
    }

    SpmpParams params() {
        return params;
    }

    /** Two cycles of reset with every request idle: every register back to 0. */
    @Override
    public void reset() {
        dut.poke(csrValid, 0);
        dut.poke(chkValid, 0);
        dut.poke(rspReady, 1);
        dut.poke(rst, 1);
        dut.step(2);
        dut.poke(rst, 0);
    }

    /** Reads a register through the CSR port (combinational, no clock). */
    @Override
    public long csrRead(int sel, long siselect, boolean mmode) {
        dut.poke(csrValid, 1);
        dut.poke(csrWrite, 0);
        dut.poke(csrMmode, mmode ? 1 : 0);
        dut.poke(csrSel, sel);
        dut.poke(csrSiselect, siselect & xlenMask);
        dut.eval();
        long v = dut.peek(csrRdata);
        dut.poke(csrValid, 0);
        return v;
    }

    /** Writes a register through the CSR port: one clock edge. */
    @Override
    public void csrWrite(int sel, long siselect, long value, boolean mmode) {
        dut.poke(csrValid, 1);
        dut.poke(csrWrite, 1);
        dut.poke(csrMmode, mmode ? 1 : 0);
        dut.poke(csrSel, sel);
        dut.poke(csrSiselect, siselect & xlenMask);
        dut.poke(csrWdata, value & xlenMask);
        dut.step(1);
        dut.poke(csrValid, 0);
        dut.poke(csrWrite, 0);
    }

    /**
     * Checks one access; {@code type} is a {@link SpmpCheckRequestPort} type code. With {@code pipeline} 1 and
     * {@code stall} &gt; 0 the response is held back ({@code rsp_ready} 0) for that many cycles: it must stay the
     * same, with {@code chk_ready} 0, or the answer says it was not {@code held}.
     */
    Answer check(long pa, int size, int type, boolean privS, boolean sum, boolean mxr, boolean bare, int stall) {
        dut.poke(chkValid, 1);
        dut.poke(chkPa, pa);
        dut.poke(chkSize, size);
        dut.poke(chkType, type);
        dut.poke(chkPrivS, privS ? 1 : 0);
        dut.poke(chkSum, sum ? 1 : 0);
        dut.poke(chkMxr, mxr ? 1 : 0);
        dut.poke(chkBare, bare ? 1 : 0);
        if (params.pipeline() == 0) {
            dut.eval();
        } else {
            dut.step(1);
            dut.poke(chkValid, 0);
            dut.eval();
        }
        Answer a = response(true);
        if (params.pipeline() == 1 && stall > 0) {
            dut.poke(rspReady, 0);
            boolean held = true;
            for (int k = 0; k < stall; k++) {
                dut.step(1);
                dut.eval();
                held &= response(true).equals(a) && dut.peek(chkReady) == 0;
            }
            dut.poke(rspReady, 1);
            dut.eval();
            a = response(held);
        }
        dut.poke(chkValid, 0);
        return a;
    }

    private Answer response(boolean held) {
        return new Answer(dut.peek(rspValid) != 0, dut.peek(rspAllow) != 0, dut.peek(rspMatched) != 0,
                (int) dut.peek(rspEntry), (int) dut.peek(rspCause), held);
    }

    /** The port names of the model (reports). */
    List<String> portNames() {
        return dut.ports().stream().map(PortInfo::name).toList();
    }

    @Override
    public void close() {
        dut.close();
    }

    /** Removes a temporary folder and what is in it; best effort. Shared with {@link SpmpMptRtl}. */
    static void deleteQuietly(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> all = Files.walk(dir)) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a leftover temporary directory is harmless
        }
    }
}
