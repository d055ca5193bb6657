package io.mttkit.tb.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.mttkit.tb.cosim.CheckerLibrary;
import io.mttkit.tb.report.StrictJson;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code mtt bench latency} on a short run: not its speed, but that its figures are the ones the three checkers must
 * give — one check per cycle at most, a latency that grows with the memory latency once there are misses, the
 * measured miss share near the asked one, an answered latency never after the delivered one and, in order, behind it
 * once misses hold the head of the reorder buffer — that the table, the report and its charts carry every series, and
 * that the last line has the agreed form. One run (600 checks per point) serves every test.
 */
class LatencyBenchTest {
    private static final int CHECKS = 600;
    private static LatencyBench.Run run;
    private static String out;

    @BeforeAll
    static void measure() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        run = LatencyBench.run(CheckerLibrary.shipped("rv64-smmpt"), CHECKS,
                new PrintStream(bytes, true, StandardCharsets.UTF_8));
        out = bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void theFiguresAreConsistent() {
        List<LatencyBench.Point> points = run.points();
        assertEquals(LatencyBench.SERIES.size() * LatencyBench.MISS_PERCENT.length * LatencyBench.MEMORY_LATENCY.length,
                points.size(), out);
        for (LatencyBench.Point p : points) {
            assertEquals(CHECKS, p.checks(), out);
            assertTrue(p.checksPerCycle() > 0 && p.checksPerCycle() <= 1.0, "checks/cycle " + p + "\n" + out);
            assertTrue(p.deliveredMean() >= 1.0 && p.deliveredP99() >= 1, p + "\n" + out);
            // a verdict leaves no earlier than the cycle after it is decided; it may wait in the answer buffer
            assertTrue(p.answeredMean() >= 1.0 && p.answeredMean() <= p.deliveredMean()
                    && p.answeredP99() <= p.deliveredP99(), p + "\n" + out);
            assertEquals(p.walksInFlight() > 1, p.answeredFromPorts(), p.toString());
            if (p.series().equals("BY_ID")) {
                // one answer written per cycle at most (a lookup and a walk end never share one), one leaves per
                // cycle, no backpressure: nothing waits in the queue (docs/nonblocking.md "Benchmark")
                assertEquals(p.deliveredMean(), p.answeredMean(), 1e-9, p + "\n" + out);
                assertEquals(p.deliveredP99(), p.answeredP99(), p + "\n" + out);
            }
            double measured = p.measuredMissPercent();
            assertTrue(Math.abs(measured - p.missPercent()) < 6 + 100.0 * LatencyBench.HOT_BLOCKS / p.checks(),
                    "measured miss share " + measured + " for " + p + "\n" + out);
        }
        for (String series : LatencyBench.SERIES) {
            for (int miss : new int[] {5, 20, 50}) {
                LatencyBench.Point fast = point(miss, 2, series);
                LatencyBench.Point slow = point(miss, 50, series);
                assertTrue(slow.deliveredMean() > fast.deliveredMean()
                        && slow.checksPerCycle() < fast.checksPerCycle(), fast + " / " + slow);
                assertTrue(slow.answeredP99() >= 50, "a miss waits at least one memory latency: " + slow);
            }
        }
        for (int miss : new int[] {5, 20, 50}) {
            for (int lat : LatencyBench.MEMORY_LATENCY) {
                // walks overlap each other and the hits: never slower than the blocking checker
                for (String series : List.of("IN_ORDER", "BY_ID")) {
                    assertTrue(point(miss, lat, series).checksPerCycle()
                            > point(miss, lat, LatencyBench.BLOCKING).checksPerCycle(), miss + "% " + lat + "\n" + out);
                }
                // in order, hits behind a missing head wait for it: delivered after answered
                LatencyBench.Point inOrder = point(miss, lat, "IN_ORDER");
                assertTrue(inOrder.deliveredMean() > inOrder.answeredMean() + 0.5, inOrder + "\n" + out);
            }
        }
    }

    @Test
    void theTableHasEveryRowAndColumn() {
        String[] lines = out.strip().split("\n");
        String header = List.of(lines).stream().filter(l -> l.startsWith("misses")).findFirst().orElseThrow();
        assertTrue(header.matches("misses\\s+latency\\s+walks\\s+order\\s+delivered\\s+p99\\s+answered\\s+p99\\s+"
                + "checks/c\\s+measured miss"), header);
        Pattern row = Pattern.compile("(\\d+)%\\s+(\\d+)\\s+([14])\\s+(IN_ORDER|BY_ID)\\s+(\\d+\\.\\d\\d)\\s+(\\d+)\\s+"
                + "(\\d+\\.\\d\\d)\\s+(\\d+)\\s+([01]\\.\\d{3})\\s+(\\d+\\.\\d)%");
        int rows = 0;
        for (String l : lines) {
            Matcher m = row.matcher(l);
            if (m.matches()) {
                LatencyBench.Point p = run.points().get(rows++);
                assertEquals(p.missPercent() + "/" + p.memoryLatency() + "/" + p.walksInFlight() + "/"
                        + p.responseOrder(), m.group(1) + "/" + m.group(2) + "/" + m.group(3) + "/" + m.group(4), l);
            }
        }
        assertEquals(run.points().size(), rows, out);
        assertTrue(run.headline().matches(
                "checks/cycle at 5% misses, latency 10, 4 walks: [01]\\.\\d{3} \\(blocking: [01]\\.\\d{3}\\)"),
                run.headline());
    }

    @Test
    void theReportHasEveryPointAndASeriesPerKind(@TempDir Path dir) throws Exception {
        LatencyReport.write(dir, run);
        JsonNode json = StrictJson.READER.readTree(Files.readString(dir.resolve("report.json")));
        assertEquals(run.headline(), json.get("headline").asText());
        assertEquals(CHECKS, json.get("checksPerPoint").asInt());
        JsonNode points = json.get("points");
        assertEquals(run.points().size(), points.size());
        for (int i = 0; i < points.size(); i++) {
            LatencyBench.Point p = run.points().get(i);
            JsonNode n = points.get(i);
            assertEquals(p.series(), n.get("series").asText());
            assertEquals(p.missPercent(), n.get("missPercent").asInt());
            assertEquals(p.memoryLatency(), n.get("memoryLatency").asInt());
            assertEquals(p.deliveredP99(), n.get("deliveredP99").asLong());
            assertEquals(p.answeredP99(), n.get("answeredP99").asLong());
            assertEquals(p.checksPerCycle(), n.get("checksPerCycle").asDouble(), 1e-4);
        }
        String html = Files.readString(dir.resolve("report.html"));
        assertEquals(2, count(html, "<svg "), "a chart of checks/cycle and one of mean latency");
        for (String series : LatencyBench.SERIES) {
            for (int lat : LatencyBench.MEMORY_LATENCY) {
                // one series per kind and latency in each chart, a point per miss share
                assertEquals(2, count(html, "data-series=\"" + series + "\" data-latency=\"" + lat + "\""), series);
            }
        }
        assertEquals(2 * run.points().size(), count(html, "<circle "), "a point per measured point in each chart");
        assertTrue(!html.contains("<script"), "no script in the report");
        try (var files = Files.list(dir)) {
            assertEquals(List.of("report.html", "report.json"), files.map(f -> f.getFileName().toString()).sorted()
                    .toList(), "only the two files, no temporary file left");
        }
    }

    private static int count(String text, String what) {
        int n = 0;
        for (int i = text.indexOf(what); i >= 0; i = text.indexOf(what, i + 1)) {
            n++;
        }
        return n;
    }

    private static LatencyBench.Point point(int miss, int latency, String series) {
        return run.points().stream().filter(p -> p.missPercent() == miss && p.memoryLatency() == latency
                && p.series().equals(series)).findFirst().orElseThrow();
    }
}
