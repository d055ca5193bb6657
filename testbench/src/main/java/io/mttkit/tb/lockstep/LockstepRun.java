package io.mttkit.tb.lockstep;

import io.mttkit.golden.elf.ElfFile;
import io.mttkit.golden.hart.HartConfig;
import io.mttkit.golden.hart.HartRunner;
import io.mttkit.golden.hart.RunOptions;
import io.mttkit.golden.hart.RunResult;

/** A program on the golden hart with every MTT check answered in lockstep by the RTL ({@code mtt run --rtl}). */
public final class LockstepRun {
    private LockstepRun() {
    }

    /**
     * What happened.
     *
     * @param run      the hart's run (null when lockstep stopped it)
     * @param stats    what the RTL answered (null when lockstep stopped the run)
     * @param mismatch the lockstep stop, or null
     */
    public record Outcome(RunResult run, LockstepStats stats, LockstepMismatchException mismatch) {
        /** The program passed and the RTL agreed with every check. */
        public boolean passed() {
            return mismatch == null && run.passed();
        }
    }

    /**
     * Runs {@code elf} with the checker of the shipped configuration for the hart's XLEN and format.
     *
     * @param opts the run options; their setup, if any, runs after lockstep is attached
     */
    public static Outcome run(ElfFile elf, HartConfig config, RunOptions opts, LockstepOptions lockstep) {
        return run(elf, config, opts, lockstep, null);
    }

    /** As above, with a test tap on the RTL's answers. */
    static Outcome run(ElfFile elf, HartConfig config, RunOptions opts, LockstepOptions lockstep,
                       LockstepChecker.AnswerTap tap) {
        String name = LockstepTarget.configName(config.xlen(), config.format());
        var lib = LockstepTarget.forCell(config.xlen(), config.format());
        LockstepChecker[] checker = new LockstepChecker[1];
        RunOptions.Setup user = opts.setup();
        RunOptions withLockstep = opts.withSetup((hart, e) -> {
            checker[0] = LockstepChecker.attach(hart, lib, name, lockstep);
            checker[0].setAnswerTap(tap);
            if (user != null) {
                user.prepare(hart, e);
            }
        });
        try {
            RunResult r = HartRunner.run(elf, config, withLockstep);
            return new Outcome(r, checker[0].finish(), null);
        } catch (LockstepMismatchException e) {
            return new Outcome(null, null, e);
        } finally {
            if (checker[0] != null) {
                checker[0].close();
            }
        }
    }
}
