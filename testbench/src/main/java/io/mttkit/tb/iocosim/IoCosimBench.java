package io.mttkit.tb.iocosim;

import io.mttkit.bridge.BaselineRunner;
import io.mttkit.bridge.BuildDriver;
import io.mttkit.bridge.BuiltLibrary;
import io.mttkit.bridge.RequestBuffer;
import io.mttkit.bridge.SessionConfig;
import io.mttkit.bridge.StimulusFile;
import io.mttkit.golden.mem.PhysicalMemory;
import io.mttkit.tb.cosim.SessionSettings;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Co-simulation throughput of an I/O checker: M0, the standalone C++ runner ({@code mttb_runner}: the same library,
 * the same {@code mttb_run} over the whole request stream in one call, the same memory image), against M2, the
 * product path ({@link IoHarness}: batches of 8192 requests through JNA with the full scoreboard — three golden
 * models, every verdict, MPTE read, PMP query and register access compared). Both run one fixed-seed workload (DMA
 * streams with register programs, latency 2..8, backpressure, bus errors); the bench refuses to report when M2's
 * event trace (digest of every native record) differs from M0's or the scoreboard finds a mismatch.
 */
public final class IoCosimBench {
    static final long SEED = 0x10_BE4C;
    static final int REPETITIONS = 5;

    private IoCosimBench() {
    }

    /** One measured mode. */
    record Sample(long nanos, long digest, long cycles, long nativeNanos, long events) {
    }

    /** Measures {@code lib} on {@code checks} DMA checks; prints the table; returns 0, or 1 when it refuses. */
    public static int run(IoCheckerLibrary lib, int checks, PrintStream out) {
        SessionSettings s = SessionSettings.simple(SEED).withLatency(2, 8).withStalls(50, 50).withBusErrors(5);
        BuildDriver driver = BuildDriver.fromEnvironment();
        BuiltLibrary built = lib.library().built();
        BaselineRunner runner = BaselineRunner.build(driver.cache(), driver.compilerVersion());
        Path dir;
        try {
            dir = Files.createTempDirectory("mtt-io-bench");
        } catch (IOException e) {
            throw new UncheckedIOException("creating a temporary folder for the bench", e);
        }
        PhysicalMemory mem = new PhysicalMemory();
        IoStimulus stim = new IoStimulus(SEED, lib.description(), mem);
        List<IoOp> ops = workload(stim, checks);
        RequestBuffer q = IoHarness.requests(ops, lib.description());
        SessionConfig config = new SessionConfig(s.seed(), s.memLatencyMin(), s.memLatencyMax(), s.mrdStallPerMille(),
                s.rspStallPerMille(), s.busErrorPerMille(), lib.description().pmpLatency(), 20_000, s.pmpDefaultAllow());
        Path stimFile = dir.resolve("io.stim");
        List<StimulusFile.Region> regions = new ArrayList<>();
        for (PhysicalMemory.Region r : mem.regions()) {
            regions.add(new StimulusFile.Region(r.base(), r.buffer()));
        }
        long dma = ops.stream().filter(o -> o instanceof IoOp.Dma).count();
        try {
            StimulusFile.write(stimFile, config, IoHarness.RESET_CYCLES, stim.pmpRegions(), regions, q, dma);
        } catch (IOException e) {
            throw new UncheckedIOException("writing " + stimFile, e);
        }
        out.printf("mtt bench cosim: %s, %d DMA checks in %d requests (seed %d, latency 2-8, 5%% stalls, 0.5%% bus"
                + " errors)%n", lib.description().label(), dma, ops.size(), SEED);
        out.flush();
        List<Sample> m0 = new ArrayList<>();
        List<Sample> m1 = new ArrayList<>();
        List<Sample> m2 = new ArrayList<>();
        Sample warmUp = null;
        // Each mode is timed warm: M0 on its runner's second run, M2 after one untimed run that lets the JIT compile
        // the scoreboard (timing that run would measure the compiler, not the product path).
        for (int rep = -1; rep < REPETITIONS; rep++) { // interleaved, so both see the same background load
            if (rep >= 0) {
                List<BaselineRunner.Result> rs = runner.run(built, stimFile, 2);
                BaselineRunner.Result warm = rs.get(1);
                m0.add(new Sample(warm.nanos(), warm.digest(), warm.cycles(), warm.nanos(), warm.events()));
            }
            if (rep >= 0) {
                m1.add(m1(lib, s, checks));
            }
            PhysicalMemory fresh = new PhysicalMemory();
            IoStimulus again = new IoStimulus(SEED, lib.description(), fresh);
            List<IoOp> same = workload(again, checks);
            try (IoHarness h = new IoHarness(lib, fresh, s)) {
                h.setPmpRegions(again.pmpRegions());
                try {
                    h.run(same);
                } catch (IoMismatchException e) {
                    out.println("mtt bench cosim refuses to report: the scoreboard found a mismatch:\n" + e.getMessage());
                    return 1;
                }
                Sample x = new Sample(h.runNanos(), h.rawDigest(), h.totals().cycles() - IoHarness.RESET_CYCLES,
                        h.nativeNanos(), 0);
                if (rep >= 0) {
                    m2.add(x);
                } else {
                    warmUp = x;
                }
            }
        }
        List<Sample> all = new ArrayList<>(m2);
        all.addAll(m1);
        all.add(warmUp);
        for (Sample x : all) {
            if (x.digest() != m0.get(0).digest() || x.cycles() != m0.get(0).cycles()) {
                out.printf("mtt bench cosim refuses to report: the product path ran another trace (digest %016x, %d"
                        + " cycles) than the C++ runner (digest %016x, %d cycles)%n", x.digest(), x.cycles(),
                        m0.get(0).digest(), m0.get(0).cycles());
                return 1;
            }
        }
        double t0 = median(m0);
        double t2 = median(m2);
        out.printf("%-62s %12s %12s %9s%n", "mode", "cycles/s", "checks/s", "time/M0");
        out.printf("%-62s %12.0f %12.0f %9.2f%n", "M0 C++ runner (mttb_runner, one call)", m0.get(0).cycles() / t0 * 1e9,
                dma / t0 * 1e9, 1.0);
        double t1 = median(m1);
        out.printf("%-62s %12.0f %12.0f %9.2f%n", "M1 JNA batches of 8192, trace digest only (no scoreboard)",
                m0.get(0).cycles() / t1 * 1e9, dma / t1 * 1e9, t1 / t0);
        out.printf("%-62s %12.0f %12.0f %9.2f%n", "M2 product path (IoHarness, batch 8192, full scoreboard)",
                m0.get(0).cycles() / t2 * 1e9, dma / t2 * 1e9, t2 / t0);
        // Each repetition runs M0, M1 and M2 back to back, so their ratio sees one background load; the median of
        // those paired ratios is the figure (the ratio of the medians mixes repetitions run under different loads).
        double[] paired = new double[m2.size()];
        for (int i = 0; i < paired.length; i++) {
            paired[i] = (double) m2.get(i).nanos() / m0.get(i).nanos();
        }
        Arrays.sort(paired);
        out.printf("ratio M2/M0: %.2f (goal <= 1.25; median of %d paired repetitions %s); ratio of medians %.2f;"
                + " fastest repetitions %.2f%n", paired[paired.length / 2], paired.length, Arrays.toString(
                        Arrays.stream(paired).map(x -> Math.round(x * 100) / 100.0).toArray()), t2 / t0,
                fastest(m2) / fastest(m0));
        out.printf("M2 time in the bridge's run calls %.0f%%, in the scoreboard %.0f%%%n",
                100.0 * m2.get(m2.size() - 1).nativeNanos() / m2.get(m2.size() - 1).nanos(),
                100.0 - 100.0 * m2.get(m2.size() - 1).nativeNanos() / m2.get(m2.size() - 1).nanos());
        out.printf("event digest (M0 = M2): %016x, %d cycles, %d events (%.2f per cycle)%n", m0.get(0).digest(),
                m0.get(0).cycles(), m0.get(0).events(), (double) m0.get(0).events() / m0.get(0).cycles());
        return 0;
    }

    /** M1: the same requests through the same bridge calls, the trace digested, nothing compared. */
    private static Sample m1(IoCheckerLibrary lib, SessionSettings s, int checks) {
        PhysicalMemory fresh = new PhysicalMemory();
        IoStimulus again = new IoStimulus(SEED, lib.description(), fresh);
        List<IoOp> same = workload(again, checks);
        try (IoHarness h = new IoHarness(lib, fresh, s)) {
            h.setPmpRegions(again.pmpRegions());
            h.digestOnly();
            h.run(same);
            return new Sample(h.runNanos(), h.rawDigest(), h.totals().cycles() - IoHarness.RESET_CYCLES,
                    h.nativeNanos(), 0);
        }
    }

    private static List<IoOp> workload(IoStimulus stim, int checks) {
        List<IoOp> ops = new ArrayList<>(stim.setUp());
        ops.addAll(stim.round(checks));
        return ops;
    }

    private static double median(List<Sample> xs) {
        long[] v = xs.stream().mapToLong(Sample::nanos).toArray();
        Arrays.sort(v);
        return v[v.length / 2];
    }

    private static double fastest(List<Sample> xs) {
        return xs.stream().mapToLong(Sample::nanos).min().orElse(1);
    }
}
