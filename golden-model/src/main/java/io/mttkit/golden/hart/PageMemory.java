package io.mttkit.golden.hart;

import io.mttkit.golden.MpteReader;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The hart's physical memory: a set of mapped ranges whose 4 KiB pages are allocated on first write.
 * An unwritten page reads as zero. This lets the seed's matrix map a 1 GiB region at 0xC000_0000 while
 * only paying for the pages a program touches (a direct 1 GiB {@code ByteBuffer} is zero-filled up front).
 *
 * <p>An access outside every mapped range is a bus error: {@link #canAccess} says no and the hart raises
 * an access fault. Accesses are naturally aligned (the hart traps misaligned ones), so one never crosses
 * a page. Implements {@link MpteReader} so the MTT lookup reads its entries from the same bytes.
 *
 * <p>A co-simulation that mirrors some pages elsewhere (the RTL checker's memory in lockstep,
 * {@code docs/lockstep.md}) marks them with {@link #watchPage} and is told before every write to a watched
 * page ({@link #setWriteObserver}), while the old bytes are still in place.
 */
public final class PageMemory implements MpteReader {
    private static final VarHandle LE16 = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle LE32 = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle LE64 = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final byte[] ZERO_PAGE = new byte[4096];

    /** One mapped range {@code [base, base + size)}. */
    public record Range(long base, long size, String name) {
        boolean contains(long addr, int len) {
            long off = addr - base;
            return Long.compareUnsigned(off, size) < 0 && Long.compareUnsigned(off + len, size) <= 0;
        }

        /** {@code 'ram' [0x80000000, 0x8fffffff]}: how messages name a range. */
        @Override
        public String toString() {
            return String.format("'%s' [0x%x, 0x%x]", name, base, base + size - 1);
        }
    }

    private final List<Range> ranges = new ArrayList<>();
    private final Map<Long, byte[]> pages = new HashMap<>();
    private long lastPpn = -1;
    private byte[] lastPage;
    private Range lastRange;

    /** Told before a write changes a watched page. */
    @FunctionalInterface
    public interface WriteObserver {
        /**
         * A write into page {@code ppn} is about to happen (the page still holds its old bytes).
         *
         * @param ppn the physical page number ({@code address >>> 12})
         */
        void beforeWrite(long ppn);
    }

    private WriteObserver writeObserver;
    private final LongSet watched = new LongSet();
    // one-entry cache of the last page written: most stores hit the page of the previous store
    private long lastWritePpn = -1;
    private boolean lastWriteWatched;

    /**
     * Maps {@code [base, base + size)}; both page aligned, non-empty, not overlapping another range.
     *
     * @throws IllegalArgumentException naming the range and the problem
     */
    public void map(long base, long size, String name) {
        if (size <= 0 || (base & 0xFFF) != 0 || (size & 0xFFF) != 0) {
            throw new IllegalArgumentException(String.format(
                    "memory range '%s' [0x%x, +0x%x) must be non-empty and 4 KiB aligned in base and size",
                    name, base, size));
        }
        if (Long.compareUnsigned(base + size - 1, base) < 0) {
            throw new IllegalArgumentException("memory range '" + name + "' wraps past 2^64");
        }
        for (Range r : ranges) {
            if (Long.compareUnsigned(base, r.base + r.size - 1) <= 0
                    && Long.compareUnsigned(r.base, base + size - 1) <= 0) {
                throw new IllegalArgumentException(String.format(
                        "memory range '%s' [0x%x, 0x%x] overlaps '%s' [0x%x, 0x%x]", name, base, base + size - 1,
                        r.name, r.base, r.base + r.size - 1));
            }
        }
        ranges.add(new Range(base, size, name));
    }

    /** The mapped ranges in the order they were added. */
    public List<Range> ranges() {
        return List.copyOf(ranges);
    }

    /**
     * Sets the observer told before every write into a {@link #watchPage watched} page (null: none).
     * Writes to pages that are not watched cost one compare with the last page written.
     */
    public void setWriteObserver(WriteObserver observer) {
        this.writeObserver = observer;
    }

    /** Watches page {@code ppn}: writes to it are announced to the {@link #setWriteObserver observer}. */
    public void watchPage(long ppn) {
        watched.add(ppn);
        lastWritePpn = -1;
    }

    /** True when page {@code ppn} is {@link #watchPage watched}. */
    public boolean isWatched(long ppn) {
        return watched.contains(ppn);
    }

    /**
     * Copies the 4 KiB of page {@code ppn} (zeros when never written) into {@code dst} at {@code dstOffset}
     * (absolute put; the buffer's position is not used).
     */
    public void copyPage(long ppn, ByteBuffer dst, int dstOffset) {
        byte[] p = pages.get(ppn);
        dst.put(dstOffset, p == null ? ZERO_PAGE : p, 0, 4096);
    }

    /** Number of 4 KiB pages allocated so far (written at least once). */
    public int allocatedPages() {
        return pages.size();
    }

    /** True when {@code len} bytes at {@code addr} lie in one mapped range. */
    public boolean canAccess(long addr, int len) {
        Range r = lastRange;
        if (r != null && r.contains(addr, len)) {
            return true;
        }
        for (Range x : ranges) {
            if (x.contains(addr, len)) {
                lastRange = x;
                return true;
            }
        }
        return false;
    }

    @Override
    public boolean canRead(long addr, int size) {
        return canAccess(addr, size);
    }

    @Override
    public long read(long addr, int size, boolean bigEndian) {
        long v = load(addr, size);
        return bigEndian ? swap(v, size) : v;
    }

    /** Little-endian read of 1, 2, 4 or 8 bytes, zero-extended. The caller checked {@link #canAccess}. */
    public long load(long addr, int size) {
        byte[] p = page(addr, false);
        int off = (int) (addr & 0xFFF);
        requireInPage(addr, off, size);
        return switch (size) {
            case 1 -> p[off] & 0xFFL;
            case 2 -> ((short) LE16.get(p, off)) & 0xFFFFL;
            case 4 -> ((int) LE32.get(p, off)) & 0xFFFF_FFFFL;
            case 8 -> (long) LE64.get(p, off);
            default -> throw new IllegalArgumentException("access size must be 1, 2, 4 or 8, got " + size);
        };
    }

    /** Little-endian write of the low {@code size} bytes of {@code value}. The caller checked {@link #canAccess}. */
    public void store(long addr, int size, long value) {
        if (writeObserver != null) {
            announceWrite(addr >>> 12);
        }
        byte[] p = page(addr, true);
        int off = (int) (addr & 0xFFF);
        requireInPage(addr, off, size);
        switch (size) {
            case 1 -> p[off] = (byte) value;
            case 2 -> LE16.set(p, off, (short) value);
            case 4 -> LE32.set(p, off, (int) value);
            case 8 -> LE64.set(p, off, value);
            default -> throw new IllegalArgumentException("access size must be 1, 2, 4 or 8, got " + size);
        }
    }

    /** Write with the given byte order. */
    public void write(long addr, int size, long value, boolean bigEndian) {
        store(addr, size, bigEndian ? swap(value, size) : value);
    }

    /** Copies {@code bytes} to {@code addr}; every byte must be mapped. */
    public void writeBytes(long addr, byte[] bytes, int from, int len) {
        if (len == 0) {
            return;
        }
        if (!canAccess(addr, len)) {
            throw new IllegalArgumentException(String.format("[0x%x, +0x%x) is not inside one mapped memory range %s",
                    addr, len, ranges));
        }
        for (int i = 0; i < len; ) {
            long a = addr + i;
            int off = (int) (a & 0xFFF);
            int n = Math.min(len - i, 4096 - off);
            if (writeObserver != null) {
                announceWrite(a >>> 12);
            }
            System.arraycopy(bytes, from + i, page(a, true), off, n);
            i += n;
        }
    }

    /** Reads {@code len} bytes from {@code addr} (unwritten bytes are zero). */
    public byte[] readBytes(long addr, int len) {
        byte[] out = new byte[len];
        for (int i = 0; i < len; ) {
            long a = addr + i;
            int off = (int) (a & 0xFFF);
            int n = Math.min(len - i, 4096 - off);
            System.arraycopy(page(a, false), off, out, i, n);
            i += n;
        }
        return out;
    }

    private void announceWrite(long ppn) {
        if (ppn != lastWritePpn) {
            lastWritePpn = ppn;
            lastWriteWatched = watched.contains(ppn);
        }
        if (lastWriteWatched) {
            writeObserver.beforeWrite(ppn);
        }
    }

    private static void requireInPage(long addr, int off, int size) {
        if (off + size > 4096) {
            throw new IllegalArgumentException(String.format("access of %d bytes at 0x%x crosses a page", size, addr));
        }
    }

    private byte[] page(long addr, boolean forWrite) {
        long ppn = addr >>> 12;
        if (ppn == lastPpn) {
            return lastPage;
        }
        byte[] p = pages.get(ppn);
        if (p == null) {
            if (!forWrite) {
                return ZERO_PAGE;
            }
            p = new byte[4096];
            pages.put(ppn, p);
        }
        lastPpn = ppn;
        lastPage = p;
        return p;
    }

    static long swap(long v, int size) {
        return switch (size) {
            case 1 -> v;
            case 2 -> Short.reverseBytes((short) v) & 0xFFFFL;
            case 4 -> Integer.reverseBytes((int) v) & 0xFFFF_FFFFL;
            default -> Long.reverseBytes(v);
        };
    }

    /** An open-addressing set of page numbers (no boxing on the store path). */
    private static final class LongSet {
        private static final long EMPTY = -1; // never a page number: ppn = address >>> 12 < 2^52
        private long[] slots = newSlots(64);
        private int size;

        private static long[] newSlots(int n) {
            long[] a = new long[n];
            java.util.Arrays.fill(a, EMPTY);
            return a;
        }

        private static int slot(long v, int mask) {
            long h = v * 0x9E37_79B9_7F4A_7C15L;
            return (int) (h >>> 40) & mask;
        }

        boolean contains(long v) {
            int mask = slots.length - 1;
            for (int i = slot(v, mask); ; i = (i + 1) & mask) {
                long s = slots[i];
                if (s == v) {
                    return true;
                }
                if (s == EMPTY) {
                    return false;
                }
            }
        }

        void add(long v) {
            if (contains(v)) {
                return;
            }
            if (2 * (size + 1) > slots.length) {
                long[] old = slots;
                slots = newSlots(old.length * 2);
                size = 0;
                for (long o : old) {
                    if (o != EMPTY) {
                        insert(o);
                    }
                }
            }
            insert(v);
        }

        private void insert(long v) {
            int mask = slots.length - 1;
            int i = slot(v, mask);
            while (slots[i] != EMPTY) {
                i = (i + 1) & mask;
            }
            slots[i] = v;
            size++;
        }
    }
}
