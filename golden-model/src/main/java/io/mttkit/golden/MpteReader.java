package io.mttkit.golden;

/**
 * Where a walk's implicit MPTE reads go. {@link io.mttkit.golden.mem.PhysicalMemory} is the usual
 * implementation; co-simulation wraps it to replay the bus errors it injected into the RTL.
 */
public interface MpteReader {
    /** False when a read of {@code size} bytes at {@code addr} ends in a bus error (unmapped or injected). */
    boolean canRead(long addr, int size);

    /** The {@code size}-byte (4 or 8) value at {@code addr}, little- or big-endian; only after canRead. */
    long read(long addr, int size, boolean bigEndian);
}
