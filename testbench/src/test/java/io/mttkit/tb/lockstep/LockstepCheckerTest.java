package io.mttkit.tb.lockstep;

import io.mttkit.tb.cosim.CheckAnswer;
import io.mttkit.golden.Access;
import io.mttkit.golden.Cause;
import io.mttkit.golden.LookupResult;
import io.mttkit.golden.MttMode;
import io.mttkit.golden.TableFormat;
import io.mttkit.golden.hart.AccessKind;
import io.mttkit.golden.hart.Hart;
import io.mttkit.golden.hart.HartConfig;
import io.mttkit.golden.hart.HartListener;
import io.mttkit.golden.hart.HartMatrix;
import io.mttkit.golden.hart.PageMemory;
import io.mttkit.golden.pmp.Pmp;
import io.mttkit.golden.tables.BuiltTables;
import io.mttkit.golden.tables.Region;
import io.mttkit.golden.tables.TableBuilder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The flush rules, driven through the hart's check hook without a program: the RTL must answer each queued
 * check against the tables (and PMP) the golden walk saw, whatever the hart does next.
 */
class LockstepCheckerTest {
    private static final MttMode MODE = MttMode.SMMPT43;
    private static final long TABLES = 0x8040_0000L;
    private static final long TARGET = 0xB000_0000L;
    private static final int SDID = 1;

    @TempDir
    Path bundles;

    private PageMemory mem;
    private Hart hart;

    @BeforeAll
    static void tools() {
        LockstepTools.require();
    }

    @BeforeEach
    void hart() {
        mem = new PageMemory();
        mem.map(0x8000_0000L, 64L << 20, "ram");
        mem.map(TARGET, 1L << 20, "target");
        hart = new Hart(HartConfig.defaults(64, TableFormat.SMMPT_V0_9), mem);
    }

    private BuiltTables tables(int xwr) {
        return TableBuilder.build(List.of(new Region(TARGET, 1L << 20, xwr)), MODE, TABLES);
    }

    private LockstepChecker attach(int batch) {
        return LockstepChecker.attach(hart, LockstepTarget.forCell(64, TableFormat.SMMPT_V0_9), "rv64-smmpt",
                new LockstepOptions(batch, 1, bundles));
    }

    private LookupResult load(BuiltTables t, long pa) {
        return hart.mttCheck().check(MODE, t.rootPpn(), SDID, pa, 8, AccessKind.LOAD, false, new LookupResult());
    }

    @Test
    void aTableEditFlushesTheChecksThatWalkedTheOldTablesFirst() {
        BuiltTables rw = tables(Access.R | Access.W);
        BuiltTables none = tables(0);
        assertEquals(rw.rootPpn(), none.rootPpn(), "both builds must share the root for an in-place edit");
        mem.writeBytes(rw.base(), rw.image(), 0, rw.image().length);
        try (LockstepChecker c = attach(256)) {
            assertTrue(load(rw, TARGET + 0x40).allow());
            assertEquals(1, c.queuedChecks());
            // The RDSM rewrites the tables in place (disallow): the queued check walked the old bytes, so it
            // must reach the RTL before they change. Without the flush the RTL would deny it.
            mem.writeBytes(none.base(), none.image(), 0, none.image().length);
            assertEquals(0, c.queuedChecks(), "the write must flush the queued check first");
            c.fence(HartListener.Fence.MFENCE_PA, true, 0, true, 0);
            LookupResult after = load(none, TARGET + 0x40);
            assertFalse(after.allow());
            LockstepStats s = c.finish();
            assertEquals(2, s.checks());
            assertEquals(1, s.fences());
            assertTrue(s.mirroredPages() >= MODE.levels() - 1, s.toString());
        }
    }

    @Test
    void aMismatchAfterAnUnfencedTableEditBlamesTheMissingFence() {
        BuiltTables rw = tables(Access.R | Access.W);
        BuiltTables none = tables(0);
        mem.writeBytes(rw.base(), rw.image(), 0, rw.image().length);
        try (LockstepChecker c = attach(256)) {
            // the RTL side answers the second check wrongly, as a cached checker holding the old entry would
            c.setAnswerTap((answers, first) -> {
                List<CheckAnswer> out = new ArrayList<>(answers);
                for (int i = 0; i < out.size(); i++) {
                    if (first + i == 1) {
                        CheckAnswer a = out.get(i);
                        out.set(i, new CheckAnswer(true, 0, a.xwr(), true, false));
                    }
                }
                return out;
            });
            assertTrue(load(rw, TARGET).allow());
            mem.writeBytes(none.base(), none.image(), 0, none.image().length); // no fence follows
            assertFalse(load(none, TARGET).allow());
            LockstepMismatchException e = assertThrows(LockstepMismatchException.class, c::finish);
            String r = e.getMessage();
            assertTrue(r.contains("check 1 of the run"), r);
            assertTrue(r.contains("RTL:         allow"), r);
            assertTrue(r.contains("has not executed MFENCE.PA or SFENCE.INVAL.IR since"), r);
            assertTrue(r.matches("(?s).*wrote table page 0x804[0-9a-f]{5}.*"), r);
        }
    }

    @Test
    void pmpDenialOfAnImplicitReadReachesTheRtl() {
        BuiltTables rw = tables(Access.R | Access.W);
        mem.writeBytes(rw.base(), rw.image(), 0, rw.image().length);
        // A locked NAPOT entry without R over the root table page: M-mode implicit reads there are denied
        // (SPEC-DECISIONS #20), so the walk stops at its first read with an access fault.
        long root = rw.rootPpn() << 12;
        hart.pmp().writePmpaddr(0, (root >>> 2) | 0x1FF);
        hart.pmp().writePmpcfg(0, Pmp.CFG_L | (Pmp.A_NAPOT << Pmp.CFG_A_SHIFT));
        try (LockstepChecker c = attach(256)) {
            LookupResult r = load(rw, TARGET);
            assertFalse(r.allow());
            assertTrue(r.cause() != Cause.NONE && r.readCount() == 0, r.toString());
            assertEquals(1, c.finish().checks());
        }
    }

    @Test
    void fencesAndPmpWritesFlushWhereTheRulesSay() {
        BuiltTables rw = tables(Access.R | Access.W);
        mem.writeBytes(rw.base(), rw.image(), 0, rw.image().length);
        try (LockstepChecker c = attach(256)) {
            load(rw, TARGET);
            c.fence(HartListener.Fence.MINVAL_PA, false, TARGET, false, SDID);
            assertEquals(1, c.queuedChecks(), "MINVAL.PA alone is ordered by the next SFENCE.INVAL.IR: no flush");
            c.fence(HartListener.Fence.SFENCE_INVAL_IR, true, 0, true, 0);
            assertEquals(0, c.queuedChecks(), "SFENCE.INVAL.IR flushes");
            load(rw, TARGET);
            c.csrWritten(0x382, HartMatrix.rootCsrValue(MODE, SDID, rw.rootPpn())); // mmpt: requests carry it all
            assertEquals(1, c.queuedChecks(), "a root CSR write needs no flush");
            c.csrWritten(Pmp.CSR_PMPADDR0, 0);
            assertEquals(0, c.queuedChecks(), "a PMP CSR write flushes");
            load(rw, TARGET);
            c.fence(HartListener.Fence.SFENCE_W_INVAL, true, 0, true, 0);
            c.fence(HartListener.Fence.SFENCE_VMA, true, 0, true, 0);
            assertEquals(1, c.queuedChecks(), "SFENCE.W.INVAL and SFENCE.VMA send nothing");
            LockstepStats s = c.finish();
            assertEquals(3, s.checks());
            assertEquals(2, s.fences());
        }
    }

    @Test
    void aCheckerOfAnotherFormatIsRefusedByName() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> LockstepChecker.attach(hart,
                LockstepTarget.forCell(64, TableFormat.SMMTT_V0_1), "rv64-smmtt", LockstepOptions.defaults(bundles)));
        assertTrue(e.getMessage().contains("rv64-smmtt") && e.getMessage().contains("smmpt"), e.getMessage());
    }
}
