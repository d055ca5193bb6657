package io.mttkit.golden.hart;

/**
 * A memory-mapped device on the harts' bus beside the CLINT (e.g. the I/O MPT checker's register interface of the
 * CoVE scenario, {@code docs/cove.md}). Like the CLINT it answers loads and stores only: no fetch, no page-table
 * walk, no misaligned access (those are access faults).
 */
public interface BusDevice {
    /** True when {@code pa} lies in the device's window. */
    boolean contains(long pa);

    /** A load of {@code size} bytes at {@code pa} (in the window). */
    long read(long pa, int size);

    /** A store of the low {@code size} bytes of {@code value} at {@code pa} (in the window). */
    void write(long pa, int size, long value);
}
