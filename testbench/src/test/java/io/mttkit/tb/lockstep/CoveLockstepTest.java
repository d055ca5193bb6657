package io.mttkit.tb.lockstep;

import io.mttkit.golden.TableFormat;
import io.mttkit.golden.cove.CoveScenario;
import io.mttkit.golden.cove.OwnershipScoreboard;
import io.mttkit.golden.cove.OwnershipViolation;
import io.mttkit.golden.elf.ElfFile;
import io.mttkit.golden.hart.HartConfig;
import io.mttkit.golden.hart.HartScheduler;
import io.mttkit.golden.hart.ProgramBuild;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The CoVE flows with every hart's checks answered by its own rv64-smmpt instance and every RTL answer judged by the
 * ownership scoreboard ({@link CoveLockstep}); and the seeded "deliberately wrong checker".
 */
class CoveLockstepTest {
    @TempDir
    Path bundles;

    @BeforeAll
    static void tools() {
        LockstepTools.require();
    }

    private static ElfFile elf() {
        return ElfFile.read(ProgramBuild.build(LockstepTools.programs(), CoveScenario.PROGRAM, 64, LockstepTools.cache(),
                false));
    }

    private CoveLockstep.Outcome run(int harts, CoveScenario.Fault fault) {
        return CoveLockstep.run(elf(), HartConfig.defaults(64, TableFormat.SMMPT_V0_9),
                new CoveScenario.Options(harts, 1, HartScheduler.DEFAULT_MAX_QUANTUM, fault),
                LockstepOptions.defaults(bundles));
    }

    private CoveLockstep.Outcome runWithIo(CoveScenario.Fault fault) {
        return CoveLockstep.run(elf(), HartConfig.defaults(64, TableFormat.SMMPT_V0_9),
                new CoveScenario.Options(2, 1, HartScheduler.DEFAULT_MAX_QUANTUM, fault),
                LockstepOptions.defaults(bundles), true);
    }

    @Test
    void everyDmaTransactionAlsoGoesToTheRtlIoCheckerAndItsAnswersKeepTheInvariants() {
        CoveLockstep.Outcome o = runWithIo(CoveScenario.Fault.NONE);
        assertNull(o.ioMismatch(), o.ioMismatch());
        assertNull(o.rtlViolation(), () -> o.rtlViolation().report());
        assertNull(o.scenario().violation(), () -> o.scenario().violation().report());
        assertTrue(o.passed(), o.scenario().run().message() + "\n" + o.scenario().run().console());
        OwnershipScoreboard b = o.scenario().scoreboard();
        assertTrue(b.totalDmaChecks() > 0);
        assertEquals(b.totalDmaChecks(), b.totalRtlDmaChecks(), "every DMA check answered by the RTL too");
        for (OwnershipScoreboard.FlowStats f : b.flows()) {
            assertEquals(java.util.Arrays.toString(f.dmaChecks()), java.util.Arrays.toString(f.rtlDmaChecks()),
                    "flow " + f.flow());
        }
    }

    @Test
    void anRtlIoCheckerThatNeverGetsTheMptinvalsIsCaughtByItsStaleAllow() {
        CoveLockstep.Outcome o = runWithIo(CoveScenario.Fault.IO_STALE_CHECKER);
        assertNull(o.ioMismatch(), "the harness's golden models did not get the MPTINVALs either: " + o.ioMismatch());
        OwnershipViolation v = o.scenario().violation();
        assertNotNull(v, "the RTL I/O checker answered from its stale cache");
        assertEquals(OwnershipViolation.Kind.STALE_ALLOW, v.kind(), v.report());
        assertEquals(OwnershipViolation.DEVICE, v.hart(), v.report());
        assertTrue(v.report().contains("answer:      RTL I/O checker: allow"), v.report());
        assertTrue(v.report().contains("a stale entry kept by the checker"), v.report());
    }

    @ParameterizedTest(name = "{0} harts")
    @CsvSource({"2", "4"})
    void everyRtlAnswerOfEveryHartKeepsTheInvariants(int harts) {
        CoveLockstep.Outcome o = run(harts, CoveScenario.Fault.NONE);
        assertNull(o.rtlViolation(), () -> o.rtlViolation().report());
        assertNull(o.scenario().violation(), () -> o.scenario().violation().report());
        assertNull(o.lockstep().mismatch(), () -> o.lockstep().mismatch().getMessage());
        assertTrue(o.passed(), o.scenario().run().message() + "\n" + o.scenario().run().console());
        CoveScenario.Outcome golden = CoveScenario.run(elf(), HartConfig.defaults(64, TableFormat.SMMPT_V0_9),
                new CoveScenario.Options(harts, 1, HartScheduler.DEFAULT_MAX_QUANTUM, CoveScenario.Fault.NONE));
        assertEquals(golden.run().traceDigest(), o.scenario().run().traceDigest(), "lockstep changes no interleaving");
        long[] checks = new long[harts];
        long[] judged = new long[harts];
        for (OwnershipScoreboard.FlowStats f : o.scenario().scoreboard().flows()) {
            for (int h = 0; h < harts; h++) {
                checks[h] += f.checks()[h];
                judged[h] += f.rtlChecks()[h];
            }
        }
        for (int h = 0; h < harts; h++) {
            LockstepStats s = o.lockstep().stats().get(h);
            assertEquals(checks[h], s.checks(), "hart " + h + ": its RTL instance answered every check it made");
            assertEquals(checks[h], judged[h], "hart " + h + ": every RTL answer judged by the scoreboard");
            assertTrue(s.fences() >= 10, "hart " + h + " took part in every fence protocol: " + s);
        }
    }

    @Test
    void aStaleEntryKeptByAWrongCheckerIsCaughtAsAStaleAllow() {
        CoveLockstep.Outcome o = run(2, CoveScenario.Fault.STALE_CHECKER);
        OwnershipViolation v = o.rtlViolation();
        assertNotNull(v, "hart 0's instance never dropped the host's revoked entry: the scoreboard must stop the run");
        assertEquals(OwnershipViolation.Kind.STALE_ALLOW, v.kind(), v.report());
        assertEquals(CoveLockstep.staleCheckerHart(2), v.hart(), v.report());
        assertEquals(1, v.sdid(), "the host, after converting the page: " + v.report());
        assertTrue(v.report().contains("RTL checker of hart 0 (cache hit): allow"), v.report());
        assertTrue(v.report().contains("a stale entry kept by the checker"), v.report());
        assertTrue(v.report().contains("host (sdid 1): rw -> -"), v.report());
        assertNull(o.scenario().violation(), "the golden harts walk afresh: only the RTL answer is wrong");
        LockstepMismatchException m = o.lockstep().mismatch();
        assertNotNull(m);
        assertTrue(m.getMessage().contains("OWNERSHIP VIOLATION"), m.getMessage());
        assertTrue(Files.isRegularFile(m.bundle()), "the lockstep repro bundle: " + m.bundle());
    }
}
