package io.mttkit.tb.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mttkit.gen.Configurations;
import io.mttkit.gen.checker.CheckerConfigurations;
import io.mttkit.gen.walker.WalkerParams;
import io.mttkit.golden.Cause;
import io.mttkit.golden.MttMode;
import io.mttkit.tb.cosim.CheckerLibrary;
import io.mttkit.tb.cosim.CosimHarness;
import io.mttkit.tb.cosim.Regression;
import io.mttkit.tb.report.HtmlReport;
import io.mttkit.tb.report.JUnitXml;
import java.util.LinkedHashMap;
import java.util.Map;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code mtt regress}: generate the checker RTL, build it with Verilator, co-simulate it against the golden model. */
@Command(name = "regress",
        header = "Co-simulate the generated checker RTL against the golden model.",
        description = {
            "Generate the checker Verilog for a configuration, build it with Verilator (cached by content hash),",
            "and run a seeded constrained-random co-simulation: for every mode the configuration implements,",
            "tables from the golden table builder over random regions, with a few entries corrupted, random PAs",
            "inside and outside the regions and above the PA width, random needs, memory latency 1..8 with",
            "backpressure, bus-error injection and PMP regions over table pages. Every check's verdict (allow,",
            "cause, xwr, level, leaf/uniform size, cacheable), its exact ordered MPTE reads and PMP queries and its",
            "latency are compared with the golden model. Stops at the first mismatch with a full report.",
            "The default is the shipped rv64-smmpt checker (walker + MTT cache); every cache event is compared as well."
        },
        footer = {"", "Examples:", "  ./mtt regress", "  ./mtt regress --config rv32-smmtt --checks 1000000 --seed 7",
            "  ./mtt regress --config checker-rv64 --set leafWays=8 --set rsvdTupleScope=1 --long", "  ./mtt regress --rtl my-checker/   # bring your own RTL (docs/byo-rtl.md)",
            "", "On a mismatch the report folder holds repro.tar.gz: ./mtt replay target/reports/regress/repro.tar.gz --waves"},
        mixinStandardHelpOptions = true)
final class RegressCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--config", paramLabel = "NAME", defaultValue = "rv64-smmpt",
            description = "A shipped configuration (rv64-smmpt (default), rv64-smmtt, rv32-smmpt, rv32-smmtt) or a "
                    + "generator configuration (checker-rv64, checker-rv32, walker-rv64, walker-rv32 — see ./mtt gen --list).")
    String config;

    @Option(names = "--rtl", paramLabel = "DIR",
            description = "Bring your own RTL: a folder with Verilog implementing the port contract and a checker.json manifest (docs/byo-rtl.md).")
    Path rtl;

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "Override a generator parameter (repeatable).")
    List<String> sets = new ArrayList<>();

    @Option(names = "--checks", paramLabel = "N", defaultValue = "200000",
            description = "Number of random checks (default ${DEFAULT-VALUE}; 1 .. 10^9).")
    long checks;

    @Option(names = "--long", description = "The long regression: 10 000 000 checks.")
    boolean longRun;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1", description = "Seed (default ${DEFAULT-VALUE}); same seed, same run.")
    long seed;

    @Option(names = "--report", paramLabel = "DIR", description = "Report folder (default: target/reports/regress).")
    Path reportDir;

    @Override
    public Integer call() throws IOException {
        long n = longRun ? 10_000_000L : checks;
        if (n < 1 || n > 1_000_000_000L) {
            throw new UserInputException("--checks: " + n + " is out of range (1 .. 1000000000)");
        }
        Path dir = reportDir != null ? reportDir : SelftestCommand.repoRoot().resolve("target/reports/regress");
        Files.createDirectories(dir);
        Files.deleteIfExists(dir.resolve("mismatch.txt"));
        Files.deleteIfExists(dir.resolve("repro.tar.gz"));
        PrintWriter out = spec.commandLine().getOut();
        CheckerLibrary lib;
        String what;
        if (rtl != null) {
            if (!sets.isEmpty()) {
                throw new UserInputException("--set applies to generated RTL; with --rtl the parameters come from "
                        + rtl.resolve("checker.json"));
            }
            if (!Files.isDirectory(rtl)) {
                throw new UserInputException("--rtl: folder not found: " + rtl);
            }
            out.println("building your RTL in " + rtl + " with Verilator (cached after the first time) ...");
            out.flush();
            lib = CheckerLibrary.fromManifest(rtl);
            what = rtl.toString();
        } else {
            out.println("generating the " + config + " checker Verilog and building it with Verilator"
                    + " (cached after the first time) ...");
            out.flush();
            lib = CheckerTarget.library(config, sets);
            what = config;
        }
        List<MttMode> modes = Regression.modesOf(lib.params());
        out.printf("mtt regress: %s, %d checks over %s, seed %d%n", what, n,
                modes.stream().map(MttMode::id).toList(), seed);
        out.flush();
        long t0 = System.nanoTime();
        ProgressDisplay progress = ProgressDisplay.forConsole();
        Regression.Result r = Regression.run(lib, seed, n, dir.resolve("repro.tar.gz"), progress);
        progress.finish();
        double seconds = (System.nanoTime() - t0) / 1e9;
        WalkerParams params = lib.params();

        writeJson(dir.resolve("report.json"), params, r, n, seconds);
        JUnitXml.write(dir.resolve("junit.xml"), "mtt.regress." + (rtl != null ? "rtl" : config),
                List.of(new JUnitXml.Case("seed " + seed + ", " + n + " checks", seconds, r.firstMismatch())));
        if (r.firstMismatch() != null) {
            Files.writeString(dir.resolve("mismatch.txt"), r.firstMismatch());
            out.println(r.firstMismatch());
        }
        out.println();
        out.printf("checks: %d   mismatches: %d   checks/s: %.0f   (simulated cycles %d, MPTE reads %d)%n",
                r.checks(), r.mismatches(), r.checksPerSecond(), r.cycles(), r.reads());
        writeHtml(dir.resolve("report.html"), what, params, r, n, seconds);
        if (r.coverage() != null) {
            r.coverage().write(dir.resolve("coverage.json"));
            out.println(r.coverage().summary(8));
        }
        if (lib.cache() != null) {
            StringBuilder cache = new StringBuilder("cache events compared:");
            for (int i = 0; i < r.cache().length; i++) {
                cache.append(' ').append(CosimHarness.CACHE_STATS.get(i)).append('=').append(r.cache()[i]);
            }
            out.println(cache);
        }
        StringBuilder causes = new StringBuilder("causes:");
        for (Cause c : Cause.values()) {
            causes.append(' ').append(c.name()).append('=').append(r.causes()[c.ordinal()]);
        }
        out.println(causes);
        out.println(r.passed() ? "PASS: the RTL agreed with the golden model on every check"
                : "FAIL: first mismatch above (also in " + dir.resolve("mismatch.txt") + ")");
        out.println("report: " + dir.toAbsolutePath().resolve("report.json")
                + " (also report.html, junit.xml, coverage.json" + (r.bundle() != null ? ", " + r.bundle().getFileName() : "") + ")");
        out.flush();
        return r.passed() ? ExitCodes.OK : ExitCodes.FAILURE;
    }

    private void writeHtml(Path file, String what, WalkerParams params, Regression.Result r, long asked,
                           double seconds) throws IOException {
        Map<String, String> summary = new LinkedHashMap<>();
        summary.put("checker", what);
        summary.put("parameters", params.toString());
        summary.put("seed", Long.toString(seed));
        summary.put("checks", r.checks() + " of " + asked);
        summary.put("mismatches", Long.toString(r.mismatches()));
        summary.put("checks/s", String.format("%.0f", r.checksPerSecond()));
        summary.put("simulated cycles", Long.toString(r.cycles()));
        summary.put("MPTE reads", Long.toString(r.reads()));
        summary.put("wall time", String.format("%.1f s", seconds));
        Map<String, Long> causes = new LinkedHashMap<>();
        for (Cause c : Cause.values()) {
            causes.put(c.name(), r.causes()[c.ordinal()]);
        }
        HtmlReport.write(file, "mtt regress — " + what + ", seed " + seed, summary, causes, r.coverage(),
                r.firstMismatch(), r.bundle() == null ? null : r.bundle().getFileName().toString());
    }

    private static void writeJson(Path file, WalkerParams params, Regression.Result r, long asked, double seconds)
            throws IOException {
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode o = json.createObjectNode();
        o.put("configuration", params.toString());
        o.put("checksAsked", asked);
        o.put("checks", r.checks());
        o.put("mismatches", r.mismatches());
        o.put("checksPerSecond", Math.round(r.checksPerSecond()));
        o.put("cycles", r.cycles());
        o.put("reads", r.reads());
        o.put("seconds", Math.round(seconds * 1000) / 1000.0);
        ObjectNode cacheNode = o.putObject("cacheEvents");
        for (int i = 0; i < r.cache().length; i++) {
            cacheNode.put(CosimHarness.CACHE_STATS.get(i), r.cache()[i]);
        }
        ObjectNode causes = o.putObject("causes");
        for (Cause c : Cause.values()) {
            causes.put(c.name(), r.causes()[c.ordinal()]);
        }
        if (r.firstMismatch() != null) {
            o.put("firstMismatch", r.firstMismatch());
        }
        json.writeValue(file.toFile(), o);
    }
}
