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

/** {@code mtt bench cosim}: co-simulation throughput, M0 (C++ baseline) to M3 (per-cycle peek/poke). */
@Command(name = "cosim",
        header = "Co-simulation throughput: C++ baseline, JNA batches, per-cycle.",
        description = {
            "Co-simulation throughput of the checker fast path, measured in one run, interleaved, medians:",
            "M0 standalone C++ runner on the same library; M1 JNA batches, decode only; M2 JNA batches of",
            "K = 1, 8, 64, 512, 4096 with full checking in Java (the product path); M3 per-cycle peek/poke.",
            "Refuses to report when any mode's event-trace digest differs or any mismatch occurs.",
            "Until the generated checker lands, the design measured is the bridge's small test checker."
        },
        footer = {"", "Examples:", "  ./mtt bench cosim --quick", "  ./mtt bench cosim"},
        mixinStandardHelpOptions = true)
final class BenchCosimCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--quick", description = "Short run (10 000 requests, 5 repetitions).")
    boolean quick;

    @Override
    public Integer call() {
        PrintWriter w = spec.commandLine().getOut();
        PrintStream out = new PrintStream(new OutputStream() {
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
        int rc = new CosimBench().run(quick, out);
        out.flush();
        return rc;
    }
}
