package io.mttkit.tb.cli;

import io.mttkit.golden.elf.ElfFile;
import io.mttkit.golden.hart.HartConfig;
import io.mttkit.golden.hart.HartScheduler;
import io.mttkit.golden.hart.HartSystem;
import io.mttkit.golden.hart.RunOptions;
import io.mttkit.golden.hart.RunResult;
import io.mttkit.golden.hart.SystemRunner;
import io.mttkit.tb.lockstep.LockstepOptions;
import io.mttkit.tb.lockstep.SmpLockstep;
import java.io.PrintWriter;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * The {@code --harts}, {@code --seed} and {@code --quantum} options of {@code mtt run}: with N ≥ 2 harts the
 * program runs on a golden {@link HartSystem} through {@link SystemRunner}; without {@code --harts} (or with 1)
 * the run is the one-hart run of before.
 */
final class RunHarts {
    @Option(names = "--harts", paramLabel = "N",
            description = "Run on N harts (1..8, default 1) sharing memory and the CLINT; a0 = mhartid, a1 = N at reset.")
    Integer harts;

    @Option(names = "--seed", paramLabel = "S",
            description = "Seed of the interleaving of the harts (default 1); the same seed gives the same run.")
    Long seed;

    @Option(names = "--quantum", paramLabel = "K",
            description = "Largest number of instructions a hart runs per turn (1..1048576, default 16); each turn is 1..K, drawn from the seed.")
    Integer quantum;

    /** Checks the values (exit 2 on a bad one) and the combinations with {@code --rtl} and {@code --trace}. */
    void validate(boolean rtl, boolean trace, boolean domain) {
        if (harts != null && (harts < 1 || harts > HartSystem.MAX_HARTS)) {
            throw new UserInputException("--harts: must be 1.." + HartSystem.MAX_HARTS + ", got " + harts);
        }
        if (quantum != null && (quantum < 1 || quantum > HartScheduler.MAX_QUANTUM_LIMIT)) {
            throw new UserInputException("--quantum: must be 1.." + HartScheduler.MAX_QUANTUM_LIMIT + ", got " + quantum);
        }
        if ((seed != null || quantum != null) && harts == null) {
            throw new UserInputException("--seed and --quantum set the interleaving of several harts: add --harts N");
        }
        if (several() && domain) {
            throw new UserInputException("--domain runs one hart for now: drop --domain or --harts (a program for "
                    + "several harts writes each hart's mmpt itself, as programs/smp_shootdown.c does)");
        }
        if (several() && trace) {
            throw new UserInputException("--trace runs one hart for now: drop --trace or --harts");
        }
    }

    /** True for a run on two harts or more. */
    boolean several() {
        return harts != null && harts > 1;
    }

    /** After a one-hart run started with {@code --harts 1}: the per-hart line. */
    void printOneHart(RunResult r, PrintWriter out) {
        if (harts != null) {
            out.printf("mtt run: hart 0: %d instructions%n", r.instret());
        }
    }

    /** Runs on several harts and prints the console, the outcome and the per-hart counts. */
    int run(ElfFile file, HartConfig hc, RunOptions opts, Path elf, PrintWriter out) {
        return run(file, hc, opts, elf, null, out);
    }

    /**
     * As above; with {@code lockstep} non-null every hart's checks go to its own instance of the RTL checker
     * ({@link SmpLockstep}) and the checks each instance answered are printed per hart.
     */
    int run(ElfFile file, HartConfig hc, RunOptions opts, Path elf, LockstepOptions lockstep, PrintWriter out) {
        long s = seed == null ? 1 : seed;
        int k = quantum == null ? HartScheduler.DEFAULT_MAX_QUANTUM : quantum;
        SystemRunner.Result r;
        SmpLockstep.Outcome outcome = null;
        try {
            SystemRunner.Options so = new SystemRunner.Options(harts, s, k, null);
            if (lockstep != null) {
                outcome = SmpLockstep.run(file, hc, opts, so, lockstep);
                if (outcome.mismatch() != null) {
                    out.println(outcome.mismatch().getMessage());
                    out.printf("mtt run: stopped by RTL lockstep on hart %d at pc 0x%x (seed %d, quantum 1..%d)%n",
                            outcome.mismatch().hart(), outcome.mismatch().pc(), s, k);
                    out.flush();
                    return ExitCodes.FAILURE;
                }
                r = outcome.run();
            } else {
                r = SystemRunner.run(file, hc, opts, so);
            }
        } catch (IllegalArgumentException e) {
            throw new UserInputException(elf + ": " + e.getMessage());
        }
        out.print(r.console());
        if (!r.console().isEmpty() && !r.console().endsWith("\n")) {
            out.println();
        }
        long total = 0;
        for (long n : r.instret()) {
            total += n;
        }
        String verdict = r.passed() ? "PASS" : r.reason() == SystemRunner.Stop.EXIT
                ? "FAIL (exit value " + r.exitCode() + ")" : "FAIL (" + r.reason() + ")";
        out.printf("mtt run: %s: %s after %d instructions on %d harts (%d traps; seed %d, quantum 1..%d, %d turns)%n",
                verdict, r.message(), total, harts, r.trapCount(), s, k, r.turns());
        StringBuilder line = new StringBuilder("mtt run:");
        for (int i = 0; i < harts; i++) {
            line.append(i == 0 ? " " : ", ").append("hart ").append(i).append(": ").append(r.instret()[i])
                    .append(" instructions");
        }
        out.println(line);
        out.println("mtt run: trace digest " + r.traceDigest());
        if (outcome != null) {
            for (int i = 0; i < harts; i++) {
                out.println("mtt run: RTL lockstep hart " + i + ": " + outcome.stats().get(i));
            }
        }
        out.flush();
        return r.passed() ? ExitCodes.OK : ExitCodes.FAILURE;
    }
}
