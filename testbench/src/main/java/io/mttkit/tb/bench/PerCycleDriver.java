package io.mttkit.tb.bench;

import io.mttkit.bridge.Dut;
import io.mttkit.bridge.Event;
import io.mttkit.bridge.PmpRegion;
import io.mttkit.bridge.PortContract;
import io.mttkit.bridge.RawEvent;
import io.mttkit.bridge.Records;
import io.mttkit.bridge.RequestBuffer;
import io.mttkit.bridge.Scenario;
import io.mttkit.bridge.StimulusFile;
import java.nio.ByteOrder;
import java.util.ArrayDeque;
import java.util.List;

/**
 * Benchmark mode M3, the anti-pattern kept for reference: the checker driver re-implemented in Java on the
 * generic layer, one JNA call per port per cycle. It reproduces the C++ fast path exactly — same seeded
 * generator and draw order, same event records — so its event digest must equal M0's; that makes it also
 * a cross-check of the generic layer against the fast path. That includes contract v2's extension observation
 * ports: every cycle it peeks each of them (wide ones with {@code peekWide}) and writes one {@code OBSX} event per
 * non-zero 64-bit word, in the order of docs/bridge.md "Contract v2" (after {@code OBS}, before {@code PMP_QUERY}).
 */
final class PerCycleDriver {
    private final Dut dut;
    private final Scenario sc;
    private long rng;
    private long cycle;
    private long digest = Records.DIGEST_SEED;
    private long events;
    private long calls;
    /** When set, every event as {cycle, word 1, x, y} (finding the first difference of two traces). */
    private java.util.List<RawEvent> sink;
    private long lastReadDue;
    private final ArrayDeque<long[]> reads = new ArrayDeque<>();     // due, addr, tag, size, err
    private final ArrayDeque<long[]> pmpAnswers = new ArrayDeque<>(); // due, addr, ok
    private int outstanding;
    // port ids
    private final int clkReset;
    private final int reqValid, reqId, reqPa, reqNeed, reqSdid, reqMode, reqRoot, reqBe, reqBypass, reqReady;
    private final int invValid, invHasPa, invPa, invHasSdid, invSdid, invReady, syncReq, syncAck;
    private final int mrdValid, mrdReady, mrdAddr, mrdSize, mrdTag, mrsValid, mrsData, mrsErr, mrsTag;
    private final int pmpValid, pmpAddr, pmpSize, pmpOk;
    private final int rspValid, rspReady, rspId, rspAllow, rspFault, rspCause, rspXwr, rspLevel, rspLeaf, rspUniform,
            rspCacheable, rspStale;
    private final int obsValid, obsKind, obsArray, obsSet, obsWay, obsState;
    /** Contract v2 extension observation ports, in port-id order (the order their events are written in). */
    private final List<PortContract.ObservationPort> obsx;

    PerCycleDriver(Dut dut, Scenario sc) {
        this.dut = dut;
        this.sc = sc;
        long seed = sc.config().seed();
        this.rng = seed != 0 ? seed : 0x9E3779B97F4A7C15L;
        clkReset = dut.id("rst");
        reqValid = dut.id("req_valid");
        reqId = dut.id("req_id");
        reqPa = dut.id("req_pa");
        reqNeed = dut.id("req_need");
        reqSdid = dut.id("req_sdid");
        reqMode = dut.id("req_mode");
        reqRoot = dut.id("req_root_ppn");
        reqBe = dut.id("req_be");
        reqBypass = dut.id("req_bypass");
        reqReady = dut.id("req_ready");
        invValid = dut.id("inv_valid");
        invHasPa = dut.id("inv_has_pa");
        invPa = dut.id("inv_pa");
        invHasSdid = dut.id("inv_has_sdid");
        invSdid = dut.id("inv_sdid");
        invReady = dut.id("inv_ready");
        syncReq = dut.id("sync_req");
        syncAck = dut.id("sync_ack");
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
        rspValid = dut.id("rsp_valid");
        rspReady = dut.id("rsp_ready");
        rspId = dut.id("rsp_id");
        rspAllow = dut.id("rsp_allow");
        rspFault = dut.id("rsp_fault");
        rspCause = dut.id("rsp_cause");
        rspXwr = dut.id("rsp_xwr");
        rspLevel = dut.id("rsp_level");
        rspLeaf = dut.id("rsp_leaf_log2");
        rspUniform = dut.id("rsp_uniform_log2");
        rspCacheable = dut.id("rsp_cacheable");
        rspStale = dut.id("rsp_stale");
        obsValid = dut.id("obs_valid");
        obsKind = dut.id("obs_kind");
        obsArray = dut.id("obs_array");
        obsSet = dut.id("obs_set");
        obsWay = dut.id("obs_way");
        obsState = dut.id("obs_walker_state");
        obsx = PortContract.observationExtensions(dut.ports());
    }

    /** Records every event from now on into {@code sink}, as the native records the fast path would write. */
    void recordInto(java.util.List<RawEvent> sink) {
        this.sink = sink;
    }

    long digest() {
        return digest;
    }

    long cycles() {
        return cycle;
    }

    long calls() {
        return calls;
    }

    long events() {
        return events;
    }

    private long next() {
        long x = rng;
        x ^= x >>> 12;
        x ^= x << 25;
        x ^= x >>> 27;
        rng = x;
        return x * 0x2545F4914F6CDD1DL;
    }

    private int perMille() {
        return (int) Long.remainderUnsigned(next() >>> 11, 1000);
    }

    private void poke(int id, long v) {
        int w = dut.ports().get(id).width();
        dut.poke(id, w >= 64 ? v : v & ((1L << w) - 1));
        calls++;
    }

    private long peek(int id) {
        calls++;
        return dut.peek(id);
    }

    /** Records {@code e} as the C++ driver would: its native record (fields truncated to their widths, as the
     *  driver's casts truncate port values) goes into the digest. */
    private void emit(Event e) {
        RawEvent r = e.raw();
        digest = r.digest(digest);
        events++;
        if (sink != null) {
            sink.add(r);
        }
    }

    void reset() {
        for (int id : new int[] {reqValid, invValid, syncReq, mrsValid, pmpOk, mrdReady, rspReady}) {
            poke(id, 0);
        }
        poke(clkReset, 1);
        dut.step(sc.resetCycles());
        calls++;
        cycle += sc.resetCycles();
        poke(clkReset, 0);
        dut.eval();
        calls++;
        lastReadDue = cycle;
    }

    /** Runs the whole request stream and drains, cycle by cycle. */
    void runAll() {
        RequestBuffer q = sc.requests();
        for (int i = 0; i < q.size(); i++) {
            if ((q.flags(i) & Records.RF_INV_WITH_CHECK) != 0) {
                // the anti-pattern baseline reproduces one request per cycle only (the bench workload has no pairs)
                throw new IllegalArgumentException("request " + i + " is an invalidation presented with a check (ABI 5); "
                        + "the per-cycle driver presents one request at a time");
            }
        }
        int cur = 0;
        boolean started = false;
        long idleLeft = 0;
        for (;;) {
            if (cur >= q.size() && outstanding == 0 && reads.isEmpty() && pmpAnswers.isEmpty()) {
                return;
            }
            boolean head = cur < q.size();
            int kind = head ? q.kind(cur) : 0;
            if (head && !started) {
                started = true;
                idleLeft = kind == Records.REQ_IDLE ? q.id(cur) : 0;
            }
            // inputs
            poke(reqValid, kind == Records.REQ_CHECK ? 1 : 0);
            poke(invValid, kind == Records.REQ_INVAL ? 1 : 0);
            poke(syncReq, kind == Records.REQ_SYNC ? 1 : 0);
            if (kind == Records.REQ_CHECK) {
                poke(reqId, q.id(cur));
                poke(reqPa, q.pa(cur));
                poke(reqNeed, q.need(cur));
                poke(reqSdid, q.sdid(cur));
                poke(reqMode, q.mode(cur));
                poke(reqRoot, q.rootPpn(cur));
                poke(reqBe, (q.flags(cur) & Records.RF_BE) != 0 ? 1 : 0);
                poke(reqBypass, (q.flags(cur) & Records.RF_BYPASS) != 0 ? 1 : 0);
            } else if (kind == Records.REQ_INVAL) {
                poke(invHasPa, (q.flags(cur) & Records.RF_INV_HAS_PA) != 0 ? 1 : 0);
                poke(invPa, q.pa(cur));
                poke(invHasSdid, (q.flags(cur) & Records.RF_INV_HAS_SDID) != 0 ? 1 : 0);
                poke(invSdid, q.sdid(cur));
            }
            poke(mrdReady, perMille() >= sc.config().mrdStallPerMille() ? 1 : 0);
            poke(rspReady, perMille() >= sc.config().rspStallPerMille() ? 1 : 0);
            poke(mrsValid, 0);
            if (!reads.isEmpty() && reads.peek()[0] <= cycle) {
                long[] r = reads.poll();
                Long data = r[4] != 0 ? null : read(r[1], (int) r[3]);
                boolean err = data == null;
                long d = err ? 0 : data;
                poke(mrsValid, 1);
                poke(mrsData, d);
                poke(mrsErr, err ? 1 : 0);
                poke(mrsTag, r[2]);
                emit(new Event.MemoryResponse(cycle, err, (int) r[2], d, r[1]));
            }
            poke(pmpOk, 0);
            if (!pmpAnswers.isEmpty() && pmpAnswers.peek()[0] <= cycle) {
                long[] p = pmpAnswers.poll();
                poke(pmpOk, p[2]);
                emit(new Event.PmpAnswer(cycle, p[2] != 0, p[1]));
            }
            dut.eval();
            calls++;
            // outputs
            if (peek(obsValid) != 0) {
                emit(new Event.Observation(cycle, (int) peek(obsKind), (int) peek(obsArray), (int) peek(obsWay),
                        (int) peek(obsSet), peek(obsState)));
            }
            sampleExtensions();
            if (peek(pmpValid) != 0) {
                long addr = peek(pmpAddr);
                long size = peek(pmpSize);
                boolean ok = PmpRegion.allows(sc.pmp(), sc.config().pmpDefaultAllow(), addr, (int) size);
                pmpAnswers.add(new long[] {cycle + sc.config().pmpLatency(), addr, ok ? 1 : 0});
                emit(new Event.PmpQuery(cycle, (int) size, addr));
            }
            if (peek(mrdValid) != 0 && peek(mrdReady) != 0) {
                long span = sc.config().memLatencyMax() - sc.config().memLatencyMin() + 1;
                long lat = sc.config().memLatencyMin() + Long.remainderUnsigned(next(), span);
                boolean err = sc.config().busErrorPerMille() != 0 && perMille() < sc.config().busErrorPerMille();
                long due = cycle + lat;
                if (due <= lastReadDue) {
                    due = lastReadDue + 1;
                }
                lastReadDue = due;
                long size = peek(mrdSize);
                long addr = peek(mrdAddr);
                long tag = peek(mrdTag);
                reads.add(new long[] {due, addr, tag, size, err ? 1 : 0});
                emit(new Event.MemoryRead(cycle, (int) size, (int) tag, addr));
            }
            if (peek(rspValid) != 0 && peek(rspReady) != 0) {
                emit(new Event.Response(cycle, peek(rspAllow) != 0, peek(rspFault) != 0, peek(rspCacheable) != 0,
                        peek(rspStale) != 0, (int) peek(rspCause), (int) peek(rspXwr), (int) peek(rspId),
                        (int) peek(rspLevel), (int) peek(rspLeaf), (int) peek(rspUniform)));
                outstanding--;
            }
            boolean consumed = false;
            if (kind == Records.REQ_CHECK && peek(reqReady) != 0) {
                emit(new Event.Accept(cycle, (int) (q.id(cur) & ((1L << dut.ports().get(reqId).width()) - 1)), q.pa(cur), cur));
                outstanding++;
                consumed = true;
            } else if (kind == Records.REQ_INVAL && peek(invReady) != 0) {
                emit(new Event.InvalidationAccept(cycle, (q.flags(cur) & Records.RF_INV_HAS_PA) != 0,
                        (q.flags(cur) & Records.RF_INV_HAS_SDID) != 0, q.sdid(cur), q.pa(cur), cur));
                consumed = true;
            } else if (kind == Records.REQ_SYNC && peek(syncAck) != 0) {
                emit(new Event.SyncAck(cycle, cur));
                consumed = true;
            } else if (kind == Records.REQ_IDLE) {
                if (idleLeft <= 1) {
                    consumed = true;
                } else {
                    idleLeft--;
                }
            }
            dut.step(1);
            calls++;
            cycle++;
            if (consumed) {
                cur++;
                started = false;
            }
        }
    }

    /** One OBSX event per non-zero 64-bit word of every extension port: ports by id, words ascending. */
    private void sampleExtensions() {
        for (PortContract.ObservationPort p : obsx) {
            if (p.width() <= 64) {
                long v = peek(p.id());
                if (v != 0) {
                    emit(new Event.ExtensionWord(cycle, 0, p.id(), v));
                }
                continue;
            }
            byte[] b = dut.peekWide(p.id()); // little-endian, (width + 7) / 8 bytes
            calls++;
            for (int w = 0; w < p.words(); w++) {
                long v = 0;
                for (int i = Math.min(8, b.length - 8 * w) - 1; i >= 0; i--) {
                    v = v << 8 | (b[8 * w + i] & 0xFF);
                }
                if (v != 0) {
                    emit(new Event.ExtensionWord(cycle, w, p.id(), v));
                }
            }
        }
    }

    private Long read(long addr, int size) {
        for (StimulusFile.Region r : sc.memory()) {
            long off = addr - r.physBase();
            if (Long.compareUnsigned(addr, r.physBase()) >= 0 && off + size <= r.bytes().capacity()) {
                var b = r.bytes().duplicate().order(ByteOrder.LITTLE_ENDIAN);
                return size == 8 ? b.getLong((int) off) : Integer.toUnsignedLong(b.getInt((int) off));
            }
        }
        return null;
    }
}
