package io.mttkit.tb.cli;

import io.mttkit.golden.TableFormat;
import io.mttkit.golden.cove.CoveScenario;
import io.mttkit.golden.cove.IoCheckerDevice;
import io.mttkit.golden.cove.OwnershipScoreboard;
import io.mttkit.golden.cove.OwnershipViolation;
import io.mttkit.golden.elf.ElfFile;
import io.mttkit.golden.hart.HartConfig;
import io.mttkit.golden.hart.HartScheduler;
import io.mttkit.golden.hart.HartSystem;
import io.mttkit.golden.hart.ProgramBuild;
import io.mttkit.golden.hart.SystemRunner;
import io.mttkit.tb.lockstep.CoveLockstep;
import io.mttkit.tb.lockstep.LockstepOptions;
import io.mttkit.tb.lockstep.LockstepStats;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code mtt scenario cove}: the CoVE memory-ownership flows on several harts, judged on every step. */
@Command(name = "cove",
        header = "CoVE memory-ownership flows on several harts, every check judged against the monitor's ownership log.",
        description = {
            "Runs programs/cove.c on N golden harts: an M-mode monitor (the TSM) with per-domain Smmpt tables and",
            "COVH/COVG calls (convert, assign, share, unshare, destroy, reclaim), each completed with the global",
            "fence protocol; host code and TVM code in their supervisor domains probing every page of the pool.",
            "The ownership scoreboard judges every MPT check of every hart, every completed fence protocol and",
            "every grant against the monitor's ownership log (docs/cove.md). With --rtl each hart's checks are",
            "also answered by its own instance of the shipped RTL checker, and every RTL answer is judged too.",
            "Prints per flow the pages moved, the checks each hart made and the invariant checks passed; a",
            "violation prints the hart, pc, instruction and the page's ownership history, and writes a repro",
            "bundle. Exit 0 pass, 1 a violation or a failed self-test, 2 bad input.",
            "--fault seeds a fault the scoreboard must catch: fence-omitted (the last hart acknowledges the fence",
            "IPI without fencing), reclaim-before-fence (the host reclaims the TVM's pages before the destroy's",
            "fence protocol ran), stale-checker (with --rtl: the last host hart's RTL instance never gets its",
            "invalidations and keeps stale entries)."
        },
        footer = {"", "Examples:", "  ./mtt scenario cove --harts 4", "  ./mtt scenario cove --harts 2 --rtl --seed 7",
            "  ./mtt scenario cove --harts 4 --fault fence-omitted"},
        mixinStandardHelpOptions = true)
final class CoveScenarioCommand implements Callable<Integer> {
    static final List<String> CONFIGS = List.of("rv64-smmpt", "rv32-smmpt");

    @Spec
    CommandSpec spec;

    @Option(names = "--harts", paramLabel = "N", defaultValue = "2",
            description = "Harts (2..8, default ${DEFAULT-VALUE}): even ones run the host, odd ones the TVM's vCPUs.")
    int harts;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1",
            description = "Seed of the interleaving (default ${DEFAULT-VALUE}); the same seed gives the same run.")
    long seed;

    @Option(names = "--quantum", paramLabel = "K",
            description = "Largest number of instructions a hart runs per turn (1..1048576, default 16).")
    Integer quantum;

    @Option(names = "--rtl", description = "Answer every hart's checks with its own instance of the shipped RTL checker too, and (rv64-smmpt) every DMA check with the shipped RTL I/O checker io-rv64-smmpt.")
    boolean rtl;

    @Option(names = "--config", paramLabel = "NAME", defaultValue = "rv64-smmpt",
            description = "rv64-smmpt (default, Smmpt43) or rv32-smmpt (Smmpt34): the monitor builds Smmpt tables.")
    String config;

    @Option(names = "--fault", paramLabel = "FAULT",
            description = "Seed a fault the scoreboard must catch: fence-omitted, reclaim-before-fence, iofence-omitted, stale-checker (--rtl), io-stale-checker (--rtl, rv64-smmpt).")
    String fault;

    @Option(names = "--batch", paramLabel = "N", description = "With --rtl: checks per bridge run at most (1 .. 65536, default 256).")
    Integer batch;

    @Option(names = "--bundle-dir", paramLabel = "DIR",
            description = "Where a violation's repro bundle goes (default: target/scenario in the repository).")
    Path bundleDir;

    @Override
    public Integer call() {
        if (harts < 2 || harts > HartSystem.MAX_HARTS) {
            throw new UserInputException("--harts: the CoVE flows need 2.." + HartSystem.MAX_HARTS
                    + " harts (a host hart and a TVM hart), got " + harts);
        }
        int k = quantum == null ? HartScheduler.DEFAULT_MAX_QUANTUM : quantum;
        if (k < 1 || k > HartScheduler.MAX_QUANTUM_LIMIT) {
            throw new UserInputException("--quantum: must be 1.." + HartScheduler.MAX_QUANTUM_LIMIT + ", got " + k);
        }
        if (!CONFIGS.contains(config)) {
            throw new UserInputException("--config: '" + config + "' is not one of " + String.join(", ", CONFIGS)
                    + " (the monitor builds Smmpt tables)");
        }
        CoveScenario.Fault f = fault == null ? CoveScenario.Fault.NONE : CoveScenario.Fault.byId(fault);
        if (f == null || f == CoveScenario.Fault.NONE && fault != null) {
            throw new UserInputException("--fault: '" + fault + "' is not one of fence-omitted, reclaim-before-fence, "
                    + "iofence-omitted, stale-checker, io-stale-checker");
        }
        if (f == CoveScenario.Fault.STALE_CHECKER && !rtl) {
            throw new UserInputException("--fault stale-checker makes an RTL checker instance wrong: add --rtl");
        }
        if (f == CoveScenario.Fault.IO_STALE_CHECKER && (!rtl || !config.equals("rv64-smmpt"))) {
            throw new UserInputException("--fault io-stale-checker makes the RTL I/O checker wrong: it needs --rtl and "
                    + "--config rv64-smmpt (the shipped I/O checker is io-rv64-smmpt)");
        }
        if (batch != null && !rtl) {
            throw new UserInputException("--batch sets the RTL lockstep batches: add --rtl");
        }
        if (batch != null && (batch < 1 || batch > 65_536)) {
            throw new UserInputException("--batch: " + batch + " is out of range (1 .. 65536)");
        }
        Path root = SelftestCommand.repoRoot();
        Path bundles = bundleDir != null ? bundleDir.toAbsolutePath() : root.resolve("target/scenario");
        if (Files.exists(bundles) && !Files.isDirectory(bundles)) {
            throw new UserInputException("--bundle-dir: " + bundles + " exists and is not a folder; name a folder");
        }
        int xlen = config.startsWith("rv32") ? 32 : 64;
        Path elfPath;
        try {
            elfPath = ProgramBuild.build(root.resolve("programs"), CoveScenario.PROGRAM, xlen, root.resolve("target/programs"));
        } catch (IllegalStateException | IllegalArgumentException e) {
            throw new UserInputException("programs/cove.c: " + e.getMessage());
        }
        ElfFile elf = ElfFile.read(elfPath);
        HartConfig hc = HartConfig.defaults(xlen, TableFormat.SMMPT_V0_9);
        CoveScenario.Options o = new CoveScenario.Options(harts, seed, k, f);
        PrintWriter out = spec.commandLine().getOut();
        out.printf("mtt scenario cove: %d harts, %s, %s, seed %d, quantum 1..%d%s%n", harts, config,
                rtl ? "each hart's checks also answered by its own RTL checker instance" : "golden harts", seed, k,
                f == CoveScenario.Fault.NONE ? "" : ", seeded fault " + f.id());
        out.flush();
        long t0 = System.nanoTime();
        CoveScenario.Outcome s;
        CoveLockstep.Outcome lock = null;
        if (rtl) {
            LockstepOptions lo = new LockstepOptions(batch == null ? LockstepOptions.DEFAULT_BATCH : batch, 1,
                    bundles);
            lock = CoveLockstep.run(elf, hc, o, lo, xlen == 64);
            s = lock.scenario();
        } else {
            s = CoveScenario.run(elf, hc, o);
        }
        double secs = (System.nanoTime() - t0) / 1e9;
        if (s.run() != null) {
            out.print(s.run().console());
            if (!s.run().console().endsWith("\n")) {
                out.println();
            }
        }
        printFlows(out, s.scoreboard(), lock);
        OwnershipViolation v = s.violation() != null ? s.violation() : lock == null ? null : lock.rtlViolation();
        if (lock != null && lock.ioMismatch() != null) {
            out.println(lock.ioMismatch());
            out.println("mtt scenario cove: FAIL: the RTL I/O checker disagreed with its golden model");
            out.flush();
            return ExitCodes.FAILURE;
        }
        if (lock != null && lock.lockstep() != null && lock.lockstep().mismatch() != null) {
            // the lockstep report (RTL versus hart, with its repro bundle), the ownership report inside it if an
            // RTL answer broke an invariant
            out.println(lock.lockstep().mismatch().getMessage());
            out.printf("mtt scenario cove: FAIL: %s on hart %d at pc 0x%x (lockstep bundle %s)%n",
                    v != null ? v.kind().what() + " (" + v.kind() + ")" : "the RTL disagreed with the golden hart",
                    lock.lockstep().mismatch().hart(), lock.lockstep().mismatch().pc(), lock.lockstep().mismatch().bundle());
            out.flush();
            return ExitCodes.FAILURE;
        }
        if (v != null) {
            out.print(v.report());
            Path bundle = writeBundle(bundles, elfPath, v, f, k);
            out.println("repro bundle: " + bundle);
            out.printf("mtt scenario cove: FAIL: %s (%s) %s%n", v.kind().what(), v.kind(), where(v));
            out.flush();
            return ExitCodes.FAILURE;
        }
        SystemRunner.Result r = s.run();
        if (!s.passed()) {
            out.printf("mtt scenario cove: FAIL: the flows' self-tests: %s%n", r.message());
            out.flush();
            return ExitCodes.FAILURE;
        }
        out.printf("mtt scenario cove: PASS: %d flows, %d MPT checks, %d DMA checks, %d invariant checks passed, "
                        + "trace digest %s (%.1f s)%n", CoveScenario.FLOW_NAMES.size(), s.scoreboard().totalChecks(),
                s.scoreboard().totalDmaChecks(), s.scoreboard().totalInvariantChecks(), r.traceDigest(), secs);
        if (lock != null && xlen == 64) {
            out.printf("mtt scenario cove: RTL I/O checker (%s): %d DMA answers judged%n", CoveLockstep.IO_CONFIGURATION,
                    s.scoreboard().totalRtlDmaChecks());
        }
        if (lock != null) {
            List<LockstepStats> st = lock.lockstep().stats();
            for (int i = 0; i < st.size(); i++) {
                out.println("mtt scenario cove: RTL lockstep hart " + i + ": " + st.get(i));
            }
        }
        out.flush();
        return ExitCodes.OK;
    }

    private static void printFlows(PrintWriter out, OwnershipScoreboard board, CoveLockstep.Outcome lock) {
        if (board == null) {
            return;
        }
        out.printf("%-4s %-16s %-6s %-28s %s%-34s %-13s %s%n", "flow", "name", "pages", "checks per hart",
                lock != null ? "RTL answers judged per hart  " : "", "DMA checks (allowed) per device", "MPTINVAL/IOFENCE",
                "invariant checks passed");
        for (OwnershipScoreboard.FlowStats fs : board.flows()) {
            String name = fs.flow() < 0 ? "(monitor boot)" : fs.flow() < CoveScenario.FLOW_NAMES.size()
                    ? CoveScenario.FLOW_NAMES.get(fs.flow()) : "?";
            out.printf("%-4s %-16s %-6d %-28s %s%-34s %-13s %d%n", fs.flow() < 0 ? "-" : Integer.toString(fs.flow()),
                    name, fs.pagesMoved(), join(fs.checks()),
                    lock != null ? String.format("%-29s", join(fs.rtlChecks())) : "", dma(fs),
                    fs.ioInvals() + "/" + fs.ioFences(), fs.invariantChecks());
        }
        out.println("devices: " + board.devices().stream().map(d -> String.format("%s (id 0x%04x, sdid %d)", d.name(),
                d.deviceId(), d.sdid())).collect(Collectors.joining(", ")) + ", through the golden I/O MPT checker at 0x"
                + Long.toHexString(IoCheckerDevice.BASE));
    }

    private static String dma(OwnershipScoreboard.FlowStats fs) {
        long[] c = fs.dmaChecks();
        long[] a = fs.dmaAllows();
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < c.length; i++) {
            b.append(i > 0 ? ", " : "").append(c[i]).append(" (").append(a[i]).append(')');
        }
        return b.toString();
    }

    /** Where a violation happened: the hart and pc, or the device. */
    private static String where(OwnershipViolation v) {
        return v.hart() == OwnershipViolation.DEVICE ? "on a device's DMA check"
                : String.format("on hart %d at pc 0x%x", v.hart(), v.pc());
    }

    private static String join(long[] v) {
        return Arrays.stream(v).mapToObj(Long::toString).collect(Collectors.joining(", "));
    }

    /**
     * A folder with what reproduces the violation: the program, the parameters and command, the report. Written
     * next to its final place and moved there in one step.
     */
    private Path writeBundle(Path dir, Path elfPath, OwnershipViolation v, CoveScenario.Fault f, int k) {
        String name = "cove-" + v.kind().name().toLowerCase().replace('_', '-')
                + (v.hart() == OwnershipViolation.DEVICE ? "-device" : "-hart" + v.hart()) + "-seed" + seed;
        try {
            Files.createDirectories(dir);
            Path tmp = Files.createTempDirectory(dir, ".tmp-" + name);
            Files.copy(elfPath, tmp.resolve("cove.elf"));
            String cmd = "./mtt scenario cove --harts " + harts + " --seed " + seed + " --quantum " + k + " --config "
                    + config + (rtl ? " --rtl" : "") + (f == CoveScenario.Fault.NONE ? "" : " --fault " + f.id());
            Files.writeString(tmp.resolve("scenario.txt"), "scenario: cove\nharts: " + harts + "\nseed: " + seed
                    + "\nquantum: " + k + "\nconfig: " + config + "\nrtl: " + rtl + "\nfault: " + f.id()
                    + "\nreproduce: " + cmd + "\n");
            Files.writeString(tmp.resolve("report.txt"), v.report());
            Path target = dir.resolve(name);
            if (Files.exists(target)) {
                try (var s = Files.walk(target)) {
                    for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
                        Files.delete(p);
                    }
                }
            }
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
            return target;
        } catch (IOException e) {
            throw new UserInputException("--bundle-dir: cannot write the repro bundle under " + dir + ": " + e.getMessage()
                    + "; free space or name another folder");
        }
    }
}
