package io.mttkit.tb.cli;

import io.mttkit.tb.cosim.RegressionOptions;
import io.mttkit.tb.cosim.RegressionResult;
import io.mttkit.tb.cosim.RunPlan;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mttkit.tb.dut.CheckerDescription;
import io.mttkit.golden.Cause;
import io.mttkit.golden.MttMode;
import io.mttkit.tb.cosim.CheckerLibrary;
import io.mttkit.tb.iocosim.IoCheckerLibrary;
import io.mttkit.tb.cosim.CosimHarness;
import io.mttkit.tb.cosim.Regression;
import io.mttkit.tb.report.AtomicFiles;
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
            "The default is the shipped rv64-smmpt checker (walker + MTT cache): its stimulus adds locality, several",
            "SDIDs, fences of all four kinds, MINVAL.PA batches and table entries rewritten without a fence, and every",
            "cache event (hit, miss, fill, eviction, the entries each invalidation clears) is compared with the golden",
            "cache model as well.",
            "The run is made of worlds (one mode, one set of tables, up to 8000 checks), each seeded from (seed, mode,",
            "world index) only: --jobs runs worlds on several threads and --shard K/N runs every N-th world, with results",
            "identical to the plain run (combine shard reports with ./mtt merge; docs/scale-out.md)."
        },
        footer = {"", "Examples:", "  ./mtt regress", "  ./mtt regress --config rv32-smmtt --checks 1000000 --seed 7",
            "  ./mtt regress --config checker-rv64 --set leafWays=8 --set rsvdTupleScope=SELECTED --long",
            "  ./mtt regress --rtl my-checker/   # bring your own RTL (docs/byo-rtl.md)",
            "  ./mtt regress --config spmp-alone-rv64 --checks 100000   # the SPMP against the golden SPMP",
            "  ./mtt regress --config spmp-rv64   # SPMP + PMP hook + MPT checker against the golden models",
            "  ./mtt regress --checks 10000000 --jobs 2",
            "  ./mtt regress --config io-checker-rv64 --checks 1000000   # the I/O MPT checker (docs/io-checker.md)",
            "  ./mtt regress --seed 7 --shard 0/3 --report out/s0   # ... 1/3, 2/3; then: ./mtt merge out/s0 out/s1 out/s2 --out out/all",
            "", "On a mismatch the report folder holds repro.tar.gz: ./mtt replay target/reports/regress/repro.tar.gz --waves"},
        mixinStandardHelpOptions = true)
final class RegressCommand implements Callable<Integer> {
    /** What a run writes into its report folder (and removes from it when it starts). */
    static final List<String> REPORT_FILES =
            List.of("report.json", "report.html", "junit.xml", "coverage.json", "mismatch.txt", "repro.tar.gz");

    @Spec
    CommandSpec spec;

    @Option(names = "--config", paramLabel = "NAME", defaultValue = "rv64-smmpt",
            description = "A shipped configuration (rv64-smmpt (default), rv64-smmtt, rv32-smmpt, rv32-smmtt) or a "
                    + "generator configuration (checker-rv64, checker-rv32, walker-rv64, walker-rv32, or an I/O MPT checker: "
                    + "io-checker-rv64, io-checker-rv32, io-rv64-smmpt — see ./mtt gen --list); "
                    + "spmp-alone-rv64/rv32 run the SPMP co-simulation, spmp-rv64/rv32 the composed SPMP + PMP hook + MPT "
                    + "checker's (--checks counts their accesses).")
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

    @Option(names = "--require-coverage",
            description = "Exit 1, naming the holes, when the run missed a bin this testbench can reach (a hart-side "
                    + "checker's whole run; bins it cannot reach are listed with the reason, docs/coverage.md).")
    boolean requireCoverage;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1", description = "Seed (default ${DEFAULT-VALUE}); same seed, same run.")
    long seed;

    @Option(names = "--report", paramLabel = "DIR", description = "Report folder (default: target/reports/regress).")
    Path reportDir;

    @Option(names = "--shard", paramLabel = "K/N",
            description = "Run shard K of N (0 <= K < N): every world whose ordinal is K mod N. The N shards of a seed "
                    + "together run exactly the unsharded run; combine their report folders with ./mtt merge.")
    String shard;

    @Option(names = "--jobs", paramLabel = "J", defaultValue = "1",
            description = "Threads running worlds (default ${DEFAULT-VALUE}; 1 .. 256); the results do not depend on it.")
    int jobs;

    @Override
    public Integer call() throws IOException {
        ArgChecks.notBoth(spec, "--long", "--checks", "--long means 10 000 000 checks");
        ArgChecks.notBoth(spec, "--rtl", "--config", "--rtl checks your own RTL, --config a generated one");
        ArgChecks.notEmpty(reportDir, "--report");
        long n = longRun ? 10_000_000L : checks;
        if (n < 1 || n > 1_000_000_000L) {
            throw new UserInputException("--checks: " + n + " is out of range (1 .. 1000000000)");
        }
        if (jobs < 1 || jobs > 256) {
            throw new UserInputException("--jobs: " + jobs + " is out of range (1 .. 256)");
        }
        RunPlan.Shard part;
        try {
            part = shard == null ? RunPlan.Shard.ALL : RunPlan.Shard.parse(shard);
        } catch (IllegalArgumentException e) {
            throw new UserInputException("--shard: " + e.getMessage());
        }
        // Arguments are checked before the report folder is touched: a mistyped command leaves the last report alone.
        if (requireCoverage && part.count() > 1) {
            throw new UserInputException("--require-coverage: a shard does not run every world; run the whole "
                    + "regression (or merge the shards and read coverage.json)");
        }
        if (requireCoverage && (rtl == null && (io.mttkit.tb.spmpcosim.SpmpRegress.handles(config)
                || CheckerTarget.names().contains(config) && CheckerTarget.isIo(config)))) {
            throw new UserInputException("--require-coverage applies to hart-side checker regressions; " + config
                    + " has no coverage model with a requirement yet (drop the option)");
        }
        if (rtl == null && io.mttkit.tb.spmpcosim.SpmpRegress.handles(config)) {
            return spmp(n);
        }
        if (rtl != null) {
            if (!sets.isEmpty()) {
                throw new UserInputException("--set applies to generated RTL; with --rtl the parameters come from "
                        + rtl.resolve("checker.json"));
            }
            InputPaths.requireFolder(rtl, "--rtl");
        } else {
            CheckerTarget.requireKnown(config); // before announcing a build of it
            CheckerTarget.validateSets(config, sets); // before the report folder is emptied
        }
        Path dir = reportDir != null ? reportDir : SelftestCommand.repoRoot().resolve("target/reports/regress");
        if (rtl != null && !IoCheckerLibrary.isIoFolder(rtl)) {
            io.mttkit.tb.dut.CheckerManifest.read(rtl); // a bad checker.json is bad input: refused before any change
        }
        // A run starts from an empty report: a previous run's PASS must not stay behind if this one is stopped (also
        // while it builds) or its RTL does not build.
        ReportFolder.prepare(dir, REPORT_FILES, "--report");
        PrintWriter out = spec.commandLine().getOut();
        CheckerLibrary lib;
        String what;
        if (rtl != null) {
            if (!sets.isEmpty()) {
                throw new UserInputException("--set applies to generated RTL; with --rtl the parameters come from "
                        + rtl.resolve("checker.json"));
            }
            InputPaths.requireFolder(rtl, "--rtl");
            out.println("building your RTL in " + rtl + " with Verilator (cached after the first time) ...");
            out.flush();
            if (IoCheckerLibrary.isIoFolder(rtl)) { // a top with the I/O ports (contract v3)
                if (part.count() > 1) {
                    throw new UserInputException("--shard: an I/O checker regression is not sharded yet; run it whole");
                }
                IoCheckerLibrary io;
                try {
                    io = IoCheckerLibrary.fromFolder(rtl);
                } catch (IllegalArgumentException e) {
                    throw new UserInputException("--rtl: " + e.getMessage());
                }
                return IoRegress.run(out, rtl.toString(), io, seed, n, dir);
            }
            lib = CheckerLibrary.fromManifest(rtl);
            what = rtl.toString();
        } else {
            CheckerTarget.requireKnown(config); // before announcing a build of it
            // A shipped name with --set is no longer the shipped checker: say so wherever the run is named.
            what = sets.isEmpty() ? config : config + " with " + String.join(", ", sets);
            if (CheckerTarget.isIo(config)) { // the I/O MPT checker (port contract v3) has its own co-simulation
                if (part.count() > 1) {
                    throw new UserInputException("--shard: an I/O checker regression is not sharded yet; run it whole");
                }
                out.println("generating the " + what + " I/O checker Verilog and building it with Verilator"
                        + " (cached after the first time) ...");
                out.flush();
                IoCheckerLibrary io = CheckerTarget.ioLibrary(config, sets);
                return IoRegress.run(out, what, io, seed, n, dir);
            }
            out.println("generating the " + what + " checker Verilog and building it with Verilator"
                    + " (cached after the first time) ...");
            out.flush();
            lib = CheckerTarget.library(config, sets);
        }
        List<MttMode> modes = lib.description().modes();
        List<RunPlan.World> plan = RunPlan.plan(lib.description(), n);
        long worlds = plan.stream().filter(w -> part.owns(w.ordinal())).count();
        out.printf("mtt regress: %s, %d checks over %s, seed %d%s%s%n", what, n,
                modes.stream().map(MttMode::id).toList(), seed,
                part.count() > 1 ? ", shard " + part + " (" + worlds + " of " + plan.size() + " worlds)" : "",
                jobs > 1 ? ", " + jobs + " jobs" : "");
        out.flush();
        long t0 = System.nanoTime();
        ProgressDisplay progress = ProgressDisplay.forConsole();
        java.util.concurrent.atomic.AtomicReference<String> printed = new java.util.concurrent.atomic.AtomicReference<>("");
        RegressionResult r = Regression.run(lib, RegressionOptions.of(seed, n).withShard(part).withJobs(jobs)
                .withBundle(dir.resolve("repro.tar.gz")).withProgress(progress).withOnMismatch(text -> {
                    printed.set(text);
                    progress.finish();
                    out.println(text); // printed before any file of the run is written
                    out.flush();
                }));
        if (r.firstMismatch() == null) {
            progress.finish();
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        CheckerDescription params = lib.description();

        writeJson(dir.resolve("report.json"), new RunInfo(what, params.label(), seed, n, part), r, seconds);
        JUnitXml.write(dir.resolve("junit.xml"), "mtt.regress." + (rtl != null ? "rtl" : config),
                List.of(new JUnitXml.Case("seed " + seed + ", " + n + " checks", seconds, r.firstMismatch())));
        if (r.firstMismatch() != null) {
            AtomicFiles.writeString(dir.resolve("mismatch.txt"), r.firstMismatch());
            // what the run added after printing: where the bundle went, or why it could not be written
            String added = r.firstMismatch().startsWith(printed.get())
                    ? r.firstMismatch().substring(printed.get().length()) : r.firstMismatch();
            out.print(added);
        }
        out.println();
        out.printf("checks: %d   mismatches: %d   checks/s: %.0f   (simulated cycles %d, MPTE reads %d)%n",
                r.checks(), r.mismatches(), r.checksPerSecond(), r.cycles(), r.reads());
        out.printf("event digest: %016x%n", r.eventDigest());
        writeHtml(dir.resolve("report.html"), new RunInfo(what, params.label(), seed, n, part), r, seconds);
        if (r.coverage() != null) {
            r.coverage().write(dir.resolve("coverage.json"));
            out.println(r.coverage().summary(8));
        }
        if (lib.cache() != null) {
            out.println(cacheLine(r));
        }
        out.println(causesLine(r));
        out.println(r.passed() ? "PASS: the RTL agreed with the golden model on every check"
                : "FAIL: first mismatch above (also in " + dir.resolve("mismatch.txt") + ")");
        boolean covered = true;
        if (requireCoverage && r.coverage() != null) {
            covered = coverageVerdict(out, r.coverage());
        }
        out.println("report: " + dir.toAbsolutePath().resolve("report.json")
                + " (also report.html, junit.xml, coverage.json" + (r.bundle() != null ? ", " + r.bundle().getFileName() : "") + ")");
        out.flush();
        return r.passed() && covered ? ExitCodes.OK : ExitCodes.FAILURE;
    }

    /** Prints the verdict of {@code --require-coverage}; false when a reachable bin was missed. */
    static boolean coverageVerdict(PrintWriter out, io.mttkit.tb.coverage.CoverageDb db) {
        List<io.mttkit.tb.coverage.CoverageRequirement.Hole> all = io.mttkit.tb.coverage.CoverageRequirement.holes(db);
        List<io.mttkit.tb.coverage.CoverageRequirement.Hole> missing =
                io.mttkit.tb.coverage.CoverageRequirement.missing(db);
        long waived = all.size() - missing.size();
        if (waived > 0) {
            out.println("coverage: " + waived + " hole(s) this testbench cannot reach (docs/coverage.md \"Required "
                    + "coverage\"):");
            for (io.mttkit.tb.coverage.CoverageRequirement.Hole h : all) {
                if (h.unreachableBecause() != null) {
                    out.println("  " + h);
                }
            }
        }
        if (missing.isEmpty()) {
            out.println("COVERAGE: every reachable bin was hit");
            return true;
        }
        out.println("COVERAGE FAILED: " + missing.size() + " reachable bin(s) never hit:");
        for (io.mttkit.tb.coverage.CoverageRequirement.Hole h : missing) {
            out.println("  " + h);
        }
        return false;
    }

    /** The SPMP co-simulation ({@code spmp-alone-rv64/rv32}): the SPMP against the golden SPMP, no worlds. */
    private Integer spmp(long n) throws IOException {
        if (shard != null || jobs != 1) {
            throw new UserInputException("--shard and --jobs apply to checker regressions; the SPMP co-simulation of "
                    + config + " runs as one piece (drop them)");
        }
        io.mttkit.gen.spmp.SpmpParams p = null;
        java.util.Map<String, String> settings = SetArgs.parse(sets);
        boolean composed = io.mttkit.tb.spmpcosim.SpmpRegress.composed(config);
        try {
            if (composed) {
                io.mttkit.tb.spmpcosim.SpmpMptCosim.params(config, settings);
            } else {
                p = io.mttkit.tb.spmpcosim.SpmpRegress.params(config, settings);
            }
        } catch (io.mttkit.tb.spmpcosim.SpmpCosim.SetupException e) {
            throw new UserInputException(e.option() + ": " + e.getMessage());
        }
        Path dir = reportDir != null ? reportDir : SelftestCommand.repoRoot().resolve("target/reports/regress");
        ReportFolder.prepare(dir, io.mttkit.tb.spmpcosim.SpmpRegress.REPORT_FILES, "--report");
        if (composed) {
            return io.mttkit.tb.spmpcosim.SpmpRegress.runComposed(spec.commandLine().getOut(), config, settings, n,
                    seed, dir);
        }
        return io.mttkit.tb.spmpcosim.SpmpRegress.run(spec.commandLine().getOut(), config, p, n, seed, dir);
    }

    /** The "cache events compared:" line: every cache counter by name. */
    static String cacheLine(RegressionResult r) {
        StringBuilder cache = new StringBuilder("cache events compared:");
        for (int i = 0; i < r.cache().length; i++) {
            cache.append(' ').append(CosimHarness.CACHE_STATS.get(i)).append('=').append(r.cache()[i]);
        }
        return cache.toString();
    }

    /** The "causes:" line: checks per cause. */
    static String causesLine(RegressionResult r) {
        StringBuilder causes = new StringBuilder("causes:");
        for (Cause c : Cause.values()) {
            causes.append(' ').append(c.name()).append('=').append(r.causes()[c.ordinal()]);
        }
        return causes.toString();
    }

    /**
     * What a report describes besides the result: the checker (configuration name or RTL folder), its parameters,
     * the seed, the checks asked for and the shard. Shard reports of one run agree on all but the shard index.
     */
    record RunInfo(String checker, String parameters, long seed, long checksAsked, RunPlan.Shard shard) {
    }

    static void writeHtml(Path file, RunInfo info, RegressionResult r, double seconds) throws IOException {
        Map<String, String> summary = new LinkedHashMap<>();
        summary.put("checker", info.checker());
        summary.put("parameters", info.parameters());
        summary.put("seed", Long.toString(info.seed()));
        if (info.shard().count() > 1) {
            summary.put("shard", info.shard().toString());
        }
        summary.put("checks", r.checks() + " of " + info.checksAsked());
        summary.put("mismatches", Long.toString(r.mismatches()));
        summary.put("checks/s", String.format("%.0f", r.checksPerSecond()));
        summary.put("simulated cycles", Long.toString(r.cycles()));
        summary.put("MPTE reads", Long.toString(r.reads()));
        summary.put("event digest", String.format("%016x", r.eventDigest()));
        summary.put("wall time", String.format("%.1f s", seconds));
        Map<String, Long> causes = new LinkedHashMap<>();
        for (Cause c : Cause.values()) {
            causes.put(c.name(), r.causes()[c.ordinal()]);
        }
        HtmlReport.write(file, "mtt regress — " + info.checker() + ", seed " + info.seed(), summary, causes,
                r.coverage(), r.firstMismatch(), r.bundle() == null ? null : r.bundle().getFileName().toString());
    }

    /**
     * Writes {@code report.json}: the run (checker, parameters, seed, checks asked, shard), the totals, causes
     * and cache counters by name, and the first mismatch; {@link #readJson} reads it back for {@code mtt merge}.
     */
    static void writeJson(Path file, RunInfo info, RegressionResult r, double seconds) throws IOException {
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode o = json.createObjectNode();
        o.put("checker", info.checker());
        o.put("configuration", info.parameters());
        o.put("seed", info.seed());
        o.put("shard", info.shard().toString());
        o.put("checksAsked", info.checksAsked());
        o.put("checks", r.checks());
        o.put("mismatches", r.mismatches());
        o.put("checksPerSecond", Math.round(r.checksPerSecond()));
        o.put("cycles", r.cycles());
        o.put("reads", r.reads());
        o.put("seconds", Math.round(seconds * 1000) / 1000.0);
        o.put("eventDigest", String.format("%016x", r.eventDigest()));
        ObjectNode worlds = o.putObject("worldDigests");
        r.worldDigests().forEach((k, v) -> worlds.put(Integer.toString(k), String.format("%016x", v)));
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
        if (r.bundle() != null) {
            o.put("bundle", r.bundle().toAbsolutePath().toString());
        }
        AtomicFiles.writeString(file, json.writeValueAsString(o));
    }

    /** The top-level fields {@link #writeJson} writes; {@link #readJson} refuses any other with its line. */
    static final List<String> REPORT_FIELDS = List.of("checker", "configuration", "seed", "shard", "checksAsked", "checks",
            "mismatches", "checksPerSecond", "cycles", "reads", "seconds", "eventDigest", "worldDigests", "cacheEvents",
            "causes", "firstMismatch", "bundle");

    /** A report folder read back: what it describes, its result (coverage from {@code coverage.json}) and wall time. */
    record Report(Path dir, RunInfo info, RegressionResult result, double seconds) {
    }

    /**
     * Reads the {@code report.json} and {@code coverage.json} of a report folder written by {@code mtt regress}.
     *
     * @throws UserInputException naming the file and what is wrong or missing
     */
    static Report readJson(Path dir) {
        Path file = dir.resolve("report.json");
        if (!Files.isRegularFile(file)) {
            throw new UserInputException(dir + ": no report.json; give the report folders mtt regress wrote (--report)");
        }
        com.fasterxml.jackson.databind.JsonNode o;
        String text;
        try {
            text = Files.readString(file);
            o = io.mttkit.tb.report.StrictJson.READER.readTree(text);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UserInputException(file + ": not valid JSON: " + io.mttkit.tb.report.StrictJson.describe(e));
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new UserInputException(file + ": not UTF-8 text; give the report folders mtt regress wrote (--report)");
        } catch (IOException e) {
            throw new UserInputException(file + ": not valid JSON: " + e.getMessage());
        }
        try {
            io.mttkit.tb.report.StrictJson.onlyKnownTopLevel(text, REPORT_FIELDS, file.toString());
        } catch (IllegalArgumentException e) {
            throw new UserInputException(e.getMessage());
        }
        for (String f : List.of("checker", "configuration", "seed", "shard", "checksAsked", "checks", "mismatches",
                "checksPerSecond", "cycles", "reads", "seconds", "cacheEvents", "causes")) {
            if (!o.hasNonNull(f)) {
                throw new UserInputException(file + ": field '" + f + "' is missing (a report of an older mtt? rerun "
                        + "mtt regress)");
            }
        }
        RunPlan.Shard shard;
        try {
            shard = RunPlan.Shard.parse(o.get("shard").asText());
        } catch (IllegalArgumentException e) {
            throw new UserInputException(file + ": " + e.getMessage());
        }
        long[] causes = new long[Cause.values().length];
        for (Cause c : Cause.values()) {
            causes[c.ordinal()] = o.get("causes").path(c.name()).asLong();
        }
        long[] cache = new long[CosimHarness.CACHE_STATS.size()];
        for (int i = 0; i < cache.length; i++) {
            cache[i] = o.get("cacheEvents").path(CosimHarness.CACHE_STATS.get(i)).asLong();
        }
        io.mttkit.tb.coverage.CoverageDb coverage;
        try {
            coverage = io.mttkit.tb.coverage.CoverageDb.read(dir.resolve("coverage.json"));
        } catch (IOException | IllegalArgumentException e) {
            throw new UserInputException(dir.resolve("coverage.json") + ": " + e.getMessage());
        }
        String mismatch = o.hasNonNull("firstMismatch") ? o.get("firstMismatch").asText() : null;
        Path bundle = o.hasNonNull("bundle") ? Path.of(o.get("bundle").asText()) : null;
        java.util.SortedMap<Integer, Long> digests = new java.util.TreeMap<>();
        com.fasterxml.jackson.databind.JsonNode wd = o.get("worldDigests");
        if (wd == null || !wd.isObject()) {
            throw new UserInputException(file + ": field 'worldDigests' is missing (a report of an older mtt? rerun "
                    + "mtt regress)");
        }
        for (java.util.Iterator<java.util.Map.Entry<String, com.fasterxml.jackson.databind.JsonNode>> it = wd.fields();
             it.hasNext(); ) {
            java.util.Map.Entry<String, com.fasterxml.jackson.databind.JsonNode> e = it.next();
            try {
                digests.put(Integer.parseInt(e.getKey()), Long.parseUnsignedLong(e.getValue().asText(), 16));
            } catch (NumberFormatException bad) {
                throw new UserInputException(file + ": worldDigests: '" + e.getKey() + "': '" + e.getValue().asText()
                        + "' is not a world ordinal with a 16-digit hex digest");
            }
        }
        RegressionResult r = new RegressionResult(o.get("checks").asLong(), o.get("mismatches").asLong(),
                o.get("checksPerSecond").asDouble(), o.get("cycles").asLong(), o.get("reads").asLong(), causes,
                mismatch, coverage, bundle, cache, digests);
        RunInfo info = new RunInfo(o.get("checker").asText(), o.get("configuration").asText(), o.get("seed").asLong(),
                o.get("checksAsked").asLong(), shard);
        return new Report(dir, info, r, o.get("seconds").asDouble());
    }
}
