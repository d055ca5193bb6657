package io.mttkit.tb.mutation;

/**
 * One line out of a {@link io.mttkit.tb.cosim.CosimMismatchException} report: the first difference found, with the
 * mode and request index, for result tables.
 */
final class MismatchSummary {
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
                if (at >= 0) {
                    int end = line.indexOf(' ', at);
                    mode = end < 0 ? line.substring(at + 5) : line.substring(at + 5, end);
                }
            } else if (line.startsWith("field differences")) {
                inDiffs = true;
            } else if (first == null && (inDiffs || !(line.startsWith("CO-SIMULATION") || line.startsWith("configuration ")
                    || line.startsWith("session ") || line.startsWith("PA fields") || line.isEmpty()))) {
                first = line.replaceAll("\\s+", " ");
            }
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
