package io.mttkit.golden.cove;

import io.mttkit.golden.LookupResult;
import io.mttkit.golden.MttMode;
import io.mttkit.golden.TableFormat;
import io.mttkit.golden.hart.AccessKind;
import io.mttkit.golden.hart.HartConfig;
import io.mttkit.golden.hart.HartListener.Fence;
import io.mttkit.golden.hart.HartSystem;
import io.mttkit.golden.hart.PageMemory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The ownership invariants on hand-made event sequences: the per-hart old-or-new window, the fence scopes that close
 * it (MFENCE.PA, MINVAL.PA completed by SFENCE.INVAL.IR, address and SDID), the protocol's completion, two writers,
 * and RTL answers judged against the window of their check.
 */
class OwnershipScoreboardTest {
    static final long P = 0x8080_0000L;
    static final long Q = 0x8080_1000L;
    static final int HOST = 1;
    static final int TVM = 2;

    OwnershipScoreboard board;
    OwnershipScoreboard rtlBoard;

    @BeforeEach
    void setUp() {
        PageMemory mem = new PageMemory();
        mem.map(0x8000_0000L, 16L << 20, "ram");
        HartSystem system = new HartSystem(HartConfig.defaults(64, TableFormat.SMMPT_V0_9), mem, 2);
        board = new OwnershipScoreboard(system, Map.of(HOST, "host", TVM, "TVM"), false);
        rtlBoard = new OwnershipScoreboard(system, Map.of(HOST, "host", TVM, "TVM"), true);
        for (OwnershipScoreboard b : new OwnershipScoreboard[] {board, rtlBoard}) {
            b.accept(new OwnershipEvent.SetPermission(0, 0, HOST, P, 2, 3)); // P and Q: the host's, rw
            b.accept(new OwnershipEvent.FenceDone(0, 0));
        }
    }

    private static void check(OwnershipScoreboard b, int hart, int sdid, long pa, AccessKind kind, boolean allow) {
        LookupResult r = new LookupResult();
        if (allow) {
            r.bypass();
        } else {
            r.decide(0, 0, kind.need(), 12);
        }
        b.checked(hart, 0x8000_1000L, MttMode.SMMPT43, 0x80400, sdid, pa, 4, kind, r);
    }

    private static OwnershipViolation.Kind broken(Runnable r) {
        return assertThrows(OwnershipViolationException.class, r::run).violation().kind();
    }

    private static void fenceAll(OwnershipScoreboard b, int hart) {
        b.fenced(hart, Fence.MFENCE_PA, true, 0, true, 0);
    }

    @Test
    void oldOrNewUntilTheHartsOwnFenceThenOnlyNew() {
        board.accept(new OwnershipEvent.SetPermission(0, 0, HOST, P, 1, 0)); // revoke P
        check(board, 1, HOST, P, AccessKind.LOAD, true);  // old, in hart 1's window
        check(board, 1, HOST, P, AccessKind.LOAD, false); // new
        board.fenced(1, Fence.SFENCE_W_INVAL, true, 0, true, 0);
        board.fenced(1, Fence.MINVAL_PA, false, P, true, 0);
        check(board, 1, HOST, P, AccessKind.LOAD, true);  // MINVAL.PA alone completes nothing
        board.fenced(1, Fence.SFENCE_INVAL_IR, true, 0, true, 0);
        assertEquals(OwnershipViolation.Kind.STALE_ALLOW, broken(() -> check(board, 1, HOST, P, AccessKind.LOAD, true)));
        check(board, 0, HOST, P, AccessKind.STORE, true); // hart 0 has not fenced: still its window
        check(board, 1, HOST, Q, AccessKind.STORE, true); // Q never changed
    }

    @Test
    void aFenceOfAnotherPageOrAnotherSdidDoesNotCloseTheWindow() {
        board.accept(new OwnershipEvent.SetPermission(0, 0, HOST, P, 1, 0));
        board.fenced(1, Fence.MFENCE_PA, false, Q, true, 0);
        board.fenced(1, Fence.MFENCE_PA, true, 0, false, TVM);
        check(board, 1, HOST, P, AccessKind.LOAD, true);
        board.fenced(1, Fence.MFENCE_PA, true, 0, false, HOST);
        assertEquals(OwnershipViolation.Kind.STALE_ALLOW, broken(() -> check(board, 1, HOST, P, AccessKind.LOAD, true)));
    }

    @Test
    void theProtocolCompletesOnlyWhenEveryHartFencedTheRevokedPage() {
        board.accept(new OwnershipEvent.SetPermission(0, 0, HOST, P, 1, 0));
        fenceAll(board, 0);
        OwnershipViolationException e = assertThrows(OwnershipViolationException.class,
                () -> board.accept(new OwnershipEvent.FenceDone(0, 0x8000_2000L)));
        assertEquals(OwnershipViolation.Kind.FENCE_OMITTED, e.violation().kind());
        assertEquals(1, e.violation().hart());
        assertTrue(e.getMessage().contains("a fence omitted on hart 1"), e.getMessage());
        assertTrue(e.getMessage().contains("host (sdid 1): rw -> -"), e.getMessage());
    }

    @Test
    void afterTheProtocolOnlyTheNewPermissionWhicheverWay() {
        board.accept(new OwnershipEvent.SetPermission(0, 0, HOST, P, 1, 0));
        board.accept(new OwnershipEvent.SetPermission(0, 0, TVM, P, 1, 1)); // read: no second writer
        check(board, 1, TVM, P, AccessKind.LOAD, false); // the grant not yet in force: old (deny) allowed
        fenceAll(board, 0);
        fenceAll(board, 1);
        board.accept(new OwnershipEvent.FenceDone(0, 0));
        assertEquals(OwnershipViolation.Kind.DENIED_OWNED, broken(() -> check(board, 1, TVM, P, AccessKind.LOAD, false)));
        assertEquals(OwnershipViolation.Kind.STALE_ALLOW, broken(() -> check(board, 0, HOST, P, AccessKind.LOAD, true)));
        check(board, 0, TVM, P, AccessKind.LOAD, true);
        assertEquals(OwnershipViolation.Kind.STALE_ALLOW, broken(() -> check(board, 0, TVM, P, AccessKind.STORE, true)));
    }

    @Test
    void aWriteGrantWhileTheOldWriterMayStillWriteIsTwoWriters() {
        board.accept(new OwnershipEvent.SetPermission(0, 0, HOST, P, 1, 1)); // host keeps read only
        OwnershipViolationException e = assertThrows(OwnershipViolationException.class,
                () -> board.accept(new OwnershipEvent.SetPermission(1, 0x8000_3000L, TVM, P, 1, 3)));
        assertEquals(OwnershipViolation.Kind.TWO_WRITERS, e.violation().kind());
        assertEquals(TVM, e.violation().sdid());
        assertTrue(e.getMessage().contains("ownership moved before the fence protocol completed"), e.getMessage());
    }

    @Test
    void aWriteGrantAfterEveryHartFencedTheRevocationIsOneWriter() {
        board.accept(new OwnershipEvent.SetPermission(0, 0, HOST, P, 1, 1));
        fenceAll(board, 0);
        board.fenced(1, Fence.MINVAL_PA, false, P, true, 0);
        board.fenced(1, Fence.SFENCE_INVAL_IR, true, 0, true, 0);
        assertDoesNotThrow(() -> board.accept(new OwnershipEvent.SetPermission(1, 0, TVM, P, 1, 3)));
        assertDoesNotThrow(() -> board.accept(new OwnershipEvent.SetPermission(1, 0, TVM, Q, 1, 1))); // read only
    }

    @Test
    void anRtlAnswerIsJudgedAgainstTheWindowOfItsCheck() {
        rtlBoard.accept(new OwnershipEvent.SetPermission(0, 0, HOST, P, 1, 0));
        check(rtlBoard, 1, HOST, P, AccessKind.LOAD, false); // golden: new; the RTL will answer old, from its cache
        fenceAll(rtlBoard, 0);
        fenceAll(rtlBoard, 1);
        rtlBoard.accept(new OwnershipEvent.FenceDone(0, 0));
        check(rtlBoard, 1, HOST, P, AccessKind.LOAD, false); // after the protocol
        assertNull(rtlBoard.rtlAnswer(1, 0x8000_1000L, HOST, P, AccessKind.LOAD, true, true),
                "the first check was made inside the window: the old allow is legal");
        OwnershipViolation v = rtlBoard.rtlAnswer(1, 0x8000_1000L, HOST, P, AccessKind.LOAD, true, true);
        assertNotNull(v, "the second was made after the protocol");
        assertEquals(OwnershipViolation.Kind.STALE_ALLOW, v.kind());
        assertTrue(v.report().contains("RTL checker of hart 1 (cache hit): allow"), v.report());
        assertTrue(v.report().contains("a stale entry kept by the checker"), v.report());
        // an answer that comes before its check reaches the scoreboard (a batch flushed inside the check) is judged
        // against the window now, and the check that follows is not queued twice
        OwnershipViolation early = rtlBoard.rtlAnswer(0, 0, HOST, P, AccessKind.STORE, true, false);
        assertNotNull(early);
        check(rtlBoard, 0, HOST, P, AccessKind.STORE, false);
        check(rtlBoard, 0, HOST, Q, AccessKind.STORE, true);
        assertNull(rtlBoard.rtlAnswer(0, 0, HOST, Q, AccessKind.STORE, true, false));
    }
}
