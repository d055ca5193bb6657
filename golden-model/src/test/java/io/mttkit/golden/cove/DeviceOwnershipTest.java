package io.mttkit.golden.cove;

import io.mttkit.golden.TableFormat;
import io.mttkit.golden.hart.HartConfig;
import io.mttkit.golden.hart.HartListener.Fence;
import io.mttkit.golden.hart.HartSystem;
import io.mttkit.golden.hart.PageMemory;
import io.mttkit.golden.iompt.AbortReason;
import io.mttkit.golden.iompt.CommandDone;
import io.mttkit.golden.iompt.CommandWord;
import io.mttkit.golden.iompt.DmaTransaction;
import io.mttkit.golden.iompt.DmaVerdict;
import io.mttkit.golden.iompt.MptInval;
import io.mttkit.golden.iompt.Op;
import io.mttkit.golden.iompt.Status;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The device side of the ownership invariants on hand-made event sequences: the I/O checker's old-or-new window per
 * domain closed by an MPTINVAL covering the page (and by a completed protocol), the protocol's I/O side (MPTINVAL
 * and IOFENCE after the revocation), and two writers through DMA.
 */
class DeviceOwnershipTest {
    static final long P = 0x8080_0000L;
    static final long Q = 0x8080_1000L;
    static final int HOST = 1;
    static final int TVM = 2;
    static final List<DmaAgent.Device> DEVICES = List.of(new DmaAgent.Device("host-dev", 0x0100, HOST),
            new DmaAgent.Device("tvm-dev", 0x0200, TVM));

    OwnershipScoreboard board;

    @BeforeEach
    void setUp() {
        PageMemory mem = new PageMemory();
        mem.map(0x8000_0000L, 16L << 20, "ram");
        HartSystem system = new HartSystem(HartConfig.defaults(64, TableFormat.SMMPT_V0_9), mem, 2);
        board = new OwnershipScoreboard(system, Map.of(HOST, "host", TVM, "TVM"), false, DEVICES);
        board.accept(new OwnershipEvent.SetPermission(0, 0, HOST, P, 2, 3)); // P and Q: the host's, rw
        board.accept(new OwnershipEvent.FenceDone(0, 0));
    }

    private void dma(int device, long pa, boolean write, boolean allow) {
        DmaAgent.Device d = DEVICES.get(device);
        DmaTransaction tx = write ? DmaTransaction.write(d.deviceId(), pa, 8) : DmaTransaction.read(d.deviceId(), pa, 8);
        board.dmaChecked(device, d, tx, new DmaVerdict(tx, allow ? AbortReason.NONE : AbortReason.MPT_DISALLOWED,
                null, null, null, null, pa, 1));
    }

    private void mptinval(MptInval scope) {
        board.ioCompleted(new CommandDone(scope.toCommand(), Op.MPTINVAL, Status.SUCCESS, 1, scope.toData1(), 0,
                scope));
    }

    private void iofence() {
        board.ioCompleted(new CommandDone(CommandWord.iofence(), Op.IOFENCE, Status.SUCCESS, 1, 0, 0, null));
    }

    private void fenceHarts() {
        board.fenced(0, Fence.MFENCE_PA, true, 0, true, 0);
        board.fenced(1, Fence.MFENCE_PA, true, 0, true, 0);
    }

    private OwnershipViolation broken(Runnable r) {
        return assertThrows(OwnershipViolationException.class, r::run).violation();
    }

    @Test
    void oldOrNewUntilAnMptinvalCoversThePageThenOnlyNew() {
        board.accept(new OwnershipEvent.SetPermission(0, 0, HOST, P, 1, 0)); // revoke P from the host
        dma(0, P, true, true);   // old, in the I/O checker's window
        dma(0, P, true, false);  // new
        mptinval(MptInval.ofRange(Q >>> 12, false)); // another page: the window of P stays open
        dma(0, P, false, true);
        mptinval(MptInval.ofRange(P >>> 12, false, TVM)); // another SDID: still open
        dma(0, P, false, true);
        mptinval(MptInval.ofRange(P >>> 12, false));
        OwnershipViolation v = broken(() -> dma(0, P, false, true));
        assertEquals(OwnershipViolation.Kind.STALE_ALLOW, v.kind(), v.report());
        assertEquals(OwnershipViolation.DEVICE, v.hart());
        assertTrue(v.report().contains("device host-dev (id 0x0100)"), v.report());
        dma(0, Q, true, true);   // Q never changed
        dma(1, Q, false, false); // the TVM never had Q
        assertEquals(OwnershipViolation.Kind.STALE_ALLOW, broken(() -> dma(1, Q, false, true)).kind());
    }

    @Test
    void aGrantInForceAfterTheProtocolMayNotBeDenied() {
        board.accept(new OwnershipEvent.SetPermission(0, 0, HOST, P, 1, 0));
        board.accept(new OwnershipEvent.SetPermission(0, 0, TVM, P, 1, 1));
        dma(1, P, false, false); // the grant not yet in force for the device: old (deny) allowed
        fenceHarts();
        mptinval(MptInval.all());
        iofence();
        board.accept(new OwnershipEvent.FenceDone(0, 0));
        assertEquals(OwnershipViolation.Kind.DENIED_OWNED, broken(() -> dma(1, P, false, false)).kind());
        dma(1, P, false, true);
        assertEquals(OwnershipViolation.Kind.STALE_ALLOW, broken(() -> dma(1, P, true, true)).kind());
        assertEquals(OwnershipViolation.Kind.STALE_ALLOW, broken(() -> dma(0, P, false, true)).kind());
    }

    @Test
    void theProtocolNeedsAnMptinvalOfTheRevokedPage() {
        board.accept(new OwnershipEvent.SetPermission(0, 0, HOST, P, 1, 0));
        fenceHarts();
        mptinval(MptInval.ofRange(Q >>> 12, false));
        iofence();
        OwnershipViolation v = broken(() -> board.accept(new OwnershipEvent.FenceDone(0, 0x8000_2000L)));
        assertEquals(OwnershipViolation.Kind.IOFENCE_OMITTED, v.kind(), v.report());
        assertEquals(0, v.hart(), "the hart that ran the protocol");
        assertTrue(v.report().contains("no MPTINVAL covering the page"), v.report());
    }

    @Test
    void theProtocolNeedsAnIofenceAfterTheRevocation() {
        iofence(); // before the change: does not count
        board.accept(new OwnershipEvent.SetPermission(0, 0, HOST, P, 1, 0));
        fenceHarts();
        mptinval(MptInval.ofSdid(HOST));
        OwnershipViolation v = broken(() -> board.accept(new OwnershipEvent.FenceDone(0, 0)));
        assertEquals(OwnershipViolation.Kind.IOFENCE_OMITTED, v.kind(), v.report());
        assertTrue(v.report().contains("no IOFENCE completed"), v.report());
    }

    @Test
    void theWholeProtocolPasses() {
        board.accept(new OwnershipEvent.SetPermission(0, 0, HOST, P, 1, 0));
        fenceHarts();
        mptinval(MptInval.ofRange(P >>> 12, false));
        iofence();
        board.accept(new OwnershipEvent.FenceDone(0, 0));
        dma(0, P, false, false);
    }

    @Test
    void aWriteGrantWhileADeviceOfTheOldWriterMayStillWriteIsTwoWriters() {
        board.accept(new OwnershipEvent.SetPermission(0, 0, HOST, P, 1, 1)); // host keeps read only
        fenceHarts(); // every hart fenced, the I/O checker not
        OwnershipViolation v = broken(() -> board.accept(new OwnershipEvent.SetPermission(0, 0, TVM, P, 1, 3)));
        assertEquals(OwnershipViolation.Kind.TWO_WRITERS, v.kind(), v.report());
        assertTrue(v.report().contains("by DMA from device host-dev"), v.report());
    }
}
