package io.mttkit.tb.bench;

import io.mttkit.golden.Access;
import io.mttkit.golden.MttMode;
import io.mttkit.golden.mem.PhysicalMemory;
import io.mttkit.golden.tables.BuildOptions;
import io.mttkit.golden.tables.BuiltTables;
import io.mttkit.golden.tables.Region;
import io.mttkit.golden.tables.TableBuilder;
import io.mttkit.tb.cosim.CheckRequest;
import io.mttkit.tb.cosim.CheckerLibrary;
import io.mttkit.tb.cosim.CosimHarness;
import io.mttkit.tb.cosim.SessionSettings;
import io.mttkit.tb.cosim.Stimulus;
import io.mttkit.tb.cosim.TableWorld;
import io.mttkit.tb.dut.CheckerDescription;
import io.mttkit.tb.dut.ResponseOrder;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * {@code mtt bench latency} (issue #15): what a miss costs the requester. For access streams with a given share of
 * misses and a fixed memory latency, the mean and 99th-percentile check latency and the checks per cycle of a
 * checker, every run co-simulated against the golden model (a mismatch refuses the figure). Two latencies per check:
 * <b>delivered</b>, request handshake to response handshake; <b>answered</b>, request handshake to the first cycle
 * its verdict could leave — the cycle after a hit's lookup or after its walk's {@code obs_walk_end}, read from the
 * observation ports ({@link AnswerCycles}). Their difference is the wait in the answer buffer: behind older checks
 * with {@code IN_ORDER}, behind answers of the same cycle with {@code BY_ID}. The blocking checker has no answer
 * buffer (its walker drives the response in the walk's last cycle, a hit leaves the cycle after its lookup) and the
 * bench holds no response back, so its answered latency is its delivered one.
 *
 * <p>The stream: one supervisor domain whose memory alternates read-write and read-execute every 64 KiB (so no leaf
 * covers more than one 64 KiB block and every block is its own cache entry); {@value #HOT_BLOCKS} hot blocks take
 * the hits, and a miss is a load from a block never touched before (its walk usually starts from the walk cache, as
 * a fresh page next to used ones does in a real program). No backpressure, no bus errors, no fences: the figures are
 * the checker's, not the environment's.
 *
 * <p>Each point is measured for the checker given ({@code walks} 1: the blocking shipped RTL, co-simulated with the
 * full scoreboard) and, for generated RTL, for the same configuration with {@value #WALKS} walks in flight and
 * responses {@code IN_ORDER} and {@code BY_ID} ({@link NonBlockingRun}: out-of-order memory, every verdict against the
 * golden lookup). The non-blocking rows count MISS pulses (replays included) as misses.
 */
public final class LatencyBench {
    static final long SEED = 0x1A7E_0C;
    static final int[] MISS_PERCENT = {0, 5, 20, 50};
    static final int[] MEMORY_LATENCY = {2, 10, 50};
    static final int HOT_BLOCKS = 8;
    /** Walks in flight of the non-blocking rows. */
    static final int WALKS = 4;
    private static final long BLOCK = 64 * 1024;
    private static final long WINDOW_BASE = 1L << 32;
    private static final int RW = Access.R | Access.W;
    private static final int RX = Access.R | Access.X;

    /**
     * One measured point.
     *
     * @param walksInFlight  1 (the blocking checker) or {@value #WALKS}
     * @param responseOrder  how responses leave ({@code IN_ORDER} for the blocking checker: its only order)
     * @param answeredFromPorts whether the answered latency was read from the observation ports (else it is the
     *                       delivered one: the blocking checker)
     */
    public record Point(int missPercent, int memoryLatency, int walksInFlight, ResponseOrder responseOrder,
                        long checks, long misses, double deliveredMean, long deliveredP99, double answeredMean,
                        long answeredP99, boolean answeredFromPorts, double checksPerCycle) {
        /** The series of the table and the chart: {@code blocking}, {@code IN_ORDER} or {@code BY_ID}. */
        public String series() {
            return walksInFlight == 1 ? BLOCKING : responseOrder.name();
        }

        /** Measured misses in percent of the checks. */
        public double measuredMissPercent() {
            return 100.0 * misses / Math.max(1, checks);
        }
    }

    /**
     * A whole bench run.
     *
     * @param checker        the checker's label
     * @param mode           the MTT mode of the stream
     * @param checksPerPoint checks of each point
     * @param points         in table order: miss share, then memory latency, then blocking, IN_ORDER, BY_ID
     */
    public record Run(String checker, String mode, int checksPerPoint, List<Point> points) {
        /** The agreed last line of the command: checks per cycle at 5 % misses and latency 10. */
        public String headline() {
            double blocking = LatencyBench.headline(points, BLOCKING).checksPerCycle();
            if (points.stream().noneMatch(p -> p.walksInFlight() == WALKS)) {
                return String.format("checks/cycle at 5%% misses, latency 10, blocking: %.3f (bring-your-own RTL: no"
                        + " non-blocking configuration to generate)", blocking);
            }
            return String.format("checks/cycle at 5%% misses, latency 10, %d walks: %.3f (blocking: %.3f)", WALKS,
                    LatencyBench.headline(points, ResponseOrder.BY_ID.name()).checksPerCycle(), blocking);
        }
    }

    /** The series name of the blocking checker (walks 1). */
    public static final String BLOCKING = "blocking";
    /** The series in table and chart order. */
    public static final List<String> SERIES = List.of(BLOCKING, ResponseOrder.IN_ORDER.name(),
            ResponseOrder.BY_ID.name());

    private LatencyBench() {
    }

    /**
     * Measures {@code lib} at every miss share and memory latency, {@code checks} checks each; prints the table (but
     * not its last line, {@link Run#headline()}: the caller prints it last, after the report's path).
     *
     * @return the run
     * @throws IllegalArgumentException when the library has no cache (nothing to miss)
     * @throws IllegalStateException    when a non-blocking run differs from the golden model
     */
    public static Run run(CheckerLibrary lib, int checks, PrintStream out) {
        CheckerDescription d = lib.description();
        if (lib.cache() == null) {
            throw new IllegalArgumentException("the latency bench measures a cached checker; " + d.label()
                    + " has no cache (use a checker-rv* configuration, e.g. the shipped rv64-smmpt)");
        }
        MttMode mode = d.modes().stream().filter(m -> m.format() == io.mttkit.golden.TableFormat.SMMPT_V0_9).findFirst().orElse(d.modes().get(0));
        int maxMisses = checks * MISS_PERCENT[MISS_PERCENT.length - 1] / 100;
        PhysicalMemory memory = new PhysicalMemory();
        BuiltTables tables = tables(mode, HOT_BLOCKS + maxMisses + 1, memory);
        out.printf("mtt bench latency: %s, %s, one domain, %d checks per point, hot set %d blocks of 64 KiB, misses"
                + " to fresh blocks; no backpressure, no bus errors; every check co-simulated%n", d.label(), mode, checks,
                HOT_BLOCKS);
        out.println("delivered: request handshake to response handshake; answered: request handshake to the first"
                + " cycle the verdict could leave (the cycle after a hit's lookup or its walk's obs_walk_end; blocking:"
                + " = delivered); means and p99 in cycles");
        out.printf("%-8s %-8s %-5s %-8s %9s %5s %9s %5s %8s %13s%n", "misses", "latency", "walks", "order",
                "delivered", "p99", "answered", "p99", "checks/c", "measured miss");
        List<NonBlockingRun.Built> nonBlocking = d.generator() == null ? List.of()
                : List.of(nonBlocking(d, ResponseOrder.IN_ORDER), nonBlocking(d, ResponseOrder.BY_ID));
        List<Point> points = new ArrayList<>();
        for (int miss : MISS_PERCENT) {
            List<Stimulus> stream = stream(mode, tables.rootPpn(), miss, checks);
            for (int lat : MEMORY_LATENCY) {
                List<Point> row = new ArrayList<>();
                row.add(measure(lib, memory, stream, miss, lat));
                for (NonBlockingRun.Built nb : nonBlocking) {
                    row.add(measureNonBlocking(nb, memory, stream, miss, lat));
                }
                for (Point p : row) {
                    points.add(p);
                    out.printf("%-8s %-8d %-5d %-8s %9.2f %5d %9.2f %5d %8.3f %12.1f%%%n", miss + "%", lat,
                            p.walksInFlight(), p.responseOrder(), p.deliveredMean(), p.deliveredP99(),
                            p.answeredMean(), p.answeredP99(), p.checksPerCycle(), p.measuredMissPercent());
                }
                out.flush();
            }
        }
        return new Run(d.label(), mode.toString(), checks, List.copyOf(points));
    }

    private static Point headline(List<Point> points, String series) {
        return points.stream().filter(p -> p.missPercent() == 5 && p.memoryLatency() == 10
                && p.series().equals(series)).findFirst().orElseThrow();
    }

    /** The generated configuration of {@code d} with {@value #WALKS} walks and {@code order}, built. */
    private static NonBlockingRun.Built nonBlocking(CheckerDescription d, ResponseOrder order) {
        java.util.Map<String, String> settings = new java.util.LinkedHashMap<>(d.generator().settings());
        settings.put("walksInFlight", Integer.toString(WALKS));
        settings.put("responseOrder", order.name());
        return NonBlockingRun.build(d.generator().configuration(), settings);
    }

    private static Point measureNonBlocking(NonBlockingRun.Built nb, PhysicalMemory memory, List<Stimulus> stream,
                                            int miss, int lat) {
        NonBlockingRun.Result r = NonBlockingRun.run(nb, memory, stream, SEED, lat, lat, 0);
        if (r.answeredLatencies().contains(NonBlockingRun.UNOBSERVED)) {
            throw new IllegalStateException("a check of the bench stream was answered without its verdict showing on"
                    + " the observation ports (a lookup pulse or obs_walk_end)");
        }
        long[] delivered = sorted(r.latencies());
        long[] answered = sorted(r.answeredLatencies());
        return new Point(miss, lat, nb.walksInFlight(), nb.inOrder() ? ResponseOrder.IN_ORDER : ResponseOrder.BY_ID,
                delivered.length, r.misses(), mean(delivered), p99(delivered), mean(answered), p99(answered), true,
                r.checksPerCycle());
    }

    private static long[] sorted(List<Long> values) {
        return values.stream().mapToLong(Long::longValue).sorted().toArray();
    }

    private static double mean(long[] values) {
        return Arrays.stream(values).average().orElse(0);
    }

    /** The 99th percentile of sorted {@code values}: the smallest value at or above 99 % of them. */
    private static long p99(long[] values) {
        return values.length == 0 ? 0 : values[(int) Math.ceil(0.99 * values.length) - 1];
    }

    /** The domain's tables: {@code blocks} 64 KiB blocks from 4 GiB up, alternating RW and RX. */
    static BuiltTables tables(MttMode mode, int blocks, PhysicalMemory memory) {
        List<Region> regions = new ArrayList<>(blocks);
        for (int i = 0; i < blocks; i++) {
            regions.add(new Region(WINDOW_BASE + i * BLOCK, BLOCK, i % 2 == 0 ? RW : RX));
        }
        BuiltTables t = TableBuilder.build(regions, mode, TableWorld.TABLE_BASE, BuildOptions.DEFAULT);
        memory.load(t.base(), t.image());
        return t;
    }

    /** {@code checks} loads: the hot blocks once each (warming the cache), then {@code missPercent} % fresh blocks. */
    static List<Stimulus> stream(MttMode mode, long rootPpn, int missPercent, int checks) {
        SplittableRandom rnd = new SplittableRandom(SEED + missPercent);
        List<Stimulus> out = new ArrayList<>(checks);
        long fresh = HOT_BLOCKS;
        for (int i = 0; i < checks; i++) {
            long block;
            if (i < HOT_BLOCKS) {
                block = i;
            } else if (rnd.nextInt(100) < missPercent) {
                block = fresh++;
            } else {
                block = rnd.nextInt(HOT_BLOCKS);
            }
            long pa = WINDOW_BASE + block * BLOCK + (rnd.nextLong(BLOCK) & ~7L);
            out.add(withSdid(CheckRequest.of(mode, rootPpn, pa, Access.R, false)));
        }
        return out;
    }

    static CheckRequest withSdid(CheckRequest c) {
        return new CheckRequest(c.pa(), c.need(), c.mode(), c.rawMode(), c.rootPpn(), 1, c.be(), c.bypass());
    }

    private static Point measure(CheckerLibrary lib, PhysicalMemory memory, List<Stimulus> stream, int miss, int lat) {
        SessionSettings s = new SessionSettings(SEED, lat, lat, 0, 0, 0, true);
        try (CosimHarness h = new CosimHarness(lib, memory, s)) {
            h.run(stream); // throws at the first difference from the golden models: no figure from a wrong run
            long cycles = h.totals().cycles() - BenchWorkload.HARNESS_RESET_CYCLES; // the session's cycles count its reset
            long[] lats = sorted(h.latencies());
            long misses = h.answers().stream().filter(a -> !a.hit()).count();
            // no answer buffer and no response held back: the verdict leaves in the cycle it can (answered = delivered)
            return new Point(miss, lat, 1, ResponseOrder.IN_ORDER, lats.length, misses, mean(lats), p99(lats),
                    mean(lats), p99(lats), false, (double) lats.length / Math.max(1, cycles));
        }
    }
}
