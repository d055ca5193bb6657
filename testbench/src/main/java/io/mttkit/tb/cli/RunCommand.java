package io.mttkit.tb.cli;

import io.mttkit.golden.MttMode;
import io.mttkit.golden.TableFormat;
import io.mttkit.golden.elf.ElfFile;
import io.mttkit.golden.hart.DomainSetup;
import io.mttkit.golden.hart.HartConfig;
import io.mttkit.golden.hart.HartListener;
import io.mttkit.golden.hart.HartRunner;
import io.mttkit.golden.hart.PageMemory;
import io.mttkit.golden.hart.ProgramBuild;
import io.mttkit.golden.hart.RunOptions;
import io.mttkit.golden.hart.RunResult;
import io.mttkit.golden.hart.TraceEntry;
import io.mttkit.tb.lockstep.LockstepOptions;
import io.mttkit.tb.lockstep.LockstepRun;
import io.mttkit.tb.lockstep.SpmpLockstepRun;
import io.mttkit.tb.spmpcosim.SpmpMptRtl;
import io.mttkit.bridge.BuildDriver;
import io.mttkit.golden.tables.Region;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
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
            "With --domain the program runs in one supervisor domain: tables for the regions of the JSON file",
            "(as for mtt tables) are built, placed at the top of memory (or --tables-at) and written to mmpt/mttp",
            "with --mode and --sdid before the first instruction, so every S/U access meets real tables.",
            "With --rtl every check is also answered, in lockstep, by the RTL checker of the configuration (built",
            "by Verilator); a disagreement stops the run with a report and a repro bundle (docs/lockstep.md).",
            "A run ends with PASS (exit 0 through HTIF) or FAIL and why: the exit value, the instruction limit,",
            "the timeout, or a trap loop (the same exception taken again and again, named with its pc and cause).",
            "With --harts N (2..8) the program runs on N harts sharing memory and the CLINT, interleaved from",
            "--seed (docs/hart.md, \"Several harts\"); the per-hart instruction counts are printed. With --rtl",
            "too, each hart's checks go to its own instance of the RTL checker (docs/lockstep.md, \"Several harts\").",
            "With --config spmp-rv64 or spmp-rv32 the hart has that configuration's S-level PMP (Sspmp, Sspmpen); with",
            "--rtl every S/U access is answered at once by the configuration's mtt_spmp_checker (SPMP, the PMP hook",
            "and the MPT checker) and compared: allow, deciding unit, cause (docs/lockstep.md, \"SPMP configurations\")."
        },
        footer = {"", "Examples:", "  ./mtt run prog.elf", "  ./mtt run prog.elf --config rv32-smmtt --trace | less",
            "  ./mtt run prog.elf --rtl", "  ./mtt run programs/domain_fault.c --domain programs/domains/fault.json --rtl",
            "  ./mtt run prog.elf --mem 0x80000000:0x10000000 --mem 0xc0000000:0x40000000",
            "  ./mtt run programs/smp_lock.c --harts 4 --seed 7",
            "  ./mtt run programs/smp_shootdown.c --harts 4 --rtl",
            "  ./mtt run programs/spmp_rules.c --config spmp-rv64 --rtl"},
        mixinStandardHelpOptions = true)
final class RunCommand implements Callable<Integer> {
    /** The shipped configurations, each one format at one XLEN. */
    static final List<String> CONFIGS = List.of("rv64-smmpt", "rv64-smmtt", "rv32-smmpt", "rv32-smmtt");

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "PROGRAM.elf",
            description = "The program (ELF, 32 or 64 bit), or a program of programs/ by its source (NAME.c, NAME.S),"
                    + " built for the configuration's XLEN (default 64) with the riscv64-unknown-elf toolchain.")
    Path elf;

    @Option(names = "--config", paramLabel = "NAME",
            description = "rv64-smmpt (default for 64-bit ELFs), rv64-smmtt, rv32-smmpt (default for 32-bit), rv32-smmtt;"
                    + " spmp-rv64, spmp-rv32 (a hart with the S-level PMP; --rtl: mtt_spmp_checker in lockstep).")
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

    @Option(names = "--misaligned",
            description = "Perform misaligned loads and stores (as a hart with Zicclsm), each aligned part checked; default: trap them.")
    boolean misaligned;

    @Option(names = "--mem", paramLabel = "BASE:SIZE",
            description = "A mapped memory range (repeatable; replaces the default 256 MiB at 0x80000000). 4 KiB aligned.")
    List<String> mem;

    @Option(names = "--domain", paramLabel = "REGIONS.json",
            description = "Run the program in the supervisor domain of these regions (the mtt tables format).")
    Path domain;

    @Option(names = "--mode", paramLabel = "M",
            description = "With --domain: the table mode (default smmpt43/smmpt34/smmtt46/smmtt34, by configuration).")
    String mode;

    @Option(names = "--sdid", paramLabel = "N", description = "With --domain: the SDID written with the root (default 1).")
    Long sdid;

    @Option(names = "--tables-at", paramLabel = "ADDR",
            description = "With --domain: where the tables go (default: the top of the highest memory range).")
    String tablesAt;

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
        harts.validate(rtl, trace, domain != null);
        boolean spmp = SpmpLockstepRun.handles(config);
        if (spmp && rtl && harts.several()) {
            throw new UserInputException("--config " + config + " --rtl runs one hart (one mtt_spmp_checker): drop --harts"
                    + " or --rtl");
        }
        if (spmp && rtl && lockstep.batch != null) {
            throw new UserInputException("--batch does not apply to --config " + config + " --rtl: mtt_spmp_checker"
                    + " answers each access at once, cycle by cycle; drop --batch");
        }
        if (domain == null && (mode != null || sdid != null || tablesAt != null)) {
            throw new UserInputException((mode != null ? "--mode" : sdid != null ? "--sdid" : "--tables-at")
                    + " applies to runs in a domain only: add --domain REGIONS.json");
        }
        List<PageMemory.Range> memory = mem == null ? List.of(RunOptions.DEFAULT_RAM) : memoryMap(mem);
        Long tablesBase = tablesAt == null ? null : Numbers.parseU64(tablesAt, "--tables-at");
        if (tablesBase != null && (tablesBase & 0xFFF) != 0) {
            throw new UserInputException("--tables-at: " + tablesAt + " is not 4 KiB aligned");
        }
        if (sdid != null && (sdid < 0 || sdid > 63)) {
            throw new UserInputException("--sdid: " + sdid + " is out of range (0 .. 63)");
        }
        List<Region> regions = null;
        if (domain != null) {
            try {
                regions = RegionsFile.read(domain, "--domain");
            } catch (IOException e) {
                throw new UserInputException("--domain: cannot read " + domain + ": " + e.getMessage());
            }
        }
        LockstepOptions lockstepOptions = rtl ? lockstep.options(SelftestCommand.repoRoot()) : null;
        Path elfPath = isSource(elf) ? buildSource(elf, config) : elf;
        ElfFile file;
        try {
            file = ElfFile.read(elfPath);
        } catch (IllegalArgumentException e) {
            throw new UserInputException(e.getMessage());
        }
        HartConfig hc = hartConfig(config, file.xlen()).withMisalignedAccess(misaligned);
        for (PageMemory.Range r : memory) {
            checkRange(r, hc);
        }
        RunOptions opts = RunOptions.defaults().withMaxInstructions(maxInstructions).withTrace(trace)
                .withMemory(memory);
        DomainSetup setup = null;
        if (regions != null) {
            MttMode m = mode == null ? DomainSetup.defaultMode(hc) : ModeArgs.parseTableMode(mode, null, "has no tables");
            if (m.format() != hc.format() || m.xlen() != hc.xlen()) {
                throw new UserInputException("--mode: " + m.id() + " is a mode of RV" + m.xlen() + " " + m.format().id()
                        + ", but the run's configuration is "
                        + (config != null ? config : io.mttkit.tb.lockstep.LockstepTarget.configName(hc.xlen(), hc.format()))
                        + "; choose a mode of that configuration or another --config");
            }
            setup = new DomainSetup(regions, m, sdid == null ? 1 : (int) (long) sdid, tablesBase);
        }
        DomainSetup.Placed[] placed = new DomainSetup.Placed[1];
        long[] rootWrites = new long[2];
        if (setup != null) {
            DomainSetup d = setup;
            opts = opts.withSetup((hart, e) -> {
                try {
                    placed[0] = d.place(hart, e);
                } catch (IllegalArgumentException ex) {
                    throw new UserInputException("--domain " + domain + ": " + ex.getMessage()
                            + (ex.getMessage().contains("memory") ? " (--mem sets the memory map, --tables-at the place)"
                            : ""));
                }
                hart.addListener(new HartListener() {
                    @Override
                    public void csrWritten(int csr, long value) {
                        if (csr == 0x382 && rootWrites[0]++ == 0) {
                            rootWrites[1] = hart.pc();
                        }
                    }
                });
            });
        }
        if (timeoutSeconds != null) {
            opts = opts.withTimeout(Duration.ofMillis(Math.round(timeoutSeconds * 1000)));
        }
        PrintWriter out = spec.commandLine().getOut();
        if (harts.several()) {
            return harts.run(file, hc, opts, elf, lockstepOptions, out);
        }
        if (spmp && rtl) {
            return runSpmp(file, hc, opts, lockstepOptions, placed, regions == null ? 0 : regions.size(), rootWrites,
                    out);
        }
        RunResult r;
        LockstepRun.Outcome outcome = null;
        try {
            if (rtl) {
                outcome = LockstepRun.run(file, hc, opts, lockstepOptions);
                if (outcome.mismatch() != null) {
                    printDomain(out, placed[0], regions == null ? 0 : regions.size(), hc);
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
        printDomain(out, placed[0], regions == null ? 0 : regions.size(), hc);
        int code = printRun(out, r, hc, rootWrites);
        if (outcome != null) {
            out.println("mtt run: RTL lockstep: " + outcome.stats());
        }
        out.flush();
        return code;
    }

    /** The run's trace, console, root-CSR note and verdict line; returns the exit code of the program's result. */
    private int printRun(PrintWriter out, RunResult r, HartConfig hc, long[] rootWrites) {
        for (TraceEntry t : r.trace()) {
            out.println(t);
        }
        out.print(r.console());
        if (!r.console().isEmpty() && !r.console().endsWith("\n")) {
            out.println();
        }
        if (rootWrites[0] > 0) {
            out.printf("mtt run: note: the program wrote %s itself (%d time%s, first at pc 0x%x); its value applied"
                    + " from then on%n", hc.format() == TableFormat.SMMPT_V0_9 ? "mmpt" : "mttp", rootWrites[0],
                    rootWrites[0] == 1 ? "" : "s", rootWrites[1]);
        }
        String verdict = r.passed() ? "PASS" : r.reason() == io.mttkit.golden.hart.StopReason.EXIT
                ? "FAIL (exit value " + r.exitCode() + ")" : "FAIL (" + r.reason() + ")";
        out.printf("mtt run: %s: %s after %d instructions (%d traps)%n", verdict, r.message(), r.instret(),
                r.trapCount());
        harts.printOneHart(r, out);
        return r.passed() ? ExitCodes.OK : ExitCodes.FAILURE;
    }

    /**
     * {@code --config spmp-rv64|spmp-rv32 --rtl}: generates and builds the configuration's {@code mtt_spmp_checker}
     * (through the build cache) and runs the program with every S/U access answered by it ({@link SpmpLockstepRun}).
     */
    private int runSpmp(ElfFile file, HartConfig hc, RunOptions opts, LockstepOptions lockstepOptions,
                        DomainSetup.Placed[] placed, int regionCount, long[] rootWrites, PrintWriter out) {
        SpmpLockstepRun.Target target = SpmpLockstepRun.target(config);
        out.println("mtt run: generating " + config + " (mtt_spmp_checker) and building it with Verilator (cached after"
                + " the first time) ...");
        out.flush();
        SpmpLockstepRun.Outcome outcome;
        try (SpmpMptRtl top = SpmpMptRtl.open(BuildDriver.fromEnvironment(), target.params().spmp(),
                target.params().walker())) {
            outcome = SpmpLockstepRun.run(file, hc, opts, lockstepOptions, top, config);
        } catch (IllegalArgumentException e) {
            throw new UserInputException(elf + ": " + e.getMessage());
        }
        if (outcome.mismatch() != null) {
            printDomain(out, placed[0], regionCount, hc);
            out.println(outcome.mismatch().getMessage());
            out.println("mtt run: stopped by RTL lockstep at pc 0x" + Long.toHexString(outcome.mismatch().pc()));
            if (outcome.stats() != null) {
                out.println("mtt run: RTL lockstep until then: " + outcome.stats());
            }
            out.flush();
            return ExitCodes.FAILURE;
        }
        printDomain(out, placed[0], regionCount, hc);
        int code = printRun(out, outcome.run(), hc, rootWrites);
        out.println("mtt run: RTL lockstep: " + outcome.stats());
        out.flush();
        return code;
    }

    /** The domain line and the placement notes (nothing for a run without a domain). */
    private void printDomain(PrintWriter out, DomainSetup.Placed p, int regionCount, HartConfig hc) {
        if (p == null) {
            return;
        }
        out.printf("mtt run: domain %s SDID %d, %d region%s from %s; tables at [0x%x, 0x%x], root PPN 0x%x, %s = 0x%x%n",
                p.tables().mode().id(), sdid == null ? 1 : sdid, regionCount, regionCount == 1 ? "" : "s", domain,
                p.tables().base(), p.tables().end() - 1, p.tables().rootPpn(),
                hc.format() == TableFormat.SMMPT_V0_9 ? "mmpt" : "mttp", p.rootCsr());
        for (String n : p.notes()) {
            out.println("mtt run: note: " + n);
        }
    }

    private static boolean isSource(Path p) {
        String n = p.getFileName().toString();
        return n.endsWith(".c") || n.endsWith(".S");
    }

    /** Builds a program of a {@code programs/} folder (one holding {@code link.ld}) with {@link ProgramBuild}. */
    private static Path buildSource(Path src, String config) {
        Path dir = src.toAbsolutePath().getParent();
        if (dir == null || !java.nio.file.Files.isRegularFile(dir.resolve("link.ld"))
                || !java.nio.file.Files.isDirectory(dir.resolve("runtime"))) {
            throw new UserInputException("program: " + src + " is a source file outside a programs/ folder (one with"
                    + " link.ld and runtime/); build it into an ELF and give that");
        }
        String n = src.getFileName().toString();
        int xlen = config == null ? 64 : config.startsWith("rv32") || config.equals("spmp-rv32") ? 32 : 64;
        try {
            return ProgramBuild.build(dir, n.substring(0, n.length() - 2), xlen,
                    SelftestCommand.repoRoot().resolve("target/programs"));
        } catch (IllegalStateException e) {
            throw new UserInputException("program: " + e.getMessage());
        }
    }

    /** Parses the {@code --mem BASE:SIZE} ranges; overlaps are refused by name. */
    static List<PageMemory.Range> memoryMap(List<String> specs) {
        List<PageMemory.Range> out = new ArrayList<>();
        for (String spec : specs) {
            int colon = spec.indexOf(':');
            if (colon < 0) {
                throw new UserInputException("--mem: '" + spec + "' is not BASE:SIZE (e.g. 0x80000000:0x10000000)");
            }
            long base = Numbers.parseU64(spec.substring(0, colon), "--mem " + spec + ": BASE");
            long size = Numbers.parseU64(spec.substring(colon + 1), "--mem " + spec + ": SIZE");
            if (size == 0 || (base & 0xFFF) != 0 || (size & 0xFFF) != 0) {
                throw new UserInputException("--mem " + spec + ": BASE and SIZE must be multiples of 4 KiB (0x1000)"
                        + " and SIZE must not be 0");
            }
            if (Long.compareUnsigned(base + size - 1, base) < 0) {
                throw new UserInputException("--mem " + spec + ": the range wraps past 2^64");
            }
            String name = "mem" + out.size();
            for (PageMemory.Range r : out) {
                if (Long.compareUnsigned(base, r.base() + r.size() - 1) <= 0
                        && Long.compareUnsigned(r.base(), base + size - 1) <= 0) {
                    throw new UserInputException(String.format("--mem %s: [0x%x, 0x%x] overlaps the range given"
                            + " before it, %s", spec, base, base + size - 1, r));
                }
            }
            out.add(new PageMemory.Range(base, size, name));
        }
        return out;
    }

    /** A range must be addressable by the hart and leave the CLINT alone. */
    private static void checkRange(PageMemory.Range r, HartConfig hc) {
        long top = hc.xlen() == 32 ? 1L << 34 : 1L << 56;
        if (Long.compareUnsigned(r.base() + r.size(), top) > 0 || r.base() + r.size() == 0) {
            throw new UserInputException(String.format("--mem: %s ends beyond the %d-bit physical address space of"
                    + " an RV%d hart", r, hc.xlen() == 32 ? 34 : 56, hc.xlen()));
        }
        long c = hc.clintBase();
        if (Long.compareUnsigned(r.base(), c + 0xFFFF) <= 0 && Long.compareUnsigned(c, r.base() + r.size() - 1) <= 0) {
            throw new UserInputException(String.format("--mem: %s overlaps the CLINT at [0x%x, 0x%x]; move it", r,
                    c, c + 0xFFFF));
        }
    }

    /** The hart of a shipped configuration name; checks it against the ELF's XLEN. */
    static HartConfig hartConfig(String name, int elfXlen) {
        if (name == null) {
            return HartConfig.defaults(elfXlen, TableFormat.SMMPT_V0_9);
        }
        if (SpmpLockstepRun.handles(name)) {
            SpmpLockstepRun.Target t = SpmpLockstepRun.target(name);
            if (t.xlen() != elfXlen) {
                throw new UserInputException("--config " + name + " is RV" + t.xlen() + " but the program is a "
                        + elfXlen + "-bit ELF; use --config spmp-rv" + elfXlen + " (or build the program for RV"
                        + t.xlen() + ")");
            }
            return t.hart();
        }
        int xlen;
        TableFormat format;
        switch (name) {
            case "rv64-smmpt" -> { xlen = 64; format = TableFormat.SMMPT_V0_9; }
            case "rv64-smmtt" -> { xlen = 64; format = TableFormat.SMMTT_V0_1; }
            case "rv32-smmpt" -> { xlen = 32; format = TableFormat.SMMPT_V0_9; }
            case "rv32-smmtt" -> { xlen = 32; format = TableFormat.SMMTT_V0_1; }
            default -> throw new UserInputException("--config: unknown configuration '" + name
                    + "' (expected rv64-smmpt, rv64-smmtt, rv32-smmpt, rv32-smmtt, spmp-rv64 or spmp-rv32)");
        }
        if (xlen != elfXlen) {
            throw new UserInputException("--config " + name + " is RV" + xlen + " but the program is a " + elfXlen
                    + "-bit ELF");
        }
        return HartConfig.defaults(xlen, format);
    }
}
