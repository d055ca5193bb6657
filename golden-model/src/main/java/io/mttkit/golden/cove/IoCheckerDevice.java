package io.mttkit.golden.cove;

import io.mttkit.golden.hart.BusDevice;
import io.mttkit.golden.iompt.Completion;
import io.mttkit.golden.iompt.IoMptChecker;
import io.mttkit.golden.iompt.RegisterInterface;

import java.util.function.Consumer;

/**
 * The golden I/O MPT checker ({@link IoMptChecker}, Smmpt v0.9 chapter 6) on the harts' bus: its register
 * interface in a 4 KiB MMIO window at {@link #BASE} ({@code docs/cove.md} "The device side"). A write of
 * {@code command} or {@code control} sets BUSY; the golden model completes the operation at once (one of the
 * timings the spec allows: software polls BUSY), so the next read of {@code status} sees BUSY 0 and the CODE.
 * Offsets 32..4095 of the window read 0 and ignore writes (spec-notes: the bus decoder's).
 */
public final class IoCheckerDevice implements BusDevice {
    /** The window's base: below RAM, beside the CLINT (0x0200_0000). */
    public static final long BASE = 0x0300_0000L;
    /** The window's size. */
    public static final long SIZE = 0x1000;

    private final IoMptChecker checker;
    private final Consumer<Completion> completed;
    private IoMirror mirror;

    /**
     * @param checker   the golden checker the DMA agent's transactions go to
     * @param completed told about every completed {@code command} or {@code control} operation
     */
    public IoCheckerDevice(IoMptChecker checker, Consumer<Completion> completed) {
        this.checker = checker;
        this.completed = completed;
    }

    /** Also sends every register access in the window to {@code m} (null: none). */
    public void mirrorTo(IoMirror m) {
        this.mirror = m;
    }

    /** The checker behind the window. */
    public IoMptChecker checker() {
        return checker;
    }

    @Override
    public boolean contains(long pa) {
        return Long.compareUnsigned(pa - BASE, SIZE) < 0;
    }

    @Override
    public long read(long pa, int size) {
        long off = pa - BASE;
        if (off >= RegisterInterface.SIZE) {
            return 0;
        }
        if (mirror != null) {
            mirror.register(off, size, false, 0);
        }
        return checker.read(off, size);
    }

    @Override
    public void write(long pa, int size, long value) {
        long off = pa - BASE;
        if (off >= RegisterInterface.SIZE) {
            return;
        }
        checker.write(off, size, value);
        if (checker.busy()) {
            checker.complete().ifPresent(completed);
        }
        if (mirror != null) {
            mirror.register(off, size, true, value);
        }
    }
}
