package io.mttkit.golden.cove;

import io.mttkit.golden.iompt.DmaTransaction;

/**
 * A second I/O MPT checker driven in the same run as the golden one (e.g. the RTL's, {@code mtt scenario cove
 * --rtl}): it gets the monitor's register accesses and the DMA agent's transactions in the order the golden checker
 * does.
 */
public interface IoMirror {
    /** The monitor accessed the register at {@code offset} (0..31); for a write, after the golden checker took it. */
    void register(long offset, int size, boolean write, long value);

    /** The DMA agent issued {@code tx} for device {@code index} (after the golden checker's verdict was judged). */
    void dma(int index, DmaAgent.Device device, DmaTransaction tx);
}
