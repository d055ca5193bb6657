package io.mttkit.tb.iocosim;

import io.mttkit.golden.iompt.DmaTransaction;
import io.mttkit.golden.iompt.RegisterInterface;
import java.util.List;

/**
 * One step of an I/O checker stimulus, in stream order: a DMA transaction, a register access, a status poll or an
 * idle gap. The bridge presents each in the cycle after the previous one was taken (one request at a time), so
 * register programs and DMA streams interleave at exact positions.
 */
public sealed interface IoOp {
    /**
     * A DMA transaction ({@code [pa, pa + size)} within one 4 KiB granule, port contract v3). {@code idleIdeId} is what
     * the bridge drives on {@code dma_ide_id} when the transaction is on no IDE stream ({@code dma_has_ide} 0): the
     * checker must ignore it, so the stimulus puts rule keys there.
     */
    record Dma(DmaTransaction tx, int idleIdeId) implements IoOp {
        public Dma(DmaTransaction tx) {
            this(tx, 0);
        }
    }

    /** A register access of {@code size} bytes at {@code addr}: a write of {@code value}, or a read. */
    record Reg(int addr, int size, boolean write, long value) implements IoOp {
        public static Reg read(int addr, int size) {
            return new Reg(addr, size, false, 0);
        }

        public static Reg write(int addr, int size, long value) {
            return new Reg(addr, size, true, value);
        }
    }

    /** Reads {@code status} until BUSY is 0 (every read is compared). */
    record Poll() implements IoOp {
    }

    /** {@code cycles} cycles presenting nothing. */
    record Idle(int cycles) implements IoOp {
    }

    /**
     * Software's sequence for one operation (§"Command register"): write {@code data1} and {@code data2} (8 bytes
     * each), write {@code command}, poll until BUSY falls, read {@code status} and both data registers.
     */
    static List<IoOp> command(int command, long data1, long data2) {
        return List.of(Reg.write(RegisterInterface.DATA1, 8, data1), Reg.write(RegisterInterface.DATA2, 8, data2),
                Reg.write(RegisterInterface.COMMAND, 4, command & 0xFFFF_FFFFL), new Poll(),
                Reg.read(RegisterInterface.STATUS, 4), Reg.read(RegisterInterface.DATA1, 8),
                Reg.read(RegisterInterface.DATA2, 8));
    }

    /** Writes {@code control.MODE} and polls until BUSY falls, then reads {@code control} back. */
    static List<IoOp> mode(int mode) {
        return List.of(Reg.write(RegisterInterface.CONTROL, 4, mode), new Poll(),
                Reg.read(RegisterInterface.CONTROL, 4));
    }
}
