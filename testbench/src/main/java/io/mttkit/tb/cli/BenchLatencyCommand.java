package io.mttkit.tb.cli;

import io.mttkit.tb.bench.LatencyBench;
import io.mttkit.tb.bench.LatencyReport;
import io.mttkit.tb.cosim.CheckerLibrary;
import io.mttkit.tb.cosim.CosimMismatchException;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code mtt bench latency}: check latency and throughput against the share of misses and the memory latency. */
@Command(name = "latency",
        header = "Check latency (mean, p99) and checks/cycle against miss share and memory latency.",
        description = {
            "For access streams with 0, 5, 20 and 50 %% misses and memory latency 2, 10 and 50 cycles: the mean and",
            "99th-percentile check latency and the checks per cycle of the shipped rv64-smmpt checker (walks 1,",
            "blocking) and of the same configuration generated with walksInFlight=4 and responseOrder=IN_ORDER and",
            "BY_ID (docs/nonblocking.md \"Benchmark\"), every run co-simulated against the golden model (a mismatch",
            "refuses the figures). Two latencies per check: delivered (request handshake to response handshake) and",
            "answered (to the first cycle the verdict could leave: the cycle after a hit's lookup or its walk's",
            "obs_walk_end, from the observation ports; blocking: = delivered). The report folder gets report.json",
            "(every point) and report.html (charts of checks/cycle and mean latency against the miss share).",
            "The last line is: checks/cycle at 5%% misses, latency 10, 4 walks: X (blocking: Y)   (X: BY_ID)"
        },
        footer = {"", "Examples:", "  ./mtt bench latency --quick", "  ./mtt bench latency --report out/latency"},
        mixinStandardHelpOptions = true)
final class BenchLatencyCommand implements Callable<Integer> {
    static final String CONFIGURATION = "rv64-smmpt";

    @Spec
    CommandSpec spec;

    @Option(names = "--quick", description = "Short run (2 000 checks per point instead of 20 000).")
    boolean quick;

    @Option(names = "--report", paramLabel = "DIR",
            description = "Report folder (default: target/reports/bench-latency): report.json and report.html.")
    Path reportDir;

    @Override
    public Integer call() throws IOException {
        ArgChecks.notEmpty(reportDir, "--report");
        Path dir = reportDir != null ? reportDir : SelftestCommand.repoRoot().resolve("target/reports/bench-latency");
        // before any work: a stopped or refused run never leaves the previous run's figures behind
        ReportFolder.prepare(dir, LatencyReport.FILES, "--report");
        PrintStream out = BenchCosimCommand.printStream(spec);
        out.println("building the shipped " + CONFIGURATION + " checker with Verilator (cached after the first time) ...");
        LatencyBench.Run run;
        try {
            run = LatencyBench.run(CheckerLibrary.shipped(CONFIGURATION), quick ? 2_000 : 20_000, out);
        } catch (CosimMismatchException e) {
            out.println("REFUSED: the RTL disagrees with the golden model, so no figures are reported:\n" + e.getMessage());
            return 1;
        } catch (IllegalStateException e) {
            out.println("REFUSED: the non-blocking RTL disagrees with the golden model, so no figures are reported:\n"
                    + e.getMessage());
            return 1;
        }
        LatencyReport.write(dir, run);
        out.println("report: " + dir.toAbsolutePath().resolve("report.html") + " (also report.json)");
        out.println(run.headline()); // the agreed last line
        out.flush();
        return 0;
    }
}
