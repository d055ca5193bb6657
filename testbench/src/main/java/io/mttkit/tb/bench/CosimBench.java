package io.mttkit.tb.bench;

import io.mttkit.tb.cosim.CheckAnswer;
import io.mttkit.bridge.BaselineRunner;
import io.mttkit.bridge.BridgeException;
import io.mttkit.bridge.BuildDriver;
import io.mttkit.bridge.BuiltLibrary;
import io.mttkit.bridge.CheckerSession;
import io.mttkit.bridge.Dut;
import io.mttkit.bridge.Event;
import io.mttkit.bridge.EventBuffer;
import io.mttkit.bridge.LoadedLibrary;
import io.mttkit.bridge.RawEvent;
import io.mttkit.bridge.Records;
import io.mttkit.bridge.RunResult;
import io.mttkit.bridge.Scenario;
import io.mttkit.bridge.StopReason;
import io.mttkit.bridge.FixableException;
import io.mttkit.golden.Cause;
import io.mttkit.tb.cosim.CheckerLibrary;
import io.mttkit.tb.cosim.CosimHarness;
import io.mttkit.tb.cosim.CosimMismatchException;
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
 * {@code mtt bench cosim [--quick]}: co-simulation throughput of the shipped generated checker
 * ({@value #CONFIGURATION}, walker + cache, contract v2) on a realistic fixed-seed workload ({@link CosimStimulus}),
 * every mode in one process run (COSIM-BRIDGE.md, "Benchmark"):
 * <ul>
 * <li>M0 — the standalone C++ runner, same library, same {@code mttb_run}, same memory image, whole stream in one
 * call;</li>
 * <li>M1 — JNA batches of K requests, events decoded and digested only, K ∈ {1, 8, 64, 256, 512, 4096};</li>
 * <li>M2 — the product path: {@link CosimHarness#run} with the full scoreboard (golden walk, golden cache model,
 * every event compared), at the harness's own batch of {@value #HARNESS_BATCH} requests per native call;</li>
 * <li>M3 — per-cycle peek/poke through the generic layer ({@link PerCycleDriver}, the anti-pattern), on a prefix of
 * the stream compared with its own M0 run.</li>
 * </ul>
 * Repetitions are interleaved across modes and medians reported. Nothing is reported when any mode's event digest
 * differs from M0's, when the product path's cycle count or answers differ from M0's trace, or when the scoreboard
 * finds a mismatch. A figure, never a pass/fail speed test.
 */
public final class CosimBench {
    /** The shipped configuration measured. */
    public static final String CONFIGURATION = "rv64-smmpt";
    /** Batch size of the headline ratio. */
    public static final int HEADLINE_K = 64;
    /** The product path's default batch ({@link CosimHarness#DEFAULT_BATCH}). */
    static final int HARNESS_BATCH = CosimHarness.DEFAULT_BATCH;
    /** Batch sizes measured in M1 and M2. */
    static final int[] KS = {1, 8, 64, HARNESS_BATCH, 512, 4096};
    static final long SEED = 1;

    /** Sizes of one benchmark run. */
    record Settings(int requests, int perCycleRequests, int repetitions) {
    }

    static final Settings QUICK = new Settings(10_000, 300, 5);
    static final Settings FULL = new Settings(100_000, 2_000, 9);
    /** Unmeasured rounds first: the JIT must have compiled the Java paths before they are timed. */
    static final int WARM_UP_ROUNDS = 2;

    /**
     * One measured repetition of one mode.
     *
     * @param digest event-trace digest; M2 has none (the harness keeps its events), see {@link #productPath}
     */
    record Sample(long nanos, long cycles, long checks, long calls, long digest) {
    }

    /** The benchmark refuses to report (a mode ran a different trace, or the scoreboard found a mismatch). */
    static final class Refused extends RuntimeException {
        Refused(String message) {
            super(message);
        }
    }

    /** Runs the benchmark and prints it; returns a process exit code (0 ok, 1 refused or failed).
     *  @throws FixableException when Verilator is missing or unusable, or the checker does not build (exit code 2) */
    public int run(boolean quick, PrintStream out) {
        try {
            return measure(quick ? QUICK : FULL, out);
        } catch (FixableException e) {
            throw e; // Verilator missing, too old, not building: the CLI says so on stderr with exit code 2
        } catch (CosimMismatchException e) {
            out.println("REFUSED: the RTL disagrees with the golden model, so no figures are reported:\n" + e.getMessage());
            return 1;
        } catch (Refused e) {
            out.println("REFUSED: " + e.getMessage());
            return 1;
        } catch (BridgeException e) {
            out.println("mtt bench cosim failed: " + e.getMessage());
            return 1;
        }
    }

    int measure(Settings s, PrintStream out) {
        BuildDriver driver = BuildDriver.fromEnvironment();
        long t0 = System.nanoTime();
        CheckerLibrary lib = CheckerLibrary.shipped(CONFIGURATION);
        double obtain = (System.nanoTime() - t0) / 1e9;
        BuiltLibrary built = lib.library().built();
        double coldBuild = built.cold() ? built.buildSeconds() : manifestSeconds(built.manifest());
        BaselineRunner runner = BaselineRunner.build(driver.cache(), driver.compilerVersion());

        long g0 = System.nanoTime();
        BenchWorkload main = CosimStimulus.generate(lib.description(), lib.cache(), SEED, s.requests());
        BenchWorkload small = main.prefix(s.perCycleRequests());
        Scenario mainSc = main.scenario(lib.description());
        Scenario smallSc = small.scenario(lib.description());
        double generate = (System.nanoTime() - g0) / 1e9;
        Path dir;
        try {
            dir = Files.createTempDirectory("mtt-bench-cosim");
            mainSc.writeStimulus(dir.resolve("main.stim"));
            smallSc.writeStimulus(dir.resolve("small.stim"));
        } catch (IOException e) {
            throw new UncheckedIOException("writing the stimulus files", e);
        }
        try {
            out.printf("mtt bench cosim%s: shipped %s (%s, cache %s), port contract v2%n", s == QUICK ? " --quick" : "",
                    CONFIGURATION, lib.top(), lib.cache() == null ? "none" : lib.cache().label());
            out.printf("library %s  cold build %.1f s%s  generate + cache lookup + load %.2f s (dlopen + checks %.1f ms)%n",
                    built.hash().substring(0, 16), coldBuild, built.cold() ? "" : " (recorded in the manifest)", obtain,
                    lib.library().loadSeconds() * 1e3);
            out.printf("workload (seed %d, tables + stream built in %.2f s): %d requests: %s%n", SEED, generate,
                    mainSc.requests().size(), main.summary());
            out.printf("session: memory latency %d-%d, stalls mrd %d / rsp %d per mille, bus errors %d per mille; M3 on "
                            + "the first %d requests; %d warm-up rounds, %d interleaved repetitions, medians%n",
                    main.settings().memLatencyMin(), main.settings().memLatencyMax(), main.settings().mrdStallPerMille(),
                    main.settings().rspStallPerMille(), main.settings().busErrorPerMille(), smallSc.requests().size(),
                    WARM_UP_ROUNDS, s.repetitions());
            Map<String, List<Sample>> samples = new LinkedHashMap<>();
            ProductCheck reference = null;
            for (int r = -WARM_UP_ROUNDS; r < s.repetitions(); r++) {
                ProductCheck pc = round(lib, runner, built, main, mainSc, smallSc, dir, r < 0 ? null : samples);
                reference = reference == null ? pc : reference;
            }
            try {
                verifyTraces(samples);
            } catch (Refused e) {
                String where = samples.get("M3").stream().anyMatch(x -> x.digest() != samples.get("M0-small").get(0).digest())
                        ? "\n" + firstDifference(lib.library(), smallSc) : "";
                throw new Refused(e.getMessage() + where);
            }
            compareAnswers(lib.library(), mainSc, reference);
            report(samples, reference, out);
            return 0;
        } finally {
            try {
                for (Path p : List.of(dir.resolve("main.stim"), dir.resolve("small.stim"), dir)) {
                    Files.deleteIfExists(p);
                }
            } catch (IOException ignored) {
                // a leftover temp file is harmless
            }
        }
    }

    /** What one product-path run reported: the harness's totals, to print and to compare with M0's trace. */
    record ProductCheck(CosimHarness.Totals totals, List<CheckAnswer> answers) {
    }

    private ProductCheck round(CheckerLibrary lib, BaselineRunner runner, BuiltLibrary built, BenchWorkload main,
            Scenario mainSc, Scenario smallSc, Path dir, Map<String, List<Sample>> into) {
        Sample m0 = m0(runner, built, dir.resolve("main.stim"));
        record(into, "M0", m0);
        for (int k : KS) {
            record(into, "M1 K=" + k, jna(lib.library(), mainSc, k, null));
        }
        ProductCheck pc = null;
        for (int k : KS) {
            ProductCheck at = productPath(lib, main, mainSc, m0, k, into);
            if (k == HEADLINE_K) {
                pc = at;
            }
        }
        record(into, "M0-small", m0(runner, built, dir.resolve("small.stim")));
        record(into, "M3", perCycle(lib.library(), smallSc));
        return pc;
    }

    private static void record(Map<String, List<Sample>> into, String mode, Sample s) {
        if (into != null) {
            into.computeIfAbsent(mode, m -> new ArrayList<>()).add(s);
        }
    }

    /**
     * M0: two repetitions in one runner process, the second timed. The first runs in a freshly started process
     * (library pages, the model's first touch of its state); the JVM modes run warm, so M0 must as well.
     */
    private static Sample m0(BaselineRunner runner, BuiltLibrary built, Path stim) {
        List<BaselineRunner.Result> rs = runner.run(built, stim, 2);
        BaselineRunner.Result r = rs.get(1);
        if (rs.get(0).digest() != r.digest()) {
            throw new Refused("the C++ runner's two repetitions of one stimulus produced different traces");
        }
        return new Sample(r.nanos(), r.cycles(), r.checks(), r.calls(), r.digest());
    }

    /**
     * M2, the product path: a {@link CosimHarness} session on the workload, only {@code run} timed (M0 does not
     * time session creation either). The harness keeps its events, so instead of a digest its trace is tied to
     * M0's by the cycle count and by every answer (allow, cause, xwr, hit) equal to the RSP/OBS events of the same
     * scenario in M1 — and every event it saw was compared with the golden model.
     *
     * @throws CosimMismatchException when the scoreboard finds a difference
     * @throws Refused when the product path ran a different trace from M0
     */
    private static ProductCheck productPath(CheckerLibrary lib, BenchWorkload w, Scenario sc, Sample m0, int k,
            Map<String, List<Sample>> into) {
        try (CosimHarness h = new CosimHarness(lib, w.memory(), w.settings())) {
            h.setPmpRegions(w.pmp());
            h.setBatch(k);
            long t0 = System.nanoTime();
            h.run(w.stream());
            long nanos = System.nanoTime() - t0;
            CosimHarness.Totals t = h.totals();
            long cycles = t.cycles() - sc.resetCycles();
            if (cycles != m0.cycles() || t.checks() != m0.checks()) {
                throw new Refused(String.format("the product path ran %d cycles / %d checks, M0 %d cycles / %d checks "
                        + "on the same workload: the bench's scenario no longer matches how CosimHarness drives the "
                        + "session (reset, watchdog, request encoding)", cycles, t.checks(), m0.cycles(), m0.checks()));
            }
            long calls = (sc.requests().size() + k - 1) / k + 1; // batches + one drain
            record(into, "M2 K=" + k, new Sample(nanos, cycles, t.checks(), calls, 0));
            return new ProductCheck(t, h.answers());
        }
    }

    /**
     * M1: batches of {@code k} requests per native call, events digested; with {@code rsp} non-null, also every
     * response and the number of cache HIT pulses, decoded into typed events (untimed use only).
     */
    static Sample jna(LoadedLibrary lib, Scenario sc, int k, Responses rsp) {
        EventBuffer ev = new EventBuffer(Math.max(256, k * 16) + 64 * lib.maxEventsPerCycle());
        try (CheckerSession s = sc.open(lib)) {
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
                collect(ev, rsp);
                failOnStop(r);
                cycles += r.cyclesRun();
                from += (int) r.consumed();
            }
            for (;;) {
                RunResult r = s.drain(ev, 0);
                calls++;
                digest = ev.digest(digest);
                collect(ev, rsp);
                failOnStop(r);
                cycles += r.cyclesRun();
                if (r.reason() == StopReason.DONE) {
                    break;
                }
            }
            long nanos = System.nanoTime() - t0;
            return new Sample(nanos, cycles, sc.checks(), calls, digest);
        }
    }

    /** The responses of a trace and its cache HIT pulses, in order. */
    static final class Responses {
        final List<Event.Response> responses = new ArrayList<>();
        long hits;
    }

    private static void collect(EventBuffer ev, Responses rsp) {
        if (rsp == null) {
            return;
        }
        for (int i = 0; i < ev.size(); i++) {
            Event e = ev.event(i);
            if (e instanceof Event.Response r) {
                rsp.responses.add(r);
            } else if (e instanceof Event.Observation o && o.obsKind() == Records.OBS_HIT) {
                rsp.hits++;
            }
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

    /**
     * Ties the product path's answers to the M0 trace: the responses of the scenario (run again through M1,
     * whose digest equals M0's) must be the harness's answers, one for one, and the cache hits as many.
     */
    static void compareAnswers(LoadedLibrary lib, Scenario sc, ProductCheck pc) {
        Responses rsp = new Responses();
        jna(lib, sc, 4096, rsp);
        long hits = rsp.hits;
        List<Event.Response> responses = rsp.responses;
        List<CheckAnswer> answers = pc.answers();
        if (responses.size() != answers.size()) {
            throw new Refused("the product path answered " + answers.size() + " checks, the M0 trace has "
                    + responses.size() + " responses");
        }
        long answeredHits = 0;
        for (int i = 0; i < answers.size(); i++) {
            CheckAnswer a = answers.get(i);
            Event.Response r = responses.get(i);
            if (a.allow() != r.allow() || a.cause() != r.cause() || a.xwr() != r.xwr()) {
                throw new Refused(String.format("check %d: the product path answered allow=%s cause=%d xwr=%d, the M0 "
                        + "trace has allow=%s cause=%d xwr=%d", i, a.allow(), a.cause(), a.xwr(), r.allow(), r.cause(),
                        r.xwr()));
            }
            answeredHits += a.hit() ? 1 : 0;
        }
        if (answeredHits != hits) {
            throw new Refused("the product path counted " + answeredHits + " cache hits, the M0 trace has " + hits
                    + " HIT observations");
        }
    }

    /**
     * Where the per-cycle driver's trace first departs from the fast path's on {@code sc}: both runs recorded, the
     * events around the first difference printed side by side (a refusal's diagnosis, not timed).
     */
    static String firstDifference(LoadedLibrary lib, Scenario sc) {
        List<RawEvent> fast = new ArrayList<>();
        EventBuffer ev = new EventBuffer(1 << 16);
        try (CheckerSession s = sc.open(lib)) {
            int from = 0;
            boolean done = false;
            while (!done) {
                boolean draining = from >= sc.requests().size();
                RunResult r = draining ? s.drain(ev, 0) : s.run(sc.requests(), from, sc.requests().size() - from, ev, 0);
                failOnStop(r);
                from += (int) r.consumed();
                done = draining && r.reason() == StopReason.DONE;
                for (int i = 0; i < ev.size(); i++) {
                    fast.add(ev.raw(i));
                }
            }
        }
        List<RawEvent> slow = new ArrayList<>();
        try (Dut dut = lib.openDut()) {
            PerCycleDriver d = new PerCycleDriver(dut, sc);
            d.recordInto(slow);
            d.reset();
            d.runAll();
        }
        int n = Math.max(fast.size(), slow.size());
        for (int i = 0; i < n; i++) {
            if (i >= fast.size() || i >= slow.size() || !fast.get(i).equals(slow.get(i))) {
                StringBuilder sb = new StringBuilder("M3 departs from the fast path at event " + i
                        + " (fast path | per-cycle driver):\n");
                for (int j = Math.max(0, i - 4); j < Math.min(n, i + 4); j++) {
                    sb.append(String.format("%s %-60s | %s%n", j == i ? ">>" : "  ", eventText(fast, j), eventText(slow, j)));
                }
                return sb.toString();
            }
        }
        return "M3 reproduces the fast path's trace when run again: the difference did not repeat";
    }

    private static String eventText(List<RawEvent> events, int i) {
        if (i >= events.size()) {
            return "-";
        }
        RawEvent e = events.get(i);
        try {
            return e.event().text();
        } catch (io.mttkit.bridge.BridgeException unknownKind) {
            return e.toString(); // the driver wrote a kind the table lacks: show the record as it is
        }
    }

    /** Refuses unless every repetition of every digested mode produced exactly M0's event trace. */
    private static void verifyTraces(Map<String, List<Sample>> samples) {
        long ref = samples.get("M0").get(0).digest();
        long refSmall = samples.get("M0-small").get(0).digest();
        List<String> bad = new ArrayList<>();
        samples.forEach((mode, list) -> {
            if (mode.startsWith("M2")) {
                return; // tied to M0 by cycles and answers in productPath / compareAnswers
            }
            long want = mode.equals("M3") || mode.equals("M0-small") ? refSmall : ref;
            for (Sample x : list) {
                if (x.digest() != want) {
                    bad.add(mode + " digest " + Long.toHexString(x.digest()) + " != M0 " + Long.toHexString(want));
                    break;
                }
            }
        });
        if (!bad.isEmpty()) {
            throw new Refused("event traces differ between modes, so no figures are reported: " + String.join("; ", bad));
        }
    }

    private static void report(Map<String, List<Sample>> samples, ProductCheck pc, PrintStream out) {
        CosimHarness.Totals t = pc.totals();
        out.println("scoreboard: every check and cache event of M2 matched the golden model; " + causes(t)
                + "; cache " + cacheStats(t));
        double m0 = median(samples.get("M0"));
        double m0small = median(samples.get("M0-small"));
        out.printf("%-44s %12s %12s %12s %9s%n", "mode", "cycles/s", "checks/s", "calls/check", "time/M0");
        for (var e : samples.entrySet()) {
            if (e.getKey().equals("M0-small")) {
                continue;
            }
            Sample first = e.getValue().get(0);
            double sec = median(e.getValue()) / 1e9;
            double ratio = median(e.getValue()) / (e.getKey().equals("M3") ? m0small : m0);
            out.printf("%-44s %12.0f %12.0f %12.3f %8.2fx%n", label(e.getKey()), first.cycles() / sec,
                    first.checks() / sec, (double) first.calls() / first.checks(), ratio);
        }
        double m2 = median(samples.get("M2 K=" + HEADLINE_K));
        out.printf("ratio M2/M0 at K=%d: %.2f%n", HEADLINE_K, m2 / m0);
        // on a shared machine other load only ever adds time: the fastest repetitions are a second opinion
        out.printf("fastest repetitions (less sensitive to other load): M2/M0 at K=%d %.2f, M1/M0 at K=%d %.2f%n",
                HEADLINE_K, fastest(samples.get("M2 K=" + HEADLINE_K)) / fastest(samples.get("M0")), HEADLINE_K,
                fastest(samples.get("M1 K=" + HEADLINE_K)) / fastest(samples.get("M0")));
    }

    private static double fastest(List<Sample> xs) {
        return xs.stream().mapToLong(Sample::nanos).min().orElseThrow();
    }

    private static String label(String mode) {
        if (mode.equals("M0")) {
            return "M0 C++ runner";
        } else if (mode.startsWith("M1")) {
            return mode + " JNA, decode + digest";
        } else if (mode.startsWith("M2")) {
            return mode + " product path, full scoreboard";
        }
        return "M3 per-cycle peek/poke (vs its own M0)";
    }

    private static String causes(CosimHarness.Totals t) {
        StringBuilder sb = new StringBuilder("causes");
        for (int i = 0; i < t.causes().length; i++) {
            if (t.causes()[i] != 0) {
                sb.append(' ').append(Cause.values()[i].name().toLowerCase(java.util.Locale.ROOT)).append(' ')
                        .append(t.causes()[i]);
            }
        }
        return sb.toString();
    }

    private static String cacheStats(CosimHarness.Totals t) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < CosimHarness.CACHE_STATS.size(); i++) {
            if (t.cache()[i] != 0) {
                sb.append(sb.length() == 0 ? "" : ", ").append(CosimHarness.CACHE_STATS.get(i)).append(' ')
                        .append(t.cache()[i]);
            }
        }
        return sb.length() == 0 ? "(no events)" : sb.toString();
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
