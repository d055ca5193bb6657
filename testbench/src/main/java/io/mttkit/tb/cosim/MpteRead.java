package io.mttkit.tb.cosim;

/**
 * One MPTE read of a check: address and size (from the RTL's read, or the golden walk), the value (the golden
 * model's after the MBE byte swap; the RTL's as the bytes lie in memory, little-endian) and whether the bus answered
 * with an error.
 */
record MpteRead(long addr, int size, long value, boolean failed) {
    /** The RTL's value as the walker interprets it: byte-swapped for a big-endian check when the RTL honours MBE. */
    long interpreted(boolean be, boolean bigEndianSupport) {
        if (!be || !bigEndianSupport) {
            return value;
        }
        return size == 8 ? Long.reverseBytes(value) : Integer.reverseBytes((int) value) & 0xFFFF_FFFFL;
    }
}
