package io.mttkit.tb.cli;

import io.mttkit.golden.TableFormat;
import io.mttkit.golden.elf.ElfFile;
import io.mttkit.golden.hart.HartConfig;
import io.mttkit.golden.hart.HartRunner;
import io.mttkit.golden.hart.RunOptions;
import io.mttkit.golden.hart.RunResult;
import io.mttkit.golden.hart.TraceEntry;
import io.mttkit.tb.lockstep.LockstepOptions;
import io.mttkit.tb.lockstep.LockstepRun;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code mtt run}: run a RISC-V program on the golden hart, every access MTT-checked. */
@Command(name = "run",
        header = "Run a RISC-V ELF program on the golden hart, every access MTT-checked.",
        description = {
            "Load a 32- or 64-bit RISC-V ELF into the golden hart (RV32/RV64 IMAC, Zicsr, Zifencei; M/S/U;",
            "Sv32/Sv39/Sv48; PMP with Smepmp; mttp/mmpt and the MTT fences) and run it until it exits through",
            "HTIF tohost, hits the instruction limit or the timeout. Every fetch, load, store, AMO and implicit",
            "page-table access below effective M is checked by the golden MTT lookup. The console output is",
            "printed as the program wrote it; the exit code is the program's (0 pass, else 1).",
            "With --rtl every check is also answered, in lockstep, by the RTL checker of the configuration (built",
            "by Verilator); a disagreement stops the run with a report and a repro bundle (docs/lockstep.md).",
            "With --harts N (2..8) the program runs on N harts sharing memory and the CLINT, interleaved from",
            "--seed (docs/hart.md, \"Several harts\"); the per-hart instruction counts are printed."
        },
        footer = {"", "Examples:", "  ./mtt run prog.elf", "  ./mtt run prog.elf --config rv32-smmtt --trace | less",
            "  ./mtt run prog.elf --rtl", "  ./mtt run smp_lock.elf --harts 4 --seed 7"},
        mixinStandardHelpOptions = true)
final class RunCommand implements Callable<Integer> {
    /** The shipped configurations, each one format at one XLEN. */
    static final List<String> CONFIGS = List.of("rv64-smmpt", "rv64-smmtt", "rv32-smmpt", "rv32-smmtt");

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "PROGRAM.elf", description = "The program (ELF, 32 or 64 bit).")
    Path elf;

    @Option(names = "--config", paramLabel = "NAME",
            description = "rv64-smmpt (default for 64-bit ELFs), rv64-smmtt, rv32-smmpt (default for 32-bit), rv32-smmtt.")
    String config;

    @Option(names = "--max-instructions", paramLabel = "N", defaultValue = "100000000",
            description = "Stop after N instructions (default ${DEFAULT-VALUE}).")
    long maxInstructions;

    @Option(names = "--timeout", paramLabel = "SECONDS", description = "Stop after this much wall-clock time.")
    Double timeoutSeconds;

    @Option(names = "--trace", description = "Print the instruction trace (pc, disassembly, registers written, accesses and MTT verdicts).")
    boolean trace;

    @Option(names = "--rtl", description = "Answer every check with the RTL checker of the configuration too, in lockstep.")
    boolean rtl;

    @Mixin
    LockstepArgs lockstep;

    @Mixin
    RunHarts harts;

    @Override
    public Integer call() {
        InputPaths.requireFile(elf, "program");
        if (maxInstructions < 1) {
            throw new UserInputException("--max-instructions: must be at least 1, got " + maxInstructions);
        }
        if (timeoutSeconds != null && !(timeoutSeconds > 0)) {
            throw new UserInputException("--timeout: must be a positive number of seconds, got " + timeoutSeconds);
        }
        // option checks first: they are cheap and independent of the file
        if (!rtl && lockstep.given()) {
            throw new UserInputException("--batch and --bundle-dir apply to lockstep runs only: add --rtl");
        }
        harts.validate(rtl, trace);
        LockstepOptions lockstepOptions = rtl ? lockstep.options(SelftestCommand.repoRoot()) : null;
        ElfFile file;
        try {
            file = ElfFile.read(elf);
        } catch (IllegalArgumentException e) {
            throw new UserInputException(e.getMessage());
        }
        HartConfig hc = hartConfig(config, file.xlen());
        RunOptions opts = RunOptions.defaults().withMaxInstructions(maxInstructions).withTrace(trace);
        if (timeoutSeconds != null) {
            opts = opts.withTimeout(Duration.ofMillis(Math.round(timeoutSeconds * 1000)));
        }
        PrintWriter out = spec.commandLine().getOut();
        if (harts.several()) {
            return harts.run(file, hc, opts, elf, out);
        }
        RunResult r;
        LockstepRun.Outcome outcome = null;
        try {
            if (rtl) {
                outcome = LockstepRun.run(file, hc, opts, lockstepOptions);
                if (outcome.mismatch() != null) {
                    out.println(outcome.mismatch().getMessage());
                    out.println("mtt run: stopped by RTL lockstep at pc 0x" + Long.toHexString(outcome.mismatch().pc()));
                    out.flush();
                    return ExitCodes.FAILURE;
                }
                r = outcome.run();
            } else {
                r = HartRunner.run(file, hc, opts);
            }
        } catch (IllegalArgumentException e) {
            throw new UserInputException(elf + ": " + e.getMessage());
        }
        for (TraceEntry t : r.trace()) {
            out.println(t);
        }
        out.print(r.console());
        if (!r.console().isEmpty() && !r.console().endsWith("\n")) {
            out.println();
        }
        out.printf("mtt run: %s after %d instructions (%d traps): %s%n", r.reason(), r.instret(), r.traps().size(),
                r.message());
        harts.printOneHart(r, out);
        if (outcome != null) {
            out.println("mtt run: RTL lockstep: " + outcome.stats());
        }
        out.flush();
        return r.passed() ? ExitCodes.OK : ExitCodes.FAILURE;
    }

    /** The hart of a shipped configuration name; checks it against the ELF's XLEN. */
    static HartConfig hartConfig(String name, int elfXlen) {
        if (name == null) {
            return HartConfig.defaults(elfXlen, TableFormat.SMMPT_V0_9);
        }
        int xlen;
        TableFormat format;
        switch (name) {
            case "rv64-smmpt" -> { xlen = 64; format = TableFormat.SMMPT_V0_9; }
            case "rv64-smmtt" -> { xlen = 64; format = TableFormat.SMMTT_V0_1; }
            case "rv32-smmpt" -> { xlen = 32; format = TableFormat.SMMPT_V0_9; }
            case "rv32-smmtt" -> { xlen = 32; format = TableFormat.SMMTT_V0_1; }
            default -> throw new UserInputException("--config: unknown configuration '" + name
                    + "' (expected rv64-smmpt, rv64-smmtt, rv32-smmpt or rv32-smmtt)");
        }
        if (xlen != elfXlen) {
            throw new UserInputException("--config " + name + " is RV" + xlen + " but the program is a " + elfXlen
                    + "-bit ELF");
        }
        return HartConfig.defaults(xlen, format);
    }
}
