package io.mttkit.tb.lockstep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mttkit.bridge.BuildDriver;
import io.mttkit.bridge.LoadedLibrary;
import io.mttkit.golden.elf.ElfFile;
import io.mttkit.golden.hart.HartListener;
import io.mttkit.golden.hart.ProgramBuild;
import io.mttkit.golden.hart.RunOptions;
import io.mttkit.golden.hart.SpmpAccess;
import io.mttkit.golden.hart.SpmpCsrWrite;
import io.mttkit.tb.mutation.MutantCatalogue;
import io.mttkit.tb.mutation.SpmpMutationRun;
import io.mttkit.tb.spmpcosim.SpmpMptRtl;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code mtt run programs/spmp_rules.c --config spmp-rv64 --rtl}: the golden hart with the SPMP of {@code spmp-rv64}
 * runs the directed SPMP program while {@code mtt_spmp_checker} (the build {@code SpmpMptCosimTest} also uses, from
 * the build cache) answers every S/U access in lockstep; and the same run on a mutant of the catalogue stops with a
 * lockstep mismatch.
 */
class SpmpLockstepTest {
    static final String CONFIG = "spmp-rv64";

    @TempDir
    Path bundles;

    @BeforeAll
    static void tools() {
        LockstepTools.require();
    }

    private static ElfFile rules() {
        return ElfFile.read(ProgramBuild.build(LockstepTools.programs(), "spmp_rules", 64, LockstepTools.cache(), false));
    }

    /** What the hart itself reported: S/U accesses the SPMP checked, and SPMP register writes. */
    private static final class Seen implements HartListener {
        long accesses;
        long underBare;
        long denied;
        long csrWrites;

        @Override
        public void spmpChecked(SpmpAccess a) {
            accesses++;
            underBare += a.satpBare() ? 1 : 0;
            denied += a.verdict().allowed() ? 0 : 1;
        }

        @Override
        public void spmpCsrWritten(SpmpCsrWrite w) {
            csrWrites++;
        }
    }

    private SpmpLockstepRun.Outcome run(SpmpMptRtl top, SpmpLockstepRun.Target t, Seen seen) {
        RunOptions opts = RunOptions.defaults().withMaxInstructions(2_000_000)
                .withSetup((hart, e) -> hart.addListener(seen));
        return SpmpLockstepRun.run(rules(), t.hart(), opts, LockstepOptions.defaults(bundles), top, CONFIG);
    }

    @Test
    void spmpRulesAgreesWithTheRtlOnEveryAccessAndRegisterWrite() {
        SpmpLockstepRun.Target t = SpmpLockstepRun.target(CONFIG);
        Seen seen = new Seen();
        SpmpLockstepRun.Outcome o;
        try (SpmpMptRtl top = SpmpMptRtl.open(BuildDriver.fromEnvironment(), t.params().spmp(), t.params().walker())) {
            o = run(top, t, seen);
        }
        assertNull(o.mismatch(), () -> o.mismatch().getMessage());
        assertTrue(o.run().passed(), o.run().console());
        assertTrue(o.run().console().contains("failed=0"), o.run().console());
        SpmpLockstepStats s = o.stats();
        assertTrue(s.spmpChecks() > 0, s.toString());
        assertEquals(seen.accesses, s.accesses(), "the RTL answered every S/U access the hart made: " + s);
        assertEquals(seen.underBare, s.spmpChecks(), s.toString());
        assertEquals(seen.denied, s.spmpDenied(), s.toString());
        assertTrue(s.spmpDenied() > 0 && s.allowed() > 0, "both outcomes: " + s);
        assertEquals(seen.csrWrites, s.csrWrites(), "every SPMP register write was mirrored: " + s);
        assertTrue(s.csrWrites() > 0, s.toString());
    }

    @Test
    void aMutantOfTheCatalogueStopsTheRunWithALockstepMismatch() throws Exception {
        SpmpLockstepRun.Target t = SpmpLockstepRun.target(CONFIG);
        // "S-mode gets EnforceNoX on a U-mode rule without SUM": spmp_rules' umode_rule_sum0_denies_s meets it
        LoadedLibrary lib = SpmpMutationRun.build(BuildDriver.fromEnvironment(),
                MutantCatalogue.byId("spmp-sum-ignored"));
        SpmpLockstepRun.Outcome o;
        try (SpmpMptRtl top = SpmpMptRtl.open(lib, t.params().spmp(), t.params().walker())) {
            o = run(top, t, new Seen());
        }
        assertNotNull(o.mismatch(), "the mutant must be caught");
        String report = o.mismatch().getMessage();
        System.out.println(report);
        System.out.println(report);
        assertTrue(report.startsWith("LOCKSTEP MISMATCH\nhart:        0\n"), report);
        assertTrue(report.contains("instruction: pc 0x"), report);
        assertTrue(report.contains("effective S-mode SUM 0"), report);
        assertTrue(report.contains("golden hart: deny by SPMP cause 13"), report);
        assertTrue(report.contains("RTL:         allow"), report);
        assertTrue(report.contains("rsp_allow 1, expected 0"), report);
        assertNotNull(o.mismatch().bundle(), report);
        assertTrue(Files.size(o.mismatch().bundle()) > 0, report);
        String ops = Files.readString(SpmpLockstepBundle.streamFile(o.mismatch().bundle()));
        assertTrue(ops.strip().endsWith(">> the operation above mismatched"), ops);
        assertTrue(o.stats().accesses() > 0, "accesses agreed before the mutant's rule was met");
    }
}
