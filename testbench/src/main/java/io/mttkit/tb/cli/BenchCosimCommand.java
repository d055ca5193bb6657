package io.mttkit.tb.cli;

import io.mttkit.tb.bench.CosimBench;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code mtt bench cosim}: co-simulation throughput of the shipped checker, M0 (C++ baseline) to M3 (per-cycle peek/poke). */
@Command(name = "cosim",
        header = "Co-simulation throughput of the shipped checker: C++ baseline, JNA batches, product path, per-cycle.",
        description = {
            "Co-simulation throughput of the shipped generated checker (rv64-smmpt: walker + cache) on a fixed-seed",
            "workload (4 supervisor domains with golden-built tables, checks with locality, misses, fences of every",
            "kind, MINVAL batches, idle gaps, bypass, latency 2-8, stalls, bus errors), measured in one run,",
            "interleaved, medians: M0 standalone C++ runner on the same library and memory image; M1 JNA batches of",
            "K = 1, 8, 64, 256, 512, 4096, decode only; M2 the product path (CosimHarness, full scoreboard: golden",
            "walk, golden cache model, every event compared) at its batch of 256; M3 per-cycle peek/poke.",
            "Refuses to report when any mode's event trace differs from M0's or the scoreboard finds a mismatch."
        },
        footer = {"", "Examples:", "  ./mtt bench cosim --quick", "  ./mtt bench cosim",
            "  ./mtt bench cosim --config io-checker-rv64   # the I/O MPT checker against its C++ runner"},
        mixinStandardHelpOptions = true)
final class BenchCosimCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--quick", description = "Short run (10 000 requests, 5 repetitions).")
    boolean quick;

    @Option(names = "--config", paramLabel = "NAME",
            description = "An I/O MPT checker configuration (io-checker-rv64, io-checker-rv32): its product path"
                    + " (IoHarness) against the C++ runner. Without it: the shipped rv64-smmpt hart-side checker.")
    String config;

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "With --config: override a generator parameter.")
    java.util.List<String> sets = new java.util.ArrayList<>();

    @Override
    public Integer call() {
        PrintStream out = printStream(spec);
        int rc;
        if (config != null) {
            CheckerTarget.requireKnown(config);
            if (!CheckerTarget.isIo(config)) {
                throw new UserInputException("--config: the hart-side bench measures the shipped rv64-smmpt checker;"
                        + " --config takes an I/O MPT checker configuration (e.g. io-checker-rv64)");
            }
            out.println("generating the " + config + " I/O checker Verilog and building it with Verilator"
                    + " (cached after the first time) ...");
            rc = io.mttkit.tb.iocosim.IoCosimBench.run(CheckerTarget.ioLibrary(config, sets), quick ? 10_000 : 100_000,
                    out);
        } else {
            rc = new CosimBench().run(quick, out);
        }
        out.flush();
        return rc;
    }

    /** The command's output writer as a UTF-8 {@link PrintStream} (the benches print through one). */
    static PrintStream printStream(CommandSpec spec) {
        PrintWriter w = spec.commandLine().getOut();
        return new PrintStream(new OutputStream() {
            @Override
            public void write(int b) {
                w.write(b);
            }

            @Override
            public void write(byte[] b, int off, int len) {
                w.write(new String(b, off, len, StandardCharsets.UTF_8));
            }

            @Override
            public void flush() {
                w.flush();
            }
        }, true, StandardCharsets.UTF_8);
    }
}
