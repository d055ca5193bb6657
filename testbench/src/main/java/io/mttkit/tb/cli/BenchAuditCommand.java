package io.mttkit.tb.cli;

import io.mttkit.tb.bench.AuditBench;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code mtt bench audit}: time of {@code mtt audit} over a full Smmpt64 table of a 1 TiB domain. */
@Command(name = "audit",
        header = "Time of mtt audit over a full Smmpt64 table of a 1 TiB domain.",
        description = {"Builds the Smmpt64 tables of a 1 TiB domain with seeded holes (largest leaves, then a 64 KiB",
            "leaf for every 64 KiB: 2^24 leaves in 128 MiB) and times the whole-table audit of each, clean and with one",
            "difference. Needs about 1 GiB of heap (MTT_JAVA_OPTS=-Xmx2g). Prints figures; never fails on speed."},
        footer = {"", "Examples:", "  ./mtt bench audit", "  ./mtt bench audit --holes 10000 --seed 3"},
        mixinStandardHelpOptions = true)
final class BenchAuditCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--seed", defaultValue = "1", description = "Seed of the holes (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--holes", defaultValue = "1000",
            description = "Later regions carved into the terabyte: 4 KiB no-access or 2 MiB rx (default ${DEFAULT-VALUE}; 0 .. 100000).")
    int holes;

    @Override
    public Integer call() {
        if (holes < 0 || holes > 100_000) {
            throw new UserInputException("--holes: " + holes + " is out of range (0 .. 100000)");
        }
        new AuditBench(seed, holes).print(spec.commandLine().getOut());
        return ExitCodes.OK;
    }
}
