package io.mttkit.golden.tables;

import java.util.Arrays;

/**
 * Allocates table pages one after another from the image base and writes entries into them. Once the
 * image would exceed the size limit it stops storing bytes but keeps allocating, so that the error can
 * state the size the tables need.
 */
final class ImageWriter {
    static final long PAGE = 4096;

    /**
     * Once the image would be this many times the limit (and at least {@link #COUNT_CAP_MIN}), stop counting:
     * the exact size no longer matters, and pathological inputs would take minutes to count.
     */
    static final long COUNT_CAP_FACTOR = 16;
    static final long COUNT_CAP_MIN = 1L << 32;

    /** Thrown by {@link #allocate} when the image has grown far past its limit; ends the build at once. */
    static final class FarTooLarge extends RuntimeException {
        FarTooLarge() {
            super(null, null, false, false);
        }
    }

    private final long base;
    private final long maxBytes;
    private final long reach;
    private final boolean bigEndian;
    private byte[] bytes = new byte[0];
    private long used;
    private long tableBytes;
    private boolean overflow;
    private boolean beyondReach;

    /**
     * @param reach the first address the tables' PPN fields cannot point to (2^34 on RV32, 2^56 on RV64);
     *              a table allocated at or beyond it is reported by {@link #beyondReach()}
     */
    ImageWriter(long base, long maxBytes, long reach, boolean bigEndian) {
        this.base = base;
        this.maxBytes = maxBytes;
        this.reach = reach;
        this.bigEndian = bigEndian;
    }

    /**
     * Reserves a zero-filled table of {@code size} bytes (rounded up to whole pages) at the next address
     * aligned to {@code align} (a power of two, at least one page) and returns its physical address.
     */
    long allocate(long size, long align) {
        long pages = (size + PAGE - 1) / PAGE;
        long offset = alignUp(base + used, align) - base;
        long end = offset + pages * PAGE;
        used = end;
        tableBytes += pages * PAGE;
        if (end > Math.max(COUNT_CAP_FACTOR * maxBytes, COUNT_CAP_MIN)) {
            throw new FarTooLarge();
        }
        if (Long.compareUnsigned(base + end, reach) > 0) {
            // Keep going so that the caller can finish and report; the address handed out is a stand-in
            // that every PPN field can hold, and nothing more is stored.
            beyondReach = true;
            bytes = null;
            return 0;
        }
        if (end > maxBytes) {
            overflow = true;
            bytes = null;
        } else if (!overflow && end > bytes.length) {
            long cap = Math.max(end, Math.min(maxBytes, 2L * bytes.length));
            bytes = Arrays.copyOf(bytes, (int) cap);
        }
        return base + offset;
    }

    /** True once nothing more is stored, so callers may skip computing entries that create no table. */
    boolean stopped() {
        return overflow || beyondReach;
    }

    /** Writes the low {@code size} (4 or 8) bytes of {@code value} at physical address {@code pa}. */
    void put(long pa, int size, long value) {
        if (overflow || beyondReach) {
            return;
        }
        int off = (int) (pa - base);
        for (int i = 0; i < size; i++) {
            int shift = 8 * (bigEndian ? size - 1 - i : i);
            bytes[off + i] = (byte) (value >>> shift);
        }
    }

    /** Bytes from the image base to the end of the last table (alignment padding included). */
    long bytesNeeded() {
        return used;
    }

    /** Bytes occupied by tables, padding excluded. */
    long tableBytes() {
        return tableBytes;
    }

    boolean overflowed() {
        return overflow;
    }

    /** True when some table would lie at or above the reach of the PPN fields. */
    boolean beyondReach() {
        return beyondReach;
    }

    /** The finished image; only when not {@link #overflowed()}. */
    byte[] image() {
        if (overflow || beyondReach) {
            throw new IllegalStateException("image exceeded its size limit or the PPN reach");
        }
        return bytes.length == used ? bytes : Arrays.copyOf(bytes, (int) used);
    }

    static long alignUp(long addr, long align) {
        return (addr + align - 1) & -align;
    }
}
