package io.mttkit.tb.cosim;

import io.mttkit.bridge.Event;
import io.mttkit.tb.dut.CheckerDescription;
import io.mttkit.golden.Cause;
import io.mttkit.golden.LookupResult;
import io.mttkit.golden.cache.CheckOutcome;
import io.mttkit.golden.cache.PendingWalk;
import java.util.ArrayList;
import java.util.List;

/**
 * Compares one answered check with what it must be: the golden model's answer (a fresh walk, the cache model's
 * stored leaf, or the walk the cache model began at the miss, finished now that the injected bus errors are known),
 * or the contract's for bypass and unimplemented modes. Every response field, the exact ordered MPTE reads, the PMP
 * queries and the latency bound of {@code docs/walker.md}; the first difference is a {@link CosimMismatchException}.
 */
final class CheckComparison {
    /** Turns a report body into the exception to throw (the tracker adds the request and the last events). */
    @FunctionalInterface
    interface Failure {
        CosimMismatchException at(int idx, String body, CheckRequest req);
    }

    /**
     * A check that matched.
     *
     * @param answer  what the RTL answered
     * @param latency cycles from the request handshake to the response handshake
     * @param golden  the golden result compared against, null for bypass/Bare and unimplemented modes (reused: read
     *                it at once)
     */
    record Compared(CheckAnswer answer, long latency, LookupResult golden) {
    }

    private final CheckerDescription params;
    private final SessionSettings settings;
    private final GoldenOracle oracle;
    private final CacheScoreboard cache;
    private final MismatchReport report;
    private final Failure failure;
    private final LookupResult golden = new LookupResult();

    CheckComparison(CheckerDescription params, SessionSettings settings, GoldenOracle oracle, CacheScoreboard cache,
                    MismatchReport report, Failure failure) {
        this.params = params;
        this.settings = settings;
        this.oracle = oracle;
        this.cache = cache;
        this.report = report;
        this.failure = failure;
    }

    /**
     * Compares the answer {@code o} to check {@code idx} of the run, {@code req}.
     *
     * @throws CosimMismatchException at the first difference
     */
    Compared compare(int idx, CheckRequest req, ObservedCheck o) {
        Expected exp = expected(idx, req, o);
        List<String> diffs = new ArrayList<>();
        Event.Response rsp = o.rsp;
        int idMask = (1 << params.idWidth()) - 1;
        field(diffs, "id", idx & idMask, rsp.id());
        field(diffs, "allow", exp.allow ? 1 : 0, rsp.allow() ? 1 : 0);
        field(diffs, "fault", exp.allow ? 0 : 1, rsp.fault() ? 1 : 0);
        if (rsp.cause() != exp.cause) {
            diffs.add(MismatchReport.cause(exp.cause, rsp.cause()));
        }
        field(diffs, "xwr", exp.xwr, rsp.xwr());
        field(diffs, "level", exp.level, rsp.level());
        field(diffs, "leaf_log2", exp.leafLog2, rsp.leafLog2());
        field(diffs, "uniform_log2", exp.uniformLog2, rsp.uniformLog2());
        field(diffs, "cacheable", exp.cacheable ? 1 : 0, rsp.cacheable() ? 1 : 0);
        field(diffs, "stale", exp.stale ? 1 : 0, rsp.stale() ? 1 : 0);

        // the exact ordered MPTE reads
        int n = Math.max(exp.reads.size(), o.reads.size());
        int firstReadDiff = -1;
        for (int i = 0; i < n && firstReadDiff < 0; i++) {
            if (i >= exp.reads.size() || i >= o.reads.size() || !sameRead(exp.reads.get(i), o.reads.get(i), req.be())) {
                firstReadDiff = i;
            }
        }
        if (firstReadDiff >= 0) {
            diffs.add("  reads differ at read " + firstReadDiff);
        }
        if (!exp.pmpQueries.equals(o.pmpQueries)) {
            diffs.add("  PMP queries differ: expected " + MismatchReport.hexList(exp.pmpQueries) + " actual "
                    + MismatchReport.hexList(o.pmpQueries));
        }
        long latency = rsp.cycle() - o.acceptCycle;
        if (settings.latencyCheckable() && exp.hit && latency != 1) {
            diffs.add("  latency " + latency + " cycles: a cache hit answers in the cycle after the handshake");
        } else if (settings.latencyCheckable()) {
            // stall cycles are not visible in the event trace: the bound holds only without backpressure
            long bound = 2 + (long) o.pmpQueries.size() * (params.pmpLatency() + settings.memLatencyMax() + 1);
            if (latency > bound) {
                diffs.add("  latency " + latency + " cycles exceeds the bound " + bound
                        + " = 2 + PMP queries x (pmpLatency + memLatencyMax + 1)");
            }
        }
        if (!diffs.isEmpty()) {
            throw failure.at(idx, report.checkBody(diffs, exp.reads, o.reads, firstReadDiff, req.be(), o.acceptCycle,
                    rsp.cycle(), exp.result), req);
        }
        return new Compared(new CheckAnswer(rsp.allow(), rsp.cause(), rsp.xwr(), exp.hit, rsp.stale()), latency,
                req.isBypass() || req.mode() == null ? null : exp.result);
    }

    private static void field(List<String> diffs, String name, int expected, int actual) {
        if (expected != actual) {
            diffs.add(MismatchReport.field(name, expected, actual));
        }
    }

    /** Same address, size and bus error, and (without one) the value the walker interprets. */
    private boolean sameRead(MpteRead exp, MpteRead act, boolean be) {
        if (exp.addr() != act.addr() || exp.size() != act.size() || exp.failed() != act.failed()) {
            return false;
        }
        return exp.failed() || exp.value() == act.interpreted(be, params.bigEndianSupport());
    }

    /** What the checker must answer, from the golden model (or the contract, for bypass and driver errors). */
    private Expected expected(int idx, CheckRequest req, ObservedCheck o) {
        Expected e = new Expected();
        if (req.isBypass()) {
            e.allow = true;
            return e;
        }
        if (req.mode() == null) {
            e.cause = Cause.PA_RANGE.ordinal();
            return e;
        }
        int failAt = o.firstFailedRead();
        LookupResult g;
        if (o.lookup != null && o.lookup.hit() != null) {
            // answered from the cache: the stored leaf's answer, no reads, no PMP queries
            g = o.lookup.hit().result();
            e.hit = true;
        } else if (o.lookup != null) {
            // the walk the model started at the MISS, walked again now that the injected bus errors are known
            PendingWalk pw = o.lookup.walk();
            oracle.prepare(failAt);
            cache.model().rewalk(pw);
            List<String> diffs = new ArrayList<>();
            CheckOutcome out = cache.finishWalk(pw, diffs);
            if (!diffs.isEmpty()) {
                throw failure.at(idx, MismatchReport.cacheBody(diffs, cache.snapshot()), null);
            }
            g = pw.result();
            e.stale = out.stale();
        } else {
            g = oracle.evaluate(req, failAt, golden);
        }
        e.allow = g.allow();
        e.cause = g.cause().ordinal();
        e.xwr = Math.max(0, g.xwr());
        e.level = g.level();
        e.leafLog2 = g.leafLog2();
        e.uniformLog2 = g.uniformLog2();
        e.cacheable = g.cacheable() && !e.stale;
        for (int i = 0; i < g.readCount(); i++) {
            e.reads.add(new MpteRead(g.readAddr(i), g.readSize(i), g.readValue(i), g.readFailed(i)));
        }
        if (!e.hit) {
            e.pmpQueries.addAll(oracle.pmpQueries());
        }
        e.result = g;
        return e;
    }

    /** What the check must produce. */
    private static final class Expected {
        boolean allow;
        int cause;
        int xwr;
        int level;
        int leafLog2;
        int uniformLog2;
        boolean cacheable;
        boolean hit;
        boolean stale;
        final List<MpteRead> reads = new ArrayList<>();
        final List<Long> pmpQueries = new ArrayList<>();
        LookupResult result;
    }
}
