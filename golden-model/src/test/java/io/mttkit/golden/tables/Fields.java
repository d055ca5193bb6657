package io.mttkit.golden.tables;

import java.math.BigInteger;

/**
 * Test-side construction of expected entry values from the spec figures, field by field, with
 * {@link BigInteger} so that nothing is shared with the builder's shift-and-or encoders.
 */
final class Fields {
    private BigInteger value = BigInteger.ZERO;
    private final int width;

    private Fields(int width) {
        this.width = width;
    }

    /** An entry of {@code width} bits (32 or 64), all zero. */
    static Fields entry(int width) {
        return new Fields(width);
    }

    /** Sets bits {@code [lo + bits - 1 : lo]} to {@code v}; fails the test set-up if {@code v} does not fit. */
    Fields set(int lo, int bits, long v) {
        BigInteger bv = BigInteger.valueOf(v);
        if (bv.signum() < 0 || bv.bitLength() > bits || lo + bits > width) {
            throw new AssertionError("field [" + (lo + bits - 1) + ":" + lo + "] cannot hold " + v);
        }
        value = value.or(bv.shiftLeft(lo));
        return this;
    }

    /** The entry as the raw bits of a long (two's complement for bit 63). */
    long bits() {
        return value.longValue();
    }

    /** Reads the {@code size}-byte entry at physical address {@code pa} of a built image. */
    static long read(BuiltTables t, long pa, int size, boolean bigEndian) {
        long off = pa - t.base();
        if (off < 0 || off + size > t.image().length) {
            throw new AssertionError("address 0x" + Long.toHexString(pa) + " is outside the image");
        }
        BigInteger v = BigInteger.ZERO;
        for (int i = 0; i < size; i++) {
            int b = t.image()[(int) off + i] & 0xFF;
            int byteIndex = bigEndian ? size - 1 - i : i;
            v = v.or(BigInteger.valueOf(b).shiftLeft(8 * byteIndex));
        }
        return v.longValue();
    }

    static long read(BuiltTables t, long pa, int size) {
        return read(t, pa, size, false);
    }
}
