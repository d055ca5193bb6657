package io.mttkit.tb.lockstep;

import io.mttkit.bridge.Event;
import io.mttkit.golden.cove.DmaAgent;
import io.mttkit.golden.cove.IoMirror;
import io.mttkit.golden.cove.OwnershipScoreboard;
import io.mttkit.golden.cove.OwnershipViolation;
import io.mttkit.golden.cove.OwnershipViolationException;
import io.mttkit.golden.hart.PageMemory;
import io.mttkit.golden.iompt.DmaTransaction;
import io.mttkit.golden.iompt.DmaVerdict;
import io.mttkit.golden.iompt.Op;
import io.mttkit.golden.iompt.RegisterInterface;
import io.mttkit.golden.iompt.SdclRule;
import io.mttkit.golden.mem.PhysicalMemory;
import io.mttkit.tb.cosim.SessionSettings;
import io.mttkit.tb.iocosim.IoCheckerLibrary;
import io.mttkit.tb.iocosim.IoHarness;
import io.mttkit.tb.iocosim.IoObserver;
import io.mttkit.tb.iocosim.IoOp;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The RTL I/O MPT checker in the CoVE run ({@code mtt scenario cove --rtl}, {@code docs/cove.md}): every register
 * access of the monitor and every DMA transaction of the agent also goes, in the same order, to the shipped RTL
 * checker through {@code tb/iocosim}'s {@link IoHarness} (which compares the RTL with its own golden checkers and
 * golden cache model, as {@code mtt regress --config io-rv64-smmpt} does), and every RTL DMA answer is judged by the
 * ownership scoreboard like the golden one. After a {@code command} or {@code control} write the harness polls
 * {@code status} until the RTL's BUSY falls, so the RTL has finished before the monitor's next access (the golden
 * checker finishes at once). The RTL walks a mirror of the two table areas, refreshed from the harts' memory before
 * every DMA transaction (the harness requires MPT memory to change only between its runs).
 */
final class CoveIoLockstep implements IoMirror, IoObserver, AutoCloseable {
    /** The monitor's table areas (programs/cove.c HOST_TABLES, TVM_TABLES) and how much of each is mirrored. */
    static final long[] TABLE_AREAS = {0x8040_0000L, 0x8048_0000L};
    static final int MIRRORED = 0x1_0000;

    private final PageMemory source;
    private final PhysicalMemory mirror = new PhysicalMemory();
    private final IoHarness harness;
    private final Supplier<OwnershipScoreboard> board;
    private Event.DmaResponse answer;
    private OwnershipViolation violation;
    private final boolean dropMptinval;
    /** data1 and data2 written since the last command, held back in case the command is a dropped MPTINVAL. */
    private final ArrayList<IoOp> operands = new ArrayList<>();

    /**
     * @param dropMptinval the seeded wrong checker ({@code io-stale-checker}): the monitor's MPTINVAL operations never
     *                     reach the RTL (nor the harness's golden models, which stay in step with it), so its cache keeps
     *                     entries the protocol should have removed
     */
    CoveIoLockstep(IoCheckerLibrary lib, PageMemory source, Supplier<OwnershipScoreboard> board, boolean dropMptinval) {
        this.dropMptinval = dropMptinval;
        this.source = source;
        this.board = board;
        for (long a : TABLE_AREAS) {
            mirror.addRegion(a, MIRRORED);
        }
        this.harness = new IoHarness(lib, mirror, SessionSettings.simple(1));
        harness.setObserver(this);
    }

    /** The ownership invariant an RTL DMA answer broke, or null. */
    OwnershipViolation violation() {
        return violation;
    }

    @Override
    public void register(long offset, int size, boolean write, long value) {
        if (!write) {
            if (offset != RegisterInterface.STATUS) { // status: the harness's own polls compare it
                harness.run(List.of(IoOp.Reg.read((int) offset, size)));
            }
            return;
        }
        if (dropMptinval && offset >= RegisterInterface.DATA1) {
            operands.add(IoOp.Reg.write((int) offset, size, value));
            return;
        }
        if (dropMptinval && offset == RegisterInterface.COMMAND) {
            if ((value & 0xFF) == Op.MPTINVAL.encoding()) {
                operands.clear();
                return;
            }
            harness.run(List.copyOf(operands));
            operands.clear();
        }
        harness.run(List.of(IoOp.Reg.write((int) offset, size, value)));
        if (offset == RegisterInterface.COMMAND || offset == RegisterInterface.CONTROL) {
            harness.run(List.of(new IoOp.Poll()));
        }
    }

    @Override
    public void dma(int index, DmaAgent.Device device, DmaTransaction tx) {
        for (long a : TABLE_AREAS) {
            ByteBuffer b = mirror.regionBuffer(a);
            byte[] bytes = source.readBytes(a, MIRRORED);
            b.put(0, bytes);
        }
        answer = null;
        harness.run(List.of(new IoOp.Dma(tx)));
        if (answer == null) {
            throw new IllegalStateException("the RTL I/O checker gave no verdict for DMA #" + tx.id());
        }
        OwnershipViolation v = board.get().rtlDmaAnswer(index, device, tx, answer.allow());
        if (v != null) {
            violation = v;
            throw new OwnershipViolationException(v);
        }
    }

    @Override
    public void verdict(DmaVerdict verdict, SdclRule rule, SdclRule below, Event.DmaResponse rsp, boolean window) {
        answer = rsp;
    }

    @Override
    public void close() {
        harness.close();
    }
}
