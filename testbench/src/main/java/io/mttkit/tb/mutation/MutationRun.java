package io.mttkit.tb.mutation;

import io.mttkit.tb.cosim.RegressionResult;
import io.mttkit.tb.dut.CheckerManifest;
import io.mttkit.tb.cosim.Regression;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds each mutant of a configuration ({@link MutationConfig}; Verilator, through the content-hashed build cache)
 * and runs a short, fixed-seed co-simulation regression on it, each in its own child JVM ({@link MutantWorker}): a
 * mutant is KILLED at the first mismatch with the golden model (for a cached checker also the first cache event the
 * cache scoreboard disagrees with), SURVIVED when every check matches, BUILD_FAILED when Verilator rejects it. The
 * unmodified design must pass the same regression first, or the kills would mean nothing.
 */
public final class MutationRun {
    /** Checks per mutant by default: about a second of simulation, enough to reach every decode path. */
    public static final long DEFAULT_CHECKS = 20_000;
    /** Seed by default (fixed, so that results are reproducible). */
    public static final long DEFAULT_SEED = 1;

    /** What happened to one mutant. */
    public enum Verdict { KILLED, SURVIVED, BUILD_FAILED }

    /**
     * One mutant's result.
     *
     * @param detail  for KILLED the first mismatch in one line, for BUILD_FAILED the first line of the build error
     * @param checks  checks run before the verdict
     * @param seconds wall time, build included
     */
    public record Outcome(Mutant mutant, Verdict verdict, String detail, long checks, double seconds) {
    }

    /** Results of a run. */
    public record Report(String config, long checks, long seed, List<Outcome> outcomes) {
        /** Outcomes with {@code verdict}. */
        public long count(Verdict verdict) {
            return outcomes.stream().filter(o -> o.verdict() == verdict).count();
        }

        /** Killed over killed + survived (build failures are not mutants the regression could see). */
        public double killRatio() {
            long k = count(Verdict.KILLED);
            long s = count(Verdict.SURVIVED);
            return k + s == 0 ? 0 : (double) k / (k + s);
        }

        /** One-line summary. */
        public String summary() {
            return String.format("%s: %d mutants, %d killed, %d survived, %d build failed; kill ratio %.1f%% (%d checks, seed %d)",
                    config, outcomes.size(), count(Verdict.KILLED), count(Verdict.SURVIVED), count(Verdict.BUILD_FAILED),
                    100 * killRatio(), checks, seed);
        }

        /** A Markdown table of the outcomes. */
        public String table() {
            StringBuilder sb = new StringBuilder("| mutant | bug | verdict | checks | first mismatch / error |\n");
            sb.append("|---|---|---|---|---|\n");
            for (Outcome o : outcomes) {
                sb.append("| `").append(o.mutant().id()).append("` | ").append(o.mutant().description().replace("|", "\\|"))
                        .append(" | ").append(o.verdict()).append(" | ").append(o.checks()).append(" | ")
                        .append(o.detail() == null ? "" : o.detail().replace("|", "\\|")).append(" |\n");
            }
            return sb.toString();
        }
    }

    private MutationRun() {}

    /** Runs the whole catalogue of {@code config}, reporting progress and the result table to {@code out}. */
    public static Report run(String config, long checks, long seed, PrintWriter out) {
        return run(config, MutantCatalogue.forConfig(config), checks, seed, out);
    }

    /**
     * Runs {@code mutants} (all of {@code config}).
     *
     * @throws MutantNotApplicableException before anything is built, when a mutant's text is not found exactly once
     * @throws IllegalStateException        when the unmodified design fails the regression
     */
    public static Report run(String config, List<Mutant> mutants, long checks, long seed, PrintWriter out) {
        if (checks < 1) {
            throw new IllegalArgumentException("checks per mutant must be at least 1; got " + checks);
        }
        MutationConfig cfg = MutationConfig.of(config);
        MutationConfig.Generated generated = cfg.sources();
        Map<String, String> original = generated.files();
        List<Map<String, String>> mutated = new ArrayList<>();
        for (Mutant m : mutants) { // every edit is checked before the first (slow) build
            if (!m.config().equals(config)) {
                throw new IllegalArgumentException("mutant " + m.id() + " is for " + m.config() + ", not " + config);
            }
            mutated.add(apply(m, original));
        }
        // the same library the workers build from the mutated text: cached configurations get the cache stimulus
        // (Regression adds it when lib.cache() != null) and the cache scoreboard
        RegressionResult base = Regression.run(cfg.library(), seed, checks);
        if (!base.passed()) {
            throw new IllegalStateException("the unmodified " + config + " fails the regression (seed " + seed
                    + "): fix that before measuring mutants\n" + base.firstMismatch());
        }
        out.printf("%s: unmodified design passes %d checks (seed %d); %d mutants%n", config, base.checks(), seed,
                mutants.size());
        out.flush();
        List<Outcome> outcomes = new ArrayList<>();
        for (int i = 0; i < mutants.size(); i++) {
            Outcome o = runOne(mutants.get(i), mutated.get(i), generated.manifest(), config, checks, seed);
            outcomes.add(o);
            printOutcome(out, i, mutants.size(), o);
        }
        return printReport(out, new Report(config, checks, seed, List.copyOf(outcomes)));
    }

    /** One progress line per mutant, as it finishes (hart-side and I/O runs alike). */
    static void printOutcome(PrintWriter out, int index, int count, Outcome o) {
        out.printf("[%2d/%d] %-28s %-12s %6d checks %5.1f s  %s%n", index + 1, count, o.mutant().id(),
                o.verdict(), o.checks(), o.seconds(), o.detail() == null ? "" : o.detail());
        out.flush();
    }

    /** Prints the run's table and summary after the progress lines and returns {@code r}. */
    static Report printReport(PrintWriter out, Report r) {
        out.println();
        out.print(r.table());
        out.println();
        out.println(r.summary());
        out.flush();
        return r;
    }

    /** The emitted files of a design with {@code m} applied to its target file. */
    public static Map<String, String> apply(Mutant m, Map<String, String> files) {
        String target = null;
        for (String name : files.keySet()) {
            if (Mutant.moduleFileMatches(m.file(), name)) {
                if (target != null) {
                    throw new MutantNotApplicableException("mutant " + m.id() + ": more than one emitted file starts with '"
                            + m.file() + "' (" + target + ", " + name + ")");
                }
                target = name;
            }
        }
        if (target == null) {
            throw new MutantNotApplicableException("mutant " + m.id() + ": no emitted file starts with '" + m.file() + "'; files: "
                    + files.keySet());
        }
        Map<String, String> out = new LinkedHashMap<>(files);
        out.put(target, m.apply(target, files.get(target)));
        return out;
    }

    /** A worker gets this long per mutant; build and 20 000 checks take well under a minute. */
    private static final long WORKER_TIMEOUT_SECONDS = 900;

    /** Runs one mutant: its Verilog and the unmodified folder's {@code checker.json} in a folder of its own. */
    private static Outcome runOne(Mutant m, Map<String, String> files, String manifest, String config, long checks,
                                  long seed) {
        long t0 = System.nanoTime();
        Path dir = null;
        try {
            dir = Files.createTempDirectory("mtt-mutant-" + m.id() + "-");
            for (Map.Entry<String, String> f : files.entrySet()) {
                Files.writeString(dir.resolve(f.getKey()), f.getValue());
            }
            Files.writeString(dir.resolve(CheckerManifest.FILE), manifest); // the same device, mutated Verilog
            return runWorker(m, dir, config, checks, seed, t0);
        } catch (IOException e) {
            throw new UncheckedIOException("running mutant " + m.id(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running mutant " + m.id(), e);
        } finally {
            deleteTree(dir);
        }
    }

    private static Outcome runWorker(Mutant m, Path dir, String config, long checks, long seed, long t0)
            throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        for (String k : System.getProperties().stringPropertyNames()) {
            if (k.startsWith("mttkit.")) { // build cache location and size, tool paths
                cmd.add("-D" + k + "=" + System.getProperty(k));
            }
        }
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), MutantWorker.class.getName(), dir.toString(),
                config, Long.toString(checks), Long.toString(seed)));
        Path log = dir.resolve("worker.log");
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!p.waitFor(WORKER_TIMEOUT_SECONDS, java.util.concurrent.TimeUnit.SECONDS)) {
            p.destroyForcibly();
            p.waitFor();
            // the harness stops a stuck simulation itself (cycle limit); a worker that still hangs is a detected bug
            return new Outcome(m, Verdict.KILLED, "worker hung for " + WORKER_TIMEOUT_SECONDS + " s", 0, RunSupport.seconds(t0));
        }
        List<String> lines = Files.readAllLines(log);
        for (String l : lines) {
            if (l.startsWith(MutantWorker.PREFIX)) {
                String[] f = l.split("\t", 4);
                Verdict v = Verdict.valueOf(f[1]);
                String detail = f.length > 3 && !f[3].isEmpty() ? f[3] : null;
                return new Outcome(m, v, detail, Long.parseLong(f[2]), RunSupport.seconds(t0));
            }
        }
        // No result line. A JVM fatal error (a signal in the Verilated model) is a mutant the regression detects;
        // anything else is a failure of the worker itself and must not be counted as a kill.
        String last = lines.isEmpty() ? "(no output)" : lines.get(lines.size() - 1);
        boolean crashed = lines.stream().anyMatch(l -> l.contains("A fatal error has been detected by the Java Runtime"))
                || p.exitValue() > 128;
        if (!crashed) {
            throw new IllegalStateException("mutation worker for " + m.id() + " failed (exit " + p.exitValue() + "):\n"
                    + String.join("\n", lines));
        }
        return new Outcome(m, Verdict.KILLED, "simulation crashed (worker exit " + p.exitValue() + "): " + last, 0,
                RunSupport.seconds(t0));
    }

    private static void deleteTree(Path dir) {
        if (dir == null) {
            return;
        }
        try (java.util.stream.Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("removing " + dir, e);
        }
    }

}
