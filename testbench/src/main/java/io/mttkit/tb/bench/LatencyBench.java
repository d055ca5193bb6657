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
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * {@code mtt bench latency} (issue #15): what a miss costs the requester. For access streams with a given share of
 * misses and a fixed memory latency, the mean and 99th-percentile check latency (request handshake to response
 * handshake) and the checks per cycle of a checker, every run co-simulated against the golden model and the golden
 * cache model ({@link CosimHarness}: a mismatch refuses the figure).
 *
 * <p>The stream: one supervisor domain whose memory alternates read-write and read-execute every 64 KiB (so no leaf
 * covers more than one 64 KiB block and every block is its own cache entry); {@value #HOT_BLOCKS} hot blocks take
 * the hits, and a miss is a load from a block never touched before (its walk usually starts from the walk cache, as
 * a fresh page next to used ones does in a real program). No backpressure, no bus errors, no fences: the figures are
 * the checker's, not the environment's.
 *
 * <p>Each point is measured for the checker given ({@code walks} 1: the blocking shipped RTL, co-simulated with the
 * full scoreboard) and, for generated RTL, for the same configuration with {@value #WALKS} walks in flight and
 * responses {@code BY_ID} ({@link NonBlockingRun}: out-of-order memory, every verdict against the golden lookup; the
 * scoreboard of cache events does not follow several walks yet). The non-blocking rows count MISS pulses (replays
 * included) as misses.
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

    /** One measured point. */
    public record Point(int missPercent, int memoryLatency, int walksInFlight, long checks, long misses, double mean,
                        long p99, double checksPerCycle) {
    }

    private LatencyBench() {
    }

    /**
     * Measures {@code lib} at every miss share and memory latency, {@code checks} checks each; prints the table.
     *
     * @return the points, in table order
     * @throws IllegalArgumentException when the library has no cache (nothing to miss)
     */
    public static List<Point> run(CheckerLibrary lib, int checks, PrintStream out) {
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
        out.printf("%-8s %-8s %-6s %10s %10s %8s %13s%n", "misses", "latency", "walks", "mean", "p99", "checks/c",
                "measured miss");
        NonBlockingRun.Built nb = nonBlocking(d);
        List<Point> points = new ArrayList<>();
        for (int miss : MISS_PERCENT) {
            List<Stimulus> stream = stream(mode, tables.rootPpn(), miss, checks);
            for (int lat : MEMORY_LATENCY) {
                List<Point> row = new ArrayList<>();
                row.add(measure(lib, memory, stream, miss, lat));
                if (nb != null) {
                    row.add(measureNonBlocking(nb, memory, stream, miss, lat));
                }
                for (Point p : row) {
                    points.add(p);
                    out.printf("%-8s %-8d %-6d %10.2f %10d %8.3f %12.1f%%%n", miss + "%", lat, p.walksInFlight(),
                            p.mean(), p.p99(), p.checksPerCycle(), 100.0 * p.misses() / Math.max(1, p.checks()));
                }
                out.flush();
            }
        }
        double blocking = headline(points, 1).checksPerCycle();
        if (nb == null) {
            out.printf("checks/cycle at 5%% misses, latency 10, blocking: %.3f (bring-your-own RTL: no non-blocking"
                    + " configuration to generate)%n", blocking);
        } else {
            out.printf("checks/cycle at 5%% misses, latency 10, %d walks: %.3f (blocking: %.3f)%n", WALKS,
                    headline(points, WALKS).checksPerCycle(), blocking);
        }
        return points;
    }

    private static Point headline(List<Point> points, int walks) {
        return points.stream().filter(p -> p.missPercent() == 5 && p.memoryLatency() == 10
                && p.walksInFlight() == walks).findFirst().orElseThrow();
    }

    /** The generated configuration of {@code d} with {@value #WALKS} walks, by id, built; null for own RTL. */
    private static NonBlockingRun.Built nonBlocking(CheckerDescription d) {
        if (d.generator() == null) {
            return null;
        }
        java.util.Map<String, String> settings = new java.util.LinkedHashMap<>(d.generator().settings());
        settings.put("walksInFlight", Integer.toString(WALKS));
        settings.put("responseOrder", "BY_ID");
        return NonBlockingRun.build(d.generator().configuration(), settings);
    }

    private static Point measureNonBlocking(NonBlockingRun.Built nb, PhysicalMemory memory, List<Stimulus> stream,
                                            int miss, int lat) {
        NonBlockingRun.Result r = NonBlockingRun.run(nb, memory, stream, SEED, lat, lat, 0);
        long[] lats = r.latencies().stream().mapToLong(Long::longValue).sorted().toArray();
        double mean = Arrays.stream(lats).average().orElse(0);
        long p99 = lats.length == 0 ? 0 : lats[(int) Math.ceil(0.99 * lats.length) - 1];
        return new Point(miss, lat, nb.walksInFlight(), lats.length, r.misses(), mean, p99, r.checksPerCycle());
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
            long[] lats = h.latencies().stream().mapToLong(Long::longValue).toArray();
            long misses = h.answers().stream().filter(a -> !a.hit()).count();
            Arrays.sort(lats);
            double mean = Arrays.stream(lats).average().orElse(0);
            long p99 = lats.length == 0 ? 0 : lats[(int) Math.ceil(0.99 * lats.length) - 1];
            return new Point(miss, lat, 1, lats.length, misses, mean, p99, (double) lats.length / Math.max(1, cycles));
        }
    }
}
