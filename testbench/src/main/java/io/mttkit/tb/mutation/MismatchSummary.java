package io.mttkit.tb.mutation;

/**
 * One line out of a {@link io.mttkit.tb.cosim.CosimMismatchException} report: the first difference found (a
 * response field, or the first cache event the cache scoreboard or, with several walks in flight, the walk scoreboard
 * disagrees with), with the mode and request index,
 * for result tables.
 */
final class MismatchSummary {
    /** Longest difference text kept; cache differences can list whole entries. */
    static final int MAX_DIFF = 160;

    private MismatchSummary() {}

    static String of(String report) {
        if (report == null) {
            return "(no report)";
        }
        String mode = null;
        String index = null;
        String first = null;
        boolean inDiffs = false;
        for (String raw : report.split("\n")) {
            String line = raw.strip();
            if (line.startsWith("seed ") && line.contains("request index ")) {
                int at = line.indexOf("request index ") + "request index ".length();
                int end = line.indexOf(' ', at);
                index = end < 0 ? line.substring(at) : line.substring(at, end);
            } else if (line.startsWith("request: ")) {
                int at = line.indexOf("mode=");
                if (at >= 0 && line.startsWith("(", at + 5) && line.indexOf(')', at) > 0) {
                    mode = line.substring(at + 6, line.indexOf(')', at)); // "(not implemented)": a reserved req_mode
                } else if (at >= 0) {
                    int end = line.indexOf(' ', at);
                    mode = end < 0 ? line.substring(at + 5) : line.substring(at + 5, end);
                }
            } else if (line.startsWith("field differences") || line.startsWith("cache differences")
                    || line.startsWith("first difference")) { // the last: WalkHarness (several walks in flight)
                inDiffs = true;
            } else if (first == null && (inDiffs || !(line.startsWith("CO-SIMULATION") || line.startsWith("configuration ")
                    || line.startsWith("session ") || line.startsWith("PA fields") || line.isEmpty()))) {
                first = line.replaceAll("\\s+", " ");
            }
        }
        if (first != null && first.length() > MAX_DIFF) {
            first = first.substring(0, MAX_DIFF) + " ...";
        }
        StringBuilder sb = new StringBuilder(first == null ? "mismatch" : first);
        if (mode != null || index != null) {
            sb.append(" (");
            sb.append(mode == null ? "" : "mode " + mode);
            sb.append(mode != null && index != null ? ", " : "");
            sb.append(index == null ? "" : "request " + index);
            sb.append(')');
        }
        return sb.toString();
    }
}
