package io.mttkit.tb.lockstep;

import io.mttkit.golden.TableFormat;
import io.mttkit.golden.elf.ElfFile;
import io.mttkit.golden.hart.HartConfig;
import io.mttkit.golden.hart.HartRunner;
import io.mttkit.golden.hart.RunOptions;
import io.mttkit.golden.hart.RunResult;
import io.mttkit.tb.spmpcosim.SpmpCosim;
import io.mttkit.tb.spmpcosim.SpmpMptCosim;
import io.mttkit.tb.spmpcosim.SpmpMptRtl;
import java.util.Map;

/**
 * A program on the golden hart with an SPMP configuration's Sspmp, every S/U access answered in lockstep by that
 * configuration's {@code mtt_spmp_checker} ({@code mtt run PROG --config spmp-rv64 --rtl}; {@link SpmpLockstepChecker}).
 */
public final class SpmpLockstepRun {
    private SpmpLockstepRun() {
    }

    /**
     * What happened.
     *
     * @param run      the hart's run (null when lockstep stopped it)
     * @param stats    what the RTL answered up to the end or the stop
     * @param mismatch the lockstep stop, or null
     */
    public record Outcome(RunResult run, SpmpLockstepStats stats, LockstepMismatchException mismatch) {
        /** The program passed and the RTL agreed with every access and register write. */
        public boolean passed() {
            return mismatch == null && run.passed();
        }
    }

    /**
     * An SPMP configuration as a lockstep target: the generators' parameters (the configuration's defaults: what
     * {@code mtt gen --config NAME} generates, for {@code spmp-rv64} the shipped {@code rtl/spmp-rv64}) and the hart
     * that has the same SPMP, MPT interpretation and SDID width.
     */
    public record Target(String name, SpmpMptCosim.Params params, HartConfig hart) {
        public int xlen() {
            return hart.xlen();
        }
    }

    /** Whether {@code name} is an SPMP configuration {@code mtt run} takes ({@code spmp-rv64}, {@code spmp-rv32}). */
    public static boolean handles(String name) {
        return name != null && SpmpMptCosim.configurations().contains(name);
    }

    /**
     * The target of {@code name} with its default parameters.
     *
     * @throws SpmpCosim.SetupException when {@code name} is not an SPMP configuration
     */
    public static Target target(String name) {
        SpmpMptCosim.Params p = SpmpMptCosim.params(name, Map.of());
        HartConfig d = HartConfig.defaults(p.spmp().xlen(), TableFormat.SMMPT_V0_9)
                .withLookup(SpmpLockstepChecker.lookupConfig(p.walker()))
                .withSpmp(SpmpCosim.golden(p.spmp()));
        HartConfig h = new HartConfig(d.xlen(), d.format(), p.walker().sdidLen(), d.supportedModes(), d.lookup(),
                d.pmpEntries(), d.pmpGranularity(), d.mttFaultsHonourMedeleg(), d.mfenceFunct7(), d.minvalFunct7(),
                d.clintBase(), d.mtimeTicksPerInsn(), d.compressed(), d.spmp(), d.misalignedAccess());
        return new Target(name, p, h);
    }

    /**
     * Runs {@code elf} on a hart of {@code config} with {@code rtl} answering every S/U access.
     *
     * @param rtl        the top, opened (it is reset when lockstep attaches; the caller closes it, and may use it for
     *                   another run)
     * @param configName the configuration's name for the report
     * @param opts       the run options; their setup, if any, runs after lockstep is attached
     */
    public static Outcome run(ElfFile elf, HartConfig config, RunOptions opts, LockstepOptions lockstep, SpmpMptRtl rtl,
                              String configName) {
        SpmpLockstepChecker[] checker = new SpmpLockstepChecker[1];
        RunOptions.Setup user = opts.setup();
        RunOptions withLockstep = opts.withSetup((hart, e) -> {
            checker[0] = SpmpLockstepChecker.attach(hart, rtl, configName, lockstep);
            if (user != null) {
                user.prepare(hart, e);
            }
        });
        try {
            RunResult r = HartRunner.run(elf, config, withLockstep);
            return new Outcome(r, checker[0].stats(), null);
        } catch (LockstepMismatchException e) {
            return new Outcome(null, checker[0] == null ? null : checker[0].stats(), e);
        }
    }
}
