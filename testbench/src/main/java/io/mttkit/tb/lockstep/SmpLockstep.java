package io.mttkit.tb.lockstep;

import io.mttkit.golden.LookupResult;
import io.mttkit.golden.elf.ElfFile;
import io.mttkit.golden.hart.AccessKind;
import io.mttkit.golden.hart.HartConfig;
import io.mttkit.golden.hart.HartListener;
import io.mttkit.golden.hart.HartSystem;
import io.mttkit.golden.hart.PageMemory;
import io.mttkit.golden.hart.RunOptions;
import io.mttkit.golden.hart.SystemRunner;
import io.mttkit.tb.cosim.CheckerLibrary;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A program on a golden {@link HartSystem} of several harts with every hart's MTT checks answered in lockstep by
 * <b>its own instance</b> of the RTL checker ({@code mtt run --harts N --rtl}; {@code docs/lockstep.md}, "Several
 * harts"). Each hart has a {@link LockstepChecker} (its own bridge session, its own cache, fed its own checks and
 * its own fences as invalidations and syncs); every instance reads a mirror of the one shared memory, and a write
 * to a table page by any hart is announced to every instance before the bytes change (each answers its queued
 * checks over the old bytes, then copies the page again).
 *
 * <p>Between a table write and the completion of an MTT fence (MFENCE.PA, SFENCE.INVAL.IR) on a given hart, that
 * hart's instance may still answer from its cache with the old permission: the comparison accepts a cache hit that
 * differs from the hart's fresh walk in that window (the harness has checked the hit against its cache model), and
 * nothing else; after the fence, any difference stops the run naming the hart.
 */
public final class SmpLockstep {
    private SmpLockstep() {
    }

    /**
     * What happened.
     *
     * @param run      the system's run (null when lockstep stopped it)
     * @param stats    per hart, what its RTL instance answered (null when lockstep stopped the run)
     * @param mismatch the lockstep stop, or null; {@link LockstepMismatchException#hart()} names the hart
     */
    public record Outcome(SystemRunner.Result run, List<LockstepStats> stats, LockstepMismatchException mismatch) {
        /** The program passed and every hart's RTL instance agreed with every check. */
        public boolean passed() {
            return mismatch == null && run.passed();
        }
    }

    /** Runs {@code elf} on {@code sys.harts()} harts with the checker of the shipped configuration. */
    public static Outcome run(ElfFile elf, HartConfig config, RunOptions opts, SystemRunner.Options sys,
                              LockstepOptions lockstep) {
        return run(elf, config, opts, sys, lockstep, Set.of(), true);
    }

    /**
     * As above, with {@code judge} (may be null) judging every RTL answer of every hart, and the harts in
     * {@code staleCheckers} given a deliberately wrong checker: the invalidations of their fences never reach their
     * instance, which so keeps stale entries (a seeded fault, {@code mtt scenario cove --fault stale-checker}).
     */
    public static Outcome run(ElfFile elf, HartConfig config, RunOptions opts, SystemRunner.Options sys,
                              LockstepOptions lockstep, LockstepChecker.AnswerJudge judge, Set<Integer> staleCheckers) {
        return run(elf, config, opts, sys, lockstep, staleCheckers, true, judge);
    }

    /**
     * As above; the harts in {@code dropInvalidations} (a test hook: a seeded fault) have the invalidations of
     * their fences dropped on the way to their RTL instance; {@code window} false (a test hook) accepts no old
     * permission at all, as the one-hart lockstep.
     */
    static Outcome run(ElfFile elf, HartConfig config, RunOptions opts, SystemRunner.Options sys,
                       LockstepOptions lockstep, Set<Integer> dropInvalidations, boolean window) {
        return run(elf, config, opts, sys, lockstep, dropInvalidations, window, null);
    }

    private static Outcome run(ElfFile elf, HartConfig config, RunOptions opts, SystemRunner.Options sys,
                               LockstepOptions lockstep, Set<Integer> dropInvalidations, boolean window,
                               LockstepChecker.AnswerJudge judge) {
        String name = LockstepTarget.configName(config.xlen(), config.format());
        CheckerLibrary lib = LockstepTarget.forCell(config.xlen(), config.format());
        List<LockstepChecker> checkers = new ArrayList<>();
        SystemRunner.Setup user = sys.setup();
        SystemRunner.Options withLockstep = sys.withSetup((system, e) -> {
            attach(system, lib, name, lockstep, checkers, dropInvalidations, window);
            for (LockstepChecker c : checkers) {
                c.setAnswerJudge(judge);
            }
            if (user != null) {
                user.prepare(system, e);
            }
        });
        try {
            SystemRunner.Result r = SystemRunner.run(elf, config, opts, withLockstep);
            List<LockstepStats> stats = new ArrayList<>();
            for (LockstepChecker c : checkers) {
                stats.add(c.finish());
            }
            return new Outcome(r, stats, null);
        } catch (LockstepMismatchException e) {
            return new Outcome(null, null, e);
        } finally {
            for (LockstepChecker c : checkers) {
                c.close();
            }
        }
    }

    private static void attach(HartSystem system, CheckerLibrary lib, String name, LockstepOptions lockstep,
                               List<LockstepChecker> checkers, Set<Integer> dropInvalidations, boolean window) {
        // The writer of a table page: the hart whose access was checked last (HartListener.access comes before
        // the store's bytes are written), with its pc, for the report.
        long[] writerPc = {-1};
        for (int i = 0; i < system.size(); i++) {
            LockstepChecker c = LockstepChecker.attachToSystem(system, i, lib, name, lockstep, () -> writerPc[0]);
            c.dropInvalidations(dropInvalidations.contains(i));
            c.acceptOldInWindow(window);
            checkers.add(c);
            var hart = system.hart(i);
            hart.addListener(new HartListener() {
                @Override
                public void access(AccessKind kind, long pa, int size, boolean pmpOk, LookupResult mtt) {
                    writerPc[0] = hart.pc();
                }
            });
        }
        // one observer on the shared memory, telling every hart's checker (PageMemory keeps one)
        system.memory().setWriteObserver(new PageMemory.WriteObserver() {
            @Override
            public void beforeWrite(long ppn) {
                for (LockstepChecker c : checkers) {
                    c.beforeWrite(ppn);
                }
            }
        });
    }
}
