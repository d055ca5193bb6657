package io.mttkit.tb.spmpcosim;

import io.mttkit.bridge.BuildDriver;
import io.mttkit.gen.spmp.SpmpParams;
import io.mttkit.tb.report.AtomicFiles;
import io.mttkit.tb.report.JUnitXml;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * {@code mtt regress --config spmp-alone-rv64|spmp-alone-rv32}: the SPMP co-simulation ({@link SpmpCosim}), and
 * {@code mtt regress --config spmp-rv64|spmp-rv32}: the composed top's ({@link SpmpMptCosim}), as regression runs with
 * their report folder. Mismatches are printed first, then the figures (and the composed run's digest) and the
 * coverage table.
 */
public final class SpmpRegress {
    /** What a run writes into its report folder (and removes from it when it starts). */
    public static final List<String> REPORT_FILES = List.of("spmp-report.txt", "junit.xml", "mismatch.txt");

    private SpmpRegress() {
    }

    /** Whether {@code config} is an SPMP configuration name (the regression takes this branch for it). */
    public static boolean handles(String config) {
        return config != null && config.startsWith("spmp-");
    }

    /**
     * Checks the configuration and settings before anything is built or written.
     *
     * @throws SpmpCosim.SetupException what is wrong and what to give instead
     */
    public static SpmpParams params(String config, Map<String, String> settings) {
        SpmpParams p = SpmpCosim.params(config, settings);
        SpmpCosim.golden(p); // refuses a paw the golden model cannot follow, before the build
        return p;
    }

    /** Whether {@code config} names the composed top ({@code spmp-rv64}, {@code spmp-rv32}). */
    public static boolean composed(String config) {
        return SpmpMptCosim.configurations().contains(config);
    }

    /**
     * The composed run ({@code spmp-rv64}/{@code spmp-rv32}): builds {@code mtt_spmp_checker}, runs, writes the same
     * files as {@link #run}.
     *
     * @return 0 when every comparison agreed, 1 otherwise
     */
    public static int runComposed(PrintWriter out, String config, Map<String, String> settings, long accesses,
                                  long seed, Path dir) throws IOException {
        SpmpMptCosim.Params p = SpmpMptCosim.params(config, settings);
        out.println("generating " + config + " (mtt_spmp_checker) and building it with Verilator (cached after the "
                + "first time) ...");
        out.flush();
        long t0 = System.nanoTime();
        SpmpMptCosim.Result r = SpmpMptCosim.run(BuildDriver.fromEnvironment(), config, p, seed, accesses);
        return report(out, config, seed, accesses, t0, r.format(), r.accesses(), r.passed(), r.mismatches(), "mtt_spmp_checker"
                + " agreed with the golden SPMP, PMP and MPT lookup on every CSR read, answer, hook, MPTE query and read,"
                + " and latency rule", String.format("event digest: %016x", r.digest()), dir);
    }

    /**
     * Prints the run's report (mismatches first, before any file), writes {@code spmp-report.txt}, {@code junit.xml}
     * and, on a mismatch, {@code mismatch.txt}; returns the exit code.
     */
    private static int report(PrintWriter out, String config, long seed, long accesses, long t0, String text,
                              long done, boolean passed, List<String> mismatches, String agreed, String digestLine,
                              Path dir) throws IOException {
        double seconds = (System.nanoTime() - t0) / 1e9;
        out.print(text);
        out.printf("accesses/s: %.0f (including the build)%n", done / seconds);
        out.flush();
        AtomicFiles.writeString(dir.resolve("spmp-report.txt"), text);
        String failure = passed ? null : String.join("\n", mismatches);
        JUnitXml.write(dir.resolve("junit.xml"), "mtt.regress." + config,
                List.of(new JUnitXml.Case("seed " + seed + ", " + accesses + " accesses", seconds, failure)));
        if (failure != null) {
            AtomicFiles.writeString(dir.resolve("mismatch.txt"), failure + "\n");
        }
        out.println(passed ? "PASS: " + agreed : "FAIL: mismatches above (also in " + dir.resolve("mismatch.txt") + ")");
        if (digestLine != null) {
            out.println(digestLine);
        }
        out.println("report: " + dir.toAbsolutePath().resolve("spmp-report.txt") + " (also junit.xml)");
        out.flush();
        return passed ? 0 : 1;
    }

    /**
     * Builds and runs; writes {@code spmp-report.txt}, {@code junit.xml} and, on a mismatch, {@code mismatch.txt}
     * into {@code dir} (prepared by the caller).
     *
     * @return 0 when every comparison agreed, 1 otherwise
     */
    public static int run(PrintWriter out, String config, SpmpParams p, long accesses, long seed, Path dir)
            throws IOException {
        out.println("generating " + config + " (mtt_spmp) and building it with Verilator (cached after the first "
                + "time) ...");
        out.flush();
        long t0 = System.nanoTime();
        SpmpCosim.Result r = SpmpCosim.run(BuildDriver.fromEnvironment(), config, p, seed, accesses);
        return report(out, config, seed, accesses, t0, r.format(), r.accesses(), r.passed(), r.mismatches(),
                "mtt_spmp agreed with the golden SPMP on every CSR read and every access", null, dir);
    }
}
