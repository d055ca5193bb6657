package io.mttkit.tb.cli;

import io.mttkit.tb.cosim.RegressionResult;
import io.mttkit.tb.cosim.ResultMerge;
import io.mttkit.tb.cosim.RunPlan;
import io.mttkit.tb.coverage.CoverageDb;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code mtt merge}: combine the report folders of a sharded regression, or the coverage databases of several runs. */
@Command(name = "merge",
        header = "Merge the reports of regression shards, or the coverage databases of several runs.",
        description = {
            "Given report FOLDERS written by mtt regress --shard K/N (same checker, seed and --checks), add up their",
            "checks, mismatches, cycles, MPTE reads, causes, cache event counters and coverage into one report folder",
            "(--out: report.json, coverage.json, report.html, junit.xml, mismatch.txt on a mismatch) equal to what the",
            "unsharded run reports. Every shard 0..N-1 must be there once (--allow-missing merges what is there).",
            "Given coverage.json FILES (for example one per seed or per machine), add up their bin counts and print",
            "the merged summary with the holes named. Files whose bin definitions differ are refused, naming the file."
        },
        footer = {"", "Examples:", "  ./mtt merge out/s0 out/s1 out/s2 --out out/all",
            "  ./mtt merge run1/coverage.json run2/coverage.json --out merged.json"},
        mixinStandardHelpOptions = true)
final class MergeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "DIR|COVERAGE.json",
            description = "Shard report folders, or coverage files, to merge.")
    List<Path> files;

    @Option(names = "--out", paramLabel = "DIR|FILE",
            description = "Report folders: the merged report folder. Coverage files: the merged database file.")
    Path out;

    @Option(names = "--allow-missing", description = "Merge shard reports even when some shards of the run are absent.")
    boolean allowMissing;

    @Option(names = "--holes", paramLabel = "N", defaultValue = "20", description = "Holes listed per group (default ${DEFAULT-VALUE}).")
    int holes;

    @Override
    public Integer call() throws IOException {
        ArgChecks.notAnInput(out, "--out", files, "shard");
        if (holes < 0) {
            throw new UserInputException("--holes: must not be negative, got " + holes);
        }
        if (files.stream().allMatch(Files::isDirectory)) {
            return mergeReports();
        }
        for (Path f : files) {
            if (Files.isDirectory(f)) {
                throw new UserInputException(f + " is a folder, other arguments are files: give either report folders "
                        + "or coverage files");
            }
            InputPaths.requireFile(f, "merge");
        }
        CoverageDb merged;
        try {
            merged = CoverageDb.mergeFiles(files);
        } catch (IllegalArgumentException e) {
            throw new UserInputException(e.getMessage());
        }
        PrintWriter o = spec.commandLine().getOut();
        o.printf("merged %d coverage files%n", files.size());
        o.println(merged.summary(holes));
        if (out != null) {
            merged.write(out);
            o.println("wrote " + out);
        }
        o.flush();
        return ExitCodes.OK;
    }

    /** Merges shard report folders into {@code --out}. */
    private int mergeReports() throws IOException {
        if (out == null) {
            throw new UserInputException("merging report folders needs --out DIR for the merged report");
        }
        List<RegressCommand.Report> reports = new java.util.ArrayList<>();
        for (Path d : files) {
            reports.add(RegressCommand.readJson(d));
        }
        reports.sort(java.util.Comparator.comparingInt(r -> r.info().shard().index()));
        RegressCommand.RunInfo first = reports.get(0).info();
        int n = first.shard().count();
        java.util.Set<Integer> seen = new java.util.TreeSet<>();
        for (RegressCommand.Report r : reports) {
            RegressCommand.RunInfo i = r.info();
            if (!i.checker().equals(first.checker()) || !i.parameters().equals(first.parameters())
                    || i.seed() != first.seed() || i.checksAsked() != first.checksAsked() || i.shard().count() != n) {
                throw new UserInputException(r.dir() + " is not a shard of the same run as " + reports.get(0).dir()
                        + ": checker " + i.checker() + " seed " + i.seed() + " checks " + i.checksAsked() + " shard "
                        + i.shard() + " vs checker " + first.checker() + " seed " + first.seed() + " checks "
                        + first.checksAsked() + " shard " + first.shard());
            }
            if (!seen.add(i.shard().index())) {
                throw new UserInputException(r.dir() + ": shard " + i.shard() + " is given twice");
            }
        }
        List<Integer> missing = new java.util.ArrayList<>();
        for (int k = 0; k < n; k++) {
            if (!seen.contains(k)) {
                missing.add(k);
            }
        }
        if (!missing.isEmpty() && !allowMissing) {
            throw new UserInputException("shards " + missing + " of " + n + " are missing (given: " + seen
                    + "); add their report folders, or pass --allow-missing to merge what is there");
        }
        io.mttkit.tb.cosim.RegressionResult merged;
        try {
            merged = io.mttkit.tb.cosim.ResultMerge.merge(reports.stream().map(RegressCommand.Report::result).toList());
        } catch (IllegalArgumentException e) {
            throw new UserInputException(e.getMessage());
        }
        double seconds = reports.stream().mapToDouble(RegressCommand.Report::seconds).sum();
        RegressCommand.RunInfo info = new RegressCommand.RunInfo(first.checker(), first.parameters(), first.seed(),
                first.checksAsked(), io.mttkit.tb.cosim.RunPlan.Shard.ALL);
        Files.createDirectories(out);
        Files.deleteIfExists(out.resolve("mismatch.txt"));
        RegressCommand.writeJson(out.resolve("report.json"), info, merged, seconds);
        merged.coverage().write(out.resolve("coverage.json"));
        RegressCommand.writeHtml(out.resolve("report.html"), info, merged, seconds);
        io.mttkit.tb.report.JUnitXml.write(out.resolve("junit.xml"), "mtt.regress.merged",
                List.of(new io.mttkit.tb.report.JUnitXml.Case("seed " + info.seed() + ", " + info.checksAsked()
                        + " checks, " + reports.size() + " of " + n + " shards", seconds, merged.firstMismatch())));
        if (merged.firstMismatch() != null) {
            io.mttkit.tb.report.AtomicFiles.writeString(out.resolve("mismatch.txt"), merged.firstMismatch());
        }
        PrintWriter o = spec.commandLine().getOut();
        o.printf("merged %d of %d shards of %s, seed %d, %d checks asked%s%n", reports.size(), n, first.checker(),
                first.seed(), first.checksAsked(), missing.isEmpty() ? "" : " (missing shards " + missing + ")");
        o.printf("checks: %d   mismatches: %d   (simulated cycles %d, MPTE reads %d)%n", merged.checks(),
                merged.mismatches(), merged.cycles(), merged.reads());
        o.printf("event digest: %016x%s%n", merged.eventDigest(),
                missing.isEmpty() ? " (the whole run's)" : " (of the shards merged, not the whole run's)");
        o.println(merged.coverage().summary(holes));
        o.println(RegressCommand.cacheLine(merged));
        o.println(RegressCommand.causesLine(merged));
        o.println("report: " + out.toAbsolutePath().resolve("report.json")
                + " (also report.html, junit.xml, coverage.json)");
        o.flush();
        return merged.passed() ? ExitCodes.OK : ExitCodes.FAILURE;
    }
}
