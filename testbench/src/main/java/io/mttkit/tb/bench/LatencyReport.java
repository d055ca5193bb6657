package io.mttkit.tb.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mttkit.tb.report.AtomicFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The report folder of {@code mtt bench latency}: {@code report.json} (every point) and {@code report.html} (the
 * charts of {@link LatencyChart} and the table), each written atomically.
 */
public final class LatencyReport {
    /** The files a run writes (and a new run removes first). */
    public static final List<String> FILES = List.of("report.json", "report.html");

    static final String DELIVERED = "request handshake to response handshake";
    static final String ANSWERED = "request handshake to the first cycle the verdict could leave: the cycle after a"
            + " hit's lookup or after its walk's obs_walk_end (observation ports); the blocking checker has no answer"
            + " buffer, so its answered latency is its delivered one";

    private LatencyReport() {
    }

    /** Writes both files of {@code run} into {@code dir} (which exists). */
    public static void write(Path dir, LatencyBench.Run run) throws IOException {
        writeJson(dir.resolve("report.json"), run);
        AtomicFiles.writeString(dir.resolve("report.html"), html(run));
    }

    static void writeJson(Path file, LatencyBench.Run run) throws IOException {
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode o = json.createObjectNode();
        o.put("bench", "latency");
        o.put("checker", run.checker());
        o.put("mode", run.mode());
        o.put("checksPerPoint", run.checksPerPoint());
        o.put("seed", LatencyBench.SEED);
        o.put("hotBlocks", LatencyBench.HOT_BLOCKS);
        ObjectNode defs = o.putObject("definitions");
        defs.put("delivered", DELIVERED);
        defs.put("answered", ANSWERED);
        o.put("headline", run.headline());
        ArrayNode points = o.putArray("points");
        for (LatencyBench.Point p : run.points()) {
            ObjectNode n = points.addObject();
            n.put("series", p.series());
            n.put("missPercent", p.missPercent());
            n.put("memoryLatency", p.memoryLatency());
            n.put("walksInFlight", p.walksInFlight());
            n.put("responseOrder", p.responseOrder().name());
            n.put("checks", p.checks());
            n.put("misses", p.misses());
            n.put("measuredMissPercent", round(p.measuredMissPercent(), 2));
            n.put("deliveredMean", round(p.deliveredMean(), 3));
            n.put("deliveredP99", p.deliveredP99());
            n.put("answeredMean", round(p.answeredMean(), 3));
            n.put("answeredP99", p.answeredP99());
            n.put("answeredFrom", p.answeredFromPorts() ? "observation ports" : "response handshake");
            n.put("checksPerCycle", round(p.checksPerCycle(), 4));
        }
        AtomicFiles.writeString(file, json.writeValueAsString(o));
    }

    private static double round(double v, int digits) {
        double f = Math.pow(10, digits);
        return Math.round(v * f) / f;
    }

    static String html(LatencyBench.Run run) {
        StringBuilder h = new StringBuilder();
        String title = "mtt bench latency — " + run.checker();
        h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>").append(esc(title))
                .append("</title>\n<style>body{font-family:sans-serif;margin:2em;max-width:90em}"
                        + "table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:2px 6px;text-align:right}"
                        + "th{background:#f3f3f3}</style></head><body>\n");
        h.append("<h1>").append(esc(title)).append("</h1>\n");
        h.append("<p>").append(esc(run.mode())).append(", one domain, ").append(run.checksPerPoint())
                .append(" checks per point, hot set of ").append(LatencyBench.HOT_BLOCKS).append(" blocks of 64 KiB,"
                        + " misses to fresh blocks; no backpressure, no bus errors; every check co-simulated against"
                        + " the golden model (a mismatch refuses the figures). Seed ").append(LatencyBench.SEED)
                .append(".</p>\n");
        h.append("<p><b>").append(esc(run.headline())).append("</b></p>\n");
        h.append("<h2>Checks per cycle</h2>\n").append(LatencyChart.checksPerCycle(run.points()));
        h.append("<h2>Mean latency</h2>\n").append(LatencyChart.meanLatency(run.points()));
        h.append("<p><b>delivered</b>: ").append(esc(DELIVERED)).append(".<br><b>answered</b>: ").append(esc(ANSWERED))
                .append(".</p>\n");
        h.append("<h2>Every point</h2>\n<table>\n<tr><th>misses</th><th>memory latency</th><th>walks</th><th>order</th>"
                + "<th>delivered mean</th><th>delivered p99</th><th>answered mean</th><th>answered p99</th>"
                + "<th>checks/cycle</th><th>measured misses</th></tr>\n");
        for (LatencyBench.Point p : run.points()) {
            h.append(String.format(Locale.ROOT, "<tr><td>%d%%</td><td>%d</td><td>%d</td><td>%s</td><td>%.2f</td>"
                            + "<td>%d</td><td>%.2f</td><td>%d</td><td>%.3f</td><td>%.1f%%</td></tr>%n", p.missPercent(),
                    p.memoryLatency(), p.walksInFlight(), p.responseOrder(), p.deliveredMean(), p.deliveredP99(),
                    p.answeredMean(), p.answeredP99(), p.checksPerCycle(), p.measuredMissPercent()));
        }
        h.append("</table>\n</body></html>\n");
        return h.toString();
    }

    private static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
