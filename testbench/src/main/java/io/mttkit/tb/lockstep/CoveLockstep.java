package io.mttkit.tb.lockstep;

import io.mttkit.golden.cove.CoveScenario;
import io.mttkit.golden.cove.OwnershipScoreboard;
import io.mttkit.golden.cove.OwnershipViolation;
import io.mttkit.golden.elf.ElfFile;
import io.mttkit.golden.hart.HartConfig;

import io.mttkit.tb.iocosim.IoCheckerLibrary;
import io.mttkit.tb.iocosim.IoMismatchException;

import java.util.Map;
import java.util.Set;

/**
 * The CoVE flows ({@link CoveScenario}) with every hart's checks answered in lockstep by its own RTL checker instance
 * ({@link SmpLockstep}), and every RTL answer judged by the ownership scoreboard too ({@code mtt scenario cove --rtl},
 * {@code docs/cove.md}).
 */
public final class CoveLockstep {
    private CoveLockstep() {
    }

    /**
     * What happened.
     *
     * @param scenario     the scenario's outcome (its run is null when lockstep or the scoreboard stopped it)
     * @param lockstep     the lockstep outcome (per-hart RTL figures, or the lockstep stop), null when the golden
     *                     scoreboard stopped the run first
     * @param rtlViolation the ownership invariant an RTL answer broke (the lockstep stop carries its report and repro
     *                     bundle), or null
     */
    public record Outcome(CoveScenario.Outcome scenario, SmpLockstep.Outcome lockstep, OwnershipViolation rtlViolation,
                          String ioMismatch) {
        /** The flows passed, every RTL answer agreed with its hart and kept the invariants. */
        public boolean passed() {
            return scenario.passed() && lockstep != null && lockstep.passed() && ioMismatch == null;
        }
    }

    /** The shipped RTL I/O checker the DMA transactions also go to ({@code --rtl} on RV64). */
    public static final String IO_CONFIGURATION = "io-rv64-smmpt";

    /** The hart whose RTL instance {@link CoveScenario.Fault#STALE_CHECKER} makes wrong: the last host hart. */
    public static int staleCheckerHart(int harts) {
        return (harts - 1) & ~1;
    }

    /** Runs the flows on the shipped checker of the configuration's XLEN (Smmpt). */
    public static Outcome run(ElfFile elf, HartConfig config, CoveScenario.Options o, LockstepOptions lockstep) {
        return run(elf, config, o, lockstep, false);
    }

    /**
     * As above; with {@code withIo} the monitor's I/O checker accesses and the DMA transactions also go to the
     * shipped RTL I/O checker ({@link #IO_CONFIGURATION}), every RTL DMA answer judged by the scoreboard.
     */
    public static Outcome run(ElfFile elf, HartConfig config, CoveScenario.Options o, LockstepOptions lockstep,
                              boolean withIo) {
        OwnershipScoreboard[] board = new OwnershipScoreboard[1];
        OwnershipViolation[] rtlViolation = new OwnershipViolation[1];
        SmpLockstep.Outcome[] lock = new SmpLockstep.Outcome[1];
        LockstepChecker.AnswerJudge judge = (hart, pc, sdid, pa, kind, allow, hit) -> {
            OwnershipViolation v = board[0].rtlAnswer(hart, pc, sdid, pa, kind, allow, hit);
            if (v == null) {
                return null;
            }
            rtlViolation[0] = v;
            return v.report();
        };
        Set<Integer> stale = o.fault() == CoveScenario.Fault.STALE_CHECKER
                ? Set.of(staleCheckerHart(o.harts())) : Set.of();
        CoveIoLockstep[] ioSide = new CoveIoLockstep[1];
        IoCheckerLibrary ioLib = withIo
                ? IoCheckerLibrary.forConfiguration(IO_CONFIGURATION, Map.of()) : null;
        try {
            CoveScenario.Outcome s = CoveScenario.run(elf, config, o, true, b -> board[0] = b,
                    (e, c, opts, sys) -> {
                        lock[0] = SmpLockstep.run(e, c, opts, sys, lockstep, judge, stale);
                        return lock[0].run();
                    }, withIo ? system -> ioSide[0] = new CoveIoLockstep(ioLib, system.memory(), () -> board[0],
                            o.fault() == CoveScenario.Fault.IO_STALE_CHECKER) : null);
            return new Outcome(s, lock[0], rtlViolation[0] != null ? rtlViolation[0]
                    : ioSide[0] != null ? ioSide[0].violation() : null, null);
        } catch (IoMismatchException e) {
            return new Outcome(new CoveScenario.Outcome(null, board[0], null), lock[0], null,
                    "the RTL I/O checker disagreed with its golden model: " + e.getMessage());
        } finally {
            if (ioSide[0] != null) {
                ioSide[0].close();
            }
        }
    }
}
