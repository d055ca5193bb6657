package io.mttkit.tb.bench;

import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/**
 * The inline SVG charts of the latency bench's HTML report, written by hand (no script, no library): one panel per
 * memory latency, miss share on x, one series per checker kind ({@link LatencyBench#SERIES}), each a
 * {@code <g class="series" data-series="...">} with its line and its points (hover: the values).
 */
final class LatencyChart {
    private static final int PANEL_W = 260;
    private static final int PANEL_H = 200;
    private static final int LEFT = 48;
    private static final int TOP = 28;
    private static final int GAP = 36;
    private static final int BOTTOM = 40;
    private static final int MAX_MISS = LatencyBench.MISS_PERCENT[LatencyBench.MISS_PERCENT.length - 1];
    private static final List<String> COLOURS = List.of("#666666", "#d9661f", "#1f6fd9");

    private LatencyChart() {
    }

    /** Checks per cycle against the miss share, y from 0 to 1 (a checker answers at most one check per cycle). */
    static String checksPerCycle(List<LatencyBench.Point> points) {
        return chart(points, "checks per cycle", LatencyBench.Point::checksPerCycle, null, p -> 1.0);
    }

    /**
     * Mean latency against the miss share: delivered (solid) and answered (dashed; it differs from delivered only
     * where responses wait in the answer buffer, {@code IN_ORDER}); y from 0 to the panel's largest mean.
     */
    static String meanLatency(List<LatencyBench.Point> points) {
        return chart(points, "mean latency (cycles): delivered solid, answered dashed",
                LatencyBench.Point::deliveredMean, LatencyBench.Point::answeredMean,
                lat -> niceCeiling(points.stream().filter(p -> p.memoryLatency() == lat)
                        .mapToDouble(p -> Math.max(p.deliveredMean(), p.answeredMean())).max().orElse(1)));
    }

    private interface Scale {
        double max(int memoryLatency);
    }

    private static String chart(List<LatencyBench.Point> points, String title, ToDoubleFunction<LatencyBench.Point> y,
                                ToDoubleFunction<LatencyBench.Point> dashed, Scale scale) {
        int panels = LatencyBench.MEMORY_LATENCY.length;
        int width = LEFT + panels * PANEL_W + (panels - 1) * GAP + 20;
        int height = TOP + PANEL_H + BOTTOM + 24;
        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
                + "viewBox=\"0 0 %d %d\" font-family=\"sans-serif\" font-size=\"11\" role=\"img\">%n", width, height,
                width, height));
        s.append("<title>against the miss share: ").append(title).append("</title>\n");
        for (int k = 0; k < panels; k++) {
            int lat = LatencyBench.MEMORY_LATENCY[k];
            int x0 = LEFT + k * (PANEL_W + GAP);
            double max = scale.max(lat);
            panelFrame(s, x0, lat, max);
            for (int i = 0; i < LatencyBench.SERIES.size(); i++) {
                String series = LatencyBench.SERIES.get(i);
                List<LatencyBench.Point> line = points.stream()
                        .filter(p -> p.memoryLatency() == lat && p.series().equals(series)).toList();
                if (line.isEmpty()) {
                    continue;
                }
                s.append("<g class=\"series\" data-series=\"").append(series).append("\" data-latency=\"")
                        .append(lat).append("\" stroke=\"").append(COLOURS.get(i)).append("\" fill=\"")
                        .append(COLOURS.get(i)).append("\">\n");
                polyline(s, line, y, x0, max, null);
                if (dashed != null) {
                    polyline(s, line, dashed, x0, max, "4 3");
                }
                for (LatencyBench.Point p : line) {
                    s.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3\"><title>%s, %d%% "
                            + "misses, latency %d: %.3f</title></circle>%n", x(x0, p.missPercent()),
                            y(y.applyAsDouble(p), max), series, p.missPercent(), lat, y.applyAsDouble(p)));
                }
                s.append("</g>\n");
            }
        }
        legend(s, height - 10);
        s.append("</svg>\n");
        return s.toString();
    }

    private static void panelFrame(StringBuilder s, int x0, int lat, double max) {
        s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" font-weight=\"bold\">memory latency %d</text>%n",
                x0, TOP - 10, lat));
        s.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"none\" "
                + "stroke=\"#999\"/>%n", x0, TOP, PANEL_W, PANEL_H));
        for (int t = 0; t <= 4; t++) {
            double v = max * t / 4;
            double yy = y(v, max);
            s.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#eee\"/>"
                    + "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s</text>%n", x0, yy, x0 + PANEL_W, yy, x0 - 4,
                    yy + 4, tick(v, max)));
        }
        for (int miss : LatencyBench.MISS_PERCENT) {
            s.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%d%%</text>%n",
                    x(x0, miss), TOP + PANEL_H + 14, miss));
        }
        s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">misses</text>%n",
                x0 + PANEL_W / 2, TOP + PANEL_H + 28));
    }

    private static void polyline(StringBuilder s, List<LatencyBench.Point> line, ToDoubleFunction<LatencyBench.Point> y,
                                 int x0, double max, String dash) {
        s.append("<polyline fill=\"none\" stroke-width=\"2\"").append(dash == null ? "" : " stroke-dasharray=\""
                + dash + "\"").append(" points=\"");
        for (LatencyBench.Point p : line) {
            s.append(String.format(Locale.ROOT, "%.1f,%.1f ", x(x0, p.missPercent()), y(y.applyAsDouble(p), max)));
        }
        s.setLength(s.length() - 1);
        s.append("\"/>\n");
    }

    private static void legend(StringBuilder s, int y) {
        List<String> labels = List.of("walks 1 (blocking)", "walks " + LatencyBench.WALKS + " IN_ORDER",
                "walks " + LatencyBench.WALKS + " BY_ID");
        for (int i = 0; i < labels.size(); i++) {
            int x = LEFT + i * 180;
            s.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"14\" height=\"4\" fill=\"%s\"/>"
                    + "<text x=\"%d\" y=\"%d\">%s</text>%n", x, y - 5, COLOURS.get(i), x + 20, y, labels.get(i)));
        }
    }

    /** A tick label: as many decimals as the quarter steps of {@code max} need (0.25, 2.5, 25). */
    private static String tick(double v, double max) {
        int decimals = max <= 1 ? 2 : v == Math.rint(v) ? 0 : 1;
        return String.format(Locale.ROOT, "%." + decimals + "f", v);
    }

    private static double x(int x0, int missPercent) {
        return x0 + 10 + (PANEL_W - 20) * (double) missPercent / MAX_MISS;
    }

    private static double y(double v, double max) {
        return TOP + PANEL_H - PANEL_H * Math.min(v, max) / max;
    }

    /** The smallest of 1, 2, 5 × 10^k at or above {@code v}: round tick labels. */
    static double niceCeiling(double v) {
        double p = Math.pow(10, Math.floor(Math.log10(Math.max(v, 1e-9))));
        for (double m : new double[] {1, 2, 5, 10}) {
            if (m * p >= v) {
                return m * p;
            }
        }
        return 10 * p;
    }
}
