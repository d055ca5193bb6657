package io.mttkit.tb.report;

import io.mttkit.tb.coverage.CoverageDb;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A self-contained HTML page for one regression: the summary, the causes seen, coverage per bin group as a
 * heat map (holes in red), and the first mismatch with its report and the repro bundle.
 */
public final class HtmlReport {
    private HtmlReport() {
    }

    /**
     * @param title     page title (configuration and seed)
     * @param summary   label → value rows of the summary table, in order
     * @param causes    cause name → count
     * @param coverage  the run's coverage, or null
     * @param mismatch  the first mismatch's report, or null when the run passed
     * @param bundle    file name of the repro bundle next to the page, or null
     */
    public static void write(Path file, String title, Map<String, String> summary, Map<String, Long> causes,
                             CoverageDb coverage, String mismatch, String bundle) throws IOException {
        StringBuilder h = new StringBuilder();
        h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>")
                .append(esc(title)).append("</title>\n<style>\n")
                .append("body{font-family:sans-serif;margin:2em;max-width:80em}")
                .append("table{border-collapse:collapse;margin:.5em 0}td,th{border:1px solid #ccc;padding:2px 6px;text-align:left}")
                .append(".pass{color:#070;font-weight:bold}.fail{color:#b00;font-weight:bold}")
                .append(".bins{display:flex;flex-wrap:wrap;gap:2px}.bin{font-size:11px;padding:2px 4px;border-radius:2px}")
                .append(".hole{background:#f4b4b4}.low{background:#fbe7a1}.ok{background:#bfe6bf}")
                .append("pre{background:#f6f6f6;padding:1em;overflow-x:auto;font-size:12px}\n</style></head><body>\n");
        h.append("<h1>").append(esc(title)).append("</h1>\n");
        h.append(mismatch == null ? "<p class=\"pass\">PASS: the RTL agreed with the golden model on every check</p>\n"
                : "<p class=\"fail\">FAIL: the first mismatch is shown below</p>\n");
        h.append("<h2>Summary</h2>\n<table>\n");
        for (Map.Entry<String, String> e : summary.entrySet()) {
            h.append("<tr><th>").append(esc(e.getKey())).append("</th><td>").append(esc(e.getValue())).append("</td></tr>\n");
        }
        h.append("</table>\n<h2>Causes</h2>\n<table><tr>");
        for (String c : causes.keySet()) {
            h.append("<th>").append(esc(c)).append("</th>");
        }
        h.append("</tr><tr>");
        for (long n : causes.values()) {
            h.append("<td>").append(n).append("</td>");
        }
        h.append("</tr></table>\n");
        if (coverage != null) {
            h.append("<h2>Coverage</h2>\n<p>Each box is a bin: red = never hit (a hole), yellow = hit fewer than 10 times,"
                    + " green = hit 10 times or more. Hover for the count.</p>\n");
            for (String g : coverage.groups()) {
                List<String> bins = coverage.bins(g);
                h.append("<h3>").append(esc(g)).append(String.format(" — %d/%d (%.1f%%)", coverage.hitBins(g), bins.size(),
                        100 * coverage.ratio(g))).append("</h3>\n<div class=\"bins\">");
                for (String b : bins) {
                    long n = coverage.count(g, b);
                    h.append("<span class=\"bin ").append(n == 0 ? "hole" : n < 10 ? "low" : "ok").append("\" title=\"")
                            .append(esc(b)).append(": ").append(n).append("\">").append(esc(b)).append("</span>");
                }
                h.append("</div>\n");
            }
        }
        if (mismatch != null) {
            h.append("<h2>First mismatch</h2>\n");
            if (bundle != null) {
                h.append("<p>Repro bundle: <a href=\"").append(esc(bundle)).append("\">").append(esc(bundle))
                        .append("</a> — reproduce with <code>./mtt replay ").append(esc(bundle))
                        .append(" --waves</code> and open the FST file it names in GTKWave.</p>\n");
            }
            h.append("<pre>").append(esc(mismatch)).append("</pre>\n");
        }
        h.append("</body></html>\n");
        AtomicFiles.writeString(file, h.toString());
    }

    static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
