package io.mttkit.tb.cosim;

import io.mttkit.bridge.Event;
import io.mttkit.tb.dut.CheckerDescription;
import io.mttkit.golden.Cause;
import io.mttkit.golden.LookupResult;
import java.util.List;
import java.util.function.IntFunction;

/**
 * The text of a co-simulation mismatch report: where (configuration, session settings, seed, request index), the
 * request decoded, the differences, the MPTE reads side by side, the latency, the golden result and the last events.
 * Formatting only; what differs is decided by {@link CheckComparison} and the cache scoreboard.
 */
final class MismatchReport {
    private final String top;
    private final SessionSettings settings;
    private final CheckerDescription params;
    private final IntFunction<String> portNames;
    /** Checks run by earlier {@code run} calls of the session: report indices count from the session start. */
    private long requestIndexBase;

    MismatchReport(String top, SessionSettings settings, CheckerDescription params, IntFunction<String> portNames) {
        this.top = top;
        this.settings = settings;
        this.params = params;
        this.portNames = portNames;
    }

    void advance(int checks) {
        requestIndexBase += checks;
    }

    /** The report's first lines for the check at {@code idx} of the current run. */
    String header(int idx) {
        return "CO-SIMULATION MISMATCH\n" + "configuration " + top + "\n" + "session " + settings + "\n"
                + "seed " + settings.seed() + ", request index " + (requestIndexBase + idx) + " (index " + idx
                + " of this run)\n";
    }

    /** The whole report: header, the request (when known), {@code body}, then {@code history}. */
    CosimMismatchException mismatch(int idx, CheckRequest req, String body, String history) {
        StringBuilder sb = new StringBuilder(header(idx));
        if (req != null) {
            sb.append(RequestDecoder.describe(req, params));
        }
        sb.append(body);
        if (!body.endsWith("\n")) {
            sb.append('\n'); // a one-line body ("RSP event outside any check") must not run into the history
        }
        return new CosimMismatchException(sb.append(history).toString());
    }

    /** One differing response field. */
    static String field(String name, long expected, long actual) {
        return String.format("  %-14s expected %-16d actual %d", name, expected, actual);
    }

    /** A differing cause, by name and code. */
    static String cause(int expected, int actual) {
        return String.format("  %-14s expected %-16s actual %s", "cause", causeName(expected), causeName(actual));
    }

    /** The body of a check that differs: the differences, both read lists, the latency, the golden result. */
    String checkBody(List<String> diffs, List<MpteRead> expected, List<MpteRead> actual, int firstReadDiff, boolean be,
                     long acceptCycle, long rspCycle, LookupResult golden) {
        StringBuilder sb = new StringBuilder("field differences (expected = golden model):\n");
        diffs.forEach(d -> sb.append(d).append('\n'));
        sb.append(readsTable(expected, actual, firstReadDiff, be));
        sb.append("latency ").append(rspCycle - acceptCycle).append(" cycles (accept ").append(acceptCycle)
                .append(", rsp ").append(rspCycle).append(")\n");
        if (golden != null) {
            sb.append("golden result: ").append(golden).append('\n'); // text only when reporting
        }
        return sb.toString();
    }

    /** The body of cache events that differ, with the golden cache model's state after the difference. */
    static String cacheBody(List<String> diffs, String modelSnapshot) {
        StringBuilder sb = new StringBuilder("cache differences (expected = golden cache model):\n");
        diffs.forEach(d -> sb.append(d).append('\n'));
        return sb.append("golden cache model after the difference:\n").append(modelSnapshot).append('\n').toString();
    }

    private String readsTable(List<MpteRead> exp, List<MpteRead> act, int firstDiff, boolean be) {
        StringBuilder sb = new StringBuilder("MPTE reads, expected (golden) | actual (RTL, value as interpreted):\n");
        int n = Math.max(exp.size(), act.size());
        for (int i = 0; i < n; i++) {
            String l = i < exp.size() ? readText(exp.get(i), false, be) : "-";
            String r = i < act.size() ? readText(act.get(i), true, be) : "-";
            sb.append(String.format("%s %2d  %-44s | %s%n", i == firstDiff ? ">>" : "  ", i, l, r));
        }
        if (n == 0) {
            sb.append("   (none on either side)\n");
        }
        return sb.toString();
    }

    private String readText(MpteRead rd, boolean fromRtl, boolean be) {
        if (rd.failed()) {
            return String.format("0x%x/%d BUS ERROR", rd.addr(), rd.size());
        }
        long v = fromRtl ? rd.interpreted(be, params.bigEndianSupport()) : rd.value();
        return String.format("0x%x/%d = 0x%016x", rd.addr(), rd.size(), v);
    }

    /** The last events, oldest first, from a ring of {@code ring.length} holding {@code count} events so far. */
    String history(Event[] ring, long count) {
        StringBuilder sb = new StringBuilder("last events (oldest first):\n");
        for (long i = Math.max(0, count - ring.length); i < count; i++) {
            sb.append("  ").append(ring[(int) (i % ring.length)].text(portNames)).append('\n');
        }
        return sb.toString();
    }

    static String hexList(List<Long> l) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < l.size(); i++) {
            sb.append(i == 0 ? "" : ", ").append("0x").append(Long.toHexString(l.get(i)));
        }
        return sb.append(']').toString();
    }

    static String causeName(int code) {
        return code >= 0 && code < Cause.values().length ? Cause.values()[code] + " (" + code + ")" : "code " + code;
    }
}
