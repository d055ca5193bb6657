package io.mttkit.tb.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mttkit.tb.cosim.CheckerLibrary;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code mtt bench latency} on a short run: not its speed, but that its figures are the ones a blocking checker must
 * give — one check per cycle at most, a latency that grows with the memory latency once there are misses, the
 * measured miss share near the asked one — and that the last line has the agreed form.
 */
class LatencyBenchTest {
    @Test
    void theFiguresOfTheBlockingCheckerAreConsistent() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        List<LatencyBench.Point> points = LatencyBench.run(CheckerLibrary.shipped("rv64-smmpt"), 600,
                new PrintStream(bytes, true, StandardCharsets.UTF_8));
        String out = bytes.toString(StandardCharsets.UTF_8);
        assertEquals(2 * LatencyBench.MISS_PERCENT.length * LatencyBench.MEMORY_LATENCY.length, points.size(), out);
        for (LatencyBench.Point p : points) {
            assertEquals(600, p.checks(), out);
            assertTrue(p.checksPerCycle() > 0 && p.checksPerCycle() <= 1.0, "checks/cycle " + p + "\n" + out);
            assertTrue(p.mean() >= 1.0 && p.p99() >= 1, p + "\n" + out);
            double measured = 100.0 * p.misses() / p.checks();
            assertTrue(Math.abs(measured - p.missPercent()) < 6 + 100.0 * LatencyBench.HOT_BLOCKS / p.checks(),
                    "measured miss share " + measured + " for " + p + "\n" + out);
        }
        for (int walks : new int[] {1, LatencyBench.WALKS}) {
            for (int miss : new int[] {5, 20, 50}) {
                LatencyBench.Point fast = point(points, miss, 2, walks);
                LatencyBench.Point slow = point(points, miss, 50, walks);
                assertTrue(slow.mean() > fast.mean() && slow.checksPerCycle() < fast.checksPerCycle(),
                        fast + " / " + slow);
                assertTrue(slow.p99() >= 50, "a miss waits at least one memory latency: " + slow);
            }
        }
        for (int miss : new int[] {5, 20, 50}) {
            for (int lat : LatencyBench.MEMORY_LATENCY) {
                // walks overlap each other and the hits: never slower than the blocking checker
                assertTrue(point(points, miss, lat, LatencyBench.WALKS).checksPerCycle()
                        > point(points, miss, lat, 1).checksPerCycle(), miss + "% " + lat + "\n" + out);
            }
        }
        String[] lines = out.strip().split("\n");
        assertTrue(lines[lines.length - 1].matches(
                "checks/cycle at 5% misses, latency 10, 4 walks: [01]\\.\\d{3} \\(blocking: [01]\\.\\d{3}\\)"), out);
    }

    private static LatencyBench.Point point(List<LatencyBench.Point> points, int miss, int latency, int walks) {
        return points.stream().filter(p -> p.missPercent() == miss && p.memoryLatency() == latency
                && p.walksInFlight() == walks).findFirst().orElseThrow();
    }
}
