package io.mttkit.golden.hart;

/**
 * The core-local interruptor as SiFive and Spike lay it out, for one hart: {@code msip} at +0,
 * {@code mtimecmp} at +0x4000, {@code mtime} at +0xBFF8, in a 64 KiB window. {@code mtime} advances only
 * when the hart steps ({@link #tick}), so time is a function of the instruction count.
 */
final class Clint {
    static final long SIZE = 0x10000;
    private static final long MTIMECMP = 0x4000;
    private static final long MTIME = 0xBFF8;

    private final long base;
    long mtime;
    long mtimecmp = -1; // no timer interrupt until software programs one
    boolean msip;

    Clint(long base) {
        this.base = base;
    }

    /** True when {@code pa} lies in the CLINT's window. */
    boolean contains(long pa) {
        return Long.compareUnsigned(pa - base, SIZE) < 0;
    }

    /** MTIP: {@code mtime ≥ mtimecmp} (unsigned). */
    boolean timerPending() {
        return Long.compareUnsigned(mtime, mtimecmp) >= 0;
    }

    void tick(int n) {
        mtime += n;
    }

    /** A naturally aligned load of {@code size} bytes; unimplemented offsets read as zero. */
    long read(long pa, int size) {
        long off = pa - base;
        long v;
        if (off >= MTIME && off < MTIME + 8) {
            v = mtime >>> (8 * (off - MTIME));
        } else if (off >= MTIMECMP && off < MTIMECMP + 8) {
            v = mtimecmp >>> (8 * (off - MTIMECMP));
        } else if (off < 4) {
            v = msip ? 1 : 0;
        } else {
            v = 0;
        }
        return size == 8 ? v : v & ((1L << (8 * size)) - 1);
    }

    /** A naturally aligned store; writes to unimplemented offsets are ignored. */
    void write(long pa, int size, long v) {
        long off = pa - base;
        if (off >= MTIME && off < MTIME + 8) {
            mtime = merge(mtime, off - MTIME, size, v);
        } else if (off >= MTIMECMP && off < MTIMECMP + 8) {
            mtimecmp = merge(mtimecmp, off - MTIMECMP, size, v);
        } else if (off == 0) {
            msip = (v & 1) != 0;
        }
    }

    private static long merge(long reg, long byteOff, int size, long v) {
        int sh = (int) (8 * byteOff);
        long m = size == 8 ? -1L : ((1L << (8 * size)) - 1);
        return (reg & ~(m << sh)) | ((v & m) << sh);
    }
}
