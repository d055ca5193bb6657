package io.mttkit.tb.cli;

import io.mttkit.tb.mutation.MutantCatalogue;
import io.mttkit.tb.mutation.MutationConfig;
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
            "Apply each bug-like edit of the mutant catalogue to the generated checker Verilog: on the shipped",
            "cached checkers (rv64-smmpt, rv32-smmpt, rv64-smmtt, rv32-smmtt) cache-policy slips (a fill on a stale walk, an SDID-blind",
            "invalidation, a wrong victim, an early sync_ack, ...), on the cache-less ones (walker-rv64/rv32) walker",
            "slips (a wrong tuple index, a missing reserved-bit check, a swapped cause priority, ...), on the",
            "non-blocking rv64-smmpt-nb (4 walks in flight, responses by id) slips of the MSHR logic (a conflict",
            "compare, the replay's release, a stale bit, the R7 hold, an arbiter, a tag). Builds each",
            "mutant with Verilator and runs a short regression on it (cache stimulus and cache scoreboard for the",
            "cached checkers), each in its own JVM. Prints KILLED / SURVIVED / BUILD_FAILED per mutant and the kill",
            "ratio. The unmodified design must pass first.",
            "docs/mutation.md explains every survivor. Takes a few minutes (one Verilator build per mutant)."
        },
        footer = {"", "Examples:", "  ./mtt mutate", "  ./mtt mutate --config walker-rv32 --checks 200000",
            "  ./mtt mutate --only cache-stale-fill,top-inv-sdid-blind",
            "  ./mtt mutate --config walker-rv64 --only v09-tuple-select-swap,mrd-size",
            "  ./mtt mutate --config rv32-smmtt --only rv32-smmtt-v01-1g-info-rsvd",
            "  ./mtt mutate --config rv64-smmpt-nb",
            "  ./mtt mutate --config io-checker-rv64",
            "  ./mtt mutate --config spmp-rv64"},
        mixinStandardHelpOptions = true)
final class MutateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--config", paramLabel = "NAME", defaultValue = MutationConfig.RV64_SMMPT,
            description = "rv64-smmpt (default), rv32-smmpt, rv64-smmtt, rv32-smmtt (shipped cached checkers), walker-rv64 or walker-rv32 "
                    + "(cache-less), rv64-smmpt-nb (rv64-smmpt with 4 walks in flight, responses by id), io-checker-rv64 or io-rv64-smmpt (the I/O MPT checker), or spmp-rv64 (the SPMP "
                    + "in front of the PMP hook and the MPT checker; --checks counts its accesses).")
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
        if (config.equals(MutantCatalogue.SPMP_RV64)) { // the composed SPMP top: its own co-simulation
            if (checks < 100 || checks > 100_000_000L) {
                throw new UserInputException("--checks: " + checks + " is out of range (100 .. 100000000)");
            }
            ArgChecks.noRepeats(only, "--only");
            List<String> ids = MutantCatalogue.forConfig(config).stream().map(m -> m.id()).toList();
            for (String id : only == null ? List.<String>of() : only) {
                if (!ids.contains(id)) {
                    throw new UserInputException("--only: no mutant '" + id + "' for --config " + config
                            + " (its mutants: " + String.join(", ", ids) + ")");
                }
            }
            PrintWriter out = spec.commandLine().getOut();
            io.mttkit.tb.mutation.SpmpMutationRun.run(only == null ? MutantCatalogue.forConfig(config)
                    : only.stream().map(MutantCatalogue::byId).toList(), checks, seed, out);
            return ExitCodes.OK;
        }
        if (config.equals(MutantCatalogue.IO_RV64) || config.equals(MutantCatalogue.IO_CACHED_RV64)) { // the I/O MPT checker: its own co-simulation
            if (checks < 100 || checks > 100_000_000L) {
                throw new UserInputException("--checks: " + checks + " is out of range (100 .. 100000000)");
            }
            ArgChecks.noRepeats(only, "--only");
            List<String> ids = MutantCatalogue.forConfig(config).stream().map(m -> m.id()).toList();
            for (String id : only == null ? List.<String>of() : only) {
                if (!ids.contains(id)) {
                    throw new UserInputException("--only: no mutant '" + id + "' for --config " + config
                            + " (its mutants: " + String.join(", ", ids) + ")");
                }
            }
            PrintWriter out = spec.commandLine().getOut();
            io.mttkit.tb.mutation.IoMutationRun.run(config, only == null ? MutantCatalogue.forConfig(config)
                    : only.stream().map(MutantCatalogue::byId).toList(), checks, seed, out);
            return ExitCodes.OK;
        }
        if (!MutationConfig.NAMES.contains(config)) {
            throw new UserInputException("--config: unknown configuration '" + config + "' (expected one of "
                    + String.join(", ", MutationConfig.NAMES) + ")");
        }
        if (checks < 100 || checks > 100_000_000L) {
            throw new UserInputException("--checks: " + checks + " is out of range (100 .. 100000000)");
        }
        PrintWriter out = spec.commandLine().getOut();
        // The run prints one line per mutant as it goes, then the table and the summary.
        ArgChecks.noRepeats(only, "--only");
        if (only == null) {
            MutationRun.run(config, checks, seed, out);
        } else {
            List<String> ids = MutantCatalogue.forConfig(config).stream().map(m -> m.id()).toList();
            for (String id : only) {
                if (!ids.contains(id)) {
                    throw new UserInputException("--only: no mutant '" + id + "' for --config " + config
                            + " (its mutants: " + String.join(", ", ids) + ")");
                }
            }
            MutationRun.run(config, only.stream().map(MutantCatalogue::byId).toList(), checks, seed, out);
        }
        out.flush();
        return ExitCodes.OK;
    }
}
