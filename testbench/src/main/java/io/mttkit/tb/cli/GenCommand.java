package io.mttkit.tb.cli;

import io.mttkit.gen.Configurations;
import io.mttkit.gen.ShippedRtl;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code mtt gen}: emit Verilog for a named generator configuration. */
@Command(name = "gen",
        header = "Generate Verilog for a named configuration.",
        description = {
            "Generate Verilog for a named configuration. Parameters not given with --set take their defaults;",
            "every value is range-checked. --list shows the configurations, --describe NAME their parameters."
        },
        footer = {
            "",
            "Examples:",
            "  ./mtt gen --list",
            "  ./mtt gen --describe sample-fifo",
            "  ./mtt gen --config sample-fifo --set width=32 --set depth=8 --out out/fifo",
            "  ./mtt gen --config checker-rv64 --set formats=smmpt-v0.9 --module-prefix soc0_ --out out/soc0",
            "  ./mtt gen --shipped        # regenerate rtl/ after changing a generator"
        },
        mixinStandardHelpOptions = true)
final class GenCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--config", paramLabel = "NAME", description = "Configuration to generate.")
    String config;

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "Override a parameter (repeatable).")
    List<String> sets = new ArrayList<>();

    @Option(names = "--out", paramLabel = "DIR", description = "Folder for the Verilog files (created if missing).")
    Path out;

    @Option(names = "--top-name", paramLabel = "NAME",
            description = "Name the top module NAME (default: the generator's, e.g. mtt_checker).")
    String topName;

    @Option(names = "--module-prefix", paramLabel = "PREFIX",
            description = "Put PREFIX in front of every module name, so two configurations can live in one design.")
    String modulePrefix;

    @Option(names = "--list", description = "List the configurations.")
    boolean list;

    @Option(names = "--shipped", description = "Regenerate the checked-in configurations under rtl/ (each with its checker.json).")
    boolean shipped;

    @Option(names = "--describe", paramLabel = "NAME", description = "Show a configuration's parameters with defaults and ranges.")
    String describe;

    @Override
    public Integer call() throws IOException {
        PrintWriter o = spec.commandLine().getOut();
        if (list) {
            for (String n : Configurations.names()) {
                o.printf("%-20s %s%n", n, Configurations.get(n).summary());
            }
            o.flush();
            return ExitCodes.OK;
        }
        ArgChecks.notBoth(spec, "--shipped", "--config", "--shipped regenerates every configuration under rtl/");
        ArgChecks.notBoth(spec, "--shipped", "--set", "the shipped configurations keep their checked-in settings");
        if (shipped && (topName != null || modulePrefix != null)) {
            throw new UserInputException("--shipped regenerates rtl/ with the generators' own module names; "
                    + "--top-name and --module-prefix go with --config");
        }
        if (shipped) {
            Path rtl = out != null ? out : SelftestCommand.repoRoot().resolve("rtl");
            List<Path> files = ShippedRtl.write(rtl);
            o.printf("regenerated %d files of %d shipped configurations under %s%n", files.size(), ShippedRtl.EVERY.size(), rtl);
            o.flush();
            return ExitCodes.OK;
        }
        if (describe != null) {
            o.print(Configurations.describe(describe));
            o.flush();
            return ExitCodes.OK;
        }
        if (config == null || out == null) {
            throw new UserInputException("give --config NAME and --out DIR (see --list for the configurations)");
        }
        Map<String, String> settings = SetArgs.parse(sets);
        if (Files.exists(out) && !Files.isDirectory(out)) {
            throw new UserInputException("--out: " + out + " exists and is not a folder");
        }
        List<Path> files;
        try {
            files = Configurations.generate(config, settings,
                    new io.mttkit.gen.Naming(modulePrefix == null ? "" : modulePrefix, topName), out);
        } catch (IllegalArgumentException e) {
            throw new UserInputException(e.getMessage());
        }
        for (Path f : files) {
            o.println("wrote " + f);
        }
        o.flush();
        return ExitCodes.OK;
    }
}
