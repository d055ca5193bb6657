package io.mttkit.tb.cli;

import io.mttkit.golden.MttMode;
import io.mttkit.tb.bench.GoldenBench;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code mtt bench golden}: golden lookups per second per mode. */
@Command(name = "golden",
        header = "Golden-model lookups per second, per mode.",
        description = {"Golden-model lookups per second, per mode, single-threaded, on seeded random tables",
            "(a few hundred regions of 4 KiB .. 3 GiB with mixed permissions). Prints figures; never fails on speed."},
        footer = {"", "Examples:", "  ./mtt bench golden", "  ./mtt bench golden --mode smmpt43 --seconds 3"},
        mixinStandardHelpOptions = true)
final class BenchGoldenCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--mode", description = "Only this mode (default: every mode of both formats).")
    String mode;

    @Option(names = "--seconds", defaultValue = "1", description = "Measured time per mode (default ${DEFAULT-VALUE}; 0.1 .. 60).")
    double seconds;

    @Option(names = "--seed", defaultValue = "1", description = "Seed of the random tables and queries (default ${DEFAULT-VALUE}).")
    long seed;

    @Override
    public Integer call() {
        if (!(seconds >= 0.1 && seconds <= 60)) {
            throw new UserInputException("--seconds: " + seconds + " is out of range (0.1 .. 60)");
        }
        List<MttMode> modes = new ArrayList<>();
        if (mode != null) {
            MttMode m = ModeArgs.parseTableMode(mode, null, "makes no lookups");
            modes.add(m);
        } else {
            for (MttMode m : MttMode.values()) {
                if (m != MttMode.BARE) {
                    modes.add(m);
                }
            }
        }
        new GoldenBench(seconds, seed).print(modes, spec.commandLine().getOut());
        return ExitCodes.OK;
    }
}
