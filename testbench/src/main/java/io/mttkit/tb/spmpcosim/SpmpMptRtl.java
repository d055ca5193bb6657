package io.mttkit.tb.spmpcosim;

import io.mttkit.bridge.BuildDriver;
import io.mttkit.bridge.BuildSpec;
import io.mttkit.bridge.Dut;
import io.mttkit.bridge.LoadedLibrary;
import io.mttkit.bridge.PmpRegion;
import io.mttkit.bridge.Variant;
import io.mttkit.gen.spmp.SpmpMptChecker;
import io.mttkit.gen.spmp.SpmpParams;
import io.mttkit.gen.walker.WalkerParams;
import io.mttkit.golden.MpteReader;
import io.mttkit.hdl.Hdl;
import io.mttkit.hdl.emit.EmitOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

/**
 * The generated {@code mtt_spmp_checker} as a Verilator model driven cycle by cycle through the bridge's generic
 * {@link Dut} layer, as a hart would drive it: the CSR port, one access at a time on {@code req_*}, the access's
 * PMP/PMA hook ({@code apmp_*}, answered in its own cycle by a given oracle), the MPT walk's PMP queries
 * ({@code pmp_*}, answered {@code pmpLatency} cycles later from a region list) and memory reads ({@code mrd_*} /
 * {@code mrs_*}, answered in order after a drawn latency from a golden memory image, the {@code n}-th read of the
 * access failing when asked). Everything the top did for the access is recorded with its cycle, for the
 * comparison ({@link SpmpMptCosim}); protocol breaches ({@code req_ready} during an access, a response changing
 * under backpressure, a read before its PMP query was answered) are recorded as such.
 */
public final class SpmpMptRtl implements AutoCloseable, SpmpCosim.CsrTarget {
    /** Cycles an access may take before it counts as hung. */
    public static final int TIMEOUT = 400;

    /** One access as {@code req_*} carries it. */
    public record Request(int id, long pa, int size, int type, int priv, boolean sum, boolean mxr, boolean satpBare,
                   int sdid, int mode, long rootPpn, boolean be) {
    }

    /** The world of one access: how the hooks and the memory answer. */
    public record World(MpteReader memory, int failAtRead, List<PmpRegion> mptePmp, boolean mptePmpDefault,
                 AccessPmp accessPmp, int memLatencyMin, int memLatencyMax, int mrdStallPercent,
                 int rspStallPercent) {
    }

    /** The access's PMP/PMA hook: its answer for what {@code apmp_*} presents. */
    public interface AccessPmp {
        boolean ok(long addr, int size, int type, int priv);
    }

    /** What the top did for one access. */
    public static final class Observed {
        long acceptCycle = -1;
        long rspCycle = -1;
        boolean responded;
        int id;
        boolean allow;
        int unit;
        int cause;
        boolean spmpMatched;
        int spmpEntry;
        int mptCause;
        /** {cycle, addr, size, type, priv} of each {@code apmp_valid} cycle. */
        final List<long[]> apmp = new ArrayList<>();
        /** {cycle, addr, size, ok} of each {@code pmp_valid} pulse. */
        final List<long[]> pmpQueries = new ArrayList<>();
        /** {cycle, addr, size, err} of each read taken. */
        final List<long[]> reads = new ArrayList<>();
        /** The cycle of the MPT's last event: a read's response or a denied PMP query's answer (-1: none). */
        long lastMptEvent = -1;
        /** The last event was a denied PMP query's answer (not a read's data). */
        boolean lastMptEventPmp;
        final List<String> protocol = new ArrayList<>();

        /** A response was taken (else the access hung for {@value SpmpMptRtl#TIMEOUT} cycles). */
        public boolean responded() {
            return responded;
        }

        /** {@code rsp_allow}. */
        public boolean allow() {
            return allow;
        }

        /** {@code rsp_unit}: 0 none, 1 SPMP, 2 PMP, 3 MPT. */
        public int unit() {
            return unit;
        }

        /** {@code rsp_cause}. */
        public int cause() {
            return cause;
        }

        /** {@code rsp_spmp_matched}. */
        public boolean spmpMatched() {
            return spmpMatched;
        }

        /** {@code rsp_spmp_entry}. */
        public int spmpEntry() {
            return spmpEntry;
        }

        /** {@code rsp_mpt_cause}. */
        public int mptCause() {
            return mptCause;
        }

        /** {cycle, addr, size, type, priv} of each {@code apmp_valid} cycle. */
        public List<long[]> apmp() {
            return apmp;
        }

        /** {cycle, addr, size, ok} of each MPTE PMP query. */
        public List<long[]> pmpQueries() {
            return pmpQueries;
        }

        /** {cycle, addr, size, err} of each MPTE read taken. */
        public List<long[]> reads() {
            return reads;
        }

        /** Handshake breaches seen during the access. */
        public List<String> protocol() {
            return protocol;
        }
    }

    private final SpmpParams sp;
    private final WalkerParams wp;
    private final Dut dut;
    private final long xlenMask;
    private final int rst;
    private final int csrValid, csrWrite, csrMmode, csrSel, csrSiselect, csrWdata, csrRdata;
    private final int reqValid, reqReady, reqId, reqPa, reqSize, reqType, reqPriv, reqSum, reqMxr, reqBare, reqSdid,
            reqMode, reqRoot, reqBe;
    private final int apmpValid, apmpAddr, apmpSize, apmpType, apmpPriv, apmpOk;
    private final int mrdValid, mrdReady, mrdAddr, mrdSize, mrdTag, mrsValid, mrsData, mrsErr, mrsTag;
    private final int pmpValid, pmpAddr, pmpSize, pmpOk;
    private final int invValid, syncReq;
    private final int rspValid, rspReady, rspId, rspAllow, rspUnit, rspCause, rspSpmpMatched, rspSpmpEntry, rspMptCause;
    private long cycle;
    private final int[] widths;
    private final long[] last;
    private final boolean[] poked;

    private SpmpMptRtl(SpmpParams sp, WalkerParams wp, Dut dut) {
        this.sp = sp;
        this.wp = wp;
        this.dut = dut;
        int ports = dut.ports().size();
        widths = new int[ports];
        for (int i = 0; i < ports; i++) {
            widths[i] = dut.ports().get(i).width();
        }
        last = new long[ports];
        poked = new boolean[ports];
        xlenMask = sp.xlen() == 64 ? -1L : 0xFFFF_FFFFL;
        rst = dut.id("rst");
        csrValid = dut.id("csr_valid");
        csrWrite = dut.id("csr_write");
        csrMmode = dut.id("csr_mmode");
        csrSel = dut.id("csr_sel");
        csrSiselect = dut.id("csr_siselect");
        csrWdata = dut.id("csr_wdata");
        csrRdata = dut.id("csr_rdata");
        reqValid = dut.id("req_valid");
        reqReady = dut.id("req_ready");
        reqId = dut.id("req_id");
        reqPa = dut.id("req_pa");
        reqSize = dut.id("req_size");
        reqType = dut.id("req_type");
        reqPriv = dut.id("req_priv");
        reqSum = dut.id("req_sum");
        reqMxr = dut.id("req_mxr");
        reqBare = dut.id("req_satp_bare");
        reqSdid = dut.id("req_sdid");
        reqMode = dut.id("req_mode");
        reqRoot = dut.id("req_root_ppn");
        reqBe = dut.id("req_be");
        apmpValid = dut.id("apmp_valid");
        apmpAddr = dut.id("apmp_addr");
        apmpSize = dut.id("apmp_size");
        apmpType = dut.id("apmp_type");
        apmpPriv = dut.id("apmp_priv");
        apmpOk = dut.id("apmp_ok");
        mrdValid = dut.id("mrd_valid");
        mrdReady = dut.id("mrd_ready");
        mrdAddr = dut.id("mrd_addr");
        mrdSize = dut.id("mrd_size");
        mrdTag = dut.id("mrd_tag");
        mrsValid = dut.id("mrs_valid");
        mrsData = dut.id("mrs_data");
        mrsErr = dut.id("mrs_err");
        mrsTag = dut.id("mrs_tag");
        pmpValid = dut.id("pmp_valid");
        pmpAddr = dut.id("pmp_addr");
        pmpSize = dut.id("pmp_size");
        pmpOk = dut.id("pmp_ok");
        invValid = dut.id("inv_valid");
        syncReq = dut.id("sync_req");
        rspValid = dut.id("rsp_valid");
        rspReady = dut.id("rsp_ready");
        rspId = dut.id("rsp_id");
        rspAllow = dut.id("rsp_allow");
        rspUnit = dut.id("rsp_unit");
        rspCause = dut.id("rsp_cause");
        rspSpmpMatched = dut.id("rsp_spmp_matched");
        rspSpmpEntry = dut.id("rsp_spmp_entry");
        rspMptCause = dut.id("rsp_mpt_cause");
    }

    /** Generates {@code mtt_spmp_checker}, builds it through the build cache and opens it, reset. */
    public static SpmpMptRtl open(BuildDriver driver, SpmpParams sp, WalkerParams wp) {
        Path dir = null;
        LoadedLibrary lib;
        try {
            dir = Files.createTempDirectory("mttkit-spmpmpt");
            List<Path> files = Hdl.write(Hdl.elaborate(new SpmpMptChecker(sp, wp)), EmitOptions.plain(), dir);
            lib = driver.load(BuildSpec.generic(files, SpmpMptChecker.MODULE_NAME, Variant.FAST));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            SpmpRtl.deleteQuietly(dir);
        }
        return open(lib, sp, wp);
    }

    /** Opens an already built {@code mtt_spmp_checker} (a mutant's, say) for these parameters, reset. */
    public static SpmpMptRtl open(LoadedLibrary lib, SpmpParams sp, WalkerParams wp) {
        SpmpMptRtl rtl = new SpmpMptRtl(sp, wp, lib.openDut());
        rtl.reset();
        return rtl;
    }

    public long cycle() {
        return cycle;
    }

    /** Two cycles of reset with every input idle. */
    @Override
    public void reset() {
        for (int id : new int[] {csrValid, reqValid, apmpOk, mrsValid, pmpOk, invValid, syncReq}) {
            poke(id, 0);
        }
        poke(mrdReady, 1);
        poke(rspReady, 1);
        poke(rst, 1);
        dut.step(2);
        cycle += 2;
        poke(rst, 0);
    }

    @Override
    public long csrRead(int sel, long siselect, boolean mmode) {
        poke(csrValid, 1);
        poke(csrWrite, 0);
        poke(csrMmode, mmode ? 1 : 0);
        poke(csrSel, sel);
        poke(csrSiselect, siselect & xlenMask);
        dut.eval();
        long v = dut.peek(csrRdata);
        poke(csrValid, 0);
        return v;
    }

    @Override
    public void csrWrite(int sel, long siselect, long value, boolean mmode) {
        poke(csrValid, 1);
        poke(csrWrite, 1);
        poke(csrMmode, mmode ? 1 : 0);
        poke(csrSel, sel);
        poke(csrSiselect, siselect & xlenMask);
        poke(csrWdata, value & xlenMask);
        dut.step(1);
        cycle++;
        poke(csrValid, 0);
        poke(csrWrite, 0);
    }

    /**
     * Runs one access from its request to its response handshake (or {@value #TIMEOUT} cycles), the hooks and the
     * memory answering from {@code w}; stalls ({@code mrd_ready}, {@code rsp_ready} low) drawn from {@code rnd}.
     */
    public Observed access(Request q, World w, Random rnd) {
        Observed o = new Observed();
        long start = cycle;
        poke(reqValid, 1);
        poke(reqId, q.id());
        poke(reqPa, q.pa());
        poke(reqSize, q.size());
        poke(reqType, q.type());
        poke(reqPriv, q.priv());
        poke(reqSum, q.sum() ? 1 : 0);
        poke(reqMxr, q.mxr() ? 1 : 0);
        poke(reqBare, q.satpBare() ? 1 : 0);
        poke(reqSdid, q.sdid());
        poke(reqMode, q.mode());
        poke(reqRoot, q.rootPpn());
        poke(reqBe, q.be() ? 1 : 0);
        ArrayDeque<long[]> due = new ArrayDeque<>();        // {due cycle, addr, size, tag, err}
        ArrayDeque<long[]> pmpDue = new ArrayDeque<>();     // {due cycle, ok}
        long lastDue = cycle;
        long[] held = null;                                 // the response seen under backpressure
        int readIndex = 0;
        while (cycle - start < TIMEOUT) {
            boolean accepted = o.acceptCycle >= 0;
            poke(reqValid, accepted ? 0 : 1);
            boolean mrdRdy = rnd.nextInt(100) >= w.mrdStallPercent();
            boolean rspRdy = rnd.nextInt(100) >= w.rspStallPercent();
            poke(mrdReady, mrdRdy ? 1 : 0);
            poke(rspReady, rspRdy ? 1 : 0);
            poke(mrsValid, 0);
            poke(pmpOk, 0);
            poke(apmpOk, 0);
            if (!due.isEmpty() && due.peek()[0] <= cycle) {
                long[] r = due.poll();
                boolean err = r[4] != 0;
                poke(mrsValid, 1);
                poke(mrsData, err ? 0 : w.memory().read(r[1], (int) r[2], false));
                poke(mrsErr, err ? 1 : 0);
                poke(mrsTag, r[3]);
                o.lastMptEvent = cycle;
                o.lastMptEventPmp = false;
            }
            if (!pmpDue.isEmpty() && pmpDue.peek()[0] == cycle) {
                long[] a = pmpDue.poll();
                poke(pmpOk, a[1]);
                if (a[1] == 0) {
                    o.lastMptEvent = cycle;
                    o.lastMptEventPmp = true;
                }
            }
            dut.eval();
            if (dut.peek(apmpValid) != 0) {
                long[] a = {cycle, dut.peek(apmpAddr), dut.peek(apmpSize), dut.peek(apmpType), dut.peek(apmpPriv)};
                o.apmp.add(a);
                boolean ok = w.accessPmp().ok(a[1], (int) a[2], (int) a[3], (int) a[4]);
                poke(apmpOk, ok ? 1 : 0);
                dut.eval();
            }
            boolean readyNow = dut.peek(reqReady) != 0;
            if (accepted && readyNow && !o.responded) {
                o.protocol.add("req_ready 1 at cycle +" + (cycle - o.acceptCycle) + " while the access is in flight");
            }
            if (dut.peek(pmpValid) != 0) {
                long addr = dut.peek(pmpAddr);
                int size = (int) dut.peek(pmpSize);
                boolean ok = PmpRegion.allows(w.mptePmp(), w.mptePmpDefault(), addr, size);
                o.pmpQueries.add(new long[] {cycle, addr, size, ok ? 1 : 0});
                pmpDue.add(new long[] {cycle + wp.pmpLatency(), ok ? 1 : 0});
            }
            if (dut.peek(mrdValid) != 0 && mrdRdy) {
                long addr = dut.peek(mrdAddr);
                int size = (int) dut.peek(mrdSize);
                boolean err = readIndex++ == w.failAtRead() || !w.memory().canRead(addr, size);
                o.reads.add(new long[] {cycle, addr, size, err ? 1 : 0});
                long lat = w.memLatencyMin() + rnd.nextInt(w.memLatencyMax() - w.memLatencyMin() + 1);
                long d = Math.max(cycle + lat, lastDue + 1);
                lastDue = d;
                due.add(new long[] {d, addr, size, dut.peek(mrdTag), err ? 1 : 0});
            }
            boolean done = false;
            if (dut.peek(rspValid) != 0) {
                long[] r = {dut.peek(rspId), dut.peek(rspAllow), dut.peek(rspUnit), dut.peek(rspCause),
                    dut.peek(rspSpmpMatched), dut.peek(rspSpmpEntry), dut.peek(rspMptCause)};
                if (o.rspCycle < 0) {
                    o.rspCycle = cycle;
                }
                if (held != null && !java.util.Arrays.equals(held, r)) {
                    o.protocol.add("the response changed under backpressure at cycle +" + (cycle - o.acceptCycle));
                }
                held = r;
                if (rspRdy) {
                    o.id = (int) r[0];
                    o.allow = r[1] != 0;
                    o.unit = (int) r[2];
                    o.cause = (int) r[3];
                    o.spmpMatched = r[4] != 0;
                    o.spmpEntry = (int) r[5];
                    o.mptCause = (int) r[6];
                    o.responded = true;
                    done = true;
                }
            }
            if (!accepted && readyNow) {
                o.acceptCycle = cycle;
            }
            dut.step(1);
            cycle++;
            if (done) {
                break;
            }
        }
        poke(reqValid, 0);
        poke(mrsValid, 0);
        poke(pmpOk, 0);
        poke(apmpOk, 0);
        if (!due.isEmpty() || !pmpDue.isEmpty()) {
            o.protocol.add("the response came with " + due.size() + " read(s) and " + pmpDue.size()
                    + " PMP answer(s) still outstanding");
        }
        return o;
    }

    /** Pokes {@code v} truncated to the port's width (a wider value is the stimulus's, not the port's). */
    private void poke(int id, long v) {
        int w = widths[id];
        long x = w >= 64 ? v : v & ((1L << w) - 1);
        if (poked[id] && last[id] == x) {
            return; // the model keeps its inputs: one native call less
        }
        dut.poke(id, x);
        poked[id] = true;
        last[id] = x;
    }

    /** The SPMP generator's parameters this top was built with. */
    public SpmpParams spmpParams() {
        return sp;
    }

    /** The walker generator's parameters this top was built with. */
    public WalkerParams walkerParams() {
        return wp;
    }

    @Override
    public void close() {
        dut.close();
    }
}
