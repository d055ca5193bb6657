package io.mttkit.tb.cli;

import io.mttkit.tb.mutation.MutantCatalogue;
import io.mttkit.tb.mutation.MutationRun;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code mtt mutate}: measure the regression's bug-finding power on bug-like edits of the generated Verilog. */
@Command(name = "mutate",
        header = "Measure the regression's bug-finding power on mutants of the generated Verilog.",
        description = {
            "Apply each bug-like edit of the mutant catalogue (a wrong tuple index, a missing reserved-bit check, an",
            "off-by-one in the PA range check, a swapped cause priority, ...) to the generated checker Verilog,",
            "build the mutant with Verilator and run a short regression on it, each in its own JVM. Prints",
            "KILLED / SURVIVED / BUILD_FAILED per mutant and the kill ratio. The unmodified design must pass first.",
            "docs/mutation.md explains every survivor. Takes a few minutes (one Verilator build per mutant)."
        },
        footer = {"", "Examples:", "  ./mtt mutate", "  ./mtt mutate --config walker-rv32 --checks 200000",
            "  ./mtt mutate --only v09-tuple-select-swap,mrd-size"},
        mixinStandardHelpOptions = true)
final class MutateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--config", paramLabel = "NAME", defaultValue = "walker-rv64",
            description = "walker-rv64 (default) or walker-rv32.")
    String config;

    @Option(names = "--checks", paramLabel = "N", defaultValue = "20000",
            description = "Random checks per mutant (default ${DEFAULT-VALUE}; 100 .. 10^8).")
    long checks;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1", description = "Regression seed (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--only", paramLabel = "ID,...", split = ",", description = "Run only these mutants.")
    List<String> only;

    @Override
    public Integer call() {
        if (!config.equals(MutantCatalogue.RV64) && !config.equals(MutantCatalogue.RV32)) {
            throw new UserInputException("--config: unknown configuration '" + config + "' (expected walker-rv64 or walker-rv32)");
        }
        if (checks < 100 || checks > 100_000_000L) {
            throw new UserInputException("--checks: " + checks + " is out of range (100 .. 100000000)");
        }
        PrintWriter out = spec.commandLine().getOut();
        // The run prints one line per mutant as it goes, then the table and the summary.
        if (only == null) {
            MutationRun.run(config, checks, seed, out);
        } else {
            MutationRun.run(config, only.stream().map(MutantCatalogue::byId).toList(), checks, seed, out);
        }
        out.flush();
        return ExitCodes.OK;
    }
}
