package io.mttkit.tb.cli;

import picocli.CommandLine.Command;

/** {@code mtt bench}: speed figures, printed; never a pass/fail speed test. */
@Command(name = "bench",
        header = "Print speed figures: golden lookups/s, co-simulation throughput.",
        description = "Measure and print speed figures (golden model lookups/s, co-simulation throughput).",
        subcommands = {BenchGoldenCommand.class, BenchCosimCommand.class, BenchLatencyCommand.class},
        mixinStandardHelpOptions = true,
        footer = {"", "Examples:", "  ./mtt bench golden", "  ./mtt bench cosim --quick", "  ./mtt bench latency --quick"})
final class BenchCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
