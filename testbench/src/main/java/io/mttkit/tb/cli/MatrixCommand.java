package io.mttkit.tb.cli;

import io.mttkit.golden.hart.HartMatrix;
import io.mttkit.golden.hart.ProgramBuild;
import io.mttkit.tb.lockstep.LockstepMatrix;
import io.mttkit.tb.lockstep.LockstepOptions;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code mtt matrix}: the seed's matrix as real programs on the golden hart, optionally in RTL lockstep. */
@Command(name = "matrix",
        header = "Run the seed's permission matrix as RISC-V programs on the golden hart.",
        description = {
            "For XLEN 32 and 64, every mode of both formats and every permission (disallow, allow-rx, allow-rw,",
            "allow-rwx): M-mode firmware sets up tables for a 1 GiB region at 0xC000_0000, a 4 MiB (RV32) / 2 MiB",
            "(RV64) region at 0xB000_0000 and a 4 KiB region at 0xB800_0000, enters S-mode, and S-mode probes",
            "pages of every region with a load, a store and a jump-to-execute. Prints PASS|FAIL <xlen> <mode>",
            "<perm> per cell, then a summary; exit 0 only when every cell passes. The programs are built with",
            "riscv64-unknown-elf-gcc (scripts/setup.sh installs it).",
            "With --rtl every MTT check the hart makes is also answered by the RTL checker of the shipped",
            "configuration implementing the cell's XLEN and format (rv64-smmpt, rv64-smmtt, rv32-smmpt,",
            "rv32-smmtt; built by Verilator), in lockstep: a disagreement fails the cell with a report naming the",
            "instruction, the access, both answers and a repro bundle (docs/lockstep.md)."
        },
        footer = {"", "Examples:", "  ./mtt matrix", "  ./mtt matrix --stride 1     # every page of the 1 GiB region (slow)",
            "  ./mtt matrix --rtl", "  ./mtt matrix --rtl --config rv32-smmtt"},
        mixinStandardHelpOptions = true)
final class MatrixCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--stride", paramLabel = "N", defaultValue = "256",
            description = "Probe every N-th page of each region (default ${DEFAULT-VALUE}; 1 = every page).")
    long stride;

    @Option(names = "--compressed", description = "Build the programs for the C extension.")
    boolean compressed;

    @Option(names = "--rtl", description = "Answer every check with the RTL checker too, in lockstep.")
    boolean rtl;

    @Option(names = "--config", paramLabel = "NAME",
            description = "With --rtl: only the cells of this shipped configuration (rv64-smmpt, rv64-smmtt, rv32-smmpt, rv32-smmtt).")
    String config;

    @Mixin
    LockstepArgs lockstep;

    @Override
    public Integer call() {
        if (stride < 1 || stride > 262_144) {
            throw new UserInputException("--stride: " + stride + " is out of range (1 .. 262144)");
        }
        // Arguments first, the toolchain after: a contradiction is reported as such on any machine.
        if (!rtl && (config != null || lockstep.given())) {
            throw new UserInputException("--config, --batch and --bundle-dir apply to lockstep runs only: add --rtl");
        }
        if (rtl && config != null && !RunCommand.CONFIGS.contains(config)) {
            throw new UserInputException("--config: unknown configuration '" + config + "' (expected "
                    + String.join(", ", RunCommand.CONFIGS) + ")");
        }
        if (rtl) {
            lockstep.options(SelftestCommand.repoRoot()); // --batch range
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
        if (rtl) {
            return callRtl(programs, root, out);
        }
        if (config != null || lockstep.given()) {
            throw new UserInputException("--config, --batch and --bundle-dir apply to lockstep runs only: add --rtl");
        }
        HartMatrix.Result r = HartMatrix.runAll(programs, root.resolve("target/programs"), stride, compressed);
        r.cells().forEach(c -> out.println(c.line()));
        out.println("summary: " + r.summary() + " (golden hart)");
        out.flush();
        return r.allPassed() ? ExitCodes.OK : ExitCodes.FAILURE;
    }

    private int callRtl(Path programs, Path root, PrintWriter out) {
        if (config != null && !RunCommand.CONFIGS.contains(config)) {
            throw new UserInputException("--config: unknown configuration '" + config + "' (expected "
                    + String.join(", ", RunCommand.CONFIGS) + ")");
        }
        LockstepOptions options = lockstep.options(root);
        LockstepMatrix.Result r = LockstepMatrix.runAll(programs, root.resolve("target/programs"), stride, compressed,
                options, config, c -> {
                    out.println(c.line());
                    out.flush();
                });
        out.println("summary: " + r.summary() + " (golden hart, RTL in lockstep)");
        out.flush();
        return r.allPassed() ? ExitCodes.OK : ExitCodes.FAILURE;
    }
}
