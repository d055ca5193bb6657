package io.mttkit.golden.hart;

/**
 * The core-local interruptor as SiFive and Spike lay it out, for {@code harts} harts: {@code msip} of hart
 * {@code i} at +4·i, {@code mtimecmp} of hart {@code i} at +0x4000 + 8·i, one {@code mtime} at +0xBFF8, in a
 * 64 KiB window. {@code mtime} advances only when a hart steps ({@link #tick}), so time is a function of the
 * instruction count (with several harts, of the steps of all harts together).
 */
final class Clint {
    static final long SIZE = 0x10000;
    private static final long MTIMECMP = 0x4000;
    private static final long MTIME = 0xBFF8;
    /** Harts a CLINT window can address (the msip block is 0x4000 bytes; mttkit systems have at most 8). */
    static final int MAX_HARTS = 4095;

    private final long base;
    private final int harts;
    long mtime;
    /** Hart 0's {@code mtimecmp} and {@code msip}; the others' are in the arrays below. */
    long mtimecmp = -1; // no timer interrupt until software programs one
    boolean msip;
    private final long[] mtimecmpN;
    private final boolean[] msipN;

    Clint(long base) {
        this(base, 1);
    }

    /** A CLINT for harts 0 .. {@code harts}-1. */
    Clint(long base, int harts) {
        if (harts < 1 || harts > MAX_HARTS) {
            throw new IllegalArgumentException("a CLINT serves 1.." + MAX_HARTS + " harts, got " + harts);
        }
        this.base = base;
        this.harts = harts;
        this.mtimecmpN = new long[harts];
        this.msipN = new boolean[harts];
        java.util.Arrays.fill(mtimecmpN, -1);
    }

    /** Number of harts served. */
    int harts() {
        return harts;
    }

    /** True when {@code pa} lies in the CLINT's window. */
    boolean contains(long pa) {
        return Long.compareUnsigned(pa - base, SIZE) < 0;
    }

    /** MTIP of hart 0: {@code mtime ≥ mtimecmp} (unsigned). */
    boolean timerPending() {
        return Long.compareUnsigned(mtime, mtimecmp) >= 0;
    }

    /** MTIP of {@code hart}. */
    boolean timerPending(int hart) {
        return Long.compareUnsigned(mtime, mtimecmp(hart)) >= 0;
    }

    /** MSIP of {@code hart}. */
    boolean msip(int hart) {
        return hart == 0 ? msip : msipN[hart];
    }

    /** {@code mtimecmp} of {@code hart}. */
    long mtimecmp(int hart) {
        return hart == 0 ? mtimecmp : mtimecmpN[hart];
    }

    private void setMsip(int hart, boolean v) {
        if (hart == 0) {
            msip = v;
        } else {
            msipN[hart] = v;
        }
    }

    private void setMtimecmp(int hart, long v) {
        if (hart == 0) {
            mtimecmp = v;
        } else {
            mtimecmpN[hart] = v;
        }
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
        } else if (off >= MTIMECMP && off < MTIMECMP + 8L * harts) {
            long rel = off - MTIMECMP;
            v = mtimecmp((int) (rel >>> 3)) >>> (8 * (rel & 7));
        } else if (off < 4L * harts) {
            v = msipWord(off);
            if (size == 8) {
                v |= msipWord(off + 4) << 32;
            }
        } else {
            v = 0;
        }
        return size == 8 ? v : v & ((1L << (8 * size)) - 1);
    }

    private long msipWord(long off) {
        int h = (int) (off >>> 2);
        return h < harts && msip(h) ? 1 : 0;
    }

    /** A naturally aligned store; writes to unimplemented offsets are ignored. */
    void write(long pa, int size, long v) {
        long off = pa - base;
        if (off >= MTIME && off < MTIME + 8) {
            mtime = merge(mtime, off - MTIME, size, v);
        } else if (off >= MTIMECMP && off < MTIMECMP + 8L * harts) {
            long rel = off - MTIMECMP;
            int h = (int) (rel >>> 3);
            setMtimecmp(h, merge(mtimecmp(h), rel & 7, size, v));
        } else if (off < 4L * harts && (off & 3) == 0) {
            setMsip((int) (off >>> 2), (v & 1) != 0);
            if (size == 8 && (off >>> 2) + 1 < harts) {
                setMsip((int) (off >>> 2) + 1, ((v >>> 32) & 1) != 0);
            }
        }
    }

    private static long merge(long reg, long byteOff, int size, long v) {
        int sh = (int) (8 * byteOff);
        long m = size == 8 ? -1L : ((1L << (8 * size)) - 1);
        return (reg & ~(m << sh)) | ((v & m) << sh);
    }
}
