package io.mttkit.tb.lockstep;

import io.mttkit.tb.cosim.CheckAnswer;
import io.mttkit.tb.repro.ReproBundleCodec;
import io.mttkit.golden.Access;
import io.mttkit.golden.MttMode;
import io.mttkit.golden.elf.ElfFile;
import io.mttkit.golden.hart.AccessKind;
import io.mttkit.golden.hart.Hart;
import io.mttkit.golden.hart.HartMatrix;
import io.mttkit.golden.hart.MttAccessCheck;
import io.mttkit.golden.hart.Priv;
import io.mttkit.tb.cosim.CheckerLibrary;
import io.mttkit.tb.repro.ReproBundle;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Matrix cells in lockstep: the RTL answers every check the hart makes and agrees; a wrong answer stops the run. */
class LockstepMatrixTest {
    /** A coarse stride keeps each cell under a second; the CLI's default (256) is the full check. */
    private static final long STRIDE = 4096;

    @TempDir
    Path bundles;

    @BeforeAll
    static void tools() {
        LockstepTools.require();
    }

    private static CheckerLibrary lib(MttMode mode) {
        return LockstepTarget.forCell(mode.xlen(), mode.format());
    }

    private static String config(MttMode mode) {
        return LockstepTarget.configName(mode.xlen(), mode.format());
    }

    private LockstepMatrix.Cell run(MttMode mode, int xwr, boolean firmwareTables, int batch) {
        return LockstepMatrix.runCell(LockstepTools.matrix(mode.xlen()),
                new HartMatrix.CellSpec(mode, xwr, firmwareTables), STRIDE, lib(mode), config(mode),
                new LockstepOptions(batch, 1, bundles));
    }

    @Test
    void cellsOfEveryShippedConfigurationPassInLockstep() {
        Object[][] cells = {
            {MttMode.SMMPT43, Access.R | Access.W, true},
            {MttMode.SMMTT56, Access.R | Access.X, false},
            {MttMode.SMMPT34, Access.R | Access.W | Access.X, true},
            {MttMode.SMMTT34, 0, false},
        };
        LockstepOptions opts = LockstepOptions.defaults(bundles);
        for (Object[] c : cells) {
            MttMode mode = (MttMode) c[0];
            List<long[]> seen = new ArrayList<>();
            Run r = runWith(LockstepTools.matrix(mode.xlen()), mode, (Integer) c[1], (Boolean) c[2], opts, null, seen);
            assertTrue(r.cell().pass(), r.cell().line());
            // every check the hart made (counted outside lockstep) was answered by the RTL
            assertEquals(seen.size(), r.stats().checks(), r.cell().line() + " " + r.stats());
            assertTrue(seen.stream().anyMatch(x -> x[1] == AccessKind.FETCH.ordinal()), "S-mode fetches are checks");
            assertTrue(r.stats().mirroredPages() > 0, r.stats().toString());
        }
    }

    @Test
    void batchingIsInvisible() {
        LockstepMatrix.Cell one = run(MttMode.SMMPT43, Access.R | Access.X, false, 1);
        LockstepMatrix.Cell big = run(MttMode.SMMPT43, Access.R | Access.X, false, LockstepOptions.DEFAULT_BATCH);
        assertTrue(one.pass(), one.line());
        assertTrue(big.pass(), big.line());
        assertEquals(big.stats().checks(), one.stats().checks());
        assertEquals(big.stats().fences(), one.stats().fences());
        assertTrue(one.stats().batches() >= one.stats().checks(), "batch size 1: one bridge run per check");
        assertTrue(big.stats().batches() * 100 < one.stats().batches(), big.stats() + " vs " + one.stats());
    }

    /**
     * The RTL side is wrapped so that one answer, to an S-mode load chosen in a first clean run, is flipped: the
     * run must stop at that check with a report naming the instruction, the access, both answers and a bundle.
     */
    @Test
    void aWrongRtlAnswerStopsTheRunWithAFullReport() throws Exception {
        MttMode mode = MttMode.SMMPT43;
        int xwr = Access.R | Access.W;
        ElfFile elf = LockstepTools.matrix(64);
        LockstepOptions opts = new LockstepOptions(LockstepOptions.DEFAULT_BATCH, 1, bundles);

        // 1: a clean run, recording every check the hart makes (index, kind, priv, pc, pa) from outside lockstep
        List<long[]> seen = new ArrayList<>();
        runWith(elf, mode, xwr, false, opts, null, seen);
        int target = -1;
        for (int i = 1000; i < seen.size() && target < 0; i++) {
            if (seen.get(i)[1] == AccessKind.LOAD.ordinal() && seen.get(i)[2] == Priv.S) {
                target = i;
            }
        }
        assertTrue(target > 0, "the matrix must make S-mode loads");
        long[] t = seen.get(target);
        long pc = t[3];
        long pa = t[4];

        // 2: the same run with the RTL's answer to that check flipped
        final int flip = target;
        LockstepMismatchException e = null;
        try {
            runWith(elf, mode, xwr, false, opts, (answers, first) -> {
                List<CheckAnswer> out = new ArrayList<>(answers);
                int k = (int) (flip - first);
                if (k >= 0 && k < out.size()) {
                    CheckAnswer a = out.get(k);
                    out.set(k, new CheckAnswer(!a.allow(), a.cause(), a.xwr(), a.hit(), a.stale()));
                }
                return out;
            }, new ArrayList<>());
        } catch (LockstepMismatchException x) {
            e = x;
        }
        assertNotNull(e, "a flipped RTL answer must stop the run");
        String report = e.getMessage();
        assertEquals(pc, e.pc());
        assertTrue(report.contains("check " + target + " of the run"), report);
        assertTrue(report.contains(String.format("pc 0x%x (S-mode)", pc)), report);
        // the disassembly of the instruction at that pc (S-mode runs untranslated in the matrix: pa = va)
        Hart h = LastHart.hart;
        int insn = (int) h.memory().load(pc, 2);
        if ((insn & 3) == 3) {
            insn = (int) h.memory().load(pc, 4);
        }
        assertTrue(report.contains(h.disassembler().disassemble(pc, insn)), report);
        assertTrue(report.contains(String.format("LOAD pa 0x%x size", pa)), report);
        assertTrue(report.contains("golden hart: allow"), report);
        assertTrue(report.contains("RTL:         deny"), report);
        assertTrue(report.contains("no table page was written since the last MTT fence"), report);
        Path bundle = e.bundle();
        assertNotNull(bundle, report);
        assertTrue(report.contains("repro bundle: " + bundle), report);
        assertTrue(Files.isRegularFile(bundle) && Files.isRegularFile(LockstepBundle.streamFile(bundle)), report);
        ReproBundle b = ReproBundleCodec.read(bundle);
        assertEquals(pa, b.requests().get(b.failingIndex()).pa());
        assertFalse(b.memory().isEmpty(), "the bundle must hold the mirrored table memory");
    }

    /** Holds the hart of the last run (for the test's own disassembly). */
    private static final class LastHart {
        static Hart hart;
    }

    private record Run(HartMatrix.Cell cell, LockstepStats stats) {
    }

    /**
     * Runs a cell in lockstep with an optional answer tap, recording every check the hart makes ({index, kind
     * ordinal, priv, pc, pa}) through a wrapper outside lockstep.
     */
    private static Run runWith(ElfFile elf, MttMode mode, int xwr, boolean firmwareTables, LockstepOptions opts,
                               LockstepChecker.AnswerTap tap, List<long[]> seen) {
        CheckerLibrary lib = lib(mode);
        LockstepChecker[] c = new LockstepChecker[1];
        try {
            HartMatrix.Cell cell = HartMatrix.runCellAttached(elf, mode, xwr, STRIDE, firmwareTables, hart -> {
                LastHart.hart = hart;
                c[0] = LockstepChecker.attach(hart, lib, config(mode), opts);
                c[0].setAnswerTap(tap);
                MttAccessCheck inner = hart.mttCheck();
                hart.setMttCheck((m, root, sdid, pa, size, kind, be, out) -> {
                    seen.add(new long[] {seen.size(), kind.ordinal(), hart.priv(), hart.pc(), pa});
                    return inner.check(m, root, sdid, pa, size, kind, be, out);
                });
            });
            return new Run(cell, c[0].finish());
        } finally {
            if (c[0] != null) {
                c[0].close();
            }
        }
    }
}
