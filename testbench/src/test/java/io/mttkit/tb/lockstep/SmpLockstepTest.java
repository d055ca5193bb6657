package io.mttkit.tb.lockstep;

import io.mttkit.golden.TableFormat;
import io.mttkit.golden.elf.ElfFile;
import io.mttkit.golden.hart.HartConfig;
import io.mttkit.golden.hart.ProgramBuild;
import io.mttkit.golden.hart.RunOptions;
import io.mttkit.golden.hart.SystemRunner;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Several harts in lockstep with the RTL ({@link SmpLockstep}): each hart's checks go to its own checker instance
 * on rv64-smmpt (and rv32-smmpt); programs/smp_shootdown.c revokes a page on every hart with the fence protocol.
 */
class SmpLockstepTest {
    static final long TARGET = 0x8060_0000L;

    @TempDir
    Path bundles;

    @BeforeAll
    static void tools() {
        LockstepTools.require();
    }

    private SmpLockstep.Outcome shootdown(int harts, long[] checksPerHart, Set<Integer> drop) {
        return run("smp_shootdown", 64, harts, checksPerHart, drop, true);
    }

    private SmpLockstep.Outcome run(String program, int harts, long[] checksPerHart, Set<Integer> drop,
                                    boolean window) {
        return run(program, 64, harts, checksPerHart, drop, window);
    }

    private SmpLockstep.Outcome run(String program, int xlen, int harts, long[] checksPerHart, Set<Integer> drop,
                                    boolean window) {
        ElfFile elf = ElfFile.read(ProgramBuild.build(LockstepTools.programs(), program, xlen,
                LockstepTools.cache(), false));
        SystemRunner.Options sys = SystemRunner.Options.of(harts, 7).withSetup((system, e) ->
                system.addCheckListener((hart, pc, mode, root, sdid, pa, size, kind, res) -> checksPerHart[hart]++));
        return SmpLockstep.run(elf, HartConfig.defaults(xlen, TableFormat.SMMPT_V0_9),
                RunOptions.defaults().withMaxInstructions(5_000_000), sys, LockstepOptions.defaults(bundles), drop,
                window);
    }

    @ParameterizedTest(name = "RV{0}, {1} harts")
    @CsvSource({"64, 2", "64, 4", "32, 2"})
    void shootdownPassesWithEveryHartsRtlInstanceAnswering(int xlen, int harts) {
        long[] golden = new long[harts];
        SmpLockstep.Outcome o = run("smp_shootdown", xlen, harts, golden, Set.of(), true);
        assertNull(o.mismatch(), () -> o.mismatch().getMessage());
        assertTrue(o.passed(), o.run().message() + "\n" + o.run().console());
        assertTrue(o.run().console().contains("after=" + String.join(",", java.util.Collections.nCopies(harts, "5"))),
                o.run().console());
        assertEquals(harts, o.stats().size());
        for (int h = 0; h < harts; h++) {
            LockstepStats s = o.stats().get(h);
            assertTrue(s.checks() > 0, "hart " + h + ": " + s);
            assertEquals(golden[h], s.checks(), "hart " + h + ": its RTL instance answered every check it made");
            assertTrue(s.fences() >= 2, "hart " + h + " fenced after joining and for the shootdown: " + s);
            assertEquals(1, s.sessions(), "hart " + h + ": one bridge session: " + s);
        }
    }

    @Test
    void aFenceOmittedOnOneHartIsCaughtAsThatHartsStaleAllow() {
        SmpLockstep.Outcome o = shootdown(2, new long[2], Set.of(1));
        assertNotNull(o.mismatch(), "hart 1's RTL instance kept the revoked entry: the run must stop");
        LockstepMismatchException m = o.mismatch();
        String t = m.getMessage();
        assertEquals(1, m.hart(), t);
        assertTrue(t.contains("hart:        1 "), t);
        assertTrue(t.contains("LOAD pa 0x" + Long.toHexString(TARGET)), t);
        assertTrue(t.contains("golden hart: deny cause"), t);
        assertTrue(t.contains("RTL:         allow") && t.contains("(cache hit)"), t);
        assertTrue(t.contains("this hart completed an MTT fence after the last table write"), t);
        assertTrue(m.pc() != 0, t);
        assertNotNull(m.bundle(), t);
        assertTrue(Files.isRegularFile(m.bundle()) && m.bundle().getFileName().toString().contains("hart1"), t);
    }

    @ParameterizedTest(name = "{0} harts")
    @CsvSource({"2", "4"})
    void theOldPermissionIsAcceptedBetweenTheTableWriteAndEachHartsOwnFence(int harts) {
        long[] golden = new long[harts];
        SmpLockstep.Outcome o = run("smp_window", harts, golden, Set.of(), true);
        assertNull(o.mismatch(), () -> o.mismatch().getMessage());
        assertTrue(o.passed(), o.run().message() + "\n" + o.run().console());
        String fives = String.join(",", java.util.Collections.nCopies(harts, "5"));
        assertTrue(o.run().console().contains("window=" + fives + " after=" + fives), o.run().console());
        for (int h = 0; h < harts; h++) {
            LockstepStats s = o.stats().get(h);
            assertEquals(golden[h], s.checks(), "hart " + h + ": " + s);
            // the probe inside the window hit the entry cached by the probe before the write: the old "allow"
            assertEquals(1, s.staleAccepted(), "hart " + h + ": " + s);
        }
    }

    @Test
    void withoutTheWindowTheSameOldPermissionIsAMismatch() {
        SmpLockstep.Outcome o = run("smp_window", 2, new long[2], Set.of(), false);
        assertNotNull(o.mismatch(), "the cached old permission differs from the fresh walk");
        String t = o.mismatch().getMessage();
        assertTrue(t.contains("golden hart: deny cause") && t.contains("RTL:         allow"), t);
        assertTrue(t.contains("has not completed MFENCE.PA or SFENCE.INVAL.IR since"), t);
    }
}
