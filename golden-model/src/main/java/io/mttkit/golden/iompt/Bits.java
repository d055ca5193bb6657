package io.mttkit.golden.iompt;

/** Field extraction and insertion for the register layouts of ch. 6 (the wavedrom diagrams). */
final class Bits {
    private Bits() {
    }

    /** Bits {@code [lo + width − 1 : lo]} of {@code v}. */
    static long field(long v, int lo, int width) {
        return (v >>> lo) & mask(width);
    }

    /** {@code value} placed at bit {@code lo}; {@code value} must already fit {@code width} bits. */
    static long place(long value, int lo, int width) {
        return (value & mask(width)) << lo;
    }

    static long mask(int width) {
        return width == 64 ? -1L : (1L << width) - 1;
    }

    /** Throws when {@code value} is outside {@code 0 .. max}, naming the field and the range. */
    static void checkRange(String name, long value, long max) {
        if (value < 0 || value > max) {
            throw new IllegalArgumentException(name + " must be in 0.." + max + " (0x" + Long.toHexString(max)
                    + "), got " + value);
        }
    }
}
