package io.mttkit.tb.bench;

import io.mttkit.bridge.BaselineRunner;
import io.mttkit.bridge.BridgeException;
import io.mttkit.bridge.BuildDriver;
import io.mttkit.bridge.BuildSpec;
import io.mttkit.bridge.BuiltLibrary;
import io.mttkit.bridge.CheckerSession;
import io.mttkit.bridge.Dut;
import io.mttkit.bridge.EventBuffer;
import io.mttkit.bridge.LoadedLibrary;
import io.mttkit.bridge.RunResult;
import io.mttkit.bridge.Scenario;
import io.mttkit.bridge.StopReason;
import io.mttkit.bridge.TestDesigns;
import io.mttkit.bridge.ToolMissingException;
import io.mttkit.bridge.Variant;
import io.mttkit.bridge.Records;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code mtt bench cosim [--quick]}: co-simulation throughput of the bridge's modes in one process run
 * (COSIM-BRIDGE.md, "Benchmark"):
 * <ul>
 * <li>M0 — the standalone C++ runner, same library, same {@code mttb_run}, whole stream in one call;</li>
 * <li>M1 — JNA batches, events decoded and digested only;</li>
 * <li>M2 — JNA batches of K requests with full checking of every event against a reference model (the
 * product path), for K ∈ {1, 8, 64, 512, 4096};</li>
 * <li>M3 — per-cycle peek/poke through the generic layer (the anti-pattern), on a shorter stream.</li>
 * </ul>
 * Repetitions are interleaved across modes and medians reported. Nothing is reported when any mode's event
 * digest differs from M0's or the model finds a mismatch. A figure, never a pass/fail speed test.
 *
 * <p>Until the generated checker lands this measures the bridge's tiny test design, which implements
 * port contract v1 with a Java reference model ({@link TinyCheckerModel}).
 */
public final class CosimBench {
    /** Batch size (requests per native call) of the product path. */
    public static final int DEFAULT_K = 64;
    /** Batch sizes measured in M2. */
    static final int[] KS = {1, 8, 64, 512, 4096};
    static final long SEED = 1;

    /** Sizes of one benchmark run. */
    record Settings(int requests, int perCycleRequests, int repetitions) {
    }

    static final Settings QUICK = new Settings(10_000, 300, 5);
    static final Settings FULL = new Settings(100_000, 2_000, 9);
    /** Unmeasured rounds first: the JIT must have compiled the Java paths before they are timed. */
    static final int WARM_UP_ROUNDS = 2;

    /** One measured repetition of one mode. */
    record Sample(long nanos, long cycles, long checks, long calls, long digest) {
    }

    /** Runs the benchmark and prints it; returns a process exit code (0 ok, 1 refused or failed). */
    public int run(boolean quick, PrintStream out) {
        try {
            return measure(quick ? QUICK : FULL, out);
        } catch (ToolMissingException e) {
            out.println("mtt bench cosim: " + e.getMessage());
            return 1;
        } catch (TinyCheckerModel.Mismatch e) {
            out.println("REFUSED: the RTL disagrees with the reference model, so no figures are reported: " + e.getMessage());
            return 1;
        } catch (BridgeException e) {
            out.println("mtt bench cosim failed: " + e.getMessage());
            return 1;
        }
    }

    int measure(Settings s, PrintStream out) {
        BuildDriver driver = BuildDriver.fromEnvironment();
        BuildSpec spec = TestDesigns.tinyCheckerSpec(driver.cache(), Variant.FAST);
        BuiltLibrary built = driver.build(spec);
        double coldBuild = built.cold() ? built.buildSeconds() : manifestSeconds(built.manifest());
        long t0 = System.nanoTime();
        LoadedLibrary lib = driver.load(spec);
        double cachedLoad = (System.nanoTime() - t0) / 1e9;
        BaselineRunner runner = BaselineRunner.build(driver.cache(), driver.compilerVersion());

        Scenario main = CosimStimulus.generate(SEED, s.requests());
        Scenario small = CosimStimulus.generate(SEED + 1, s.perCycleRequests());
        Path dir;
        try {
            dir = Files.createTempDirectory("mtt-bench-cosim");
            main.writeStimulus(dir.resolve("main.stim"));
            small.writeStimulus(dir.resolve("small.stim"));
        } catch (IOException e) {
            throw new UncheckedIOException("writing the stimulus files", e);
        }
        out.printf("mtt bench cosim%s: design %s (bridge test design implementing port contract v1)%n",
                s == QUICK ? " --quick" : "", TestDesigns.TINY_CHECKER_TOP);
        out.printf("library %s  cold build %.1f s%s  cached load %.1f ms%n", built.hash().substring(0, 16), coldBuild,
                built.cold() ? "" : " (recorded in the manifest)", cachedLoad * 1e3);
        out.printf("stimulus: %d requests (%d checks), seed %d; M3 on %d requests; %d warm-up rounds, %d interleaved "
                + "repetitions, medians%n", main.requests().size(), main.checks(), SEED, small.requests().size(),
                WARM_UP_ROUNDS, s.repetitions());

        Map<String, List<Sample>> samples = new LinkedHashMap<>();
        for (int w = 0; w < WARM_UP_ROUNDS; w++) {
            round(lib, runner, built, main, small, dir, null);
        }
        for (int r = 0; r < s.repetitions(); r++) {
            round(lib, runner, built, main, small, dir, samples);
        }
        try {
            for (Path p : List.of(dir.resolve("main.stim"), dir.resolve("small.stim"), dir)) {
                Files.deleteIfExists(p);
            }
        } catch (IOException ignored) {
            // a leftover temp file is harmless
        }
        // refuse to report anything unless every mode produced exactly M0's event trace
        long ref = samples.get("M0").get(0).digest();
        long refSmall = samples.get("M0-small").get(0).digest();
        List<String> bad = new ArrayList<>();
        samples.forEach((mode, list) -> {
            long want = mode.equals("M3") || mode.equals("M0-small") ? refSmall : ref;
            for (Sample x : list) {
                if (x.digest() != want) {
                    bad.add(mode + " digest " + Long.toHexString(x.digest()) + " != M0 " + Long.toHexString(want));
                    break;
                }
            }
        });
        if (!bad.isEmpty()) {
            out.println("REFUSED: event traces differ between modes, so no figures are reported: " + String.join("; ", bad));
            return 1;
        }
        double m0 = median(samples.get("M0"));
        double m0small = median(samples.get("M0-small"));
        out.printf("%-26s %14s %14s %12s %10s%n", "mode", "cycles/s", "checks/s", "calls/check", "time/M0");
        for (var e : samples.entrySet()) {
            if (e.getKey().equals("M0-small")) {
                continue;
            }
            Sample first = e.getValue().get(0);
            double sec = median(e.getValue()) / 1e9;
            double ratio = median(e.getValue()) / (e.getKey().equals("M3") ? m0small : m0);
            out.printf("%-26s %14.0f %14.0f %12.3f %9.2fx%n", label(e.getKey()), first.cycles() / sec, first.checks() / sec,
                    (double) first.calls() / first.checks(), ratio);
        }
        out.printf("ratio M2/M0 at K=%d: %.2f%n", DEFAULT_K, median(samples.get("M2 K=" + DEFAULT_K)) / m0);
        return 0;
    }

    private static String label(String mode) {
        return switch (mode) {
            case "M0" -> "M0 C++ runner";
            case "M1" -> "M1 JNA decode K=" + DEFAULT_K;
            case "M3" -> "M3 per-cycle peek/poke";
            default -> mode + " full check";
        };
    }

    private void round(LoadedLibrary lib, BaselineRunner runner, BuiltLibrary built, Scenario main, Scenario small, Path dir,
            Map<String, List<Sample>> into) {
        record(into, "M0", m0(runner, built, main, dir.resolve("main.stim")));
        record(into, "M1", jna(lib, main, DEFAULT_K, false));
        for (int k : KS) {
            record(into, "M2 K=" + k, jna(lib, main, k, true));
        }
        record(into, "M0-small", m0(runner, built, small, dir.resolve("small.stim")));
        record(into, "M3", perCycle(lib, small));
    }

    private static void record(Map<String, List<Sample>> into, String mode, Sample s) {
        if (into != null) {
            into.computeIfAbsent(mode, m -> new ArrayList<>()).add(s);
        }
    }

    private static Sample m0(BaselineRunner runner, BuiltLibrary built, Scenario sc, Path stim) {
        BaselineRunner.Result r = runner.run(built, stim, 1).get(0);
        return new Sample(r.nanos(), r.cycles(), r.checks(), r.calls(), r.digest());
    }

    /** M1 (check = false) and M2 (check = true): batches of k requests per native call. */
    static Sample jna(LoadedLibrary lib, Scenario sc, int k, boolean check) {
        EventBuffer ev = new EventBuffer(Math.max(256, k * 16));
        try (CheckerSession s = sc.open(lib)) {
            TinyCheckerModel model = check ? new TinyCheckerModel(sc.requests(), sc.memory(), sc.pmp(),
                    sc.config().pmpDefaultAllow()) : null;
            long digest = Records.DIGEST_SEED;
            long cycles = 0;
            long calls = 0;
            int n = sc.requests().size();
            int from = 0;
            long t0 = System.nanoTime();
            while (from < n) {
                RunResult r = s.run(sc.requests(), from, Math.min(k, n - from), ev, 0);
                calls++;
                digest = ev.digest(digest);
                if (model != null) {
                    model.accept(ev);
                }
                failOnStop(r);
                cycles += r.cyclesRun();
                from += (int) r.consumed();
            }
            for (;;) {
                RunResult r = s.drain(ev, 0);
                calls++;
                digest = ev.digest(digest);
                if (model != null) {
                    model.accept(ev);
                }
                failOnStop(r);
                cycles += r.cyclesRun();
                if (r.reason() == StopReason.DONE) {
                    break;
                }
            }
            if (model != null) {
                model.finish();
            }
            long nanos = System.nanoTime() - t0;
            return new Sample(nanos, cycles, sc.checks(), calls, digest);
        }
    }

    private static void failOnStop(RunResult r) {
        if (r.reason().terminal()) {
            throw new BridgeException("the run stopped: " + r.reason() + " " + r.message());
        }
    }

    static Sample perCycle(LoadedLibrary lib, Scenario sc) {
        try (Dut dut = lib.openDut()) {
            PerCycleDriver d = new PerCycleDriver(dut, sc);
            d.reset();
            long startCycle = d.cycles();
            long startCalls = d.calls();
            long t0 = System.nanoTime();
            d.runAll();
            long nanos = System.nanoTime() - t0;
            return new Sample(nanos, d.cycles() - startCycle, sc.checks(), d.calls() - startCalls, d.digest());
        }
    }

    static double median(List<Sample> xs) {
        long[] v = xs.stream().mapToLong(Sample::nanos).sorted().toArray();
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2.0;
    }

    private static double manifestSeconds(Path manifest) {
        try {
            Matcher m = Pattern.compile("\"buildSeconds\": \"([0-9.]+)\"").matcher(Files.readString(manifest));
            return m.find() ? Double.parseDouble(m.group(1)) : Double.NaN;
        } catch (IOException e) {
            return Double.NaN;
        }
    }
}
