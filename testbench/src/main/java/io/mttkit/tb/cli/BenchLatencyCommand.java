package io.mttkit.tb.cli;

import io.mttkit.tb.bench.LatencyBench;
import io.mttkit.tb.cosim.CheckerLibrary;
import io.mttkit.tb.cosim.CosimMismatchException;
import java.io.PrintStream;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code mtt bench latency}: check latency and throughput against the share of misses and the memory latency. */
@Command(name = "latency",
        header = "Check latency (mean, p99) and checks/cycle against miss share and memory latency.",
        description = {
            "For access streams with 0, 5, 20 and 50 % misses and memory latency 2, 10 and 50 cycles: the mean and",
            "99th-percentile check latency (request to response handshake) and the checks per cycle of the shipped",
            "rv64-smmpt checker (walks 1) and of the same configuration generated with walksInFlight=4,",
            "responseOrder=BY_ID (walks 4, docs/nonblocking.md), every run co-simulated against the golden model (a",
            "mismatch refuses the figures; the non-blocking rows compare every verdict, not yet the cache events)."
        },
        footer = {"", "Examples:", "  ./mtt bench latency --quick", "  ./mtt bench latency"},
        mixinStandardHelpOptions = true)
final class BenchLatencyCommand implements Callable<Integer> {
    static final String CONFIGURATION = "rv64-smmpt";

    @Spec
    CommandSpec spec;

    @Option(names = "--quick", description = "Short run (2 000 checks per point instead of 20 000).")
    boolean quick;

    @Override
    public Integer call() {
        PrintStream out = BenchCosimCommand.printStream(spec);
        out.println("building the shipped " + CONFIGURATION + " checker with Verilator (cached after the first time) ...");
        try {
            LatencyBench.run(CheckerLibrary.shipped(CONFIGURATION), quick ? 2_000 : 20_000, out);
        } catch (CosimMismatchException e) {
            out.println("REFUSED: the RTL disagrees with the golden model, so no figures are reported:\n" + e.getMessage());
            return 1;
        } catch (IllegalStateException e) {
            out.println("REFUSED: the non-blocking RTL disagrees with the golden model, so no figures are reported:\n"
                    + e.getMessage());
            return 1;
        }
        out.flush();
        return 0;
    }
}
