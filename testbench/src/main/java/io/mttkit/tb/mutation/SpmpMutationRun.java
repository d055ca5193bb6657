package io.mttkit.tb.mutation;

import io.mttkit.bridge.BuildDriver;
import io.mttkit.bridge.BuildSpec;
import io.mttkit.bridge.LoadedLibrary;
import io.mttkit.bridge.Variant;
import io.mttkit.gen.spmp.SpmpMptChecker;
import io.mttkit.tb.spmpcosim.SpmpMptCosim;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Map.Entry;
import java.util.stream.Stream;

/**
 * Mutation analysis of the composed SPMP top ({@code mtt_spmp_checker}, configuration {@code spmp-rv64}): each mutant
 * of {@link MutantCatalogue#SPMP_RV64} is applied to the generated Verilog, built, and run through the composed
 * co-simulation ({@link SpmpMptCosim}); a mismatch kills it. One child JVM per mutant ({@link #main}), as
 * {@link MutantWorker} for the hart-side checkers: a JVM holds only so many Verilated libraries (static TLS), and a
 * crashing mutant cannot take the run with it. A hung access ends at the co-simulation's per-access cycle limit.
 */
public final class SpmpMutationRun {
    /** The configuration the SPMP mutants edit. */
    public static final String SPMP_RV64 = "spmp-rv64";

    private SpmpMutationRun() {
    }

    /** Runs {@code mutants} with {@code accesses} accesses each, printing a line per mutant, the table and the summary. */
    public static MutationRun.Report run(List<Mutant> mutants, long accesses, long seed, PrintWriter out) {
        Map<String, String> original = IoMutationRun.generated(SPMP_RV64);
        List<Map<String, String>> mutated = new ArrayList<>();
        for (Mutant m : mutants) { // every edit is checked before the first (slow) build
            if (!m.config().equals(SPMP_RV64)) {
                throw new IllegalArgumentException("mutant " + m.id() + " is for " + m.config() + ", not " + SPMP_RV64);
            }
            mutated.add(MutationRun.apply(m, original));
        }
        SpmpMptCosim.Params p = SpmpMptCosim.params(SPMP_RV64, Map.of());
        SpmpMptCosim.Result base = SpmpMptCosim.run(BuildDriver.fromEnvironment(), SPMP_RV64, p, seed, accesses);
        if (!base.passed()) {
            throw new IllegalStateException("the unmodified " + SPMP_RV64 + " fails the composed co-simulation (seed "
                    + seed + "): fix that before measuring mutants\n" + base.mismatches().get(0));
        }
        out.printf("%s: unmodified design passes %d accesses (seed %d); %d mutants%n", SPMP_RV64, base.accesses(), seed,
                mutants.size());
        out.flush();
        List<MutationRun.Outcome> outcomes = new ArrayList<>();
        for (int i = 0; i < mutants.size(); i++) {
            MutationRun.Outcome o = runOne(mutants.get(i), mutated.get(i), p, accesses, seed);
            outcomes.add(o);
            MutationRun.printOutcome(out, i, mutants.size(), o);
        }
        return MutationRun.printReport(out, new MutationRun.Report(SPMP_RV64, accesses, seed, List.copyOf(outcomes)));
    }

    /**
     * Builds mutant {@code m}'s {@code mtt_spmp_checker} (the configuration's Verilog with the one edit, as a worker
     * builds it; through the build cache) for a caller that runs it in this JVM: a test showing that another comparison
     * (the hart lockstep) catches it.
     */
    public static LoadedLibrary build(BuildDriver driver, Mutant m) {
        if (!m.config().equals(SPMP_RV64)) {
            throw new IllegalArgumentException("mutant " + m.id() + " is for " + m.config() + ", not " + SPMP_RV64);
        }
        Path dir = null;
        try {
            dir = Files.createTempDirectory("mtt-spmp-mutant-" + m.id() + "-");
            List<Path> sources = new ArrayList<>();
            for (Entry<String, String> f : MutationRun.apply(m, IoMutationRun.generated(SPMP_RV64)).entrySet()) {
                Path file = Files.writeString(dir.resolve(f.getKey()), f.getValue());
                if (f.getKey().endsWith(".v")) { // not the manifest
                    sources.add(file);
                }
            }
            return driver.load(BuildSpec.generic(sources.stream().sorted().toList(), SpmpMptChecker.MODULE_NAME,
                    Variant.FAST));
        } catch (IOException e) {
            throw new UncheckedIOException("building mutant " + m.id(), e);
        } finally {
            RunSupport.deleteQuietly(dir);
        }
    }

    /** A worker gets this long per mutant; build and 20 000 accesses take about a minute on a loaded machine. */
    private static final long WORKER_TIMEOUT_SECONDS = 900;
    private static final String PREFIX = "RESULT\t";

    private static MutationRun.Outcome runOne(Mutant m, Map<String, String> files, SpmpMptCosim.Params p,
                                              long accesses, long seed) {
        long t0 = System.nanoTime();
        Path dir = null;
        try {
            dir = Files.createTempDirectory("mtt-spmp-mutant-" + m.id() + "-");
            for (Entry<String, String> f : files.entrySet()) {
                Files.writeString(dir.resolve(f.getKey()), f.getValue());
            }
            List<String> cmd = new ArrayList<>();
            cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            for (String k : System.getProperties().stringPropertyNames()) {
                if (k.startsWith("mttkit.")) { // build cache location and size, tool paths
                    cmd.add("-D" + k + "=" + System.getProperty(k));
                }
            }
            cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), SpmpMutationRun.class.getName(),
                    dir.toString(), Long.toString(accesses), Long.toString(seed)));
            Path log = dir.resolve("worker.log");
            Process proc = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            if (!proc.waitFor(WORKER_TIMEOUT_SECONDS, java.util.concurrent.TimeUnit.SECONDS)) {
                proc.destroyForcibly();
                proc.waitFor();
                return new MutationRun.Outcome(m, MutationRun.Verdict.KILLED, "worker hung for "
                        + WORKER_TIMEOUT_SECONDS + " s", 0, RunSupport.seconds(t0));
            }
            List<String> lines = Files.readAllLines(log);
            for (String l : lines) {
                if (l.startsWith(PREFIX)) {
                    String[] f = l.split("\t", 4);
                    String detail = f.length > 3 && !f[3].isEmpty() ? f[3] : null;
                    return new MutationRun.Outcome(m, MutationRun.Verdict.valueOf(f[1]), detail, Long.parseLong(f[2]),
                            RunSupport.seconds(t0));
                }
            }
            String last = lines.isEmpty() ? "(no output)" : lines.get(lines.size() - 1);
            boolean crashed = lines.stream().anyMatch(l -> l.contains("A fatal error has been detected by the Java"))
                    || proc.exitValue() > 128;
            if (!crashed) {
                throw new IllegalStateException("SPMP mutation worker for " + m.id() + " failed (exit "
                        + proc.exitValue() + "):\n" + String.join("\n", lines));
            }
            return new MutationRun.Outcome(m, MutationRun.Verdict.KILLED, "simulation crashed (worker exit "
                    + proc.exitValue() + "): " + last, 0, RunSupport.seconds(t0));
        } catch (IOException e) {
            throw new UncheckedIOException("running mutant " + m.id(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running mutant " + m.id(), e);
        } finally {
            RunSupport.deleteQuietly(dir);
        }
    }

    /**
     * The child process: {@code DIR ACCESSES SEED}, DIR holding the mutated Verilog of {@code spmp-rv64}; builds it,
     * runs the composed co-simulation and prints {@code RESULT<TAB>VERDICT<TAB>ACCESSES<TAB>DETAIL}.
     */
    public static void main(String[] args) throws IOException {
        if (args.length != 3) {
            System.err.println("usage: SpmpMutationRun DIR ACCESSES SEED");
            System.exit(2);
        }
        Path dir = Path.of(args[0]);
        List<Path> sources;
        try (Stream<Path> list = Files.list(dir)) {
            sources = list.filter(f -> f.toString().endsWith(".v")).sorted().toList();
        }
        SpmpMptCosim.Params p = SpmpMptCosim.params(SPMP_RV64, Map.of());
        String line;
        LoadedLibrary lib = null;
        try {
            lib = BuildDriver.fromEnvironment().load(BuildSpec.generic(sources, SpmpMptChecker.MODULE_NAME,
                    Variant.FAST));
        } catch (RuntimeException e) {
            line = result(MutationRun.Verdict.BUILD_FAILED, 0, RunSupport.firstLine(e.getMessage()));
            System.out.println(line);
            System.out.flush();
            System.exit(0);
        }
        SpmpMptCosim.Result r = SpmpMptCosim.run(lib, SPMP_RV64, p, Long.parseLong(args[2]), Long.parseLong(args[1]));
        line = r.passed() ? result(MutationRun.Verdict.SURVIVED, r.accesses(), "")
                : result(MutationRun.Verdict.KILLED, r.accesses(), firstMismatch(r.mismatches().get(0)));
        System.out.println(line);
        System.out.flush();
        System.exit(0);
    }

    private static String result(MutationRun.Verdict v, long accesses, String detail) {
        String d = detail.replaceAll("\\s+", " ").strip();
        return PREFIX + v + "\t" + accesses + "\t" + (d.length() > 400 ? d.substring(0, 400) + " ..." : d);
    }

    /** The first mismatch's first line, without the bracketed run name. */
    private static String firstMismatch(String m) {
        String line = RunSupport.firstLine(m);
        int at = line.indexOf("] ");
        return at >= 0 ? line.substring(at + 2) : line;
    }
}
