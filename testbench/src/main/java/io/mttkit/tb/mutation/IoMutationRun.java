package io.mttkit.tb.mutation;

import io.mttkit.gen.Configurations;
import io.mttkit.tb.iocosim.IoCheckerLibrary;
import io.mttkit.tb.iocosim.IoRegression;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Map.Entry;
import java.util.stream.Stream;

/**
 * Mutation analysis of the I/O MPT checker: each mutant of {@link MutantCatalogue#IO_RV64} is applied to the generated
 * Verilog, built, and run through the I/O co-simulation ({@link IoRegression}); a mismatch kills it. In-process (the
 * I/O regression stops a stuck simulation with the bridge's watchdog), one Verilator build per mutant.
 */
public final class IoMutationRun {
    /** The configuration the I/O mutants edit. */
    public static final String IO_CHECKER_RV64 = "io-checker-rv64";
    /** The shipped cached I/O checker, whose mutants include the cache glue's. */
    public static final String IO_RV64_SMMPT = "io-rv64-smmpt";

    private IoMutationRun() {
    }

    /** Runs {@code mutants} with {@code checks} DMA checks each, printing a line per mutant, the table and the summary. */
    public static MutationRun.Report run(String config, List<Mutant> mutants, long checks, long seed, PrintWriter out) {
        Map<String, String> original = generated(config);
        List<Map<String, String>> mutated = new ArrayList<>();
        for (Mutant m : mutants) { // every edit is checked before the first (slow) build
            if (!m.config().equals(config)) {
                throw new IllegalArgumentException("mutant " + m.id() + " is for " + m.config() + ", not " + config);
            }
            mutated.add(MutationRun.apply(m, original));
        }
        IoRegression.Result base = IoRegression.run(IoCheckerLibrary.forConfiguration(config, Map.of()), seed,
                checks, n -> { });
        if (!base.passed()) {
            throw new IllegalStateException("the unmodified " + config + " fails the I/O regression (seed " + seed
                    + "): fix that before measuring mutants\n" + base.firstMismatch());
        }
        out.printf("%s: unmodified design passes %d DMA checks (seed %d); %d mutants%n", config, base.checks(),
                seed, mutants.size());
        out.flush();
        List<MutationRun.Outcome> outcomes = new ArrayList<>();
        for (int i = 0; i < mutants.size(); i++) {
            MutationRun.Outcome o = runOne(mutants.get(i), mutated.get(i), checks, seed);
            outcomes.add(o);
            MutationRun.printOutcome(out, i, mutants.size(), o);
        }
        return MutationRun.printReport(out, new MutationRun.Report(config, checks, seed, List.copyOf(outcomes)));
    }

    /** The emitted files of the configuration (Verilog and manifest.json), by file name. */
    static Map<String, String> generated() {
        return generated(IO_CHECKER_RV64);
    }

    /** The emitted files of I/O configuration {@code config}, by file name. */
    static Map<String, String> generated(String config) {
        Path dir = null;
        try {
            dir = Files.createTempDirectory("mtt-io-mutation-src");
            Configurations.generate(config, Map.of(), dir);
            Map<String, String> files = new LinkedHashMap<>();
            try (Stream<Path> list = Files.list(dir)) {
                for (Path p : list.sorted().toList()) {
                    files.put(p.getFileName().toString(), Files.readString(p));
                }
            }
            return files;
        } catch (IOException e) {
            throw new UncheckedIOException("generating " + config, e);
        } finally {
            RunSupport.deleteQuietly(dir);
        }
    }

    private static MutationRun.Outcome runOne(Mutant m, Map<String, String> files, long checks, long seed) {
        long t0 = System.nanoTime();
        Path dir = null;
        try {
            dir = Files.createTempDirectory("mtt-io-mutant-" + m.id() + "-");
            for (Entry<String, String> f : files.entrySet()) {
                Files.writeString(dir.resolve(f.getKey()), f.getValue());
            }
            IoCheckerLibrary lib;
            try {
                lib = IoCheckerLibrary.fromFolder(dir);
            } catch (RuntimeException e) {
                return new MutationRun.Outcome(m, MutationRun.Verdict.BUILD_FAILED, RunSupport.firstLine(e.getMessage()), 0,
                        RunSupport.seconds(t0));
            }
            IoRegression.Result r = IoRegression.run(lib, seed, checks, n -> { });
            if (r.passed()) {
                return new MutationRun.Outcome(m, MutationRun.Verdict.SURVIVED, null, r.checks(), RunSupport.seconds(t0));
            }
            return new MutationRun.Outcome(m, MutationRun.Verdict.KILLED, mismatchLine(r.firstMismatch()), r.checks(),
                    RunSupport.seconds(t0));
        } catch (IOException e) {
            throw new UncheckedIOException("running mutant " + m.id(), e);
        } finally {
            RunSupport.deleteQuietly(dir);
        }
    }

    /** The lines of the report that say what differed, joined. */
    private static String mismatchLine(String report) {
        StringBuilder b = new StringBuilder();
        for (String l : report.split("\n")) {
            String t = l.trim();
            if (t.contains(": expected") || t.startsWith("rsp_valid") || t.startsWith("cache ") || t.startsWith("BUSY fell")
                    || t.startsWith("invalidation ") || t.startsWith("the RTL") || t.startsWith("status.BUSY")
                    || t.startsWith("the session stopped") || t.startsWith("read of") || t.startsWith("MPTE reads")
                    || t.startsWith("PMP queries")) {
                b.append(b.length() == 0 ? "" : "; ").append(t);
            }
        }
        return b.length() == 0 ? RunSupport.firstLine(report) : b.toString();
    }
}
