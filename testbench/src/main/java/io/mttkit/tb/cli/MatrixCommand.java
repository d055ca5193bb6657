package io.mttkit.tb.cli;

import io.mttkit.golden.hart.HartMatrix;
import io.mttkit.golden.hart.ProgramBuild;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code mtt matrix}: the seed's matrix as real programs on the golden hart. */
@Command(name = "matrix",
        header = "Run the seed's permission matrix as RISC-V programs on the golden hart.",
        description = {
            "For XLEN 32 and 64, every mode of both formats and every permission (disallow, allow-rx, allow-rw,",
            "allow-rwx): M-mode firmware sets up tables for a 1 GiB region at 0xC000_0000, a 4 MiB (RV32) / 2 MiB",
            "(RV64) region at 0xB000_0000 and a 4 KiB region at 0xB800_0000, enters S-mode, and S-mode probes",
            "pages of every region with a load, a store and a jump-to-execute. Prints PASS|FAIL <xlen> <mode>",
            "<perm> per cell, then a summary; exit 0 only when every cell passes. The programs are built with",
            "riscv64-unknown-elf-gcc (scripts/setup.sh installs it). RTL lockstep arrives with the co-simulation."
        },
        footer = {"", "Examples:", "  ./mtt matrix", "  ./mtt matrix --stride 1     # every page of the 1 GiB region (slow)"},
        mixinStandardHelpOptions = true)
final class MatrixCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--stride", paramLabel = "N", defaultValue = "256",
            description = "Probe every N-th page of each region (default ${DEFAULT-VALUE}; 1 = every page).")
    long stride;

    @Option(names = "--compressed", description = "Build the programs for the C extension.")
    boolean compressed;

    @Override
    public Integer call() {
        if (stride < 1 || stride > 262_144) {
            throw new UserInputException("--stride: " + stride + " is out of range (1 .. 262144)");
        }
        if (!ProgramBuild.toolchainAvailable()) {
            throw new UserInputException(ProgramBuild.MISSING);
        }
        Path root = SelftestCommand.repoRoot();
        Path programs = root.resolve("programs");
        if (!Files.isDirectory(programs)) {
            throw new UserInputException("programs/ not found under " + root + " (run mtt from the repository)");
        }
        PrintWriter out = spec.commandLine().getOut();
        HartMatrix.Result r = HartMatrix.runAll(programs, root.resolve("target/programs"), stride, compressed);
        r.cells().forEach(c -> out.println(c.line()));
        out.println("summary: " + r.summary() + " (golden hart)");
        out.flush();
        return r.allPassed() ? ExitCodes.OK : ExitCodes.FAILURE;
    }
}
